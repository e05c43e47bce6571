"""``items.*``: where one item ends and the next begins; the ladder the ``split_items`` stage runs.

The decision for each paragraph after the first is a ladder; the first rung
that applies decides (the rule ids are the ``boundary`` of the item):

0. it is in a run of cards (:mod:`clean.families.items.cards`): new item where a card starts, else same item
   (``items.card``); it is an entry of a list of headlines (:func:`~clean.families.items.paragraphs.headline_lists`)
   not under a date line of its own: new item (``items.headline-list``);
1. a separator line was removed just before it: new item (``items.separator``);
2. it is a quote, an attribution, a byline or picture credit, or is followed by an
   attribution: same item (``items.quote``);
3. it is a date or time line on a page that prints them under its items, or the
   item so far is only a date or time line: same item; else, it is stamped (a
   split stamp, or a line that is only a date or time): same item if the item so
   far is only its headline, else new (``items.stamp``);
4. it is a headline, or it is followed by a stamped body: new item (``items.headline``);
5. it is a short line ending in ``?`` or ``!`` over a body: a question headline,
   or an interviewer's question; new item unless it shares at least
   :data:`MIN_SHARED_QUESTION_STEMS` word stems with the item so far, or the item so far holds a
   question past its first line (an interview goes on) (``items.topic-shift``);
6. it opens with a word that continues the paragraph before (``Участники``,
   ``However``; ``rules/tables/continuations.toml``): same item (``items.continuation``);
7. it opens with a date: same item if the item so far is only its headline, or if
   the item is titled and its dated paragraphs go forward in time (an article
   telling a story; a listing goes back in time), else new (``items.date-lead``);
8. the item so far has no title or headline (a teaser): new item unless it shares
   at least :data:`MIN_SHARED_STEMS` word stems with its last paragraphs, or
   opens with a common noun of those paragraphs (``Операция направлена …``
   after ``… операция «Канал»``; ``Акындын …`` after ``… акын …``); a paragraph with fewer stems than that cannot
   tell and stays, and so does one right after an embedded post or a related link removed from the
   text (they sit inside an article, never between teasers) (``items.topic-shift``);
9. otherwise: same item (an article goes on).

Whatever the rung, an item so far made of date lines alone (a day heading, a feed's own dates) is no
item: the line after it joins it, unless a separator stands between them, or it opens a card (which
has a date line of its own): then the date lines join the item before.

Cohesion (rungs 5 and 8) compares cheap prefix stems (:data:`~clean.families.items.paragraphs.STEM_LENGTH` letters), so
``операции`` and ``операция`` match without a morphological analyser; it runs
only for the paragraphs that reach those rungs (question lines, paragraphs of
untitled items), over at most :data:`COHESION_WINDOW` paragraphs on each side
and :data:`~clean.families.items.paragraphs.STEM_CHARS` characters of each.

>>> from clean.catalog import shipped_rules
>>> doc = Document.from_text("14 августа 2023 года встреча.\\n15 августа 2023 года форум.")
>>> [(s.first, s.last, s.reason) for s in cut_items(doc, shipped_rules()).segments]
[(0, 0, 'items.first'), (1, 1, 'items.date-lead')]
"""

from __future__ import annotations

from clean.model.document import Document
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.content.main_content import article_starts
from clean.families.items.lone_heading import heading_over_dated_headline
from clean.families.items.page import Page
from clean.families.items.segments import after_embed, after_separator, removal_marks, segments
from clean.families.items.paragraphs import (
    MAX_STAMPED_HEADLINE_WORDS, MIN_HEADLINE_WORDS, function_words, opens_continuation, repeats_theme, words_upto,
)

MIN_SHARED_STEMS = 3
MIN_SHARED_QUESTION_STEMS = 2  # a question inside a titled item is most likely the interviewer's: less to keep it
COHESION_WINDOW = 3
SIGNALS = (
    "items.card", "items.headline-list", "items.separator", "items.quote", "items.stamp", "items.headline", "items.continuation", "items.date-lead",
    "items.topic-shift",
)


def cut_items(doc: Document, rules: RuleSet) -> Document:
    """Cut ``doc`` into segments (see module docstring). The ladder's facts (:class:`Page`) are read only
    where the ladder runs: not for the articles the main-content pass found, nor with every signal off."""
    kept = doc.kept_indices()
    if not kept:
        return doc.replace(segments=())
    if doc.articles:  # the main-content pass found the page's articles: one item each
        return doc.replace(segments=tuple(segments(doc, removal_marks(doc), kept, article_starts(doc, kept))))
    enabled = rules.derived("items.signals", lambda r: frozenset(s for s in SIGNALS if r.enabled(s)))
    if not enabled:  # no rung can open an item: the page is one
        return doc.replace(segments=tuple(segments(doc, removal_marks(doc), kept, [(kept[0], "items.first")])))
    page = Page(doc, rules)
    marks = removal_marks(doc)
    separated = after_separator(marks, page.kept) if "items.separator" in enabled else set()
    embedded = after_embed(doc, marks, page.kept)
    starts = [(page.kept[0], "items.first")]
    first, dates_only = 0, page.bare[0]  # dates_only: all(page.bare[first:n]), kept as n goes on
    for n in range(1, len(page.kept)):
        reason = "items.separator" if n in separated else _opens_item(page, n, first, enabled, n in embedded)
        if reason and reason != "items.separator" and dates_only:
            if reason != "items.card" or len(starts) == 1:
                reason = None  # date lines alone are no item: they head the item after them
            else:
                starts.pop()  # ... unless that is a card with its own date: then they close the item before
        if reason:
            starts.append((page.kept[n], reason))
            first, dates_only = n, page.bare[n]
        else:
            dates_only = dates_only and page.bare[n]
    return doc.replace(segments=tuple(segments(doc, marks, page.kept, starts)))


def _opens_item(page: Page, n: int, first: int, enabled: set[str], embedded: bool = False) -> str | None:
    """The rung of the ladder that decides kept line ``n`` (``first``: where its item starts; ``embedded``:
    an embedded post was removed right before it)."""
    line = page.lines[n]
    if "items.card" in enabled and n in page.cards.region:
        return "items.card" if n in page.cards.starts else None
    if "items.headline-list" in enabled and page.listed[n] and not _dated_by(page, n - 1):
        return "items.headline-list"
    if "items.quote" in enabled and (
        page.attribution[n] or page.attribution[n + 1] or page.credit[n] or page.quote[n]
    ):
        return None
    closes = page.bare[n] and page.cards.closes.get(n, page.dates_trail)  # a date line under its item
    if "items.stamp" in enabled and (closes or (n - 1 == first and page.bare[first])):
        return None
    if "items.stamp" in enabled and page.stamped[n]:
        return None if _only_headline(page, first, n) else "items.stamp"
    if "items.headline" in enabled and _opens_with_headline(page, n):
        return "items.headline"
    if "items.topic-shift" in enabled and page.question[n] and not (page.headline[n + 1] or page.question[n + 1]):
        if (page.lines[n + 1] is not None and not _asked_before(page, first, n)
                and _topic_shifts(page, first, n, MIN_SHARED_QUESTION_STEMS)):
            return "items.topic-shift"  # a question headline, not an interviewer's question
    if "items.continuation" in enabled and opens_continuation(line.text, page.rules):
        return None
    if "items.date-lead" in enabled and page.lead(n):
        if _only_headline(page, first, n) or (not _untitled(page, first, n) and _narrates(page, first, n)):
            return None
        return "items.date-lead"
    if "items.topic-shift" in enabled and not embedded and _untitled(page, first, n) and _topic_shifts(page, first, n):
        left = [page.lines[m].text for m in range(max(first, n - COHESION_WINDOW), n)]
        if not repeats_theme(line.text, left, function_words(page.rules)):
            return "items.topic-shift"
    return None


def _asked_before(page: Page, first: int, n: int) -> bool:
    """Does the item so far hold a question of its own past its first line (an interview: the next
    question is the interviewer's too, however little it shares with the answers)?"""
    return any(page.question[m] for m in range(first + 1, n))


def _dated_by(page: Page, m: int) -> bool:
    """Is kept line ``m`` a date line over the line after it (not one closing the item before it)?"""
    return page.bare[m] and not page.cards.closes.get(m, page.dates_trail)


def _only_headline(page: Page, first: int, n: int) -> bool:
    """Is the item so far (from kept line ``first`` to before ``n``) only its headline, and credits?"""
    return all(page.credit[m] for m in range(first + 1, n)) and _headline_like(page, first, n)


def _narrates(page: Page, first: int, n: int) -> bool:
    """In a titled item, do the dated paragraphs go forward in time (a story told in order), where a
    listing goes back? Compared with the item's earlier dated paragraphs, else with the next one."""
    here = page.lead(n).iso
    before = [d.iso for m in range(first + 1, n) if (d := page.lead(m)) and d.iso]
    if here is None or before:
        return here is not None and here > max(before)
    ahead = range(n + 1, min(n + COHESION_WINDOW, len(page.kept)))
    after = next((d.iso for m in ahead if (d := page.lead(m))), None)
    return after is not None and after > here


def _topic_shifts(page: Page, first: int, n: int, needed: int = MIN_SHARED_STEMS) -> bool:
    """Do the item's last paragraphs and the paragraphs from ``n`` on share too few stems to be one topic?
    A right-hand side with fewer stems than the threshold cannot tell, and does not shift."""
    left = frozenset().union(*(page.stems(m) for m in range(max(first, n - COHESION_WINDOW), n)))
    right = frozenset().union(*(page.stems(m) for m in _window(page, n)))
    return len(right) >= needed and len(left & right) < needed


def _window(page: Page, n: int) -> range:
    """Paragraph ``n`` and up to :data:`COHESION_WINDOW` - 1 more, stopping before one that opens an item
    by itself (a stamp, a headline, a dated lead)."""
    end = n + 1
    while end < min(n + COHESION_WINDOW, len(page.kept)):
        if page.stamped[end] or _opens_with_headline(page, end) or page.lead(end):
            break
        end += 1
    return range(n, end)


def _headline_like(page: Page, first: int, n: int) -> bool:
    """Is kept line ``first`` (alone in its item so far) the headline of line ``n``?
    Two stamped lines are two items."""
    head = page.lines[first]
    if head.stamp is not None and page.stamped[n]:
        return False
    if heading_over_dated_headline(page, first, n):
        return False
    return head.role == "title" or page.headline[first] or (
        page.stamped[n] and words_upto(head.text, MAX_STAMPED_HEADLINE_WORDS) <= MAX_STAMPED_HEADLINE_WORDS
    )


def _opens_with_headline(page: Page, n: int) -> bool:
    """A title line, a headline before a non-headline, or a line before a stamped body."""
    line, nxt = page.lines[n], page.lines[n + 1]
    if nxt is None or page.stamped[n] or page.enumerated[n]:  # an entry of a list inside a text is no headline
        return False
    if page.bare[n + 1]:  # a date line: under a headline, or over the next item's headline
        return page.headline[n] and page.cards.closes.get(n + 1) is not False
    if nxt.stamp is not None and words_upto(line.text, MAX_STAMPED_HEADLINE_WORDS) <= MAX_STAMPED_HEADLINE_WORDS:
        return not page.headline[n + 1]  # a stamped headline opens its own item
    page_title = line.role == "title" and words_upto(line.text, MIN_HEADLINE_WORDS) >= MIN_HEADLINE_WORDS
    return page_title or (page.headline[n] and not page.headline[n + 1])


def _untitled(page: Page, first: int, n: int) -> bool:
    """An item that opened without a title or headline (after its date lines; a line over a stamped
    body is a headline too): a teaser, whose topic decides where it ends."""
    while first < n - 1 and page.bare[first]:
        first += 1
    titled = page.lines[first].role == "title" or page.headline[first] or page.question[first]
    return not titled and not (first + 1 < n and page.lines[first + 1].stamp is not None)


@python_rule("items.card")
@python_rule("items.headline-list")
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
