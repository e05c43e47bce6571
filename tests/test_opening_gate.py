"""The entries of ``opens_with`` (clean/engine/opening_gate.py): words, prefixes and lead characters.

Which lines each kind of entry lets through, at its edges: a lead character before the first letter
(after other signs, on the first and the last line) and after it (not let through), a digit of another
script, a prefix in capitals, the dotless 'ı'. That the shipped rules lose nothing by their entries is
tests/test_openers.py.
"""

from __future__ import annotations

import pytest
import regex

from clean.engine.opening_gate import OpeningGate
from clean.engine.ruleset import Rule
from clean.model.document import Document


def lines(entries: tuple[str, ...], *texts: str) -> list[int]:
    return OpeningGate.of(entries).lines(Document.from_text("\n".join(texts)).view())


def test_a_lead_character_counts_only_before_the_first_letter():
    assert lines(("©*",), "© 2024 Site", "Text", "Site ©", "— | © Site") == [0, 3]
    assert lines(("©*",), "Text", "Site © 2024") == []
    assert lines(("#*",), "Text", "  #one #two") == [1]  # the last line


def test_a_lead_digit_is_any_digit_before_the_first_letter():
    texts = ("Text 5 views", "5 тыс. просмотров", "— 7 тыс", "٣ тыс", "тыс 5", "5 тысяча", "1 200")
    assert lines(("0тыс",), *texts) == [1, 2, 3]
    assert lines(("0тыс*",), *texts) == [1, 2, 3, 5]
    assert lines(("0",), *texts) == [6]  # a digit and no letter
    assert lines(("0*",), *texts) == [1, 2, 3, 5, 6]
    assert lines(("0тыс",), "\U00010d40 тыс", "— \U00010d40 тыс") == [0, 1]  # a digit newer than str's Unicode


def test_what_str_calls_a_digit_or_a_letter_the_patterns_do_too():
    """The gate reads a line's first character with str methods (C-level) and the rest of its lead with the
    regex engine, whose Unicode may be newer: a str digit must be a \\d and a str letter a \\p{L}."""
    digit, letter = regex.compile(r"\d"), regex.compile(r"\p{L}")
    for cp in range(0x110000):
        c = chr(cp)
        assert not c.isdecimal() or digit.fullmatch(c), hex(cp)
        assert not c.isalpha() or letter.fullmatch(c), hex(cp)


def test_a_prefix_takes_first_words_that_run_on():
    texts = ("Материалдардың көшірмесі", "МАТЕРИАЛДАР", "Материал", "Біздің материалдар")
    assert lines(("материалдар*",), *texts) == [0, 1]
    assert lines(("материалдар",), *texts) == [1]
    assert lines(("ayrıca*",), "AYRICALAR", "Ayrıcalar", "Ayrı") == [0, 1, 2]  # 'ı': its line is always tried


def test_words_prefixes_and_leads_together_in_line_order():
    texts = ("2024 Site", "Все права", "x", "© Site", "Материалдар", "#tag #tag")
    assert lines(("все", "материалдар*", "©*", "0*"), *texts) == [0, 1, 3, 4]
    assert lines(("*",), *texts) == list(range(6))


def _rule(opens_with: tuple[str, ...]) -> Rule:
    return Rule(id="test.gate", summary="s", why="w", kind="drop", stage="strip_noise", pattern=r"^x$",
                opens_with=opens_with, examples=[{"before": "x\nA", "after": "A"}, {"before": "A", "after": "A"}])


@pytest.mark.parametrize("entry", ["©*", "0", "0тыс*", "материалдар*", "*", "", "#", "page"])
def test_entries_the_loader_takes(entry):
    assert _rule((entry,)).opens_with == (entry,)


@pytest.mark.parametrize("entry", ["Page", "page 2", " x", "**", "мат*ериал", "0Тыс", "0 тыс", "\nx", "©©"])
def test_entries_the_loader_refuses(entry):
    with pytest.raises(ValueError, match="opens_with"):
        _rule((entry,))
