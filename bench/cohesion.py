"""What the topic-shift rung (lexical cohesion) costs: split_items MB/s with and without it.

Builds a corpus by repeating the dev-set pages and the seeds (about ``--mb``
megabytes of text), runs the stages before ``split_items`` once, then times
``split_items`` alone over the prepared documents, with the full ladder and
with ``items.topic-shift`` switched off. Also counts how many paragraphs reach
the cohesion rung. Run: ``python bench/cohesion.py [--mb 2]``.
"""

from __future__ import annotations

import argparse
import importlib
import time
from pathlib import Path

from clean.document import Document
from clean.pipeline import STAGES, clean_document
from clean.ruleset import RuleSet

ROOT = Path(__file__).resolve().parent.parent
split_module = importlib.import_module("clean.stages.split_items")


def corpus(megabytes: float) -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "listings").glob("*.txt"))]
    pages += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size = sum(len(p.encode()) for p in pages)
    return pages * max(1, round(megabytes * 1e6 / size))


def prepared(pages: list[str], rules: RuleSet) -> list[Document]:
    before = STAGES[: STAGES.index(split_module.split_items)]
    return [clean_document(Document.from_text(text, path=f"p{n}.txt"), rules, before) for n, text in enumerate(pages)]


def rate(docs: list[Document], rules: RuleSet, megabytes: float) -> float:
    start = time.perf_counter()
    for doc in docs:
        split_module.split_items(doc, rules)
    return megabytes / (time.perf_counter() - start)


def cohesion_calls(docs: list[Document], rules: RuleSet) -> tuple[int, int]:
    calls, real = 0, split_module.stems

    def counting(texts):
        nonlocal calls
        calls += 1
        return real(texts)

    split_module.stems = counting
    try:
        for doc in docs:
            split_module.split_items(doc, rules)
    finally:
        split_module.stems = real
    return calls // 2, sum(len(doc.kept_indices()) for doc in docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="Corpus size in megabytes (default 2).")
    args = parser.parse_args()
    rules = RuleSet.shipped()
    pages = corpus(args.mb)
    megabytes = sum(len(p.encode()) for p in pages) / 1e6
    docs = prepared(pages, rules)
    rate(docs[:50], rules, 0)  # warm the memoised vocabularies
    full = rate(docs, rules, megabytes)
    without = rate(docs, rules.without({"items.topic-shift"}), megabytes)
    decisions, paragraphs = cohesion_calls(docs, rules)
    print(f"corpus {megabytes:.2f} MB, {len(docs)} pages, {paragraphs} paragraphs")
    print(f"split_items with topic-shift    {full:8.2f} MB/s")
    print(f"split_items without topic-shift {without:8.2f} MB/s")
    print(f"cohesion cost {100 * (without - full) / without:5.1f}% of split_items time; "
          f"{decisions} cohesion decisions ({100 * decisions / max(paragraphs, 1):.1f}% of paragraphs)")


if __name__ == "__main__":
    main()
