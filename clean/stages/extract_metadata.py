"""Stage 6, ``extract_metadata``: segments become items with title, date, site, flags.

Expects a document with ``segments``. Guarantees one :class:`~clean.records.Item`
per segment in ``doc.items``: a stable ``id`` (hash of source path and first
line), the exact source span, the title when the page gives one (the page
title, or a headline line followed by more text; never a teaser's first
sentence), the body text (kept lines, newline-separated), the date (a stamp,
else a dated lead found by ``dates.lead``), the page's site, flags, and the
removals and edits that fall inside the span. Never changes the text.

>>> from clean.ruleset import RuleSet
>>> from clean.stages.split_items import split_items
>>> rules = RuleSet.shipped()
>>> doc = extract_metadata(split_items(Document.from_text("Заголовок\\nТекст новости."), rules), rules)
>>> doc.items[0].title, doc.items[0].text
('Заголовок', 'Текст новости.')
"""

from __future__ import annotations

import hashlib

from clean.document import Document, Segment
from clean.records import EditRecord, Item, RemovedRecord, SourceRef
from clean.ruleset import RuleSet
from clean.stages.paragraphs import MAX_STAMPED_HEADLINE_WORDS, is_headline, words
from clean.stages import item_dates, truncation  # noqa: F401  (register dates.lead, flags.truncated)


def extract_metadata(doc: Document, rules: RuleSet) -> Document:
    """Build the items, then run the ``extract_metadata`` rules over them."""
    items = tuple(_item(doc, segment) for segment in doc.segments)
    doc = doc.replace(items=items)
    from clean.registry import lookup

    for rule in rules.for_stage("extract_metadata"):
        doc = lookup(rule.id)(doc, rule, rules)
    return doc


def item_id(path: str, line_start: int) -> str:
    """Stable id of an item: the first 16 hex digits of sha256 over path and first line."""
    return hashlib.sha256(f"{path}\x00{line_start}".encode()).hexdigest()[:16]


def _item(doc: Document, segment: Segment) -> Item:
    lines = doc.lines[segment.first : segment.last + 1]
    paragraphs = [line for line in lines if line.kept]
    title = None
    if len(paragraphs) > 1 and _is_title(paragraphs[0], paragraphs[1]):
        title, paragraphs = paragraphs[0].text, paragraphs[1:]
    start, end = lines[0].start, max(line.end for line in lines)
    stamp = next((p.stamp for p in paragraphs[:1] if p.stamp), None)
    return Item(
        id=item_id(doc.source.path, start),
        source=SourceRef(
            path=doc.source.path, sha256=doc.source.sha256, encoding=doc.source.encoding,
            line_start=start, line_end=end, url=doc.source.url,
        ),
        title=title,
        date=stamp.date if stamp else None,
        date_text=stamp.text if stamp else None,
        date_rule=stamp.rule if stamp else None,
        site=doc.site,
        text="\n".join(p.text for p in paragraphs if p.text),
        boundary=segment.reason,
        removed=[RemovedRecord(rule=r.rule, line=r.line, text=r.text) for r in doc.removals if start <= r.line <= end],
        edits=[EditRecord(rule=e.rule, line=e.line, before=e.before, after=e.after) for e in doc.edits
               if start <= e.line <= end],
    )


def _is_title(first, second) -> bool:
    if first.role == "title" or is_headline(first.text):
        return True
    return second.stamp is not None and words(first.text) <= MAX_STAMPED_HEADLINE_WORDS
