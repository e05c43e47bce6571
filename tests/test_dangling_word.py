"""``lines.dangling-word``: every word of its list joins the next line (the cheap last-letter test before the
list must let each through), in lower case only, and a word inside a longer one does not."""

from __future__ import annotations

import regex
import pytest

from clean.catalog import shipped_rules
from clean.engine.join_kind import join_lines
from clean.model.document import Document

RULES = shipped_rules()
RULE = RULES.get("lines.dangling-word")
PATTERN = RULES.patterns[RULE.id]
WORDS = regex.search(r"\(\?:(.*?)\)\s*\\n\s*\)", RULE.pattern, regex.S).group(1).replace("|", " ").split()


def joined(text: str) -> list[str]:
    return [line.text for line in join_lines(Document.from_text(text), RULE, PATTERN).lines]


def test_the_list_was_read():
    assert {"на", "і", "the", "және"} <= set(WORDS) and len(WORDS) > 30


@pytest.mark.parametrize("word", WORDS)
def test_every_word_of_the_list_joins_the_next_line(word):
    assert joined(f"Встреча прошла {word}\nМинске в понедельник.") == [f"Встреча прошла {word} Минске в понедельник."]


@pytest.mark.parametrize("word", WORDS)
def test_a_word_in_capitals_or_inside_another_word_does_not(word):
    assert len(joined(f"Встреча прошла {word.upper()}\nМинске.")) == 2 or word.upper() == word
    assert len(joined(f"Встреча прошла ф{word}\nМинске.")) == 2
