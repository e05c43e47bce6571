"""Page gates and shortcuts in the strip_noise Python rules never change a result.

A gate answers from one scan of the page that a rule cannot fire there; a
shortcut (:func:`~clean.families.chrome.site_names.folds_to`) skips folding a line that
cannot equal a title. Each is checked two ways: the claim it rests on, line by
line (every line the full check would take is one the gate lets through), and
the rule's result with and without the gate, over the dev corpus, the listings,
the seeds, every strip_noise rule example and near-misses (a page, and each
line alone, so that no other line opens a gate for it); then the
same claims on generated pages (hypothesis).
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.model.document import Document
from clean.engine.kinds import apply_kind
from clean.engine.registry import lookup
from clean.catalog.loader import shipped_rules
from clean.families.contact import press_footer as contacts
from clean.families.noise import cms_errors
from clean.io.decode import read_and_decode
from clean.families.chrome.page_chrome import HEAD_SPAN, Echoes, head_indices
from clean.stages.repair_unicode import repair_unicode
from clean.families.chrome.site_names import COLON_PREFIX, SEPARATOR, SPACE_OR_DOT, _may_split, fold, fold_ends, folds_to
from tests.conftest import ROOT

RULES = shipped_rules()
NEAR_MISSES = """\
Пресс-служба МВД
Тел.: +7 (717) 271-00-00
Факс (72533) 5-12-40
Call-центр 8 800 555 35 35
Горячая линия 8-800-555-35-35, 8 (800) 555-35 35
Справки: 244-24-17
Приёмная (72533) 5 12 40
Колл-центр: 8 800-555 35 35
Справочная: 8-800 555 35 35
Заседание прошло 2024-05-12 в Астане.
Телефон доверия 8-800-555-35-35 работает круглосуточно.
Пишите press@example.kz
Почта: info @ example
Stack trace:
#0 /var/www/html/index.php(3): require()
#1 {main}
  thrown in /var/www/html/db.php on line 5
#0: /home/bitrix/www/bitrix/modules/main/lib/db/connection.php:601
Bitrix\\Main\\DB\\MysqliConnection->queryInternal('SELECT 1')
Next RuntimeException: boom in /var/www/a.php:12
Хэштег #1 {main} в тексте
Next time we will meet in spring.
WORDPRESS DATABASE ERROR: [Table 'wp.wp_posts' doesn't exist]
SELECT * FROM wp_posts WHERE id = 1
<strong>WordPreſs database error</strong> Unknown column for query SELECT 1
WordPress database errors are rare, the editor said.
"""


def sources() -> list[tuple[str, Document]]:
    """Every page the suite has, each rule example of strip_noise, and the near-misses, as read."""
    pages = [p for folder in ("tests/corpus", "tests/listings", "seeds") for p in sorted((ROOT / folder).glob("*.txt"))]
    docs = [(p.name, read_and_decode(p.read_bytes(), p.name)) for p in pages if not p.name.endswith(".expected.txt")]
    for rule in RULES.for_stage("strip_noise"):
        docs += [(f"{rule.id}[{n}]", Document.from_text(e.before)) for n, e in enumerate(rule.examples, 1)]
    docs.append(("near-misses", Document.from_text(NEAR_MISSES)))
    return docs + [(f"near-miss {line!r}", Document.from_text(line)) for line in NEAR_MISSES.splitlines()]


def inputs_at(rule_id: str) -> list[tuple[str, Document]]:
    """Each source as it reaches ``rule_id`` inside strip_noise."""
    found = []
    for name, doc in sources():
        doc = repair_unicode(doc, RULES)
        for rule in RULES.for_stage("strip_noise"):
            if rule.id == rule_id:
                found.append((name, doc))
                break
            doc = lookup(rule.id)(doc, rule, RULES) if rule.kind == "python" else apply_kind(doc, rule, RULES)
    return found


def kept_texts(doc: Document) -> list[str]:
    return [doc.lines[i].text for i in doc.kept_indices()]


def test_contact_candidates_hold_every_phone_and_email_line():
    fired = 0
    rule = RULES.get("contact.press-footer")
    for name, doc in inputs_at(rule.id):
        candidates = set(contacts.contact_candidates(doc.view()))
        for k, text in enumerate(kept_texts(doc)):
            if contacts.PHONE.search(text) or contacts.EMAIL.search(text):
                assert k in candidates, (name, text)
        ungated = contacts.footer_lines(doc, rule, RULES, doc.kept_indices())
        assert contacts.press_footer(doc, rule, RULES) == ungated, name
        fired += ungated is not doc
    assert fired >= 5  # the comparison saw the rule fire, not only pass


@pytest.mark.parametrize(
    ("rule_id", "gate", "lines", "patterns"),
    [
        ("noise.php-stack-trace", cms_errors.may_trace, cms_errors.trace_lines,
         (cms_errors.FRAME, cms_errors.THROWN, cms_errors.NEXT)),
        ("noise.wp-db-error", cms_errors.may_wp_error, cms_errors.wp_error_lines, (cms_errors.WP_DB_ERROR,)),
    ],
)
def test_cms_gates_pass_every_page_the_rule_can_change(rule_id, gate, lines, patterns):
    fired = 0
    rule = RULES.get(rule_id)
    for name, doc in inputs_at(rule_id):
        if not gate(doc.view().text):
            assert not any(p.search(text) for text in kept_texts(doc) for p in patterns), name
        ungated = lines(doc, rule)
        assert lookup(rule_id)(doc, rule, RULES) == ungated, name
        fired += ungated is not doc
    assert fired >= 2


PIECES = ["+7", "(727)", "(72533)", "8", "800", "555", "35", "244", "24-17", "-", " ", "\u00a0", "\t", "\n", "(",
          ")", "@", "a.b", "info", "Тел.:", "2024-05-12", "#0", "#12:", "{main}", "[internal function]",
          "/var/www/a.php", "(3)", ":601", "thrown in", " on line 5", "Next", "RuntimeException", "Error", " in ",
          "WordPress", "wordpreſs", "database", "DATABASE", "error", "ERROR", ":", "[", "for query", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_gates_on_generated_pages(pieces):
    doc = Document.from_text("".join(pieces))
    page, texts = doc.view().text, kept_texts(doc)
    candidates = set(contacts.contact_candidates(doc.view()))
    for k, text in enumerate(texts):
        if contacts.PHONE.search(text) or contacts.EMAIL.search(text):
            assert k in candidates, text
    if not cms_errors.may_trace(page):
        assert not any(p.search(t) for t in texts for p in (cms_errors.FRAME, cms_errors.THROWN, cms_errors.NEXT))
    if not cms_errors.may_wp_error(page):
        assert not any(cms_errors.WP_DB_ERROR.search(t) for t in texts)


def test_casefolding_keeps_spaces_and_full_stops_apart_from_the_rest():
    """What :func:`fold_ends` rests on, for every code point; and SPACE_OR_DOT has every space."""
    for n in range(sys.maxunicode + 1):
        c = chr(n)
        folded = c.casefold()
        assert folded, hex(n)
        if c.isspace():
            assert folded.isspace() and c in SPACE_OR_DOT, hex(n)
        elif c == ".":
            assert folded == "."
        else:
            assert not any(f.isspace() or f == "." for f in folded), hex(n)


TITLE_CHARS = " .\t\u00a0\u2009\u3000ßẞﬁİıΣσςAaБбЁё«»!1"
title_text = st.text(alphabet=TITLE_CHARS, max_size=12)


@settings(max_examples=500, deadline=None)
@given(title_text, title_text)
def test_folds_to_is_fold_equality(a, b):
    assert fold_ends(a) == fold(a)[:1] + fold(a)[-1:]
    assert folds_to(a, fold(b)) == (fold(a) == fold(b))
    assert folds_to(a, b) == (fold(a) == b)


@settings(max_examples=300, deadline=None)
@given(st.lists(title_text, max_size=5), title_text)
def test_echoes_answer_like_the_set_of_folded_texts(texts, title):
    key = fold(title)
    assert (key in Echoes(texts)) == (key in {fold(t) for t in texts})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u00a0|—–-:‐‑―xЁ.", max_size=12))
def test_a_title_line_is_split_only_where_a_separator_mark_stands(text):
    assert _may_split(text) or SEPARATOR.split(text) == [text]
    assert ":" in text or COLON_PREFIX.match(text) is None


def test_the_head_of_a_page_is_its_first_kept_lines():
    for name, doc in inputs_at("chrome.rubric") + inputs_at("chrome.site-suffix"):
        expected = doc.kept_indices()[:HEAD_SPAN]
        assert head_indices(doc) == expected, name
        assert head_indices(doc.replace()) == expected, name  # the same, found without a page view


def contact_data_as_first_written(text, keyword):
    """``contacts.is_contact_data`` as it was before it scanned each line once per pattern."""
    found = contacts.PHONE.search(text) or contacts.EMAIL.search(text)
    phone_like = bool(contacts.EMAIL.search(text)) or any(
        sum(c.isdigit() for c in m.group(0)) >= 6 for m in contacts.PHONE.finditer(text)
    )
    if not found or not phone_like:
        return False
    rest = contacts.EMAIL.sub(" ", contacts.PHONE.sub(" ", text)).rstrip()
    last_end = max(m.end() for pattern in (contacts.PHONE, contacts.EMAIL) for m in pattern.finditer(text))
    if contacts.SENTENCE_END.search(rest) and contacts.WORD.search(text[last_end:]):  # added: 'тел. (032) …'
        return False
    if contacts._reads_as_prose(text, rest, bool(keyword.search(text))):  # added with the prose test
        return False
    return bool(keyword.search(text)) or len(contacts.WORD.findall(rest)) <= contacts.MAX_CONTACT_WORDS


CONTACT_KEYWORD = RULES.derived("contact_keywords", contacts._keywords)


def test_contact_data_decision_is_unchanged_on_every_line():
    texts = {text for _, doc in inputs_at("contact.press-footer") for text in kept_texts(doc)}
    for text in texts:
        assert contacts.is_contact_data(text, CONTACT_KEYWORD) == contact_data_as_first_written(text, CONTACT_KEYWORD), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["Тел.:", "E-mail:", "press@a.kz", "новости.", "слово", " 8 800 555 35 35"]), max_size=30))
def test_contact_data_decision_is_unchanged_on_generated_lines(pieces):
    text = "".join(pieces).replace("\n", " ")
    assert contacts.is_contact_data(text, CONTACT_KEYWORD) == contact_data_as_first_written(text, CONTACT_KEYWORD)
