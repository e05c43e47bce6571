"""The output folder of a run: whether it may be written, its lock, and clean's own temporary files.

A run writes and deletes files in its output folder, so it must never be
given a folder of the user's: :func:`check_out_dir` refuses an output folder
that holds an input, lies inside an input folder, or holds an input folder
(``clean run crawl/items.jsonl -o crawl`` would replace the input), unless
the folder is a previous output of ``clean`` (its ``run.json`` or progress
journal says so, or its ``sources.jsonl`` holds ``clean``'s source records, as a
committed golden output does); and it refuses a folder that holds files named like the
outputs which ``clean`` did not write. A file given as an input that is one of
the files the run writes is refused in any case.

Temporary files are named ``.NAME.clean-tmp-PID`` (:func:`temp_path`), a
name only ``clean`` makes; :func:`stale_temporaries` finds only such files of
the names ``clean`` writes, so a user's ``.notes.tmp-2024`` is never touched.

:class:`OutLock` keeps two runs out of one folder: the second one fails with
:class:`OutputFolderError` naming the first one's pid.

>>> temp_path(Path("out/items.jsonl"), 42).name
'.items.jsonl.clean-tmp-42'
>>> is_temporary(".items-00003.jsonl.gz.clean-tmp-7"), is_temporary(".notes.tmp-2024")
(True, False)
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import regex

from clean.model.errors import UsageError
from clean.model.records import SourceRecord

LOCK_NAME = ".clean.lock"
JOURNAL_NAME = ".progress.jsonl"  # kept in step with clean.journal.NAME
OUTPUT_NAME = regex.compile(r"\A(?:items(?:-\d{5})?\.jsonl(?:\.gz|\.zst)?|sources\.jsonl|run\.json)\Z")
TEMP_NAME = regex.compile(r"\A\.(?P<name>[^/]+)\.clean-tmp-\d+\Z")


class OutputFolderError(UsageError):
    """An output folder ``clean`` must not write into (it holds inputs or another run is writing it)."""


def temp_path(path: Path, pid: int | None = None) -> Path:
    """The temporary name under which ``path`` is written before it is renamed into place."""
    return path.with_name(f".{path.name}.clean-tmp-{os.getpid() if pid is None else pid}")


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (``fsync`` of the folder itself; a no-op where it is not allowed)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_temporary(name: str) -> bool:
    """True for the name of a temporary file of one of the outputs ``clean`` writes."""
    found = TEMP_NAME.match(name)
    return found is not None and OUTPUT_NAME.match(found["name"]) is not None


def stale_temporaries(out_dir: str | Path) -> list[Path]:
    """Temporary output files a killed run of ``clean`` left in ``out_dir`` (and nothing else)."""
    folder = Path(out_dir)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_temporary(p.name) and p.is_file() and not p.is_symlink())


def previous_output(out_dir: Path) -> bool:
    """True when ``out_dir`` was written by ``clean``: its ``run.json`` or journal header says so, or its
    ``sources.jsonl`` is made of ``clean``'s source records."""
    try:
        manifest = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
        if isinstance(manifest, dict) and {"version", "rules_sha256", "counts"} <= manifest.keys():
            return True
    except (OSError, ValueError):
        pass
    try:
        with open(out_dir / JOURNAL_NAME, "rb") as f:
            header = json.loads(f.readline(4096))
        if isinstance(header, dict) and "journal" in header and "rules_sha256" in header:
            return True
    except (OSError, ValueError):
        pass
    return _holds_source_records(out_dir)


def _holds_source_records(out_dir: Path) -> bool:
    """True when ``out_dir/sources.jsonl`` opens with a source record of ``clean``'s exact shape: a run's files
    kept without its ``run.json`` (which changes with every run), as a repository keeps a golden output."""
    try:
        with open(out_dir / "sources.jsonl", "rb") as f:
            first = f.readline(1 << 20)
    except OSError:
        return False
    try:
        SourceRecord.model_validate_json(first)
    except ValueError:  # pydantic's ValidationError is a ValueError
        return False
    return True


def check_out_dir(inputs: list[str], out_dir: str | Path) -> None:
    """Raise :class:`OutputFolderError` when a run of ``inputs`` must not write into ``out_dir``."""
    out = Path(os.path.realpath(out_dir))
    for given in inputs:
        real = Path(os.path.realpath(given))
        if real.parent == out and OUTPUT_NAME.match(real.name):
            raise OutputFolderError(f"{given} is an input and also a file the run writes in {out_dir}; "
                                    "choose another output folder (-o)")
    if not out.is_dir() or not any(out.iterdir()) or previous_output(out):
        return
    for given in inputs:
        real = Path(os.path.realpath(given))
        if out == real or out.is_relative_to(real) or real.is_relative_to(out):
            raise OutputFolderError(
                f"output folder {out_dir} holds or is inside the input {given}, and no earlier run of clean wrote"
                " it (no run.json or progress journal): clean writes and deletes files there, so choose an output"
                " folder outside the inputs (-o)")
    found = sorted(p.name for p in out.iterdir() if OUTPUT_NAME.match(p.name))
    if found:
        raise OutputFolderError(f"output folder {out_dir} holds {', '.join(found)}, not written by clean (no run.json"
                                " or progress journal); clean would replace them: choose another folder (-o)")


class OutLock:
    """An exclusive lock on an output folder (``fcntl.flock`` on ``.clean.lock``, which holds the pid)."""

    def __init__(self, out_dir: str | Path):
        self.path = Path(out_dir) / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> OutLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            other = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise OutputFolderError(f"another run of clean (pid {other}) is writing to {self.path.parent};"
                                    " wait for it to end or choose another output folder (-o)") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self.fd)  # closing releases the lock
            self.fd = None
