"""The ``replace`` of single characters by ``str.replace`` (clean/engine/char_replace.py) gives what the general
``replace`` kind gives: the same lines, roles and edits, and a handed-on page view equal to one built anew."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.catalog import shipped_rules
from clean.engine.char_replace import WITHIN, char_replacer, note_within, single_chars
from clean.engine.kinds import _plan, apply_kind
from clean.engine.patterns import LinearPattern
from clean.engine.ruleset import Rule
from clean.families.repair.mojibake_check import SAFE_CHARS
from clean.model.document import Document

RULES = shipped_rules()
FAST = sorted(rule.id for rule in RULES.rules if char_replacer(rule, RULES) is not None)
PAGES = [
    "10\u202f000 тенге,\u00a0сказал он\n\nв 2024\u2009году",
    "\u00a0\n\u00a0\u2009\u00a0\nТекст",  # lines that become blank: the view is built again
    "Прези\u00adдент\u200b выступил\ufeff\n\u200eAlmaty\u200f",
    "\u00ad\u00adа\u00ad\nб\u200b\u200b",  # deletions side by side and at both ends of a line
    "no odd characters at all\nвторая строка",
    "",
]
PIECES = ["a", "б", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u202f", "\u2000", "\u3000", "\u00ad", "\u200b",
          "\ufeff", "\u200c", "\u200d", "«", "\u2028"]


def _same(doc: Document, rule_id: str) -> None:
    rule = RULES.get(rule_id)
    fast, plain = char_replacer(rule, RULES)(doc, rule, RULES), apply_kind(doc, rule, RULES)
    assert fast == plain, (rule_id, doc.lines)
    assert (fast is doc) == (plain is doc)
    if fast.cached_view is not None and fast is not doc:
        assert fast.cached_view == fast.replace(lines=fast.lines).view()


def test_the_character_rules_take_the_fast_path():
    assert FAST == ["repair.invisible-char", "repair.odd-space"]
    plan = dict((rule.id, apply) for rule, apply in _plan(RULES, "repair_unicode"))
    assert plan["repair.space-run"] is apply_kind and plan["repair.odd-space"] is not apply_kind


def test_same_as_the_replace_kind_on_written_pages():
    for text in PAGES:
        for rule_id in FAST:
            _same(Document.from_text(text), rule_id)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=16), removed=st.sets(st.integers(0, 5)),
       texted=st.sets(st.integers(0, 5)))
def test_same_as_the_replace_kind_on_generated_pages(parts, removed, texted):
    doc = Document.from_text("".join(parts))
    # some lines removed by an earlier rule, some of only spaces still kept (as after an earlier repair)
    lines = tuple(line.replace(removed="noise.x") if n in removed else line.replace(role="text") if n in texted
                  else line for n, line in enumerate(doc.lines))
    doc = doc.replace(lines=lines)
    for rule_id in FAST:
        _same(doc, rule_id)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.sampled_from([p for p in PIECES if set(p) <= SAFE_CHARS]), max_size=16))
def test_a_page_noted_inside_the_alphabet_gives_the_same(parts):
    doc = Document.from_text("".join(parts))
    note_within(doc, SAFE_CHARS)
    for rule_id in FAST:
        _same(doc, rule_id)
    note_within(doc, SAFE_CHARS)  # the memo is the page's: the runs above noted their own new texts
    out = char_replacer(RULES.get("repair.odd-space"), RULES)(doc, RULES.get("repair.odd-space"), RULES)
    if out is not doc and out.cached_view is not None:  # handed on with the new text, still true of it
        assert out.memo[WITHIN][0] is out.view().text and set(out.view().text) <= SAFE_CHARS


def test_a_note_about_another_text_is_not_taken():
    doc = Document.from_text("a\u2000b")
    doc.memo[WITHIN] = ("other text", frozenset("ab"))  # says \u2000 cannot be there: about another text
    _same(doc, "repair.odd-space")
    rule = RULES.get("repair.odd-space")
    assert char_replacer(rule, RULES)(doc, rule, RULES).lines[0].text == "a b"


def _rule(pattern: str, replacement: str) -> tuple[Rule, LinearPattern]:
    rule = Rule.model_construct(id="test.chars", kind="replace", pattern=pattern, replacement=replacement,
                                opens_with=())  # unchecked: only its shape is read
    return rule, LinearPattern(regex.compile(pattern), rule.id)


def test_only_single_characters_replaced_by_one_literal_character_or_none():
    assert single_chars(*_rule("[\u00a0\u2009]", " ")) == ("\u00a0", "\u2009")
    assert single_chars(*_rule("\u00ad|\u200b", "")) == ("\u00ad", "\u200b")
    assert single_chars(*_rule("[ \u00a0]", " ")) is None  # the replacement is one of the characters
    assert single_chars(*_rule("[\u00a0\u2009]", "  ")) is None  # longer: lengths change
    assert single_chars(*_rule("[\u00a0\u2009]", "\\g<0>")) is None  # a template
    assert single_chars(*_rule("\u00a0+", " ")) is None  # a run of them is one match
    assert single_chars(*_rule("[\u00a0\n]", " ")) is None  # a line end
    assert single_chars(*_rule("\\p{Zs}", " ")) is None  # no exact prefilter


def test_a_rule_set_that_ran_still_pickles():
    import pickle

    from clean.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.clean_text("10\u00a0000 тенге\n\nТекст.")  # the stage plans are in the rule set's cache now
    again = pickle.loads(pickle.dumps(pipeline))
    assert [i.text for i in again.clean_text("a\u00a0b")] == [i.text for i in pipeline.clean_text("a\u00a0b")]
