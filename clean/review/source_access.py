"""Which source files the report may read: only the run's own inputs, as they were cleaned.

A report is built from an output folder, which anyone can hand-make: its
``sources.jsonl`` could name ``/etc/passwd``, ``../../etc/os-release``,
``/dev/zero`` or a named pipe. :func:`read_source` reads a source only when it
is a regular file under one of the run's input roots (``run.json`` records
them as ``inputs``; a run that did not record them is read under the report's
``--root``), within the page limit (:data:`~clean.io.decode.MAX_BYTES`), and
its sha256 matches the record's (a record without one matches nothing).
Anything else is shown from its records only, with a note that says why.

>>> read_source(Path("."), "/etc/passwd", None, [Path("seeds").resolve()])
(None, 'not a file under the run’s inputs; shown from its records')
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from clean.io.decode import MAX_BYTES, nonblocking_opener

NOT_AN_INPUT = "not a file under the run’s inputs; shown from its records"
NOT_FOUND = "source file not found; shown from its records"
NOT_REGULAR = "not a regular file; shown from its records"
TOO_BIG = f"larger than the page limit ({MAX_BYTES // 2**20} MiB); shown from its records"
NO_HASH = "the record has no sha256 to check the file against; shown from its records"
CHANGED = "source file changed since the run; records only"


def input_roots(manifest: dict, root: Path) -> list[Path]:
    """The real paths the run's sources may lie under: its inputs as ``run.json`` records them, else ``root``."""
    given = manifest.get("inputs") if isinstance(manifest, dict) else None
    if not isinstance(given, list) or not all(isinstance(p, str) for p in given):
        given = [str(root)]
    return [Path(os.path.realpath(p)) for p in given]


def read_source(root: Path, recorded: str, sha256: str | None, roots: list[Path]) -> tuple[bytes | None, str | None]:
    """The bytes of the source ``recorded`` (relative to ``root``) when the report may show them, else a note."""
    real = Path(os.path.realpath(root / recorded))
    if not any(real == r or real.is_relative_to(r) for r in roots):
        return None, NOT_AN_INPUT
    try:
        info = os.stat(real)
    except OSError:
        return None, NOT_FOUND
    if not stat.S_ISREG(info.st_mode):
        return None, NOT_REGULAR
    if info.st_size > MAX_BYTES:
        return None, TOO_BIG
    if not sha256:
        return None, NO_HASH
    try:
        with open(real, "rb", opener=nonblocking_opener) as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped for something else since the stat
                return None, NOT_REGULAR
            raw = f.read(MAX_BYTES + 1)
    except OSError:
        return None, NOT_FOUND
    if len(raw) > MAX_BYTES:
        return None, TOO_BIG
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None, CHANGED
    return raw, None
