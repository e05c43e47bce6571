"""``clean diff`` on two whole outputs: records matched, fields ignored, memory kept small.

Records are matched by a key: an item's ``id`` and a source's ``path`` (the
default, ``by="id"``), or, with ``by="place"``, by where the record came from
*relative to the folder the run read*: the source path under the common folder
of all the output's paths, and the item's first source line. Two runs of the
same pages started from different folders (``pages/a.txt`` and
``copy/a.txt``) then match; the ids and paths, which differ only by that
folder, are shown relative and not reported as changes.

``ignore`` names fields left out of the comparison, dotted for a field inside
another (``source.sha256``); for ``sources.jsonl``, whose records are the
``source`` of their items, ``source.sha256`` means their ``sha256``.

Each output is read as a stream (any layout ``clean run`` writes, see
:mod:`clean.io.output_files`): a first pass keeps a short digest per record, a
second keeps only the records that differ, so memory grows with the number of
records and the size of the difference, not with the size of the output.

>>> strip({"id": "a", "source": {"path": "x", "sha256": "1"}}, ("source.sha256",))
{'id': 'a', 'source': {'path': 'x'}}
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from clean.review.diff import RecordsDiff
from clean.model.errors import InputError
from clean.review.diff_limits import check_record
from clean.io.output_files import numbered_records

KEYS = {"items": "id", "sources": "path"}
BY = ("id", "place")


def compare(old: str | Path, new: str | Path, ignore: Iterable[str] = (), by: str = "id") -> list[RecordsDiff]:
    """Compare two outputs: two items files, or two output folders (their items and their sources)."""
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    old, new = Path(old), Path(new)
    names = ["items"]
    if _has_sources(old) and _has_sources(new):
        names.append("sources")
    return [_compare_kind(name, Side(old, name, tuple(ignore), by), Side(new, name, tuple(ignore), by))
            for name in names]


def _has_sources(path: Path) -> bool:
    return path.is_dir() and (path / "sources.jsonl").is_file()


def _compare_kind(name: str, old: Side, new: Side) -> RecordsDiff:
    before, after = old.digests(), new.digests()
    diff = RecordsDiff(name, key=KEYS[name])
    removed = {k for k in before if k not in after}
    added = {k for k in after if k not in before}
    changed = {k for k, digest in before.items() if k in after and after[k] != digest}
    diff.unchanged = len(before) - len(removed) - len(changed)
    common = [k for k in before if k in after]
    diff.reordered = common != [k for k in after if k in before]
    old_kept, new_kept = dict(old.pick(removed | changed)), dict(new.pick(added | changed))
    diff.removed = [old_kept[k] for k in before if k in removed]
    diff.added = [new_kept[k] for k in after if k in added]
    diff.changed = [(old_kept[k], new_kept[k]) for k in before if k in changed]
    return diff


@dataclass
class Side:
    """One output's records of one kind, as the comparison sees them (keyed, stripped, made relative)."""

    path: Path
    name: str
    ignore: tuple[str, ...]
    by: str

    def __post_init__(self) -> None:
        self.key = KEYS[self.name]
        self.ignore = tuple(f.removeprefix("source.") if self.name == "sources" else f for f in self.ignore)
        self.root = _common_folder(self._paths()) if self.by == "place" else None

    def _paths(self) -> Iterator[str]:
        for _, record in numbered_records(self.path, self.name):
            path = record.get("source", {}).get("path") if self.name == "items" else record.get("path")
            if isinstance(path, str):
                yield path

    def records(self) -> Iterator[tuple[str, dict]]:
        """``(key, record)`` in file order, each record ready to compare; InputError on a bad record."""
        seen: set[str] = set()
        for where, record in numbered_records(self.path, self.name):
            if self.key not in record:
                raise InputError(where, f"record without {self.key!r}; is this a clean output?")
            check_record(record, self.key, where)  # a key or text that is not a string, deep nesting: exit 2
            if self.root is not None:
                record = self._relative(record)
            key = record[self.key]
            if key in seen:
                raise InputError(where, f"{self.key} {key!r} appears twice")
            seen.add(key)
            yield key, strip(record, self.ignore)

    def digests(self) -> dict[str, bytes]:
        """Key to a digest of the record, in file order (all a first pass keeps)."""
        return {key: _digest(record) for key, record in self.records()}

    def pick(self, keys: set[str]) -> Iterator[tuple[str, dict]]:
        """The records whose key is in ``keys`` (a second pass)."""
        return ((key, record) for key, record in self.records() if key in keys) if keys else iter(())

    def _relative(self, record: dict) -> dict:
        """The record with its path under the common folder and, for an item, its place as its key."""
        if self.name == "sources":
            items = record.get("items")
            return record | {"path": _under(record["path"], self.root),
                             "items": len(items) if isinstance(items, list) else items}
        source = record.get("source") if isinstance(record.get("source"), dict) else {}
        path = _under(str(source.get("path")), self.root)
        return record | {"id": f"{path}#{source.get('line_start')}", "source": source | {"path": path}}


def strip(record: dict, ignore: Iterable[str]) -> dict:
    """``record`` without the (dotted) fields of ``ignore``."""
    record = dict(record)
    for dotted in ignore:
        head, _, rest = dotted.partition(".")
        if rest and isinstance(record.get(head), dict):
            record[head] = strip(record[head], [rest])
        elif not rest:
            record.pop(head, None)
    return record


def _digest(record: dict) -> bytes:
    data = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def _file_of(path: str) -> str:
    """The file of a record's path: ``FILE`` of ``FILE:LINE`` and ``FILE@OFFSET``."""
    for sep in (":", "@"):
        head, found, tail = path.rpartition(sep)
        if found and tail.isdigit():
            return head
    return path


def _common_folder(paths: Iterable[str]) -> str:
    """The deepest folder holding every file of ``paths`` ("" when there is none or no path)."""
    common: list[str] | None = None
    for path in paths:
        parts = os.path.dirname(_file_of(path)).split("/")
        if common is None:
            common = parts
        else:
            n = 0
            while n < min(len(common), len(parts)) and common[n] == parts[n]:
                n += 1
            common = common[:n]
    return "/".join(common or [])


def _under(path: str, root: str) -> str:
    return path[len(root) + 1:] if root and path.startswith(root + "/") else path
