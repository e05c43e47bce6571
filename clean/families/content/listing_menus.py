"""The site's menu on a listing page: above the cards (the header) and printed again among them (a footer).

A site prints its navigation menu (its rubrics, a language switch, 'Archive') at the top of every page,
and again in its footer. On a listing scraped whole, the menu is a run of short lines (at most
:data:`MENU_WORDS` words, no digits alone) of which at least :data:`MENU_RUN` are printed elsewhere on
the page too. Two things follow from it, without a word of any language:

- *the header*: the first menu run, when at most :data:`MAX_CARDS_ABOVE` cards lie above it, is the
  top of the template; a card above it (the visit's date beside a 'Weather' link) is no card, and a
  headline-like line above it (a login message, a slogan) is no story;
- *footers*: a later run that repeats :data:`MENU_RUN` lines of the header menu, with a copyright line
  (``©``, or a line a chrome rule took as one) under it before the next dated card, is the page's
  footer, printed wherever the site's layout puts it: after the last card, or between the cards and a
  feed printed after the footer. It runs from the menu to the next dated card (or to the page's end).

The copyright line is the guard: a menu of rubrics printed again in the middle of a page (a second
navigation bar) with no copyright under it is left alone, and so are the cards under it.

>>> from clean.catalog import shipped_rules
>>> from clean.families.content.line_features import describe
>>> menu = ["Home", "World", "Sport", "Arts", "Archive"]
>>> cards = [x for n in range(1, 8) for x in (f"{n} May 2021", f"Headline number {n} about the harbour")]
>>> lines = ["Harbour news", "Please confirm your address", *menu, *cards, *menu, "© Harbour news", "Contact us"]
>>> infos = describe(lines, shipped_rules())
>>> runs = menu_runs(infos)
>>> header_menu(infos, [k for k in range(len(infos)) if infos[k].headline_like and infos[k - 1].cls == "stamp"], runs)
(2, 6)
>>> footers(infos, (2, 6), {len(lines) - 2}, runs, dates_under(infos))
[(21, 27)]
"""

from __future__ import annotations

from itertools import groupby

from clean.families.content.line_features import SHORT, STAMP, LineInfo

MENU_RUN = 4  # lines of a run printed elsewhere too that make it the site's menu
MENU_WORDS = 3  # a menu item has at most this many words ('For the displaced', 'Archive')
MAX_CARDS_ABOVE = 1  # cards above the header menu that are the header's (a date beside a link)


def menu_runs(infos: list[LineInfo]) -> list[tuple[int, int]]:
    """Runs of short lines of one to :data:`MENU_WORDS` words, as (first, last), in which at least
    :data:`MENU_RUN` lines are printed elsewhere on the page too."""
    item = [info.cls == SHORT and 0 < info.words <= MENU_WORDS for info in infos]
    runs = []
    for a, b in true_runs(item, MENU_RUN):
        if sum(infos[k].copies > 1 for k in range(a, b + 1)) >= MENU_RUN:
            runs.append((a, b))
    return runs


def true_runs(flags: list[bool], shortest: int) -> list[tuple[int, int]]:
    """The runs of at least ``shortest`` true ``flags``, as (first, last).

    >>> true_runs([True, True, False, True, True, True], 2)
    [(0, 1), (3, 5)]
    """
    runs, k = [], 0
    for flag, group in groupby(flags):
        size = sum(1 for _ in group)
        if flag and size >= shortest:
            runs.append((k, k + size - 1))
        k += size
    return runs


def header_menu(infos: list[LineInfo], cards: list[int], runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first of the menu ``runs``, when at most :data:`MAX_CARDS_ABOVE` of ``cards`` lie above its end."""
    if not runs or sum(k <= runs[0][1] for k in cards) > MAX_CARDS_ABOVE:
        return None
    return runs[0]


def footers(infos: list[LineInfo], header: tuple[int, int] | None, copyright: set[int],
            runs: list[tuple[int, int]], under: bool) -> list[tuple[int, int]]:
    """The footers among and after the cards, as (first, last) positions: a menu run (of ``runs``) below ``header``
    repeating :data:`MENU_RUN` of its lines, to the line before the next dated card or the page's end,
    when a position in ``copyright`` (a line with the copyright sign, or one a chrome rule took as the
    copyright line just before it) lies between the run and that end (``under``: :func:`dates_under`)."""
    if header is None:
        return []
    items = {infos[k].folded for k in range(header[0], header[1] + 1)}
    found = []
    for a, b in runs:
        if a <= header[1] or (found and a <= found[-1][1]):
            continue
        if sum(infos[k].folded in items for k in range(a, b + 1)) < MENU_RUN:
            continue
        end = _next_card(infos, b + 1, under) - 1
        if any(a <= k <= end for k in copyright):
            found.append((a, end))
    return found


def _next_card(infos: list[LineInfo], start: int, under: bool) -> int:
    """The first line of the next dated card from ``start``: its date line, or the headline right above
    the date line when the page prints its dates under the headlines (``under``)."""
    for k in range(start, len(infos)):
        if infos[k].cls == STAMP:
            return k - 1 if under and k - 1 >= start and infos[k - 1].headline_like else k
    return len(infos)


def dates_under(infos: list[LineInfo]) -> bool:
    """Whether more of the page's date lines sit right under a headline-like line than right over one."""
    over = under = 0
    for k, info in enumerate(infos):
        if info.cls == STAMP:
            under += k > 0 and infos[k - 1].headline_like
            over += k + 1 < len(infos) and infos[k + 1].headline_like
    return under > over
