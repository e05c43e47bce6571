"""``dates.glued-stamp``: date stamps glued to the text, split off and kept as data.

A listing page prints a date widget right before
the body and the scraper glues them: ``20.11.202020 ноября 2020 года под …`` is
the stamp ``20.11.2020`` and the body ``20 ноября 2020 года под …``. Guarantees
that a stamp it splits is a real calendar date followed by a well-formed start,
moved to ``Line.stamp`` with an edit recorded; a headline glued before a stamp
(``…ОДКБ20.11.2020``) becomes a line of its own, and a stamp left alone on its
line is carried to the text line right after it. Never splits what it cannot
validate, and never touches a date inside a sentence.

The split is a choice between readings of the digit run after ``DD.MM.``: a
four- or two-digit year, the rest of the digits going to the body (a time,
``14:35``, after the year belongs to the stamp). A reading is valid when the
stamp is a real date and the body starts well: a date valid in itself, a year,
a capitalised word or quote, or nothing. When several readings are valid, the
one whose body date agrees with the stamp wins, then the four-digit year. A
body date that disagrees with the stamp is accepted only when the stamp opens
the line.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = glued_stamp(Document.from_text("26.10.2126 октября с.г. в Москве"), rules.get("dates.glued-stamp"), rules)
>>> doc.lines[0].stamp.date, doc.lines[0].text
('2021-10-26', '26 октября с.г. в Москве')
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from clean.families.dates.reader import date_at, readable_number, valid, vocabulary
from clean.families.dates.version_words import glued_version
from clean.model.document import DateMark, Document, Edit, Line
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.dates.stamp_lines import carry_bare_stamps
from clean.families.items.page import facts

MAX_GLUED_TITLE_CHARS = 250  # a text glued before a stamp longer than this is a sentence, not a title
MIN_GLUED_WORD_LETTERS = 4  # a single word glued before a stamp: a label (Подробнее), not a version (v2.10.2019)

CANDIDATE = regex.compile(
    r"""(?x)
    (?: (?P<d>\d{1,2}) (?P<sep>[./]) (?P<m>\d{2}) (?P=sep) (?P<run>\d{2,10})
      | (?P<iy>\d{4}) - (?P<im>\d{2}) - (?P<irun>\d{1,8}) )
    """
)
# inside every CANDIDATE (its month and two digits beside it): candidate_lines looks for it in a page view
CANDIDATE_GATE = regex.compile(r"\d\d[./-]\d\d")
SEPARATORS = " \t-–—|:,"
TIME = regex.compile(r"T?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}(?!\d))?")
STAMP_YEAR_WORD = regex.compile(r"(?:г\.|ж\.|р\.|г(?![\p{L}\d]))")  # 'year' after a stamp: ru, kk, uk
YEAR_WORD_LETTERS = ("г", "ж", "р")  # what each form of STAMP_YEAR_WORD opens with
TITLE_END = regex.compile(r"[\p{L}.!?»\"”)]$")
NUMERIC_DATE = regex.compile(r"\d{1,4}[./-]\d")
CAPITALISED = regex.compile(r"[\p{Lu}«\"“„]")
LABEL_WORD = regex.compile(rf"\p{{L}}{{{MIN_GLUED_WORD_LETTERS},}}")


class Reading(NamedTuple):
    """One way to cut the digits: the stamp date, its text, and the body that follows.

    A named tuple, not a dataclass: one is made for every valid reading, and a tuple is made faster.
    """

    iso: str
    stamp: str
    body: str
    agrees: bool
    four_digit: bool


@python_rule("dates.glued-stamp")
def glued_stamp(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Split validated date stamps off the start of lines (or off a glued headline)."""
    return split_stamps(doc, rule, rules, candidate_lines(doc))


def candidate_lines(doc: Document) -> list[int]:
    """Indices of the kept lines that may hold a :data:`CANDIDATE` the rule can read: the only lines it can split.

    Every candidate holds :data:`CANDIDATE_GATE`, two digits, a separator, two
    digits (a ``D.MM.YY…`` has ``MM.YY``, since the run after the month has at
    least two digits, and a ``YYYY-MM-D…`` has ``YY-MM``). The page view is
    searched for it separator first (``str.find`` of each of ``./-``, then the
    two characters on either side are ``str.isdecimal``), a third cheaper than a
    pattern that opens with a digit. Exact: a candidate this misses has a digit
    that ``str.isdecimal`` does not know (the ``regex`` engine's ``\\d`` knows a
    newer Unicode), which ``int()`` cannot read either, so it has no reading
    (:func:`readable_number`) and its line is left as it was. A hit is digits
    and a separator, so it never spans the ``\\n`` joining the view's lines.
    """
    view = doc.view()
    text, hits = view.text, set()
    for sep in "./-":
        at = text.find(sep, 2)
        while at >= 0:
            if text[at - 2 : at].isdecimal() and len(after := text[at + 1 : at + 3]) == 2 and after.isdecimal():
                hits.add(view.position(at))
            at = text.find(sep, at + 1)
    return [view.index[k] for k in sorted(hits)]


def split_stamps(doc: Document, rule: Rule, rules: RuleSet, indices) -> Document:
    """Split the stamps off the lines ``doc.lines[i]`` for ``i`` in ``indices`` (ascending)."""
    splits = []
    for i in indices:
        line = doc.lines[i]
        parts = _split_line(line, rule, rules) if line.kept and line.stamp is None else None
        if parts is not None:
            splits.append((i, parts))
    if not splits:
        return doc
    lines = list(doc.lines)
    for i, (title, stamped, _) in reversed(splits):
        lines[i : i + 1] = [title, stamped] if title is not None else [stamped]
    edits = sorted([*doc.edits, *(edit for _, (_, _, edit) in splits)], key=lambda e: e.line)
    return doc.replace(lines=carry_bare_stamps(lines, rules, facts(doc, rules, "dateline")), edits=tuple(edits))


def _split_line(line: Line, rule: Rule, rules: RuleSet):
    text = line.text
    for m in CANDIDATE.finditer(text):
        start = m.start()
        if start and not _glued_title(text[:start], rules):
            continue  # a date inside a sentence, not a stamp
        reading = best_reading(m, opens_line=not start, rules=rules)
        if reading is None:
            continue
        mark = DateMark(reading.iso, reading.stamp, rule.id)
        stamped = line.replace(text=reading.body, stamp=mark)  # Line.replace: dataclasses.replace written out
        head = text[:start].strip()
        title = line.replace(text=head) if head else None
        return title, stamped, Edit(rule.id, line.start, reading.stamp, "")
    return None


def _glued_title(head: str, rules: RuleSet) -> bool:
    """Can ``head``, glued right before a stamp, be a headline (not a sentence, label or version:
    ``rules/tables/version_words.toml``)?"""
    return (
        len(head) <= MAX_GLUED_TITLE_CHARS
        and (len(head.split()) > 1 or LABEL_WORD.fullmatch(head) is not None)
        and bool(TITLE_END.search(head))
        and not glued_version(rules).search(head)
    )


def best_reading(m, opens_line: bool, rules: RuleSet) -> Reading | None:
    """The best valid reading of candidate ``m`` (a match in its line), or None."""
    best = None
    for ymd, stamp_end, four_digit in _cuts(m):
        if not valid(*ymd):
            continue
        r = _reading(m, ymd, stamp_end, four_digit, rules)
        if r is None or not (r.agrees or opens_line or not r.body[:1].isdigit()):
            continue
        if best is None or (r.agrees, four_digit) > (best.agrees, best.four_digit):
            best = r  # the first of the best, as max() would pick
        if best.agrees and best.four_digit:
            break  # no later reading can beat it: the rest are not even read
    return best


def _cuts(m) -> tuple:
    """The ways to cut the digits of candidate ``m`` into a date, in the order :func:`best_reading` weighs
    them: ((year, month, day), where the stamp's digits end, a four-digit year?), the date not yet checked.

    The run of digits after the month is the last group of either form of :data:`CANDIDATE`: it ends the match.
    """
    d, _, month, run, iy, im, irun = m.groups()  # one call: the named groups one by one cost more
    if not readable_number(m.group(0)):
        return ()
    cut = m.end() - len(irun or run)  # where the run starts
    if iy:
        year, month = int(iy), int(im)
        one = ((year, month, int(irun[:1])), cut + 1, True)
        return (((year, month, int(irun[:2])), cut + 2, True), one) if len(irun) > 1 else (one,)
    day, month = int(d), int(month)
    two = ((int(run[:2]) + 2000, month, day), cut + 2, False)  # only after a two-digit day (runs have two digits)
    four = ((int(run[:4]), month, day), cut + 4, True)
    return ((four, two) if len(d) == 2 else (four,)) if len(run) >= 4 else ((two,) if len(d) == 2 else ())


def _reading(m, ymd, stamp_end: int, four_digit: bool, rules: RuleSet) -> Reading | None:
    """The reading whose stamp ends at ``stamp_end`` (a time right after it included), if its body starts well.

    A year word after the stamp (``05.03.2022г.5 марта``) is the stamp's only when
    the body repeats the stamp's date; otherwise the stamp is part of a sentence
    (``20.11.2020ж. Астанада …``) and is read without it. (:data:`STAMP_YEAR_WORD`
    is tried only where one of its first letters is: each of its forms opens with one.)
    """
    text = m.string
    after = _skip_separators(text, stamp_end)
    if text.startswith(YEAR_WORD_LETTERS, after) and (year_word := STAMP_YEAR_WORD.match(text, after)):
        with_word = _body(m, ymd, year_word.end(), four_digit, rules)
        if with_word is not None and with_word.agrees:
            return with_word
    return _body(m, ymd, stamp_end, four_digit, rules, after)


def _body(m, ymd, stamp_end: int, four_digit: bool, rules: RuleSet, start: int = -1) -> Reading | None:
    """The reading whose stamp ends at ``stamp_end``, a time after it included, when its body starts well;
    ``start``: where the separators after ``stamp_end`` end, when known.

    :data:`TIME` is tried only where a colon is among the next four characters:
    a time's first colon comes after its hour (one or two digits) and a ``T``.
    """
    text = m.string
    if start < 0:
        start = _skip_separators(text, stamp_end)
    time = TIME.match(text, start) if text.find(":", start, start + 4) >= 0 else None
    if time:
        stamp_end = time.end()
        start = _skip_separators(text, stamp_end)
    body = text[start:]
    ok, agrees = well_formed(body, ymd, rules)
    if not ok:
        return None
    return Reading("%04d-%02d-%02d" % ymd, text[m.start() : stamp_end], body, agrees, four_digit)


def _skip_separators(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in SEPARATORS:
        pos += 1
    return pos


def well_formed(body: str, ymd: tuple[int, int, int], rules: RuleSet) -> tuple[bool, bool]:
    """Does ``body`` start well after a stamp, and does a date it opens with agree with the stamp?

    A body date agrees when its day and month are the stamp's and its year is the
    stamp's, or absent, or relative (``с.г.``).
    """
    if not body:
        return True, False
    if NUMERIC_DATE.match(body):
        return False, False  # a second numeric date: a range (10.11.2020–12.11.2020), not a glued body
    year, month, day = ymd
    found = date_at(body, 0, rules)
    if found is not None:
        return True, (found.day, found.month) == (day, month) and found.year in (None, year)
    if body[0].isdigit():
        return bool(rules.derived("dates.year-lead", _year_lead).match(body)), False
    return bool(CAPITALISED.match(body)), False


def _year_lead(rules: RuleSet) -> regex.Pattern:
    """A body that opens with a year and no month after it (compiled once per rule set)."""
    return regex.compile(rf"\d{{4}}(?!\d|[:.,/-]\d)(?!\s*{vocabulary(rules).month})", regex.I)
