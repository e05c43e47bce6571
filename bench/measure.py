"""One measurement, run in a fresh process so its peak memory is its own.

``python -m bench.measure MODE CORPUS OUT [WORKERS]`` cleans every ``*.txt``
under ``CORPUS`` one of four ways and prints one JSON object: wall and CPU
seconds, bytes, pages, items, and peak resident memory of this process and of
its largest worker (from ``getrusage``):

- ``pipeline``: the ``clean`` pipeline through :func:`clean.run.executor.run`;
- ``norules``: the same pipeline with every rule switched off: reading, decoding, the stages' own work
  (lines, items with their provenance and audit, records, the journal) and no rule logic, the ceiling a
  pipeline built this way can reach on the machine;
- ``ftfy``: ``ftfy.fix_text`` over each page (decoded as UTF-8), one JSONL record per page;
- ``floor``: read, decode as UTF-8 and write one JSONL record per page, nothing else.

Timing starts after the imports (of ``clean`` as of ftfy), so it measures the work, not Python's start-up; loading
the rules is part of the work.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def pages(corpus: Path) -> list[Path]:
    """The corpus files, in a stable order."""
    return sorted(corpus.rglob("*.txt"))


def baseline(corpus: Path, out: Path, fix) -> tuple[int, int, int]:
    """Read, ``fix`` and write each page as a JSONL record; pages, items and bytes."""
    count = size = 0
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "items.jsonl", "w", encoding="utf-8") as sink:
        for path in pages(corpus):
            raw = path.read_bytes()
            text = fix(raw.decode("utf-8", errors="replace"))
            sink.write(json.dumps({"path": str(path), "text": text}, ensure_ascii=False) + "\n")
            count += 1
            size += len(raw)
    return count, count, size


def pipeline(corpus: Path, out: Path, workers: int, rules: bool = True) -> tuple[int, int, int]:
    """The clean pipeline over the corpus (its rules loaded here, in the time measured; none of them run
    without ``rules``); pages, items and bytes."""
    from clean.run.executor import LocalExecutor, run  # imported by measure() before its clock starts
    from clean.pipeline import Pipeline

    pipe = Pipeline()
    if not rules:
        pipe = Pipeline(disable={rule.family for rule in pipe.rules.rules})
    summary = run(pipe, [str(corpus)], out, LocalExecutor(workers))
    # os.walk, not a list or Path.rglob (which keeps a set of every path it yielded): that would be the peak RSS
    size = sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(corpus) for f in files
               if f.endswith(".txt"))
    return summary.files, summary.items, size


def cpu_seconds() -> float:
    """CPU time (user and system) of this process and its finished workers."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def measure(mode: str, corpus: Path, out: Path, workers: int) -> dict:
    """Run ``mode`` once and return its figures."""
    if mode == "ftfy":
        import ftfy

        work = lambda: baseline(corpus, out, ftfy.fix_text)  # noqa: E731
    elif mode == "floor":
        work = lambda: baseline(corpus, out, str)  # noqa: E731
    else:
        import clean.pipeline  # noqa: F401  (the imports, as ``import ftfy`` above, before the clock starts)
        import clean.run.executor  # noqa: F401

        work = lambda: pipeline(corpus, out, workers, rules=mode != "norules")  # noqa: E731
    started, cpu_started = time.perf_counter(), cpu_seconds()
    count, items, size = work()
    seconds = time.perf_counter() - started
    return {
        "mode": mode, "workers": workers, "seconds": seconds, "cpu_seconds": cpu_seconds() - cpu_started,
        "bytes": size, "pages": count, "items": items,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


if __name__ == "__main__":
    mode, corpus, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    workers = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    print(json.dumps(measure(mode, corpus, out, workers)))
