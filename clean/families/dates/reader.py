"""Dates as pages write them, in Russian, Kazakh, Ukrainian, Belarusian and English.

The vocabulary is data (``rules/tables/months.toml``); this module compiles it
once per rule set into one pattern, :func:`vocabulary`, and reads dates with it
(through a cheaper twin that takes any word for a month, then checks the month:
:meth:`Vocabulary.match`):

- day and month names: ``14 августа 2023 года``, ``1 марта 2019 г.``, ``20 Nov 2020``, ``1st of March``;
- ranges: ``с 25 по 27 июля 2023 года``, ``25–27 июля``, ``28 декабря – 3 января 2024`` (the first
  day counts, in the year before when the range crosses a new year);
- English month first: ``November 20, 2020``, ``July 25–27, 2023``;
- Kazakh year first: ``2024 жылғы 11 қыркүйек``, ``2024 жылдың 11-қыркүйегінде``;
- numbers: ``20.11.2020``, ``20/11/2020``, ``2020-11-20``;
- a year named, not written (``26 октября с.г.``, ``биылғы 11 қыркүйекте``, from
  ``rules/tables/relative_years.toml``): no year, ``relative`` set, for :func:`resolve`.

These are the project's own patterns rather than a date library. dateparser
1.4 (measured on the leads of the seeds) takes about 5 ms to find the date in a
lead, several times what the whole pipeline spends on an item; it fills a
missing year with the current one, the guess this project must never make; and
it reads neither ``с.г.`` nor ``2024 жылғы 11 қыркүйекте``.

>>> from clean.catalog import shipped_rules
>>> found = next(find_dates("Встреча 14 августа 2023 года в Минске", shipped_rules()))
>>> found.iso, found.text
('2023-08-14', '14 августа 2023 года')
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

import regex

MIN_YEAR, MAX_YEAR = 1900, 2099
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February of a leap year
# the date pattern's groups in order: _read unpacks m.groups() (m.groupdict() is many times slower in regex)
GROUPS = (
    "rb", "d", "m", "me", "y", "ra", "m2", "d2", "y2", "ra2", "y3", "d3", "m3", "nd", "ns", "nm", "ny", "iy", "im", "id",
)
MONTH_WORDS = itemgetter(*(GROUPS.index(name) for name in ("m", "me", "m2", "m3")))  # every month of the pattern
ANY_WORD = r"\w+\.?(?!\w)"  # where a month goes in the shape pattern: a word, with its dot first
WORD = regex.compile(r"\w+")
DIGIT = regex.compile(r"\d")  # every form of date has one: text without a digit has no date


class FoundDate(NamedTuple):
    """A date read from text: its parts (year may be None), span and source text.

    A named tuple, not a dataclass: it is made for every date read, and a tuple is made several times faster.
    """

    year: int | None
    month: int
    day: int
    start: int
    end: int
    text: str
    relative: bool = False  # the year is named, not written: 'с.г.', 'текущего года', 'биылғы'

    @property
    def iso(self) -> str | None:
        """``YYYY-MM-DD``, or None without a year."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else None


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
    forms, stems = {}, []
    for months in rules.table("months").values():
        for number, words in months.items():
            for word in words:
                if word.endswith("*"):
                    stems.append((word[:-1].lower(), int(number)))
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
        return Vocabulary(forms, tuple(stems), month, pattern)  # a form that is no word: no shape
    shape = regex.compile(_date_pattern(ANY_WORD, before, after), regex.IGNORECASE | regex.VERBOSE)
    return Vocabulary(forms, tuple(stems), month, pattern, shape, *_spellings(forms, stems))


def _date_pattern(month: str, before: str, after: str) -> str:
    """The date pattern's source, with ``month`` where a month goes."""
    kk_year = r"(?:жылғы|жылы|жылдың|ж\.)"
    year_word = rf"(?:\s*(?:года|год|году|г\.|г(?!\w)|{kk_year}|року|рік|р\.|year))?"
    ordinal = r"(?:st|nd|rd|th)?"
    to = r"\s*(?:[-–—]|по|па|до|to|and|и|і)\s*"
    range_end = rf"(?:\s*[-–—]\s*\d{{1,2}}(?!\d){ordinal})"
    return rf"""(?xi)
        {NOT_INSIDE}
        (?: (?:с|з|from)\s+ )?
        (?P<rb>{before}\s+)?
        (?: (?P<d>\d{{1,2}}) (?!\d) {ordinal} (?:{to}\d{{1,2}} (?!\d) {ordinal})?
              (?:\s+|-) (?:of\s+)? (?P<m>{month})
              (?: {to}\d{{1,2}} (?!\d) {ordinal} \s+ (?:of\s+)? (?P<me>{month}) )?
              (?: ,?\s+ (?P<y>\d{{4}}) (?!\d) {year_word} | \s+(?P<ra>{after}) )?
          | (?P<m2>{month}) \s+ (?P<d2>\d{{1,2}}) (?!\d) {ordinal} {range_end}?
              (?: ,?\s+ (?P<y2>\d{{4}}) (?!\d) | \s+(?P<ra2>{after}) )?
          | (?P<y3>\d{{4}}) \s+ (?:{kk_year}\s+)?  (?P<d3>\d{{1,2}}) (?!\d) {range_end}? (?:\s+|-) (?P<m3>{month})
          | (?P<nd>\d{{1,2}}) (?P<ns>[./]) (?P<nm>\d{{1,2}}) (?P=ns) (?P<ny>\d{{4}}) (?!\d) {year_word}
          | (?P<iy>\d{{4}}) - (?P<im>\d{{2}}) - (?P<id>\d{{2}}) (?!\d)
        )"""


def _spellings(forms: dict, stems: list) -> tuple[frozenset, tuple]:
    """The month words :meth:`Vocabulary.spelled` takes: each form and stem in lower case, Capitalised and
    in CAPITALS (forms with and without a dot), kept only where the form's or stem's own alternative of
    the month pattern matches it whole, so a spelling taken is one the month pattern takes."""
    def cases(word: str) -> set[str]:
        return {word, word.capitalize(), word.upper()}

    spelled = {
        w + dot for f in forms for w in cases(f) for dot in ("", ".")
        if regex.fullmatch(regex.escape(f) + r"\.?", w + dot, regex.IGNORECASE)
    }
    stem_spelled: dict[int, set[str]] = {}
    for stem, _ in stems:
        for w in cases(stem):
            if regex.fullmatch(regex.escape(stem), w, regex.IGNORECASE):
                stem_spelled.setdefault(len(w), set()).add(w)
    return frozenset(spelled), tuple((k, frozenset(v)) for k, v in sorted(stem_spelled.items()))


def valid(year: int | None, month: int, day: int) -> bool:
    """True for a real calendar date (any leap year allowed when the year is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return False
    if month == 2 and year is not None and not calendar.isleap(year):
        return day <= 28
    return day <= DAYS_IN_MONTH[month - 1]  # what calendar.monthrange(year or 2000, month) says, faster


def find_dates(text: str, rules, start: int = 0):
    """Yield every valid date in ``text`` from ``start`` on, in order."""
    if not DIGIT.search(text, start):
        return
    vocab = vocabulary(rules)
    while (hit := vocab.search(text, start)) is not None:
        start = hit[0].end()  # as finditer goes on: a date is never empty
        found = _read(*hit, vocab)
        if found is not None:
            yield found


def date_at(text: str, pos: int, rules) -> FoundDate | None:
    """The valid date that starts exactly at ``pos`` in ``text``, or None (no scan past ``pos``)."""
    vocab = vocabulary(rules)
    hit = vocab.match(text, pos)
    return _read(*hit, vocab) if hit else None


def _read(m, groups: tuple, vocab: Vocabulary) -> FoundDate | None:
    rb, d, m1, me, y, ra, m2, d2, y2, ra2, y3, d3, m3, nd, _, nm, ny, iy, im, id_ = groups  # see GROUPS
    if d:
        day, month, year = int(d), vocab.month_number(m1), y
        if year and me and month is not None and month > (vocab.month_number(me) or 13):
            year = int(year) - 1  # 28 декабря – 3 января 2024 года starts in 2023
    elif d2:
        day, month, year = int(d2), vocab.month_number(m2), y2
    elif d3:
        day, month, year = int(d3), vocab.month_number(m3), y3
    elif nd:
        day, month, year = int(nd), int(nm), ny
    else:
        day, month, year = int(id_), int(im), iy
    year = int(year) if year else None
    if month is None or not valid(year, month, day):
        return None
    relative = year is None and bool(ra or ra2 or rb)
    start, end = m.span()
    return FoundDate(year, month, day, start, end, m.string[start:end].strip(), relative)


def resolve(found: FoundDate, stamps) -> FoundDate:
    """``found`` with the year the page's stamps (ISO dates) give it, when they give one.

    A date without a year takes a stamp's year when it names the year relatively
    (``с.г.``) and every stamp has that year, or when its day and month are a
    stamp's. Otherwise it is returned as it is: a year is never guessed.

    >>> resolve(FoundDate(None, 10, 26, 0, 15, "26 октября с.г.", True), ["2021-10-26"]).iso
    '2021-10-26'
    >>> resolve(FoundDate(None, 10, 25, 0, 10, "25 октября"), ["2021-10-26"]).iso is None
    True
    """
    if found.year is not None:
        return found
    years = {int(s[:4]) for s in stamps}
    agreeing = {int(s[:4]) for s in stamps if (int(s[5:7]), int(s[8:10])) == (found.month, found.day)}
    year = next(iter(agreeing), None) if len(agreeing) == 1 else None
    if year is None and found.relative and len(years) == 1:
        year = next(iter(years))
    if year is None or not valid(year, found.month, found.day):
        return found
    return found._replace(year=year)


def first_date(text: str, rules, last_start: int) -> FoundDate | None:
    """``next(find_dates(text, rules), None)`` when that date starts at or before ``last_start``, else None.

    The pattern is tried only where a date can start (:data:`DATE_START`) up to
    ``last_start``, not at every character to the end of ``text``: a dated lead
    costs a few tries at word starts instead of a scan of the paragraph. After a
    match that is not a real date, the search goes on after it, as in :func:`find_dates`.

    >>> from clean.catalog import shipped_rules
    >>> first_date("Итоги 31.02.2023, 14 августа 2023 года", shipped_rules(), 20).text
    '14 августа 2023 года'
    >>> first_date("Итоги встречи 14 августа 2023 года", shipped_rules(), 6) is None
    True
    """
    if not DIGIT.search(text):
        return None
    vocab = vocabulary(rules)
    # DATE_START always matches at 0, where a dated lead's date most often is: tried before the scan is built
    found, after = _date_or_end(vocab, text, 0)  # after: where the last match that was no date ended
    if found is not None or last_start < 1:
        return found  # (not finditer(text, 1, 0): regex still tries position 1 when endpos < pos)
    for start in DATE_START.finditer(text, 1, last_start):  # its empty matches at 1..last_start
        pos = start.start()
        if pos >= after:
            found, after = _date_or_end(vocab, text, pos)
            if found is not None:
                return found
    return None


def _date_or_end(vocab: Vocabulary, text: str, pos: int) -> tuple[FoundDate | None, int]:
    """The valid date at ``pos`` and its end; else None and the end of the match that was no date, or ``pos``."""
    hit = vocab.match(text, pos)
    if hit is None:
        return None, pos
    found = _read(*hit, vocab)
    return found, hit[0].end()
