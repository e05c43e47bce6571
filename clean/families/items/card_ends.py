"""How a run of cards of different lengths tells its ends: which side of the headline its dates are on,
and at which end the lines left over from the period are.

>>> date_side("TTDTTTDTTD", [(2, 3), (6, 7), (9, 10)])  # each date closes the card before it
True
"""

from __future__ import annotations

from math import log

MIN_SIZE_MARGIN = 0.3  # how much less like the cards one leftover end must be than the other (log of words)
ANCHOR_SHAPES = 2  # how many lines at each end of a card of varying length are compared
MIN_ANCHOR_SHARE = 1.5  # those lines must be the same in at least 2 of 3 cards


def date_side(symbols: str, run: list[tuple[int, int]]) -> bool | None:
    """Do the date groups of ``run`` close the cards before them (True), open the cards after them
    (False), or can the ends of the run not tell (None)?"""
    gaps = [symbols[a[1] : b[0]] for a, b in zip(run, run[1:])]
    for size in range(min(ANCHOR_SHAPES, min(map(len, gaps))), 0, -1):
        opening, opens = _most_common([g[:size] for g in gaps])
        ending, ends = _most_common([g[-size:] for g in gaps])
        if min(opens, ends) * MIN_ANCHOR_SHARE < len(gaps):
            continue
        lead_ends = symbols[max(0, run[0][0] - size) : run[0][0]] == ending
        tail_opens = symbols[run[-1][1] : run[-1][1] + size] == opening
        if lead_ends != tail_opens:
            return lead_ends
    return None


def _most_common(values: list[str]) -> tuple[str, int]:
    """The most common of ``values`` (the first seen among equals) and how often it comes."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    best = max(counts, key=counts.__getitem__)
    return best, counts[best]


def leftover_at_start(sizes: list[int], a: int, b: int, period: int, extra: int) -> bool | None:
    """Are the ``extra`` lines left over in ``[a, b)`` at its start (True) or its end (False), or can the
    sizes not tell (None)? The leftover end is the one less like the cards' lines at the same places."""
    head = _unlike(sizes, range(a, a + extra), lambda i: sizes[i + period : b : period])
    tail = _unlike(sizes, range(b - extra, b), lambda i: sizes[a + (i - a) % period : i : period])
    if abs(head - tail) < MIN_SIZE_MARGIN:
        return None
    return head > tail


def _unlike(sizes: list[int], lines: range, column) -> float:
    """How unlike the lines at the same place in the cards (``column(i)``) the lines ``lines`` are:
    the mean distance of their word counts from the column's median, on a log scale."""
    total = 0.0
    for i in lines:
        values = sorted(column(i))
        median = values[len(values) // 2] if values else 0
        total += abs(log((sizes[i] + 1) / (median + 1)))
    return total / len(lines)
