"""The page-level gates of the widget rules never change what the rules take.

Two kinds of evidence: the facts about Unicode the gates rely on, checked over
every code point (clean/engine/openers.py says why they suffice), and
gated == ungated over the test pages and over near-miss lines built from the
vocabulary itself (every phrase in several cases, after separators, with ё, with
letters that fold oddly).
"""

from __future__ import annotations

import functools

import pytest
import regex

from clean.model.document import Document
from clean.catalog.loader import shipped_rules
from clean.families.chrome import navigation, widgets
from clean.io.decode import read_and_decode
from clean.engine.openers import ODD, lines_opening
from tests.conftest import ROOT

LETTER = regex.compile(r"\p{L}")
RULES = shipped_rules()
VOCAB = widgets.vocabulary(RULES)
TABLE = RULES.table("widget_phrases")


def phrases(*keys: str) -> list[str]:
    return [p for key in keys for lang in TABLE[key].values() for p in lang]


def folded(c: str) -> str:
    return c.casefold().replace("ё", "е")


@functools.cache
def code_points() -> list[str]:
    return [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000]


def test_letters_fold_to_letters_or_to_a_run_the_gate_always_looks_at():
    for c in code_points():
        if LETTER.match(c):
            f = folded(c)
            assert LETTER.match(f[0]), repr(c)
            if not all(LETTER.match(x) for x in f):
                assert not f.isalpha(), repr(c)


def test_no_character_but_a_letter_folds_to_a_letter_of_the_vocabulary():
    alphabet = set("".join(VOCAB.opens_widget | VOCAB.opens_menu | VOCAB.opens_home))
    for c in code_points():
        if not LETTER.match(c):
            assert not set(folded(c)) & alphabet, repr(c)


def test_what_the_rule_patterns_match_to_a_letter_folds_to_that_letter():
    letters = sorted({c for p in phrases("lead", "credit", "call") for c in p if LETTER.match(c)})
    any_letter = regex.compile("[" + "".join(regex.escape(c) for c in letters) + "]", regex.IGNORECASE)
    for c in code_points():
        if any_letter.fullmatch(c):
            assert LETTER.match(c), repr(c)
            for p in letters:
                if regex.fullmatch(regex.escape(p), c, regex.IGNORECASE):
                    same = folded(c) in (folded(p), folded(p).replace(ODD, "i"))  # the gate opens both for 'ı'
                    assert same or not folded(c).isalpha() or c in ODD, (c, p)


def ungated_widget(doc: Document) -> Document:
    take = (i for i in doc.kept_indices() if widgets.is_widget(doc.lines[i].text, VOCAB))
    return widgets.remove_lines(doc, "chrome.widget", take)


def ungated_cookie_banner(doc: Document) -> Document:
    kept, marked = doc.kept_indices(), []
    for n, i in enumerate(kept):
        if widgets.is_cookie_banner(doc.lines[i].text, VOCAB):
            marked.append(i)
            for j in kept[n + 1 : n + 1 + widgets.BUTTON_WINDOW]:
                if not widgets._is_button(doc.lines[j].text, VOCAB):
                    break
                marked.append(j)
    return widgets.remove_lines(doc, "chrome.cookie-banner", marked)


def ungated_menu(doc: Document) -> Document:
    take = (i for i in doc.kept_indices() if navigation.is_menu(doc.lines[i].text, VOCAB))
    return widgets.remove_lines(doc, "chrome.menu", take)


def ungated_breadcrumb(doc: Document) -> Document:
    kept = doc.kept_indices()
    head = set(kept[: navigation.HEAD_LINES])
    take = (i for i in kept if navigation.is_breadcrumb(doc.lines[i].text, VOCAB, i in head))
    return widgets.remove_lines(doc, "chrome.breadcrumb", take)


GATED = {
    "chrome.widget": (widgets.widget, ungated_widget),
    "chrome.cookie-banner": (widgets.cookie_banner, ungated_cookie_banner),
    "chrome.menu": (navigation.menu, ungated_menu),
    "chrome.breadcrumb": (navigation.breadcrumb, ungated_breadcrumb),
}


def near_misses() -> list[str]:
    """Lines that open with (or almost with) every phrase the rules know, in several shapes."""
    words = phrases("whole", "lead", "credit", "call", "social", "menu", "home") + list(TABLE["cookie"]["words"])
    shapes = ("{}", "» {}", "— {}: Токаев подписал закон", "{}: пресс-служба", "{} Facebook Twitter",
              "{} на наш Telegram-канал", "12 {}: Reuters", "Мы используем {}, вы соглашаетесь.",
              "«{}» сказал министр.", "{} / Новости / Политика", "{} » Экономика", "{} Новости Спорт Экономика",
              "Новости | {} | Спорт", "/ {} > News > World", "{} › Саясат")
    lines = []
    for p in words:
        odd = (p.replace("е", "ё"), "İ" + p, p.replace("I", "ı"), p.replace("I", "İ"), p.replace("i", "İ"))
        for form in (p, p.upper(), p.lower(), p.title(), *odd, p[:-1], p + "x"):
            lines += [shape.format(form) for shape in shapes]
    return lines


@functools.cache
def pages() -> tuple[Document, ...]:
    """The test pages as decoded, and the near misses forty lines a page."""
    paths = [path for folder in ("corpus", "listings") for path in sorted((ROOT / "tests" / folder).glob("*.txt"))]
    lines = near_misses()
    return tuple([read_and_decode(path.read_bytes(), str(path)) for path in paths]) + tuple(
        Document.from_text("\n".join(lines[k : k + 40]), f"<near misses {k}>") for k in range(0, len(lines), 40)
    )


@pytest.mark.parametrize("rule_id", sorted(GATED))
def test_the_gates_take_what_the_full_checks_take(rule_id):
    rule, (gated_rule, ungated_rule) = RULES.get(rule_id), GATED[rule_id]
    for doc in pages():
        gated, ungated = gated_rule(doc, rule, RULES), ungated_rule(doc)
        assert (gated.lines, gated.removals) == (ungated.lines, ungated.removals), doc.source.path
        assert (gated is doc) == (ungated is doc), doc.source.path


def test_near_misses_include_lines_the_rules_take():
    """The near-miss pages are worth testing: the rules do take some of their lines."""
    doc = Document.from_text("\n".join(near_misses()))
    for rule_id, (gated_rule, _) in GATED.items():
        assert gated_rule(doc, RULES.get(rule_id), RULES) is not doc, rule_id
    assert len(lines_opening(VOCAB.opens_widget, doc.view())) < len(doc.lines)
