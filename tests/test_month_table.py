"""The month table against its sources: CLDR (Babel) and dateparser's language tables.

``rules/tables/months.toml`` is written by ``python -m clean.catalog.month_table``; here
it is checked to be what its sources give, and every month form of every language of the
table (ru, uk, be, kk, de, fr, es, it, pt, pl, tr) in the sources is read as an item's date at the head of a sentence
(``15 <form> 2021 года …``), lower case and Capitalised. The sources are read
at test time: a test skips, saying why, when Babel or dateparser is not installed.
"""

from __future__ import annotations

import pytest

from clean.pipeline import Pipeline

babel = pytest.importorskip("babel", reason="the month table's source (CLDR) is read through Babel: pip install babel")

from clean.catalog import month_table  # noqa: E402  (needs Babel)

PIPELINE = Pipeline()
MIN_READ_SHARE = 0.98
SENTENCE = {  # the sentence a form is read in, per language: day, month, year and its year word first
    "ru": "15 {form} 2021 года в городе прошла встреча.",
    "uk": "15 {form} 2021 року в місті відбулася зустріч.",
    "be": "15 {form} 2021 года ў горадзе адбылася сустрэча.",
    "kk": "15 {form} 2021 жылы қалада кездесу өтті.",
    "de": "Am 15. {form} 2021 fand in der Stadt ein Treffen statt.",
    "fr": "Le 15 {form} 2021, une réunion a eu lieu en ville.",
    "es": "El 15 de {form} de 2021 se celebró una reunión en la ciudad.",
    "it": "Il 15 {form} 2021 si è svolto un incontro in città.",
    "pt": "Em 15 de {form} de 2021 realizou-se uma reunião na cidade.",
    "pl": "15 {form} 2021 r. w mieście odbyło się spotkanie.",
    "tr": "15 {form} 2021 tarihinde kentte bir toplantı yapıldı.",
}
KK_ORDER = "2021 жылғы 15 {form} қалада кездесу өтті."  # Kazakh puts the year first


def _cases() -> list[tuple[str, int, str]]:
    return [(lang, n, form) for lang in month_table.LANGS
            for n, forms in sorted(month_table.source_forms(lang).items()) for form in sorted(forms)]


def _read(sentence: str):
    items = PIPELINE.clean_text(sentence)
    return items[0].date if items else None


def test_tables_are_generated_from_their_sources():
    if month_table.dateparser_table("ru") is None:
        pytest.skip("dateparser is not installed: the tables were generated with its language data")
    for name, text in month_table.outputs().items():
        assert (month_table.TABLES / name).read_text(encoding="utf-8") == text, (
            f"{name} differs from its sources: run python -m clean.catalog.month_table"
        )


@pytest.mark.parametrize("lang", month_table.LANGS)
def test_every_cldr_weekday_heads_a_date_line(lang):
    from babel import Locale

    from clean.families.dates.stamp_lines import date_line

    days = Locale.parse(lang).days["format"]
    names = [n for width in ("wide", "abbreviated") for n in days[width].values()]
    assert [n for n in names if date_line(f"{n.capitalize()}, 20.11.2020 14:35", PIPELINE.rules) != "2020-11-20"] == []


def test_every_source_form_is_read_at_the_head_of_a_sentence():
    cases = _cases()
    assert len(cases) >= (140 if month_table.dateparser_table("ru") else 100)
    misses = []
    for lang, n, form in cases:
        for spelled in (form, form.capitalize()):
            if _read(SENTENCE[lang].format(form=spelled)) != f"2021-{n:02d}-15":
                misses.append((lang, spelled))
    share = 1 - len(misses) / (2 * len(cases))
    assert share >= MIN_READ_SHARE, (share, misses)


def test_kazakh_forms_are_read_year_first():
    cases = [c for c in _cases() if c[0] == "kk"]
    misses = [form for _, n, form in cases if _read(KK_ORDER.format(form=form)) != f"2021-{n:02d}-15"]
    assert not misses


@pytest.mark.parametrize("line", ["Ол 5 там тұрды.", "Было 5 мар в саду.", "Він мав 3 лис у лісі."])
def test_an_abbreviation_without_its_dot_or_a_year_is_no_date(line):
    from clean.families.dates.reader import find_dates

    assert list(find_dates(line, PIPELINE.rules)) == []


@pytest.mark.parametrize("line, iso", [("5 там. 2021 ж.", "2021-08-05"), ("5 жні. 2021", "2021-08-05")])
def test_an_abbreviation_is_read_with_a_year(line, iso):
    from clean.families.dates.reader import find_dates

    assert [f.iso for f in find_dates(line, PIPELINE.rules)] == [iso]
