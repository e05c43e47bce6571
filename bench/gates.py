"""What a page-level prefilter could save: rule runs skipped today, their cost, and one combined scan.

``python -m bench.gates [CORPUS] [--pages N]`` cleans the pages of ``CORPUS`` (default the benchmark's
``.bench/corpus-0-200``) with the shipped rules and prints, per page:

- rule runs (a stage's plan, python rules included), how many their literal prefilter turned away
  (:mod:`clean.engine.prefilter`; today only data rules have one), how many changed the page, and the
  CPU time of the runs that changed nothing (what a perfect prefilter, an oracle, would save);
- the CPU time of the prefilters themselves, one ``str in`` test per needle and rule
  (:meth:`~clean.engine.prefilter.LiteralGate.admits`), against one combined scan per page for
  all their needles: a ``regex`` alternation (a cost only: its matches do not overlap, so it could
  miss a needle inside another's match), and an Aho-Corasick automaton where ``pyahocorasick`` is
  installed. Each is run over the decoded page text, as the first rules of a page see it.
"""

from __future__ import annotations

import argparse
import time
from functools import lru_cache
from pathlib import Path

import regex

from bench.stages import RuleTimes, profile
from clean.io.decode import read_and_decode
from clean.pipeline import Pipeline


def gate_costs(corpus: Path, limit: int | None) -> dict[str, float]:
    """Nanoseconds per page of the rules' own gates and of combined scans over the same texts."""
    rules = Pipeline().rules
    gates = [p.gate for p in rules.patterns.values() if getattr(p, "gate", None) is not None]
    needles = sorted({n for gate in gates for n in gate.needles}, key=len, reverse=True)
    combined = regex.compile("|".join(map(regex.escape, needles)))
    automaton = _automaton(needles)
    texts = [read_and_decode(path.read_bytes(), str(path)).view().text
             for path in sorted(corpus.rglob("*.txt"))[:limit]]
    clock, spent = time.process_time_ns, {}

    def timed(name, fn):
        t0 = clock()
        for text in texts:
            fn(text)
        spent[name] = (clock() - t0) / len(texts)

    timed(f"{len(gates)} gates, {sum(len(g.needles) for g in gates)} needles, one by one",
          lambda text: [gate.admits(text) for gate in gates])
    timed(f"one regex alternation of {len(needles)} needles", lambda text: set(combined.findall(f"\n{text}\n")))
    if automaton is not None:
        timed("one Aho-Corasick pass", lambda text: {n for _, n in automaton.iter(f"\n{text}\n")})
    return spent


def rules_kind(rule_id: str) -> str:
    return _shipped().get(rule_id).kind


def gated() -> set[str]:
    return {rule for rule, p in _shipped().patterns.items() if getattr(p, "gate", None) is not None}


@lru_cache(maxsize=1)
def _shipped():
    from clean.catalog import shipped_rules

    return shipped_rules()


def _automaton(needles):
    try:
        import ahocorasick
    except ImportError:
        return None
    automaton = ahocorasick.Automaton()
    for needle in needles:
        automaton.add_word(needle, needle)
    automaton.make_automaton()
    return automaton


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gates", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=Path(".bench") / "corpus-0-200")
    parser.add_argument("--pages", type=int, help="only the first N pages (sorted by path)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder; `python -m bench` generates the default corpus")
    times = RuleTimes()
    spent, pages, _ = profile(args.corpus, args.pages, times)
    if not pages:
        parser.error(f"{args.corpus}: no *.txt page in it")
    runs, admitted, changed = (sum(c.values()) for c in (times.runs, times.admitted, times.changed))
    idle = sum(times.idle.values())
    print(f"{pages} pages: {runs / pages:.1f} rule runs per page, {(runs - admitted) / pages:.1f} turned away by"
          f" their prefilter, {changed / pages:.1f} changed the page")
    print(f"rule runs that changed nothing: {idle / pages / 1000:.1f} us/page"
          f" ({100 * idle / sum(spent.values()):.1f} % of the total; what an oracle prefilter could save at most), most in")
    for rule, ns in times.idle.most_common(8):
        kind = "python" if rules_kind(rule) == "python" else "data, gated" if rule in gated() else "data, no gate"
        print(f"  {rule:<30} {ns / pages / 1000:6.1f} us/page  ({kind})")
    for name, ns in gate_costs(args.corpus, args.pages).items():
        print(f"{name:<48} {ns / 1000:7.1f} us/page")


if __name__ == "__main__":
    main()
