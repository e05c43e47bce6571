"""The progress journal: what a run has finished, so ``clean run --resume`` can skip it.

A run appends one line per finished input file to ``OUTDIR/.progress.jsonl``
(the file's path and the sha256 of the bytes that were cleaned, and for each
page it holds, the source record and items) and flushes it, so a run killed at
any moment leaves every finished file in the journal and at most one torn last
line, which loading drops. The first line names the rules (their sha256), the
version and every option that changes the output (``--text-field``): a journal
made with other rules or options is not reused, and the run says why. Every
other line is validated (:class:`JournalEntry`) before it is reused: a line of
the wrong shape is skipped and its input cleaned again.

Resuming takes a finished file from the journal when the file at that path
still has the same sha256; everything else is cleaned again. The journal is
deleted when a run completes, since the outputs then hold everything.

>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> with Journal(out, "r1", resume=False) as journal:
...     journal.add("a.txt", "s", b'[[{"path": "a.txt", "sha256": null, "encoding": null}, []]]')
>>> journal = Journal(out, "r1", resume=True)
>>> journal.finished("a.txt", "s"), journal.finished("a.txt", "changed")
(True, False)
>>> journal.get("a.txt")
[({'path': 'a.txt', 'sha256': None, 'encoding': None}, [])]
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from clean._version import __version__
from clean.model.records import Item, SourceRecord

NAME = ".progress.jsonl"
FORMAT = 3  # bump when the line layout changes; an older journal is then not reused
OTHER_RULES = "the journal was made with other rules or version"


class JournalEntry(BaseModel):
    """One finished input as the journal holds it, validated like any input before it is reused."""

    model_config = ConfigDict(extra="forbid")
    path: str
    sha256: str | None
    pages: list[tuple[SourceRecord, list[Item]]] = Field(min_length=1)


class Journal:
    """Append-only record of finished inputs in an output folder."""

    def __init__(self, out_dir: str | Path, rules_digest: str, resume: bool, options: dict | None = None):
        self.path = Path(out_dir) / NAME
        self.header = {"journal": FORMAT, "version": __version__, "rules_sha256": rules_digest,
                       "options": dict(sorted((options or {}).items()))}  # every option that changes the output
        self.index: dict[str, tuple[str | None, int]] = {}  # path -> (sha256, offset of its line)
        self.stale: str | None = None  # why a journal that was there is not reused (other rules, other options)
        self.skipped = 0  # lines of the wrong shape, not reused: their inputs are cleaned again
        if resume and self.path.exists():
            self._load()
        self.file = None

    def __enter__(self) -> Journal:
        if self._valid_end:
            self.file = open(self.path, "r+b")
            self.file.truncate(self._valid_end)
            self.file.seek(self._valid_end)
        else:
            self.file = open(self.path, "wb")
            self.file.write(_line(self.header))
            self.file.flush()
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())  # what a power loss keeps: every line written so far
        except OSError:
            pass
        finally:
            self.file.close()

    _valid_end = 0  # byte offset after the last complete line of a reusable journal

    def _load(self) -> None:
        offset = 0
        with open(self.path, "rb") as f:
            for n, raw in enumerate(f):
                if not raw.endswith(b"\n"):  # a torn last line has no newline
                    break
                entry = _parse(raw)
                if n == 0 and entry != self.header:
                    self.stale = _why_stale(entry, self.header)
                    return
                if n:
                    valid = None if entry is None else _valid(entry)
                    if valid is None:
                        self.skipped += 1  # a line of the wrong shape: its input is cleaned again
                    else:
                        self.index[valid.path] = (valid.sha256, offset)
                offset += len(raw)
        self._valid_end = offset

    def finished(self, path: str, sha256: str | None) -> bool:
        """True when ``path`` was finished with this sha256 (the file has not changed since)."""
        found = self.index.get(path)
        return found is not None and sha256 is not None and found[0] == sha256

    def get(self, path: str) -> list[tuple[dict, list[dict]]]:
        """The journaled pages ``(source, items)`` of a finished ``path``, read from disk when asked."""
        with open(self.path, "rb") as f:
            f.seek(self.index[path][1])
            entry = json.loads(f.readline())
        return [(source, items) for source, items in entry["pages"]]

    def add(self, path: str, sha256: str | None, pages_json: bytes) -> None:
        """Record a finished input: its pages, a JSON array of ``[source record, [item, ...]]`` in UTF-8, as the
        writer already serialised and encoded them (not a second time here); flushed to the OS at once."""
        head = _line({"path": path, "sha256": sha256})[:-2]  # without the closing brace and the newline
        self.file.write(b"".join((head, b', "pages": ', pages_json, b"}\n")))
        self.file.flush()

    def remove(self) -> None:
        """Delete the journal (the run completed)."""
        self.path.unlink(missing_ok=True)


def _line(entry: dict) -> bytes:
    return _ENCODER.encode(entry).encode("utf-8", "backslashreplace") + b"\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # as json.dumps, built once, not per entry


def _valid(entry: dict) -> JournalEntry | None:
    """The entry when it has the shape the journal writes (:class:`JournalEntry`), else None."""
    try:
        return JournalEntry.model_validate(entry)
    except ValidationError:
        return None


def _why_stale(found, expected: dict) -> str:
    """Why a journal with header ``found`` is not reused: other rules or version, or other options (named)."""
    if not isinstance(found, dict) or {k: v for k, v in found.items() if k != "options"} != {
            k: v for k, v in expected.items() if k != "options"}:
        return OTHER_RULES
    old, new = found.get("options") or {}, expected["options"]
    changed = ", ".join(f"{name} {old.get(name)!r}, now {new.get(name)!r}"
                        for name in sorted(set(old) | set(new)) if old.get(name) != new.get(name))
    return f"the journal was made with other options ({changed})"


def _parse(raw: bytes) -> dict | None:
    try:
        entry = json.loads(raw)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None
