"""Stage 3, ``split_dates``: date stamps glued to the text, split off and kept as data.

Expects a cleaned document. A listing page prints a date widget right before
the body and the scraper glues them: ``20.11.202020 ноября 2020 года под …`` is
the stamp ``20.11.2020`` and the body ``20 ноября 2020 года под …``. Guarantees
that a stamp it splits is a real calendar date followed by a well-formed start,
moved to ``Line.stamp`` with an edit recorded, and that a stamp left alone on its
line is carried to the text line right after it. Never splits what it cannot
validate, and never touches a date inside a sentence.

The rules are those of ``rules/dates/`` for this stage; their logic is in
:mod:`clean.families.dates` (:mod:`~clean.families.dates.glued_stamp` says how a
glued run of digits is read).

>>> from clean.catalog import shipped_rules
>>> doc = split_dates(Document.from_text("26.10.2126 октября с.г. в Москве"), shipped_rules())
>>> doc.lines[0].stamp.date, doc.lines[0].text
('2021-10-26', '26 октября с.г. в Москве')
"""

from __future__ import annotations

from clean.engine.kinds import apply_stage_rules
from clean.engine.ruleset import RuleSet
from clean.model.document import Document


def split_dates(doc: Document, rules: RuleSet) -> Document:
    """Run the ``split_dates`` rules (see module docstring)."""
    return apply_stage_rules(doc, rules, "split_dates")
