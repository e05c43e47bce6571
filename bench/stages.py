"""Where one worker's time goes: the share of CPU time of decoding, each stage and writing.

``python -m bench.stages [CORPUS] [--pages N] [--no-rules]`` runs the pipeline in this process over the pages of
``CORPUS`` (default: the benchmark's corpus of ``python -m bench``, ``.bench/corpus-0-200``), one page
at a time, and times each step with the process clock:

- ``decode``: reading the bytes and decoding them into a document;
- each stage of :data:`clean.pipeline.STAGES`, in order;
- ``records``: the source record, ``model_dump`` and the JSON lines the writer writes.

It prints microseconds per page and the share of each step, then the total as MB per CPU-second. The
executor's own work (discovery, the journal, the pool) is not in it: the difference between this total
and ``python -m bench --modes pipeline:1`` is that overhead.

Then the ``--top`` rules (default 15) that cost most, over the whole corpus: the CPU time of each
rule's applications (a stage's plan, see :func:`clean.engine.kinds.apply_stage_rules`), its share of
the total, on how many pages it ran, on how many its literal prefilter let the page through, and on
how many it changed the page. A rule that runs on every page and changes few is where a page-level
prefilter would pay; a rule the prefilter already turns away costs only the gate. Work of a stage
outside its rules (building items, splitting) is in the stage's line above, not here.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from clean.io.decode import read_and_decode
from clean.io.page_records import dumped, source_record
from clean.pipeline import STAGES, Pipeline


class RuleTimes:
    """CPU time, runs, pages let through by the prefilter and pages changed, per rule id."""

    def __init__(self):
        self.spent, self.runs, self.admitted, self.changed = Counter(), Counter(), Counter(), Counter()
        self.idle = Counter()  # CPU time of the runs that left the page as it was

    def wrap(self, rules) -> None:
        """Time each rule of every stage plan cached in ``rules`` (a plan is a tuple of (rule, apply) pairs,
        cached by :meth:`~clean.engine.ruleset.RuleSet.derived` on the first page)."""
        for key, plan in list(rules.cache.items()):
            if "plan" in str(key) and isinstance(plan, tuple):
                rules.cache[key] = tuple((rule, self._timed(rule, apply, rules)) for rule, apply in plan)

    def _timed(self, rule, apply, rules):
        clock, rule_id = time.process_time_ns, rule.id
        gate = getattr(rules.patterns.get(rule_id), "gate", None) if rule.kind != "python" else None

        def timed(doc, rule, rules):
            if gate is None or gate.admits(doc.view().text):  # counted outside the timed span
                self.admitted[rule_id] += 1
            t0 = clock()
            out = apply(doc, rule, rules)
            took = clock() - t0
            self.spent[rule_id] += took
            self.runs[rule_id] += 1
            self.changed[rule_id] += out is not doc
            self.idle[rule_id] += 0 if out is not doc else took
            return out

        return timed


def profile(corpus: Path, limit: int | None, per_rule: RuleTimes | None = None,
            rules: bool = True) -> tuple[dict[str, int], int, int]:
    """Nanoseconds of CPU per step over the corpus, the number of pages and their bytes; with ``per_rule``,
    each rule's time too (the first page is cleaned once untimed, to build the plans it wraps); without
    ``rules``, every rule switched off (what the stages cost by themselves: the ceiling of ``python -m bench``'s
    ``norules`` mode)."""
    pipeline = Pipeline()
    if not rules:
        pipeline = Pipeline(disable={rule.family for rule in pipeline.rules.rules})
    rules = pipeline.rules
    paths = sorted(corpus.rglob("*.txt"))[:limit]
    if per_rule is not None and paths:
        pipeline.clean_bytes(paths[0].read_bytes(), str(paths[0]))
        per_rule.wrap(rules)
    spent = dict.fromkeys(["decode", *(stage.__name__ for stage in STAGES), "records"], 0)
    clock = time.process_time_ns
    pages = size = 0
    for path in paths:
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
    parser.add_argument("--top", type=int, default=15, help="how many of the costliest rules to list (default 15)")
    parser.add_argument("--no-rules", action="store_true", help="every rule switched off: what the stages cost alone")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder; `python -m bench` generates the default corpus")
    per_rule = RuleTimes() if args.top > 0 and not args.no_rules else None
    spent, pages, size = profile(args.corpus, args.pages, per_rule, rules=not args.no_rules)
    if not pages:
        parser.error(f"{args.corpus}: no *.txt page in it")
    total = sum(spent.values())
    print(f"{pages} pages, {size / 1e6:.1f} MB from {args.corpus}")
    for step, ns in spent.items():
        print(f"{step:<18} {ns / pages / 1000:8.1f} us/page  {100 * ns / total:5.1f} %")
    print(f"{'total':<18} {total / pages / 1000:8.1f} us/page  {size / (total / 1e9) / 1e6:.2f} MB per CPU-s")
    if per_rule is not None:
        print_rules(per_rule, total, pages, args.top)


def print_rules(times: RuleTimes, total: int, pages: int, top: int) -> None:
    """The ``top`` rules by CPU time, with how often they ran, were let through and changed the page."""
    ruled = sum(times.spent.values())
    runs = sum(times.runs.values())
    print(f"\nrules: {100 * ruled / total:.1f} % of the total in {len(times.spent)} rules; {runs / pages:.1f} runs per page,"
          f" {sum(times.admitted.values()) / pages:.1f} let through by their prefilter,"
          f" {sum(times.changed.values()) / pages:.1f} changed it")
    print(f"{'rule':<32} {'us/page':>8} {'share':>7} {'ran':>6} {'let in':>6} {'changed':>7}")
    for rule_id, ns in times.spent.most_common(top):
        print(f"{rule_id:<32} {ns / pages / 1000:8.1f} {100 * ns / total:6.1f}% {times.runs[rule_id]:6d}"
              f" {times.admitted[rule_id]:6d} {times.changed[rule_id]:7d}")


if __name__ == "__main__":
    main()
