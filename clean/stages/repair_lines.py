"""Stage 4, ``repair_lines``: lines broken in mid-sentence, joined again.

Expects a document whose noise is marked and whose stamps are split off.
Guarantees that where a ``join`` rule matches across a line end, the two kept
lines become one line whose span covers both source lines, with an edit
recorded. Never joins across a blank line or a removed line's place in a way
that hides it (removed lines stay in the document), and never joins before a
line that starts a sentence, a list item, a quote or an attribution: the
shipped rules only join before a lowercase letter.

>>> from clean.catalog import shipped_rules
>>> doc = repair_lines(Document.from_text("Организации Договора\\nо коллективной безопасности."), shipped_rules())
>>> [(line.start, line.end, line.text) for line in doc.lines]
[(1, 2, 'Организации Договора о коллективной безопасности.')]
"""

from __future__ import annotations

from clean.model.document import Document
from clean.engine.kinds import apply_stage_rules
from clean.engine.ruleset import RuleSet


def repair_lines(doc: Document, rules: RuleSet) -> Document:
    """Run the ``repair_lines`` rules (see module docstring)."""
    return apply_stage_rules(doc, rules, "repair_lines")
