"""Cards of a listing: the repeating pattern of line shapes, and which side of its card a date line is on.

A listing repeats one card (date line, rubric, headline, teaser, counters, links) in an order of its
own. Read as a string of line shapes (:func:`shape_string`: ``D`` a date or time line, ``U`` a link,
``N`` a number, ``W`` a one-word label, ``H`` a headline, ``T`` other text), a run of cards is periodic: ``DTT DTT DTT``
(the date over its headline) or ``TTD TTD TTD`` (the date under its teaser). In the middle of the
run the two read the same; the ends of the run tell them apart, because whole cards tile the periodic
stretch from its first line to its last. So the card is the period that starts where the stretch
starts, and a date line after the card's first text line closes the card before it, where a date
line before it opens the card after it.

A stretch that whole cards do not tile (a heading before it has the shape of a card's last line, or a
link after it the shape of a card's first) has lines left over at one end. Which end is told by the
lines' sizes (:func:`_leftover_at_start`): the leftover lines are the page around the cards, so they are
the ones least like the lines at the same place in the cards (a two-word heading where cards have a
twenty-word teaser). When the sizes cannot tell, the stretch is left undecided: the ``split_items``
ladder decides there as it does on any page. The period is
read from the distances between date lines, so a page with fewer than :data:`MIN_CARDS` of them
has no cards, and an article keeps its paragraphs.

>>> cards = find_cards("WTTDTTDTTDW")  # a label, three cards with the date under the teaser, a label
>>> sorted(cards.starts), cards.closes[3], cards.region[2]
([1, 4, 7], True, 1)
>>> find_cards("TDTTDTTDTTW").closes[1]  # the run's last card is whole: its dates head the cards
False
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import eq

import regex

from clean.families.items.card_ends import date_side, leftover_at_start
from clean.families.items.card_weights import Weights

MIN_CARDS = 3  # fewer repeats are no pattern: two dated paragraphs of an article are not cards
MAX_CARD_LINES = 10  # a card longer than this is an article with dates in it
MAX_PERIODS = 3  # a page has a few blocks of its own layout; the most common periods are tried
MAX_LABEL_CHARS = 30
MAX_LABEL_WORDS = 3

DATE_RUN = regex.compile(r"D+")
SAME_RUN = re.compile(rb"\x01+")  # a run of letters equal to the one a period on (see _periodic)
LINK = regex.compile(r"(?:https?://|www\.)\S+")
NUMBER = regex.compile(r"[\d\s.,:+]+")


@dataclass(frozen=True, slots=True)
class Cards:
    """What :func:`find_cards` read: ``starts`` (positions that open a card), ``closes`` (position of a
    date line in a card -> does it close its card, the date printed under the headline), ``region``
    (position of every line in a run of cards -> the position its card starts at)."""

    starts: frozenset[int] = frozenset()
    closes: dict[int, bool] = field(default_factory=dict)
    region: dict[int, int] = field(default_factory=dict)


NO_CARDS = Cards()


def shape(text: str, dateline: bool, headline: bool = False) -> str:
    """The shape letter of one kept line (``dateline``: it is only a date or a time; ``headline``: it has
    the shape of a headline, ``H``, where other text is ``T``)."""
    if dateline:
        return "D"
    text = text.strip()
    first = text[:1]
    if first in "hw" and LINK.fullmatch(text):  # cheap tests first: most lines open otherwise
        return "U"
    if first.isdigit() and NUMBER.fullmatch(text):
        return "N"
    if " " not in text and len(text) <= MAX_LABEL_CHARS:
        return "W"
    return "H" if headline else "T"


def shape_string(texts: list[str], datelines: list[bool]) -> str:
    """The shapes of the kept lines, one letter each."""
    return "".join(shape(t, d) for t, d in zip(texts, datelines))


def line_cards(texts: list[str], datelines: list[bool], stamped: list[bool], sizes,
               removed: list[str] | None = None, headlines: list[bool] | None = None) -> Cards:
    """The cards of a page's kept lines, by line position. A line that is only a date or a time is a
    date line (``D``); a line that carries a date stamp (split off its head, or carried onto it from the
    date line above) shows its date first, so it reads as a date line and then its own shape.
    ``removed[n]``: the shapes of the lines removed as noise right before line ``n`` that a card is
    made of (its counters ``N``, its links ``U``): part of the card's shape though not of its text; an
    extra last entry holds those after the last line. ``sizes[n]``: the words of line ``n`` (a list, or
    :class:`~clean.families.items.card_weights.LineWords` to count them only where they are weighed).

    >>> cards = line_cards(["Заголовок один", "Текст.", "Заголовок два", "Текст.", "Заголовок три", "Текст."],
    ...                    [False] * 6, [True, False] * 3, [2, 1] * 3)
    >>> sorted(cards.starts), cards.region[5]
    ([0, 2, 4], 4)
    """
    symbols, owner, own = [], [], []  # own[k]: letter k is its line's shape (it weighs the line's words)
    headlines = headlines or [False] * len(texts)
    for n, (text, dateline, stamp) in enumerate(zip(texts, datelines, stamped)):
        ghosts = removed[n] if removed else ""
        if ghosts:  # most lines have no removed line before them
            symbols.extend(ghosts)
            owner.extend([n] * len(ghosts))
            own.extend([False] * len(ghosts))
        if stamp and not dateline:
            symbols.append("D")
            owner.append(n)
            own.append(False)
        symbols.append(shape(text, dateline, headlines[n]))
        owner.append(n)
        own.append(True)
    if removed and len(removed) > len(texts) and texts:  # what the last card ends with, after the last line
        symbols.extend(removed[-1])
        owner.extend([len(texts) - 1] * len(removed[-1]))
        own.extend([False] * len(removed[-1]))
    found = find_cards("".join(symbols), Weights(owner, own, sizes))  # the words read only where weighed
    if found is NO_CARDS:
        return found
    closes = {owner[k]: v for k, v in found.closes.items() if datelines[owner[k]]}
    region = {owner[k]: owner[first] for k, first in sorted(found.region.items())}
    return _labels_lead(Cards(frozenset(owner[k] for k in found.starts), closes, region), texts)


def _labels_lead(cards: Cards, texts: list[str]) -> Cards:
    """Cards whose start moved back over a label that ends the card before with a colon
    (``Published Date:`` over the date line): a label introduces the line after it.

    >>> _labels_lead(Cards(frozenset({2, 5}), {}, {0: 0, 1: 0, 2: 2, 3: 2, 4: 2, 5: 5}),
    ...              ["Заголовок", "Дата:", "1 мая", "Текст", "Дата:", "2 мая"]).starts
    frozenset({1, 4})
    """
    moves = {n: n - 1 for n in cards.starts if n and _label(texts[n - 1]) and cards.region.get(n - 1, n) != n - 1}
    if not moves:
        return cards
    starts = frozenset(moves.get(n, n) for n in cards.starts)
    region = {k: moves.get(first, first) for k, first in cards.region.items()}
    region.update((label, label) for label in moves.values())  # the label now opens its card
    return Cards(starts, cards.closes, region)


def _label(text: str) -> bool:
    """A short line ending in a colon: it names the line after it."""
    return text.endswith(":") and len(text.split()) <= MAX_LABEL_WORDS


def find_cards(symbols: str, sizes: list[int] | None = None) -> Cards:
    """The runs of cards in a page's shape string; ``sizes``: the words of each line (see module docstring).

    >>> sorted(find_cards("TDTTDTTDTTT", [2, 1, 9, 25, 1, 8, 30, 1, 9, 22, 3]).starts)  # a heading, cards
    [1, 4, 7]
    """
    groups = [(m.start(), m.end()) for m in DATE_RUN.finditer(symbols)]
    if len(groups) < MIN_CARDS:
        return NO_CARDS
    starts, closes, region = set(), {}, {}
    periods = Counter(b[0] - a[0] for a, b in zip(groups, groups[1:]) if b[0] - a[0] <= MAX_CARD_LINES)
    for period, count in periods.most_common(MAX_PERIODS):
        if count < MIN_CARDS - 1:
            break
        # a stretch too short for cards at whichever end its leftover lines are is not even read, nor weighed
        for a, b in _periodic(symbols, period, MIN_CARDS):
            extra = (b - a) % period
            if extra and sizes is not None:
                at_start = leftover_at_start(sizes, a, b, period, extra)
                a, b = (a + extra, b) if at_start else (a, b - extra) if at_start is False else (a, a)
            if (b - a) % period or (b - a) // period < MIN_CARDS or any(i in region for i in (a, b - 1)):
                continue
            card = symbols[a : a + period]
            text = min((k for k in (card.find("T"), card.find("H")) if k >= 0), default=-1)
            if text >= 0 and "D" in card:
                _add(symbols, range(a, b, period), b, card.index("D") > text, starts, closes, region)
    for run in _runs(groups):  # a run broken by periodic cards is still one list: its ends are read whole
        _anchored(symbols, run, starts, closes, region)
    return Cards(frozenset(starts), closes, region) if starts else NO_CARDS


def _add(symbols: str, firsts, stop: int, after: bool, starts: set, closes: dict, region: dict) -> None:
    """Cards opening at ``firsts`` (the last one ending before ``stop``), their date lines closing them
    when ``after``."""
    bounds = list(firsts) + [stop]
    for first, end in zip(bounds, bounds[1:]):
        lines = range(first, end)
        if not region.keys().isdisjoint(lines):
            continue  # already read as periodic cards
        starts.add(first)
        region.update(dict.fromkeys(lines, first))
        date = symbols.find("D", first, end)
        while date >= 0:
            closes[date] = after
            date = symbols.find("D", date + 1, end)


def _runs(groups: list[tuple[int, int]]):
    """The date groups in runs whose gaps are cards (1 to :data:`MAX_CARD_LINES` lines), of at least
    :data:`MIN_CARDS` groups."""
    run = groups[:1]
    for group in groups[1:]:
        if 1 <= group[0] - run[-1][1] <= MAX_CARD_LINES:
            run.append(group)
            continue
        if len(run) >= MIN_CARDS:
            yield run
        run = [group]
    if len(run) >= MIN_CARDS:
        yield run


def _anchored(symbols: str, run: list[tuple[int, int]], starts: set, closes: dict, region: dict) -> None:
    """Cards of different lengths between the date groups of ``run``: the side of the date is the side
    where the run's end looks like a card. Dates under their cards: the lines before the first date end
    as most cards end (``…WU``), and the lines after the last date do not open as most cards open.
    Dates over their cards: the other way round. Otherwise undecided, for the last :data:`ANCHOR_SHAPES`
    lines of the cards' ends, then for fewer."""
    after = date_side(symbols, run)
    if after:
        _add(symbols, [a[1] for a in run[:-1]], run[-1][1], True, starts, closes, region)
        for i in range(*run[0]):
            closes.setdefault(i, True)
    elif after is False:
        _add(symbols, [a[0] for a in run], run[-1][1], False, starts, closes, region)


def _periodic(symbols: str, period: int, cards: int = 1):
    """The maximal stretches ``[a, b)`` where every letter equals the one ``period`` letters on, of at
    least ``cards`` periods (``(b - a) // period >= cards``).

    Each is a run of positions ``k`` where ``symbols[k] == symbols[k + period]``
    (``[a, b - period)``), found in C: the comparisons as bytes, the runs of ones by a pattern, which
    takes only runs of ``(cards - 1) * period`` ones or more: a stretch is its run and a period more.

    >>> list(_periodic("TDTTDTTDX", 3)), list(_periodic("WTDWTDU", 3))
    ([(0, 8)], [(0, 6)])
    """
    same = bytes(map(eq, symbols, symbols[period:]))
    least = (cards - 1) * period
    runs = SAME_RUN if least <= 1 else _same_runs(least)
    for run in runs.finditer(same):
        yield run.start(), run.end() + period


@lru_cache(maxsize=64)
def _same_runs(least: int) -> re.Pattern:
    """Runs of at least ``least`` equal letters (ones) in the comparison bytes of :func:`_periodic`."""
    return re.compile(rb"\x01{%d,}" % least)
