"""The progress journal: what a run has finished, so ``clean run --resume`` can skip it.

A run appends one line per finished input file to ``OUTDIR/.progress.jsonl``
(the file's path and sha256, and for each page it holds, the source record and
items) and flushes it, so a run
killed at any moment leaves every finished file in the journal and at most one
torn last line, which loading drops. The first line names the rules (their
sha256) and the version: a journal made with other rules is not reused.

Resuming takes a finished file from the journal when the file at that path
still has the same sha256; everything else is cleaned again. The journal is
deleted when a run completes, since the outputs then hold everything.

>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> with Journal(out, "r1", resume=False) as journal:
...     journal.add("a.txt", "s", b'[[{"path": "a.txt", "items": []}, []]]')
>>> journal = Journal(out, "r1", resume=True)
>>> journal.finished("a.txt", "s"), journal.finished("a.txt", "changed")
(True, False)
>>> journal.get("a.txt")
[({'path': 'a.txt', 'items': []}, [])]
"""

from __future__ import annotations

import json
from pathlib import Path

from clean._version import __version__

NAME = ".progress.jsonl"
FORMAT = 2  # bump when the line layout changes; an older journal is then not reused


class Journal:
    """Append-only record of finished inputs in an output folder."""

    def __init__(self, out_dir: str | Path, rules_digest: str, resume: bool):
        self.path = Path(out_dir) / NAME
        self.header = {"journal": FORMAT, "version": __version__, "rules_sha256": rules_digest}
        self.index: dict[str, tuple[str | None, int]] = {}  # path -> (sha256, offset of its line)
        self.stale = False  # a journal was there but made by other rules or another version
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
        self.file.close()

    _valid_end = 0  # byte offset after the last complete line of a reusable journal

    def _load(self) -> None:
        offset = 0
        with open(self.path, "rb") as f:
            for n, raw in enumerate(f):
                entry = _parse(raw) if raw.endswith(b"\n") else None  # a torn last line has no newline
                if n == 0 and entry != self.header:
                    self.stale = True
                    return
                if entry is None:
                    break
                if n:
                    self.index[entry["path"]] = (entry["sha256"], offset)
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


def _parse(raw: bytes) -> dict | None:
    try:
        entry = json.loads(raw)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


def stale_temporaries(out_dir: str | Path) -> list[Path]:
    """Temporary output files left by a killed run (``.NAME.tmp-PID``)."""
    return sorted(p for p in Path(out_dir).glob(".*.tmp-*") if p.is_file())
