"""A rule's literal prefilter never skips a page the rule would change (issue 18, point 2).

For every shipped data rule with a gate (:mod:`clean.engine.prefilter`), the
rule applied as the pipeline applies it (the gate first, the exact gate's lines
instead of a scan) gives the same document as the rule applied with no gate at
all, on pages built from the rule's own examples, its gate's needles and
characters that look alike (case, width, line ends). Where the gate turns a page
away, the ungated rule must leave it unchanged.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.catalog import shipped_rules
from clean.engine.kinds import apply_kind
from clean.model.document import Document

RULES = shipped_rules()
GATED = sorted(rule.id for rule in RULES.rules
               if rule.kind != "python" and getattr(RULES.patterns.get(rule.id), "gate", None) is not None)
LOOKALIKES = list("aAbB \t\n\n.,:;<>[]()/-_" "\u00a0\u2009\u200b\u00ad\ufeff" "ЁёЕеKkſß" "«»")


def ungated(rule_id: str):
    """The rule set with this rule's pattern stripped of its gate: every page is scanned."""
    rules = copy.copy(RULES)
    object.__setattr__(rules, "patterns", dict(RULES.patterns))
    pattern = copy.copy(RULES.patterns[rule_id])
    pattern.gate = None
    rules.patterns[rule_id] = pattern
    return rules


UNGATED = {rule_id: ungated(rule_id) for rule_id in GATED}


def pieces(rule_id: str) -> list[str]:
    rule, gate = RULES.get(rule_id), RULES.patterns[rule_id].gate
    found = {part for example in rule.examples for part in example.before.split("\n")}
    return sorted(found | set(gate.needles) | {n.strip("\n") for n in gate.needles} | set(LOOKALIKES))


def test_there_are_gated_rules_to_check():
    assert {"repair.odd-space", "repair.space-run", "noise.html-tag"} <= set(GATED)


@pytest.mark.parametrize("rule_id", GATED)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_gate_never_skips_a_page_the_rule_would_change(rule_id, data):
    text = "".join(data.draw(st.lists(st.sampled_from(pieces(rule_id)), max_size=14)))
    doc = Document.from_text(text)
    rule = RULES.get(rule_id)
    gated, scanned = apply_kind(doc, rule, RULES), apply_kind(doc, rule, UNGATED[rule_id])
    assert gated == scanned, (rule_id, text)
    if not RULES.patterns[rule_id].gate.admits(doc.view().text):
        assert scanned is doc or scanned == doc, (rule_id, text)


@pytest.mark.parametrize("rule_id", GATED)
def test_gated_and_ungated_agree_on_the_examples(rule_id):
    rule = RULES.get(rule_id)
    for example in rule.examples:
        doc = Document.from_text(example.before)
        assert apply_kind(doc, rule, RULES) == apply_kind(doc, rule, UNGATED[rule_id])
