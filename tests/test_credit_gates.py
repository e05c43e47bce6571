"""The credit and embed rules try their patterns only where they can match; that never changes what they take.

Each gated rule (the Python rules of clean/families/credit/credit_lines.py and clean/families/chrome/embeds.py,
and the pattern rules whose TOML says which words their lines open with) is compared with
its own pattern run as a plain ``drop`` over every kept line, on the dev corpus, the seeds, every rule
example, and lines built from the pattern's own words in several cases and after brackets and spaces.
"""

from __future__ import annotations

import pytest

from clean.catalog.loader import shipped_rules
from clean.engine.kinds import apply_kind
from clean.engine.registry import lookup
from clean.model.document import Document
from clean.stages import repair_unicode
from tests.conftest import ROOT

RULES = shipped_rules()
LINE_RULES = ["credit.photo-line", "credit.source-line", "credit.site-maker", "chrome.social-embed", "credit.domain-line",
              "chrome.embed-attribution", "chrome.timeline-embed"]
OPENING = {rule_id: RULES.get(rule_id).opens_with for rule_id in LINE_RULES if RULES.get(rule_id).opens_with}


def pages() -> list[str]:
    texts = [p.read_bytes().decode("utf-8", "replace") for folder in ("tests/corpus", "seeds")
             for p in sorted((ROOT / folder).glob("*.txt"))]
    texts += [e.before for r in RULES.rules for e in r.examples]
    built = []
    for words in OPENING.values():
        for word in sorted(words):
            for form in (word, word.capitalize(), word.upper()):
                built += [f"{form} автора", f"({form} из архива)", f"  {form}: Reuters", f"{form} by Jane Doe",
                          f"{form} this post on Instagram", f"{form} материалам ТАСС", f"{form} ғаламтордан алынды",
                          f"{form} by @valley_news", f" \t{form} от city_24 ", f"{form}  von stadt_news", f"x {form} by @a"]
    built += ["example.org", "www.Example.com/news", "(Name (@handle))", "Jane (@jane.doe) on March 1, 2020"]
    return texts + ["\n".join(built)]


def ungated(doc: Document, rule_id: str) -> Document:
    """The rule's pattern as a plain drop rule over the whole page."""
    rule = RULES.get(rule_id).model_copy(update={"kind": "drop", "opens_with": ()})
    return apply_kind(doc, rule, RULES)


@pytest.mark.parametrize("rule_id", LINE_RULES)
def test_a_gated_rule_takes_what_its_pattern_takes(rule_id):
    rule = RULES.get(rule_id)
    for text in pages():
        doc = repair_unicode(Document.from_text(text), RULES)
        apply = lookup(rule_id) if rule.kind == "python" else apply_kind  # a pattern rule: its opens_with gate
        got = [line.removed for line in apply(doc, rule, RULES).lines]
        want = [line.removed for line in ungated(doc, rule_id).lines]
        assert got == want, text[:200]


def test_press_service_credits_are_looked_for_on_the_last_line_only():
    rule = RULES.get("credit.press-service-line")
    doc = Document.from_text("Пресс-служба областного суда\nТекст новости.\nПресс-служба областного суда")
    removed = [line.removed for line in lookup(rule.id)(doc, rule, RULES).lines]
    assert removed == [None, None, "credit.press-service-line"]
