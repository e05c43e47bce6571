"""Dates as pages write them, in Russian, Kazakh, Ukrainian, Belarusian, English and the other languages of the month table.

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
from typing import NamedTuple

import regex

from clean.families.dates.vocabulary import DATE_START, GROUPS, MONTH_WORDS, Vocabulary, vocabulary  # noqa: F401  (API)

MIN_YEAR, MAX_YEAR = 1900, 2099
SHORT_YEAR_PIVOT = 50  # a two-digit year from here up is in the 1900s, below it in the 2000s
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February of a leap year
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


def full_year(digits: str) -> int:
    """The year written as ``digits``: four digits as they are, two after a month name in the century
    they most likely name (``95`` is 1995, ``21`` is 2021; :data:`SHORT_YEAR_PIVOT`)."""
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= SHORT_YEAR_PIVOT else 2000
    return year


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


def readable_number(text: str) -> bool:
    """Can Python read the digits of ``text`` (digits, and the separators ``./-`` of a numeric date) as numbers?

    The ``regex`` engine's ``\\d`` knows the digits of a newer Unicode than this Python's
    ``int()`` does (Garay ``𐵀``, U+10D40, and about a hundred more): such a date is no date
    here, not a page lost to a ``ValueError``.

    >>> readable_number("20.11.2020"), readable_number("٢٠.١١.٢٠٢٠"), readable_number("\U00010d41\U00010d42.11.2020")
    (True, True, False)
    """
    return text.isascii() or all(c.isdecimal() or c in "./-" for c in text)


def _read(m, groups: tuple, vocab: Vocabulary) -> FoundDate | None:
    rb, d, m1, me, y, ra, m2, d2, y2, ra2, y3, d3, m3, nd, _, nm, ny, iy, im, id_, y4, m4, d4 = groups  # GROUPS
    try:  # int() of a digit newer than this Python's Unicode (see readable_number) raises: no date then
        if d:
            day, month, year = int(d), vocab.month_number(m1), y and full_year(y)
            if year and me and month is not None and month > (vocab.month_number(me) or 13):
                year -= 1  # 28 декабря – 3 января 2024 года starts in 2023
        elif d2:
            day, month, year = int(d2), vocab.month_number(m2), y2
        elif d3:
            day, month, year = int(d3), vocab.month_number(m3), y3
        elif nd:
            day, month, year = int(nd), int(nm), ny
            if month > 12 and day <= 12 and "/" in m.group():  # 11/20/2020 can only be read month first (US)
                day, month = month, day
        elif d4:
            day, month, year = int(d4), vocab.month_number(m4), y4
        else:
            day, month, year = int(id_), int(im), iy
        year = full_year(year) if isinstance(year, str) else year or None
    except ValueError:
        return None
    if month is None or not valid(year, month, day):
        return None
    if year is None and (m1 or m2 or "").lower() in vocab.abbreviations:
        return None  # '5 там' is no date: an abbreviation without its dot needs a year
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
    # DATE_START always matches at 0, where a dated lead's date most often is: tried before the scan is built
    found, after = opening_date(text, rules)  # after: where the match at 0 that was no date ended
    return found if found is not None else later_date(text, rules, after, last_start)


def opening_date(text: str, rules) -> tuple[FoundDate | None, int]:
    """The valid date at the start of ``text`` and its end; else None and the end of the match that was no
    date, or 0: the first step of :func:`first_date`, which :func:`later_date` goes on from."""
    return _date_or_end(vocabulary(rules), text, 0)


def later_date(text: str, rules, after: int, last_start: int) -> FoundDate | None:
    """The first valid date of ``text`` that starts in ``1..last_start``, not before ``after``, or None:
    :func:`first_date` after :func:`opening_date` found ``(None, after)``.

    (Without a digit in ``text`` every try fails, as no form of date lacks one: :func:`first_date`
    asks :data:`DIGIT` first only to skip them.)
    """
    if last_start < 1:
        return None  # (not finditer(text, 1, 0): regex still tries position 1 when endpos < pos)
    vocab = vocabulary(rules)
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
