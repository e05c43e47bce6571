"""Where a rule pattern matches in a page, found with as little scanning as possible.

:func:`spans` gives exactly what ``pattern.finditer(page)`` gives (start and
end of each match), for a page whose lines are joined with ``\\n``. For most
patterns it is one C-level scan. A pattern whose every match must begin at a
line start (MULTILINE, and every top-level alternative opens with ``^``; see
:func:`line_anchored`) is different: the regex engine does not skip ahead to
line starts by itself, and a case-insensitive pattern of many words tried at
every character is slow. For such a pattern :func:`line_entry` compiles a twin
in which each top-level ``^`` is a literal ``\\n``; the engine finds that
character by a fast scan and tries the rest of the pattern only there. The
first line, which no ``\\n`` precedes, is tried with the pattern itself.

>>> import regex
>>> pattern = regex.compile(r"(?xi) ^ \\s* (?: Теги | Tags ) :", regex.MULTILINE)
>>> line_anchored(pattern), spans(pattern, "Текст.\\nТеги: мир\\nТеги нет", [0, 7, 17])
(True, [(7, 12)])
"""

from __future__ import annotations

from functools import lru_cache

import regex

FLAG_GROUP = regex.compile(r"\(\?[a-zA-Z]+\)")


def spans(pattern, page: str, offsets) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of ``pattern`` in ``page`` (lines starting at ``offsets``), in order."""
    entry = getattr(pattern, "entry", None)
    if entry is not None:
        found = _at_line_starts(pattern, entry, page)
        if found is not None:
            return found
    elif line_anchored(pattern):
        found = _at_each_offset(pattern, page, offsets)
        if found is not None:
            return found
    first = pattern.search(page)
    if first is None:
        return []  # the common case: one C-level scan, no per-line work
    return [m.span() for m in pattern.finditer(page, first.start())]


def _at_line_starts(pattern, entry, page: str) -> list[tuple[int, int]] | None:
    """What ``finditer`` finds for a line-anchored ``pattern``, found with its ``entry`` twin
    (see :func:`line_entry`); None if a match is empty (then ``finditer``'s own rules apply)."""
    found = []
    m = pattern.match(page, 0)
    if m is not None:
        if m.end() == 0:
            return None
        found.append(m.span())
    end = found[-1][1] if found else 0
    while True:
        m = entry.search(page, max(end - 1, 0))  # a line start at or after ``end`` has its \n at end - 1 or later
        if m is None:
            return found
        start = m.start() + 1
        if m.end() == start:
            return None
        found.append((start, m.end()))
        end = m.end()


def line_entry(compiled):
    """The twin of a line-anchored compiled pattern with each top-level ``^`` made a literal ``\\n``, or None.

    ``twin.search(page, pos)`` at ``p`` matches exactly when the pattern matches at
    the line start ``p + 1``, to the same end: the rest of the pattern is the same,
    and a lookbehind in it sees the same ``\\n``.

    >>> twin = line_entry(regex.compile(r"(?i)^a+|^b", regex.MULTILINE))
    >>> print(twin.pattern, twin.search("xa\\naa").span())
    (?i)\\na+|\\nb (2, 5)
    """
    text, flags = compiled.pattern, int(compiled.flags)
    carets = _anchor_positions(text, flags)
    if carets is None:
        return None
    for i in reversed(carets):
        text = text[:i] + "\\n" + text[i + 1 :]
    return regex.compile(text, flags)


def _at_each_offset(pattern, page: str, offsets) -> list[tuple[int, int]] | None:
    """Matches tried at each line start from the end of the last match (what ``finditer`` finds for a
    line-anchored pattern); None if one is empty (then ``finditer``'s own rules apply)."""
    found, end = [], 0
    for start in offsets:
        if start < end:
            continue
        m = pattern.match(page, start)
        if m is None:
            continue
        if m.end() == m.start():
            return None
        found.append(m.span())
        end = m.end()
    return found


def line_anchored(pattern) -> bool:
    """True when every match of ``pattern`` starts at a line start: MULTILINE, each top-level alternative ``^``."""
    compiled = getattr(pattern, "compiled", pattern)
    return _anchored_text(compiled.pattern, int(compiled.flags))


@lru_cache(maxsize=1024)
def _anchored_text(text: str, flags: int) -> bool:
    return _anchor_positions(text, flags) is not None


def _anchor_positions(text: str, flags: int) -> list[int] | None:
    """Positions of the ``^`` opening each top-level alternative, or None if one does not open with ``^``."""
    if not flags & regex.MULTILINE:
        return None
    verbose = bool(flags & regex.VERBOSE)
    starts = [0] + [bar + 1 for bar in _top_level_bars(text, verbose)]
    carets = []
    for start in starts:
        i = _skip_flags_and_space(text, start, verbose)
        if i >= len(text) or text[i] != "^":
            return None
        carets.append(i)
    return carets


def _skip_flags_and_space(text: str, i: int, verbose: bool) -> int:
    while i < len(text):
        m = FLAG_GROUP.match(text, i)
        if m:
            i = m.end()
        elif verbose and text[i].isspace():
            i += 1
        elif verbose and text[i] == "#":
            i = _line_end(text, i)
        else:
            break
    return i


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _top_level_bars(text: str, verbose: bool) -> list[int]:
    """Positions of the ``|`` outside every group, class, escape and comment."""
    bars, depth, i = [], 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(text, i)
            continue
        if verbose and ch == "#":
            i = _line_end(text, i)
            continue
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            bars.append(i)
        i += 1
    return bars


def _class_end(text: str, i: int) -> int:
    """The index after the character class opening at ``i`` (``]`` first in the class is literal)."""
    i += 1
    if i < len(text) and text[i] == "^":
        i += 1
    if i < len(text) and text[i] == "]":
        i += 1
    while i < len(text) and text[i] != "]":
        i += 2 if text[i] == "\\" else 1
    return i + 1
