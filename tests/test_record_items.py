"""A corpus record (a metadata header, then its body) is one text: one item per record.

The body of a record may hold what the item ladder reads as the start of a new item on
a listing page: a bold subhead with a date ('<b>12 березня. ...</b>'), a paragraph that
opens with a date, a change of topic. ``noise.record-header`` makes each record an article
(``Document.articles``), and ``split_items`` gives each article one item.
"""

from __future__ import annotations

import pytest

from clean.pipeline import Pipeline

PIPELINE = Pipeline()

HEADER = (
    "<id>{n}</id>\n<author_surname></author_surname>\n<title>{title}</title>\n<publ_in>Вісник громади</publ_in>\n"
    "<year>2019</year>\n<length>240</length>\n<comments></comments>\n"
)
BODY = (
    "<body>Огляд трьох випусків ранкової програми обласного радіо за тиждень.\n"
    "<b>3 квітня. Ремонт мосту через річку</b>\n"
    "Ведучий розпитав інженера про терміни ремонту, гість відповідав докладно і спокійно.\n"
    "<b>5 квітня. Весняна ярмарка в районному центрі</b>\n"
    "Усього станом на 5 квітня 2019 року на ярмарку зареєстровано сорок господарств області.\n"
    "Програма вийшла жвавою, хоча тема ярмарку не нова.</body>\n"
)


def test_a_record_with_dated_subheads_is_one_item():
    items = PIPELINE.clean_text(HEADER.format(n=1, title="Ранкове радіо: огляд тижня") + BODY)
    assert len(items) == 1
    assert items[0].title == "Ранкове радіо: огляд тижня"
    assert "Весняна ярмарка" in items[0].text and "Програма вийшла жвавою" in items[0].text
    assert "<year>" not in items[0].text


def test_two_records_in_one_file_are_two_items():
    page = HEADER.format(n=1, title="Ранкове радіо: огляд тижня") + BODY
    page += HEADER.format(n=2, title="Вечірні новини: підсумки") + "<body>Вечірній випуск розповів про погоду.</body>\n"
    items = PIPELINE.clean_text(page)
    assert [item.title for item in items] == ["Ранкове радіо: огляд тижня", "Вечірні новини: підсумки"]
    assert items[1].text == "Вечірній випуск розповів про погоду."


def test_text_before_the_first_header_stays_apart():
    page = "Архів записів громади, випуск другий.\n\n" + HEADER.format(n=1, title="Ранкове радіо: огляд тижня") + BODY
    items = PIPELINE.clean_text(page)
    assert len(items) == 2
    assert items[0].text == "Архів записів громади, випуск другий."
    assert items[1].title == "Ранкове радіо: огляд тижня"


@pytest.mark.parametrize("header", ["", "<year>2019</year>\n<length>240</length>\n"])
def test_without_a_header_the_ladder_still_cuts(header):
    """Two field lines are no header (noise.record-header wants three): the listing is cut as before."""
    page = header + (
        "Ремонт мосту через річку почнеться у травні\nРоботи триватимуть до осені, рух перекриють.\n"
        "Весняна ярмарка відкрилася в районному центрі\nНа ярмарку приїхали сорок господарств області.\n"
    )
    titles = [item.title for item in PIPELINE.clean_text(page)]
    assert titles[-2:] == ["Ремонт мосту через річку почнеться у травні", "Весняна ярмарка відкрилася в районному центрі"]
