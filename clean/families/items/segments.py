"""The removed lines around a page's kept lines, as the ``split_items`` ladder reads them: the separators
and embedded posts before a kept line, and the removed lines an item's span takes after its last one.

Each is read from one list of every line's ``removed`` mark (:func:`removal_marks`, made in C), where a
separator is looked for with ``in`` and a span's tail is cut at one, instead of a Python step per source
line.

>>> from clean.model.document import Document
>>> doc = Document.from_text("a\\n----\\nb\\nsidebar\\nc")
>>> doc = doc.replace(lines=tuple(line.replace(removed={1: SEPARATOR_RULE, 3: "chrome.menu"}.get(i))
...                               for i, line in enumerate(doc.lines)))
>>> marks, kept = removal_marks(doc), [0, 2, 4]
>>> after_separator(marks, kept), list(segments(doc, marks, kept, [(0, "items.first"), (2, "items.separator")]))
({1}, [Segment(first=0, last=0, reason='items.first'), Segment(first=2, last=4, reason='items.separator')])
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from clean.model.document import Document, Segment

SEPARATOR_RULE = "noise.separator"
EMBED_RULES = frozenset({  # the lines an embedded post or a related-article box leaves inside a text
    "chrome.social-embed", "chrome.embed-attribution", "chrome.related-link"})
_removed = attrgetter("removed")


def removal_marks(doc: Document) -> list[str | None]:
    """``line.removed`` of every line of ``doc``."""
    return list(map(_removed, doc.lines))


def after_separator(marks: list, kept: list[int]) -> set[int]:
    """The kept lines (``n``) with a separator line removed just before them, after an earlier kept line."""
    start = kept[0] + 1
    between = marks[start : kept[-1]]
    if SEPARATOR_RULE not in between:
        return set()  # most pages: no exception raised and caught to say so
    return {bisect_left(kept, start + k) for k, mark in enumerate(between) if mark == SEPARATOR_RULE}


def after_embed(doc: Document, marks: list, kept: list[int]) -> set[int]:
    """The kept lines (``n``) with an embedded post's or a related link's lines removed just before them."""
    if not any(r.rule in EMBED_RULES for r in doc.removals):
        return set()
    return {bisect_left(kept, i) for i in range(kept[0] + 1, kept[-1]) if marks[i] in EMBED_RULES}


def segments(doc: Document, marks: list, kept: list[int], starts: list[tuple[int, str]]):
    """Spans from each start to the next, trailing removals attached up to a separator (a blank line
    between is taken only when a removed line after it is)."""
    bounds = [s for s, _ in starts] + [len(doc.lines)]
    for (first, reason), stop in zip(starts, bounds[1:]):
        last = kept[bisect_left(kept, stop) - 1]
        tail = marks[last + 1 : stop]
        if SEPARATOR_RULE in tail:
            tail = tail[: tail.index(SEPARATOR_RULE)]
        for k in range(len(tail) - 1, -1, -1):  # the last removed line of the tail, if any
            if tail[k] is not None:
                last += k + 1
                break
        yield Segment(first, last, reason)
