"""The shape tests of every kept line of a page in one call per line: what :class:`~clean.families.items.page.Page`
asks of each line, with the words of a line counted at most once.

Each value is exactly the test of :mod:`~clean.families.items.paragraphs` it stands for:

- ``attribution``: :func:`~clean.families.items.paragraphs.is_attribution`. Its pattern ends with a comma
  (``Name Surname, role``), so a line without one is no attribution and skips the pattern;
- ``credit``: :func:`~clean.families.items.paragraphs.is_credit`;
- ``headline`` and ``question``: :func:`~clean.families.items.paragraphs.has_headline_shape` of a line that
  is neither, ending without closing punctuation, or in ``?`` or ``!`` (a question also no quote);
- ``quote``: :func:`~clean.families.items.paragraphs.is_quote`, but not a headline opening as no quote does
  (``Имя Фамилия: заявление`` without a full stop is a headline).

The words (``text.split()``, :func:`~clean.families.items.paragraphs.words`) are split only for a line
that one of the tests counts them for (a long paragraph that opens with no name, credit or capital never
is), and only up to :data:`MOST_WORDS` (:func:`~clean.families.items.paragraphs.words_upto`): every test
compares them with a limit no higher.

>>> [column[:2] for column in line_facts(["Сергей Шойгу, министр обороны", "Он сказал: «Да»."])]
[[True, False], [False, False], [False, False], [False, False], [False, False]]
"""

from __future__ import annotations

from clean.families.items.paragraphs import (
    ATTRIBUTION, CLOSING, CREDIT_OPEN, MAX_ATTRIBUTION_WORDS, MAX_CREDIT_WORDS, MAX_HEADLINE_CHARS, MAX_HEADLINE_WORDS,
    MIN_HEADLINE_WORDS, NAME_LED_QUOTE, QUOTE_FIRST, QUOTE_OPEN,
)

ATTRIBUTION_NOT_LAST = ".!?…"  # an attribution ends without these (is_attribution)
HEADLINE_FIRST = "«\"“"  # besides a capital or a digit, a headline may open with these (has_headline_shape)
NOTHING = (False, False, False, False, False)
MOST_WORDS = max(MAX_ATTRIBUTION_WORDS, MAX_CREDIT_WORDS, MAX_HEADLINE_WORDS)  # no test counts words further


def line_facts(texts: list[str]) -> tuple[list[bool], list[bool], list[bool], list[bool], list[bool]]:
    """``attribution``, ``credit``, ``headline``, ``question``, ``quote`` of each of ``texts`` (see module
    docstring), each list padded with one ``False`` past the last line."""
    columns = tuple(map(list, zip(*map(_facts, texts)))) if texts else ([], [], [], [], [])
    for column in columns:
        column.append(False)
    return columns


def _facts(text: str) -> tuple[bool, bool, bool, bool, bool]:
    if not text:
        return NOTHING
    first, last, split = text[0], text[-1], None
    attribution = (last not in ATTRIBUTION_NOT_LAST and "," in text and ATTRIBUTION.match(text) is not None
                   and len(split := text.split(None, MOST_WORDS)) <= MAX_ATTRIBUTION_WORDS)
    credit = (CREDIT_OPEN.match(text) is not None
              and len(split or (split := text.split(None, MOST_WORDS))) <= MAX_CREDIT_WORDS)
    quote = ((first in QUOTE_FIRST and QUOTE_OPEN.match(text) is not None)
             or (":" in text and NAME_LED_QUOTE.match(text) is not None))
    if (not (attribution or credit) and len(text) <= MAX_HEADLINE_CHARS
            and (first.isupper() or first.isdigit() or first in HEADLINE_FIRST)
            and MIN_HEADLINE_WORDS <= len(split or text.split(None, MOST_WORDS)) <= MAX_HEADLINE_WORDS):
        headline = last not in CLOSING
        question = last in "?!" and not quote
        return attribution, credit, headline, question, quote and not (headline and first not in QUOTE_FIRST)
    return attribution, credit, False, False, quote
