"""The shortcuts of the item stages give what the plain tests give.

:func:`~clean.families.items.line_facts.line_facts` runs the shape tests of a line in one call (the
words split once, the attribution pattern skipped without a comma), and
:func:`~clean.families.items.continuations.opens_continuation` compares a paragraph only with the
openers under its first word; both are checked here against the tests of
:mod:`~clean.families.items.paragraphs` and the one alternation they replace, on the lines of the test
pages and on generated lines made of the pieces where their edges are.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.families.items import paragraphs as p
from clean.families.items.continuations import Openers, opens_continuation
from clean.families.items.line_facts import line_facts
from clean.pipeline import STAGES, Pipeline, clean_document
from clean.io.decode import read_and_decode
from tests.conftest import ROOT

RULES = Pipeline().rules
PAGES = [path for folder in ("corpus", "listings") for path in sorted((ROOT / "tests" / folder).glob("*.txt"))
         if not path.name.endswith(".expected.txt")]
BEFORE_SPLIT = STAGES[: [stage.__name__ for stage in STAGES].index("split_items")]


def _kept_lines() -> list[str]:
    lines = set()
    for path in PAGES:
        doc = clean_document(read_and_decode(path.read_bytes(), str(path)), RULES, BEFORE_SPLIT)
        lines.update(doc.lines[i].text for i in doc.kept_indices())
    return sorted(lines)


LINES = _kept_lines()
OPENERS = sorted({w for words in RULES.table("continuations").values() for w in words})
PIECES = st.sampled_from([
    *OPENERS[:40], "Сергей Шойгу", ", министр", ", ", ":", " ", "-", "Фото:", "By", "«", "»", "— ", "?", "!", ".", "…",
    "Она", "Онлайн", "Сондай-ақ", "5", "Ё", "ǅ", "слово", "Слово", "А.", "\u00a0", "\u2028", ""])
GENERATED = st.lists(PIECES, max_size=8).map("".join)


def plain_facts(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """What Page computed before line_facts: each test of paragraphs.py on its own."""
    attribution, credit, quote = p.is_attribution(text), p.is_credit(text), p.is_quote(text)
    shaped = not (attribution or credit) and p.has_headline_shape(text)
    headline = shaped and text[-1] not in p.CLOSING
    question = shaped and text[-1] in "?!" and not quote
    return attribution, credit, headline, question, quote and not (headline and text[:1] not in p.QUOTE_FIRST)


def test_line_facts_on_test_pages():
    assert len(LINES) > 300
    assert [tuple(column[:-1]) for column in line_facts(LINES)] == list(zip(*map(plain_facts, LINES)))
    assert all(column[-1] is False for column in line_facts(LINES))


@settings(max_examples=600, deadline=None)
@given(st.lists(GENERATED, max_size=5))
def test_line_facts_on_generated_lines(texts):
    assert [column[:-1] for column in line_facts(texts)] == [list(c) for c in zip(*map(plain_facts, texts))] or (
        not texts and line_facts(texts) == ([False],) * 5)


def test_line_facts_edges():
    # 15 words is an attribution, 16 is not; a headline has 20 words at most, 200 characters at most
    role = " ".join(["слово"] * 13)
    assert line_facts(["Сергей Шойгу, " + role])[0][0] and not line_facts(["Сергей Шойгу, " + role + " ещё"])[0][0]
    assert line_facts([" ".join(["Слово"] * 20)])[2][0] and not line_facts([" ".join(["Слово"] * 21)])[2][0]
    assert line_facts(["Слово " + "б" * 194])[2][0] and not line_facts(["Слово " + "б" * 195])[2][0]
    assert line_facts(["Имя Фамилия: заявление"])[2:] == ([True, False], [False, False], [False, False])


def test_continuation_index_on_test_pages():
    pattern = Openers(RULES).pattern()
    assert sum(opens_continuation(text, RULES) for text in LINES) > 5
    assert [opens_continuation(text, RULES) for text in LINES] == [bool(pattern.match(text)) for text in LINES]


@settings(max_examples=600, deadline=None)
@given(GENERATED)
def test_continuation_index_on_generated_lines(text):
    assert opens_continuation(text, RULES) == bool(Openers(RULES).pattern().match(text))


def test_continuation_index_is_the_table_alternation():
    plain = regex.compile(r"(?:" + "|".join(regex.escape(w) for w in sorted(OPENERS, key=len, reverse=True))
                          + r")(?![\p{L}-])")
    for opener in OPENERS:
        for text in (opener, opener + " x", opener + "-x", opener + "x", opener + ",", opener + "5", opener[:-1]):
            assert opens_continuation(text, RULES) == bool(plain.match(text)), text


DIGITS = st.sampled_from(["5", "٣", "12", "x", "слово", " ", "  ", "\t", "\u2028", "\u00a0", "a1", "-", ""])


@settings(max_examples=800, deadline=None)
@given(st.lists(DIGITS, max_size=20).map("".join))
def test_lead_digit_is_a_digit_in_the_lead_span(text):
    assert bool(p.LEAD_DIGIT.match(text)) == bool(p.DIGIT.search(p.LEAD_SPAN.match(text).group()))


def test_lead_digit_on_test_pages_and_at_the_seventh_word():
    assert [bool(p.LEAD_DIGIT.match(t)) for t in LINES] == [bool(p.DIGIT.search(p.LEAD_SPAN.match(t).group())) for t in LINES]
    words = ["слово"] * p.LEAD_WORDS
    assert p.LEAD_DIGIT.match(" ".join([*words, "5"])) and not p.LEAD_DIGIT.match(" ".join([*words, "слово", "5"]))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="TDHWUN", max_size=40), st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=5))
def test_periodic_stretches_of_enough_cards_are_the_long_ones(symbols, period, count):
    from clean.families.items import cards

    every = list(cards._periodic(symbols, period))
    assert list(cards._periodic(symbols, period, count)) == [(a, b) for a, b in every if (b - a) // period >= count]


MARKS = st.lists(st.sampled_from([None, None, None, "noise.separator", "chrome.menu", "chrome.related-link"]),
                 min_size=1, max_size=30)


@settings(max_examples=400, deadline=None)
@given(MARKS, st.randoms(use_true_random=False))
def test_segments_and_separators_as_the_line_by_line_reading(marks, random):
    from clean.families.items.segments import SEPARATOR_RULE, after_separator, segments
    from clean.model.document import Document

    kept = [i for i, mark in enumerate(marks) if mark is None and random.random() < 0.6] or [0]
    marks = [None if i in kept else mark for i, mark in enumerate(marks)]
    doc = Document.from_text("\n".join(f"line {i}" for i in range(len(marks))))
    starts = [(kept[0], "items.first")] + [(k, "items.headline") for k in kept[1:] if random.random() < 0.4]
    plain_after = {n for n, k in enumerate(kept) for i in range(kept[0] + 1, kept[-1])
                   if marks[i] == SEPARATOR_RULE and n == next(m for m, x in enumerate(kept) if x >= i)}
    assert after_separator(marks, kept) == plain_after
    bounds = [s for s, _ in starts] + [len(marks)]
    plain = []
    for (first, reason), stop in zip(starts, bounds[1:]):
        last = max(k for k in kept if k < stop)
        for i in range(last + 1, stop):
            if marks[i] == SEPARATOR_RULE:
                break
            if marks[i] is not None:
                last = i
        plain.append((first, last, reason))
    assert [(s.first, s.last, s.reason) for s in segments(doc, marks, kept, starts)] == plain


SPACES = st.sampled_from(["слово", "a", " ", "  ", "\t", "\n", "\u2028", "\u00a0", "\x1c", "\u3000", "."])


@settings(max_examples=800, deadline=None)
@given(st.lists(SPACES, max_size=30).map("".join), st.integers(min_value=0, max_value=8))
def test_words_upto_counts_words_up_to_the_limit(text, most):
    assert p.words_upto(text, most) == min(p.words(text), most + 1)


def test_words_upto_at_the_limit():
    assert p.words_upto("а б в г", 4) == 4 and p.words_upto("а б в г д", 4) == 5 and p.words_upto("а б в г д е", 4) == 5
    assert p.words_upto("  а  б  ", 1) == 2 and p.words_upto("   ", 3) == 0
