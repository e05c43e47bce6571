"""The ``repair.escaped-dump`` rule of ``repair_unicode``: a page saved as a quoted string, unescaped.

A scraper that writes ``repr(text)`` or a JSON string instead of the text
leaves the page on one line with its line ends and quotes written out:
``Заголовок\\r\\n\\r\\nТекст \\"в кавычках\\"\\t…``, sometimes with its letters
as ``\\u041f``. When the page is *wholly* such a dump (the lines holding escapes
carry at least :data:`MIN_DUMP_SHARE` of its characters, with at least
:data:`MIN_LINE_ENDS` written-out line ends), the escapes are read: ``\\r\\n``,
``\\n`` and ``\\r`` end a line (the new lines keep the source line's number),
``\\t`` is a tab, ``\\"``, ``\\'``, ``\\\\`` and ``\\uXXXX`` the characters
they stand for. A page that only quotes an escape (``printf("%d\\n")``, a
path ``C:\\new\\table``) is left as it is.

>>> from clean.catalog import shipped_rules
>>> from clean.model.document import Document
>>> rules = shipped_rules()
>>> doc = unescape_dump(Document.from_text('Title\\\\r\\\\n\\\\r\\\\nBody \\\\"quoted\\\\".\\\\nEnd.'),
...                     rules.get("repair.escaped-dump"), rules)
>>> [(line.start, line.text) for line in doc.lines]
[(1, 'Title'), (1, ''), (1, 'Body "quoted".'), (1, 'End.')]
"""

from __future__ import annotations

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.model.document import Document, Edit, Line

MIN_LINE_ENDS = 2  # written-out line ends a dump has at least ('\n' alone is a path or a code sample)
MIN_DUMP_SHARE = 0.9  # of the page's characters, on the lines that hold escapes
ESCAPE = regex.compile(r"\\(?:r\\n|[nrt\"'\\/]|u[0-9a-fA-F]{4})")
LINE_END = regex.compile(r"\\r\\n|\\n|\\r")
SIMPLE = {"t": "\t", '"': '"', "'": "'", "\\": "\\", "/": "/"}


def _char(m: regex.Match) -> str:
    escape = m.group(0)
    if escape[1] in SIMPLE:
        return SIMPLE[escape[1]]
    if escape[1] == "u":
        return chr(int(escape[2:], 16))
    return "\n"  # \r\n, \n, \r


def unescape(text: str) -> str:
    r"""``text`` with its escapes read (``\uD83D\uDE00`` pairs joined into one character)."""
    out = ESCAPE.sub(_char, text)
    return out.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if _has_surrogate(out) else out


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def is_dump(lines) -> bool:
    """Is the page (its kept lines) wholly a dumped string?"""
    total = dumped = ends = 0
    for line in lines:
        n = len(line.text)
        total += n
        found = len(LINE_END.findall(line.text))
        if found or ESCAPE.search(line.text):
            dumped += n
            ends += found
    return ends >= MIN_LINE_ENDS and dumped >= MIN_DUMP_SHARE * total


@python_rule("repair.escaped-dump")
def unescape_dump(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Read the escapes of a page that is wholly a dumped string (see module docstring)."""
    if "\\" not in doc.view().text:
        return doc
    kept = [line for line in doc.lines if line.kept]
    if not is_dump(kept):
        return doc
    lines: list[Line] = []
    edits = list(doc.edits)
    for line in doc.lines:
        new = unescape(line.text) if line.kept and "\\" in line.text else line.text
        if new == line.text:
            lines.append(line)
            continue
        edits.append(Edit.between(rule.id, line.start, line.text, new))
        lines += [line.replace(text=part, role="text" if part.strip() else "blank") for part in new.split("\n")]
    return doc.replace(lines=tuple(lines), edits=tuple(sorted(edits, key=lambda e: e.line)))
