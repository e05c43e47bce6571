"""The month vocabulary of the date reader, compiled once per rule set into the date pattern.

The forms are data (``rules/tables/months.toml``, generated from CLDR and dateparser's
language data: :mod:`clean.catalog.month_table`); :func:`vocabulary` compiles them into
one pattern, and a cheaper twin (its *shape*) that takes any word where a month goes.
The reader (:mod:`clean.families.dates.reader`) matches with the shape and checks the month.

>>> from clean.catalog import shipped_rules
>>> vocabulary(shipped_rules()).forms["августа"]
8
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

import regex

# the date pattern's groups in order: _read unpacks m.groups() (m.groupdict() is many times slower in regex)
GROUPS = (
    "rb", "d", "m", "me", "y", "ra", "m2", "d2", "y2", "ra2", "y3", "d3", "m3", "nd", "ns", "nm", "ny", "iy", "im", "id",
    "y4", "m4", "d4",
)
MONTH_WORDS = itemgetter(*(GROUPS.index(name) for name in ("m", "me", "m2", "m3", "m4")))  # every month of the pattern
ANY_WORD = r"\w+\.?(?!\w)"  # where a month goes in the shape pattern: a word, with its dot first
WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class Vocabulary:
    """The compiled month vocabulary: form -> month, and the date pattern built from it.

    ``shape`` is ``pattern`` with any word (:data:`ANY_WORD`) where a month goes,
    and ``spellings`` the month words it is taken on without asking ``pattern``
    (see :meth:`match`); ``shape`` is None when a month form is not a word.
    """

    forms: dict
    stems: tuple
    month: str
    pattern: regex.Pattern
    shape: regex.Pattern | None = None
    spellings: frozenset = frozenset()
    stem_spellings: tuple = ()  # (length, spellings of the stems of that length)
    abbreviations: frozenset = frozenset()  # forms read without a year only with their dot ('там.', not 'там')

    def month_number(self, word: str) -> int | None:
        """The month a word names, or None."""
        word = word.lower().rstrip(".")
        if word in self.forms:
            return self.forms[word]
        for stem, number in self.stems:
            if word.startswith(stem):
                return number
        return None

    def match(self, text: str, pos: int):
        """``pattern.match(text, pos)`` and its groups, or None; most often read with ``shape``, a third cheaper.

        The same match, because ``shape`` is ``pattern`` with :data:`ANY_WORD` for
        each month: a month is a whole word (its forms and stems are words, and
        ``(?!\\w)`` ends it), with a dot after a form, and ``ANY_WORD`` offers
        that word with its dot, then without, as the months do, and any other
        word too. So where ``pattern`` matches, ``shape`` does; and the first
        way ``shape`` finds is ``pattern``'s first way whenever its month words
        are months (:meth:`spelled`). Otherwise ``pattern`` is asked.
        """
        if self.shape is not None:
            m = self.shape.match(text, pos)
            if m is None:
                return None
            groups = m.groups()
            if self.spelled(groups):
                return m, groups
        m = self.pattern.match(text, pos)
        return None if m is None else (m, m.groups())

    def search(self, text: str, pos: int):
        """``pattern.search(text, pos)`` and its groups, read as :meth:`match` reads them."""
        if self.shape is None:
            m = self.pattern.search(text, pos)
            return None if m is None else (m, m.groups())
        while (m := self.shape.search(text, pos)) is not None:  # no date starts where no shape starts
            groups = m.groups()
            if self.spelled(groups):
                return m, groups
            found = self.pattern.match(text, m.start())
            if found is not None:
                return found, found.groups()
            pos = m.start() + 1
        return None

    def spelled(self, groups: tuple) -> bool:
        """Are the month words among a shape match's ``groups`` all spellings the month pattern takes?"""
        for word in MONTH_WORDS(groups):
            if word is not None and word not in self.spellings and not self._stem_spelled(word):
                return False
        return True

    def _stem_spelled(self, word: str) -> bool:
        return word[-1] != "." and any(word[:k] in spelled for k, spelled in self.stem_spellings)


def vocabulary(rules) -> Vocabulary:
    """The month vocabulary of ``rules`` (compiled once per rule set)."""
    return rules.derived("dates.vocabulary", _build)


def _relative(rules, where: str) -> str:
    phrases = [p for lang in rules.tables.get("relative_years", {}).values() for p in lang.get(where, [])]
    alternatives = [regex.escape(p).replace(r"\ ", r"\s*") for p in sorted(phrases, key=len, reverse=True)]
    return "(?:" + "|".join(alternatives or [r"(?!x)x"]) + r")(?!\w)"


NOT_INSIDE = r"(?<![\w.,/-])"  # a date never starts inside a word or a number: the date pattern opens with this
DATE_START = regex.compile(NOT_INSIDE)  # so the only places a date can start are where this matches


def _build(rules) -> Vocabulary:
    forms, stems, abbreviations = {}, [], set()
    for months in rules.table("months").values():
        for number, words in months.items():
            for word in words:
                if word.endswith("*"):
                    stems.append((word[:-1].lower(), int(number)))
                elif word.endswith(".") and len(word) > 1:
                    forms[word[:-1].lower()] = int(number)
                    abbreviations.add(word[:-1].lower())
                else:
                    forms[word.lower()] = int(number)
    alternatives = sorted(forms, key=len, reverse=True)
    stem_alts = [regex.escape(s) + r"\w*" for s, _ in sorted(stems, key=lambda s: -len(s[0]))]
    month = r"(?:" + "|".join([regex.escape(a) + r"\.?" for a in alternatives] + stem_alts) + r")(?!\w)"
    before, after = _relative(rules, "before"), _relative(rules, "after")
    pattern = regex.compile(_date_pattern(month, before, after), regex.IGNORECASE | regex.VERBOSE)
    if tuple(sorted(pattern.groupindex, key=pattern.groupindex.get)) != GROUPS:
        raise AssertionError("the date pattern's groups must be GROUPS, in order (_read unpacks them)")
    if not all(WORD.fullmatch(w) for w in [*forms, *(s for s, _ in stems)]):
        return Vocabulary(forms, tuple(stems), month, pattern, abbreviations=frozenset(abbreviations))  # no shape
    shape = regex.compile(_date_pattern(ANY_WORD, before, after), regex.IGNORECASE | regex.VERBOSE)
    spelled, stem_spelled = _spellings(forms, stems)
    return Vocabulary(forms, tuple(stems), month, pattern, shape, spelled, stem_spelled, frozenset(abbreviations))


def _date_pattern(month: str, before: str, after: str) -> str:
    """The date pattern's source, with ``month`` where a month goes."""
    kk_year = r"(?:жылғы|жылы|жылдың|ж\.)"
    year_word = rf"(?:\s*(?:года|году|годзе|год|г\.|г(?!\w)|{kk_year}|року|році|рік|р\.|year))?"
    ordinal = r"(?:st|nd|rd|th|-(?:го|ого|е|ое))?"  # 1st, 1-го сентября, 15-го вересня
    # after the day: a dot (de, pl: '3. März 2022'), only with the year written ('… 12. Марта сказала' is no
    # date); before the month and the year: 'de' (es, pt: '3 de marzo de 2022')
    in_year = r"\s+(?:в|у|ў|in)\s+(?=\d{4}\s*(?:году|годзе|році|г\.|year))"  # 14 декабря в 1989 году
    short_year = r"\d{2}(?=\s*(?:$|[,|]?\s*\d{1,2}:\d{2}))"  # 2 Декабрь 95, at the end or before a time
    to = r"\s*(?:[-–—]|по|па|до|to|and|и|і)\s*"
    range_end = rf"(?:\s*[-–—]\s*\d{{1,2}}(?!\d){ordinal})"
    return rf"""(?xi)
        {NOT_INSIDE}
        (?: (?:с|з|from)\s+ )?
        (?P<rb>{before}\s+)?
        (?: [«"“„]? (?P<d>\d{{1,2}}) (?!\d) [»"”“]? {ordinal} (?:{to}\d{{1,2}} (?!\d) {ordinal})?
              (?:\.(?=\s+\S+\s+\d{{4}}))? (?:\s+|-) (?:of\s+|de\s+)? (?P<m>{month})
              (?: {to}\d{{1,2}} (?!\d) {ordinal} \s+ (?:of\s+)? (?P<me>{month}) )?
              (?: (?:,?\s+(?:del?\s+)?|{in_year}) (?P<y>\d{{4}}|{short_year}) (?!\d) {year_word} | \s+(?P<ra>{after}) )?
          | (?P<m2>{month}) \s+ (?P<d2>\d{{1,2}}) (?!\d) {ordinal} {range_end}?
              (?: ,?\s+ (?P<y2>\d{{4}}) (?!\d) | \s+(?P<ra2>{after}) )?
          | (?P<y3>\d{{4}}) \s+ (?:{kk_year}\s+)?  (?P<d3>\d{{1,2}}) (?!\d) {range_end}? (?:\s+|-) (?P<m3>{month})
          | (?P<nd>\d{{1,2}}) (?P<ns>[./-]) (?P<nm>\d{{1,2}}) (?P=ns) (?P<ny>\d{{4}}) (?!\d) {year_word}
          | (?P<iy>\d{{4}}) - (?P<im>\d{{2}}) - (?P<id>\d{{2}}) (?!\d)
          | (?P<y4>\d{{4}}) - (?P<m4>{month}) - (?P<d4>\d{{1,2}}) (?!\d)
        )"""


def _spellings(forms: dict, stems: list) -> tuple[frozenset, tuple]:
    """The month words :meth:`Vocabulary.spelled` takes: each form and stem in lower case, Capitalised and
    in CAPITALS (forms with and without a dot), kept only where the form's or stem's own alternative of
    the month pattern matches it whole, so a spelling taken is one the month pattern takes."""
    def cases(word: str) -> set[str]:
        return {word, word.capitalize(), word.upper()}

    same = _SameLetters()
    spelled = {w + dot for f in forms for w in cases(f) if same(f, w) for dot in ("", ".")}
    stem_spelled: dict[int, set[str]] = {}
    for stem, _ in stems:
        for w in cases(stem):
            if same(stem, w):
                stem_spelled.setdefault(len(w), set()).add(w)
    return frozenset(spelled), tuple((k, frozenset(v)) for k, v in sorted(stem_spelled.items()))


class _SameLetters:
    """``same(word, other)``: does the word, as a case-insensitive pattern (``regex.escape(word)`` under
    IGNORECASE), match all of ``other``? Such a pattern is one literal per character, each matching one
    character, so it does when the two are as long and each pair of characters matches; a pair is asked of
    the ``regex`` engine once (a few hundred pairs instead of a pattern compiled for each of 2,000 spellings).

    >>> same = _SameLetters()
    >>> same("май", "МАЙ"), same("май", "мая"), same("straße", "STRASSE")
    (True, False, False)
    """

    def __init__(self):
        self.pairs: dict[tuple[str, str], bool] = {}

    def __call__(self, word: str, other: str) -> bool:
        return len(word) == len(other) and all(self._pair(a, b) for a, b in zip(word, other))

    def _pair(self, a: str, b: str) -> bool:
        known = self.pairs.get((a, b))
        if known is None:
            known = self.pairs[(a, b)] = a == b or regex.fullmatch(regex.escape(a), b, regex.IGNORECASE) is not None
        return known
