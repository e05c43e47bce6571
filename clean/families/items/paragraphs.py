"""What a paragraph looks like: headline, attribution, quote, dated lead, dateline, continuation.

:class:`~clean.families.items.page.Page` runs these tests over the kept lines of one
page, each at most once, for the ``split_items`` ladder; :func:`stems` gives the
prefix stems its cohesion rungs compare.

Shared by ``split_items`` (where an item starts) and ``extract_metadata``
(which line is the title, which date is the item's). Each test is a short
pattern or a threshold named here, so a reader can check them in one place.

>>> is_attribution("Сергей Шойгу, секретарь Совета безопасности России")
True
>>> is_headline("Казахстан возглавил ОДКБ"), is_headline("Казахстан возглавил ОДКБ.")
(True, False)
>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> is_dateline("14 августа 2023, 12:30", rules), is_dateline("14 августа 2023 года прошла встреча", rules)
(True, False)
"""

from __future__ import annotations

import re

import regex

from clean.families.dates.date_labels import label_words, relative_clock
from clean.families.dates.reader import FoundDate, find_dates, later_date, opening_date
from clean.families.dates.version_words import version_before
from clean.families.items.continuations import opens_continuation  # noqa: F401  (part of this module's API)

MIN_HEADLINE_WORDS = 2  # one word alone is a link or a rubric ("Подробнее", "Политика"), not a headline
MAX_HEADLINE_WORDS = 20
MAX_CREDIT_WORDS = 10
MAX_HEADLINE_CHARS = 200
MAX_STAMPED_HEADLINE_WORDS = 30  # a line right before a stamped body may end with a full stop
MAX_ATTRIBUTION_WORDS = 15
LEAD_WORDS = 6  # a dated lead starts within the first words of the paragraph
STEM_LENGTH = 5  # cohesion compares words by their first letters: операции ~ операция
MIN_STEM_WORD = 4
STEM_CHARS = 400  # a paragraph's topic shows in its opening; longer paragraphs are read this far
MAX_DATELINE_CHARS = 60  # a line that is only a date (and a time) is no longer than this
CLOSING = ".!?…:;,"
MIN_LISTED_HEADLINES = 3  # two headlines in a row may be a headline and its subtitle; three are a list
MIN_LISTED_WORDS = 4  # a list's entries are headlines, not menu items (``Новости Казахстана``)

_NAME = r"(?:\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’-]+)?|\p{Lu}\.)"
ATTRIBUTION = regex.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,3}},\s+\S")
NAME_LED_QUOTE = regex.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,2}}:\s+\S")
QUOTE_OPEN = regex.compile(r"^[«“„\"]|^[—–-]\s")
QUOTE_FIRST = "«“„\"—–-"  # the characters a QUOTE_OPEN match starts with
TIME = regex.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
TIME_BESIDE_DATE = regex.compile(r"\b\d{1,2}(?::\d{2}(?::\d{2})?|\s?h\s?[0-5]\d)\b")  # 10h42 (fr) too
DAY_MONTH = regex.compile(r"(?<![\d.])\d{1,2}\.\d{2}(?![\d.])")
CREDIT_WORDS = frozenset("By Photo Photos Source Video Автор Авторы Фото Видео Источник Текст Джерело Сурет Суреттер".split())
CREDIT_OPEN = re.compile(rf"\s*(?:{'|'.join(CREDIT_WORDS)}):*\s+\S")  # a credit word (colons aside), then a word
DIGIT = re.compile(r"\d")
CONTENT_WORD = re.compile(rf"[^\W\d_]{{{MIN_STEM_WORD},}}")  # letters only; stdlib re is the faster here
LEAD_SPAN = re.compile(rf"\s*(?:\S+\s+){{0,{LEAD_WORDS}}}\S*")  # the words a dated lead's digits must fall in
# a DIGIT in LEAD_SPAN, one call: words without a digit (possessive: a failure does not backtrack), then one with
LEAD_DIGIT = re.compile(rf"\s*+(?:[^\s\d]++\s++){{0,{LEAD_WORDS}}}+[^\s\d]*+\d")
LEAD_START = re.compile(rf"\s*(?:\S+\s+){{{LEAD_WORDS - 1}}}")  # a date starting after these words is no lead
LETTER_OR_DIGIT = regex.compile(r"[\p{L}\d]")
NUMBER_SIGN = regex.compile(r"(?:№|#|\bNo\.|\bNr\.)\s*$")  # a number sign right before a date: a document's number
NUMBER_TAIL = regex.compile(r"[-/]\d+(?![\d./-])|\s*№")  # a number glued after it: '20.11.2020-15', '20.11.2020№15'
SENTENCE_END = regex.compile(r"\p{Ll}{3,}\.\s")


def words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def words_upto(text: str, most: int) -> int:
    """:func:`words`, counted up to ``most``: exact up to there, ``most + 1`` for any more. The split stops
    after ``most`` words, so a long paragraph compared with a short limit is not split whole."""
    return len(text.split(None, most))


def is_headline(text: str) -> bool:
    """A short line without closing punctuation that is not an attribution."""
    return has_headline_shape(text) and text[-1] not in CLOSING and not is_attribution(text) and not is_credit(text)


def is_question_headline(text: str) -> bool:
    """A short line ending in ``?`` or ``!``: a headline, or a question in an interview (topic decides)."""
    return has_headline_shape(text) and text[-1] in "?!" and not is_quote(text) and not is_credit(text)


def has_headline_shape(text: str) -> bool:
    """Short, and opening with a capital, a digit or a quote mark: the shape of a headline."""
    return (
        bool(text)
        and len(text) <= MAX_HEADLINE_CHARS
        and (text[0].isupper() or text[0].isdigit() or text[0] in "«\"“")
        and MIN_HEADLINE_WORDS <= words(text) <= MAX_HEADLINE_WORDS
    )


def is_attribution(text: str) -> bool:
    """``Name Surname, role`` on a line of its own: who said the quote before it."""
    if not text or text[-1] in ".!?…":
        return False
    return ATTRIBUTION.match(text) is not None and words(text) <= MAX_ATTRIBUTION_WORDS


def is_credit(text: str) -> bool:
    """A byline or a picture credit: ``By Maria Lopez``, ``Фото: пресс-служба акимата``."""
    return CREDIT_OPEN.match(text) is not None and len(text.split()) <= MAX_CREDIT_WORDS


def is_quote(text: str) -> bool:
    """A paragraph that opens a quote, or that names its speaker first (``Имя Фамилия: …``)."""
    if text[:1] in QUOTE_FIRST and QUOTE_OPEN.match(text):
        return True
    return ":" in text and NAME_LED_QUOTE.match(text) is not None  # the speaker's name ends with a colon


def lead_date(text: str, rules) -> FoundDate | None:
    """The date that opens a paragraph (in its first :data:`LEAD_WORDS` words, after no sentence end, number sign or
    version word: ``rules/tables/version_words.toml``), or None. (A first character ``isdecimal`` is a DIGIT.)"""
    if not text[:1].isdecimal() and not LEAD_DIGIT.match(text):
        return None  # every date has digits: skip the date pattern on most paragraphs
    head = text[: 40 * LEAD_WORDS]
    found, after = opening_date(head, rules)  # first_date(head, …) in two steps: the words counted only if needed
    if found is None:
        late = LEAD_START.match(head)  # the first date of ``head`` if it starts no later than this
        found = later_date(head, rules, after, late.end() if late else len(head))
    if found is None or found.start and (words(head[: found.start]) >= LEAD_WORDS or NUMBER_SIGN.search(
            head, 0, found.start) or "." in _sentence_ends(head[: found.start])
            or version_before(rules).search(head, 0, found.start)):  # 'Version 2.10.2019 of the client'
        return None
    if NUMBER_TAIL.match(head, found.end):
        return None  # a document's number that reads as a date: '№ 20.11.2020-15', '20.11.2020№15'
    return found


def _sentence_ends(prefix: str) -> str:
    """The sentence-final dots in ``prefix`` (abbreviations like ``г.`` do not count)."""
    return "." if SENTENCE_END.search(prefix) else ""


def is_dateline(text: str, rules) -> bool:
    """A line that is only a date or a time: ``18 апреля 2024``, ``September 14, 2023, 10:15``, ``10:45``,
    ``Сегодня, 10:15``, ``2 hours ago`` (relative words: ``rules/tables/relative_times.toml``), with at most
    a weekday and a time zone around it (``Tue, 14 Mar 2023 09:10:00 +0300``, as a feed prints it), or a day
    and month with a time (``14.10/15:52``).

    >>> from clean.catalog import shipped_rules
    >>> rules = shipped_rules()
    >>> is_dateline("Tue, 14 Mar 2023 09:10:00 +0300", rules), is_dateline("14.10/15:52", rules)
    (True, True)
    >>> is_dateline("Sun 22", rules), is_dateline("7.75 / 8.25", rules)
    (False, False)
    """
    if not text or len(text) > MAX_DATELINE_CHARS:
        return False
    if rules.derived("items.relative-times", relative_times).fullmatch(text.strip().casefold()):
        return True
    if not DIGIT.search(text):
        return False
    found = next(find_dates(text, rules), None)
    if found is None:
        if not TIME.search(text):
            return False
        rest = DAY_MONTH.sub("", TIME.sub("", text), count=1)  # a day and month beside the time: 14.10/15:52
    else:
        rest = TIME_BESIDE_DATE.sub("", text[: found.start] + text[found.end :])
    return not LETTER_OR_DIGIT.search(rules.derived("items.dateline-words", _dateline_words).sub("", rest))


def _dateline_words(rules) -> regex.Pattern:
    """What a date line may hold besides the date and the time: a weekday, a time zone, a label or the
    words around a time (``Published``, ``at``, ``Uhr``: ``rules/tables/date_labels.toml``)."""
    days = sorted((d for names in rules.tables.get("weekdays", {}).values() for d in names), key=len, reverse=True)
    weekday = "|".join(regex.escape(d) for d in days) or r"(?!x)x"
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{weekday}|{label_words(rules)})\.?(?!\p{{L}})|[+-]\d{{2}}:?\d{{2}}\b"
                         r"|\b(?:GMT|UTC|Z)\b")


def relative_times(rules) -> regex.Pattern:
    """``Сегодня, 10:15``, ``yesterday``, ``2 hours ago``: a relative day with a time, or N units ago."""
    table = rules.table("relative_times")
    days = "|".join(regex.escape(w) for ws in table["days"].values() for w in ws)
    ago = "|".join(regex.escape(w) for ws in table["ago"].values() for w in ws)
    return regex.compile(rf"(?i)(?:{days})(?:[,\s]+{relative_clock(rules)})?|\d{{1,3}}\s+\p{{L}}+\s+(?:{ago})")


def repeats_theme(text: str, previous: list[str], function_words: frozenset = frozenset()) -> bool:
    """Does ``text`` open with a common noun of the ``previous`` paragraphs (``Операция направлена …``
    after ``… операция «Канал»``)? The first word must be a content word, used in lower case before, so
    a place or a name opening the next teaser does not count. A short word used before counts whole when
    the opening word is that word and a suffix (``ырчы`` then ``Ырчынын айтымында, …``: a root of
    :data:`MIN_STEM_WORD` letters and its case ending, as Turkic languages write them), unless it is one
    of ``function_words`` (``this`` is no root of ``Thistles``)."""
    first = CONTENT_WORD.match(text)
    if first is None:
        return False
    word = first.group().lower()
    stem = word[:STEM_LENGTH]
    return any(
        w[0].islower() and (w.startswith(stem) or (word.startswith(w) and w not in function_words))
        for p in previous for w in CONTENT_WORD.findall(p[:STEM_CHARS])
    )


def function_words(rules) -> frozenset:
    """The words of :data:`MIN_STEM_WORD` letters in any stop-word list (table ``stopwords``): the short
    words :func:`repeats_theme` never takes as a root (memoised on the rule set)."""
    return rules.derived("items.function_words", _function_words)


def _function_words(rules) -> frozenset:
    lists = rules.table("stopwords")["languages"].values()
    return frozenset(w for words in lists for w in words.split() if len(w) == MIN_STEM_WORD and w.isalpha())


def headline_lists(texts: list[str], headline: list[bool], question: list[bool]) -> list[bool]:
    """Is each line in a list of headlines: a run of at least :data:`MIN_LISTED_HEADLINES` headlines of
    :data:`MIN_LISTED_WORDS` words or more (all but one without a closing ``?`` or ``!``), not introduced
    by a line ending in a colon (a list inside a text, ``Участники обсудили:``)? Padded with one ``False``.

    >>> headline_lists(["Главное", "Аким открыл новую школу в Таразе", "В Алматы прошёл большой форум",
    ...                 "Сборная выиграла свой первый матч"], [True] * 4, [False] * 4)
    [False, True, True, True, False]
    """
    listed = [False] * (len(texts) + 1)
    n = 0
    while n < len(texts):
        end = n
        while end < len(texts) and (headline[end] or question[end]) and words(texts[end]) >= MIN_LISTED_WORDS:
            end += 1
        plain = sum(headline[n:end])  # questions and exclamations alone are a dialogue, not a list
        if end - n >= MIN_LISTED_HEADLINES and plain >= MIN_LISTED_HEADLINES - 1 and not (n and texts[n - 1].endswith(":")):
            listed[n:end] = [True] * (end - n)
        n = max(end, n + 1)
    return listed


def colon_lists(texts: list[str], shaped: list[bool]) -> list[bool]:
    """Is each line an entry of a list inside a text: one of the headline-shaped lines right after a line
    that ends in a colon (``На встрече обсудили три вопроса:``)? Padded with one ``False``.

    >>> colon_lists(["Обсудили:", "Новая школа в Таразе", "Ремонт дорог", "Итоги подвели вечером."], [False, True, True, False])
    [False, True, True, False, False]
    """
    entries = [False] * (len(texts) + 1)
    for n in range(1, len(texts)):
        entries[n] = shaped[n] and (texts[n - 1].endswith(":") or entries[n - 1])
    return entries


def bare_stamp(line, rules) -> bool:
    """A line that is only a date or a time (a stamp split off leaves it empty): it heads what follows."""
    return not line.text or is_dateline(line.text, rules)


def stems(texts: list[str]) -> set[str]:
    """Prefix stems of the content words of ``texts``."""
    return {w[:STEM_LENGTH] for t in texts for w in CONTENT_WORD.findall(t.lower())}
