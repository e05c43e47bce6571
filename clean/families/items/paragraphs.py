"""What a paragraph looks like: headline, attribution, quote, dated lead, dateline, continuation.

:class:`Page` runs these tests over the kept lines of one page, each at most
once, for the ``split_items`` ladder; :func:`stems` gives the prefix stems its
cohesion rungs compare.

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
from operator import or_
from typing import TYPE_CHECKING

import regex

from clean.families.dates.reader import FoundDate, find_dates, first_date
from clean.model.document import Document
from clean.families.items.cards import MIN_CARDS, NO_CARDS, line_cards

if TYPE_CHECKING:
    from clean.engine.ruleset import RuleSet

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
DAY_MONTH = regex.compile(r"(?<![\d.])\d{1,2}\.\d{2}(?![\d.])")
CREDIT_WORDS = frozenset(
    "By Photo Photos Source Video Автор Авторы Фото Видео Источник Текст Джерело Сурет Суреттер".split()
)
CREDIT_OPEN = re.compile(rf"\s*(?:{'|'.join(CREDIT_WORDS)}):*\s+\S")  # a credit word (colons aside), then a word
DIGIT = re.compile(r"\d")
CONTENT_WORD = re.compile(rf"[^\W\d_]{{{MIN_STEM_WORD},}}")  # letters only; stdlib re is the faster here
LEAD_SPAN = re.compile(rf"\s*(?:\S+\s+){{0,{LEAD_WORDS}}}\S*")  # the words a dated lead's digits must fall in
LEAD_START = re.compile(rf"\s*(?:\S+\s+){{{LEAD_WORDS - 1}}}")  # a date starting after these words is no lead
LETTER_OR_DIGIT = regex.compile(r"[\p{L}\d]")
SENTENCE_END = regex.compile(r"\p{Ll}{3,}\.\s")


def words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def is_headline(text: str) -> bool:
    """A short line without closing punctuation that is not an attribution."""
    return _shaped(text) and text[-1] not in CLOSING and not is_attribution(text) and not is_credit(text)


def is_question_headline(text: str) -> bool:
    """A short line ending in ``?`` or ``!``: a headline, or a question in an interview (topic decides)."""
    return _shaped(text) and text[-1] in "?!" and not is_quote(text) and not is_credit(text)


def _shaped(text: str) -> bool:
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
    """The date that opens a paragraph (within its first :data:`LEAD_WORDS` words), or None."""
    if not DIGIT.search(LEAD_SPAN.match(text).group()):
        return None  # every date has digits: skip the date pattern on most paragraphs
    head = text[: 40 * LEAD_WORDS]
    late = LEAD_START.match(head)  # the first date of ``head`` if it starts no later than this
    found = first_date(head, rules, late.end() if late else len(head))
    if found is None or words(head[: found.start]) >= LEAD_WORDS or "." in _sentence_ends(head[: found.start]):
        return None
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
    if rules.derived("items.relative-times", _relative_times).fullmatch(text.strip().casefold()):
        return True
    if not DIGIT.search(text):
        return False
    found = next(find_dates(text, rules), None)
    if found is None:
        if not TIME.search(text):
            return False
        rest = DAY_MONTH.sub("", TIME.sub("", text), count=1)  # a day and month beside the time: 14.10/15:52
    else:
        rest = TIME.sub("", text[: found.start] + text[found.end :])
    return not LETTER_OR_DIGIT.search(rules.derived("items.dateline-words", _dateline_words).sub("", rest))


def _dateline_words(rules) -> regex.Pattern:
    """What a date line may hold besides the date and the time: a weekday, a time zone."""
    days = sorted((d for names in rules.tables.get("weekdays", {}).values() for d in names), key=len, reverse=True)
    weekday = "|".join(regex.escape(d) for d in days) or r"(?!x)x"
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{weekday})\.?(?!\p{{L}})|[+-]\d{{2}}:?\d{{2}}\b|\b(?:GMT|UTC|Z)\b")


def _relative_times(rules) -> regex.Pattern:
    """``Сегодня, 10:15``, ``yesterday``, ``2 hours ago``: a relative day with a time, or N units ago."""
    table = rules.table("relative_times")
    days = "|".join(regex.escape(w) for ws in table["days"].values() for w in ws)
    ago = "|".join(regex.escape(w) for ws in table["ago"].values() for w in ws)
    return regex.compile(rf"(?:{days})(?:[,\s]+(?:в\s+|at\s+)?\d{{1,2}}:\d{{2}})?|\d{{1,3}}\s+\p{{L}}+\s+(?:{ago})")


def repeats_theme(text: str, previous: list[str]) -> bool:
    """Does ``text`` open with a common noun of the ``previous`` paragraphs (``Операция направлена …``
    after ``… операция «Канал»``)? The first word must be a content word, used in lower case before, so
    a place or a name opening the next teaser does not count."""
    first = CONTENT_WORD.match(text)
    if first is None:
        return False
    stem = first.group().lower()[:STEM_LENGTH]
    return any(
        w[0].islower() and w.startswith(stem) for p in previous for w in CONTENT_WORD.findall(p[:STEM_CHARS])
    )


def opens_continuation(text: str, rules) -> bool:
    """Does the paragraph open with a word that continues the one before (``Участники``, ``However``)?"""
    return bool(rules.derived("items.continuations", _continuations).match(text))


def _continuations(rules) -> regex.Pattern:
    openers = sorted({w for words in rules.table("continuations").values() for w in words}, key=len, reverse=True)
    return regex.compile(r"(?:" + "|".join(regex.escape(w) for w in openers) + r")(?![\p{L}-])")


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


def facts(doc: Document, rules: RuleSet, name: str) -> dict:
    """The document's memo of the fact ``name``: line text -> value, shared by the stages that ask it of
    the same page (see :class:`~clean.model.document.Document`).

    ``"shape"`` is :func:`shape`, ``"lead"`` is :func:`lead_date`: pure functions of the text and the rules.
    The memo keeps the rule set its facts were computed for (holding it, so that no other object can take
    its identity) and starts over under another.
    """
    memo = doc.memo
    if memo.get(_RULES) is not rules:
        memo.clear()
        memo[_RULES] = rules
    table = memo.get(name)
    if table is None:
        table = memo[name] = {}
    return table


_RULES = "rules"  # the memo's entry for the rule set its facts hold under
_UNKNOWN = object()  # not in a memo yet (a lead date may be None)


def shape(text: str, rules: RuleSet) -> tuple[bool, bool, bool]:
    """Is ``text`` a date line (:func:`bare_stamp` of a line with this text), a headline, a question headline?"""
    return not text or is_dateline(text, rules), is_headline(text), is_question_headline(text)


def memo_lead(leads: dict, text: str, rules: RuleSet) -> FoundDate | None:
    """``lead_date(text, rules)`` through the memo ``leads`` (``facts(doc, rules, "lead")``)."""
    found = leads.get(text, _UNKNOWN)
    if found is _UNKNOWN:
        found = leads[text] = lead_date(text, rules)
    return found


CARD_NOISE = {"chrome.card-counter": "N", "credit.domain-line": "U"}  # removed, but part of a card's shape


def _card_noise(doc: Document, kept: list[int]) -> list[str]:
    """The shapes of the lines removed as a card's counters or links right before each kept line, and
    after the last one."""
    lines, shapes, last = doc.lines, [], -1
    for i in [*kept, len(lines)]:  # and those after the last kept line
        shapes.append("".join(CARD_NOISE.get(lines[j].removed, "") for j in range(last + 1, i)))
        last = i
    return shapes


class _Nothing:
    """A list of ``False`` as long as any page (for a fact no line of the page has)."""

    def __getitem__(self, n) -> bool:
        return False


NONE = _Nothing()


class Page:
    """The kept lines of a page (``n`` counts them) and the tests the ladder asks of them.

    The cheap tests are run once per line up front, into lists padded with one
    ``False`` past the last line; the dear ones (a dated lead, stems) run on
    demand, at most once per line. ``dates_trail`` says the page prints its
    date lines under each item (it ends with one and does not begin with one).
    """

    def __init__(self, doc: Document, rules: RuleSet):
        self.doc, self.rules, self.kept = doc, rules, doc.kept_indices()
        lines = [doc.lines[k] for k in self.kept]
        texts = [line.text for line in lines]
        self.lines = lines + [None]
        # is_dateline is False past MAX_DATELINE_CHARS: most paragraphs never call it
        self.bare = [not t or (len(t) <= MAX_DATELINE_CHARS and is_dateline(t, rules)) for t in texts] + [False]
        self.stamped = [line.stamp is not None or bare for line, bare in zip(lines, self.bare)] + [False]
        self.attribution = [is_attribution(t) for t in texts] + [False]
        self.credit = [is_credit(t) for t in texts] + [False]
        quote = [is_quote(t) for t in texts]
        shaped = [not (a or c) and _shaped(t) for t, a, c in zip(texts, self.attribution, self.credit)]
        self.headline = [s and t[-1] not in CLOSING for t, s in zip(texts, shaped)] + [False]
        self.question = [s and t[-1] in "?!" and not q for t, s, q in zip(texts, shaped, quote)] + [False]
        # a speaker's words end as a sentence does: 'Имя Фамилия: заявление' with no full stop is a headline
        self.quote = [q and not (h and t[:1] not in QUOTE_FIRST) for q, h, t in zip(quote, self.headline, texts)]
        self.quote.append(False)
        self.dates_trail = len(lines) > 1 and self.bare[len(lines) - 1] and not self.bare[0]
        headed = bytes(map(or_, self.headline, self.question))  # a C-level gate: most pages have no list
        self.listed = headline_lists(texts, self.headline, self.question) if b"\x01\x01\x01" in headed else NONE
        self.enumerated = colon_lists(texts, self.headline) if ":\n" in doc.view().text else NONE
        self.cards = self._cards(doc, lines, texts)
        # extract_metadata asks the same of the same texts: what is known goes into the page's memo, as
        # shape() (Page.headline is is_headline; Page.question is is_question_headline: no attribution ends in ?!)
        facts(doc, rules, "shape").update(zip(texts, zip(self.bare, self.headline, self.question)))
        self._leads = facts(doc, rules, "lead")
        self._stems: dict[int, frozenset[str]] = {}

    def _cards(self, doc: Document, lines: list, texts: list[str]):
        """The page's runs of cards (:mod:`~clean.families.items.cards`), read only where it has
        :data:`~clean.families.items.cards.MIN_CARDS` date lines or stamped lines."""
        if sum(self.stamped) < MIN_CARDS:
            return NO_CARDS
        stamps = [line.stamp is not None for line in lines]
        return line_cards(texts, self.bare, stamps, [words(t) for t in texts], _card_noise(doc, self.kept))

    def lead(self, n: int):
        """The date kept line ``n`` opens with (a :class:`~clean.families.dates.reader.FoundDate`), or None."""
        return memo_lead(self._leads, self.lines[n].text, self.rules)

    def stems(self, n: int) -> frozenset[str]:
        """Prefix stems of the content words of kept line ``n`` (its first :data:`STEM_CHARS` characters)."""
        if n not in self._stems:
            self._stems[n] = frozenset(stems([self.lines[n].text[:STEM_CHARS]]))
        return self._stems[n]
