"""Time budgets: how long one rule, and one page, may take, over all their pattern calls.

A time limit per regex call is not a bound: a rule whose pattern is slow on
each of many lines, or a ``finditer`` over many matches, starts the limit
again at every call. So a page being cleaned carries a :class:`PageClock`
(started by :func:`page_clock` in :func:`clean.pipeline.clean_document`):
every call of a rule pattern (:class:`clean.engine.patterns.TimedPattern`) gets as
its timeout what is left of its rule's budget on this page
(:data:`PATTERN_TIMEOUT`, 5 s) and of the page's
(:data:`PAGE_BUDGET`, 30 s), and its time is charged to both. A rule past its
budget raises ``TimeoutError`` (the stage records an error naming the rule and
page and goes on without it, see :func:`clean.engine.kinds.apply_stage_rules`); a page
past its budget keeps what was done and skips the rules left, with one error.

A rule that runs out of time on :data:`SWITCH_OFF_AFTER` pages is switched off
for the rest of the run (in that process), with one error naming it
(:func:`timed_out`): a pattern that always backtracks costs seconds, not a
page's worth of seconds on every page.

The clock is kept per thread, so one pipeline used from several threads keeps
one clock per page.

>>> with page_clock():
...     allowance("r") <= PAGE_BUDGET
True
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from contextlib import contextmanager

PATTERN_TIMEOUT = 5.0  # seconds one rule's pattern may spend on one page, over all its calls
PAGE_BUDGET = 30.0  # seconds of rule patterns one page may take in all
GROWTH_FACTOR, GROWTH_SLACK = 2, 10_000  # a page's text may grow to 2 x its size + 10,000 characters, no more
SWITCH_OFF_AFTER = 3  # pages a rule may run out of time on before it is switched off for the run

_local = threading.local()


class PageClock:
    """Time spent on one page: since it started, and by each rule."""

    __slots__ = ("started", "spent", "reported", "size")

    def __init__(self, size: int | None = None):
        self.size = size  # characters of the page's text when it started (what growth is measured against)
        self.started = time.perf_counter()
        self.spent: Counter = Counter()
        self.reported = False  # the page's budget running out was recorded once

    def page_left(self) -> float:
        return PAGE_BUDGET - (time.perf_counter() - self.started)


class GrowthError(Exception):
    """A rule would make the page's text grow past :func:`growth_limit`."""


def growth_limit(size: int) -> int:
    """The most characters a page of ``size`` characters may hold after any rule (``replace`` and ``join``
    make text; a rule that would pass this is an error on that page, see :func:`clean.engine.kinds.apply_kind`)."""
    return GROWTH_FACTOR * size + GROWTH_SLACK


def page_size(current: int) -> int:
    """The size of the page being cleaned when it started, or ``current`` outside a clock."""
    clock = getattr(_local, "clock", None)
    return current if clock is None or clock.size is None else clock.size


@contextmanager
def page_clock(size: int | None = None):
    """Time the page cleaned inside this block (nested blocks keep the outer clock); ``size`` is its length."""
    outer = getattr(_local, "clock", None)
    if outer is None:
        _local.clock = PageClock(size)
    try:
        yield _local.clock
    finally:
        if outer is None:
            _local.clock = None


def current() -> PageClock | None:
    """The clock of the page being cleaned in this thread, or None outside one."""
    return getattr(_local, "clock", None)


def allowance(rule: str) -> float:
    """The timeout for the next pattern call of ``rule``; ``TimeoutError`` when nothing is left."""
    clock = getattr(_local, "clock", None)
    if clock is None:
        return PATTERN_TIMEOUT
    left = min(PATTERN_TIMEOUT - clock.spent[rule], clock.page_left())
    if left <= 0:
        raise TimeoutError(f"rule {rule} is out of time on this page")
    return left


def charge(rule: str, seconds: float) -> None:
    """Charge ``seconds`` of pattern time to ``rule`` on the page being cleaned."""
    clock = getattr(_local, "clock", None)
    if clock is not None:
        clock.spent[rule] += seconds


def timed_out(cache: dict, rule: str) -> bool:
    """Count a page ``rule`` ran out of time on (in a rule set's per-process ``cache``); True when that
    switches it off for the rest of the run."""
    counts = cache.setdefault("timed-out pages", Counter())
    counts[rule] += 1
    return counts[rule] == SWITCH_OFF_AFTER


def switched_off_counts(cache: dict) -> Counter | None:
    """The counts of pages each rule ran out of time on (in a rule set's per-process ``cache``), or None
    while no rule has: then no rule is switched off, and the stage does not ask rule by rule."""
    return cache.get("timed-out pages")


def switched_off(cache: dict, rule: str) -> bool:
    """True when ``rule`` ran out of time on enough pages to be switched off for the rest of the run."""
    counts = cache.get("timed-out pages")
    return counts is not None and counts[rule] >= SWITCH_OFF_AFTER
