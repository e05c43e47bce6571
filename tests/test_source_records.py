"""Source records are built without validation (``Record.trusted``) and equal the validated ones.

:func:`clean.io.page_records.source_record` builds a page's record from the
pipeline's own values; validating its dump again must give back an equal record
with the same JSON and the same types all the way down, for pages with items,
pages with none (a note) and pages with errors, and after the provenance of a
record input is added (:func:`clean.io.inputs.clean_page`).
"""

from __future__ import annotations

from clean.io.page_records import source_record
from clean.model.records import SourceRecord
from tests.test_records import PAGES, PIPELINE, _same_types


def _records():
    for page in PAGES:
        doc = PIPELINE.clean_bytes(page.read_bytes(), page.name)
        yield source_record(page.name, doc)
    empty = PIPELINE.clean_bytes("-----\n\n=====\n".encode(), "only-noise.txt")
    yield source_record("only-noise.txt", empty)
    broken = PIPELINE.clean_bytes("Заголовок\n\nТекст новости.".encode() + b"\xff\n", "broken.txt")
    yield source_record("broken.txt", broken)


def check(record: SourceRecord) -> None:
    validated = SourceRecord.model_validate(record.model_dump())
    assert validated == record
    assert _same_types(record, validated)
    assert validated.model_dump_json() == record.model_dump_json()


def test_trusted_source_records_equal_validated_ones():
    records = list(_records())
    assert len(records) > 50
    assert any(r.notes for r in records) and any(r.errors for r in records) and any(r.removed for r in records)
    for record in records:
        check(record)


def test_provenance_added_to_a_trusted_record_is_written_as_validated():
    record = next(_records()).model_copy(update={"url": "https://example.org/a", "crawl_date": "2024-01-02"})
    check(record)
    assert record.model_dump()["crawl_date"] == "2024-01-02" and "extracted_by" not in record.model_dump()
