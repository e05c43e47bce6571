"""``items.continuation``'s test: does a paragraph open with a word that continues the one before it
(``Участники``, ``However``; ``rules/tables/continuations.toml``)?

The table's openers are matched at the start of the paragraph, as whole words: an opener, then no
letter or hyphen (``Он`` does not open ``Она``). Read as one alternation of every opener, that costs
the ``regex`` engine a try of each at the first letter of every paragraph the ladder asks about. So the
openers are indexed by their first word (:data:`HEAD`: their letters and hyphens up to the first other
character), and a paragraph is compared only with the openers under its own first word. That is
exact: an opener that matches ends where the paragraph's first word ends, or at a space inside it, so
its first word is the paragraph's.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> [opens_continuation(t, rules) for t in ("Она отметила, что …", "Онлайн-трансляция …", "В ходе встречи …", "Вход свободный.")]
[True, False, True, False]
"""

from __future__ import annotations

import regex

HEAD = regex.compile(r"[\p{L}-]*")  # the first word of a text, as the openers' end reads it
WORD_CHAR = regex.compile(r"[\p{L}-]")  # what may not follow an opener


def opens_continuation(text: str, rules) -> bool:
    """Does the paragraph open with a word that continues the one before (``Участники``, ``However``)?"""
    return rules.derived("items.continuations", Openers).opens(text)


class Openers:
    """The openers of a rule set's ``continuations`` table, by first word (see module docstring)."""

    def __init__(self, rules):
        openers = sorted({w for words in rules.table("continuations").values() for w in words}, key=len, reverse=True)
        self.by_head: dict[str, list[str]] = {}
        for opener in openers:
            self.by_head.setdefault(HEAD.match(opener).group(), []).append(opener)

    def opens(self, text: str) -> bool:
        candidates = self.by_head.get(HEAD.match(text).group())
        return candidates is not None and any(
            text.startswith(opener) and WORD_CHAR.match(text, len(opener)) is None for opener in candidates)

    def pattern(self) -> regex.Pattern:
        """The plain reading the index stands for: one alternation of the openers, longest first."""
        openers = [w for words in self.by_head.values() for w in words]
        openers.sort(key=len, reverse=True)
        return regex.compile(r"(?:" + "|".join(regex.escape(w) for w in openers) + r")(?![\p{L}-])")
