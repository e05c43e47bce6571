"""The main-content pass's gate (:func:`~clean.families.content.main_content.may_have_chrome`) never changes
a result.

``content.boilerplate`` describes a page's lines (the costly part of the pass) only where
``may_have_chrome`` says the page may have a template around its text. Checked two ways: the claim it rests
on (wherever ``has_chrome`` of the described lines is True, the gate says True), over the kept lines of the
dev corpus, the listings, the seeds and the real pages at each stage, and over generated pages made to be
near it (echoes of the title with and without the site's name, in other cases, padded with spaces, ending a
sentence, few and many short lines); and the pipeline's items with and without the gate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.catalog.loader import shipped_rules
from clean.families.content import main_content
from clean.families.content.line_features import describe
from clean.families.content.main_content import MIN_CHROME_LINES, has_chrome, may_have_chrome
from clean.io.decode import read_and_decode
from clean.pipeline import STAGES, Pipeline
from tests.conftest import ROOT
from tests.test_real_pages import REAL

RULES = shipped_rules()
PAGES = sorted(p for p in [*(ROOT / "tests" / "corpus").glob("*.txt"), *(ROOT / "tests" / "listings").glob("*.txt"),
                           *(ROOT / "seeds").glob("*.txt"), *((REAL / "pages").glob("*.txt") if REAL else [])]
               if not p.name.endswith(".expected.txt"))


def _kept_texts(doc) -> list[str]:
    return [doc.lines[i].text for i in doc.kept_indices()]


def _claim_holds(texts: list[str]) -> bool:
    return not texts or may_have_chrome(texts) or not has_chrome(describe(texts, RULES))


def test_the_pages_are_there():
    assert len(PAGES) > 200


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_gate_lets_through_every_page_with_chrome(path: Path):
    doc = read_and_decode(path.read_bytes(), str(path))
    for stage in STAGES[:2]:  # the lines as decoded, repaired, and with the noise (and the pass itself) marked
        assert _claim_holds(_kept_texts(doc)), stage.__name__
        doc = stage(doc, RULES)
    assert _claim_holds(_kept_texts(doc))


TITLE = "Казахстан и Россия подписали соглашение о транзите грузов"
SHORT = ["Главная", "Новости", "Политика", "12:45", "14.03.2023", "Войти", "Поделиться", "  Меню  ", "© 2024", ""]
TEXT = ["В Астане прошли переговоры, в которых приняли участие министры двух стран и представители бизнеса.",
        "Стороны договорились о том, что объём перевозок вырастет, а сроки доставки сократятся на треть."]


def _echo(variant: int, title: str) -> str:
    """A line that echoes ``title`` (or nearly does): as it is, upper case, with the site's name, cut, padded..."""
    forms = [title, title.upper(), f"{title} | Новости Казахстана", f"  {title}  ", f"{title}.", title[:15],
             title[:40], f"{title.lower()}", f"Сайт: {title}", f"{title} — читайте также", title.replace(" ", "  ")]
    return forms[variant % len(forms)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, MIN_CHROME_LINES + 8), st.lists(st.integers(0, 40), max_size=4),
       st.lists(st.sampled_from(TEXT), min_size=0, max_size=12), st.randoms(use_true_random=False))
def test_the_claim_holds_on_generated_pages(shorts, echoes, texts, rnd):
    title = _echo(rnd.randrange(11), TITLE)
    lines = [rnd.choice(SHORT) for _ in range(shorts)] + [_echo(v, TITLE) for v in echoes] + texts
    rnd.shuffle(lines)
    lines = [title, *lines]
    assert _claim_holds([t for t in lines if t.strip()])


def test_generated_pages_reach_both_sides_of_the_gate():
    """The generated shapes are near the gate: some it stops, some it lets through only for the echo."""
    few = ["Главная", "Новости", "12:45"] * 4
    assert not may_have_chrome([TITLE, *few, *TEXT])
    assert may_have_chrome([TITLE, *few, f"{TITLE} | Новости", *TEXT])
    assert not may_have_chrome([TITLE, *few, f"{TITLE}.", *TEXT])  # ends a sentence: not a headline
    assert may_have_chrome([TITLE, *(["Меню"] * MIN_CHROME_LINES), *TEXT])


def test_the_items_are_the_same_with_and_without_the_gate(monkeypatch):
    gated = Pipeline()
    before = [[i.model_dump() for i in gated.clean_file(p)] for p in PAGES]
    monkeypatch.setattr(main_content, "may_have_chrome", lambda texts: True)
    ungated = Pipeline()
    assert [[i.model_dump() for i in ungated.clean_file(p)] for p in PAGES] == before
