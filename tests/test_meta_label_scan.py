"""``chrome.split-meta-label`` finds its label lines with the engine's line-start scan
(:func:`clean.engine.line_scan.spans`, the pattern's ``\\n`` twin) instead of ``finditer`` over the page:
the same lines, on the dev pages, the listings, the seeds, the real pages and generated pages full of
labels (in other cases, with spaces and colons around them, on the first and the last line, next to
near-misses that only start or end like one)."""

from __future__ import annotations

import random

import pytest

from clean.catalog.loader import shipped_rules
from clean.engine.line_scan import spans
from clean.families.chrome.meta_lines import _labels
from clean.io.decode import read_and_decode
from clean.model.document import Document
from clean.pipeline import STAGES
from tests.conftest import ROOT
from tests.test_real_pages import REAL

RULES = shipped_rules()
COUNTER, PUBLISHED = _labels(RULES)
PAGES = sorted(p for p in [*(ROOT / "tests" / "corpus").glob("*.txt"), *(ROOT / "tests" / "listings").glob("*.txt"),
                           *(ROOT / "seeds").glob("*.txt"), *((REAL / "pages").glob("*.txt") if REAL else [])]
               if not p.name.endswith(".expected.txt"))


def _lines_found(view) -> tuple[set[int], set[int]]:
    return tuple({view.position(start) for start, _ in spans(p, view.text, view.offsets)} for p in (COUNTER, PUBLISHED))


def _lines_finditer(view) -> tuple[set[int], set[int]]:
    return tuple({view.position(m.start()) for m in p.compiled.finditer(view.text)} for p in (COUNTER, PUBLISHED))


def test_the_patterns_have_line_start_twins():
    assert COUNTER.entry is not None and PUBLISHED.entry is not None


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_same_lines_as_finditer_on_the_pages(path):
    doc = read_and_decode(path.read_bytes(), str(path))
    for stage in STAGES[:2]:
        assert _lines_found(doc.view()) == _lines_finditer(doc.view())
        doc = stage(doc, RULES)


def _labels_of(table: str, section: str) -> list[str]:
    return [w for ws in RULES.tables.get(table, {}).get(section, {}).values() for w in ws]


def test_the_same_lines_as_finditer_on_generated_pages():
    words = _labels_of("meta_labels", "counter") + _labels_of("date_labels", "labels")
    assert len(words) > 10
    rnd = random.Random(7)
    found = 0
    for _ in range(400):
        lines = []
        for _ in range(rnd.randrange(1, 12)):
            word = rnd.choice(words)
            word = rnd.choice([word, word.upper(), word.lower(), word.capitalize()])
            lines.append(rnd.choice([
                word, f"  {word}:", f"\t{word} : ", f"{word}:", f"{word} 1 520", f"Всего {word}", "1 520",
                "12.10.2020", f"{word}{word}", f"{word}\u00a0:", "", f"{word}.", "Текст новости.",
            ]))
        doc = Document.from_text("\n".join(lines))
        view = doc.view()
        expected = _lines_finditer(view)
        assert _lines_found(view) == expected, lines
        found += bool(expected[0] or expected[1])
    assert found > 100  # the generated pages hold labels the patterns take, not only near-misses
