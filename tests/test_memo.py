"""The page memo (``Document.memo``) saves work and changes nothing.

``split_items`` writes what it found out about each line text (a headline, a date
line, a dated lead) and ``extract_metadata`` reads it back; the ``split_dates`` rules
that carry stamps write which short lines are date lines, and ``split_items`` reads it. Cleaning with the memo
switched off (a fresh dict for every lookup) gives the same items; every memo
entry is what the test itself answers; and a memo belongs to one page only.
"""

from __future__ import annotations

import functools
import importlib
import pickle

import pytest

from clean.model.document import Document, Line
from clean.pipeline import Pipeline
from clean.families.items import page, paragraphs
from clean.io.decode import read_and_decode
from tests.conftest import ROOT

MODULES = [importlib.import_module(name) for name in (
    "clean.families.items.page", "clean.stages.extract_metadata", "clean.families.dates.item_dates",
    "clean.families.dates.glued_stamp", "clean.families.dates.stamp_lines")]

PIPELINE = Pipeline()
RULES = PIPELINE.rules
TESTS = {
    "shape": lambda text: (
        paragraphs.bare_stamp(Line(1, 1, text), RULES), paragraphs.is_headline(text),
        paragraphs.is_question_headline(text),
    ),
    "lead": lambda text: paragraphs.lead_date(text, RULES),
    "dateline": lambda text: paragraphs.is_dateline(text, RULES),  # split_dates carries stamps, then Page
}


@functools.cache
def pages() -> tuple[tuple[str, bytes], ...]:
    paths = [path for folder in ("corpus", "listings") for path in sorted((ROOT / "tests" / folder).glob("*.txt"))]
    return tuple((str(path), path.read_bytes()) for path in paths)


def items(raw: bytes, path: str) -> list[dict]:
    return [item.model_dump() for item in PIPELINE.clean_bytes(raw, path).items]


def test_the_test_pages_are_there():
    assert len(pages()) > 50


def test_cleaning_without_the_memo_gives_the_same_items(monkeypatch):
    with_memo = [items(raw, path) for path, raw in pages()]
    unmemoised = lambda doc, rules, name: {}  # noqa: E731  (nothing is ever found in it)
    for module in MODULES:
        monkeypatch.setattr(module, "facts", unmemoised)
    assert [items(raw, path) for path, raw in pages()] == with_memo


def test_every_memo_entry_is_what_the_test_answers():
    asked = 0
    for path, raw in pages():
        doc = PIPELINE.clean_bytes(raw, path)
        assert doc.memo["rules"] is RULES
        for name, test in TESTS.items():
            for text, value in doc.memo.get(name, {}).items():
                assert value == test(text), (path, name, text)
                asked += 1
    assert asked > 1000


def test_a_memo_lives_for_one_page():
    first = read_and_decode("Новость дня\nТекст новости.".encode(), "a.txt")
    second = read_and_decode("Новость дня\nТекст новости.".encode(), "b.txt")
    assert first.memo is not second.memo and first.memo == {} == second.memo
    cleaned = PIPELINE.clean_document(first)
    assert cleaned.memo is first.memo and "Новость дня" in cleaned.memo["shape"]
    assert second.memo == {}
    assert Document.from_text("Новость дня").memo == {}


def test_a_memo_starts_over_under_another_rule_set():
    doc = PIPELINE.clean_document(Document.from_text("Новость дня\nТекст новости."))
    other = RULES.without({"noise"})
    table = page.facts(doc, other, "shape")
    assert table == {} and doc.memo["rules"] is other and "lead" not in doc.memo


@pytest.mark.parametrize("cleaned", [False, True])
def test_a_document_pickles_without_its_memo(cleaned):
    path, raw = pages()[0]
    doc = read_and_decode(raw, path)
    if cleaned:
        doc = PIPELINE.clean_document(doc)
        assert doc.memo
    doc.view()
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc and copy.memo == {} and copy.cached_view == doc.cached_view


def test_the_view_is_handed_on_while_the_lines_stay():
    doc = Document.from_text("Новость дня\nТекст новости.")
    view = doc.view()
    assert doc.replace(segments=()).cached_view is view
    assert doc.replace(lines=doc.lines).cached_view is None
    changed = doc.replace(lines=(doc.lines[0].replace(removed="noise.x"), doc.lines[1]))
    assert changed.view().text == "Текст новости."
