"""Stage 5, ``split_items``: a listing page cut into items, an article kept whole.

Expects a document with noise marked, stamps split and broken lines joined.
Guarantees ``doc.segments``: runs of lines, each one item, in page order, each
with the id of the signal that opened it. Every kept line is in exactly one
segment; removed lines after an item's last line belong to it up to a
separator; removed lines before the first item belong to the page. Never
changes a line.

The signals are the ``items.*`` rules (``rules/items/``), rungs of one ladder
that :mod:`clean.families.items.boundaries` runs paragraph by paragraph; an
article the main-content pass found is one item whatever the ladder says.

>>> from clean.catalog import shipped_rules
>>> doc = Document.from_text("14 августа 2023 года встреча.\\n15 августа 2023 года форум.")
>>> [(s.first, s.last, s.reason) for s in split_items(doc, shipped_rules()).segments]
[(0, 0, 'items.first'), (1, 1, 'items.date-lead')]
"""

from __future__ import annotations

from clean.engine.ruleset import RuleSet
from clean.families.items.boundaries import cut_items
from clean.families.items.lone_heading import drop_lone_headings
from clean.model.document import Document


def split_items(doc: Document, rules: RuleSet) -> Document:
    """Cut ``doc`` into segments (see module docstring); a block's heading alone is no item."""
    return drop_lone_headings(cut_items(doc, rules), rules)
