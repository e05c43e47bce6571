"""Stage 5, ``split_items``: a listing page cut into items, an article kept whole.

Expects a document with noise marked, stamps split and broken lines joined.
Guarantees ``doc.segments``: runs of lines, each one item, in page order, each
with the id of the signal that opened it. Every kept line is in exactly one
segment; removed lines after an item's last line belong to it up to a
separator; removed lines before the first item belong to the page. Never
changes a line.

The decision for each paragraph after the first is a ladder; the first rung
that applies decides (the rule ids are the ``boundary`` of the item):

1. a separator line was removed just before it: new item (``items.separator``);
2. it is a quote, an attribution, a byline or picture credit, or is followed by an
   attribution: same item (``items.quote``);
3. the item so far is only a date or time line: same item; it is stamped (a split stamp, or a line that is only a date): same item if the
   item so far is only its headline, else new (``items.stamp``);
4. it is a headline, or it is followed by a stamped body: new item (``items.headline``);
5. it opens with a word that continues the paragraph before (``Участники``,
   ``However``; ``rules/tables/continuations.toml``): same item (``items.continuation``);
6. it opens with a date: same item if the item so far is only its headline, else new (``items.date-lead``);
7. the item so far has no title or headline (a teaser): new item unless it shares
   at least :data:`MIN_SHARED_STEMS` word stems with its last paragraphs; a
   paragraph with fewer stems than that cannot tell and stays (``items.topic-shift``);
8. otherwise: same item (an article goes on).

Cohesion (rung 7) compares cheap prefix stems (:data:`STEM_LENGTH` letters), so
``операции`` and ``операция`` match without a morphological analyser; it runs
only for the paragraphs of untitled items that reach that rung, over at most
:data:`COHESION_WINDOW` paragraphs on each side.

>>> from clean.ruleset import RuleSet
>>> doc = Document.from_text("14 августа 2023 года встреча.\\n15 августа 2023 года форум.")
>>> [(s.first, s.last, s.reason) for s in split_items(doc, RuleSet.shipped()).segments]
[(0, 0, 'items.first'), (1, 1, 'items.date-lead')]
"""

from __future__ import annotations

import regex

from clean.document import Document, Segment
from clean.registry import python_rule
from clean.ruleset import Rule, RuleSet
from clean.stages.paragraphs import (
    MAX_STAMPED_HEADLINE_WORDS, MIN_HEADLINE_WORDS, is_attribution, is_credit, is_dateline, is_headline, is_quote, lead_date,
    opens_continuation, words,
)

MIN_SHARED_STEMS = 3
STEM_LENGTH = 5
MIN_STEM_WORD = 4
COHESION_WINDOW = 3
SEPARATOR_RULE = "noise.separator"
WORD = regex.compile(r"\p{L}[\p{L}-]*")
SIGNALS = (
    "items.separator", "items.quote", "items.stamp", "items.headline", "items.continuation", "items.date-lead",
    "items.topic-shift",
)


def split_items(doc: Document, rules: RuleSet) -> Document:
    """Cut ``doc`` into segments (see module docstring)."""
    kept = doc.kept_indices()
    if not kept:
        return doc.replace(segments=())
    enabled = {s for s in SIGNALS if rules.enabled(s)}
    starts = [(kept[0], "items.first")]
    first = 0
    for n in range(1, len(kept)):
        reason = _opens_item(doc, kept, n, first, enabled, rules)
        if reason:
            starts.append((kept[n], reason))
            first = n
    return doc.replace(segments=tuple(_segments(doc, kept, starts)))


def _opens_item(doc, kept, n, first, enabled, rules) -> str | None:
    """The rung of the ladder that decides paragraph ``n`` (``first``: where its item starts)."""
    line, lines = doc.lines[kept[n]], doc.lines
    nxt = lines[kept[n + 1]] if n + 1 < len(kept) else None
    only_headline = n - 1 == first and _headline_like(lines[kept[first]], line, rules)
    if "items.separator" in enabled and any(
        lines[i].removed == SEPARATOR_RULE for i in range(kept[n - 1] + 1, kept[n])
    ):
        return "items.separator"
    if "items.quote" in enabled and (
        is_quote(line.text) or is_attribution(line.text) or is_credit(line.text)
        or (nxt is not None and is_attribution(nxt.text))
    ):
        return None
    if "items.stamp" in enabled and n - 1 == first and bare_stamp(lines[kept[first]], rules):
        return None
    if "items.stamp" in enabled and stamped(line, rules):
        return None if only_headline else "items.stamp"
    if "items.headline" in enabled and _opens_with_headline(line, nxt, rules):
        return "items.headline"
    if "items.continuation" in enabled and opens_continuation(line.text, rules):
        return None
    if "items.date-lead" in enabled and lead_date(line.text, rules):
        return None if only_headline else "items.date-lead"
    if "items.topic-shift" in enabled and _untitled(doc, kept, first, n, rules):
        left = stems([lines[k].text for k in kept[max(first, n - COHESION_WINDOW) : n]])
        right = stems([lines[k].text for k in _window(doc, kept, n, rules)])
        if len(right) >= MIN_SHARED_STEMS and len(left & right) < MIN_SHARED_STEMS:
            return "items.topic-shift"
    return None


def _window(doc, kept, n, rules) -> list[int]:
    """Paragraph ``n`` and up to :data:`COHESION_WINDOW` - 1 more, stopping before one that opens an item
    by itself (a stamp, a headline, a dated lead)."""
    window = [kept[n]]
    for m in range(n + 1, min(n + COHESION_WINDOW, len(kept))):
        line = doc.lines[kept[m]]
        nxt = doc.lines[kept[m + 1]] if m + 1 < len(kept) else None
        if stamped(line, rules) or _opens_with_headline(line, nxt, rules) or lead_date(line.text, rules):
            break
        window.append(kept[m])
    return window


def stamped(line, rules) -> bool:
    """A line with a split stamp, or a line that is only a date: either dates the item it opens."""
    return line.stamp is not None or is_dateline(line.text, rules)


def bare_stamp(line, rules) -> bool:
    """A line that is only a date or a time (a stamp split off leaves it empty): it heads what follows."""
    return not line.text or is_dateline(line.text, rules)


def _headline_like(first, line, rules) -> bool:
    """Is ``first`` (alone in its item so far) the headline of ``line``? Two stamped lines are two items."""
    if first.stamp is not None and stamped(line, rules):
        return False
    return first.role == "title" or is_headline(first.text) or (
        stamped(line, rules) and words(first.text) <= MAX_STAMPED_HEADLINE_WORDS
    )


def _opens_with_headline(line, nxt, rules) -> bool:
    """A title line, a headline before a non-headline, or a line before a stamped body."""
    if nxt is None or stamped(line, rules):
        return False
    if bare_stamp(nxt, rules):  # a date line: under a headline, or over the next item's headline
        return is_headline(line.text)
    if nxt.stamp is not None and words(line.text) <= MAX_STAMPED_HEADLINE_WORDS:
        return not is_headline(nxt.text)  # a stamped headline opens its own item
    page_title = line.role == "title" and words(line.text) >= MIN_HEADLINE_WORDS
    return page_title or (is_headline(line.text) and not is_headline(nxt.text))


def _untitled(doc, kept, first, n, rules) -> bool:
    """An item that opened without a title or headline (after its stamp lines): a teaser, whose topic
    decides where it ends."""
    while first < n - 1 and bare_stamp(doc.lines[kept[first]], rules):
        first += 1
    head = doc.lines[kept[first]]
    return head.role != "title" and not is_headline(head.text)


def stems(texts: list[str]) -> set[str]:
    """Prefix stems of the content words of ``texts``."""
    return {w[:STEM_LENGTH] for t in texts for w in WORD.findall(t.lower()) if len(w) >= MIN_STEM_WORD}


def shared_stems(left: list[str], right: list[str]) -> int:
    """How many stems two runs of paragraphs share."""
    return len(stems(left) & stems(right))


def _segments(doc: Document, kept: list[int], starts: list[tuple[int, str]]):
    """Spans from each start to the next, trailing removals attached up to a separator."""
    bounds = [s for s, _ in starts] + [len(doc.lines)]
    for (first, reason), stop in zip(starts, bounds[1:]):
        last = max(k for k in kept if first <= k < stop)
        for i in range(last + 1, stop):
            line = doc.lines[i]
            if line.removed == SEPARATOR_RULE:
                break
            if line.removed is not None:
                last = i
        yield Segment(first, last, reason)


@python_rule("items.separator")
@python_rule("items.quote")
@python_rule("items.stamp")
@python_rule("items.headline")
@python_rule("items.continuation")
@python_rule("items.date-lead")
@python_rule("items.topic-shift")
def _signal(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Signals are read by :func:`split_items` itself; as rules they only document and switch."""
    return doc
