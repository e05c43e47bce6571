"""A progress line on a terminal: files, MB, items, rate and, when the total is known, ETA.

Shown only when standard error is a terminal, the run is not ``--quiet``, and
it has lasted longer than :data:`DELAY` seconds; redrawn at most every
:data:`EVERY` seconds, so it costs nothing measurable. Without a terminal (a
log file, CI) it prints nothing: the summary line at the end is the record.

A run streams its inputs (it never holds the list of them), so its line
first counts what is done without a total (:meth:`Progress.streaming`); when
the line is shown, a background thread walks the same inputs once more,
summing only their count and size (constant memory), and from then on the
line shows totals and an ETA. Given the sizes of the inputs up front, the line
shows them from the start.

>>> bar = Progress({"a.txt": 2_000_000}, enabled=False)
>>> bar.done("a.txt", items=3); bar.text(now=bar.started + 2.0)
'1/1 files  2.0/2.0 MB  3 items  1.0 MB/s  ETA 0:00'
>>> bar = Progress(None, enabled=False)
>>> bar.done("seeds/no-such-file.txt", items=0); bar.text(now=bar.started + 2.0)
'1 files  0.0 MB  0 items  0.0 MB/s'
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable

DELAY = 1.0  # seconds before the line first appears
EVERY = 0.5  # seconds between redraws


class Progress:
    """Counts finished inputs and draws one line on standard error."""

    def __init__(self, sizes: dict[str, int] | None, enabled: bool | None = None, stream=None):
        self.sizes, self.stream = sizes, stream or sys.stderr
        self.total_bytes = sum(sizes.values()) if sizes is not None else None
        self.total_files = len(sizes) if sizes is not None else None
        self.last_file = None  # without sizes: the file of the last page counted
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.started = self.drawn = time.monotonic()
        self.files = self.bytes = self.items = 0
        self.shown = False

    @classmethod
    def streaming(cls, quiet: bool = False, inputs: Iterable[str] = (), skip=None, stream=None) -> Progress:
        """A progress line for inputs discovered as the run goes (sizes read as files finish).

        When the line is enabled, the totals of ``inputs`` are counted in a
        background thread (:meth:`count_totals`) and the ETA appears once they are known.
        """
        stream = stream or sys.stderr
        bar = cls(None, enabled=not quiet and stream.isatty(), stream=stream)
        if bar.enabled and inputs:
            threading.Thread(target=bar.count_totals, args=(list(inputs), skip), daemon=True).start()
        return bar

    def count_totals(self, inputs: list[str], skip=None) -> None:
        """Walk ``inputs`` as the run does (leaving out what ``skip`` does) and set the totals, holding no
        list of paths."""
        from clean.io.discovery import NO_SKIP, discover

        files = size = 0
        for path in discover(inputs, skip=skip or NO_SKIP):
            files += 1
            size += _size(path)
        self.total_files, self.total_bytes = files, size  # the line reads both; totals appear together

    def done(self, path: str, items: int) -> None:
        """One page finished; a page of a file counts its file's bytes once, at its first page."""
        if self.sizes is None:
            self._count_streamed(path)
        else:
            file = path if path in self.sizes else _container(path)
            if file in self.sizes:
                self.files += 1
                self.bytes += self.sizes.pop(file)
        self.items += items
        now = time.monotonic()
        if self.enabled and now - self.started > DELAY and now - self.drawn > EVERY:
            self.drawn, self.shown = now, True
            self.stream.write("\r" + self.text(now) + "\x1b[K")
            self.stream.flush()

    def _count_streamed(self, path: str) -> None:
        file = _container(path)
        if file != self.last_file:
            self.last_file = file
            self.files += 1
            self.bytes += _size(file) if self.enabled else 0

    def text(self, now: float) -> str:
        """The progress line as of ``now``."""
        seconds = max(now - self.started, 1e-9)
        rate = self.bytes / seconds
        total_bytes, total_files = self.total_bytes, self.total_files
        if total_bytes is None or total_files is None:
            return f"{self.files} files  {self.bytes / 1e6:.1f} MB  {self.items} items  {rate / 1e6:.1f} MB/s"
        left = max(total_bytes - self.bytes, 0) / rate if rate else 0
        return (f"{self.files}/{total_files} files  {self.bytes / 1e6:.1f}/{total_bytes / 1e6:.1f} MB  "
                f"{self.items} items  {rate / 1e6:.1f} MB/s  ETA {int(left) // 60}:{int(left) % 60:02d}")

    def close(self) -> None:
        """End the line, so the summary starts on a fresh one."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _container(path: str) -> str:
    """The file a record path (``FILE:LINE`` or ``FILE@OFFSET``) belongs to."""
    for mark in (":", "@"):
        head, _, tail = path.rpartition(mark)
        if head and (tail.isdigit() or mark == "@" and tail == "end"):  # FILE@end: a truncated archive
            return head
    return path


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
