"""The shortcuts of the chrome, credit and contact rules find what the plain forms would.

Each test builds the plain form the shortcut replaces (an oracle written out here) and checks that the
rule's answer is the same on lines made to sit at the shortcut's edges.
"""

from __future__ import annotations

import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.engine.kinds import apply_kind
from clean.families.chrome import navigation, site_names, tally_lines
from clean.families.chrome import trailing_links as tl
from clean.families.chrome.widgets import fold, vocabulary
from clean.families.contact import press_footer
from clean.model.document import Document
from clean.pipeline import Pipeline

RULES = Pipeline().rules
DOMAIN = regex.compile(r"^(?:[\w-]+\.)+kz$")


def _whole_pattern() -> regex.Pattern:
    """chrome.trailing-link's pattern over all its phrases at once (as it was before the per-word split)."""
    phrases = {p.strip() for lang in RULES.table("widget_phrases")["whole"].values() for p in lang}
    chosen = sorted((p for p in phrases if len(p.split()) >= tl.MIN_WORDS and p[:1].isupper() and p[-1:].isalpha()),
                    key=len, reverse=True)
    return tl._pattern(chosen)


def test_a_trailing_link_is_found_where_the_whole_pattern_finds_it():
    whole = _whole_pattern()
    links = RULES.derived("chrome.trailing-link", tl._build)
    phrases = sorted({p for lang in RULES.table("widget_phrases")["whole"].values() for p in lang})
    heads = ["", "Done.", "Done. ", "Done.  \t", "the bank said", "the bank said  ", "Ура!", "«Да»", "x" * 90 + "."]
    tails = ["", "…", " …", "...", " → ", "»", "\u00a0", " \u00a0…", ".", "!"]
    cut = 0
    for phrase in phrases:
        for head in heads:
            for tail in tails:
                text = head + phrase + tail
                word = tl._last_word(text)
                expected = None
                if word in links.last_words:
                    found = whole.search(text)
                    expected = None if found is None or not text[: found.start()].strip() else found.start()
                assert tl.trailing_link(text, RULES) == expected, text
                cut += expected is not None
    assert cut > len(phrases)  # the lines cut are many: the test looks at both outcomes


def test_a_trailing_link_in_another_case_is_what_the_whole_pattern_says():
    """The last-word test compares words as they are spelt: a line ending with a phrase in other capitals
    (which the case-sensitive pattern never takes) is left, one ending with it as spelt is cut, as the
    whole pattern alone (no last-word test at all) says."""
    whole = _whole_pattern()
    phrases = sorted({p for lang in RULES.table("widget_phrases")["whole"].values() for p in lang if " " in p.strip()})
    cut = kept = 0
    for phrase in phrases:
        first, _, last = phrase.rpartition(" ")
        for form in (phrase, phrase.upper(), phrase.lower(), f"{first} {last.capitalize()}", f"{first} {last.upper()}"):
            for text in (f"Done.{form}…", f"the bank said {form}", f"Ура! {form}"):
                found = whole.search(text)
                expected = None if found is None or not text[: found.start()].strip() else found.start()
                assert tl.trailing_link(text, RULES) == expected, text
                cut, kept = cut + (expected is not None), kept + (expected is None)
    assert cut and kept


def test_a_trailing_link_after_a_long_run_of_spaces_keeps_its_spaces_in_the_audit():
    rule = RULES.get("chrome.trailing-link")
    text = "The bank said the app would work again." + " " * 40 + "Read more"
    doc = tl.trailing_links(Document.from_text(text), rule, RULES)
    assert doc.removals[0].text == " " * 40 + "Read more"
    assert doc.lines[0].text == "The bank said the app would work again."


def test_every_character_a_pattern_reads_as_a_space_is_one_to_str_isspace():
    """The site-name gate looks for spaces with ``str.isspace``; the separators are found by ``\\s``."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert all(c.isspace() for c in regex.findall(r"\s", every))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u2009\u3000\x1c|—–-/»:xЁ.", max_size=14))
def test_a_title_line_without_a_spaced_separator_is_never_split(text):
    assert site_names._has_separator(text) or site_names.SEPARATOR.split(text) == [text]
    assert site_names.may_suffix(text) or site_names.suffix(text, DOMAIN, ("новост*",)) is None
    assert site_names.may_prefix(text) or site_names.prefix(text, DOMAIN, ("новост*",), {"x"}, {"x"}) is None


def test_a_separator_at_the_edges_of_a_line_is_no_separator():
    for text in ["— Site", "Title —", "-", " - ", "a\u00a0—\u2009b", "Title | Site", "a -b", "a- b"]:
        assert site_names._has_separator(text) == (site_names.SEPARATOR.split(text) != [text]), text


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="Aaб\u0301'’- \t:1,.\u00a0x", max_size=16))
def test_every_tally_holds_a_colon_the_page_scan_counts(text):
    if tally_lines.TALLY.fullmatch(text.strip()):
        assert len(tally_lines.TALLY_COLON.findall(text)) == 1, text


def test_a_tally_whose_label_ends_with_a_mark_an_apostrophe_or_a_hyphen_is_counted():
    for text in ["Итого\u0301: 12", "Rock'n'roll’: 3", "Кое-что-: 1 204", "  Всего\t:\t7  "]:
        assert tally_lines.TALLY.fullmatch(text.strip()), text
        assert len(tally_lines.TALLY_COLON.findall(text)) == 1, text


def test_three_tallies_whatever_stands_round_their_colons_are_still_taken():
    rule = RULES.get("chrome.tally-line")
    page = "\n".join(["Минск", "Всего\t:\t12", "Брест", "Всего :5", "Гомель", "всего:  4", "Текст."])
    doc = tally_lines.tally_lines(Document.from_text(page), rule, RULES)
    assert [line.removed for line in doc.lines] == [None, rule.id, None, rule.id, None, rule.id, None]
    two = tally_lines.tally_lines(Document.from_text("\n".join(page.split("\n")[2:])), rule, RULES)
    assert all(line.removed is None for line in two.lines)


def is_menu_as_first_written(text: str, vocab) -> bool:
    """navigation.is_menu before it read the case-folded words without folding again."""
    if text.rstrip()[-1:] in navigation.CLOSING or regex.search(r"[»›→>/]", text):
        return False
    words, items, n = fold(text).split(), 0, 0
    if len(words) < navigation.MIN_MENU_ITEMS:
        return False
    while n < len(words):
        step = next((k for k in (3, 2, 1) if " ".join(words[n : n + k]) in vocab.menu), 0)
        if not step:
            return False
        items, n = items + 1, n + step
    return items >= navigation.MIN_MENU_ITEMS


MENU_PIECES = ["Главная", "НОВОСТИ", "Новости", "В мире", "в  мире", "Спорт", "İnterview", "Политика", "Ёлка", "ǰ", "|",
               " / ", " ", "\t", ".", "-", "Sport", "Weather", "Ещё", "Экономика", "Город", "»", "12", "\u00a0"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(MENU_PIECES), max_size=9))
def test_a_menu_is_read_as_when_every_line_was_folded(pieces):
    vocab = vocabulary(RULES)
    for text in ("".join(pieces), " ".join(pieces)):
        assert navigation.is_menu(text, vocab) == is_menu_as_first_written(text, vocab), text


def test_a_timeline_header_is_taken_in_any_case_after_spaces_and_a_sentence_about_tweets_is_not():
    rule = RULES.get("chrome.timeline-embed")
    page = "Новости\n  TWEETS by @valley_news\nТВИТЫ от city_24\nHis tweets by night worried @valley readers.\nΤweets by x"
    doc = apply_kind(Document.from_text(page), rule, RULES)
    assert [line.removed for line in doc.lines] == [None, rule.id, rule.id, None, None]


def test_the_timeline_gate_words_are_the_words_of_the_rule_pattern():
    rule = RULES.get("chrome.timeline-embed")
    words = regex.search(r"\(\?i:([^)]*)\)", rule.pattern).group(1).split("|")
    assert set(rule.opens_with) == {w.strip().casefold() for w in words}
    for word in words:
        doc = apply_kind(Document.from_text(f"Текст.\n{word.strip()} by @city_news"), rule, RULES)
        assert doc.lines[1].removed == rule.id, word


def test_each_phone_piece_opens_with_its_mark_so_a_page_without_the_mark_has_no_match():
    for mark, piece in zip(press_footer.PIECE_MARKS, press_footer.PHONE_PIECES, strict=True):
        assert regex.match(r"\\?(.)", piece.pattern).group(1) == mark, piece.pattern
        for text in ["+7 (727) 244-24-17", "(72533) 5-12-40", "8 800 555 35 35", "8-800-555-35-35", "x-12-34"]:
            assert all(m.group(0)[0] == mark for m in piece.finditer(text))
    rule = RULES.get("contact.press-footer")
    page = "Новость.\nПресс-служба МВД\nТел.: 8 (717) 271-00-00"  # no '+': the other pieces still find it
    doc = press_footer.press_footer(Document.from_text(page), rule, RULES)
    assert [line.removed for line in doc.lines] == [None, rule.id, rule.id]
