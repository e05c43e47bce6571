"""Where the pipeline runs: find the inputs, clean them (in-process or in a process pool), write.

The executor takes a :class:`~clean.pipeline.Pipeline` and never reaches into
its stages. Results come back in input order whatever the number of workers,
so the output is byte-identical for any ``workers``. A file that cannot be
read or decoded, or that trips a bug in a stage, becomes an entry with
``errors`` in ``sources.jsonl`` and the run goes on (``strict=True`` stops at
the first one instead). Output files are written to a temporary name and
renamed when complete, ``run.json`` last, so a crash never leaves a truncated
file that looks finished; every finished input is also kept in a progress
journal (:mod:`clean.journal`) from which ``resume=True`` carries on.

>>> sorted(p.rsplit("/", 1)[-1] for p in discover(["seeds"]))[:1]
['000_3750915008d33f14.txt']
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import signal
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import closing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from clean import __version__
from clean.errors import CleanError, InputError, RunInterrupted, StoppedOnError, WorkerLost
from clean.inputs import PATTERNS, Reader
from clean.journal import Journal, stale_temporaries
from clean.outputs import JsonlSink
from clean.progress import Progress
from clean.records import EditRecord, Item, RemovedRecord, SourceRecord
from clean.stages.decode import nonblocking_opener, read_input

CHUNK = 8  # files handed to a worker at a time
WINDOW_PER_WORKER = 4  # chunks in flight per worker (results wait in order without piling up)
Dumped = tuple[dict, list[dict]]  # a page's source record and items as plain data (``model_dump()``)
HASH_BLOCK = 2**20  # bytes read at a time when hashing a file for --resume
PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent dies


@dataclass
class RunSummary:
    """Counts of a run, printed by the CLI and written to ``run.json``."""

    files: int = 0
    items: int = 0
    errors: int = 0
    empty: int = 0  # inputs that yield no item (failed ones included)
    resumed: int = 0  # pages taken from the journal of an interrupted run
    stale_journal: bool = False  # --resume found a journal made with other rules or version, not used
    removed: Counter = field(default_factory=Counter)
    edits: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        top = ", ".join(f"{rule} {n}" for rule, n in sorted(self.removed.items(), key=lambda kv: (-kv[1], kv[0])))
        resumed = f" ({self.resumed} from the journal)" if self.resumed else ""
        if self.stale_journal:
            resumed = " (the journal was made with other rules or version: all cleaned again)"
        return (f"{self.files} files{resumed}, {self.items} items, {self.errors} errors, {self.empty} without items;"
                f" removed: {top or 'nothing'}")


def discover(inputs: Iterable[str], problems: dict[str, str] | None = None) -> list[str]:
    """The files to clean: files as given, folders walked for :data:`~clean.inputs.PATTERNS`; paths relative to the cwd.

    Symlinked folders are followed once; a link back to a folder already
    walked (a loop) is listed too, with its reason in ``problems``.
    """
    found: list[str] = []
    problems = {} if problems is None else problems
    for given in inputs:
        path = Path(given)
        found.extend(_walk(path, problems) if path.is_dir() else [str(path)])
    return sorted({display_path(p) for p in found} | set(problems))


def _walk(top: Path, problems: dict[str, str]) -> Iterator[str]:
    seen: set[str] = set()
    for root, dirs, files in os.walk(top, followlinks=True):
        seen.add(os.path.realpath(root))
        for name in sorted(dirs):
            full = os.path.join(root, name)
            target = os.path.realpath(full)
            if os.path.islink(full) and target in seen:
                shown = display_path(full)
                problems[shown] = f"{shown}: symlink loop: links to {target}, a folder already walked; skipped"
                dirs.remove(name)
        dirs.sort()
        yield from (os.path.join(root, f) for f in sorted(files) if any(Path(f).match(p) for p in PATTERNS))


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it lies below it, in POSIX form."""
    rel = os.path.relpath(os.path.abspath(path))
    return Path(rel if not rel.startswith("..") else os.path.abspath(path)).as_posix()


def shown_path(path: str) -> str:
    r"""``path`` as recorded: a file name that is not UTF-8 gets its odd bytes escaped.

    >>> shown_path(os.fsdecode(b"bad\xff.txt"))
    'bad\\xff.txt'
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def clean_path(pipeline, path: str) -> tuple[SourceRecord, list[Item]]:
    """Clean one file; a file that cannot be read or cleaned becomes a source record with an error."""
    try:
        raw = read_input(path)
    except InputError as exc:
        return _failed(path, None, str(exc)), []
    path = shown_path(path)
    try:
        doc = pipeline.clean_bytes(raw, path)
    except CleanError as exc:
        return _failed(path, hashlib.sha256(raw).hexdigest(), str(exc)), []
    except Exception as exc:  # a bug in a stage must cost one page, not a run of hours
        problem = f"{path}: internal error ({type(exc).__name__}: {exc}); please report it with this file"
        return _failed(path, hashlib.sha256(raw).hexdigest(), problem), []
    return source_record(path, doc), list(doc.items)


def source_record(path: str, doc) -> SourceRecord:
    """The source record of a cleaned page: its identity, item ids, the audit outside every item, notes."""
    items = doc.items
    inside = {n for i in items for n in range(i.source.line_start, i.source.line_end + 1)}

    def outside(line: int) -> bool:
        return line not in inside

    return SourceRecord(
        path=path, sha256=doc.source.sha256, encoding=doc.source.encoding, items=[i.id for i in items],
        removed=[RemovedRecord(rule=r.rule, line=r.line, text=r.text) for r in doc.removals if outside(r.line)],
        edits=[EditRecord(rule=e.rule, line=e.line, before=e.before, after=e.after) for e in doc.edits
               if outside(e.line)],
        errors=list(doc.errors),
        notes=[] if items else [_why_empty(path, doc)],
    )


def _failed(path: str, sha256: str | None, problem: str) -> SourceRecord:
    return SourceRecord(path=shown_path(path), sha256=sha256, encoding=None, errors=[shown_path(problem)])


def _why_empty(path: str, doc) -> str:
    """The note of a page that yields no item."""
    text = [line for line in doc.lines if line.text.strip()]
    noise = sorted({line.removed for line in text if line.removed})
    if not text:
        return f"{path}: no items: the page holds only blank lines"
    if all(line.removed for line in text):
        return f"{path}: no items: all {len(text)} lines with text were removed as noise ({', '.join(noise)})"
    return f"{path}: no items: no item was formed from the text left"


class LocalExecutor:
    """Runs a pipeline over files in this process (``workers=1``) or a process pool."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1

    def map(self, pipeline, paths: list[str], reader: Reader | None = None) -> Iterator[list[Dumped]]:
        """For each of ``paths`` in order, its pages cleaned (``reader.clean``) and dumped: one list per file."""
        reader = reader or Reader()
        if self.workers == 1 or len(paths) <= 1:
            yield from (dumped(reader.clean(pipeline, p)) for p in paths)
            return
        pool = ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(pipeline, reader))
        pending: deque = deque()  # at most WINDOW_PER_WORKER chunks per worker in flight: bounded memory
        try:
            for start in range(0, len(paths), CHUNK):
                pending.append(pool.submit(_clean_in_worker, paths[start : start + CHUNK]))
                if len(pending) >= self.workers * WINDOW_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # on Ctrl-C or --strict: drop the queued files, wait only for the running ones
            pool.shutdown(wait=True, cancel_futures=True)


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


def _clean_in_worker(paths: list[str]) -> list[list[Dumped]]:
    pipeline, reader = _WORKER
    return [dumped(reader.clean(pipeline, path)) for path in paths]


def dumped(pages: list[tuple[SourceRecord, list[Item]]]) -> list[Dumped]:
    """Pages as plain data: what the writer and the journal need, and many times cheaper to send between
    processes than pydantic objects (the writing process would spend most of its time rebuilding them)."""
    return [(record.model_dump(), [item.model_dump() for item in items]) for record, items in pages]


def run(pipeline, inputs: Iterable[str], out_dir: str | Path, executor: LocalExecutor | None = None,
        strict: bool = False, resume: bool = False, reader: Reader | None = None, compress: str | None = None,
        shard_bytes: int | None = None, quiet: bool = True) -> RunSummary:
    """Clean ``inputs`` into ``out_dir``: ``items.jsonl``, ``sources.jsonl``, ``run.json``.

    ``strict`` raises :class:`StoppedOnError` at the first input with an error;
    ``resume`` takes inputs finished by an earlier, interrupted run from the
    journal. Ctrl-C raises :class:`RunInterrupted`, a worker process that dies
    :class:`WorkerLost`; the journal keeps what was done. ``reader`` reads the
    inputs (:mod:`clean.inputs`); ``compress`` (gzip or zstd) and ``shard_bytes``
    shape the items file(s) (:mod:`clean.outputs`); ``quiet=False`` draws a
    progress line on a terminal (:mod:`clean.progress`).
    """
    started = time.perf_counter()
    executor = executor or LocalExecutor()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for leftover in stale_temporaries(out):
        leftover.unlink()
    (out / "run.json").unlink(missing_ok=True)  # run.json present = the three files are one complete run
    problems: dict[str, str] = {}
    paths = discover(inputs, problems)
    summary = RunSummary()
    bar = Progress.for_paths(paths, quiet)
    with Journal(out, pipeline.rules.digest(), resume) as journal, \
            JsonlSink(out, "items", compress, shard_bytes) as items_file, \
            AtomicWriter(out / "sources.jsonl") as sources_file, \
            closing(_results(pipeline, paths, problems, journal, executor, summary, reader)) as results:
        summary.stale_journal = journal.stale
        try:
            for record, items in results:
                _count(summary, record, items)
                items_file.write("".join(to_json(item) for item in items))
                sources_file.write(to_json(record))
                bar.done(record["path"], len(items))
                if strict and record["errors"]:
                    raise StoppedOnError(f"stopped at the first error (--strict): {record['errors'][0]}")
        except KeyboardInterrupt:
            raise RunInterrupted(_stopped("interrupted", summary, paths, journal)) from None
        except BrokenProcessPool:
            raise WorkerLost(_stopped("a worker process died (killed, or out of memory)", summary, paths, journal))
    bar.close()
    journal.remove()
    summary.seconds = time.perf_counter() - started
    write_manifest(out / "run.json", pipeline, summary, executor.workers)
    return summary


def _stopped(why: str, summary: RunSummary, paths: list[str], journal: Journal) -> str:
    return (f"{why} after {summary.files} of {len(paths)} files; "
            f"rerun with --resume to finish (progress kept in {journal.path})")


def _results(pipeline, paths, problems, journal: Journal, executor, summary: RunSummary, reader=None):
    """``(record, items)`` as plain data for every page of every path in order: from the journal when
    finished before."""
    journaled = [p for p in paths if p not in problems and shown_path(p) in journal.index]
    reuse = {p for p in journaled if journal.finished(shown_path(p), file_sha256(p))}  # unchanged since
    fresh = executor.map(pipeline, [p for p in paths if p not in problems and p not in reuse], reader)
    for path in paths:
        if path in reuse:  # read from the journal one at a time: a resumed crawl does not fill memory
            pages = journal.get(shown_path(path))
            summary.resumed += len(pages)
            yield from pages
            continue
        pages = [(_failed(path, None, problems[path]).model_dump(), [])] if path in problems else next(fresh)
        one_page = len(pages) == 1 and pages[0][0]["path"] == shown_path(path)  # a .txt file: its page's sha256
        sha = pages[0][0]["sha256"] if one_page else file_sha256(path)
        journal.add(shown_path(path), sha, pages)
        yield from pages


def file_sha256(path: str) -> str | None:
    """The sha256 of the file at ``path`` now (read in blocks), or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb", opener=nonblocking_opener) as f:
            while block := f.read(HASH_BLOCK):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _count(summary: RunSummary, record: dict, items: list[dict]) -> None:
    summary.files += 1
    summary.items += len(items)
    summary.errors += bool(record["errors"])
    summary.empty += not items
    for item in items:
        summary.removed.update(r["rule"] for r in item["removed"])
        summary.edits.update(e["rule"] for e in item["edits"])
    summary.removed.update(r["rule"] for r in record["removed"])
    summary.edits.update(e["rule"] for e in record["edits"])


def to_json(record) -> str:
    """One JSONL line of a record or its plain data: UTF-8 as is (Cyrillic readable), keys in field order."""
    data = record if isinstance(record, dict) else record.model_dump()
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def write_manifest(path: Path, pipeline, summary: RunSummary, workers: int) -> None:
    """``run.json``: version, rules hash, counts and timings (the only file that changes between runs)."""
    manifest = {
        "version": __version__,
        "rules_sha256": pipeline.rules.digest(),
        "counts": {
            "files": summary.files, "items": summary.items, "errors": summary.errors, "empty": summary.empty,
            "resumed": summary.resumed,
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
        else:
            self.tmp.unlink(missing_ok=True)
