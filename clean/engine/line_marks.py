"""Marking whole lines removed, with their audit records: the `drop` kind, site templates and the Python rules.

>>> from clean.model.document import Document
>>> doc = remove_lines(Document.from_text("a\\nb"), "noise.example", [1])
>>> [line.removed for line in doc.lines], doc.removals[0].text
([None, 'noise.example'], 'b')
"""

from __future__ import annotations

from collections.abc import Iterable

from clean.model.document import Document, Removal


def remove_lines(doc: Document, rule_id: str, indices: Iterable[int]) -> Document:
    """``doc`` with the lines at ``indices`` marked removed by ``rule_id`` and recorded."""
    marked = sorted(set(indices))
    if not marked:
        return doc
    lines = list(doc.lines)
    removals = list(doc.removals)
    for i in marked:
        lines[i] = lines[i].replace(removed=rule_id)
        removals.append(Removal(rule_id, lines[i].start, lines[i].text))
    return doc.replace(lines=tuple(lines), removals=tuple(sorted(removals, key=lambda r: r.line)))
