"""The shortcuts of the repair family give what the plain code gives: ``flagged_lines`` (one standard-engine
search per flagged line) the lines ``touched_lines`` finds with :data:`NEEDS_FTFY`, on written pages of
mojibake and on generated near-misses (the characters of the bad pairs, odd characters, line ends)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from clean.engine.kinds import touched_lines
from clean.families.repair import mojibake_check
from clean.families.repair.mojibake_check import NEEDS_FTFY, _PAIRS, flagged_lines
from clean.model.document import Document

PAGES = [
    "РџСЂРµР·РёРґРµРЅС‚ РљР°Р·Р°С…СЃС‚Р°РЅР°\nПрезидент РФ\n\nÐŸÑ€ÐµÐ·Ð¸Ð´ÐµÐ½Ñ‚",
    "Чистая строка.\nСНГ«Союз»\nВ«кавычки»\nnaïve café",
    "первая\n\nвторая\nÐ",  # a hit on the last line
    "Ð\nчисто",  # a hit on the first line, at its first character
    "",
]
FIRSTS = sorted({first for first in _PAIRS})[:40]
SECONDS = sorted({second for partners in _PAIRS.values() for second in partners})
PIECES = ["а", "Б", " ", "\n", "\n\n", "\t", "«", "»", "Ð", "Ñ", "€", "é", "\u00a0", "😀", *FIRSTS, *SECONDS]


def _same(text: str) -> None:
    doc = Document.from_text(text)
    assert flagged_lines(doc) == touched_lines(doc, NEEDS_FTFY), text


def test_flagged_lines_on_written_pages():
    for text in PAGES:
        _same(text)


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=20))
def test_flagged_lines_on_generated_pages(parts):
    _same("".join(parts))


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=20))
def test_the_standard_engine_reads_needs_ftfy_alike(parts):
    text = "".join(parts)
    std = re.compile(NEEDS_FTFY.pattern)
    assert [m.span() for m in std.finditer(text)] == [m.span() for m in NEEDS_FTFY.finditer(text)]


def test_no_bad_pair_holds_a_line_end():
    assert mojibake_check._PAIRS_IN_LINE  # else flagged_lines takes the scan (still the same lines)


ENTITY_PIECES = ["&", "amp;", "&amp;", "&laquo;", "laquo;", "&#171;", "&#x41;", "&#0;", "&#99999999;", "&nbsp;",
                 "&foo;", "&AMP;", ";", "#", "x", "1", "a", " ", "&amp;amp;", "&amp;#171;", "AT&T", "R&D;"]


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(ENTITY_PIECES), max_size=12))
def test_entities_decoded_as_two_plain_passes(parts):
    import html

    from clean.families.repair.encoding import ENTITY, _unescape

    text = plain = "".join(parts)
    for _ in range(2):
        plain = ENTITY.sub(lambda m: html.unescape(m.group(0)), plain)
    assert _unescape(text) == plain
