"""Relative stamps (Вчера, 08:40; 2 часа назад; кеше) are dated from the record's crawl date, never the clock."""

from __future__ import annotations

import json


import pytest

from clean.catalog import shipped_rules
from clean.io.inputs import Page, Reader, clean_page
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
PAGE = "Новость дня\n{stamp}\nВ Минске прошла встреча министров."


@pytest.mark.parametrize("stamp, crawl_date, date", [
    ("Вчера, 08:40", "2021-03-05T10:20:00Z", "2021-03-04"),
    ("Сегодня в 10:15", "2021-03-05", "2021-03-05"),
    ("Позавчера", "2021-03-01", "2021-02-27"),
    ("2 часа назад", "2021-03-05T01:20:00Z", "2021-03-04"),
    ("5 минут назад", "2021-03-05T10:20:00Z", "2021-03-05"),
    ("3 дня назад", "2021-03-05", "2021-03-02"),
    ("2 часа назад", "2021-03-05", None),  # the crawl's hour unknown
    ("Вчера, 08:40", None, None),  # a plain page: no date
    ("Вчера в Минске прошла встреча", "2021-03-05", None),  # a sentence, not a stamp
    ("Yesterday, 6:40 PM", "2021-03-05T10:20:00Z", "2021-03-04"),  # a 12-hour time (table date_labels)
    ("Yesterday at 6:40 p.m.", "2021-03-05", "2021-03-04"),
    ("Вчера в 18:40 МСК", "2021-03-05", "2021-03-04"),
    ("Кеше, сағат 18:40", "2021-03-05", "2021-03-04"),
    ("Yesterday, 6:40 PMs of the council met", "2021-03-05", None),
])
def test_relative_stamp_from_the_crawl_date(stamp, crawl_date, date):
    page = Page("rec.jsonl:1", PAGE.format(stamp=stamp).encode(), crawl_date=crawl_date)
    _, items = clean_page(PIPELINE, page)
    item = items[-1]
    assert item.date == date
    if date is not None:
        assert (item.date_rule, item.date_text) == ("dates.relative-to-crawl", stamp)


def test_a_jsonl_record_with_a_crawl_date(tmp_path):
    path = tmp_path / "records.jsonl"
    records = [{"text": PAGE.format(stamp="Учора, 08:40").replace("Новость дня", "Новина дня"),
                "url": "https://example.org/a", "crawl_date": "2021-03-05T10:20:00Z"},
               {"text": PAGE.format(stamp="Кеше, 08:40"), "url": "https://example.org/b"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    dated = [clean_page(PIPELINE, page)[1][-1] for page in Reader().pages(str(path))]
    assert [i.date for i in dated] == ["2021-03-04", None]


def test_every_relative_day_word_has_its_offset():
    table = shipped_rules().table("relative_times")
    words = {w for ws in table["days"].values() for w in ws}
    assert words == set(table["days_back"])


def test_a_wet_record_is_dated_from_its_warc_date(tmp_path):
    pytest.importorskip("warcio", reason="WARC input needs the optional warcio package (clean[warc])")
    import io

    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.wet.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = {"WARC-Target-URI": "https://example.org/c", "WARC-Date": "2021-03-05T10:20:00Z"}
        text = PAGE.format(stamp="Вчера, 08:40").encode("utf-8")
        writer.write_record(writer.create_warc_record("https://example.org/c", "conversion",
                                                      payload=io.BytesIO(text), warc_headers_dict=headers))
    [page] = Reader().pages(str(path))
    record, items = clean_page(PIPELINE, page)
    assert (items[-1].date, items[-1].date_rule) == ("2021-03-04", "dates.relative-to-crawl")
    assert items[-1].source.crawl_date == "2021-03-05T10:20:00Z"
