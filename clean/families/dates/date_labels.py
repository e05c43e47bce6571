"""The words a date line may hold besides its date (``rules/tables/date_labels.toml``), as patterns built
once per rule set: a label before the date (``Published``, ``Опубликовано:``), the word before a time
(``в``, ``at``, ``um``) and what may follow a time (``a.m.``, ``Uhr``, ``МСК``).

>>> from clean.catalog import shipped_rules
>>> bool(label_prefix(shipped_rules()).match("Veröffentlicht am 03.03.2022"))
True
"""

from __future__ import annotations

import regex


def _alternation(table: dict, section: str) -> str:
    words = sorted({w for ws in table.get(section, {}).values() for w in ws}, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words) or r"(?!x)x"


def label_prefix(rules) -> regex.Pattern:
    """A label at the start of a line, with the colon and spaces after it."""
    return rules.derived("dates.label-prefix", _label_prefix)


def _label_prefix(rules) -> regex.Pattern:
    labels = _alternation(rules.tables.get("date_labels", {}), "labels")
    return regex.compile(rf"(?i)\s*(?:{labels})(?!\p{{L}})\s*:?\s*")


def at_words(rules) -> str:
    """The words before a time, as an alternation."""
    return _alternation(rules.tables.get("date_labels", {}), "at")


def after_time(rules) -> str:
    """What may follow a time (``a.m.``, ``ET``, ``Uhr``), as an alternation of whole words."""
    return _alternation(rules.tables.get("date_labels", {}), "after_time")


def label_words(rules) -> str:
    """Every word of the table, as an alternation: what :func:`~clean.families.items.paragraphs.is_dateline`
    may find on a date line besides its date and time."""
    table = rules.tables.get("date_labels", {})
    return "|".join(part for part in (_alternation(table, s) for s in ("labels", "at", "after_time")))


def relative_clock(rules) -> str:
    """The time after a relative day (``Вчера, в 18:40``, ``Yesterday at 6:40 PM``), as a pattern: a word
    before it (``в``, ``о``, ``at``; table ``[at]``) and what may follow it (``p.m.``, ``МСК``; ``[after_time]``),
    for text in any case."""
    return (rf"(?:(?:{at_words(rules)})\s+)?\d{{1,2}}:\d{{2}}"
            rf"(?:\s*(?:{after_time(rules)})(?!\p{{L}}))*")
