"""Checking a user's rule examples at load, in time linear in the number of rules.

:func:`clean.catalog.examples.run_example` runs an example through the
rule's own stage with every rule loaded before it. Done for each of n rules,
that is n² rule applications: 10,000 user rules took six minutes to load. Yet
on an example of a few lines almost none of the earlier rules can fire, and
each rule's literal prefilter (:mod:`clean.engine.prefilter`) says which cannot:
a rule none of whose needles occurs in the text is skipped, found through one
index of all needles (a lookup per needle length and position, not a test per
rule). Python rules, and patterns without a prefilter, always run.

This is exact as long as the text the prefilters were asked about is the
text each rule saw: so when any rule of the stage other than the one checked
removed or edited something, or the result is not the expected one, the
example is run again the full way before a verdict. The candidate rule sets
share the full set's caches of table vocabularies (built once), not those that
depend on which rules are in the set (:data:`RULE_KEYS`).
"""

from __future__ import annotations

from collections import defaultdict

from clean.engine.ruleset import Rule, RuleSet
from clean.model.document import Document

RULE_KEYS = ("plan", "extract_metadata.plan", "items.signals", "timed-out pages")  # caches that depend on the rules


class ExampleChecker:
    """Runs examples of many rules over one rule set, each against the rules that could act on it."""

    def __init__(self, rules: RuleSet, stages: tuple, whole_stages: tuple[str, ...]):
        self.rules, self.stages, self.whole = rules, stages, whole_stages
        self.names = [stage.__name__ for stage in stages]
        self.order: dict[str, tuple[Rule, ...]] = {name: rules.for_stage(name) for name in self.names}
        self.position = {r.id: k for rules_of in self.order.values() for k, r in enumerate(rules_of)}
        self.index = {name: _needle_index(rules, of) for name, of in self.order.items()}

    def run(self, rule: Rule, before: str, render) -> tuple[str, bool]:
        """The rendering of ``before`` (see :func:`run_example`) and whether it was found the fast way."""
        at = self.names.index(rule.stage)
        doc = Document.from_text(before, path="example.txt")
        for stage in self.stages[:at]:
            doc = stage(doc, self.rules)
        if rule.stage in self.whole:
            return render(self.stages[at](doc, self.rules)), False
        marks = (set(doc.removals), set(doc.edits))
        done = self.stages[at](doc, self._subset(rule, doc))
        others = [m for m in (*done.removals, *done.edits) if m.rule != rule.id and m not in marks[0] | marks[1]]
        return render(done), not others

    def _subset(self, rule: Rule, doc: Document) -> RuleSet:
        """The rules of ``rule``'s stage up to it that may act on ``doc``'s text, and the other stages' rules."""
        of, last = self.order[rule.stage], self.position[rule.id]
        always, needles, lengths = self.index[rule.stage]
        text = f"\n{doc.view().text}\n"
        hit = set(always)
        for size in lengths:
            for start in range(len(text) - size + 1):
                hit.update(needles.get(text[start:start + size], ()))
        hit.add(last)
        keep = [of[k] for k in sorted(hit) if k <= last]  # in load order, the rule itself last
        subset = RuleSet(tuple(keep), self.rules.tables, self.rules.patterns)
        subset.cache.update((key, value) for key, value in self.rules.cache.items()
                            if (key[0] if isinstance(key, tuple) else key) not in RULE_KEYS)
        return subset


def _needle_index(rules: RuleSet, of: tuple[Rule, ...]) -> tuple[set[int], dict[str, list[int]], list[int]]:
    """For a stage's rules: positions of those that always run, positions by needle, and the needle lengths."""
    always, needles = set(), defaultdict(list)
    for k, rule in enumerate(of):
        gate = getattr(rules.patterns.get(rule.id), "gate", None) if rule.kind != "python" else None
        if gate is None:
            always.add(k)
        else:
            for needle in gate.needles:
                needles[needle].append(k)
    return always, dict(needles), sorted({len(n) for n in needles})
