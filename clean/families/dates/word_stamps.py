"""The ``dates.glued-word-stamp`` rule of ``split_dates``: a date in words glued to its own repeat.

Some listings print the date widget in words, and the scraper glues it to a
body that opens with the same date: ``5 мая 2022 года5 мая 2022 года в …``,
``20 ноября 202020 ноября 2020 года …``. The first date is a stamp: it leaves
the line as ``Line.stamp``, with an edit. Only a line that opens with a full
date (day, month name, year) glued, with no space, to a second date with the
same day and month (and the same year, or none) is split; a date followed by a
number (``5 мая 2022 года 15 человек``) or by another date is left.

>>> from clean.catalog import shipped_rules
>>> from clean.model.document import Document
>>> rules = shipped_rules()
>>> doc = glued_word_stamp(Document.from_text("5 мая 2022 года5 мая 2022 года в Минске"),
...                        rules.get("dates.glued-word-stamp"), rules)
>>> doc.lines[0].stamp.date, doc.lines[0].text
('2022-05-05', '5 мая 2022 года в Минске')
"""

from __future__ import annotations

import re

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.dates.reader import date_at
from clean.model.document import DateMark, Document, Edit

# a day, a word, four digits, maybe a year word, and a digit right after: the only lines the rule splits
CANDIDATE = re.compile(r"\d{1,2}[ \t]+\w+\.?,?[ \t]+\d{4}(?:[ \t]*(?:года|году|г\.|року|р\.|жылы|ж\.))?(?=\d)")


@python_rule("dates.glued-word-stamp")
def glued_word_stamp(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Split a date in words off the head of a line that repeats it (see module docstring)."""
    lines = doc.lines
    hits = [i for i in doc.view().index if lines[i].text[:1].isdigit() and lines[i].stamp is None]
    if not hits:
        return doc
    lines, edits = list(lines), list(doc.edits)
    for i in hits:
        line = lines[i]
        split = _split(line.text, rules)
        if split is not None:
            iso, stamp, body = split
            lines[i] = line.replace(text=body, stamp=DateMark(iso, stamp, rule.id))
            edits.append(Edit(rule.id, line.start, stamp, ""))
    if len(edits) == len(doc.edits):
        return doc
    return doc.replace(lines=tuple(lines), edits=tuple(sorted(edits, key=lambda e: e.line)))


def _split(text: str, rules: RuleSet) -> tuple[str, str, str] | None:
    """(ISO date, stamp text, body) when ``text`` opens with a full date glued to its repeat, else None."""
    m = CANDIDATE.match(text)
    if m is None:
        return None
    stamp_text = m.group(0)
    stamp = date_at(stamp_text, 0, rules)
    if stamp is None or stamp.iso is None or stamp.end != len(stamp_text):
        return None  # the head is not one full date to its last character
    body = text[m.end():]
    repeat = date_at(body, 0, rules)
    if repeat is None or (repeat.day, repeat.month) != (stamp.day, stamp.month) or repeat.year not in (None, stamp.year):
        return None
    return stamp.iso, stamp_text, body
