"""The ``dates.relative-to-crawl`` rule of ``extract_metadata``: a relative stamp dated from the crawl date.

A listing rendered at crawl time prints ``Вчера, 08:40``, ``2 часа назад`` or
``кеше`` above a teaser. On a plain page that is no date (relative to when?);
where the input record says when it was fetched (JSONL ``crawl_date``, the
WARC-Date of a WARC record: ``Document.source.crawl_date``), the stamp names a
day relative to it. Expects items with their dates taken; guarantees that an
item still without a date whose text opens with a line that is only a relative
stamp gets the day it names, with ``date_text`` the stamp and ``date_rule``
this rule's id. The words and units are data (``rules/tables/relative_times.toml``).
Never reads the machine's clock, never dates a stamp of minutes or hours from a
crawl date without its time, and never dates a sentence (``Сегодня в Минске …``).

>>> crawl_day("2021-03-05T10:20:00Z", "Вчера, 08:40", _Table({"вчера": 1}, {}))
'2021-03-04'
>>> crawl_day("2021-03-05T01:20:00Z", "2 часа назад", _Table({}, {"часа": 60}))
'2021-03-04'
>>> crawl_day("2021-03-05", "2 часа назад", _Table({}, {"часа": 60})) is None
True
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

import regex

from clean.engine.registry import python_rule
from clean.families.dates.date_labels import relative_clock
from clean.families.dates.reader import readable_number
from clean.engine.ruleset import Rule, RuleSet
from clean.model.document import Document

MAX_STAMP_CHARS = 40  # 'Позавчера, 18:40' is 16: a longer first line is text, not a stamp
CRAWL_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
AGO_STAMP = regex.compile(r"(?P<n>\d{1,3})\s+(?P<unit>\p{L}+)\.?\s+(?P<ago>\p{L}+)")


class _Table(NamedTuple):
    days_back: dict
    units: dict
    ago: frozenset = frozenset({"назад", "тому", "таму", "бұрын", "ago"})
    day_stamp: regex.Pattern = regex.compile(r"(?P<word>\p{L}+)(?:[,\s]+(?:в\s+|о\s+|у\s+|at\s+)?\d{1,2}:\d{2})?")


def crawl_day(crawl_date: str, stamp: str, table: _Table) -> str | None:
    """The ISO day that ``stamp`` (a whole line) names, counted back from ``crawl_date``; None if it names none."""
    crawl = CRAWL_DATE.match(crawl_date or "")
    if crawl is None or not readable_number("".join(g for g in crawl.groups() if g)):
        return None
    y, mo, d, hh, mm, ss = crawl.groups()
    at = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    text = stamp.strip().casefold()
    if (m := table.day_stamp.fullmatch(text)) and m["word"] in table.days_back:
        return (at - timedelta(days=table.days_back[m["word"]])).date().isoformat()
    if (m := AGO_STAMP.fullmatch(text)) and m["unit"] in table.units and m["ago"] in table.ago and readable_number(m["n"]):
        minutes = int(m["n"]) * table.units[m["unit"]]
        if minutes < 24 * 60 and hh is None:
            return None  # hours ago, and the crawl's hour unknown: the day is not known
        return (at - timedelta(minutes=minutes)).date().isoformat()
    return None


def _table(rules: RuleSet) -> _Table:
    data = rules.tables.get("relative_times", {})
    ago = frozenset(w.casefold() for words in data.get("ago", {}).values() for w in words)
    day_stamp = regex.compile(rf"(?i)(?P<word>\p{{L}}+)(?:[,\s]+{relative_clock(rules)})?")  # 'Yesterday, 6:40 PM'
    return _Table(data.get("days_back", {}), data.get("units", {}), ago, day_stamp)


@python_rule("dates.relative-to-crawl")
def relative_to_crawl(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Date the undated items that open with a relative stamp, from the crawl date (see module docstring)."""
    crawl_date = doc.source.crawl_date
    if not crawl_date or all(item.date for item in doc.items):
        return doc
    table = rules.derived("dates.relative-table", _table)
    items = []
    for item in doc.items:
        first = (item.text or "").split("\n", 1)[0]
        day = crawl_day(crawl_date, first, table) if not item.date and len(first) <= MAX_STAMP_CHARS else None
        items.append(item if day is None else item.model_copy(
            update={"date": day, "date_text": first.strip(), "date_rule": rule.id}))
    return doc.replace(items=tuple(items))
