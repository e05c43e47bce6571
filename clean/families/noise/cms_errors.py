"""Python rules for CMS output that spans lines: PHP stack traces and database errors.

An uncaught PHP exception prints its message (taken by ``noise.php-notice``),
then a trace, one frame a line, then where it was thrown::

    Stack trace:
    #0 /var/www/html/index.php(3): require()
    #1 {main}
      thrown in /var/www/html/db.php on line 5

Bitrix prints ``#0: /home/bitrix/www/…/connection.php:601`` frames with the
call on the next line (``Bitrix\\Main\\DB\\MysqliConnection->queryInternal(…)``).
WordPress prints ``WordPress database error: [Table … doesn't exist]`` and the
failed query on the next line. The decision, line by line:

1. a *frame* (``#N path(line)``, ``#N {main}``), a *thrown* line (``thrown in
   path on line N``) or a chained exception (``Next Exception: … in path:N``) is
   removed: each needs a path ending in .php/.inc, which prose never has;
2. a trace heading (``Stack trace:``, ``Trace:``) is removed only when the next
   kept line is a frame; a call line (``Class->method(…)``) only right after a frame;
3. a ``WordPress database error`` line is removed when a ``:``, ``[`` or ``for query``
   follows the words, and the next kept line with it when it is an SQL statement.

Both rules first ask the whole page (:func:`may_trace`, :func:`may_wp_error`)
whether a line they remove can be there at all, with literal-led searches
that the engine runs as fast scans; most pages stop there.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Stack trace:\\n#0 {main}\\n  thrown in /var/www/a.php on line 3\\nНовость.")
>>> [line.removed for line in stack_trace(doc, rules.get("noise.php-stack-trace"), rules).lines]
['noise.php-stack-trace', 'noise.php-stack-trace', 'noise.php-stack-trace', None]
"""

from __future__ import annotations

import regex

from clean.model.document import Document
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.quoted import drop_lines

_PHP_FILE = r"(?:/|[A-Za-z]:\\)[^\s()]*\.(?:php|inc|module|phtml)\d?"
FRAME = regex.compile(
    rf"""(?x) ^ \s* \#\d{{1,3}} :? \s+
    (?: \{{main\}} | \[internal\ function\] | {_PHP_FILE} (?: \(\d+\) | :\d+ ) )"""
)
THROWN = regex.compile(
    rf"^\s*thrown in\s+(?:<b>)?{_PHP_FILE}(?:</b>)?\s+on line\s+(?:<b>)?\d+(?:</b>)?\s*$"
)
NEXT = regex.compile(  # a chained exception: "Next RuntimeException: … in /var/www/a.php:12"
    rf"^\s*Next\s+[\w\\]*(?:Exception|Error)\b.*\bin\s+{_PHP_FILE}(?::\d+|\s+on line\s+\d+)\s*$"
)
TRACE_HEAD = regex.compile(r"^\s*(?:PHP\s+)?(?:Stack trace|Trace|Backtrace|Call Stack)\s*:?\s*$", regex.IGNORECASE)
CALL = regex.compile(r"^\s*[\w\\]+(?:->|::)\w+\(.*\)\s*$")
WP_DB_ERROR = regex.compile(
    r"^\s*(?:<strong>)?WordPress database error(?:</strong>)?\s*(?::|\[|.*\bfor query\b)", regex.IGNORECASE
)
# Page-level gates, each a part that every match of the pattern named contains (same flags).
FRAME_GATE = regex.compile(
    rf"""(?x) \#\d{{1,3}} :? \s+ (?: \{{main\}} | \[internal\ function\] | {_PHP_FILE} (?: \(\d+\) | :\d+ ) )"""
)
NEXT_GATE = regex.compile(r"Next\s+[\w\\]*(?:Exception|Error)\b")
WP_GATE = regex.compile("WordPress database error", regex.IGNORECASE)
SQL = regex.compile(
    r"^\s*(?:<code>)?(?:SELECT|INSERT|UPDATE|DELETE|SHOW|REPLACE|CREATE|ALTER|DESCRIBE)\s[\x20-\x7e]*"
    r"\b(?:FROM|INTO|SET|TABLE|TABLES|COLUMNS|WHERE)\b[\x20-\x7e]*$"
)


def may_trace(page: str) -> bool:
    """False when no line of ``page`` can be a frame, a thrown line or a chained exception.

    Every line :func:`stack_trace` removes is one of those or stands next to one
    (a heading before a frame, a call after one), and each holds its gate's text:
    a frame its ``#N path``, a thrown line ``thrown in``, a chained exception ``Next …Exception``.
    """
    return "thrown in" in page or bool(FRAME_GATE.search(page) or NEXT_GATE.search(page))


def may_wp_error(page: str) -> bool:
    """False when no line of ``page`` can be a WordPress database error (the words, in any case)."""
    return WP_GATE.search(page) is not None


@python_rule("noise.php-stack-trace")
def stack_trace(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove PHP and Bitrix stack-trace frames, their heading, call lines and the thrown line."""
    return trace_lines(doc, rule) if may_trace(doc.view().text) else doc


def trace_lines(doc: Document, rule: Rule) -> Document:
    """:func:`stack_trace` without its page gate: the decision, line by line."""
    kept = doc.kept_indices()
    texts = [doc.lines[i].text for i in kept]
    marked: list[int] = []
    for n, text in enumerate(texts):
        following = texts[n + 1] if n + 1 < len(texts) else ""
        after_frame = bool(marked) and marked[-1] == n - 1
        if (
            FRAME.search(text) or THROWN.search(text) or NEXT.search(text)
            or (TRACE_HEAD.search(text) and FRAME.search(following))
            or (after_frame and CALL.search(text))
        ):
            marked.append(n)
    return drop_lines(doc, rule, (kept[n] for n in marked))


@python_rule("noise.wp-db-error")
def wp_db_error(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove ``WordPress database error`` lines and the SQL statement printed after one."""
    return wp_error_lines(doc, rule) if may_wp_error(doc.view().text) else doc


def wp_error_lines(doc: Document, rule: Rule) -> Document:
    """:func:`wp_db_error` without its page gate."""
    kept = doc.kept_indices()
    marked: list[int] = []
    for n, i in enumerate(kept):
        if WP_DB_ERROR.search(doc.lines[i].text):
            marked.append(i)
            if n + 1 < len(kept) and SQL.search(doc.lines[kept[n + 1]].text):
                marked.append(kept[n + 1])
    return drop_lines(doc, rule, marked)
