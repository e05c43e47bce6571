"""A literal prefilter never rules out a page the pattern matches, and an exact one finds the same lines."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.model.document import Document
from clean.engine.kinds import touched_lines
from clean.engine.prefilter import literal_gate
from test_line_scan import pages

TRICKY = [
    r"a$\nb", r"^\n", r"x\n^y", r"(?i)tags:", r"(?i)[a-c]x", r"(?i)(?-i:A)b", r"ab{2}", r" {2,}", r"^ +| +$",
    r"(?:ab|cd)ef", r"a\bb", r"(?:x|y){3}z", r"^(?:ab)+$", r"\Aab|cd\Z", r"[ \t]*\t[ \t]*| {2,}", r"a(?=b)c|ac",
    r"(?:a|b)*c", r"[^a]b", r"ß", r"(?i)ſ|k:", r"(?:^|,)x",
]


def sound(pattern, text: str) -> None:
    gate = literal_gate(pattern)
    if gate is not None and pattern.search(text):
        assert gate.admits(text), (pattern.pattern, text, sorted(gate.needles))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TRICKY), st.data())
def test_a_gate_never_rules_out_a_text_the_pattern_matches(text, data):
    pattern = regex.compile(text, regex.MULTILINE)
    alphabet = sorted(set(text) - set("\\()[]{}?*+|^$:=!<>") | set("abcxyzAB \n\t:,ſßſK"))
    sample = data.draw(st.text(alphabet=alphabet, max_size=12))
    sound(pattern, sample)


def test_shipped_gates_are_sound_on_real_pages(rules):
    gated = {rule_id: p for rule_id, p in rules.patterns.items() if p is not None and p.gate is not None}
    assert {"repair.space-run", "repair.odd-space", "noise.html-tag"} <= set(gated)
    for text in pages(rules):
        doc = Document.from_text(text)
        for pattern in gated.values():
            sound(pattern.compiled, doc.view().text)
            if pattern.gate.exact:  # lines found from the needles are the lines a scan finds
                assert touched_lines(doc, pattern) == touched_lines(doc, pattern.compiled)


def test_what_gets_a_gate_and_what_does_not():
    needles = lambda text, flags=0: (lambda g: g and sorted(g.needles))(literal_gate(regex.compile(text, flags)))  # noqa: E731
    assert needles(r"^ +| +$", regex.MULTILINE) == ["\n ", " \n"]
    assert needles(r"(?:ab|cd)ef") == ["abef", "cdef"]
    assert needles(r"(?i)tags\s*:") == [":"]  # cased letters are useless under IGNORECASE
    assert needles(r"(?i)(?-i:Tag)s") == ["Tag"]
    assert needles(r"a$\nb", regex.MULTILINE) in (["\nb"], ["a\n"])  # never "a\n\nb"
    for unsafe in (r"\p{L}+x", r"[[:alpha:]]x", r"(?:abc){e<=1}", r"(?V1)abc", r"\w+", r"^\s*$"):
        assert literal_gate(regex.compile(unsafe, regex.MULTILINE)) is None, unsafe
    for flags in (regex.V1, regex.IGNORECASE | regex.FULLCASE):  # full case folding: İ matches i + U+0307
        assert literal_gate(regex.compile(r"i\u0307:", flags)) is None
    assert literal_gate(regex.compile(r"(?i)i\u0307")) is None  # a combining mark is no caseless needle
    assert literal_gate(regex.compile(r"^-{3,}$", regex.MULTILINE)).needles == {"\n---"}
    assert literal_gate(regex.compile(r"[\u00a0\u2009]")).exact
    assert not literal_gate(regex.compile(r" {2,}")).exact


@settings(max_examples=400, deadline=None)
@given(st.frozensets(st.text(alphabet="\n a-", min_size=1, max_size=4), min_size=1, max_size=4),
       st.text(alphabet="\n a-b", max_size=8))
def test_admits_is_a_needle_in_the_page_padded_with_line_ends(needles, text):
    """``admits`` never builds the padded page; it answers as if it had (edge needles at either end or both)."""
    from clean.engine.prefilter import LiteralGate

    padded = f"\n{text}\n"
    assert LiteralGate(needles).admits(text) == any(n in padded for n in needles)
