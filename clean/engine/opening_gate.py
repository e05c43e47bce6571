"""A pattern rule's ``opens_with``: the lines of a page its pattern is tried on, told by how they open.

Each entry of ``opens_with`` (docs/rules.md) describes lines by their *first word*, the first run of
letters folded (:meth:`~clean.model.view.PageView.first_words`), and their *lead*, what comes before
that run:

- ``"word"``: the first word is ``word`` (in lower case, ``ё`` written ``е``);
- ``"word*"``: the first word starts with ``word`` (a form the pattern lets run on into more letters);
- ``""``: the line has no letter; ``"*"``: any first word;
- a character that is not a letter (nor ``*``), then one of the above (``"©*"``, ``"0"``, ``"0тыс*"``):
  the lead holds that character (``0``: any digit, ``\\d`` of any script) and the first word is as said.

The rule is tried on the lines that meet an entry (and, as :func:`~clean.engine.openers.lines_opening`
says, on every line whose first word is odd). The first words are found once per page view and shared
by every rule; a word entry costs a set test, a lead entry a C-level ``in`` on the page for its
character, and, where the page holds it (a digit: always), a look at the first character of each line
(most open with a letter: no lead) and at the few lines that do not.

Why it never skips a line the pattern takes: the entries describe sets of lines, the rule is tried on
their union, and the author's claim that every line the pattern takes is in one of them is checked by
tests/test_openers.py (the rule with and without ``opens_with`` over the test pages and near-miss
lines built from the entries). Words and prefixes are compared folded, so what
:mod:`clean.engine.openers` proves of folding holds for both; a lead is the line's own text.

>>> from clean.model.document import Document
>>> gate = OpeningGate.of(("все", "материалдар*", "©*", "0*"))
>>> gate.lines(Document.from_text("Все права\\nМатериалдарды\\nText ©\\n© Site\\nx 5\\n2024 Site").view())
[0, 1, 3, 5]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from clean.engine.openers import ODD, lines_opening, opening_words
from clean.model.view import PageView

DIGIT = "0"  # a lead entry's character that stands for any digit
LEAD = regex.compile(r"[^\p{L}\n]*+")  # matched at a line start: its text before the first letter
ANY_DIGIT = regex.compile(r"\d")  # what the patterns read as a digit (this engine's Unicode may be newer than str's)


@dataclass(frozen=True, slots=True)
class OpeningGate:
    """The entries of an ``opens_with``, sorted by how they are looked for."""

    words: frozenset  # first words ("" for no letter), with 'ı' read as 'i' too
    prefixes: tuple[str, ...]  # first words start with one of these
    any_word: bool  # "*": every line
    leads: tuple[tuple[str, frozenset, tuple[str, ...], bool], ...]  # per lead character: words, prefixes, any

    @classmethod
    def of(cls, opens_with: tuple[str, ...]) -> OpeningGate:
        plain = [e for e in opens_with if not _has_lead(e)]
        chars = dict.fromkeys(e[0] for e in opens_with if _has_lead(e))
        leads = tuple((ch, *cls._words([e[1:] for e in opens_with if _has_lead(e) and e[0] == ch])) for ch in chars)
        return cls(*cls._words(plain), leads)

    @staticmethod
    def _words(entries: list[str]) -> tuple[frozenset, tuple[str, ...], bool]:
        words = opening_words([e for e in entries if e.isalpha()]) | ({""} if "" in entries else set())
        return frozenset(words), _dotted([e[:-1] for e in entries if len(e) > 1 and e.endswith("*")]), "*" in entries

    def lines(self, view: PageView) -> list[int]:
        """Indices in ``doc.lines`` of the kept lines the rule is tried on, in order."""
        if self.any_word:
            return list(view.index)
        chosen = lines_opening(self.words, view)
        if self.prefixes and any(f"\n{p}" in "\n" + "\n".join(view.first_words()) for p in self.prefixes):
            chosen += [i for i, f in zip(view.index, view.first_words()) if f.startswith(self.prefixes)]
        if self.leads:
            chosen += self._led(view)
        return sorted(set(chosen)) if self.prefixes or self.leads else chosen

    def _led(self, view: PageView) -> list[int]:
        """The lines that do not open with a letter, whose first word meets an entry with a lead character that
        their lead holds. Only a page that holds the character is looked at, only a line that does not open
        with a letter is (most do), and its lead is read only when its first word meets the entry."""
        text, offsets = view.text, view.offsets
        active = [entry for entry in self.leads if entry[0] == DIGIT or entry[0] in text]
        heads = "".join(map(text.__getitem__, offsets)) if active else "a"  # kept lines are never empty
        # a head that is a letter to str is one to the regex engine (\p{L}): its line has no lead
        if heads.isalpha():
            return []
        chosen, words = [], view.first_words()
        for k, head in enumerate(heads):
            if head.isalpha():
                continue
            word, lead = words[k], None
            for ch, known, prefixes, any_word in active:
                if not (any_word or word in known or word.startswith(prefixes)):
                    continue
                if ch == DIGIT and head.isdecimal():  # a digit for the regex engine too (tests/test_opening_gate.py)
                    chosen.append(view.index[k])
                    break
                lead = lead if lead is not None else LEAD.match(text, offsets[k]).group()
                if ch in lead if ch != DIGIT else ANY_DIGIT.search(lead):
                    chosen.append(view.index[k])
                    break
        return chosen


def opening_lines(rule, rules, view: PageView) -> list[int]:
    """The lines of ``view`` a pattern rule with ``opens_with`` is tried on (its gate made once per rule set):
    the only lines :func:`~clean.engine.kinds.apply_kind` tries the rule's pattern on."""
    return rules.derived(("opens-with", rule.id), lambda _: OpeningGate.of(rule.opens_with)).lines(view)


def _has_lead(entry: str) -> bool:
    return bool(entry) and not entry[0].isalpha() and entry[0] != "*"


def _dotted(entries: list[str]) -> tuple[str, ...]:
    """The entries, and each with 'ı' written 'i' (a line in capitals folds 'I' to 'i', see :data:`ODD`)."""
    return tuple(dict.fromkeys([*entries, *(e.replace(ODD, "i") for e in entries)]))
