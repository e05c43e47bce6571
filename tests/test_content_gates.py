"""The main-content pass's first test from the classes alone (clean/families/content/chrome_share.py).

``content.boilerplate`` leaves a page as it is when :func:`too_little_chrome` says so, before the
lines are fully described. That must be exactly the first answer of ``has_chrome`` on the full
description, and the description made from the memoised classes must be the one made without them.
Checked on the dev corpus and on pages built here at the edges of the two thresholds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clean.catalog import shipped_rules
from clean.families.content.chrome_share import MAX_TEXT_SHARE, MIN_ECHOED_CHROME_LINES, too_little_chrome
from clean.families.content.line_features import describe, line_classes
from clean.families.content.main_content import has_chrome
from clean.model.document import Document
from clean.engine.registry import lookup

RULES = shipped_rules()
RULE = "content.boilerplate"
CORPUS = Path(__file__).parent / "corpus"
TEXT = ("The council said on Tuesday that it would publish the full report on the state of the roads and the "
        "bridges of the region in the early spring, after the last of the hearings.")


def _pages() -> list[list[str]]:
    pages = [p.read_bytes().decode("utf-8", "replace").splitlines() for p in sorted(CORPUS.glob("*.txt"))
             if not p.name.endswith(".expected.txt")]
    built = []
    for short in range(MIN_ECHOED_CHROME_LINES - 2, MIN_ECHOED_CHROME_LINES + 3):
        for text in (short - 1, short, short + 1):  # text paragraphs around half the paragraphs
            built.append([f"Menu item {k}" for k in range(short)] + [TEXT] * text)
    return [p for p in pages + built if p]


@pytest.mark.parametrize("taken", [0, 3, 9])
def test_the_early_answer_is_has_chromes_first_answer(taken):
    for texts in _pages():
        infos = describe(texts, RULES)
        _, classes, _, paras = line_classes(texts, RULES)
        if too_little_chrome(classes, paras, taken):
            assert not has_chrome(infos, taken)
        chrome = sum(i.cls in ("short", "stamp") for i in infos)
        text = len({i.para for i in infos if i.cls in ("good", "near")})
        expected = text > MAX_TEXT_SHARE * len({i.para for i in infos}) or chrome + taken < MIN_ECHOED_CHROME_LINES
        assert too_little_chrome(classes, paras, taken) == expected


def test_the_description_from_memoised_classes_is_the_same():
    for texts in _pages():
        assert describe(texts, RULES, line_classes(texts, RULES)) == describe(texts, RULES)


def test_the_rule_with_the_early_answer_is_the_rule_without_it(monkeypatch):
    """Pages saved whole (the title line repeated lower down) with a few short lines and text paragraphs
    around the share, and the dev corpus: the rule removes the same lines with the early answer as
    without it."""
    from clean.families.content import main_content

    boilerplate, rule = lookup("content.boilerplate"), RULES.get("content.boilerplate")
    title = "Council to publish the road report in spring"
    built = [[title + " | Daily News", *[f"Section {k}" for k in range(short)], title, *[TEXT] * text]
             for short in (8, 9, 10, 11, 12, 24, 25) for text in (8, 9, 10, 11, 12, 13)]
    docs = [Document.from_text("\n".join(lines)) for lines in built + _pages()]
    fast = [[line.removed for line in boilerplate(doc, rule, RULES).lines] for doc in docs]
    real = main_content.too_little_chrome
    early = lambda *args: sys._getframe(1).f_code.co_name != "boilerplate" and real(*args)  # noqa: E731
    monkeypatch.setattr(main_content, "too_little_chrome", early)  # has_chrome still asks it
    docs = [Document.from_text("\n".join(lines)) for lines in built + _pages()]
    assert fast == [[line.removed for line in boilerplate(doc, rule, RULES).lines] for doc in docs]
    assert any(RULE in removed for removed in fast)  # the built pages reach the rule's cut
