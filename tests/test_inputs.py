"""Input readers: JSONL (plain and gzip), WARC/WET, the page-size limit, provenance in the items."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from clean.io import inputs
from clean.run.executor import LocalExecutor, run
from clean.io.inputs import Reader
from clean.pipeline import Pipeline

PAGE = "Новость дня\n\n14 августа 2023 года прошла встреча министров в Минске."


def read_items(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "items.jsonl").read_text(encoding="utf-8").splitlines()]


def test_jsonl_records_become_pages_with_line_url_and_crawl_date(tmp_path):
    src = tmp_path / "crawl.jsonl"
    src.write_text(json.dumps({"text": PAGE, "url": "https://a.kz/1", "crawl_date": "2024-05-01"}, ensure_ascii=False)
                   + "\n\n" + json.dumps({"body": "no text"}) + "\n"
                   + json.dumps({"text": PAGE, "date": "2023-01-02", "timestamp": "2023-01-02T10:00:00Z",
                                 "metadata": {"date": "2024-06-01T10:00:00Z"}}) + "\n", encoding="utf-8")
    pages = list(Reader().pages(str(src)))
    assert [p.path.rsplit(":", 1)[1] for p in pages] == ["1", "3", "4"]
    assert (pages[0].url, pages[0].crawl_date) == ("https://a.kz/1", "2024-05-01")
    # a plain "date" or "timestamp" is most often the publication's: only datatrove's metadata.date is a crawl date
    assert pages[2].crawl_date == "2024-06-01T10:00:00Z"
    assert pages[1].raw is None and "--text-field" in pages[1].error


def test_text_field_is_configurable_and_gzip_is_read(tmp_path):
    src = tmp_path / "crawl.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"content": PAGE, "metadata": {"url": "https://b.kz/2"}}) + "\n")
    [page] = Reader(text_field="content").pages(str(src))
    assert page.raw.decode("utf-8") == PAGE and page.url == "https://b.kz/2"


def test_run_over_jsonl_writes_provenance(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/crawl.jsonl").write_text(json.dumps({"text": PAGE, "url": "https://a.kz/1", "crawl_date": "2024-05-01"},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    run(Pipeline(), ["in"], "out", LocalExecutor(1))
    [item] = read_items(Path("out"))
    assert item["source"]["path"] == "in/crawl.jsonl:1"
    assert (item["source"]["url"], item["source"]["crawl_date"]) == ("https://a.kz/1", "2024-05-01")
    assert item["date"] == "2023-08-14"


def test_txt_items_have_no_crawl_date_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_text(PAGE, encoding="utf-8")
    run(Pipeline(), ["page.txt"], "out", LocalExecutor(1))
    assert "crawl_date" not in read_items(Path("out"))[0]["source"]


def test_wet_records_are_read_with_offset_url_and_date(tmp_path):
    warcio = pytest.importorskip("warcio", reason="WARC input needs the optional warcio package (clean[warc])")
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.wet.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for n, text in enumerate((PAGE, "Второй текст.\n\n1 марта 2019 года открылся форум.")):
            headers = {"WARC-Target-URI": f"https://c.kz/{n}", "WARC-Date": "2024-06-0%dT00:00:00Z" % (n + 1)}
            record = writer.create_warc_record(f"https://c.kz/{n}", "conversion", payload=io.BytesIO(text.encode()),
                                               warc_headers_dict=headers)
            writer.write_record(record)
    assert warcio
    pages = list(Reader().pages(str(path)))
    assert [p.url for p in pages] == ["https://c.kz/0", "https://c.kz/1"]
    assert pages[0].path == f"{path}@0" and int(pages[1].path.rsplit("@", 1)[1]) > 0
    assert pages[1].crawl_date == "2024-06-02T00:00:00Z"
    assert pages[0].raw.decode() == PAGE


def test_jsonl_output_is_the_same_with_one_and_two_workers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    for n in range(3):
        lines = [json.dumps({"text": f"Заголовок {n}-{k}\n\n{k + 1} марта 2019 года открылся форум.", "url": f"u{k}"},
                            ensure_ascii=False) for k in range(20)]
        Path(f"in/part-{n}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        Path(f"in/page-{n}.txt").write_text(PAGE, encoding="utf-8")
    run(Pipeline(), ["in"], "one", LocalExecutor(1))
    run(Pipeline(), ["in"], "two", LocalExecutor(2))
    for name in ("items.jsonl", "sources.jsonl"):
        assert Path("one", name).read_bytes() == Path("two", name).read_bytes()
    assert len(read_items(Path("one"))) == 63


def test_a_jsonl_record_over_the_limit_is_skipped_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_PAGE_BYTES", 1000)
    src = tmp_path / "big.jsonl"
    src.write_text(json.dumps({"text": "Очень длинная запись. " * 200}, ensure_ascii=False) + "\n"
                   + json.dumps({"text": PAGE}, ensure_ascii=False) + "\n", encoding="utf-8")
    big, small = Reader().pages(str(src))
    assert big.raw is None and "MAX_PAGE_BYTES" in big.error
    assert small.path.endswith(":2") and small.raw.decode("utf-8") == PAGE


def test_a_truncated_gzip_keeps_the_records_before_and_names_the_file(tmp_path):
    src = tmp_path / "cut.jsonl.gz"
    lines = "".join(json.dumps({"text": f"{PAGE} {n}"}, ensure_ascii=False) + "\n" for n in range(200))
    data = gzip.compress(lines.encode("utf-8"))
    src.write_bytes(data[: len(data) // 2])
    results = Reader().clean(Pipeline(), str(src))
    *good, (last, items) = results
    assert good and all(record.errors == [] for record, _ in good)
    assert items == [] and "cannot read further" in last.errors[0] and str(src) in last.errors[0]


def test_a_file_that_is_not_a_warc_is_an_error_not_a_crash(tmp_path):
    pytest.importorskip("warcio", reason="WARC input needs the optional warcio package (clean[warc])")
    src = tmp_path / "junk.warc"
    src.write_bytes(b"garbage not a warc\n" * 5)
    [(record, items)] = Reader().clean(Pipeline(), str(src))
    assert items == [] and "not a WARC/WET archive" in record.errors[0]


def test_an_input_without_records_is_listed_with_an_error(tmp_path):
    src = tmp_path / "empty.jsonl"
    src.write_text("\n\n", encoding="utf-8")
    [(record, items)] = Reader().clean(Pipeline(), str(src))
    assert items == [] and record.path == str(src) and "no text records found" in record.errors[0]
