"""The records ``clean`` writes: one :class:`Item` per line of ``items.jsonl``,
one :class:`SourceRecord` per line of ``sources.jsonl``.

They are the output contract (see docs/output.md), so they are pydantic models,
frozen, with unknown fields forbidden; ``model_dump()`` is exactly the JSON
record, in field order.

>>> ref = SourceRef(path="a.txt", sha256="0" * 64, encoding="utf-8", line_start=1, line_end=2)
>>> Item(id="x", source=ref, text="Body.").model_dump()["date"] is None
True
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field


def _setter(name: str):
    """How a record's ``name`` is set: BaseModel's slot's own setter (a frozen model refuses its __setattr__,
    and object.__setattr__ would look the slot up by name on every record), or object.__setattr__ where a
    pydantic keeps it otherwise."""
    slot = BaseModel.__dict__.get(name)
    return slot.__set__ if hasattr(slot, "__set__") else lambda record, value: object.__setattr__(record, name, value)


_new = object.__new__  # BaseModel has no __new__ of its own: what cls.__new__(cls) calls, looked up once
_set_dict, _set_fields_set, _set_extra, _set_private = map(
    _setter, ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


class Record(BaseModel):
    """Base for output records: frozen, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def trusted(cls, **values) -> Self:
        """The record of ``values`` without validating them, for the pipeline's own values.

        Every field must be given, already of its type (nested records as
        records, lists as new lists): then the record equals the validated one
        (tests/test_records.py checks it over the test pages). This is what
        :meth:`~pydantic.BaseModel.model_construct` does, without its loop over
        aliases and defaults; validating the items of a page cost more than
        finding them.

        >>> RemovedRecord.trusted(rule="r", line=1, text="x") == RemovedRecord(rule="r", line=1, text="x")
        True
        """
        fields = cls.__pydantic_fields__
        if list(values) != list(fields):  # callers name the fields in order: then the check is all it costs
            if values.keys() != fields.keys():
                raise TypeError(f"{cls.__name__}.trusted needs every field and no other: missing "
                                f"{sorted(fields.keys() - values.keys())}, unknown {sorted(values.keys() - fields.keys())}")
            values = {name: values[name] for name in fields}
        return cls.from_fields(values)

    @classmethod
    def from_fields(cls, values: dict) -> Self:
        """:meth:`trusted` of a dict the caller built with every field, in field order, unchecked: the
        per-item hot path, which spells its records out as dict displays (a keyword call packs them into a
        dict anyway, and the check costs as much as the rest). Only for records the code builds itself;
        tests/test_records.py checks the items ``extract_metadata`` builds so against validated ones.

        >>> RemovedRecord.from_fields({"rule": "r", "line": 1, "text": "x"}) == RemovedRecord(rule="r", line=1, text="x")
        True
        """
        record = _new(cls)
        _set_dict(record, values)
        _set_fields_set(record, set(values))
        _set_extra(record, None)
        _set_private(record, None)
        return record

    def updated(self, **changes) -> Self:
        """A copy with ``changes``, not validated: what ``model_copy(update=changes)`` gives, in half the time,
        for the pipeline's own values (each of its field's type, as :meth:`trusted` asks).

        >>> RemovedRecord.trusted(rule="r", line=1, text="x").updated(line=2) == RemovedRecord(rule="r", line=2, text="x")
        True
        """
        record = type(self).__new__(type(self))
        _set_dict(record, {**self.__dict__, **changes})
        _set_fields_set(record, self.__pydantic_fields_set__ | changes.keys())
        _set_extra(record, None)
        _set_private(record, None)
        return record


def _unknown(value) -> bool:
    return value is None


OmittedWhenUnknown = Annotated[str | None, Field(exclude_if=_unknown)]
"""A field that is left out of the JSON while None (pydantic-core skips it: no Python serializer per record)."""


class WithProvenance(Record):
    """A record with fields of record inputs (JSONL, WARC), typed :data:`OmittedWhenUnknown`.

    A page from a ``.txt`` file has none of them, and its records stay exactly
    as they were before these fields existed.
    """


class SourceRef(WithProvenance):
    """Where an item came from: the file, its hash and encoding, and its 1-based inclusive line span."""

    path: str
    sha256: str
    encoding: str
    line_start: int
    line_end: int
    url: str | None = None
    crawl_date: OmittedWhenUnknown = None
    extracted_by: OmittedWhenUnknown = None  # the extractor that made the text of an HTML page (clean.io.html)


class RemovedRecord(Record):
    """Text a rule took out: the rule id, the source line, the text removed."""

    rule: str
    line: int
    text: str


class EditRecord(Record):
    """A repair a rule made on a source line: the changed part, before and after."""

    rule: str
    line: int
    before: str
    after: str


class Item(Record):
    """One clean news item."""

    id: str
    source: SourceRef
    title: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_rule: str | None = None
    site: str | None = None
    text: str
    flags: list[str] = []
    boundary: str | None = None
    removed: list[RemovedRecord] = []
    edits: list[EditRecord] = []


class SourceRecord(WithProvenance):
    """One input file: its identity, the ids of its items, page-level audit, errors, and notes.

    ``errors`` say the file was not (fully) cleaned and make the run's exit
    code 1; ``notes`` say something worth knowing that is not a failure (a
    page of only noise yields no item).
    """

    path: str
    sha256: str | None
    encoding: str | None
    items: list[str] = []
    removed: list[RemovedRecord] = []
    edits: list[EditRecord] = []
    errors: list[str] = []
    notes: list[str] = []
    url: OmittedWhenUnknown = None
    crawl_date: OmittedWhenUnknown = None
    extracted_by: OmittedWhenUnknown = None
