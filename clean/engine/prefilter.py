"""A literal prefilter for a rule pattern: strings one of which every match must contain.

A page where none of them occurs cannot match, so the rule is skipped for
the cost of a few ``str in str`` tests (C-level, about 0.1 µs for one absent
character and 1 ns per character for a longer string) instead of a regex scan
(15-20 ns per character for a character class over Cyrillic text in the
``regex`` engine). This is the idea behind the literal prefilters of RE2 and
Hyperscan, done for the shapes rule patterns have: literal words,
alternations, small character classes, repeats and line anchors.

The pattern is read with Python's own regex parser (CPython's private
``re._parser``, tested on 3.11-3.13; where a Python lacks it, no rule gets a
prefilter and a warning says so: every rule is scanned, slower, same output). A pattern it cannot
read, or one written in syntax the two engines may read differently (POSIX classes,
fuzzy matching, ``\\p{..}``), gets no prefilter and is always scanned. Under
case-insensitive matching only characters without case are used. ``^`` and
``$`` stand for the line end next to them: the text tested is the page with a
line end added at both ends.

>>> gate = literal_gate(regex.compile(r"[ \\t]*\\t[ \\t]*| {2,}"))
>>> sorted(gate.needles), gate.admits("one  two"), gate.admits("one two")
(['\\t', '  '], True, False)
>>> literal_gate(regex.compile(r"\\p{L}+")) is None
True
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from itertools import product

import regex

from clean.engine.literal_gates import LiteralGate

try:
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # a Python whose private parser moved: no prefilters (the slow path, same output)
    sre = sre_parse = None
    warnings.warn("clean: this Python has no re._parser; rule prefilters are off, so cleaning is slower",
                  RuntimeWarning, stacklevel=2)

MAX_NEEDLES = 24  # more alternatives than this cost more than the scan they would save
MAX_CLASS = 24  # a character class larger than this is not expanded
MAX_COST = 16.0  # estimated µs per 5 KB page a gate may cost (an absent character ~0.1, a string ~3)
UNSAFE_SYNTAX = regex.compile(r"\[\[|\[:|\\[pPmMXGKLN]|\(\?[|&R0-9]|\(\?P>|\(\?V|\(\?\(|\(\?[a-zA-Z]*[rfwbep]")
QUANTIFIER = re.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")
BEGINS = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING) if sre else ()
ENDS = (sre.AT_END, sre.AT_END_STRING) if sre else ()


def literal_gate(compiled) -> LiteralGate | None:
    """The prefilter for a compiled pattern, or None when no cheap one can be proved."""
    text, flags = compiled.pattern, int(compiled.flags)
    if sre_parse is None:
        return None
    if flags & (regex.V1 | regex.FULLCASE) or not _plain_syntax(text):
        return None  # full case folding matches across characters (İ ~ i + U+0307): not what Python's parser reads
    py_flags = flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
    try:
        parsed = sre_parse.parse(text, py_flags)
    except (re.error, OverflowError, RecursionError):
        return None
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    needles = _required(list(parsed), ignore_case)
    if not needles or "" in needles or "\n" in needles or _cost(needles) > MAX_COST:
        return None  # "\n" is in every padded page: such a gate would let everything through
    whole = _exact_seq(list(parsed), ignore_case)
    exact = whole == needles and not any("\n" in n for n in needles)
    return LiteralGate(frozenset(needles), exact)


def _plain_syntax(text: str) -> bool:
    """False for syntax the ``regex`` engine reads differently from Python's parser."""
    if UNSAFE_SYNTAX.search(text):
        return False
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "{" and not QUANTIFIER.match(text, i):
            return False  # fuzzy matching or another brace form
        i += 1
    return True


def _cost(needles) -> float:
    return sum(0.1 if len(n) == 1 else 3.0 for n in needles)


def _required(items: list, ic: bool) -> set[str] | None:
    """Strings one of which every match of the sequence ``items`` contains, or None.

    ``run`` is the fixed text matched so far by consecutive fixed items; a
    repeat of a fixed item adds its fixed start to the run and begins the next
    run with its fixed end. ``^`` begins a run with the line end before it and
    ``$`` ends one with the line end after it.
    """
    best, run = None, {""}
    for op, av in items:
        if op is sre.AT and av in BEGINS:
            best, run = _better(best, run), {"\n"}
            continue
        if op is sre.AT and av in ENDS:
            best, run = _better(best, _concat(run, {"\n"})), {""}
            continue
        exact = {""} if op is sre.AT else _exact(op, av, ic)
        joined = None if exact is None else _concat(run, exact)
        if joined is not None:
            run = joined
            continue
        if exact is not None:
            best, run = _better(best, run), exact
            continue
        floor = _repeat_floor(op, av, ic)
        best = _better(best, _concat(run, floor) if floor else run)
        best = _better(best, _inner(op, av, ic))
        run = floor or {""}
    return _better(best, run)


def _repeat_floor(op, av, ic: bool) -> set[str] | None:
    """For ``X{m,n}`` with a fixed X and m >= 1: X repeated m times, which every match starts and ends with."""
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) or av[0] < 1:
        return None
    one = _exact_seq(list(av[2]), ic)
    return None if one is None else _power(one, min(av[0], 4))


def _inner(op, av, ic: bool) -> set[str] | None:
    """What an item that is not a fixed string still requires."""
    if op is sre.SUBPATTERN:
        return _required(list(av[3]), _scoped(av, ic))
    if op is sre.ATOMIC_GROUP:
        return _required(list(av), ic)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(list(av[2]), ic)
    if op is sre.BRANCH:
        return _union(av[1], _required, ic)
    return None


def _exact(op, av, ic: bool) -> set[str] | None:
    """The strings an item matches, when they are few and fixed; None otherwise."""
    if op is sre.LITERAL:
        return {chr(av)} if _caseless(chr(av), ic) else None
    if op is sre.IN:
        return _class(av, ic)
    if op is sre.SUBPATTERN:
        return _exact_seq(list(av[3]), _scoped(av, ic))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] == av[1] and 1 <= av[0] <= 4:
        one = _exact_seq(list(av[2]), ic)
        return None if one is None else _power(one, av[0])
    if op is sre.BRANCH:
        return _union(av[1], _exact_seq, ic)
    return None


def _union(branches, of, ic: bool) -> set[str] | None:
    """``of`` each branch of an alternation, united; None if one branch has none or there are too many."""
    found: set[str] = set()
    for branch in branches:
        sub = of(list(branch), ic)
        if sub is None:
            return None
        found |= sub
    return found if len(found) <= MAX_NEEDLES else None


def _exact_seq(items: list, ic: bool) -> set[str] | None:
    run = {""}
    for op, av in items:
        if op is sre.AT:
            return None
        sub = _exact(op, av, ic)
        run = None if sub is None else _concat(run, sub)
        if run is None:
            return None
    return run


def _class(av, ic: bool) -> set[str] | None:
    chars: set[str] = set()
    for op, value in av:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    if len(chars) > MAX_CLASS or not all(_caseless(c, ic) for c in chars):
        return None
    return chars


def _caseless(ch: str, ic: bool) -> bool:
    """True if ``ch`` matches only itself: always without IGNORECASE, else only for a character without case."""
    return not ic or (not ch.isalpha() and not unicodedata.category(ch).startswith("M")
                      and ch.lower() == ch == ch.upper() == ch.casefold())


def _scoped(av, ic: bool) -> bool:
    add, remove = av[1], av[2]
    return (ic or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE


def _concat(left: set[str], right: set[str]) -> set[str] | None:
    joined = {a + b for a, b in product(left, right)}
    return joined if len(joined) <= MAX_NEEDLES else None


def _power(one: set[str], n: int) -> set[str] | None:
    run: set[str] | None = {""}
    for _ in range(n):
        run = _concat(run, one) if run is not None else None
    return run


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two requirements: longer shortest string, then fewer strings, then cheaper."""
    candidates = [s for s in (a, b) if s and "" not in s and len(s) <= MAX_NEEDLES]
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -_cost(s)))
