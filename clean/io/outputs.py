"""Where items go: JSONL, optionally gzip- or zstd-compressed, optionally in shards of a given size.

A :class:`JsonlSink` writes each file under a temporary name and renames it
into place when it is complete, so a crash never leaves a half-written file
that looks finished. With ``shard_bytes`` the items are split into
``items-00000.jsonl``, ``items-00001.jsonl``, ... each closed once it holds
about that many bytes of JSON (a record is never split); without it, one
``items.jsonl``. Compression is deterministic (gzip without a timestamp), so
the same run writes the same bytes. Items files of an earlier run in the same
folder (another shard count or compression) are removed when the sink opens.
The sink takes lines already encoded (workers encode them, see
:mod:`clean.io.page_records`) and writes them through a large buffer: the
temporary file is only renamed into place once complete, so nothing needs
to reach the disk earlier.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with JsonlSink(folder, "items", compress="gzip", shard_bytes=5) as sink:
...     for n in range(3):
...         sink.write(f'{{"n": {n}}}\\n'.encode(), chars=7)
>>> sorted(p.name for p in folder.iterdir())
['items-00000.jsonl.gz', 'items-00001.jsonl.gz', 'items-00002.jsonl.gz']
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from clean.io.outdir import fsync_folder, temp_path
from clean.io.page_records import utf8_chars

SUFFIXES = {None: "", "gzip": ".gz", "zstd": ".zst"}
GZIP_LEVEL = 6
ZSTD_LEVEL = 3
BUFFER = 2**20  # bytes buffered before a write to the (temporary) items file


def open_binary(path: Path, compress: str | None):
    """A binary file object for ``path`` that compresses with ``compress`` (None, gzip or zstd)."""
    raw = open(path, "wb", buffering=BUFFER)
    if compress == "gzip":
        return gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0), raw
    if compress == "zstd":
        try:
            import zstandard
        except ImportError as exc:
            raw.close()
            path.unlink(missing_ok=True)
            raise SystemExit("--compress zstd needs zstandard: pip install 'clean[zstd]'") from exc
        return zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(raw, closefd=False), raw
    return raw, raw


class JsonlSink:
    """A sink for JSONL lines in UTF-8: one file or size-bounded shards, each renamed into place when complete."""

    def __init__(self, folder: Path, name: str, compress: str | None = None, shard_bytes: int | None = None):
        if compress not in SUFFIXES:
            raise ValueError(f"compress must be one of {sorted(k for k in SUFFIXES if k)} or None, not {compress!r}")
        self.folder, self.name, self.compress, self.shard_bytes = Path(folder), name, compress, shard_bytes
        self.shard, self.size, self.file = 0, 0, None

    def _final(self) -> Path:
        stem = f"{self.name}-{self.shard:05d}" if self.shard_bytes else self.name
        return self.folder / f"{stem}.jsonl{SUFFIXES[self.compress]}"

    def _open(self) -> None:
        self.path = self._final()
        self.tmp = temp_path(self.path)
        self.file, self.raw = open_binary(self.tmp, self.compress)
        self.size = 0

    def _close(self, keep: bool) -> None:
        try:
            try:
                if self.file is not self.raw:
                    self.file.close()  # the compressor's end; the raw file stays open
            finally:
                try:
                    if keep:
                        self.raw.flush()  # writes out the buffer: a full disk shows here
                        os.fsync(self.raw.fileno())  # on disk before the rename makes it look complete
                finally:
                    self.raw.close()
        except OSError:
            keep = False  # a file that could not be written in full is not kept
            raise
        finally:
            if keep:
                os.replace(self.tmp, self.path)
                fsync_folder(self.folder)
            else:
                self.tmp.unlink(missing_ok=True)
            self.file = None

    def write(self, lines: bytes, chars: int | None = None) -> None:
        """Write JSONL lines in UTF-8 (``chars`` characters long, what ``shard_bytes`` counts: counted here
        when not given, and only for shards); start a new shard first if the current one is full."""
        if self.file is None:
            self._open()
        elif self.shard_bytes and self.size >= self.shard_bytes:
            self._close(keep=True)
            self.shard += 1
            self._open()
        self.file.write(lines)
        if self.shard_bytes:
            self.size += chars if chars is not None else utf8_chars(lines)

    def __enter__(self) -> JsonlSink:
        for old in self._previous():  # one run's items per folder: shards of an earlier run must not linger
            old.unlink()
        return self

    def _previous(self) -> list[Path]:
        names = [f"{self.name}.jsonl{suffix}" for suffix in SUFFIXES.values()]
        shards = self.folder.glob(f"{self.name}-[0-9][0-9][0-9][0-9][0-9].jsonl*")
        return [p for p in [*(self.folder / n for n in names), *shards] if p.is_file()]

    def __exit__(self, kind, exc, tb) -> None:
        if self.file is None and kind is None and not self.shard_bytes:
            self._open()  # no items: still write an (empty) items file
        if self.file is not None:
            self._close(keep=kind is None)


class AtomicWriter:
    """A text file written under a temporary name and renamed into place on success only."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.tmp = temp_path(self.path)

    def __enter__(self):
        # backslashreplace: a file name that is not UTF-8 (surrogate escapes) cannot break the output
        self.file = open(self.tmp, "w", encoding="utf-8", errors="backslashreplace", newline="\n")
        return self.file

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            self.file.flush()
            os.fsync(self.file.fileno())
        self.file.close()
        if kind is None:
            os.replace(self.tmp, self.path)
            fsync_folder(self.path.parent)
        else:
            self.tmp.unlink(missing_ok=True)
