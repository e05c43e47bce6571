"""The cheaper reading paths of the date rules read exactly what the plain code read.

``dates.glued-stamp`` cuts a candidate's digits as plain tuples and checks each
date only when its turn comes (:func:`~clean.families.dates.glued_stamp._cuts`);
:func:`~clean.families.items.paragraphs.lead_date` tries a paragraph's opening
date before it counts its words (:func:`~clean.families.dates.reader.opening_date`,
then :func:`~clean.families.dates.reader.later_date`) and asks ``LEAD_DIGIT``
without backtracking. Each is compared here with the code as it was before,
written out plainly: over the candidates and lines of the test pages, and over
generated near-misses (one- and two-digit days, short and long runs, year words,
times, bodies that agree, disagree or open with a digit, other scripts' digits).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.families.dates import glued_stamp as g
from clean.families.dates.reader import date_at, first_date, later_date, opening_date, readable_number, valid
from clean.families.items import paragraphs as p
from clean.pipeline import Pipeline
from tests.test_fast_paths import LINES

RULES = Pipeline().rules
OLD_LEAD_DIGIT = re.compile(rf"\s*(?:\S+\s+){{0,{p.LEAD_WORDS}}}\S*?\d")  # the backtracking pattern it replaces


def _plain_readings(m):
    """The readings of candidate ``m`` as the rule read them before (a generator, a date checked per cut)."""
    d, _, month, run, iy, im, irun = m.groups()
    if not readable_number(m.group(0)):
        return
    if iy:
        for k in (2, 1):
            if len(irun) >= k:
                reading = _plain_reading(m, (int(iy), int(im), int(irun[:k])), m.start("irun") + k, True)
                if reading is not None:
                    yield reading
        return
    for width in (4, 2):
        if len(run) < width or (width == 2 and len(d) < 2):
            continue
        year = int(run[:width]) + (2000 if width == 2 else 0)
        reading = _plain_reading(m, (year, int(month), int(d)), m.start("run") + width, width == 4)
        if reading is not None:
            yield reading


def _plain_reading(m, ymd, stamp_end, four_digit):
    if not valid(*ymd):
        return None
    text = m.string
    year_word = g.STAMP_YEAR_WORD.match(text, g._skip_separators(text, stamp_end))
    if year_word:
        with_word = _plain_body(m, ymd, year_word.end(), four_digit)
        if with_word is not None and with_word.agrees:
            return with_word
    return _plain_body(m, ymd, stamp_end, four_digit)


def _plain_body(m, ymd, stamp_end, four_digit):
    text = m.string
    start = g._skip_separators(text, stamp_end)
    time = g.TIME.match(text, start)
    if time:
        stamp_end = time.end()
        start = g._skip_separators(text, stamp_end)
    body = text[start:]
    ok, agrees = g.well_formed(body, ymd, RULES)
    return g.Reading("%04d-%02d-%02d" % ymd, text[m.start() : stamp_end], body, agrees, four_digit) if ok else None


def plain_best_reading(m, opens_line):
    """The first of the readings that rank highest, as ``max()`` picks it."""
    readings = [r for r in _plain_readings(m) if r.agrees or opens_line or not r.body[:1].isdigit()]
    return max(readings, key=lambda r: (r.agrees, r.four_digit), default=None)


def _same_readings(text: str) -> bool:
    return all(g.best_reading(m, opens, RULES) == plain_best_reading(m, opens)
               for m in g.CANDIDATE.finditer(text) for opens in (True, False))


STAMPS = ["20.11.2020", "5.11.2020", "20.11.20", "5.11.20", "20/11/2020", "31.02.2020", "29.02.2021", "00.11.2020",
          "20.13.2020", "20.11.202020", "20.11.20201", "2020-11-20", "2020-11-5", "2020-11-205", "2020-02-30",
          "٢٠.١١.٢٠٢٠", "20.11.2126", "05.03.2022", "5.03.22"]
AFTER = ["", " ", "г.", " г. ", "ж.", "р.", "14:35", " 14:35 ", "T14:35", " | ", "123:45", "-", ", "]
BODIES = ["", "20 ноября 2020 года в Минске", "5 ноября 2020 года", "20 ноября прошла встреча", "26 октября с.г. в Москве",
          "21 ноября 2020 года", "2020 год стал", "15 человек", "Встреча в Минске", "встреча", "«Армия»", "10.11.2020",
          "5 марта", "2 Декабрь 95", "1 марта 2019 г."]


@pytest.mark.parametrize("stamp", STAMPS)
def test_best_reading_as_the_plain_readings(stamp):
    for after in AFTER:
        for body in BODIES:
            for head in ("", "Заседание Совета ОДКБ"):
                text = head + stamp + after + body
                assert _same_readings(text), text


def test_best_reading_on_test_pages():
    texts = [t for t in LINES if g.CANDIDATE.search(t)]
    assert len(texts) > 20
    assert [t for t in texts if not _same_readings(t)] == []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["0", "1", "2", "5", "9", "12", "20", "31", "٢", ".", "/", "-", " ", "г.", "T14:35",
                                 "ноября", "марта", "с.г.", "Встреча", "в"]), max_size=16).map("".join))
def test_best_reading_on_generated_digits(text):
    assert _same_readings(text)


def test_cuts_leave_no_date_unread():
    """A one-digit day has no two-digit-year reading; a run of two digits has no four-digit one."""
    assert [c[1:] for c in g._cuts(g.CANDIDATE.match("5.11.2020"))] == [(9, True)]
    assert [c[1:] for c in g._cuts(g.CANDIDATE.match("05.11.20"))] == [(8, False)]
    assert g._cuts(g.CANDIDATE.match("5.11.20")) == ()
    assert [c[0] for c in g._cuts(g.CANDIDATE.match("2020-11-5"))] == [(2020, 11, 5)]


LEAD_PIECES = st.sampled_from(["5", "٣", "²", "12,5", "x", "слово", " ", "  ", "\t", "\u2028", "\u00a0", "\x1c", "a1",
                               "-", "", "14 августа 2023 года"])


@settings(max_examples=800, deadline=None)
@given(st.lists(LEAD_PIECES, max_size=24).map("".join))
def test_lead_digit_as_the_backtracking_pattern(text):
    assert bool(p.LEAD_DIGIT.match(text)) == bool(OLD_LEAD_DIGIT.match(text))


def test_lead_digit_on_test_pages():
    assert [bool(p.LEAD_DIGIT.match(t)) for t in LINES] == [bool(OLD_LEAD_DIGIT.match(t)) for t in LINES]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["14 августа 2023 года", "31.02.2023", "31 февраля 2023 года", "Итоги", "12,5", "г.",
                                 "5", "20.11.2020", "с 25 по 27 июля 2023 года", "", "  "]), max_size=8).map(" ".join),
       st.integers(-1, 60))
def test_first_date_in_two_steps(text, last_start):
    found, after = opening_date(text, RULES)
    assert found == date_at(text, 0, RULES)
    assert (found or later_date(text, RULES, after, last_start)) == first_date(text, RULES, last_start)


GARAY = "\U00010d41\U00010d42"  # digits the regex engine's \d knows and Python's str.isdecimal does not
GATE_FRAGMENTS = ["20.11.2020", "٢٠.١١.٢٠٢٠", "2020-11-20", "2020-11-5", "5.11.20", f"{GARAY}.11.2020",
                  f"20.{GARAY}.2020", f"20.11.{GARAY}20", f"2020-{GARAY}-05", "20", "11", "2", ".", "/", "-", " ",
                  "\n", "В Минске прошла встреча", "Заседание Совета ОДКБ"]


def _pattern_lines(doc):
    """The lines the gate's pattern finds, as the rule found them before: one scan of the view."""
    view = doc.view()
    return [view.index[k] for k in sorted({view.position(m.start()) for m in g.CANDIDATE_GATE.finditer(view.text)})]


def _check_gate(doc):
    found, pattern = g.candidate_lines(doc), _pattern_lines(doc)
    assert set(found) <= set(pattern)
    for i in set(pattern) - set(found):  # only lines whose every candidate has a digit int() cannot read
        assert not any(readable_number(m.group(0)) for m in g.CANDIDATE.finditer(doc.lines[i].text))
    rule = RULES.get("dates.glued-stamp")
    assert g.split_stamps(doc, rule, RULES, found) == g.split_stamps(doc, rule, RULES, pattern)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(GATE_FRAGMENTS), max_size=16).map("".join))
def test_candidate_lines_as_the_gate_pattern(text):
    from clean.model.document import Document

    _check_gate(Document.from_text(text))


def test_candidate_lines_at_the_edges():
    """Hits at the view's first and last characters, on a line's edges, and digits only the regex engine knows."""
    from clean.model.document import Document

    for text in ["20.11", "x\n20.11", "20.11\nx", "1\n20.11.2020\n2", f"{GARAY}.11.2020 Встреча", f"20.{GARAY}.2020"]:
        _check_gate(Document.from_text(text))
    assert g.candidate_lines(Document.from_text(f"Текст\n{GARAY}.11.{GARAY}20Встреча")) == []
    assert g.candidate_lines(Document.from_text("Текст\n5.11.20\nЕщё")) == [1]
