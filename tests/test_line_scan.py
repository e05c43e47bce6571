"""Scanning only line starts finds exactly what ``finditer`` finds, for every shipped pattern."""

from __future__ import annotations

import random
import sys
from itertools import accumulate
from pathlib import Path

import regex

from clean.engine.line_scan import line_anchored, spans

ROOT = Path(__file__).resolve().parent.parent


def pages(rules) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from bench.corpus import page

    rng = random.Random(5)
    found = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    found += [page(rng) for _ in range(150)]
    found += [example.before for rule in rules.rules for example in rule.examples]
    return found


def check(pattern, text: str) -> None:
    lines = text.split("\n")
    joined = "\n".join(lines)
    offsets = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    assert spans(pattern, joined, offsets) == [m.span() for m in pattern.finditer(joined)], pattern.pattern[:60]


def test_every_shipped_pattern_finds_what_finditer_finds(rules):
    patterns = [p for p in rules.patterns.values() if p is not None]
    assert sum(line_anchored(p) for p in patterns) >= 3
    for text in pages(rules):
        for pattern in patterns:
            check(pattern, text)


def test_a_match_running_over_lines_is_not_found_again_inside_itself():
    pattern = regex.compile(r"(?x) ^ \s* Error [^\n]* \n? (?: \s* Error [^\n]* )?", regex.MULTILINE)
    assert line_anchored(pattern)
    check(pattern, "Text\nError one\n  Error two\nError three\nMore")


def test_patterns_that_may_match_inside_a_line_are_not_anchored():
    for text in (r"^a|b", r"(^a|^b)", r"\^a", r"[\^]a"):
        assert not line_anchored(regex.compile(text, regex.MULTILINE))
    assert not line_anchored(regex.compile(r"^a"))  # without MULTILINE, ^ is the page start only
    assert line_anchored(regex.compile(r"(?x) ^ a  # one | two\n | ^ b", regex.MULTILINE))
