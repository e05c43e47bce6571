"""Stage 1, ``repair_unicode``: mojibake, HTML entities, invisible characters, spaces.

Expects a decoded document. Guarantees every kept line is valid, NFC-normal
text with entities decoded, invisible characters removed, odd spaces made
plain spaces and runs of spaces collapsed, each change recorded as an
:class:`~clean.model.document.Edit` under its rule. Never removes a line and never
touches « », —, № or curly quotes (ftfy's ``uncurl_quotes`` is off).

The rules are those of ``rules/repair/``; the ones a pattern cannot express
are in :mod:`clean.families.repair` (ftfy on the lines that may need it, HTML entities).

>>> from clean.catalog import shipped_rules
>>> doc = Document.from_text("РџСЂРµР·РёРґРµРЅС‚ &laquo;сказал&raquo;")
>>> repair_unicode(doc, shipped_rules()).lines[0].text
'Президент «сказал»'
"""

from __future__ import annotations

from clean.engine.kinds import apply_stage_rules
from clean.engine.ruleset import RuleSet
from clean.model.document import Document


def repair_unicode(doc: Document, rules: RuleSet) -> Document:
    """Run the ``repair_unicode`` rules (see module docstring)."""
    return apply_stage_rules(doc, rules, "repair_unicode")
