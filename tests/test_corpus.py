"""The dev corpus: small pages written by hand, each with the output a reader expects.

``tests/corpus/NAME.txt`` is a page (any encoding the reader detects);
``NAME.expected.txt`` is its rendering after the whole pipeline, in the format
of rule examples (``# title``, ``@ date``, the text, ``! flag``; items separated
by an empty line). The expected files were written by hand and are reviewed by
reading them, never regenerated from the code. Page names start with their
language (``ru``, ``kk``, ``uk``, ``en``); ``near`` in a name marks a page of
near-misses, where the noise rules must keep every line.
"""

from __future__ import annotations

import pytest

from clean.catalog.examples import render
from clean.pipeline import Pipeline
from clean.catalog.loader import shipped_rules
from tests.conftest import ROOT
from tests.visible import unified

CORPUS = ROOT / "tests" / "corpus"
PAGES = sorted(p for p in CORPUS.glob("*.txt") if not p.name.endswith(".expected.txt"))
PIPELINE = Pipeline()
LANGUAGES = ("ru", "kk", "uk", "en")
MIN_PAGES = 40
KNOWN_MISSES = {  # page -> why its output is not yet the expected one (strict: a fix is noticed)
    "ru19_shortcodes_tags": "split_items reads a photo caption right after the headline as the next headline",
}


def clean_page(page):
    """The document a page becomes after the whole pipeline."""
    return PIPELINE.clean_bytes(page.read_bytes(), page.name)


def expected_of(page) -> str:
    return page.with_name(page.name.removesuffix(".txt") + ".expected.txt").read_text(encoding="utf-8").rstrip("\n")


def _known(page):
    reason = KNOWN_MISSES.get(page.stem)
    return pytest.param(page, marks=pytest.mark.xfail(strict=True, reason=reason)) if reason else page


@pytest.mark.parametrize("page", [_known(p) for p in PAGES], ids=lambda p: p.stem)
def test_page_cleans_to_its_expected_output(page):
    got, want = render(clean_page(page)), expected_of(page)
    assert got == want, "\n" + unified(want, got, "expected", "got")


@pytest.mark.parametrize("page", [p for p in PAGES if "near" in p.stem], ids=lambda p: p.stem)
def test_near_miss_pages_lose_no_line_to_noise_rules(page):
    removed = [r for r in clean_page(page).removals if not r.rule.startswith(("chrome.repeated-title",))]
    assert removed == []


def test_corpus_is_large_and_covers_every_language():
    assert len(PAGES) >= MIN_PAGES
    for lang in LANGUAGES:
        assert sum(p.name.startswith(lang) for p in PAGES) >= 8, lang


def test_every_noise_and_repair_rule_fires_somewhere_in_the_corpus():
    fired = set()
    for page in PAGES:
        doc = clean_page(page)
        fired |= {r.rule for r in doc.removals} | {e.rule for e in doc.edits}
    rules = shipped_rules()
    wanted = {r.id for r in rules.for_stage("strip_noise") + rules.for_stage("repair_unicode")}
    assert wanted - fired == set()


def test_rule_report_counts_the_corpus():
    from tests.rule_report import report

    text = report(["tests/corpus"])
    assert "tests/corpus: " in text and "chrome.widget" in text and "noise.php-stack-trace" in text


OWN_FAMILIES = ("noise", "chrome", "contact", "credit", "repair")


@pytest.mark.parametrize(
    "rule", [r for r in shipped_rules().rules if r.family in OWN_FAMILIES], ids=lambda r: r.id
)
def test_noise_and_repair_rules_show_two_firing_examples_and_a_near_miss(rule):
    assert sum(e.fires for e in rule.examples) >= 2
    assert any(not e.fires for e in rule.examples)
