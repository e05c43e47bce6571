"""``items.lone-heading``: a short heading alone between the items of a listing is no item.

A home page or a feed prints the titles of its blocks among the items: ``Самое читаемое``,
``Выбор редакции``, ``Популярное``, ``Most read``, an author's name over a column, ``#Футбол``.
The ladder cuts such a line off as an item of its own (a headline with nothing under it, or a
change of topic), and an item made of a block's title is noise in the output. After the items
are cut, a segment that is one kept line of at most :data:`MAX_HEADING_WORDS` words (a headline alone,
``Казахстан возглавил ОДКБ``, has more), not an entry of a list of headlines, with a
letter, no stamp and no closing punctuation, on a page with at least :data:`MIN_OTHER_ITEMS` other
items, is taken out: its line is marked removed under this rule (so the audit keeps it) and
joins the item before it, as the removed lines after an item do (a heading that opens the page
joins the first item, under it: a line its item spans is never lost from the record, even one
joined from two source lines). An item of one sentence (``Курс доллара вырос до 90 рублей.``), a
headline of more words, a dated line, and any item of a page with fewer items stay; so do the articles the
main-content pass found.

>>> from clean.catalog import shipped_rules
>>> from clean.stages.split_items import split_items
>>> page = "Популярное\\nАким открыл школу в Таразе\\nВ Алматы прошёл форум молодёжи\\nСборная выиграла матч в отборе"
>>> doc = split_items(Document.from_text(page), shipped_rules())
>>> [(s.first, s.last) for s in doc.segments], doc.lines[0].removed
([(0, 1), (2, 2), (3, 3)], 'items.lone-heading')
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.model.document import Document, Removal, Segment

RULE_ID = "items.lone-heading"
MAX_HEADING_WORDS = 2  # 'Самое читаемое', 'Most read', '#ФК Ростов'; 'Казахстан возглавил ОДКБ' is a headline
MIN_OTHER_ITEMS = 2  # a listing: on a page with one other item (a title over its article) nothing is taken
LIST_RULE = "items.headline-list"  # an entry of a list of headlines is a headline, however short
CLOSING = ".!?…:;,"  # a heading ends with none of these
LETTER = regex.compile(r"\p{L}")


def drop_lone_headings(doc: Document, rules: RuleSet) -> Document:
    """``doc`` (cut into segments) without the segments that are a block's heading alone (module docstring)."""
    if doc.articles or len(doc.segments) <= MIN_OTHER_ITEMS or not rules.enabled(RULE_ID):
        return doc
    kept = doc.view().index
    lone = [s for s in doc.segments if _lone_heading(doc, s, kept)]
    if not lone or len(doc.segments) - len(lone) < MIN_OTHER_ITEMS:
        return doc
    dropped = {s.first for s in lone}
    lines, removals, segments, ahead = list(doc.lines), list(doc.removals), [], None
    for segment in doc.segments:
        if segment.first not in dropped:
            if ahead is not None:  # the heading that opened the page goes to the first item, under it
                segment, ahead = Segment(ahead, segment.last, segment.reason), None
            segments.append(segment)
            continue
        for i in range(segment.first, segment.last + 1):
            if lines[i].removed is None and lines[i].role != "blank":
                lines[i] = lines[i].replace(removed=RULE_ID)
                removals.append(Removal(RULE_ID, lines[i].start, lines[i].text))
        if segments:  # the lines join the item before, as its trailing removed lines do
            before = segments[-1]
            segments[-1] = Segment(before.first, segment.last, before.reason)
        elif ahead is None:
            ahead = segment.first
    return doc.replace(lines=tuple(lines), removals=tuple(sorted(removals, key=lambda r: r.line)),
                       segments=tuple(segments))


def _lone_heading(doc: Document, segment: Segment, kept) -> bool:
    """Is ``segment`` one kept line that reads as a block's heading?"""
    at = bisect_left(kept, segment.first)  # the segment's kept lines: kept[at:] up to segment.last
    if (segment.reason == LIST_RULE or at >= len(kept) or kept[at] > segment.last
            or (at + 1 < len(kept) and kept[at + 1] <= segment.last)):
        return False  # no kept line, or more than one
    line = doc.lines[kept[at]]
    text = line.text.strip()
    return (line.stamp is None and line.role != "title" and bool(text) and text[-1] not in CLOSING
            and len(text.split()) <= MAX_HEADING_WORDS and LETTER.search(text) is not None)


def heading_over_dated_headline(page, first: int, n: int) -> bool:
    """Is kept line ``first`` a block's heading of one or two words (``Latest``, ``Новини Полтави``) over
    line ``n``, a headline with its own date and a body under it? Then the two are not one item's
    headline and text: the heading stands alone, and this rule may take it. (Asked by the ladder of
    :mod:`clean.families.items.boundaries` of an item so far made of one line, ``page`` its
    :class:`~clean.families.items.page.Page`.)"""
    nxt = n + 1
    return (page.stamped[n] and page.headline[n] and not page.bare[n] and page.lines[first].role != "title"
            and len(page.lines[first].text.split()) <= MAX_HEADING_WORDS and nxt < len(page.kept)
            and not (page.headline[nxt] or page.stamped[nxt] or page.bare[nxt]) and page.rules.enabled(RULE_ID))


@python_rule(RULE_ID)
def _documented(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Read by :func:`drop_lone_headings` after the ladder; as a rule it documents and switches."""
    return doc
