"""The page-level gates of ``split_dates`` never change a result.

``dates.glued-stamp`` looks only at the lines the page view shows a candidate
on (:func:`candidate_lines`), ``dates.stamp-line`` only at short lines with four
digits in a row (:func:`year_lines`). Over the date tables of
``tests/test_dates.py`` and the pages of ``tests/corpus`` and
``tests/listings``, each rule gives the same document with its gate as when
every line is tried; and a gate that skips a line the rule acts on is caught.
Generated pages of date fragments (other scripts' digits included) try the same.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.model.document import Document
from clean.pipeline import STAGES, Pipeline
from clean.engine.registry import lookup
from clean.io.decode import read_and_decode
from clean.families.dates.glued_stamp import candidate_lines, glued_stamp, split_stamps
from clean.families.dates.stamp_lines import stamp_date_lines, year_lines
from tests.conftest import ROOT
from tests.test_dates import ITEM_DATES, KEEPS, SPLITS

RULES = Pipeline().rules
BEFORE = STAGES[: [stage.__name__ for stage in STAGES].index("split_dates")]
GATES = [
    ("dates.glued-stamp", candidate_lines, split_stamps),
    ("dates.stamp-line", year_lines, stamp_date_lines),
]
FRAGMENTS = [  # generated pages: stamps, date lines, look-alikes, digits of other scripts
    "20.11.2020", "٢٠.١١.٢٠٢٠", "2020-11-20", "1 марта 2019", "1 марта ٢٠١٩",
    "20", "11", "2020", "1", "05", "202011", "٢٠", "٢٠٢٠",
    ".", "/", "-", " ", ", ", "T", "14:35", "\n", "\n\n",
    "ноября", "March", "жылғы", "с.г.", "года", "В Минске прошла встреча", "Заседание Совета ОДКБ", "«Армия»",
]


def _pages() -> list[Document]:
    """The pages as ``split_dates`` receives them."""
    texts = [line for _, line, _ in SPLITS] + [line for _, line in KEEPS] + [case[1] for case in ITEM_DATES]
    docs = [Document.from_text(text) for text in texts]
    files = [p for d in ("corpus", "listings") for p in sorted((ROOT / "tests" / d).glob("*.txt"))]
    docs += [read_and_decode(p.read_bytes(), p.name) for p in files if not p.name.endswith(".expected.txt")]
    for stage in BEFORE:
        docs = [stage(doc, RULES) for doc in docs]
    return docs


DOCS = _pages()


def _mismatches(gate, apply, rule_id: str) -> int:
    rule = RULES.get(rule_id)
    mismatches = 0
    for doc in DOCS:
        # each rule also sees the page as the rule before it leaves it
        for source in (doc, glued_stamp(doc, RULES.get("dates.glued-stamp"), RULES)):
            everything = apply(source, rule, RULES, range(len(source.lines)))
            mismatches += apply(source, rule, RULES, gate(source)) != everything
    return mismatches


@pytest.mark.parametrize("rule_id, gate, apply", GATES, ids=[g[0] for g in GATES])
def test_gated_equals_ungated(rule_id, gate, apply):
    assert _mismatches(gate, apply, rule_id) == 0


@pytest.mark.parametrize("rule_id, gate, apply", GATES, ids=[g[0] for g in GATES])
def test_a_gate_that_skips_a_line_is_caught(rule_id, gate, apply):
    """Dropping the last line each gate picks makes pages differ: the pages exercise every rule."""
    assert _mismatches(lambda doc: gate(doc)[:-1], apply, rule_id) > 0


@pytest.mark.parametrize("rule_id, gate, apply", GATES, ids=[g[0] for g in GATES])
def test_the_rule_is_its_gate_and_apply(rule_id, gate, apply):
    rule = RULES.get(rule_id)
    assert all(lookup(rule_id)(doc, rule, RULES) == apply(doc, rule, RULES, gate(doc)) for doc in DOCS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join))
def test_gated_equals_ungated_on_generated_pages(text):
    doc = Document.from_text(text)
    for stage in BEFORE:
        doc = stage(doc, RULES)
    for rule_id, gate, apply in GATES:
        rule = RULES.get(rule_id)
        assert apply(doc, rule, RULES, gate(doc)) == apply(doc, rule, RULES, range(len(doc.lines)))
        doc = apply(doc, rule, RULES, gate(doc))
