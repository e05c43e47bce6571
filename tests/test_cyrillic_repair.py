"""Repairs of the region's mojibake: a matrix of sentences × garblings, and clean text left alone.

Every sentence (ru, uk, be, kk, written here) is garbled in every way the
region's pages are (UTF-8 or a legacy code page read as another, twice, half a
line, behind HTML entities) and run through ``repair_unicode``; at least
:data:`MIN_REPAIRED` of the garbled lines must come back exactly, and no clean
line may change.
"""

from __future__ import annotations

import html

import ftfy.bad_codecs  # noqa: F401  (sloppy-windows-1252: cp1252 that keeps every byte)
import pytest

from clean.model.document import Document
from clean.catalog import shipped_rules
from clean.families.repair.cyrillic_mojibake import repair_line, known_pairs, suspect
from clean.stages.repair_unicode import repair_unicode

RULES = shipped_rules()
MIN_REPAIRED = 0.95

SENTENCES = {
    "ru": ["Правительство России приняло новое решение о поддержке малого бизнеса.",
           "В Москве прошла встреча министров иностранных дел.",
           "Погода на выходных будет тёплой, без осадков.",
           "Жители района пожаловались на шум от стройки.",
           "«Это важный шаг», — сказал председатель комитета."],
    "uk": ["Уряд ухвалив нове рішення щодо підтримки малого бізнесу.",
           "У Києві відбулася зустріч міністрів закордонних справ.",
           "Погода на вихідних буде теплою, без опадів.",
           "Мешканці району поскаржилися на шум від будівництва.",
           "«Це важливий крок», — сказав голова комітету."],
    "be": ["Урад прыняў новае рашэнне аб падтрымцы малога бізнесу.",
           "У Мінску адбылася сустрэча міністраў замежных спраў.",
           "Надвор'е на выхадных будзе цёплым, без ападкаў.",
           "Жыхары раёна паскардзіліся на шум ад будоўлі.",
           "«Гэта важны крок», — сказаў старшыня камітэта."],
    "kk": ["Үкімет шағын бизнесті қолдау туралы жаңа шешім қабылдады.",
           "Астанада сыртқы істер министрлерінің кездесуі өтті.",
           "Демалыс күндері ауа райы жылы болады, жауын-шашынсыз.",
           "Аудан тұрғындары құрылыстың шуына шағымданды.",
           "«Бұл маңызды қадам», — деді комитет төрағасы."],
}


def _misread(written: str, shown: str):
    return lambda text: text.encode(written).decode(shown)


def _twice(shown: str):
    """UTF-8 read as ``shown``, and the result once more (a page saved twice through the wrong code page)."""
    return lambda text: text.encode("utf-8").decode(shown).encode("utf-8").decode(shown)


def _half(text: str) -> str:
    """The second half of the words garbled (UTF-8 read as cp1251), the first half clean."""
    words = text.split(" ")
    k = len(words) // 2
    return " ".join(words[:k] + [w.encode("utf-8").decode("cp1251") for w in words[k:]])


def _entities(text: str) -> str:
    """UTF-8 read as latin-1, every non-ASCII character then written as a numeric entity."""
    return "".join(c if c.isascii() else f"&#{ord(c)};" for c in text.encode("utf-8").decode("latin-1"))


def _named_entities(text: str) -> str:
    """UTF-8 read as cp1251, then escaped with named entities where HTML has them (&nbsp;, &laquo;)."""
    return html.escape(text.encode("utf-8").decode("cp1251"), quote=False).replace("\xa0", "&nbsp;").replace(
        "«", "&laquo;").replace("»", "&raquo;")


GARBLINGS = {
    "utf8-as-cp1251": _misread("utf-8", "cp1251"),
    "utf8-as-cp1252": _misread("utf-8", "sloppy-windows-1252"),
    "utf8-as-latin1": _misread("utf-8", "latin-1"),
    "utf8-as-koi8r": _misread("utf-8", "koi8-r"),
    "utf8-as-maccyrillic": _misread("utf-8", "mac-cyrillic"),
    "utf8-as-cp866": _misread("utf-8", "cp866"),
    "cp1251-as-latin1": _misread("cp1251", "latin-1"),
    "cp1251-as-cp1252": _misread("cp1251", "sloppy-windows-1252"),
    "cp1251-as-koi8r": _misread("cp1251", "koi8-r"),
    "koi8r-as-cp1251": _misread("koi8-r", "cp1251"),
    "koi8u-as-cp1251": _misread("koi8-u", "cp1251"),
    "cp866-as-cp1251": _misread("cp866", "cp1251"),
    "maccyrillic-as-cp1251": _misread("mac-cyrillic", "cp1251"),
    "cp1251-as-maccyrillic": _misread("cp1251", "mac-cyrillic"),
    "utf8-twice-as-cp1251": _twice("cp1251"),
    "utf8-twice-as-koi8r": _twice("koi8-r"),
    "utf8-twice-as-maccyrillic": _twice("mac-cyrillic"),
    "utf8-twice-as-cp866": _twice("cp866"),
    "half-garbled": _half,
    "entity-wrapped": _entities,
    "named-entities": _named_entities,
}

CLEAN = [s for sentences in SENTENCES.values() for s in sentences] + [
    "The government adopted a new decision on support for small business.",
    "Le gouvernement a adopté une décision : l'élève préfère le café à la crème brûlée.",
    "Die Regierung hat eine Entscheidung über Straßenbau und Öffentlichkeit getroffen; Ärger blieb aus.",
    "Hükümet küçük işletmelere destek konusunda yeni bir karar aldı; şehir ağır çalıştı.",
    "Úkimet shaǵyn biznesti qoldaý týraly jańa sheshim qabyldady.",
    "Компания вКонтакте, агентство КазТАГ и iPhone 15 — «новинки» года №1.",
    "Ціна — 100 € або 120 $; температура +5 °C, ± 2°.",
    "Сегодня +7 °С, ветер 5 м/с.",
    "Курс: 1 $ = 90 ₽, 1 € = 98 ₽; § 5, © 2024 ООО «Ромашка»™.",
    "Мінск † 1944; Ёлка і ўсё, Ў, Ґанок, ʼєднання.",
    "São Paulo, Zürich, Kraków, Øresund, Ærø, Ñandú, naïve café résumé.",
]


def _repaired(text: str) -> str:
    doc = repair_unicode(Document.from_text(text), RULES)
    return "\n".join(line.text for line in doc.lines)


def _matrix():
    for lang, sentences in SENTENCES.items():
        for sentence in sentences:
            for name, garble in GARBLINGS.items():
                try:
                    garbled = garble(sentence)
                except UnicodeError:
                    continue  # the code page has no letters for this language (Kazakh in cp1251)
                yield lang, name, sentence, garbled


def test_garbled_sentences_are_repaired_to_the_original():
    cases = list(_matrix())
    assert len(cases) > 250
    missed = [(lang, name, garbled) for lang, name, sentence, garbled in cases if _repaired(garbled) != sentence]
    assert 1 - len(missed) / len(cases) >= MIN_REPAIRED, missed


@pytest.mark.parametrize("name", sorted(GARBLINGS))
def test_each_garbling_is_repaired_somewhere(name):
    cases = [c for c in _matrix() if c[1] == name]
    assert cases and any(_repaired(garbled) == sentence for _, _, sentence, garbled in cases)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_never_changed(text):
    doc = repair_unicode(Document.from_text(text), RULES)
    assert (doc.lines[0].text, doc.edits) == (text, ())


def test_a_repair_is_recorded_with_its_rule_and_before_after():
    garbled = SENTENCES["ru"][0].encode("cp1251").decode("latin-1")
    doc = repair_unicode(Document.from_text(garbled), RULES)
    (edit,) = doc.edits
    assert edit.rule == "repair.cyrillic-mojibake"
    assert garbled.replace(edit.before, edit.after, 1) == SENTENCES["ru"][0]


def test_the_cheap_test_passes_clean_cyrillic():
    assert not any(suspect(s) for sentences in SENTENCES.values() for s in sentences)


def test_a_short_word_is_not_judged():
    pairs = known_pairs(RULES)
    assert repair_line("Ðîì", pairs) == "Ðîì"  # three letters: too few pairs to tell a misreading
