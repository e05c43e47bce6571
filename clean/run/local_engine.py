"""Run the pipeline on this machine: in this process (one worker) or a process pool.

:class:`LocalExecutor` takes a :class:`~clean.pipeline.Pipeline` and never
reaches into its stages. ``map`` takes the input paths as a stream and gives
back each file's pages in input order, whatever the number of workers, so the
output is byte-identical for any ``workers``. Paths are read from the stream
only as work is handed out: at most :data:`WINDOW_PER_WORKER` chunks of
:data:`CHUNK` files per worker are in flight, so memory stays flat however many
inputs there are. A ``None`` in the stream keeps a place for an input the
caller needs no cleaning for (a file taken from the journal): its result is
``None``, and it costs no worker time.

>>> from clean.pipeline import Pipeline
>>> [len(pages) if pages else pages for pages in LocalExecutor(1).map(Pipeline(), ["seeds/missing.txt", None])]
[1, None]
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice

from clean.io.inputs import FilePages, Reader
from clean.io.page_records import Dumped, dumped

CHUNK = 32  # files handed to a worker at a time (fewer, larger messages: less work for the main process)
WINDOW_PER_WORKER = 4  # chunks in flight per worker (results wait in order without piling up)
PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent dies


class LocalExecutor:
    """Runs a pipeline over files in this process (``workers=1``) or a process pool."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1

    def map(self, pipeline, paths: Iterable[str | None], reader: Reader | None = None,
            ) -> Iterator[list[Dumped] | None]:
        """For each of ``paths`` in order, its pages cleaned (``reader.clean``) and dumped: one list per file."""
        reader = reader or Reader()
        paths = iter(paths)
        first = list(islice(paths, 2))
        if self.workers == 1 or len(first) <= 1:
            yield from (clean_dumped(pipeline, reader, p) for p in chain(first, paths))
            return
        yield from self._pooled(pipeline, reader, chain(first, paths))

    def _pooled(self, pipeline, reader: Reader, paths: Iterator[str | None]) -> Iterator[list[Dumped] | None]:
        pool = ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(pipeline, reader))
        pending: deque[Future] = deque()  # at most WINDOW_PER_WORKER chunks per worker in flight: bounded memory
        try:
            while chunk := list(islice(paths, CHUNK)):
                pending.append(_submit(pool, chunk))
                if len(pending) >= self.workers * WINDOW_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # on Ctrl-C or --strict: drop the queued files, wait only for the running ones
            pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, chunk: list[str | None]) -> Future:
    """A chunk to a worker; a chunk of only places kept (``None``) is done at once, without a worker."""
    if any(path is not None for path in chunk):
        return pool.submit(_clean_in_worker, chunk)
    done: Future = Future()
    done.set_result([None] * len(chunk))
    return done


_WORKER = None  # (pipeline, reader), set once per worker process by _init_worker


def _init_worker(pipeline, reader) -> None:
    global _WORKER
    _WORKER = (pipeline, reader)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the main process dies (SIGKILL leaves no one to shut the pool).

    Without it, workers of a killed run wait forever on a queue they themselves keep open.
    """
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: workers of a killed run end at their next task
        return
    if os.getppid() != parent:  # the main process died before prctl took effect
        os._exit(1)


def _clean_in_worker(paths: list[str | None]) -> list[list[Dumped] | None]:
    pipeline, reader = _WORKER
    return [clean_dumped(pipeline, reader, path) for path in paths]


def clean_dumped(pipeline, reader: Reader, path: str | None) -> list[Dumped] | None:
    """The pages of ``path`` cleaned and dumped; None for a place kept (``path`` None)."""
    if path is None:
        return None
    pages = reader.clean(pipeline, path)
    out = FilePages(dumped(pages))
    out.sha256 = getattr(pages, "sha256", None)  # of the bytes cleaned, when the reader knows it
    return out
