"""A run: find the inputs, clean them with an executor, write the outputs and the journal.

:func:`run` streams: inputs are discovered lazily (:mod:`clean.io.discovery`),
cleaned by an executor that keeps a bounded window of work in flight
(:mod:`clean.run.local_engine`, :mod:`clean.run.ray_engine`) and written as they come
back, in input order, so memory stays flat however large the corpus and the
output is byte-identical for any number of workers. A file that cannot be
read or decoded, or that trips a bug in a stage, becomes an entry with
``errors`` in ``sources.jsonl`` and the run goes on (``strict=True`` stops at
the first one instead). Output files are written to a temporary name and
renamed when complete, ``run.json`` last, so a crash never leaves a truncated
file that looks finished; every finished input is also kept in a progress
journal (:mod:`clean.io.journal`) from which ``resume=True`` carries on.

>>> sorted(p.rsplit("/", 1)[-1] for p in discover(["seeds"]))[:1]
['000_3750915008d33f14.txt']
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import closing
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path

from clean._version import __version__
from clean.io.discovery import NO_SKIP, Skip, discover, display_path, shown_path  # noqa: F401  (display_path, NO_SKIP: API)
from clean.model.errors import RunInterrupted, StoppedOnError, WorkerLost
from clean.io.inputs import Reader
from clean.io.journal import Journal
from clean.run.local_engine import LocalExecutor
from clean.io.outdir import OutLock, check_out_dir, stale_temporaries
from clean.io.outputs import AtomicWriter, JsonlSink
from clean.run.preflight import check_extras
from clean.io.page_records import Dumped, ItemLines, failed_record, item_lines, to_json
from clean.run.progress import Progress
from clean.io.decode import nonblocking_opener

HASH_BLOCK = 2**20  # bytes read at a time when hashing a file for --resume
FIRST_ERRORS = 5  # errors a summary keeps to show; sources.jsonl holds them all


@dataclass
class RunSummary:
    """Counts of a run, printed by the CLI and written to ``run.json``."""

    files: int = 0
    items: int = 0
    errors: int = 0
    empty: int = 0  # inputs that yield no item (failed ones included)
    resumed: int = 0  # pages taken from the journal of an interrupted run
    stale_journal: str | None = None  # why --resume found a journal it did not use (other rules, other options)
    removed: Counter = field(default_factory=Counter)
    edits: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    first_errors: list[str] = field(default_factory=list)  # the first FIRST_ERRORS errors, for the CLI

    def error_lines(self, out_dir: str | Path) -> list[str]:
        """The first errors (file: reason), and where all of them are; nothing when there were none."""
        if not self.errors:
            return []
        shown = len(self.first_errors)
        head = "errors:" if shown == self.errors else f"the first {shown} of {self.errors} errors:"
        where = Path(out_dir) / "sources.jsonl"
        return [head, *(f"  {error}" for error in self.first_errors),
                f"every error is in {where} (records with \"errors\"; 'clean report {out_dir}' lists them)"]

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        top = ", ".join(f"{rule} {n}" for rule, n in sorted(self.removed.items(), key=lambda kv: (-kv[1], kv[0])))
        resumed = f" ({self.resumed} from the journal)" if self.resumed else ""
        if self.stale_journal:
            resumed = f" ({self.stale_journal}: all cleaned again)"
        return (f"{self.files} files{resumed}, {self.items} items, {self.errors} errors, {self.empty} without items;"
                f" removed: {top or 'nothing'}")


def run(pipeline, inputs: Iterable[str], out_dir: str | Path, executor: LocalExecutor | None = None,
        strict: bool = False, resume: bool = False, reader: Reader | None = None, compress: str | None = None,
        shard_bytes: int | None = None, quiet: bool = True, exclude: Iterable[str] = ()) -> RunSummary:
    """Clean ``inputs`` into ``out_dir``: ``items.jsonl``, ``sources.jsonl``, ``run.json``.

    ``strict`` raises :class:`StoppedOnError` at the first input with an error;
    ``resume`` takes inputs finished by an earlier, interrupted run from the
    journal. Ctrl-C raises :class:`RunInterrupted`, a worker process that dies
    :class:`WorkerLost`; the journal keeps what was done. ``reader`` reads the
    inputs (:mod:`clean.io.inputs`); ``compress`` (gzip or zstd) and ``shard_bytes``
    shape the items file(s) (:mod:`clean.io.outputs`); ``quiet=False`` draws a
    progress line on a terminal (:mod:`clean.run.progress`). Walking folders leaves out
    dot-names, ``out_dir`` and the globs of ``exclude`` (:class:`~clean.io.discovery.Skip`).
    """
    inputs = list(inputs)  # read twice: by discovery and by the progress line's count
    skip = Skip.for_run(out_dir, exclude)
    check_extras(inputs, skip, compress)  # a missing optional library stops the run before it starts
    check_out_dir(inputs, out_dir)  # never write into a folder of the user's (clean.io.outdir)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with OutLock(out_dir):
        return _run(pipeline, inputs, Path(out_dir), executor or LocalExecutor(), strict, resume, reader, compress,
                    shard_bytes, quiet, skip)


def _run(pipeline, inputs: list[str], out: Path, executor, strict: bool, resume: bool, reader, compress,
         shard_bytes, quiet: bool, skip: Skip) -> RunSummary:
    started = time.perf_counter()
    for leftover in stale_temporaries(out):
        leftover.unlink()
    (out / "run.json").unlink(missing_ok=True)  # run.json present = the three files are one complete run
    problems: dict[str, str] = {}
    paths = discover(inputs, problems, skip)
    summary = RunSummary()
    bar = Progress.streaming(quiet, inputs, skip)
    options = asdict(reader or Reader())  # what changes the output besides the rules (--text-field)
    with Journal(out, pipeline.rules.digest(), resume, options) as journal, \
            JsonlSink(out, "items", compress, shard_bytes) as items_file, \
            AtomicWriter(out / "sources.jsonl") as sources_file, \
            closing(_results(pipeline, paths, problems, journal, executor, summary, reader)) as results:
        summary.stale_journal = journal.stale
        try:
            for record, line, items in results:
                _count(summary, record, items)
                items_file.write(items.data, items.chars)
                sources_file.write(line)
                bar.done(record["path"], items.count)
                if strict and record["errors"]:
                    raise StoppedOnError(f"stopped at the first error (--strict): {record['errors'][0]}")
        except KeyboardInterrupt:
            raise RunInterrupted(_stopped("interrupted", summary, journal)) from None
        except BrokenProcessPool:
            raise WorkerLost(_stopped("a worker process died (killed, or out of memory)", summary, journal))
    bar.close()
    journal.remove()
    summary.seconds = time.perf_counter() - started
    write_manifest(out / "run.json", pipeline, summary, executor.workers, inputs)
    return summary


def _stopped(why: str, summary: RunSummary, journal: Journal) -> str:
    return f"{why} after {summary.files} files; rerun with --resume to finish (progress kept in {journal.path})"


def _results(pipeline, paths: Iterator[str], problems: dict[str, str], journal: Journal, executor,
             summary: RunSummary, reader=None) -> Iterator[tuple[dict, str, ItemLines]]:
    """``(record, its line, items)`` for every page of every path in order: from the journal when finished
    before, an error record for a path discovery found a problem with, else cleaned by ``executor``.

    Every path goes to the executor in order, as ``None`` when it needs no cleaning, so the executor's
    results and ``order`` (the paths handed out and not yet written, a bounded window) stay in step.
    """
    order: deque[tuple[str, bool]] = deque()  # (path, taken from the journal)

    def to_clean() -> Iterator[str | None]:
        for path in paths:
            reuse = path not in problems and _finished(journal, path)
            order.append((path, reuse))
            yield None if reuse or path in problems else path

    for cleaned in executor.map(pipeline, to_clean(), reader):
        path, reuse = order.popleft()
        if reuse:  # read from the journal one at a time: a resumed crawl does not fill memory
            pages = [(record, item_lines(items)) for record, items in journal.get(shown_path(path))]
            summary.resumed += len(pages)
            yield from ((record, to_json(record), items) for record, items in pages)
            continue
        if path in problems:
            cleaned = [(failed_record(path, None, problems.pop(path)).model_dump(), item_lines([]))]
        lines = [to_json(record) for record, _ in cleaned]
        one_page = len(cleaned) == 1 and cleaned[0][0]["path"] == shown_path(path)  # a .txt file: its page's sha
        sha = getattr(cleaned, "sha256", None) or (cleaned[0][0]["sha256"] if one_page else file_sha256(path))
        journal.add(shown_path(path), sha, _pages_json(lines, cleaned))
        yield from ((record, line, items) for (record, items), line in zip(cleaned, lines))


def _pages_json(lines: list[str], pages: list[Dumped]) -> bytes:
    """The journal's JSON array of pages, ``[[record, [item, ...]], ...]`` in UTF-8, made of the lines already
    written: the items' lines, encoded by the worker, become an array by a bytes replace (a JSON line holds no
    newline but its last).

    >>> from clean.io.page_records import ItemLines
    >>> _pages_json(['{"path": "a"}\\n'], [({}, ItemLines(b'{"n": 1}\\n{"n": 2}\\n', 18, 2, (), ()))])
    b'[[{"path": "a"}, [{"n": 1}, {"n": 2}]]]'
    """
    return b"[" + b", ".join(b"".join((b"[", line[:-1].encode("utf-8", "backslashreplace"), b", [",
                                        items.data[:-1].replace(b"\n", b", "), b"]]"))
                             for line, (_, items) in zip(lines, pages)) + b"]"


def _finished(journal: Journal, path: str) -> bool:
    """True when the journal holds ``path`` finished and the file has not changed since."""
    return shown_path(path) in journal.index and journal.finished(shown_path(path), file_sha256(path))


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


def _count(summary: RunSummary, record: dict, items: ItemLines) -> None:
    summary.files += 1
    summary.items += items.count
    summary.errors += bool(record["errors"])
    if record["errors"] and len(summary.first_errors) < FIRST_ERRORS:
        error = record["errors"][0]
        summary.first_errors.append(error if error.startswith(record["path"]) else f"{record['path']}: {error}")
    summary.empty += not items.count
    summary.removed.update(items.removed)
    summary.edits.update(items.edits)
    summary.removed.update(r["rule"] for r in record["removed"])
    summary.edits.update(e["rule"] for e in record["edits"])


def write_manifest(path: Path, pipeline, summary: RunSummary, workers: int, inputs: list[str] = ()) -> None:
    """``run.json``: version, rules hash, counts and timings (the only file that changes between runs), and the
    inputs as absolute paths (the only files ``clean report`` will read: :mod:`clean.review.source_access`)."""
    manifest = {
        "version": __version__,
        "rules_sha256": pipeline.rules.digest(),
        "counts": {
            "files": summary.files, "items": summary.items, "errors": summary.errors, "empty": summary.empty,
            "resumed": summary.resumed,
            "removed": dict(sorted(summary.removed.items())), "edits": dict(sorted(summary.edits.items())),
        },
        "timings": {"seconds": round(summary.seconds, 3), "workers": workers},
        "inputs": [shown_path(os.path.abspath(given)) for given in inputs],
    }
    with AtomicWriter(path) as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
