"""Stage 2, ``strip_noise``: scraping noise out of the text, into the audit.

Expects a repaired document. Guarantees that lines which are noise (CMS
notices, page chrome, separators, contact footers) are marked removed under
the id of the rule that matched, and that spans cut from a line (a site-name
suffix) are recorded as removals too. Never deletes a line from the document,
never edits the words of a line it keeps, and leaves a line in when no rule
is sure: a notice left in is better than a sentence cut out.

>>> from clean.catalog import shipped_rules
>>> doc = Document.from_text("Warning: x() failed in /var/www/a.php on line 3\\nНовость.")
>>> [line.removed for line in strip_noise(doc, shipped_rules()).lines]
['noise.php-notice', None]
"""

from __future__ import annotations

from clean.model.document import Document
from clean.engine.kinds import apply_stage_rules
from clean.engine.ruleset import RuleSet


def strip_noise(doc: Document, rules: RuleSet) -> Document:
    """Run the ``strip_noise`` rules (see module docstring)."""
    return apply_stage_rules(doc, rules, "strip_noise")
