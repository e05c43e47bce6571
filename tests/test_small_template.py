"""The main-content pass on a page saved whole with a small template (pages written for these tests).

A saved page whose `<title>` line is repeated further down as the visible headline is a whole page
even when its menu and footer are short: the pass cuts it with ten short lines instead of
twenty-five. Near misses: the same article saved without its template (no echo of a title line)
keeps a long list under its text, and a list the text introduces with a colon stays in the article
while the share buttons and headlines after it go.
"""

from __future__ import annotations

import pytest

from clean.model.document import Document
from clean.pipeline import Pipeline

RULE = "content.boilerplate"
PIPELINE = Pipeline()

PAGES = {
    "en": {
        "site": "Valley Post",
        "headline": "Regional chess championship ends in a tie",
        "menu": ["Home", "News", "Sport", "Culture", "Contact"],
        "body": [
            "The regional chess championship ended on Sunday with two players sharing first place after nine "
            "rounds, the first tie at the top in the tournament's thirty-year history.",
            "Organisers said more than two hundred players took part this year, twice as many as last year, and "
            "that the junior section had grown the most of all.",
            "The final round was played in the old library, which the city lent to the chess club for the weekend "
            "at no cost.",
            "The prize fund of five thousand euros was split between the two winners. The next championship will "
            "be held in the same hall in the autumn.",
        ],
        "intro": "Final standings:",
        "after": ["Facebook", "Twitter", "More from Sport", "Local team wins the cup again",
                  "Runners fill the old town on Sunday", "Privacy"],
    },
    "ru": {
        "site": "Городской вестник",
        "headline": "Шахматный турнир области завершился ничьей",
        "menu": ["Главная", "Новости", "Спорт", "Культура", "Контакты"],
        "body": [
            "Областной шахматный турнир завершился в воскресенье: после девяти туров первое место разделили "
            "два участника, и такого не было за тридцать лет его истории.",
            "По словам организаторов, в этом году играли больше двухсот шахматистов, вдвое больше, чем в "
            "прошлом, а сильнее всего вырос юношеский турнир.",
            "Последний тур прошёл в старой библиотеке, которую город бесплатно отдал клубу на выходные.",
            "Призовой фонд в пятьдесят тысяч рублей победители поделили поровну. Следующий турнир пройдёт в "
            "том же зале осенью.",
        ],
        "intro": "Итоговая таблица:",
        "after": ["ВКонтакте", "Telegram", "Другие новости спорта", "Городская команда снова взяла кубок",
                  "Бегуны заполнили старый город", "Политика конфиденциальности"],
    },
}
STANDINGS = [f"{n}. {name} ({club}), {score}" for n, (name, score, club) in enumerate(
    [("Peter Novak", "7.5", "Riga"), ("Ilse Maier", "7.5", "Graz"), ("Jonas Berg", "7", "Bergen"),
     ("Mara Kovac", "6.5", "Split"), ("Luis Ortega", "6.5", "Cádiz"), ("Hana Sato", "6", "Kobe"),
     ("Tomas Lind", "6", "Malmö"), ("Eva Roth", "5.5", "Bern"), ("Karl Weber", "5.5", "Linz"),
     ("Nina Holm", "5", "Aarhus"), ("Olga Petrova", "5", "Tartu")], start=1)]


def saved_page(lang: str, standings: bool = False) -> str:
    page = PAGES[lang]
    article = [page["headline"], *page["body"], *([page["intro"], *STANDINGS] if standings else [])]
    return "\n".join([f"{page['headline']} - {page['site']}", *page["menu"], *article, *page["after"]])


def removed_by_pass(text: str) -> set[str]:
    doc = PIPELINE.clean_document(Document.from_text(text))
    return {r.text for r in doc.removals if r.rule == RULE}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_page_saved_whole_with_a_small_template_is_one_article(lang):
    page = PAGES[lang]
    items = PIPELINE.clean_text(saved_page(lang))
    assert len(items) == 1
    assert items[0].title == page["headline"]
    for line in page["body"]:
        assert line in items[0].text
    text = items[0].text + "\n" + (items[0].title or "")
    for line in page["menu"] + page["after"]:
        assert line not in text.splitlines()
    assert set(page["menu"]) <= removed_by_pass(saved_page(lang))


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_list_the_text_introduces_with_a_colon_stays(lang):
    page = PAGES[lang]
    items = PIPELINE.clean_text(saved_page(lang, standings=True))
    assert len(items) == 1
    kept = items[0].text.splitlines()
    assert page["intro"] in kept
    assert set(STANDINGS) <= set(kept)
    assert not set(page["after"]) & set(kept)  # the share buttons and headlines under the list still go


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_an_article_with_a_long_list_and_no_title_line_is_left_alone(lang):
    page = PAGES[lang]
    text = "\n".join([page["headline"], *page["body"], *STANDINGS])  # no "<title>" line repeated below
    assert removed_by_pass(text) == set()


def test_a_colon_line_over_a_menu_does_not_keep_the_menu():
    page = PAGES["en"]
    menu = ["Sections:", "Home", "World", "Science", "Weather"]
    text = saved_page("en").replace(page["after"][0], "\n".join(menu + page["after"][:1]))
    gone = removed_by_pass(text)
    assert set(menu[1:]) <= gone  # capitalised single words are no items of a list the text introduced
    assert not set(page["body"]) & gone


def test_lines_a_chrome_rule_took_count_toward_the_template_and_a_list_cut_at_its_items_is_one_paragraph():
    items_list = ["new roofs for two schools", "twelve more teaching assistants", "free breakfast in every primary school",
                  "a second bus for the hill villages", "laptops for the final-year pupils",
                  "a part-time nurse for each school", "longer opening hours for the library"]
    body = [
        "The council approved the school budget on Tuesday evening after a debate that lasted more than four hours "
        "and drew a crowd of parents to the town hall.",
        "The plan adds money for teachers and buildings, and it keeps the bus routes that were to be cut in the "
        "spring. These are the main lines of spending:",
        *items_list,
        "The mayor said the money comes from a one-off grant and that next year's budget will be harder to balance.",
        "The budget takes effect on the first of April.",
    ]
    headline = "What the new school budget pays for"
    menu = ["Menu", "Home", "Schools", "Roads", "Events"]
    text = "\n".join([f"{headline} | Town Courier", *menu, headline, *body, "Read next",
                      "New bus line for the hill villages", "© Town Courier"])
    items = PIPELINE.clean_text(text)
    assert [i.title for i in items] == [headline]
    assert all(word in items[0].text for word in ("twelve more teaching assistants", "first of April"))
    assert set(menu) <= removed_by_pass(text)


def test_the_cheap_look_for_a_repeated_title_misses_no_echo_the_classes_find():
    """``title_repeated`` runs before the lines are classed, to spare the classing on pages with a
    small template and no echo; it must say yes wherever the classed lines hold a headline-like echo."""
    from clean.families.content.article_head import title_repeated
    from clean.families.content.line_features import describe, is_echo
    from clean.model.document import Document as Doc
    from tests.conftest import ROOT

    pages = [p for folder in ("tests/corpus", "tests/listings", "seeds") for p in sorted((ROOT / folder).rglob("*.txt"))
             if not p.name.endswith(".expected.txt")]
    pages_text = [p.read_text(encoding="utf-8", errors="replace") for p in pages]
    pages_text += [saved_page(lang, standings) for lang in PAGES for standings in (False, True)]
    checked = 0
    for text in pages_text:
        doc = Doc.from_text(text)
        kept = doc.kept_indices()
        if len(kept) < 2:
            continue
        infos = describe([doc.lines[i].text for i in kept], PIPELINE.rules)
        echoed = any(info.headline_like and is_echo(infos[0], info) for info in infos[1:])
        assert title_repeated(doc, kept) or not echoed, text[:80]
        checked += echoed
    assert checked >= 4  # the written pages above have echoes, at least


@pytest.mark.parametrize("lang, subheading, last", [
    ("en", "What comes next", "The next championship will be held in the same hall in the autumn, the club said."),
    ("ru", "Что дальше", "Следующий турнир пройдёт в том же зале осенью, сообщили в федерации."),
])
def test_a_subheading_over_the_last_paragraph_stays_and_a_related_headline_goes(lang, subheading, last):
    page = PAGES[lang]
    related = page["after"][3]  # another story's headline, with a teaser sentence of its own under it
    text = saved_page(lang).replace(page["after"][0], "\n".join([subheading, last, page["after"][0]]))
    text = text.replace(related, "\n".join([related, "The council will decide on the plan next week, the mayor said."]))
    items = PIPELINE.clean_text(text)
    assert len(items) == 1
    kept = items[0].text.splitlines()
    assert subheading in kept and last in kept
    assert related not in kept


@pytest.mark.parametrize("lang, comments", [
    ("en", ["Jane D.", "2 hours ago", "Great news for the club, and the hall is a good place for it, I was there myself.",
            "Mark", "1 hour ago", "Who pays for the prizes? The club has asked the city for money twice this year."]),
    ("ru", ["Ирина", "3 часа назад", "Отличная новость для клуба, и зал для этого хороший, я сама там была.",
            "Марк", "Вчера, 21:40", "Кто платит за призы? Клуб дважды в этом году просил денег у города."]),
])
def test_reader_comments_timed_as_how_long_ago_are_not_the_article(lang, comments):
    page = PAGES[lang]
    text = saved_page(lang).replace(page["after"][2], "\n".join([*comments, page["after"][2]]))
    items = PIPELINE.clean_text(text)
    assert len(items) == 1
    kept = items[0].text.splitlines()
    assert set(page["body"]) <= set(kept)
    assert not set(comments) & set(kept)  # a relative time is a date line: it ends the article's block


def test_a_comment_right_under_the_text_is_not_the_article_and_a_closing_date_is():
    page = PAGES["ru"]
    comment = ["Ирина", "3 часа назад", "Отличная новость для клуба, и зал для этого хороший, я сама там была."]
    lines = saved_page("ru").splitlines()
    last = lines.index(page["body"][-1])
    items = PIPELINE.clean_text("\n".join(lines[: last + 1] + ["Комментарии (1)", *comment] + lines[last + 1 :]))
    assert not set(comment) & set(items[0].text.splitlines())
    # the article's own date line under its text, with no sentence under it, closes the article
    items = PIPELINE.clean_text("\n".join(lines[: last + 1] + ["Иван Петров", "12.03.2023 18:40"] + lines[last + 1 :]))
    assert "Иван Петров" in items[0].text.splitlines()
