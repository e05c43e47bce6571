"""A cleaned page as the records written: its :class:`~clean.model.records.SourceRecord` and items.

A file that cannot be read or decoded, or that trips a bug in a stage, becomes
a source record with ``errors`` (and no items): one bad page costs that page,
never the run. :func:`dumped` turns pages into what the writer needs, where
they were cleaned (in a worker): the source record as plain data, and the
items already as their JSON lines in UTF-8 (:class:`ItemLines`), so the
writing process neither rebuilds, serialises nor encodes them: it copies one
string of bytes per page, the cheapest thing to send between processes.

>>> record, items = clean_path(None, "seeds/no-such-file.txt")
>>> record.errors, items
(['seeds/no-such-file.txt: cannot read: No such file or directory'], [])
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from clean.io.json_lines import record_bytes, stdlib_line
from clean.io.paths import shown_path
from clean.model.errors import CleanError, InputError
from clean.model.records import EditRecord, Item, RemovedRecord, SourceRecord
from clean.io.decode import read_input


class ItemLines(NamedTuple):
    """A page's items as the writer needs them: their ``items.jsonl`` lines in UTF-8 and the rules they name."""

    data: bytes  # one JSON line per item, each ending with a newline (a JSON line holds no other newline)
    chars: int | None  # their length in characters (what ``shard_bytes`` counts), or None: not counted in the
    # worker, the writer counts them (utf8_chars) only when it writes shards
    count: int  # how many items
    removed: tuple[str, ...]  # the rule id of every removal inside the items
    edits: tuple[str, ...]  # the rule id of every edit inside the items


Dumped = tuple[dict, ItemLines]  # a page's source record as plain data (``model_dump()``) and its items


def dumped(pages: list[tuple[SourceRecord, list[Item]]]) -> list[Dumped]:
    """Pages as plain data and JSON lines: what the writer and the journal need."""
    return [(record.model_dump(), items_as_lines(items)) for record, items in pages]


def items_as_lines(items: list[Item]) -> ItemLines:
    """Items as :class:`ItemLines`, each serialised once, straight from the model (:mod:`clean.io.json_lines`);
    the same bytes as :func:`item_lines` over their ``model_dump()``."""
    data = b"".join([record_bytes(item) for item in items])
    return ItemLines(data, None, len(items), tuple(r.rule for i in items for r in i.removed),
                     tuple(e.rule for i in items for e in i.edits))


def utf8_chars(data: bytes) -> int:
    """The characters in valid UTF-8 ``data``: its bytes but the continuation bytes, counted without decoding.

    >>> utf8_chars("Да, ok €".encode("utf-8"))
    8
    """
    return len(data.translate(None, _CONTINUATION))


_CONTINUATION = bytes(range(0x80, 0xC0))  # the bytes after the first of a character's UTF-8 encoding


def item_lines(items: list[dict]) -> ItemLines:
    """Items (plain data, as ``model_dump()`` gives or the journal keeps them) as :class:`ItemLines`.

    >>> lines = item_lines([{"text": "Да", "removed": [{"rule": "noise.ad"}], "edits": []}])
    >>> lines.data.decode("utf-8")
    '{"text": "Да", "removed": [{"rule": "noise.ad"}], "edits": []}\\n'
    >>> lines.count, lines.chars, len(lines.data), lines.removed
    (1, 63, 65, ('noise.ad',))
    """
    text = "".join(to_json(item) for item in items)
    return ItemLines(text.encode("utf-8"), len(text), len(items), tuple(r["rule"] for i in items for r in i["removed"]),
                     tuple(e["rule"] for i in items for e in i["edits"]))


def to_json(record) -> str:
    """One JSONL line of a record or its plain data: UTF-8 as is (Cyrillic readable), keys in field order."""
    return stdlib_line(record if isinstance(record, dict) else record.model_dump())


def clean_path(pipeline, path: str) -> tuple[SourceRecord, list[Item]]:
    """Clean one file; a file that cannot be read or cleaned becomes a source record with an error."""
    try:
        raw = read_input(path)
    except InputError as exc:
        return failed_record(path, None, str(exc)), []
    path = shown_path(path)
    try:
        doc = pipeline.clean_bytes(raw, path)
    except CleanError as exc:
        return failed_record(path, hashlib.sha256(raw).hexdigest(), str(exc)), []
    except Exception as exc:  # a bug in a stage must cost one page, not a run of hours
        problem = f"{path}: internal error ({type(exc).__name__}: {exc}); please report it with this file"
        return failed_record(path, hashlib.sha256(raw).hexdigest(), problem), []
    return source_record(path, doc), list(doc.items)


def source_record(path: str, doc) -> SourceRecord:
    """The source record of a cleaned page: its identity, item ids, the audit outside every item, notes."""
    items = doc.items
    inside = {n for i in items for n in range(i.source.line_start, i.source.line_end + 1)}

    def outside(line: int) -> bool:
        return line not in inside

    # the pipeline's own values, each of its field's type: built without validating them again (Record.trusted)
    return SourceRecord.trusted(
        path=path, sha256=doc.source.sha256, encoding=doc.source.encoding, items=[i.id for i in items],
        removed=[RemovedRecord.trusted(rule=r.rule, line=r.line, text=r.text) for r in doc.removals
                 if outside(r.line)],
        edits=[EditRecord.trusted(rule=e.rule, line=e.line, before=e.before, after=e.after) for e in doc.edits
               if outside(e.line)],
        errors=list(doc.errors),
        notes=[] if items else [why_empty(path, doc)],
        url=None, crawl_date=None, extracted_by=None,
    )


def failed_record(path: str, sha256: str | None, problem: str) -> SourceRecord:
    """The source record of an input that could not be cleaned: ``problem`` is its one error."""
    return SourceRecord(path=shown_path(path), sha256=sha256, encoding=None, errors=[shown_path(problem)])


def why_empty(path: str, doc) -> str:
    """The note of a page that yields no item."""
    text = [line for line in doc.lines if line.text.strip()]
    noise = sorted({line.removed for line in text if line.removed})
    if not text:
        return f"{path}: no items: the page holds only blank lines"
    if all(line.removed for line in text):
        return f"{path}: no items: all {len(text)} lines with text were removed as noise ({', '.join(noise)})"
    return f"{path}: no items: no item was formed from the text left"
