"""Whole pages in languages whose running text has few stop words (Kazakh, Turkish: pages written for
these tests). A sentence of such a language may hold fewer stop words than a row of tags of another;
the main-content pass must keep every paragraph of the article all the same, and the teaser of an
aggregator's page must keep the sentences that follow it.
"""

from __future__ import annotations

import pytest

from clean.catalog import shipped_rules
from clean.families.content.line_features import BAD, WORDS, classify, language
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
PAGES = {
    "kk": {
        "site": "Qala News",
        "headline": "Алматыда жаңа саябақ ашылды",
        "date": "12 Наурыз 2023, 14:20",
        "menu": ["Басты бет", "Жаңалықтар", "Саясат", "Экономика", "Қоғам", "Спорт"],
        "body": [
            "Алматының Наурызбай ауданында ауданы он гектар болатын жаңа саябақ ашылды. Саябақта балалар "
            "алаңы, велосипед жолдары және спорт алаңдары бар.",
            "Қала әкімдігінің мәліметінше, құрылысқа 1,2 миллиард теңге жұмсалған. Саябаққа үш мыңнан астам "
            "ағаш отырғызылды.",
            "Тұрғындар жаңа саябақтың ашылуын қуана қарсы алды. Олардың айтуынша, ауданда бұрын демалатын "
            "орын болмаған.",
        ],
        "after": ["Facebook", "Telegram", "WhatsApp", "Тақырып бойынша", "Астанада жаңа көпір салынады",
                  "Шымкентте су құбыры жөнделді"],
    },
    "tr": {
        "site": "Kent Haber",
        "headline": "Şehre yeni bir park açıldı",
        "date": "12 Mart 2023, 14:20",
        "menu": ["Ana sayfa", "Gündem", "Ekonomi", "Spor", "Kültür", "Yazarlar"],
        "body": [
            "Kentin kuzey ilçesinde on hektarlık yeni park törenle açıldı. Parkta çocuk oyun alanları, "
            "bisiklet yolları ve spor sahaları bulunuyor.",
            "Belediyenin açıklamasına göre, yapım için 40 milyon lira harcandı. Parka üç binden fazla ağaç "
            "dikildi.",
            "Mahalle sakinleri yeni parkın açılışını sevinçle karşıladı. Sakinlere göre, ilçede daha önce "
            "dinlenecek bir yer yoktu.",
        ],
        "after": ["Facebook", "Twitter", "WhatsApp", "İlgili haberler", "Limana yeni vapur iskelesi yapılacak",
                  "Sahil yolunda asfalt çalışması başladı"],
    },
}


def saved_page(lang: str) -> str:
    page = PAGES[lang]
    return "\n".join([f"{page['headline']} - {page['site']}", *page["menu"], page["headline"], page["date"],
                      *page["body"], *page["after"], f"© 2023 {page['site']}"])


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_paragraph_of_the_article_stays(lang):
    page = PAGES[lang]
    items = PIPELINE.clean_text(saved_page(lang))
    assert len(items) == 1
    assert items[0].title == page["headline"]
    assert items[0].date == "2023-03-12"
    for line in page["body"]:
        assert line in items[0].text
    for line in page["menu"] + page["after"]:
        assert line not in items[0].text.splitlines()


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_sentence_with_a_clause_and_few_stop_words_is_text(lang):
    rules = shipped_rules()
    texts = PAGES[lang]["body"]
    tokens = [WORDS.findall(t.casefold()) for t in texts]
    stops = language(tokens, rules)
    assert [classify(t, w, stops, rules) for t, w in zip(texts, tokens)].count(BAD) == 0


def test_a_row_of_names_with_no_sentence_is_still_no_text():
    rules = shipped_rules()
    row = "Алматы Астана Шымкент Қарағанды Ақтөбе Тараз Павлодар Өскемен Семей Атырау Қостанай Орал"
    tokens = WORDS.findall(row.casefold())
    stops = language([WORDS.findall(t.casefold()) for t in PAGES["kk"]["body"]], rules)
    assert classify(row, tokens, stops, rules) == BAD
    assert classify(row + ".", tokens, stops, rules) == BAD  # a full stop alone does not make a list a sentence
