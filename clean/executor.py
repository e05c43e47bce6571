"""Where the pipeline runs: find the inputs, clean them (in-process or in a process pool), write.

The executor takes a :class:`~clean.pipeline.Pipeline` and never reaches into
its stages. Results come back in input order whatever the number of workers,
so the output is byte-identical for any ``workers``. A file that cannot be
read or decoded becomes an entry with ``errors`` in ``sources.jsonl`` and the
run goes on. Output files are written to a temporary name and renamed when
complete, so a crash never leaves a truncated file that looks finished.

>>> sorted(p.rsplit("/", 1)[-1] for p in discover(["seeds"]))[:1]
['000_3750915008d33f14.txt']
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from clean import __version__
from clean.errors import CleanError
from clean.inputs import PATTERNS, Reader
from clean.outputs import JsonlSink
from clean.progress import Progress
from clean.records import EditRecord, Item, RemovedRecord, SourceRecord

CHUNK = 8  # files handed to a worker at a time
WINDOW_PER_WORKER = 4  # chunks in flight per worker (results wait in order without piling up)


@dataclass
class RunSummary:
    """Counts of a run, printed by the CLI and written to ``run.json``."""

    files: int = 0
    items: int = 0
    errors: int = 0
    removed: Counter = field(default_factory=Counter)
    edits: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        top = ", ".join(f"{rule} {n}" for rule, n in sorted(self.removed.items(), key=lambda kv: (-kv[1], kv[0])))
        return f"{self.files} files, {self.items} items, {self.errors} errors; removed: {top or 'nothing'}"


def discover(inputs: Iterable[str]) -> list[str]:
    """The files to clean: files as given, folders walked for :data:`~clean.inputs.PATTERNS`; paths relative to the cwd."""
    found: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.extend(str(Path(root) / f) for f in sorted(files) if any(Path(f).match(p) for p in PATTERNS))
        else:
            found.append(str(path))
    return sorted({display_path(p) for p in found})


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it lies below it, in POSIX form."""
    rel = os.path.relpath(os.path.abspath(path))
    return Path(rel if not rel.startswith("..") else os.path.abspath(path)).as_posix()


def clean_path(pipeline, path: str) -> tuple[SourceRecord, list[Item]]:
    """Clean one file; a file that cannot be read becomes a source record with an error."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return SourceRecord(path=path, sha256=None, encoding=None, errors=[f"{path}: cannot read: {exc.strerror}"]), []
    try:
        doc = pipeline.clean_bytes(raw, path)
    except CleanError as exc:
        import hashlib

        sha = hashlib.sha256(raw).hexdigest()
        return SourceRecord(path=path, sha256=sha, encoding=None, errors=[str(exc)]), []
    items = list(doc.items)
    spans = [(i.source.line_start, i.source.line_end) for i in items]

    def outside(line: int) -> bool:
        return not any(a <= line <= b for a, b in spans)

    record = SourceRecord(
        path=path, sha256=doc.source.sha256, encoding=doc.source.encoding, items=[i.id for i in items],
        removed=[RemovedRecord(rule=r.rule, line=r.line, text=r.text) for r in doc.removals if outside(r.line)],
        edits=[EditRecord(rule=e.rule, line=e.line, before=e.before, after=e.after) for e in doc.edits
               if outside(e.line)],
        errors=list(doc.errors),
    )
    return record, items


class LocalExecutor:
    """Runs a pipeline over files in this process (``workers=1``) or a process pool."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1

    def map(self, pipeline, paths: list[str], reader: Reader | None = None
            ) -> Iterator[tuple[SourceRecord, list[Item]]]:
        """Every page of ``paths`` cleaned (``reader.clean``), results in input order."""
        reader = reader or Reader()
        if self.workers == 1 or len(paths) <= 1:
            for path in paths:
                yield from reader.clean(pipeline, path)
            return
        with ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(pipeline, reader)) as pool:
            pending: deque = deque()  # at most WINDOW_PER_WORKER chunks per worker in flight: bounded memory
            for start in range(0, len(paths), CHUNK):
                pending.append(pool.submit(_clean_in_worker, paths[start : start + CHUNK]))
                if len(pending) >= self.workers * WINDOW_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()


_WORKER = None  # (pipeline, reader), set once per worker process by _init_worker


def _init_worker(pipeline, reader) -> None:
    global _WORKER
    _WORKER = (pipeline, reader)


def _clean_in_worker(paths: list[str]):
    pipeline, reader = _WORKER
    return [result for path in paths for result in reader.clean(pipeline, path)]


def run(pipeline, inputs: Iterable[str], out_dir: str | Path, executor: LocalExecutor | None = None,
        reader: Reader | None = None, compress: str | None = None, shard_bytes: int | None = None,
        quiet: bool = True) -> RunSummary:
    """Clean ``inputs`` into ``out_dir``: ``items.jsonl``, ``sources.jsonl``, ``run.json``.

    ``compress`` (gzip or zstd) and ``shard_bytes`` shape the items file(s) (see :mod:`clean.outputs`);
    ``quiet=False`` draws a progress line on a terminal (:mod:`clean.progress`).
    """
    started = time.perf_counter()
    executor = executor or LocalExecutor()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = discover(inputs)
    summary = RunSummary()
    items_sink = JsonlSink(out, "items", compress, shard_bytes)
    bar = Progress.for_paths(paths, quiet)
    with items_sink as items_file, AtomicWriter(out / "sources.jsonl") as sources_file:
        for record, items in executor.map(pipeline, paths, reader):
            summary.files += 1
            summary.items += len(items)
            summary.errors += bool(record.errors)
            for item in items:
                items_file.write(to_json(item))
                summary.removed.update(r.rule for r in item.removed)
                summary.edits.update(e.rule for e in item.edits)
            summary.removed.update(r.rule for r in record.removed)
            summary.edits.update(e.rule for e in record.edits)
            sources_file.write(to_json(record))
            bar.done(record.path, len(items))
    bar.close()
    summary.seconds = time.perf_counter() - started
    write_manifest(out / "run.json", pipeline, summary, executor.workers)
    return summary


def to_json(record) -> str:
    """One JSONL line: UTF-8 as is (Cyrillic readable), keys in field order."""
    return json.dumps(record.model_dump(), ensure_ascii=False, separators=(", ", ": ")) + "\n"


def write_manifest(path: Path, pipeline, summary: RunSummary, workers: int) -> None:
    """``run.json``: version, rules hash, counts and timings (the only file that changes between runs)."""
    manifest = {
        "version": __version__,
        "rules_sha256": pipeline.rules.digest(),
        "counts": {
            "files": summary.files, "items": summary.items, "errors": summary.errors,
            "removed": dict(sorted(summary.removed.items())), "edits": dict(sorted(summary.edits.items())),
        },
        "timings": {"seconds": round(summary.seconds, 3), "workers": workers},
    }
    with AtomicWriter(path) as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


class AtomicWriter:
    """A text file written under a temporary name and renamed into place on success only."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")

    def __enter__(self):
        self.file = open(self.tmp, "w", encoding="utf-8", newline="\n")
        return self.file

    def __exit__(self, kind, exc, tb) -> None:
        self.file.close()
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)
