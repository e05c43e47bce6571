"""Stage 6, ``extract_metadata``: segments become items with title, date, site, flags.

Expects a document with ``segments``. Guarantees one :class:`~clean.model.records.Item`
per segment in ``doc.items``: a stable ``id`` (hash of source path and first
line), the exact source span, the title when the page gives one (the page
title, or a headline line followed by more text; never a teaser's first
sentence), the body text (kept lines, newline-separated), the date (a stamp,
else a dated lead found by ``dates.lead``), the page's site, flags, and the
removals and edits that fall inside the span. Never changes the text.

>>> from clean.catalog import shipped_rules
>>> from clean.stages.split_items import split_items
>>> rules = shipped_rules()
>>> doc = extract_metadata(split_items(Document.from_text("Новость дня\\nТекст новости."), rules), rules)
>>> doc.items[0].title, doc.items[0].text
('Новость дня', 'Текст новости.')
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from operator import attrgetter

from clean.model.document import DateMark, Document, Segment
from clean.model.records import EditRecord, Item, RemovedRecord, SourceRef
from clean.engine.ruleset import RuleSet
from clean.families.items.card_titles import title_line
from clean.families.items.page import facts, memo_lead, shape
from clean.families.items.paragraphs import MAX_STAMPED_HEADLINE_WORDS, MIN_LISTED_WORDS, words_upto

_line, _end = attrgetter("line"), attrgetter("end")  # C-level keys: a record's line, a line's last source line
CARD_RULE = "items.card"
MAX_LISTED_LINES = 4  # a headline alone, with its date and time lines
MAX_BETWEEN_LINES = 3  # lines between a headline and its body that may carry its date (time, date, byline)
MAX_BYLINE_WORDS = 4  # such a line is a date or time line, or a name of at most this many words
DATE_LINE_RULE = "dates.lead"  # a date line read as the item's date is read by the dated-lead rule


def extract_metadata(doc: Document, rules: RuleSet) -> Document:
    """Build the items, then run the ``extract_metadata`` rules over them."""
    removals, edits = _by_line(doc.removals), _by_line(doc.edits)
    audit, kept = _Audit(removals, edits), doc.view().index
    spans = [_paragraphs(doc, segment, kept) for segment in doc.segments]
    known = _Known(doc, rules)
    shaped = [known.shapes_of(span) for span in spans]
    listed = _listed(spans, shaped)
    items = tuple(_item(doc, seg, paras, shapes, audit, known, n in listed)
                  for n, (seg, paras, shapes) in enumerate(zip(doc.segments, spans, shaped)))
    doc = doc.replace(removals=removals, edits=edits, items=items)
    for rule, apply in rules.derived("extract_metadata.plan", _plan):
        doc = apply(doc, rule, rules)
    return doc


def _plan(rules: RuleSet) -> tuple:
    """The stage's rules with their functions, looked up once per rule set."""
    from clean.engine.registry import lookup

    return tuple((rule, lookup(rule.id)) for rule in rules.for_stage("extract_metadata"))


def item_id(path: str, line_start: int) -> str:
    """Stable id of an item: the first 16 hex digits of sha256 over path and first line."""
    return hashlib.sha256(f"{path}\x00{line_start}".encode()).hexdigest()[:16]


def _paragraphs(doc: Document, segment: Segment, kept: tuple[int, ...]) -> list:
    """The kept lines of ``segment``."""
    lines = doc.lines
    return [lines[i] for i in kept[bisect_left(kept, segment.first) : bisect_right(kept, segment.last)]]


def _listed(spans: list[list], shaped: list[list]) -> set[int]:
    """The items that are a headline alone next to another such item: entries of a list of headlines."""
    alone = [0 < len(p) <= MAX_LISTED_LINES and _headline_only(p, s, next((k for k, x in enumerate(s) if not x[0]), 0))
             for p, s in zip(spans, shaped)]
    return {n for n, a in enumerate(alone) if a and ((n and alone[n - 1]) or (n + 1 < len(alone) and alone[n + 1]))}


def _item(doc: Document, segment: Segment, paragraphs: list, shapes: list, audit: _Audit, known: _Known,
          listed: bool) -> Item:
    lines = doc.lines
    if segment.reason == CARD_RULE:
        title, paragraphs, stamp = _card_title_and_stamp(paragraphs, shapes, known)
    else:
        title, paragraphs, stamp = _title_and_stamp(paragraphs, shapes, known, listed)
    start, end = lines[segment.first].start, max(map(_end, lines[segment.first : segment.last + 1]))
    source = doc.source
    # every value below is already of its field's type: the records are built without validating them again
    return Item.from_fields({
        "id": item_id(source.path, start),
        "source": SourceRef.from_fields({
            "path": source.path, "sha256": source.sha256, "encoding": source.encoding,
            "line_start": start, "line_end": end, "url": source.url, "crawl_date": None, "extracted_by": None,
        }),
        "title": title,
        "date": stamp.date if stamp else None,
        "date_text": stamp.text if stamp else None,
        "date_rule": stamp.rule if stamp else None,
        "site": doc.site,
        "text": "\n".join([p.text for p in paragraphs if p.text]),
        "flags": [],
        "boundary": segment.reason,
        "removed": audit.removed(start, end),
        "edits": audit.edits(start, end),
    })


class _Audit:
    """The page's removals and edits (sorted by line) as records, sliced by line span.

    Slicing by bisection keeps pages of thousands of items linear.
    """

    def __init__(self, removals: tuple, edits: tuple):
        self._removals, self._edits = removals, edits
        self._removal_lines = [r.line for r in removals]
        self._edit_lines = [e.line for e in edits]

    def removed(self, start: int, end: int) -> list[RemovedRecord]:
        lines = self._removal_lines
        if not lines:
            return []
        return [RemovedRecord.from_fields({"rule": r.rule, "line": r.line, "text": r.text})
                for r in self._removals[bisect_left(lines, start) : bisect_right(lines, end)]]

    def edits(self, start: int, end: int) -> list[EditRecord]:
        lines = self._edit_lines
        if not lines:
            return []
        return [EditRecord.from_fields({"rule": e.rule, "line": e.line, "before": e.before, "after": e.after})
                for e in self._edits[bisect_left(lines, start) : bisect_right(lines, end)]]


def _by_line(records: tuple) -> tuple:
    """``records`` in line order (stable; the stages already keep them so, which sorting checks in O(n))."""
    return tuple(sorted(records, key=_line))


class _Known:
    """The paragraph tests this stage asks, answered from the page's memo where ``split_items`` already
    answered them for the same text (:func:`~clean.families.items.page.facts`), and the rules and dated
    leads that :func:`_date_mark` reads."""

    def __init__(self, doc: Document, rules: RuleSet):
        self.rules, self.shapes, self.leads = rules, facts(doc, rules, "shape"), facts(doc, rules, "lead")

    def shapes_of(self, paragraphs: list) -> list[tuple[bool, bool, bool]]:
        """:func:`~clean.families.items.page.shape` of each paragraph: a date line (``bare_stamp``)? A
        headline? A question headline? Looked up once per line, so the tests below index a list."""
        shapes, rules = self.shapes, self.rules
        return [shapes[text] if text in shapes else shapes.setdefault(text, shape(text, rules))
                for text in [p.text for p in paragraphs]]


def _title_and_stamp(paragraphs: list, shapes: list, known: _Known, listed: bool = False):
    """The title (or None), the body paragraphs, and the stamp that dates the item (``shapes``: each
    paragraph's :meth:`_Known.shapes_of`).

    The headline may come after date or time lines that head the item; the stamp
    is on those lines, on the headline, on the lines between the headline and its
    body (a time line, a date line, a byline: at most :data:`MAX_BETWEEN_LINES`), on
    the first paragraph of the body, or on a date line that closes the item. An item that is a headline alone (and its date lines) is titled by
    it when ``listed``: next to another such item, an entry of a list of headlines.
    """
    head, count = 0, len(paragraphs)
    while head < count - 1 and shapes[head][0]:
        head += 1
    if listed and _headline_only(paragraphs, shapes, head):
        stamp = next((mark for p, s in zip(paragraphs, shapes) if (mark := p.stamp or (s[0] and _date_mark(p, known)))), None)
        return paragraphs[head].text, paragraphs[:head] + paragraphs[head + 1 :], stamp
    if count > head + 1 and _is_title(paragraphs[head], paragraphs[head + 1], shapes[head], shapes[head + 1]):
        body = head + 1  # the first body paragraph, past a time line, a date line or a byline under the headline
        while body < min(count - 1, head + MAX_BETWEEN_LINES) and _between(paragraphs[body], shapes[body]):
            body += 1
        stamp = next((p.stamp for p in paragraphs[: body + 1] if p.stamp), None)
        title, paragraphs = paragraphs[head].text, paragraphs[:head] + paragraphs[head + 1 :]
    else:
        title, stamp = None, next((p.stamp for p in paragraphs[: head + 1] if p.stamp), None)
    # the last paragraph is the same line either way: a title is never the last
    if stamp is None and len(paragraphs) > 1 and shapes[-1][0]:
        stamp = _date_mark(paragraphs[-1], known)  # a date line under the item
    return title, paragraphs, stamp


def _between(line, shape: tuple) -> bool:
    """A line between a headline and its body: a date or time line, or a short line that ends no sentence
    (an author's name)."""
    text = line.text.rstrip()
    return shape[0] or (0 < words_upto(text, MAX_BYLINE_WORDS) <= MAX_BYLINE_WORDS and text[-1:] not in ".!?…:;")


def _headline_only(paragraphs: list, shapes: list, head: int) -> bool:
    """Is the item a headline alone (with its date lines): an entry of a list of headlines, titled by it?
    A heading of fewer than :data:`~clean.families.items.paragraphs.MIN_LISTED_WORDS` words is a block's name."""
    text, (bare, headline, question) = paragraphs[head].text, shapes[head]
    if not text or bare or not (headline or question):
        return False
    if words_upto(text, MIN_LISTED_WORDS) < MIN_LISTED_WORDS:
        return False
    return all(s[0] for k, s in enumerate(shapes) if k != head)


def _card_title_and_stamp(paragraphs: list, shapes: list, known: _Known):
    """Like :func:`_title_and_stamp`, for a card of a listing (``items.card``), whose lines come in the
    page's own order: the title is its headline (past date lines and labels), the stamp
    its first date line or stamped line, wherever they are in the card (:mod:`~clean.families.items.card_titles`)."""
    stamp = next((mark for p, s in zip(paragraphs, shapes) if (mark := p.stamp or (s[0] and _date_mark(p, known)))), None)
    shaped = [bool(p.text) and not s[0] and (s[1] or s[2]) for p, s in zip(paragraphs, shapes)]
    h = title_line([p.text if not s[0] else "" for p, s in zip(paragraphs, shapes)], shaped)
    if h is not None:
        return paragraphs[h].text, paragraphs[:h] + paragraphs[h + 1 :], stamp
    title, paragraphs, _ = _title_and_stamp(paragraphs, shapes, known)
    return title, paragraphs, stamp


def _date_mark(line, known: _Known) -> DateMark | None:
    """The stamp of a date line, or the full date it spells out."""
    if line.stamp is not None:
        return line.stamp
    found = memo_lead(known.leads, line.text, known.rules) if known.rules.enabled(DATE_LINE_RULE) else None
    return DateMark(found.iso, found.text, DATE_LINE_RULE) if found is not None and found.iso else None


def _is_title(first, second, first_shape: tuple, second_shape: tuple) -> bool:
    if first.role == "title" or first_shape[1]:
        return True
    if first_shape[2] and not second_shape[1]:
        return True
    return second.stamp is not None and words_upto(first.text, MAX_STAMPED_HEADLINE_WORDS) <= MAX_STAMPED_HEADLINE_WORDS
