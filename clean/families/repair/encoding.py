"""``repair.mojibake`` and ``repair.html-entity``: ftfy on the lines that may need it, HTML entities decoded.

The expensive repair is ftfy (a few MB/s). Most lines cannot hold mojibake, so
:data:`~clean.families.repair.mojibake_check.NEEDS_FTFY` decides cheaply which lines
ftfy must see: any character outside the set that plain Russian, Kazakh,
Ukrainian or English text is made of, or a pair of characters inside that set
where ftfy's own badness check could start to match. A line that passes is one
ftfy would return unchanged, so the result equals running ftfy on every line
(tests check this on injected mojibake).

>>> fix_text = lambda text: ftfy.fix_text(text, FTFY_CONFIG)
>>> fix_text("РџСЂРµР·РёРґРµРЅС‚")
'Президент'
"""

from __future__ import annotations

import html
from functools import lru_cache
from operator import attrgetter

import ftfy
import regex

from clean.model.document import Document, Edit
from clean.engine.kinds import touched_lines
from clean.engine.prefilter import literal_gate
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.repair.mojibake_check import NEEDS_FTFY, flagged_lines, needs_ftfy, outside_alphabet  # noqa: F401

_by_line = attrgetter("line")
FTFY_CONFIG = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, explain=False)


@python_rule("repair.mojibake")
def fix_mojibake(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """ftfy on exactly the lines that :data:`NEEDS_FTFY` says may need it (most pages: none)."""
    if not needs_ftfy(doc.view().text, outside_alphabet(doc)):
        return doc
    return _map_lines(doc, rule, flagged_lines(doc), lambda text: ftfy.fix_text(text, FTFY_CONFIG))


ENTITY = regex.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
ENTITY_GATE = literal_gate(ENTITY)  # a page without "&" and ";" holds no entity


@python_rule("repair.html-entity")
def decode_entities(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Decode named and numeric HTML entities, twice for double-escaped ones (``&amp;laquo;``)."""

    return _map_lines(doc, rule, touched_lines(doc, ENTITY, ENTITY_GATE), _unescape)


def _unescape(text: str) -> str:
    """``text`` with its entities decoded, then those that made (a second pass where an ``&`` is left)."""
    text = ENTITY.sub(_entity, text)
    return ENTITY.sub(_entity, text) if "&" in text else text  # no "&": no entity, the pass would change nothing


def _entity(match: regex.Match) -> str:
    return _character(match.group(0))


@lru_cache(maxsize=4096)
def _character(entity: str) -> str:
    """What ``html.unescape`` makes of one entity (a few hundred names: each worked out once)."""
    return html.unescape(entity)


def _map_lines(doc: Document, rule: Rule, hits: list[int], fix) -> Document:
    """Apply ``fix`` to the kept lines ``hits``, recording an edit per changed line."""
    if not hits:
        return doc
    lines, edits = list(doc.lines), list(doc.edits)
    for i in hits:
        line = lines[i]
        new = fix(line.text)
        if new != line.text:
            edits.append(Edit.between(rule.id, line.start, line.text, new))
            lines[i] = line.replace(text=new, role=line.role if new.strip() else "blank")
    if len(edits) == len(doc.edits):
        return doc  # no line changed (an unknown entity, a line ftfy keeps): the page itself, its view kept
    return doc.replace(lines=tuple(lines), edits=tuple(sorted(edits, key=_by_line)))
