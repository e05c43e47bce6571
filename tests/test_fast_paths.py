"""The shortcuts of the paragraph tests behind ``split_items`` give what the plain computations give.

Each shortcut (a dated lead looked for only where a date can start within the
lead, credit and quote patterns skipped when the first word or the colon rules
them out) is checked against a plain reference written here (the code as it was
before the shortcut): line by line over the pages in ``tests/corpus`` and
``tests/listings`` and over generated text that puts dates, near-dates and names
where the shortcuts stop looking, and as whole segmentations of those pages.
"""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from clean.families.dates.reader import find_dates, first_date
from clean.pipeline import STAGES, Pipeline, clean_document
from clean.io.decode import read_and_decode
from clean.stages import split_items
from clean.families.dates.version_words import version_before
from clean.families.items.paragraphs import (
    CREDIT_WORDS, LEAD_WORDS, MAX_CREDIT_WORDS, NAME_LED_QUOTE, NUMBER_SIGN, NUMBER_TAIL, QUOTE_OPEN, _sentence_ends,
    is_credit, is_quote, lead_date, words,
)
from tests.conftest import ROOT

PIPELINE = Pipeline()
RULES = PIPELINE.rules
PAGES = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "listings").glob("*.txt"))
BEFORE_SPLIT = STAGES[: [stage.__name__ for stage in STAGES].index("split_items")]
PAGES = [p for p in PAGES if not p.name.endswith(".expected.txt")]


def _lines() -> list[str]:
    """Every source line of the test pages, and every kept line after the stages before ``split_items``."""
    lines = set()
    for path in PAGES:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines.update(line.strip() for line in text.splitlines() if line.strip())
        doc = clean_document(read_and_decode(path.read_bytes(), str(path)), RULES, BEFORE_SPLIT)
        lines.update(doc.lines[i].text for i in doc.kept_indices())
    return sorted(lines)


def reference_lead_date(text: str):
    """``lead_date`` as a scan of the whole head: the first date found, if it is within the lead."""
    head = text[: 40 * LEAD_WORDS]
    for found in find_dates(head, RULES):
        if words(head[: found.start]) < LEAD_WORDS and "." not in _sentence_ends(head[: found.start]):
            if NUMBER_SIGN.search(head[: found.start]) or NUMBER_TAIL.match(head, found.end):
                return None  # a document's number
            if found.start and version_before(RULES).search(head[: found.start]):
                return None  # a version's number: 'Version 2.10.2019', '№. 14 …' (rules/tables/version_words.toml)
            return found
        return None
    return None


LINES = _lines()
PIECES = [
    "14 августа 2023 года", "31 февраля", "31.02.2023", "20.11.2020", "2024-09-11", "№", "-15", "№15", "No.", "с 25 по 27 июля 2023 года",
    "November 20, 2020", "2024 жылғы 11 қыркүйек", "26 октября с.г.", "биылғы 11 қыркүйекте", "12,5 млрд", "3",
    "Итоги", "встречи", "в Минске.", "г.", "(", "«", "—", "-", "/", "Объём", "финансирования", "", " ", "  ",
]


def test_lead_date_on_test_pages():
    assert len(LINES) > 500
    assert [lead_date(t, RULES) for t in LINES] == [reference_lead_date(t) for t in LINES]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.sampled_from([" ", "", ", ", ". "]))
def test_lead_date_on_generated_text(pieces, glue):
    text = glue.join(pieces)
    assert lead_date(text, RULES) == reference_lead_date(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10), st.integers(0, 80))
def test_first_date_is_the_first_found(pieces, last_start):
    text = " ".join(pieces)
    first = next(find_dates(text, RULES), None)
    assert first_date(text, RULES, last_start) == (first if first and first.start <= last_start else None)


def reference_is_credit(text: str) -> bool:
    head = text.split(maxsplit=2)
    return len(head) > 1 and head[0].rstrip(":") in CREDIT_WORDS and len(text.split()) <= MAX_CREDIT_WORDS


def reference_is_quote(text: str) -> bool:
    return bool(QUOTE_OPEN.match(text) or NAME_LED_QUOTE.match(text))


SHORT_PIECES = [*sorted(CREDIT_WORDS), "Фото:", "By::", ":", "Photos:", "Photo:s", "«", "„", "—", "-", "–", "\"",
                "Сергей", "Шойгу", "Шойгу:", "Шойгу,", "А.", "пресс-служба", "Maria", "Lopez", "x", "", "\u00a0", "\t"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SHORT_PIECES), max_size=12), st.sampled_from([" ", "", "  ", "\u00a0"]))
def test_credit_and_quote_gates(pieces, glue):
    text = glue.join(pieces)
    assert (is_credit(text), is_quote(text)) == (reference_is_credit(text), reference_is_quote(text))


def test_credit_and_quote_gates_on_test_pages():
    assert [(is_credit(t), is_quote(t)) for t in LINES] == [(reference_is_credit(t), reference_is_quote(t)) for t in LINES]


def test_same_segments_as_the_plain_tests(monkeypatch):
    paragraphs = importlib.import_module("clean.families.items.paragraphs")
    docs = [clean_document(read_and_decode(p.read_bytes(), str(p)), RULES, BEFORE_SPLIT) for p in PAGES]
    fast = [split_items(doc, RULES).segments for doc in docs]
    monkeypatch.setattr(paragraphs, "lead_date", lambda text, rules: reference_lead_date(text))
    monkeypatch.setattr(paragraphs, "is_credit", reference_is_credit)
    monkeypatch.setattr(paragraphs, "is_quote", reference_is_quote)
    assert [split_items(doc, RULES).segments for doc in docs] == fast
