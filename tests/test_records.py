"""Records the pipeline builds without validation (``Record.trusted``) equal the validated ones.

``extract_metadata`` builds its items with :meth:`~clean.model.records.Record.trusted`;
validating each item's dump again must give back an equal record, with the same
JSON, and the dump must hold exactly the field types validation would make.
"""

from __future__ import annotations

import pytest

from clean.pipeline import Pipeline
from clean.model.records import EditRecord, Item, RemovedRecord, SourceRef
from tests.conftest import ROOT

PIPELINE = Pipeline()
PAGES = sorted(
    p for folder in ("corpus", "listings") for p in (ROOT / "tests" / folder).glob("*.txt")
    if not p.name.endswith(".expected.txt")
)


def _items():
    for page in PAGES:
        yield from PIPELINE.clean_bytes(page.read_bytes(), page.name).items


def _same_types(a, b) -> bool:
    """``a`` and ``b`` have the same types all the way down (``1 == True``, ``[] == ()`` would hide a slip)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_types(x, y) for x, y in zip(a, b))
    if hasattr(a, "__pydantic_fields__"):
        return _same_types(a.__dict__, b.__dict__)
    return True


def test_trusted_items_equal_validated_items():
    items = list(_items())
    assert len(items) > 100
    for item in items:
        validated = Item.model_validate(item.model_dump())
        assert validated == item
        assert _same_types(item, validated)
        assert validated.model_dump_json() == item.model_dump_json()


def test_trusted_records_equal_validated_records():
    ref = dict(path="a.txt", sha256="0" * 64, encoding="utf-8", line_start=1, line_end=2, url=None, crawl_date=None,
               extracted_by=None)
    assert SourceRef.trusted(**ref) == SourceRef(**ref)
    assert SourceRef.trusted(**ref).model_dump() == SourceRef(**ref).model_dump()
    assert EditRecord.trusted(rule="r", line=3, before="a", after="b") == EditRecord(rule="r", line=3, before="a", after="b")


@pytest.mark.parametrize("values", [{"rule": "r", "line": 1}, {"rule": "r", "line": 1, "text": "x", "extra": 1}])
def test_trusted_needs_every_field_and_no_other(values):
    with pytest.raises(TypeError, match="every field"):
        RemovedRecord.trusted(**values)


def test_updated_gives_what_model_copy_gives():
    changes = {"date": "2024-03-01", "date_text": "1 марта 2024", "date_rule": "dates.lead"}
    items = list(_items())
    for item in items:
        for update in (changes, {"title": None}, {}):
            copied, updated = item.model_copy(update=update), item.updated(**update)
            assert updated == copied and updated is not item
            assert updated.__pydantic_fields_set__ == copied.__pydantic_fields_set__
            assert updated.model_dump_json() == copied.model_dump_json()
            assert updated.__dict__ is not item.__dict__  # the copy shares no field dict with the original
    assert items[0].updated(date="1999-12-31").model_dump()["date"] == "1999-12-31"
