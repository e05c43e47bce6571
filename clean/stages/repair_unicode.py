"""Stage 1, ``repair_unicode``: mojibake, HTML entities, invisible characters, spaces.

Expects a decoded document. Guarantees every kept line is valid, NFC-normal
text with entities decoded, invisible characters removed, odd spaces made
plain spaces and runs of spaces collapsed, each change recorded as an
:class:`~clean.document.Edit` under its rule. Never removes a line and never
touches « », —, № or curly quotes (ftfy's ``uncurl_quotes`` is off).

The expensive repair is ftfy (a few MB/s). Most lines cannot hold mojibake, so
:data:`NEEDS_FTFY` decides cheaply which lines ftfy must see: any character
outside the set that plain Russian, Kazakh, Ukrainian or English text is made
of, or a sequence that UTF-8 read as cp1251 produces inside that set (a lead
byte shown as a letter from В to Я, а to п or р to ф, followed by the one, two or
three continuation bytes it needs, shown as « » — … ё № Ґ and the like).
A line that passes is one ftfy would return unchanged, so the result equals
running ftfy on every line (tests check this on injected mojibake).

>>> from clean.ruleset import RuleSet
>>> doc = Document.from_text("РџСЂРµР·РёРґРµРЅС‚ &laquo;сказал&raquo;")
>>> repair_unicode(doc, RuleSet.shipped()).lines[0].text
'Президент «сказал»'
"""

from __future__ import annotations

import html
from dataclasses import replace

import ftfy
import regex

from clean.document import Document, Edit
from clean.kinds import apply_stage_rules, touched_lines
from clean.registry import python_rule
from clean.ruleset import Rule, RuleSet

FTFY_CONFIG = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, explain=False)

_SAFE = (
    r"\t\n\x20-\x7e"  # printable ASCII (and the line end the page is joined with)
    r"\u0410-\u044f\u0401\u0451"  # Russian alphabet
    r"\u0406\u0456\u0407\u0457\u0404\u0454\u0490\u0491\u040e\u045e"  # Ukrainian, Belarusian
    r"\u04d8\u04d9\u04e8\u04e9\u0492\u0493\u049a\u049b\u04a2\u04a3\u04ae\u04af\u04b0\u04b1\u04ba\u04bb"  # Kazakh
    r"«»—–…№“”„‘’"
)
_CONTINUATION = r"«»—–…№“”„‘’\u0401\u0451\u0406\u0456\u0407\u0457\u0404\u0454\u0490\u0491\u040e\u045e"
NEEDS_FTFY = regex.compile(
    rf"[^{_SAFE}]"
    rf"|[\u0412-\u042f][{_CONTINUATION}]"  # a 2-byte lead (bytes C2-DF shown as В-Я) and a continuation
    rf"|[\u0430-\u043f][{_CONTINUATION}]{{2}}"  # a 3-byte lead (E0-EF shown as а-п) and two
    rf"|[\u0440-\u0444][{_CONTINUATION}]{{3}}"  # a 4-byte lead (F0-F4 shown as р-ф) and three
)


def repair_unicode(doc: Document, rules: RuleSet) -> Document:
    """Run the ``repair_unicode`` rules (see module docstring)."""
    return apply_stage_rules(doc, rules, "repair_unicode")


@python_rule("repair.mojibake")
def fix_mojibake(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """ftfy on exactly the lines that :data:`NEEDS_FTFY` says may need it."""
    return _map_lines(doc, rule, NEEDS_FTFY, lambda text: ftfy.fix_text(text, FTFY_CONFIG))


ENTITY = regex.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")


@python_rule("repair.html-entity")
def decode_entities(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Decode named and numeric HTML entities, twice for double-escaped ones (``&amp;laquo;``)."""

    def unescape(text: str) -> str:
        for _ in range(2):
            text = ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        return text

    return _map_lines(doc, rule, ENTITY, unescape)


def _map_lines(doc: Document, rule: Rule, trigger: regex.Pattern, fix) -> Document:
    """Apply ``fix`` to the kept lines where ``trigger`` matches, recording an edit per changed line."""
    hits = touched_lines(doc, trigger)
    if not hits:
        return doc
    lines, edits = list(doc.lines), list(doc.edits)
    for i in hits:
        line = lines[i]
        new = fix(line.text)
        if new != line.text:
            edits.append(Edit.between(rule.id, line.start, line.text, new))
            lines[i] = replace(line, text=new, role=line.role if new.strip() else "blank")
    return doc.replace(lines=tuple(lines), edits=tuple(sorted(edits, key=lambda e: e.line)))
