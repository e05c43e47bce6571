"""The gate a page is tested against before a rule's pattern scans it: strings one of which every match
contains (found by :func:`clean.engine.prefilter.literal_gate`), looked for in the page as the line ends
around it would show them.

>>> gate = LiteralGate(frozenset({"\\t", "  "}))
>>> gate.admits("one  two"), gate.admits("one two")
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex


@dataclass(frozen=True, slots=True)
class LiteralGate:
    """``admits(text)`` is False only when no match of the pattern can be in ``text``."""

    needles: frozenset[str]
    exact: bool = False  # every match is one of the needles, none holds a line end
    inner: tuple[str, ...] = field(init=False, compare=False, repr=False)  # one-character needles
    searches: tuple = field(init=False, compare=False, repr=False)  # (search, needle) for the longer ones

    def __post_init__(self) -> None:
        # "\n" alone is in every padded page: such a gate (literal_gate never makes one) lets everything through
        object.__setattr__(self, "inner", ("",) if "\n" in self.needles else tuple(sorted(n for n in self.needles
                                                                                          if len(n) == 1)))
        # a needle of two characters is found faster by the regex engine's literal search ('  ', '\n ': 1-2 µs a
        # page, against 3 for str.__contains__); a longer one by str.__contains__
        object.__setattr__(self, "searches", tuple(
            (regex.compile(regex.escape(n)).search if len(n) == 2 else _finder(n), n) for n in sorted(self.needles)
            if len(n) > 1))

    def __reduce__(self):  # the bound searches do not pickle: rebuild them from the needles
        return LiteralGate, (self.needles, self.exact)

    def admits(self, text: str) -> bool:
        """Is a needle in ``text`` padded with a line end at each end? The padded page is never built: a needle
        is in it when it is in ``text``, or runs into the line end before ``text`` (``"\\n "``: ``text`` opens
        with its rest) or the one after it, or both.

        >>> gate = LiteralGate(frozenset({"\\n ", " \\n", "\\n-\\n"}))
        >>> [gate.admits(t) for t in (" a", "a ", "a \\nb", "a\\n b", "-", "a-", "ab")]
        [True, True, True, True, True, False, False]
        """
        if any(map(text.__contains__, self.inner)):  # C-level: no generator, no copy of the page
            return True
        for search, needle in self.searches:
            if search(text) is not None:
                return True
            opens, closes = needle[0] == "\n", needle[-1] == "\n"
            if opens and closes:
                if needle[1:-1] == text or text.startswith(needle[1:]) or text.endswith(needle[:-1]):
                    return True
            elif opens and text.startswith(needle[1:]) or closes and text.endswith(needle[:-1]):
                return True
        return False

    def positions(self, text: str) -> list[int]:
        """Where the needles occur in ``text``, for an ``exact`` gate: the lines holding one are the lines a
        scan with the pattern would touch."""
        found = []
        for needle in self.needles:
            at = text.find(needle)
            while at >= 0:
                found.append(at)
                at = text.find(needle, at + 1)
        return sorted(found)


def _finder(needle: str):
    """``search(text)``: not None when ``needle`` is in ``text``, as a compiled pattern's ``search``."""
    def search(text: str) -> bool | None:
        return True if needle in text else None
    return search
