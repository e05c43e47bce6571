"""The ``dates.lead`` rule of ``extract_metadata``: the date a reader would give an item.

Expects items built from segments (one per segment, in order), a stamp already
taken when the item's first paragraph carries one. Guarantees that every item
ends with ``date`` set from, in order: the stamp of its first paragraph, the
stamp of its headline, or the full date at the head of its first paragraph
(:func:`~clean.families.items.paragraphs.lead_date`), and that ``date_text`` and
``date_rule`` say where it came from. A lead without a year takes the year of
the page's stamps only as :func:`~clean.families.dates.reader.resolve` allows (``с.г.``, or a
day and month a stamp shares). Never takes a date from deep in the body and
never guesses a year.

>>> from clean.pipeline import Pipeline
>>> page = ("Заседание в Минске\\n20.11.2020В Минске прошла встреча.\\n"
...         "Встреча в Москве\\n22 ноября с.г. в Москве прошла встреча.")
>>> [(i.date, i.date_text) for i in Pipeline().clean_text(page)]
[('2020-11-20', '20.11.2020'), ('2020-11-22', '22 ноября с.г.')]
"""

from __future__ import annotations

from operator import is_

from clean.families.dates.reader import resolve
from clean.model.document import Document, Segment
from clean.model.records import Item
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.items.page import facts, memo_lead
from clean.families.items.paragraphs import is_credit


@python_rule("dates.lead")
def item_dates(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Date every item that its first paragraph's stamp has not dated (see module docstring)."""
    stamps, leads = _Stamps(doc), facts(doc, rules, "lead")
    items = tuple(
        item if item.date else _dated(item, doc, segment, stamps, leads, rule, rules)
        for item, segment in zip(doc.items, doc.segments)
    )
    return doc if all(map(is_, items, doc.items)) else doc.replace(items=items)


def _dated(
    item: Item, doc: Document, segment: Segment, stamps: _Stamps, leads: dict, rule: Rule, rules: RuleSet,
) -> Item:
    if item.title is not None:
        first = next((line for line in doc.lines[segment.first : segment.last + 1] if line.kept), None)
        if first is not None and first.stamp is not None:
            stamp = first.stamp
            return item.updated(date=stamp.date, date_text=stamp.text, date_rule=stamp.rule)
    found = memo_lead(leads, _lead_paragraph(item.text), rules) if item.text else None  # split_items may know it
    if found is None:
        return item
    found = resolve(found, stamps)
    iso = found.iso  # (a property: formatted once)
    if iso is None:
        return item
    return item.updated(date=iso, date_text=found.text, date_rule=rule.id)


class _Stamps:
    """The ISO dates of the page's kept stamps, listed on first use (only a lead without a year needs them)."""

    def __init__(self, doc: Document):
        self._doc, self._dates = doc, None

    def __iter__(self):
        if self._dates is None:
            lines = self._doc.lines
            self._dates = [line.stamp.date for line in lines if line.stamp is not None and line.removed is None]
        return iter(self._dates)


def _lead_paragraph(text: str) -> str:
    """The paragraph whose head may carry the item's date: the first one that is not a byline or credit.

    The paragraphs are cut one at a time, not the whole text split: the first is nearly always the one.
    """
    start = 0
    while True:
        end = text.find("\n", start)
        paragraph = text[start:] if end < 0 else text[start:end]
        if not is_credit(paragraph):
            return paragraph
        if end < 0:
            return ""
        start = end + 1
