"""What the topic-shift rung (lexical cohesion) costs: split_items MB/s with and without it.

Builds two corpora, the dev-set pages (short teasers: many paragraphs per MB)
and the seeds (long paragraphs), each repeated to about ``--mb`` megabytes;
runs the stages before ``split_items`` once, then times ``split_items`` alone
over the prepared documents, with the full ladder and with ``items.topic-shift``
switched off, and counts how many paragraphs reach the cohesion rung. Timings
are CPU time of this process, the best of ``--repeats`` passes, so that other
work on the machine disturbs them little. Run: ``python bench/cohesion.py [--mb 2]``.
"""

from __future__ import annotations

import argparse
import importlib
import time
from pathlib import Path

from clean.model.document import Document
from clean.pipeline import STAGES, clean_document
from clean.engine.ruleset import RuleSet
from clean.catalog.loader import shipped_rules

ROOT = Path(__file__).resolve().parent.parent
split_module = importlib.import_module("clean.stages.split_items")


def corpus(folder: Path, megabytes: float) -> list[str]:
    """The pages of ``folder`` repeated to about ``megabytes``."""
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    size = sum(len(p.encode()) for p in pages)
    return pages * max(1, round(megabytes * 1e6 / size))


def prepared(pages: list[str], rules: RuleSet) -> list[Document]:
    before = STAGES[: STAGES.index(split_module.split_items)]
    return [clean_document(Document.from_text(text, path=f"p{n}.txt"), rules, before) for n, text in enumerate(pages)]


def rate(docs: list[Document], rules: RuleSet, megabytes: float, repeats: int) -> float:
    """MB/s of the best of ``repeats`` passes (the least disturbed by other work on the machine)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for doc in docs:
            split_module.split_items(doc, rules)
        best = min(best, time.process_time() - start)
    return megabytes / best


def cohesion_calls(docs: list[Document], rules: RuleSet) -> tuple[int, int]:
    """How many paragraphs reach the cohesion test, and how many paragraphs there are."""
    calls, real = 0, split_module._topic_shifts

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    split_module._topic_shifts = counting
    try:
        for doc in docs:
            split_module.split_items(doc, rules)
    finally:
        split_module._topic_shifts = real
    return calls, sum(len(doc.kept_indices()) for doc in docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="Corpus size in megabytes (default 2).")
    parser.add_argument("--repeats", type=int, default=5, help="Passes to time; the best counts (default 5).")
    args = parser.parse_args()
    rules = shipped_rules()
    for name in ("tests/listings", "seeds"):
        pages = corpus(ROOT / name, args.mb)
        megabytes = sum(len(p.encode()) for p in pages) / 1e6
        docs = prepared(pages, rules)
        full = rate(docs, rules, megabytes, args.repeats)
        without = rate(docs, rules.without({"items.topic-shift"}), megabytes, args.repeats)
        decisions, paragraphs = cohesion_calls(docs, rules)
        print(f"{name}: {megabytes:.2f} MB, {len(docs)} pages, {paragraphs} paragraphs")
        print(f"  split_items with topic-shift    {full:8.2f} MB/s")
        print(f"  split_items without topic-shift {without:8.2f} MB/s")
        print(f"  cohesion: {100 * (without - full) / without:.1f}% of split_items time, "
              f"{decisions} decisions ({100 * decisions / max(paragraphs, 1):.1f}% of paragraphs)")


if __name__ == "__main__":
    main()
