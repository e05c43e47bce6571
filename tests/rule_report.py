"""How much each rule did over seeds/ and the dev corpus: run ``python tests/rule_report.py [PATHS...]``.

For every rule: the lines it *removed* whole, the lines it *touched* (a span cut
out of a line that stays, or an edit), and on how many pages it fired, per input
set. An over-eager rule shows up as a count far above what the pages hold, or as
any count at all on a near-miss page (``near`` in the corpus file name), which
the report lists by name. Rules that removed or edited nothing are listed at the end.
Paths default to ``seeds`` and ``tests/corpus`` (expected-output files skipped).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clean.pipeline import Pipeline  # noqa: E402

DEFAULT_SETS = ("seeds", "tests/corpus")


def pages_of(path: Path) -> list[Path]:
    """The input pages under ``path`` (a file or a folder), expected outputs left out."""
    files = [path] if path.is_file() else sorted(path.rglob("*.txt"))
    return [f for f in files if not f.name.endswith(".expected.txt")]


def tally(pipeline: Pipeline, pages: list[Path]) -> tuple[Counter, Counter, Counter, dict]:
    """Per rule: lines removed, lines touched, pages fired on; and the near-miss pages each fired on."""
    removed, touched, fired, near = Counter(), Counter(), Counter(), defaultdict(list)
    for page in pages:
        doc = pipeline.clean_bytes(page.read_bytes(), str(page))
        whole = {(line.removed, line.start) for line in doc.lines if line.removed}
        for rule, _ in whole:
            removed[rule] += 1
        spans = {(r.rule, r.line) for r in doc.removals} - whole
        edits = {(e.rule, e.line) for e in doc.edits}
        for rule, _ in spans | edits:
            touched[rule] += 1
        on_page = {rule for rule, _ in whole | spans | edits}
        fired.update(on_page)
        if "near" in page.stem:
            for rule in on_page:
                near[rule].append(page.name)
    return removed, touched, fired, near


def report(paths: list[str]) -> str:
    """The report as text."""
    pipeline = Pipeline()
    out, seen = [], set()
    for name in paths:
        pages = pages_of(ROOT / name if not Path(name).is_absolute() else Path(name))
        removed, touched, fired, near = tally(pipeline, pages)
        seen |= set(fired)
        out.append(f"\n{name}: {len(pages)} pages")
        out.append(f"  {'rule':<26} {'removed':>8} {'touched':>8} {'pages':>6}")
        for rule in pipeline.rules.rules:
            if fired[rule.id]:
                out.append(f"  {rule.id:<26} {removed[rule.id]:>8} {touched[rule.id]:>8} {fired[rule.id]:>6}")
        for rule, names in sorted(near.items()):
            out.append(f"  near-miss pages touched by {rule}: {', '.join(names)}")
    idle = [r.id for r in pipeline.rules.rules if r.id not in seen]
    out.append(f"\nno removal or edit anywhere: {', '.join(idle) if idle else '-'}")
    out.append("(item, date and flag rules cut, stamp and flag rather than remove, so they are listed here)")
    return "\n".join(out)


if __name__ == "__main__":
    print(report(sys.argv[1:] or list(DEFAULT_SETS)))
