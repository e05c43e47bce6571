"""The page as the item rules read it: the facts of its kept lines, each computed once and shared.

:class:`Page` runs the paragraph tests of :mod:`clean.families.items.paragraphs` over the kept lines of
one page for the ``split_items`` ladder; :func:`facts` is the per-page memo that ``split_items``,
``extract_metadata`` and the dates share, so no stage asks the same question of the same line twice.

>>> from clean.catalog import shipped_rules
>>> from clean.model.document import Document
>>> page = Page(Document.from_text("Казахстан возглавил ОДКБ\\n\\n14 августа 2023 года прошла встреча."), shipped_rules())
>>> page.kept, page.headline[0]
([0, 2], True)
"""

from __future__ import annotations

from operator import or_
from typing import TYPE_CHECKING

from clean.families.dates.reader import FoundDate
from clean.families.items.card_weights import LineWords
from clean.families.items.cards import MIN_CARDS, NO_CARDS, line_cards
from clean.families.items.line_facts import line_facts
from clean.families.items.segments import removal_marks
from clean.families.items.paragraphs import (
    MAX_DATELINE_CHARS, STEM_CHARS, colon_lists, headline_lists, is_dateline, is_headline, is_question_headline,
    lead_date, stems,
)
from clean.model.document import Document

if TYPE_CHECKING:
    from clean.engine.ruleset import RuleSet


def facts(doc: Document, rules: RuleSet, name: str) -> dict:
    """The document's memo of the fact ``name``: line text -> value, shared by the stages that ask it of
    the same page (see :class:`~clean.model.document.Document`).

    ``"shape"`` is :func:`shape`, ``"lead"`` is :func:`lead_date`: pure functions of the text and the rules.
    The memo keeps the rule set its facts were computed for (holding it, so that no other object can take
    its identity) and starts over under another.
    """
    memo = doc.memo
    if memo.get(_RULES) is not rules:
        memo.clear()
        memo[_RULES] = rules
    table = memo.get(name)
    if table is None:
        table = memo[name] = {}
    return table


_RULES = "rules"  # the memo's entry for the rule set its facts hold under
_UNKNOWN = object()  # not in a memo yet (a lead date may be None)


def shape(text: str, rules: RuleSet) -> tuple[bool, bool, bool]:
    """Is ``text`` a date line (:func:`bare_stamp` of a line with this text), a headline, a question headline?"""
    return not text or is_dateline(text, rules), is_headline(text), is_question_headline(text)


def memo_lead(leads: dict, text: str, rules: RuleSet) -> FoundDate | None:
    """``lead_date(text, rules)`` through the memo ``leads`` (``facts(doc, rules, "lead")``)."""
    found = leads.get(text, _UNKNOWN)
    if found is _UNKNOWN:
        found = leads[text] = lead_date(text, rules)
    return found


def memo_dateline(datelines: dict, text: str, rules: RuleSet) -> bool:
    """``is_dateline(text, rules)`` through the memo ``datelines`` (``facts(doc, rules, "dateline")``): the
    split_dates rules that carry stamps ask it of a page's short lines, and :class:`Page` asks it again."""
    found = datelines.get(text)
    if found is None:
        found = datelines[text] = is_dateline(text, rules)
    return found


CARD_NOISE = {"chrome.card-counter": "N", "credit.domain-line": "U"}  # removed, but part of a card's shape


def _card_noise(doc: Document, kept: list[int]) -> list[str] | None:
    """The shapes of the lines removed as a card's counters or links right before each kept line, and
    after the last one; None when the page has no such line (then every one is ``""``: no shape)."""
    marks = removal_marks(doc)
    if CARD_NOISE.keys().isdisjoint(marks):
        return None
    shapes, last = [], -1
    for i in [*kept, len(marks)]:  # and those after the last kept line
        shapes.append("".join([CARD_NOISE.get(mark, "") for mark in marks[last + 1 : i]]) if i - last > 1 else "")
        last = i
    return shapes


class _Nothing:
    """A list of ``False`` as long as any page (for a fact no line of the page has)."""

    def __getitem__(self, n) -> bool:
        return False


NONE = _Nothing()


class Page:
    """The kept lines of a page (``n`` counts them) and the tests the ladder asks of them.

    The cheap tests are run once per line up front, into lists padded with one
    ``False`` past the last line; the dear ones (a dated lead, stems) run on
    demand, at most once per line. ``dates_trail`` says the page prints its
    date lines under each item (it ends with one and does not begin with one).
    """

    def __init__(self, doc: Document, rules: RuleSet):
        self.doc, self.rules, self.kept = doc, rules, doc.kept_indices()
        lines = [doc.lines[k] for k in self.kept]
        texts = [line.text for line in lines]
        self.lines = lines + [None]
        # is_dateline is False past MAX_DATELINE_CHARS: most paragraphs never call it
        datelines = facts(doc, rules, "dateline")
        self.bare = [not t or (len(t) <= MAX_DATELINE_CHARS and (
            datelines[t] if t in datelines else memo_dateline(datelines, t, rules))) for t in texts]
        self.bare.append(False)
        self.stamped = [line.stamp is not None or bare for line, bare in zip(lines, self.bare)] + [False]
        # a speaker's words end as a sentence does: 'Имя Фамилия: заявление' with no full stop is a headline
        self.attribution, self.credit, self.headline, self.question, self.quote = line_facts(texts)
        self.dates_trail = len(lines) > 1 and self.bare[len(lines) - 1] and not self.bare[0]
        headed = bytes(map(or_, self.headline, self.question))  # a C-level gate: most pages have no list
        self.listed = headline_lists(texts, self.headline, self.question) if b"\x01\x01\x01" in headed else NONE
        self.enumerated = colon_lists(texts, self.headline) if ":\n" in doc.view().text else NONE
        self.cards = self._cards(doc, lines, texts)
        # extract_metadata asks the same of the same texts: what is known goes into the page's memo, as
        # shape() (Page.headline is is_headline; Page.question is is_question_headline: no attribution ends in ?!)
        facts(doc, rules, "shape").update(zip(texts, zip(self.bare, self.headline, self.question)))
        self._leads = facts(doc, rules, "lead")
        self._stems: dict[int, frozenset[str]] = {}

    def _cards(self, doc: Document, lines: list, texts: list[str]):
        """The page's runs of cards (:mod:`~clean.families.items.cards`), read only where it has
        :data:`~clean.families.items.cards.MIN_CARDS` date lines or stamped lines."""
        if sum(self.stamped) < MIN_CARDS:
            return NO_CARDS
        stamps = [line.stamp is not None for line in lines]
        return line_cards(texts, self.bare, stamps, LineWords(texts), _card_noise(doc, self.kept))

    def lead(self, n: int):
        """The date kept line ``n`` opens with (a :class:`~clean.families.dates.reader.FoundDate`), or None."""
        return memo_lead(self._leads, self.lines[n].text, self.rules)

    def stems(self, n: int) -> frozenset[str]:
        """Prefix stems of the content words of kept line ``n`` (its first :data:`STEM_CHARS` characters)."""
        if n not in self._stems:
            self._stems[n] = frozenset(stems([self.lines[n].text[:STEM_CHARS]]))
        return self._stems[n]
