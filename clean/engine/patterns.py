"""Compiled rule patterns: timed for the rules a user gives, plain for the shipped ones.

A user's pattern may backtrack for hours on one long line, so its every scan runs under what is left of
the rule's budget on the page (:class:`TimedPattern`, :mod:`clean.engine.budget`). The shipped patterns
are proven linear by ``tests/test_linear_patterns.py``, so they run without a per-call limit
(:class:`LinearPattern`); the page's budget is still checked between rules. Each carries its line-start
twin (:func:`clean.engine.line_scan.line_entry`) and literal prefilter (:func:`clean.engine.prefilter.literal_gate`).

>>> pattern = LinearPattern(regex.compile("^-{3,}$", regex.MULTILINE), "noise.separator")
>>> pattern.search("a\\n-----\\nb").group(0)
'-----'
"""

from __future__ import annotations

from time import perf_counter

import regex

from clean.engine.budget import allowance, charge


class _Compiled:
    """What both kinds of pattern give of the compiled pattern they wrap (``compiled``)."""

    __slots__ = ()

    @property
    def groupindex(self):
        return self.compiled.groupindex

    @property
    def pattern(self) -> str:
        return self.compiled.pattern


class TimedPattern(_Compiled):
    """A compiled rule pattern whose scans share the rule's time budget on a page (:mod:`clean.engine.budget`).

    ``entry`` is its line-start twin (:func:`clean.engine.line_scan.line_entry`) and
    ``gate`` its literal prefilter (:func:`clean.engine.prefilter.literal_gate`), each
    None when the pattern has none. A pattern written with nested repeats (``(a+)+$``) can backtrack for hours
    on one long line; every call gets as timeout what is left of the rule's
    :data:`~clean.engine.budget.PATTERN_TIMEOUT` on this page (and of the page's budget), so the
    rule raises ``TimeoutError`` once it has spent it in all, and the stage
    records the rule as failed on that page (see
    :func:`clean.engine.kinds.apply_stage_rules`). Only the methods the kinds use.
    """

    __slots__ = ("compiled", "entry", "gate", "rule")

    def __init__(self, compiled: regex.Pattern, rule: str = ""):
        from clean.engine.line_scan import line_entry
        from clean.engine.prefilter import literal_gate

        self.compiled, self.rule = compiled, rule
        twin = line_entry(compiled)
        self.entry = None if twin is None else _TimedTwin(twin, rule)
        self.gate = literal_gate(compiled)

    def search(self, string: str, pos: int = 0):
        return _timed(self.rule, self.compiled.search, string, pos)

    def match(self, string: str, pos: int = 0):
        return _timed(self.rule, self.compiled.match, string, pos)

    def finditer(self, string: str, pos: int = 0):
        return _timed_matches(self.rule, self.compiled.finditer(string, pos, timeout=allowance(self.rule)))

    def sub(self, repl, string: str, count: int = 0) -> str:
        return _timed(self.rule, self.compiled.sub, repl, string, count)


def _timed(rule: str, method, *args):
    """``method(*args)`` with what is left of ``rule``'s budget as its timeout, its time charged to it."""
    limit = allowance(rule)
    started = perf_counter()
    try:
        return method(*args, timeout=limit)
    finally:
        charge(rule, perf_counter() - started)


def _timed_matches(rule: str, matches):
    """The matches of a ``finditer``, each step charged to ``rule``: its budget holds over all of them."""
    while True:
        started = perf_counter()
        try:
            found = next(matches, None)
        finally:
            charge(rule, perf_counter() - started)
        if found is None:
            return
        yield found
        allowance(rule)  # TimeoutError once the rule's time on this page is spent


class LinearPattern(_Compiled):
    """A compiled rule pattern proven linear (a shipped one): the methods of :class:`TimedPattern` with no time
    limit per call and nothing charged to the rule's budget, so a call costs what the regex engine costs.

    >>> from clean.catalog import shipped_rules
    >>> type(shipped_rules().patterns["noise.separator"]).__name__
    'LinearPattern'
    """

    __slots__ = ("compiled", "entry", "gate", "rule", "search", "match", "finditer", "sub")

    def __init__(self, compiled: regex.Pattern, rule: str = ""):
        from clean.engine.line_scan import line_entry
        from clean.engine.prefilter import literal_gate

        self.compiled, self.rule = compiled, rule
        self.entry = line_entry(compiled)
        self.gate = literal_gate(compiled)
        self.search, self.match, self.finditer, self.sub = compiled.search, compiled.match, compiled.finditer, compiled.sub

    def __reduce__(self):  # bound methods of a compiled pattern do not pickle: rebuild from the pattern
        return LinearPattern, (self.compiled, self.rule)


class _TimedTwin:
    """The line-start twin of a :class:`TimedPattern` (see :func:`clean.engine.line_scan.line_entry`), timed the same."""

    __slots__ = ("compiled", "rule")

    def __init__(self, compiled: regex.Pattern, rule: str = ""):
        self.compiled, self.rule = compiled, rule

    def search(self, string: str, pos: int = 0):
        return _timed(self.rule, self.compiled.search, string, pos)
