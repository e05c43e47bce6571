"""Widgets of figures among a listing's cards: exchange rates, a weather forecast (``content.listing-widget``).

A home page prints the day's exchange rates or a forecast beside its cards. Scraped one text node a
line, such a widget is a long run of tiny lines: codes and figures ('1 USD', '3.2', '+14', 'EUR'), a
city's name, a day's number. A card never looks like that: its headline is a line of words. So on a
listing, a run of at least :data:`DATA_RUN` lines of at most :data:`DATA_CHARS` characters and one
word each, at least half of them with a digit, is a widget, with the short heading right above it
('Exchange rates', 'Weather': one to :data:`HEADING_WORDS` words, printed once, no headline).

>>> from clean.catalog import shipped_rules
>>> from clean.families.content.line_features import describe
>>> rates = ["USD", "3.21", "3.25", "EUR", "3.80", "3.86", "RUB", "0.041", "0.043"]
>>> lines = ["14 May 2021", "Harbour works start on Monday in the port", "Exchange rates", *rates, "Weather"]
>>> data_tables(describe(lines, shipped_rules()), lines)
[(2, 12)]
"""

from __future__ import annotations

from clean.families.content.line_features import LEN_LOW, SHORT, STAMP, LineInfo
from clean.families.content.listing_menus import true_runs

DATA_RUN = 8  # tiny lines in a row that make a table of figures
DATA_CHARS = 12  # '1 USD', '100 RUB', '..14', '+3 °C', 'Vitebsk'
HEADING_WORDS = 3  # 'Exchange rates', 'Курсы валют'


def data_tables(infos: list[LineInfo], texts: list[str]) -> list[tuple[int, int]]:
    """The widgets of figures among ``infos`` (``texts``: the same lines' text), as (first, last)."""
    tiny = [info.cls == SHORT and info.chars <= DATA_CHARS and info.words <= 1 for info in infos]
    return [(_heading(infos, a), b) for a, b in true_runs(tiny, DATA_RUN)
            if 2 * sum(_figure(texts[j]) for j in range(a, b + 1)) >= b - a + 1]


def _figure(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _heading(infos: list[LineInfo], start: int) -> int:
    """``start``, or the line above it when that is the widget's heading."""
    if start == 0:
        return start
    above = infos[start - 1]
    heading = above.cls == SHORT and 0 < above.words <= HEADING_WORDS and not above.headline_like and above.copies == 1
    return start - 1 if heading else start


MIN_LABELS = 3  # a label over this many date lines is the template's
LABEL_WORDS = 3  # 'Published:', 'Date of publication:'


def date_labels(infos: list[LineInfo], texts: list[str]) -> list[tuple[int, int]]:
    """The field labels over the cards' date lines ('Published:', 'Дата публикации:'): a line of one to
    :data:`LABEL_WORDS` words ending with a colon, printed :data:`MIN_LABELS` times or more, each time
    right above a date line.

    >>> from clean.catalog import shipped_rules
    >>> from clean.families.content.line_features import describe
    >>> lines = [x for n in range(1, 4) for x in ("Published:", f"{n} May 2021", f"Headline number {n} about the harbour")]
    >>> date_labels(describe(lines, shipped_rules()), lines)
    [(0, 0), (3, 3), (6, 6)]
    """
    found = [k for k in range(len(infos) - 1) if infos[k].cls == SHORT and 0 < infos[k].words <= LABEL_WORDS
             and infos[k].copies >= MIN_LABELS and infos[k + 1].cls == STAMP and texts[k].rstrip().endswith(":")]
    return [(k, k) for k in found] if len(found) >= MIN_LABELS else []


MIN_OPTIONS = 3  # two answers and a button, or three answers
MAX_OPTIONS = 8
OPTION_WORDS = 6


def polls(infos: list[LineInfo], texts: list[str], under: bool) -> list[tuple[int, int]]:
    """The polls among the cards: a question (a line of three words or more ending with '?'), then
    :data:`MIN_OPTIONS` to :data:`MAX_OPTIONS` short answers (at most :data:`OPTION_WORDS` words, no
    closing punctuation, no date line), the last of them often the button to see the results. A
    question headline of a card has its date line beside it (:func:`~clean.families.content.listing_menus.dates_under`
    tells on which side the page prints it): a question with a date line there is a card's headline, and
    the short lines under it are its rubric and authors. (``under``: the page dates its cards under the headline.)

    >>> from clean.catalog import shipped_rules
    >>> from clean.families.content.line_features import describe
    >>> lines = ["Ferry number 2 returns to the northern pier", "12:15", "Will the new bridge be ready by May?", "Yes", "No", "Hard to say", "See the results",
    ...          "Ferry number 3 returns to the northern pier", "12:30"]
    >>> polls(describe(lines, shipped_rules()), lines, True)
    [(2, 6)]
    """
    found, after = [], 0
    for k in [k for k, text in enumerate(texts) if "?" in text[-3:] and text.rstrip()[-1:] == "?"]:  # the questions
        if k < after or infos[k].words < 3:
            continue
        end = _answers(infos, texts, k + 1)
        if under:  # the question's own date line, under it or over it: none past the page's last line
            dated = end < len(infos) and infos[end].cls == STAMP
        else:
            dated = 0 < k and infos[k - 1].cls == STAMP
        if MIN_OPTIONS < end - k <= MAX_OPTIONS + 1 and not dated:
            found.append((k, end - 1))
            after = end
    return found


def _answers(infos: list[LineInfo], texts: list[str], start: int) -> int:
    """The position after the run of short answers from ``start``."""
    k = start
    while k < len(infos) and k - start <= MAX_OPTIONS and _answer(infos[k], texts[k]):
        k += 1
    return k


def _answer(info: LineInfo, text: str) -> bool:
    text = text.rstrip()
    return info.cls != STAMP and 0 < info.words <= OPTION_WORDS and info.chars < LEN_LOW and text[-1:] not in ".!?…:"
