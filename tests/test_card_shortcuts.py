"""The shortcuts of :func:`~clean.families.items.cards.find_cards` find the cards the plain reading finds.

``_periodic`` compares the letters in C, and a stretch too short for
:data:`~clean.families.items.cards.MIN_CARDS` cards is dropped before its leftover
ends are weighed; here both are checked against the plain loops they replace, on
generated shape strings with and without line sizes.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clean.families.items import card_ends, cards


def _periodic_loop(symbols: str, period: int):
    """The plain reading: walk the letters, one comparison at a time."""
    n, i = len(symbols), 0
    while i + period < n:
        if symbols[i] != symbols[i + period]:
            i += 1
            continue
        j = i
        while j + period < n and symbols[j] == symbols[j + period]:
            j += 1
        yield i, j + period
        i = j + 1


SHAPES = st.text(alphabet="TDHWUN", max_size=40)


@settings(max_examples=400, deadline=None)
@given(SHAPES, st.integers(min_value=1, max_value=12))
def test_periodic_equals_the_loop(symbols, period):
    assert list(cards._periodic(symbols, period)) == list(_periodic_loop(symbols, period))


CARD = st.text(alphabet="TDHWU", min_size=1, max_size=6).map(lambda card: card if "D" in card else card + "D")
LISTING = st.tuples(SHAPES.map(lambda s: s[:6]), CARD, st.integers(min_value=1, max_value=6), SHAPES.map(lambda s: s[:6]),
                    st.integers(min_value=0, max_value=2**31)).map(lambda t: t[0] + t[1] * t[2] + t[3])


@settings(max_examples=400, deadline=None)
@given(st.one_of(SHAPES, LISTING), st.randoms(use_true_random=False))
def test_short_stretches_are_not_weighed_and_change_nothing(symbols, random):
    sizes = [random.choice([1, 2, 3, 8, 15, 25, 40]) for _ in symbols]
    weighed = []
    original = card_ends.leftover_at_start

    def counting(sizes, a, b, period, extra):
        weighed.append((b - a) // period)
        return original(sizes, a, b, period, extra)

    cards.leftover_at_start = counting
    try:
        found = cards.find_cards(symbols, sizes)
    finally:
        cards.leftover_at_start = original
    assert all(n >= cards.MIN_CARDS for n in weighed)
    assert found == _find_cards_weighing_all(symbols, sizes)


def _find_cards_weighing_all(symbols: str, sizes: list[int]):
    """find_cards with every stretch's leftover ends weighed, the short ones too (the plain reading)."""
    from collections import Counter

    groups = [(m.start(), m.end()) for m in cards.DATE_RUN.finditer(symbols)]
    if len(groups) < cards.MIN_CARDS:
        return cards.NO_CARDS
    starts, closes, region = set(), {}, {}
    periods = Counter(b[0] - a[0] for a, b in zip(groups, groups[1:]) if b[0] - a[0] <= cards.MAX_CARD_LINES)
    for period, count in periods.most_common(cards.MAX_PERIODS):
        if count < cards.MIN_CARDS - 1:
            break
        for a, b in _periodic_loop(symbols, period):
            extra = (b - a) % period
            if extra:
                at_start = card_ends.leftover_at_start(sizes, a, b, period, extra)
                a, b = (a + extra, b) if at_start else (a, b - extra) if at_start is False else (a, a)
            if (b - a) % period or (b - a) // period < cards.MIN_CARDS or any(i in region for i in (a, b - 1)):
                continue
            card = symbols[a : a + period]
            text = min((k for k in (card.find("T"), card.find("H")) if k >= 0), default=-1)
            if text >= 0 and "D" in card:
                cards._add(symbols, range(a, b, period), b, card.index("D") > text, starts, closes, region)
    for run in cards._runs(groups):
        cards._anchored(symbols, run, starts, closes, region)
    return cards.Cards(frozenset(starts), closes, region) if starts else cards.NO_CARDS
