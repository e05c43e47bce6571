"""The meta-line rules scan less of the page, and find the same lines.

``chrome.split-meta-label`` finds its label lines with the engine's line-start scan
(:func:`clean.engine.line_scan.spans`, the pattern's ``\\n`` twin) instead of ``finditer`` over the page:
the same lines, on the dev pages, the listings, the seeds, the real pages and generated pages full of
labels (in other cases, with spaces and colons around them, on the first and the last line, next to
near-misses that only start or end like one). ``chrome.relative-time-meta`` skips a page with no colon and
no 'ago' word: every match of its pattern holds one, and the rule gives what it gives without the skip."""

from __future__ import annotations

import random

import pytest
import regex

from clean.catalog.loader import shipped_rules
from clean.engine.line_scan import spans
from clean.families.chrome import meta_lines
from clean.families.chrome.meta_lines import _ago_words, _labels, _relative_time, relative_time_meta
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


RELATIVE = [
    "Lenta.ru 3 часа назад 120", "РИА Новости · Вчера, 21:54 · 12", "5 минут назад", "2 HOURS AGO 15",
    "Сегодня, 10:30", "сегодня в 10:30 300", "Tengrinews.kz 2 күн бұрын 44", "3 години тому 12", "Вчера",
    "Взрыв прогремел 2 часа назад", "Назад", "назад в будущее 3", "10:30", "Прошло 3 часа", "3 часа\nназад 5",
]


def test_every_match_holds_a_colon_or_an_ago_word():
    pattern, ago = _relative_time(RULES), _ago_words(RULES)
    texts = [*RELATIVE, *(p.read_text(encoding="utf-8", errors="replace") for p in PAGES)]
    matched = 0
    for text in texts:
        for m in pattern.finditer(text):
            matched += 1
            assert ":" in m.group() or any(word.search(m.group()) for word in ago), m.group()
    assert matched > 8


def test_relative_time_meta_gives_the_same_with_and_without_the_skip(monkeypatch):
    rule = RULES.get("chrome.relative-time-meta")
    rnd = random.Random(11)
    docs = [read_and_decode(path.read_bytes(), str(path)) for path in PAGES]
    docs += [Document.from_text("\n".join(rnd.sample(RELATIVE, rnd.randrange(1, 6)) + ["Текст новости."]))
             for _ in range(300)]
    gated = [relative_time_meta(doc, rule, RULES).lines for doc in docs]
    monkeypatch.setattr(meta_lines, "_ago_words", lambda rules: (regex.compile(""),))  # the empty word: never skip
    RULES.cache.pop(meta_lines.AGO, None)
    try:
        assert [relative_time_meta(doc, rule, RULES).lines for doc in docs] == gated
    finally:
        RULES.cache.pop(meta_lines.AGO, None)
    assert sum(g != d.lines for g, d in zip(gated, docs)) > 20  # the rule took lines on many of them
