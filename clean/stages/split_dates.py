"""Stage 3, ``split_dates``: date stamps glued to the text, split off and kept as data.

Expects a cleaned document. A listing page prints a date widget right before
the body and the scraper glues them: ``20.11.202020 ноября 2020 года под …`` is
the stamp ``20.11.2020`` and the body ``20 ноября 2020 года под …``. Guarantees
that a stamp it splits is a real calendar date followed by a well-formed start,
moved to ``Line.stamp`` with an edit recorded; a headline glued before a stamp
(``…ОДКБ20.11.2020``) becomes a line of its own. Never splits what it cannot
validate, and never touches a date inside a sentence.

The split is a choice between readings of the digit run after ``DD.MM.``: a
four- or two-digit year, the rest of the digits going to the body. A reading
is valid when the stamp is a real date and the body starts well: a day and a
month name valid for each other, a year, a capitalised word, or nothing. When
several readings are valid, the one whose body day agrees with the stamp's day
wins, then the four-digit year. A body day that disagrees with the stamp is
accepted only when the stamp opens the line.

>>> from clean.ruleset import RuleSet
>>> doc = split_dates(Document.from_text("26.10.2126 октября с.г. в Москве"), RuleSet.shipped())
>>> doc.lines[0].stamp.date, doc.lines[0].text
('2021-10-26', '26 октября с.г. в Москве')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from clean.dates import valid, vocabulary
from clean.document import DateMark, Document, Edit, Line
from clean.kinds import apply_stage_rules
from clean.registry import python_rule
from clean.ruleset import Rule, RuleSet

YEAR_LEAD = regex.compile(r"\d{4}(?!\d)")
CAPITAL_LEAD = regex.compile(r"[\p{Lu}«\"“]")
MAX_GLUED_TITLE_CHARS = 250  # a text glued before a stamp longer than this is a sentence, not a title

CANDIDATE = regex.compile(
    r"""(?x)
    (?: (?P<d>\d{1,2}) (?P<sep>[./]) (?P<m>\d{1,2}) (?P=sep) (?P<run>\d{2,10})
      | (?P<iy>\d{4}) - (?P<im>\d{2}) - (?P<irun>\d{1,8}) )
    (?P<time> [\sT]? \d{1,2}:\d{2} (?::\d{2})? )?
    """
)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to cut the digits: the stamp date, its text, and the body that follows."""

    iso: str
    day: int
    stamp: str
    body: str
    agrees: bool
    four_digit: bool


def split_dates(doc: Document, rules: RuleSet) -> Document:
    """Run the ``split_dates`` rules (see module docstring)."""
    return apply_stage_rules(doc, rules, "split_dates")


@python_rule("dates.glued-stamp")
def glued_stamp(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Split validated date stamps off the start of lines (or off a glued headline)."""
    if not CANDIDATE.search("\n".join(line.text for line in doc.lines if line.kept and line.stamp is None)):
        return doc  # no line holds a candidate: one scan of the page, no per-line work
    out: list[Line] = []
    edits = list(doc.edits)
    changed = False
    for line in doc.lines:
        parts = _split_line(line, rule, rules) if line.kept and line.stamp is None else None
        if parts is None:
            out.append(line)
            continue
        changed = True
        title, stamped, edit = parts
        if title is not None:
            out.append(title)
        out.append(stamped)
        edits.append(edit)
    if not changed:
        return doc
    return doc.replace(lines=tuple(out), edits=tuple(sorted(edits, key=lambda e: e.line)))


def _split_line(line: Line, rule: Rule, rules: RuleSet):
    text = line.text
    for m in CANDIDATE.finditer(text):
        head = text[: m.start()]
        if head and (head[-1].isspace() or head[-1].isdigit() or len(head) > MAX_GLUED_TITLE_CHARS):
            continue  # a date inside a sentence, not a stamp
        reading = best_reading(m, text[m.end():], opens_line=not head, rules=rules)
        if reading is None:
            continue
        mark = DateMark(reading.iso, reading.stamp, rule.id)
        stamped = replace(line, text=reading.body, stamp=mark)
        title = replace(line, text=head.strip()) if head.strip() else None
        return title, stamped, Edit(rule.id, line.start, reading.stamp, "")
    return None


def best_reading(m, after: str, opens_line: bool, rules: RuleSet) -> Reading | None:
    """The best valid reading of candidate ``m`` followed by ``after``, or None."""
    readings = [r for r in _readings(m, after, rules) if r.agrees or opens_line or not r.body[:1].isdigit()]
    if not readings:
        return None
    return max(readings, key=lambda r: (r.agrees, r.four_digit))


def _readings(m, after: str, rules: RuleSet):
    if m.group("iy"):
        year, month, run = int(m.group("iy")), int(m.group("im")), m.group("irun")
        cuts = [(run[:k], run[k:]) for k in (2, 1) if len(run) >= k]
        for day_digits, rest in cuts:
            yield from _reading(m, year, month, int(day_digits), len(day_digits), rest, after, True, rules)
        return
    day, month, run = int(m.group("d")), int(m.group("m")), m.group("run")
    for width in (4, 2):
        if len(run) < width:
            continue
        year = int(run[:width]) + (2000 if width == 2 else 0)
        yield from _reading(m, year, month, day, width, run[width:], after, width == 4, rules)


def _reading(m, year, month, day, width, rest_digits, after, four, rules):
    if not valid(year, month, day):
        return
    run_start = m.start("irun") if m.group("iy") else m.start("run")
    stamp = m.string[m.start() : run_start + width]
    tail = after
    if m.group("time"):
        if rest_digits:
            tail = m.group("time") + after  # digits after the year: the time is not the stamp's
        else:
            stamp += m.group("time")
    body = (rest_digits + tail).lstrip(" \t-–—|:")
    ok, agrees = _well_formed(body, day, month, rules)
    if ok:
        yield Reading(f"{year:04d}-{month:02d}-{day:02d}", day, stamp.strip(), body, agrees, four)


def _well_formed(body: str, day: int, month: int, rules: RuleSet) -> tuple[bool, bool]:
    """Does ``body`` start well, and does its leading day/month agree with the stamp?"""
    if not body:
        return True, False
    vocab = vocabulary(rules)
    lead = rules.derived("dates.body-lead", _body_lead).match(body)
    if lead:
        body_day, body_month = int(lead.group(1)), vocab.month_number(lead.group(2))
        if body_month is None or not valid(None, body_month, body_day):
            return False, False
        return True, body_day == day and body_month == month
    if YEAR_LEAD.match(body):
        return True, False
    if body[0].isdigit():
        return False, False
    return bool(CAPITAL_LEAD.match(body)), False


def _body_lead(rules: RuleSet) -> regex.Pattern:
    """``14 августа``: a day and a month name at the start of a body (compiled once per rule set)."""
    return regex.compile(rf"(\d{{1,2}})\s+({vocabulary(rules).month})", regex.IGNORECASE)
