"""Date lines of ``split_dates``: a line that is only a date is a stamp for the text after it.

A listing prints its date widget on a line of its own (``20.11.2020 14:35``,
``14 августа 2023``, ``March 1, 2019``), above the teaser it dates. The rule
``dates.stamp-line`` turns such a line into a bare stamp, and
:func:`carry_bare_stamps` gives every bare stamp (from here or from
``dates.glued-stamp``) to the next text line, across blank lines, so the stamp
dates the item it heads. Expects lines whose noise is marked. Guarantees that
only a line made of one full date (day, month, year), with at most a time
and a weekday (``Friday, March 1, 2019 10:15``) and a time zone (``+0300``) around it, becomes a stamp. Never takes a date from a line with any
other word, and never carries a stamp across a removed line or onto a line that
has a stamp of its own.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = stamp_line(Document.from_text("March 1, 2019\\n\\nThe council met."), rules.get("dates.stamp-line"), rules)
>>> [(line.start, line.end, line.stamp.date, line.text) for line in doc.lines]
[(1, 3, '2019-03-01', 'The council met.')]
"""

from __future__ import annotations

from dataclasses import replace

import regex

from clean.families.dates.date_labels import after_time, at_words, label_prefix
from clean.families.dates.reader import date_at
from clean.model.document import DateMark, Document, Edit, Line
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.items.card_weights import LineWords
from clean.families.items.cards import find_cards, shape_string
from clean.families.items.page import facts, memo_dateline

MAX_DATE_LINE_CHARS = 60  # 'Wednesday, 20 November 2020, 14:35:00' is 37; a longer line is text

TIME = r"(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?|\s?h\s?[0-5]\d(?!\d))"  # 10:42, 10:42:05; 10h42 (fr)
ZONE = r"(?:\s*(?:[+-]\d{2}:?\d{2}|GMT|UTC|Z)(?!\w))?"  # RFC 822: Mon, 28 Sep 2020 10:00:00 +0300
# the words a date line may put before its time (в, at, um ...) and after it (a.m., Uhr, МСК), and a label
# before its date (Published, Опубликовано:): rules/tables/date_labels.toml; with "г./р./ж." and
# "года/року/жылы" before the time read as part of the date
YEAR = regex.compile(r"\d{4}")


@python_rule("dates.stamp-line")
def stamp_line(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Make every line that is only a full date a bare stamp, then carry the bare stamps."""
    return stamp_date_lines(doc, rule, rules, year_lines(doc))


def year_lines(doc: Document) -> list[int]:
    """Indices of the kept lines short enough for a date line and holding four digits in a row.

    Safe because :func:`date_line` needs a full date with its year as four
    digits (``\\d{4}``) inside the line.
    """
    lines = doc.lines
    return [i for i in doc.view().index if len(lines[i].text) <= MAX_DATE_LINE_CHARS and YEAR.search(lines[i].text)]


def stamp_date_lines(doc: Document, rule: Rule, rules: RuleSet, indices) -> Document:
    """Make the date lines among ``doc.lines[i]``, ``i`` in ``indices`` (ascending), bare stamps."""
    lines, edits = list(doc.lines), list(doc.edits)
    for i in indices:
        line = lines[i]
        if line.kept and line.stamp is None and line.text:
            iso = date_line(line.text, rules)
            if iso is not None:
                lines[i] = replace(line, text="", stamp=DateMark(iso, line.text.strip(), rule.id))
                edits.append(Edit(rule.id, line.start, line.text, ""))
    if len(edits) == len(doc.edits):
        return doc
    datelines = facts(doc, rules, "dateline")
    return doc.replace(lines=carry_bare_stamps(lines, rules, datelines), edits=tuple(sorted(edits, key=lambda e: e.line)))


def date_line(text: str, rules: RuleSet) -> str | None:
    """The ISO date of a line made of one full date with a four-digit year, at most a time and a weekday,
    else None (``2 Декабрь 95`` alone on a line may be a score or a count: no stamp)."""
    if len(text) > MAX_DATE_LINE_CHARS:
        return None
    label = None if text[:1].isdigit() else label_prefix(rules).match(text)  # a label opens with a letter
    opening = label.end() if label else 0
    start = rules.derived("dates.before-date-line", _before_date).match(text, opening).end()
    found = date_at(text, start, rules)
    if found is None and start > opening:  # what read as a weekday opens the date: 'Mar 14, 2026' (mar: martes)
        found = date_at(text, opening, rules)
    if found is None or found.iso is None or not YEAR.search(found.text):
        return None
    return found.iso if rules.derived("dates.after-date-line", _after_date).fullmatch(text, found.end) else None


def _after_date(rules: RuleSet):
    """What may follow the date on a date line: a time, after a word (``в``, ``at``), with ``a.m.``,
    ``Uhr`` or a time zone after it."""
    return regex.compile(rf"(?i)[\s,|–—-]*(?:(?:(?:{at_words(rules)})\s+)?{TIME}"
                         rf"(?:\s*(?:{after_time(rules)})(?!\p{{L}}))*{ZONE})?\s*")


def _before_date(rules: RuleSet):
    """What may precede the date on a date line, after its label if it has one: a time, a weekday
    (``Пятница,``), or both.

    :func:`date_line` matches the label (:func:`~clean.families.dates.date_labels.label_prefix`) and
    this pattern one after the other, which ends where one pattern of the two (the label optional)
    would: everything after the label is optional, so the first label that matches is the one that
    pattern takes too, and its greedy spaces leave none to this one. So that pattern (9 ms to compile
    in each worker) is never built: the label's pattern is built anyway, and this one is needed alone.
    """
    days = sorted((d for names in rules.tables.get("weekdays", {}).values() for d in names), key=len, reverse=True)
    weekday = "|".join(regex.escape(d) for d in days) or r"(?!x)x"
    after = rf"(?:\s*(?:{after_time(rules)})(?!\p{{L}}))*"
    return regex.compile(rf"(?i)\s*(?:{TIME}{after}[\s,|–—-]*)?(?:(?:{weekday})\.?(?!\w)[\s,|–—-]*)?")


def carry_bare_stamps(lines, rules: RuleSet, datelines: dict | None = None) -> tuple[Line, ...]:
    """A stamp alone on its line goes to the next text line (past blank lines), which then spans them all.

    Not on a page whose dates trail their items (it ends with a bare stamp and
    does not open with one), nor in a run of cards that print their date under
    the headline (:mod:`clean.families.items.cards`): there the next line belongs to another item.
    ``datelines``: the page's memo of :func:`~clean.families.items.paragraphs.is_dateline`
    (:func:`~clean.families.items.page.memo_dateline`), if it has one.
    """
    kept = [i for i, line in enumerate(lines) if line.kept]
    if not any(_bare(lines[i]) for i in kept):
        return tuple(lines)
    if _bare(lines[kept[-1]]) and not _bare(lines[kept[0]]):
        return tuple(lines)
    closing = _closing_stamps(lines, kept, rules, {} if datelines is None else datelines)
    lines, drop = list(lines), set()
    for i, line in enumerate(lines):
        if i in drop or not _bare(line) or i in closing:
            continue
        j = i + 1
        while j < len(lines) and lines[j].role == "blank":
            j += 1
        if j < len(lines) and lines[j].kept and lines[j].stamp is None and lines[j].text:
            lines[i] = replace(lines[j], start=line.start, stamp=line.stamp)
            drop.update(range(i + 1, j + 1))
    return tuple(line for k, line in enumerate(lines) if k not in drop)


def _closing_stamps(lines, kept: list[int], rules: RuleSet, memo: dict) -> set[int]:
    """Indices of the bare stamps that close a card of a run whose date lines come under the headline,
    and of the one right before the first such card (a feed's own date over its first entry, which has
    its own)."""
    texts = [lines[i].text for i in kept]
    datelines = [_bare(lines[i]) or (len(t) <= MAX_DATE_LINE_CHARS and memo_dateline(memo, t, rules))
                 for i, t in zip(kept, texts)]
    cards = find_cards(shape_string(texts, datelines), LineWords(texts))  # words counted where weighed
    closing = {n for n, closes in cards.closes.items() if closes}
    dated = [cards.region[n] for n in closing if n in cards.region]
    first = min(dated, default=0)  # the page's first card that has a date line of its own
    if first and datelines[first - 1] and first - 1 not in cards.closes:
        closing.add(first - 1)
    return {kept[n] for n in closing}


def _bare(line: Line) -> bool:
    return line.kept and line.stamp is not None and not line.text
