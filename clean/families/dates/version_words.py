"""Words that make the number after them a version or a document's number, not a date
(``rules/tables/version_words.toml``): ``Version 2.10.2019``, ``Версія 2.10.2019``, ``v2.10.2019``.

:func:`glued_version` is asked by ``dates.glued-stamp`` of the text glued right before a stamp;
:func:`version_before` by ``items.date-lead`` of the text before a paragraph's first date.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> bool(version_before(rules).search("Version ")), bool(version_before(rules).search("Москва, "))
(True, False)
>>> bool(glued_version(rules).search("сборка")), bool(glued_version(rules).search("Пересборка"))
(True, False)
"""

from __future__ import annotations

import regex


def _words(rules) -> str:
    table = rules.tables.get("version_words", {}).get("words", {})
    words = sorted({w.casefold() for ws in table.values() for w in ws}, key=len, reverse=True)
    return "|".join(regex.escape(w) for w in words) or r"(?!x)x"


def glued_version(rules) -> regex.Pattern:
    """A version word at the very end of a text (a stamp glued after it: ``v2.10.2019``, ``ver.2.10.2019``)."""
    return rules.derived("dates.glued-version", lambda rs: regex.compile(rf"(?i)(?<![\p{{L}}\d])(?:{_words(rs)})\.?$"))


def version_before(rules) -> regex.Pattern:
    """A version word ending a text but for spaces or a colon (a date after it: ``Version 2.10.2019``)."""
    return rules.derived(
        "dates.version-before", lambda rs: regex.compile(rf"(?i)(?<![\p{{L}}\d])(?:{_words(rs)})\.?[\s:]*$"))
