"""Where one worker's time goes: the share of CPU time of decoding, each stage and writing.

``python -m bench.stages [CORPUS] [--pages N]`` runs the pipeline in this process over the pages of
``CORPUS`` (default: the benchmark's corpus of ``python -m bench``, ``.bench/corpus-0-200``), one page
at a time, and times each step with the process clock:

- ``decode``: reading the bytes and decoding them into a document;
- each stage of :data:`clean.pipeline.STAGES`, in order;
- ``records``: the source record, ``model_dump`` and the JSON lines the writer writes.

It prints microseconds per page and the share of each step, then the total as MB per CPU-second. The
executor's own work (discovery, the journal, the pool) is not in it: the difference between this total
and ``python -m bench --modes pipeline:1`` is that overhead.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from clean.io.decode import read_and_decode
from clean.io.page_records import dumped, source_record
from clean.pipeline import STAGES, Pipeline


def profile(corpus: Path, limit: int | None) -> tuple[dict[str, int], int, int]:
    """Nanoseconds of CPU per step over the corpus, the number of pages and their bytes."""
    pipeline = Pipeline()
    rules = pipeline.rules
    spent = dict.fromkeys(["decode", *(stage.__name__ for stage in STAGES), "records"], 0)
    clock = time.process_time_ns
    pages = size = 0
    for path in sorted(corpus.rglob("*.txt"))[:limit]:
        raw = path.read_bytes()
        t0 = clock()
        doc = read_and_decode(raw, str(path))
        t1 = clock()
        spent["decode"] += t1 - t0
        for stage in STAGES:
            doc = stage(doc, rules)
            t2 = clock()
            spent[stage.__name__] += t2 - t1
            t1 = t2
        dumped([(source_record(str(path), doc), list(doc.items))])
        spent["records"] += clock() - t1
        pages += 1
        size += len(raw)
    return spent, pages, size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.stages", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=Path(".bench") / "corpus-0-200")
    parser.add_argument("--pages", type=int, help="only the first N pages (sorted by path)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder; `python -m bench` generates the default corpus")
    spent, pages, size = profile(args.corpus, args.pages)
    if not pages:
        parser.error(f"{args.corpus}: no *.txt page in it")
    total = sum(spent.values())
    print(f"{pages} pages, {size / 1e6:.1f} MB from {args.corpus}")
    for step, ns in spent.items():
        print(f"{step:<18} {ns / pages / 1000:8.1f} us/page  {100 * ns / total:5.1f} %")
    print(f"{'total':<18} {total / pages / 1000:8.1f} us/page  {size / (total / 1e9) / 1e6:.2f} MB per CPU-s")


if __name__ == "__main__":
    main()
