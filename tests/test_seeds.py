"""The fifteen items the foundation issue asks of the seeds, field by field."""

from __future__ import annotations

import pytest

from clean.pipeline import Pipeline
from tests.conftest import ROOT

PIPELINE = Pipeline()


def items_of(prefix: str):
    path = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    return PIPELINE.clean_file(path)


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("000", [((1, 1), None, "2023-08-14"), ((2, 2), None, "2023-08-14"), ((3, 3), None, None),
                 ((4, 8), None, "2019-03-01")]),
        ("001", [((1, 1), None, None), ((2, 2), None, "2024-10-30"), ((3, 3), None, None),
                 ((4, 11), "XXII заседание Координационного совета", "2020-11-20")]),
        ("002", [((1, 1), None, "2024-09-11"), ((2, 2), None, "2024-09-11"), ((3, 3), None, "2024-09-11"),
                 ((4, 4), None, None), ((5, 12), "В Санкт-Петербурге прошла встреча", "2021-10-26")]),
        ("003", [((4, 27), "Казахстан возглавил ОДКБ", "2024-01-01")]),
        ("004", [((1, 10), "Заседание Комитета секретарей", None)]),
    ],
)
def test_items_spans_titles_dates(prefix, expected):
    items = items_of(prefix)
    got = [((i.source.line_start, i.source.line_end), i.title, i.date) for i in items]
    assert len(got) == len(expected)
    for (span, title, date), (want_span, want_title, want_date) in zip(got, expected):
        assert span == want_span
        assert date == want_date
        assert (title is None) if want_title is None else title.startswith(want_title)


def test_000_contact_footer_is_removed_into_the_item_audit():
    item = items_of("000")[3]
    assert "Аккредитация" not in item.text
    assert [r.rule for r in item.removed] == ["contact.press-footer"]


def test_001_stamp_split_and_broken_line_joined():
    item = items_of("001")[3]
    assert item.text.startswith("20 ноября 2020 года под председательством")
    assert "Организации Договора о коллективной безопасности Валерий Семериков." in item.text
    assert item.date_text == "20.11.2020" and item.date_rule == "dates.glued-stamp"


def test_002_truncated_and_footer_out_of_every_text():
    items = items_of("002")
    assert items[4].flags == ["truncated"]
    assert items[4].text.startswith("26 октября с.г. в г. Санкт-Петербурге")
    assert items[4].text.endswith("Парламентской Ассамб")
    assert all("Зайнетдинов" not in i.text and "____" not in i.text for i in items)
    assert [i.flags for i in items[:4]] == [[], [], [], []]


def test_003_chrome_removed_and_site_found():
    (item,) = items_of("003")
    assert item.site == "semeinews.kz"
    assert item.text.startswith("С 1 января 2024 года")
    assert item.text.endswith("Имангали Тасмагамбетов.")
    rules = [r.rule for r in item.removed]
    assert rules == ["chrome.site-suffix", "chrome.rubric", "chrome.repeated-title", "chrome.repeated-title"]
    assert "Notice" not in item.text and "Политика" not in item.text.split("\n")


def test_004_quotes_and_attributions_stay_in_order():
    (item,) = items_of("004")
    paragraphs = item.text.split("\n")
    assert paragraphs[1] == "Сергей Шойгу, секретарь Совета безопасности России"
    assert paragraphs[-1] == "Имангали Тасмагамбетов, Генеральный секретарь ОДКБ"
    assert item.flags == []
