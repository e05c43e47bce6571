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
from clean.families.items.paragraphs import MAX_STAMPED_HEADLINE_WORDS, MIN_LISTED_WORDS, words

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
    known = _Known(doc, rules, [line.text for span in spans for line in span])
    listed = _listed(spans, known)
    items = tuple(_item(doc, seg, paras, audit, known, n in listed) for n, (seg, paras) in enumerate(zip(doc.segments, spans)))
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


def _listed(spans: list[list], known: _Known) -> set[int]:
    """The items that are a headline alone next to another such item: entries of a list of headlines."""
    alone = [0 < len(p) <= MAX_LISTED_LINES and _headline_only(p, next((k for k, x in enumerate(p) if not known.bare(x)), 0), known)
             for p in spans]
    return {n for n, a in enumerate(alone) if a and ((n and alone[n - 1]) or (n + 1 < len(alone) and alone[n + 1]))}


def _item(doc: Document, segment: Segment, paragraphs: list, audit: _Audit, known: _Known, listed: bool) -> Item:
    lines = doc.lines
    if segment.reason == CARD_RULE:
        title, paragraphs, stamp = _card_title_and_stamp(paragraphs, known)
    else:
        title, paragraphs, stamp = _title_and_stamp(paragraphs, known, listed)
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
    answered them for the same text (:func:`~clean.families.items.page.facts`). Every kept text of the page
    is put in the memo first (most already are), so an answer is one lookup."""

    def __init__(self, doc: Document, rules: RuleSet, texts: list[str]):
        self.rules, self.shapes, self.leads = rules, facts(doc, rules, "shape"), facts(doc, rules, "lead")
        shapes = self.shapes
        for text in texts:
            if text not in shapes:
                shapes[text] = shape(text, rules)

    def bare(self, line) -> bool:
        """:func:`~clean.families.items.paragraphs.bare_stamp` of ``line``."""
        return self.shapes[line.text][0]

    def headline(self, text: str) -> bool:
        return self.shapes[text][1]

    def question(self, text: str) -> bool:
        return self.shapes[text][2]


def _title_and_stamp(paragraphs: list, known: _Known, listed: bool = False):
    """The title (or None), the body paragraphs, and the stamp that dates the item.

    The headline may come after date or time lines that head the item; the stamp
    is on those lines, on the headline, on the lines between the headline and its
    body (a time line, a date line, a byline: at most :data:`MAX_BETWEEN_LINES`), on
    the first paragraph of the body, or on a date line that closes the item. An item that is a headline alone (and its date lines) is titled by
    it when ``listed``: next to another such item, an entry of a list of headlines.
    """
    head = 0
    while head < len(paragraphs) - 1 and known.bare(paragraphs[head]):
        head += 1
    if listed and _headline_only(paragraphs, head, known):
        stamp = next((mark for p in paragraphs if (mark := p.stamp or (known.bare(p) and _date_mark(p, known)))), None)
        return paragraphs[head].text, paragraphs[:head] + paragraphs[head + 1 :], stamp
    if len(paragraphs) > head + 1 and _is_title(paragraphs[head], paragraphs[head + 1], known):
        body = head + 1  # the first body paragraph, past a time line, a date line or a byline under the headline
        while body < min(len(paragraphs) - 1, head + MAX_BETWEEN_LINES) and _between(paragraphs[body], known):
            body += 1
        stamp = next((p.stamp for p in paragraphs[: body + 1] if p.stamp), None)
        title, paragraphs = paragraphs[head].text, paragraphs[:head] + paragraphs[head + 1 :]
    else:
        title, stamp = None, next((p.stamp for p in paragraphs[: head + 1] if p.stamp), None)
    if stamp is None and len(paragraphs) > 1 and known.bare(paragraphs[-1]):
        stamp = _date_mark(paragraphs[-1], known)  # a date line under the item
    return title, paragraphs, stamp


def _between(line, known: _Known) -> bool:
    """A line between a headline and its body: a date or time line, or a short line that ends no sentence
    (an author's name)."""
    text = line.text.rstrip()
    return known.bare(line) or (0 < words(text) <= MAX_BYLINE_WORDS and text[-1:] not in ".!?…:;")


def _headline_only(paragraphs: list, head: int, known: _Known) -> bool:
    """Is the item a headline alone (with its date lines): an entry of a list of headlines, titled by it?
    A heading of fewer than :data:`~clean.families.items.paragraphs.MIN_LISTED_WORDS` words is a block's name."""
    line = paragraphs[head]
    if not line.text or known.bare(line) or not (known.headline(line.text) or known.question(line.text)):
        return False
    if words(line.text) < MIN_LISTED_WORDS:
        return False
    return all(known.bare(p) for k, p in enumerate(paragraphs) if k != head)


def _card_title_and_stamp(paragraphs: list, known: _Known):
    """Like :func:`_title_and_stamp`, for a card of a listing (``items.card``), whose lines come in the
    page's own order: the title is its headline (past date lines and labels), the stamp
    its first date line or stamped line, wherever they are in the card (:mod:`~clean.families.items.card_titles`)."""
    shapes = [known.shapes[p.text] for p in paragraphs]  # (date line, headline, question headline) of each
    stamp = next((mark for p, s in zip(paragraphs, shapes) if (mark := p.stamp or (s[0] and _date_mark(p, known)))), None)
    shaped = [bool(p.text) and not s[0] and (s[1] or s[2]) for p, s in zip(paragraphs, shapes)]
    h = title_line([p.text if not s[0] else "" for p, s in zip(paragraphs, shapes)], shaped)
    if h is not None:
        return paragraphs[h].text, paragraphs[:h] + paragraphs[h + 1 :], stamp
    title, paragraphs, _ = _title_and_stamp(paragraphs, known)
    return title, paragraphs, stamp


def _date_mark(line, known: _Known) -> DateMark | None:
    """The stamp of a date line, or the full date it spells out."""
    if line.stamp is not None:
        return line.stamp
    found = memo_lead(known.leads, line.text, known.rules) if known.rules.enabled(DATE_LINE_RULE) else None
    return DateMark(found.iso, found.text, DATE_LINE_RULE) if found is not None and found.iso else None


def _is_title(first, second, known: _Known) -> bool:
    if first.role == "title" or known.headline(first.text):
        return True
    if known.question(first.text) and not known.headline(second.text):
        return True
    return second.stamp is not None and words(first.text) <= MAX_STAMPED_HEADLINE_WORDS
