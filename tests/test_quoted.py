"""Noise-shaped lines a story quotes stay (``keeps_quoted``, :mod:`clean.engine.quoted`); leaked ones go."""

from __future__ import annotations

import pytest

from clean.catalog import shipped_rules
from clean.engine.quoted import introduces, unquoted
from clean.engine.ruleset import Rule
from clean.model.document import Document
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
WARNING = "Warning: Undefined variable $id in /var/www/html/widget.php on line 12"
DB_ERROR = "WordPress database error: [Table 'wp.wp_posts' doesn't exist] SELECT * FROM wp_posts WHERE ID = 1"


def kept_text(page: str) -> str:
    return "\n".join(item.text for item in PIPELINE.clean_text(page))


@pytest.mark.parametrize("text, expected", [
    ("Visitors saw the following text at the top of the form:", True),
    ("Сайт показывал посетителям такое сообщение:  ", True),
    ("Сайт келушілерге мына хабарды көрсетті:", True),
    ("Читайте также:", False),  # a label, not a sentence
    ("ОШИБКА НА САЙТЕ ВСЕ ЕЩЕ ЕСТЬ:", False),  # no lower-case letter: a heading
    ("Visitors saw the following text at the top of the form.", False),
    ("Error log: see below", False),
])
def test_an_introduction_is_a_sentence_ending_with_a_colon(text, expected):
    assert introduces(text) is expected


def test_a_run_after_an_introduction_is_quoted_and_a_later_line_is_not():
    doc = Document.from_text("The log showed these two lines:\nA\n\nB\nText.\nC")
    assert unquoted(doc, [1, 3, 5]) == [5]  # the blank line between A and B is no kept line
    assert unquoted(doc, []) == []


@pytest.mark.parametrize("intro", [
    "The hospital's booking site showed this text on every page:",
    "Как рассказали читатели, на главной странице сайта висела надпись:",
])
def test_a_quoted_warning_stays(intro):
    page = f"Hospital site leaked errors\n{intro}\n{WARNING}\nIt was fixed on Thursday.\n"
    assert WARNING in kept_text(page)


@pytest.mark.parametrize("before", ["Hospital site leaked errors", "Читайте также:", "Last updated: 12:30"])
def test_a_leaked_warning_goes(before):
    page = f"{before}\n{WARNING}\nIt was fixed on Thursday. The site works again for everyone.\n"
    assert WARNING not in kept_text(page)


def test_a_python_rule_keeps_a_quoted_database_error_and_the_leaked_one_goes():
    quoted = f"Story about the outage\nThe archive page printed this for a whole day:\n{DB_ERROR}\nThe fix came later.\n"
    leaked = f"Story about the outage\n{DB_ERROR}\nThe archive works again and the fix came later.\n"
    assert DB_ERROR in kept_text(quoted)
    assert DB_ERROR not in kept_text(leaked)


def test_the_rules_that_remove_diagnostics_keep_quotes():
    rules = shipped_rules()
    flagged = {r.id for r in rules.rules if r.keeps_quoted}
    assert {"noise.php-notice", "noise.php-stack-trace", "noise.wp-db-error", "noise.drupal-error",
            "noise.bitrix-error"} <= flagged


def test_keeps_quoted_is_refused_on_a_rule_that_cuts_inside_lines():
    with pytest.raises(ValueError, match="keeps_quoted"):
        Rule(id="noise.x", summary="s", why="w", kind="strip", stage="strip_noise", pattern="x", replacement="",
             keeps_quoted=True, examples=[{"before": "x", "after": ""}, {"before": "y", "after": "y"}])
