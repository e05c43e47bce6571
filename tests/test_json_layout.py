"""The JSON layout of ``items.jsonl`` and ``sources.jsonl``, byte for byte (issue 18, point 4).

A line is what ``json.dumps(record, ensure_ascii=False)`` writes: keys in field
order, ``", "`` and ``": "`` between them, UTF-8 as is, control characters
escaped, ``crawl_date`` and ``extracted_by`` left out while unknown. Both ways
of writing it (:mod:`clean.io.json_lines`: pydantic-core and ``msgspec`` where
installed, else the stdlib) must give exactly these bytes.
"""

from __future__ import annotations

import json

import pytest

import clean.io.json_lines as json_lines
from clean.io.page_records import dumped, item_lines, items_as_lines, source_record, utf8_chars
from clean.model.records import EditRecord, Item, RemovedRecord, SourceRef
from clean.pipeline import Pipeline
from tests.conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ITEM = Item(
    id="0123456789abcdef",
    source=SourceRef(path="в/страница.txt", sha256="ab" * 32, encoding="utf-8", line_start=3, line_end=9),
    title="Заголовок «в кавычках» и \"прямых\"",
    date="2023-08-14",
    text="Первая строка.\nВторая\tс табуляцией, \\ и \x01 и \x7f.",
    flags=["truncated"],
    removed=[RemovedRecord(rule="noise.ad", line=4, text="Реклама")],
    edits=[EditRecord(rule="repair.odd-space", line=5, before="a\u00a0b", after="a b")],
)
LINE = ('{"id": "0123456789abcdef", "source": {"path": "в/страница.txt", "sha256": "' + "ab" * 32 + '", '
        '"encoding": "utf-8", "line_start": 3, "line_end": 9, "url": null}, '
        '"title": "Заголовок «в кавычках» и \\"прямых\\"", "date": "2023-08-14", "date_text": null, '
        '"date_rule": null, "site": null, '
        '"text": "Первая строка.\\nВторая\\tс табуляцией, \\\\ и \\u0001 и \x7f.", "flags": ["truncated"], '
        '"boundary": null, "removed": [{"rule": "noise.ad", "line": 4, "text": "Реклама"}], '
        '"edits": [{"rule": "repair.odd-space", "line": 5, "before": "a\u00a0b", "after": "a b"}]}\n')


@pytest.fixture(params=["fast", "stdlib"])
def way(request, monkeypatch):
    """Each test once the fast way (skipped without msgspec) and once the stdlib way."""
    if request.param == "fast" and not json_lines.fast():
        pytest.skip("msgspec is not installed (the `fast` extra): only the stdlib way runs")
    if request.param == "stdlib":
        monkeypatch.setattr(json_lines, "_format", None)
    return request.param


def test_an_item_is_one_line_in_the_fixed_layout(way):
    assert json_lines.record_line(ITEM) == LINE
    assert json.loads(LINE) == ITEM.model_dump()


def test_known_provenance_is_written_and_unknown_left_out(way):
    source = ITEM.source.model_copy(update={"url": "https://example.org/a", "crawl_date": "2024-01-02"})
    line = json_lines.record_line(ITEM.model_copy(update={"source": source}))
    assert '"url": "https://example.org/a", "crawl_date": "2024-01-02"}, "title"' in line
    assert "extracted_by" not in line


def test_the_items_of_the_seed_pages_are_the_bytes_of_their_model_dump(way):
    pipeline = Pipeline()
    pages = [(path, pipeline.clean_file(path)) for path in SEEDS]
    assert sum(len(items) for _, items in pages) >= 10
    for path, items in pages:
        fast, plain = items_as_lines(items), item_lines([item.model_dump() for item in items])
        assert fast._replace(chars=None) == plain._replace(chars=None), path.name  # a worker leaves chars uncounted
        assert plain.chars == utf8_chars(fast.data)


def test_a_lone_surrogate_is_written_as_before(way):
    odd = ITEM.model_copy(update={"text": "half \ud800 a pair"})
    with pytest.raises(UnicodeEncodeError):  # as the stdlib way always did: inputs replace lone surrogates first
        json_lines.record_bytes(odd)


def test_dumped_pages_keep_the_source_record_as_data_and_the_items_as_their_lines(way):
    path = SEEDS[0]
    doc = Pipeline().clean_bytes(path.read_bytes(), "seeds/" + path.name)
    [(record, lines)] = dumped([(source_record("seeds/" + path.name, doc), list(doc.items))])
    assert record["path"] == "seeds/" + path.name and record["items"] == [i.id for i in doc.items]
    assert [json.loads(line) for line in lines.data.decode().splitlines()] == [i.model_dump() for i in doc.items]
    assert lines.count == len(doc.items)
    assert lines.chars is None and utf8_chars(lines.data) == len(lines.data.decode())  # counted by the writer
