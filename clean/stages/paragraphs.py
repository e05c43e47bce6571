"""What a paragraph looks like: headline, attribution, quote, dated lead.

Shared by ``split_items`` (where an item starts) and ``extract_metadata``
(which line is the title, which date is the item's). Each test is a short
pattern or a threshold named here, so a reader can check them in one place.

>>> is_attribution("Сергей Шойгу, секретарь Совета безопасности России")
True
>>> is_headline("Казахстан возглавил ОДКБ"), is_headline("Казахстан возглавил ОДКБ.")
(True, False)
"""

from __future__ import annotations

import regex

from clean.dates import FoundDate, find_dates

MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 200
MAX_STAMPED_HEADLINE_WORDS = 30  # a line right before a stamped body may end with a full stop
MAX_ATTRIBUTION_WORDS = 15
LEAD_WORDS = 6  # a dated lead starts within the first words of the paragraph
LEAD_CACHE_SIZE = 4096
DATE_WORDS = 4  # "с 25 по 27", "from May 5": a date's first digit is at most this many words after its start
DIGIT = regex.compile(r"\d")
CLOSING = ".!?…:;,"

_NAME = r"(?:\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’-]+)?|\p{Lu}\.)"
ATTRIBUTION = regex.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,3}},\s+\S")
NAME_LED_QUOTE = regex.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,2}}:\s+\S")
QUOTE_OPEN = regex.compile(r"^[«“„\"]|^[—–-]\s")
SENTENCE_DOT = regex.compile(r"\p{Ll}{3,}\.\s")


def words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def is_headline(text: str) -> bool:
    """A short line without closing punctuation that is not an attribution."""
    return (
        bool(text)
        and words(text) <= MAX_HEADLINE_WORDS
        and len(text) <= MAX_HEADLINE_CHARS
        and text[-1] not in CLOSING
        and (text[0].isupper() or text[0].isdigit() or text[0] in "«\"“")
        and not is_attribution(text)
    )


def is_attribution(text: str) -> bool:
    """``Name Surname, role`` on a line of its own: who said the quote before it."""
    return bool(ATTRIBUTION.match(text)) and words(text) <= MAX_ATTRIBUTION_WORDS and text[-1] not in ".!?…"


def is_quote(text: str) -> bool:
    """A paragraph that opens a quote, or that names its speaker first (``Имя Фамилия: …``)."""
    return bool(QUOTE_OPEN.match(text) or NAME_LED_QUOTE.match(text))


def lead_date(text: str, rules) -> FoundDate | None:
    """The date that opens a paragraph (within its first :data:`LEAD_WORDS` words), or None.

    Splitting and metadata ask this of the same paragraphs several times, so
    answers are remembered per rule set (up to :data:`LEAD_CACHE_SIZE` heads).
    """
    head = text[: 40 * LEAD_WORDS]
    cache = rules.derived("paragraphs.lead-dates", lambda _: {})
    if head not in cache:
        if len(cache) >= LEAD_CACHE_SIZE:
            cache.clear()
        cache[head] = _lead_date(head, rules)
    return cache[head]


def _lead_date(head: str, rules) -> FoundDate | None:
    if not DIGIT.search(" ".join(head.split(maxsplit=LEAD_WORDS + DATE_WORDS)[: LEAD_WORDS + DATE_WORDS])):
        return None  # a date opening within LEAD_WORDS words has a digit within DATE_WORDS more
    for found in find_dates(head, rules):
        if words(head[: found.start]) < LEAD_WORDS and "." not in _sentence_ends(head[: found.start]):
            return found
        return None
    return None


def _sentence_ends(prefix: str) -> str:
    """The sentence-final dots in ``prefix`` (abbreviations like ``г.`` do not count)."""
    return "." if SENTENCE_DOT.search(prefix) else ""
