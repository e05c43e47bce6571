"""The records ``clean`` writes: one :class:`Item` per line of ``items.jsonl``,
one :class:`SourceRecord` per line of ``sources.jsonl``.

They are the output contract (see README.md), so they are pydantic models,
frozen, with unknown fields forbidden; ``model_dump()`` is exactly the JSON
record, in field order.

>>> ref = SourceRef(path="a.txt", sha256="0" * 64, encoding="utf-8", line_start=1, line_end=2)
>>> Item(id="x", source=ref, text="Body.").model_dump()["date"] is None
True
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, model_serializer


class Record(BaseModel):
    """Base for output records: frozen, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class WithProvenance(Record):
    """A record whose ``optional`` fields are left out of the JSON when unknown.

    They come from record inputs (JSONL, WARC): a page from a ``.txt`` file has
    none, and its records stay exactly as they were before these fields existed.
    """

    optional: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _omit_unknown(self, handler):
        data = handler(self)
        for key in self.optional:
            if data.get(key) is None:
                data.pop(key, None)
        return data


class SourceRef(WithProvenance):
    """Where an item came from: the file, its hash and encoding, and its 1-based inclusive line span."""

    path: str
    sha256: str
    encoding: str
    line_start: int
    line_end: int
    url: str | None = None
    crawl_date: str | None = None

    optional: ClassVar[tuple[str, ...]] = ("crawl_date",)


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
    url: str | None = None
    crawl_date: str | None = None

    optional: ClassVar[tuple[str, ...]] = ("url", "crawl_date")
