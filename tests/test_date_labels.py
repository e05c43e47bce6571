"""Date lines with a label or a 12-hour time, in several languages (``rules/tables/date_labels.toml``).

A line under a headline that says when the article was published ('Published March 3, 2022',
'Опубликовано: 03.03.2022 10:42', 'Veröffentlicht am 3. März 2022, 10:42 Uhr') dates the
article; it is neither a headline nor a new item. Near misses: a headline or a sentence that
holds a date among other words is no date line.
"""

from __future__ import annotations

import pytest

from clean.families.dates.stamp_lines import date_line
from clean.families.items.paragraphs import is_dateline
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
HEADLINE = "Harbour ferry returns to service after repairs"
BODY = ("The town's only passenger ferry resumed its crossings on Thursday morning after six months in dry "
        "dock, with about a hundred commuters on board.")

DATE_LINES = [
    "Published March 3, 2022",
    "Published 10:42 a.m. ET March 3, 2022",
    "Updated: 3 March 2022, 10:42",
    "March 3, 2022 at 10:42 p.m.",
    "Опубликовано: 03.03.2022 10:42",
    "Дата публикации: 3 марта 2022 года в 10:42 (МСК)",
    "Опубліковано 3 березня 2022, 10:42",
    "Жарияланды: 03.03.2022 10:42",
    "Veröffentlicht am 3. März 2022, 10:42 Uhr",
    "3. März 2022",
    "Publié le 3 mars 2022 à 10h42",
    "Publicado el 3 de marzo de 2022 a las 10:42",
    "Publicado em 3 de março de 2022 às 10:42",
    "Pubblicato il 3 marzo 2022 alle 10:42",
    "Opublikowano: 3 marca 2022",
    "Yayınlanma: 03.03.2022 10:42",
]

NOT_DATE_LINES = [
    "Elections set for March 3, 2022",
    "Date of the vote: March 3, 2022",
    "Published on March 3, 2022, the report names the ferry",
    "Updated figures for March 3, 2022 are out",
]


@pytest.mark.parametrize("line", DATE_LINES)
def test_a_labelled_date_line_dates_the_article_under_its_headline(line):
    items = PIPELINE.clean_text(f"{HEADLINE}\n{line}\n{BODY}")
    assert [(i.title, i.date) for i in items] == [(HEADLINE, "2022-03-03")]
    assert date_line(line, PIPELINE.rules) == "2022-03-03"
    assert is_dateline(line, PIPELINE.rules)


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_a_line_with_a_date_among_other_words_is_no_date_line(line):
    assert date_line(line, PIPELINE.rules) is None
    assert not is_dateline(line, PIPELINE.rules)


def test_a_headline_with_a_date_in_it_stays_the_title():
    items = PIPELINE.clean_text(f"{NOT_DATE_LINES[0]}\n{BODY}")
    assert [i.title for i in items] == [NOT_DATE_LINES[0]]


def test_a_day_with_a_dot_is_read_only_with_its_year():
    assert PIPELINE.clean_text("Am 3. März 2022 fand in der Stadt ein Treffen statt.")[0].date == "2022-03-03"
    # a number that ends a sentence, then a name that is also a month's form: no date
    assert PIPELINE.clean_text("Показатель достиг отметки 12. Марта Иванова сказала, что это рекорд.")[0].date is None
