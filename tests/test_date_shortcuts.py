"""The shortcuts of the date rules read exactly what the full patterns read, at their edges.

``dates.glued-stamp`` scans a page for :data:`CANDIDATE_GATE` instead of the
candidate itself, and tries the year word and the time after a stamp only where
their first characters are; these tests put a candidate, a year word and a time
just at those edges.
"""

from __future__ import annotations

import pytest

from clean.families.dates.glued_stamp import (
    CANDIDATE,
    CANDIDATE_GATE,
    TIME,
    candidate_lines,
    glued_stamp,
)
from clean.model.document import Document
from clean.pipeline import Pipeline

RULES = Pipeline().rules
GLUED = RULES.get("dates.glued-stamp")

# the shortest candidates: a one-digit day and a two-digit run, an ISO date with a one-digit day
NARROW = ["5.11.20", "5/11/20", "2020-11-5", "٥.١١.٢٠", "5.11.2020Встреча", "2020-11-05T10:00 Встреча"]


@pytest.mark.parametrize("text", NARROW)
def test_the_gate_finds_every_candidate(text):
    assert CANDIDATE.search(text) and CANDIDATE_GATE.search(text)


@pytest.mark.parametrize("text", ["5.1.2020", "2020-1-5", "12,5 млрд", "v2.1"])
def test_no_gate_no_candidate(text):
    assert CANDIDATE.search(text) is None and CANDIDATE_GATE.search(text) is None


@pytest.mark.parametrize("text", ["20.11 2020 Встреча", "на 2024-2026 годы", "счёт 12.50-13.75"])
def test_a_line_the_gate_lets_in_without_a_candidate_is_left(text):
    doc = Document.from_text(text)
    assert candidate_lines(doc) == [0] and CANDIDATE.search(text) is None
    assert glued_stamp(doc, GLUED, RULES) is doc


def test_candidate_lines_first_and_last_line():
    doc = Document.from_text("5.11.20 Встреча\nТекст без даты\nЕщё текст\n2020-11-5 Форум")
    assert candidate_lines(doc) == [0, 3]


@pytest.mark.parametrize("line, stamp, body", [
    ("20.11.2020г.20 ноября 2020 года прошла встреча", "20.11.2020г.", "20 ноября 2020 года прошла встреча"),
    ("20.11.2020 г. 20 ноября прошла встреча", "20.11.2020 г.", "20 ноября прошла встреча"),
    ("20.11.2020T14:35 Встреча", "20.11.2020T14:35", "Встреча"),
    ("20.11.2020 14:35 Встреча", "20.11.2020 14:35", "Встреча"),
    ("20.11.2020 9:05 Встреча", "20.11.2020 9:05", "Встреча"),
    ("20.11.2020 | 14:35 | Встреча", "20.11.2020 | 14:35", "Встреча"),
    ("20.11.2020 123:45 Встреча", None, None),  # no time: a number, the body opens with a digit
])
def test_year_word_and_time_after_a_stamp(line, stamp, body):
    out = glued_stamp(Document.from_text(line), GLUED, RULES)
    if stamp is None:
        assert out.lines[0].stamp is None or out.lines[0].stamp.text != "20.11.2020 123:45"
        return
    assert (out.lines[0].stamp.text, out.lines[0].text) == (stamp, body)


@pytest.mark.parametrize("text", ["14:35", "T14:35", "9:05", "T9:05", "23:59:59.5+03:00"])
def test_a_time_has_its_colon_within_four_characters(text):
    m = TIME.match(text)
    assert m is not None and 0 <= text.find(":", 0, 4)


def _lead_date_in_full(text: str):
    """:func:`lead_date` with every test made, the shortcuts left out."""
    from clean.families.dates.reader import first_date
    from clean.families.items import paragraphs as p

    if not p.DIGIT.search(p.LEAD_SPAN.match(text).group()):
        return None
    head = text[: 40 * p.LEAD_WORDS]
    late = p.LEAD_START.match(head)
    found = first_date(head, RULES, late.end() if late else len(head))
    if found is None or p.words(head[: found.start]) >= p.LEAD_WORDS or "." in p._sentence_ends(head[: found.start]):
        return None
    if p.NUMBER_SIGN.search(head, 0, found.start) or p.NUMBER_TAIL.match(head, found.end):
        return None
    return found


LEADS = [
    "14 августа 2023 года прошла встреча.", "20.11.2020 прошла встреча", "20.11.2020-15 приказ", "20.11.2020№15",
    "№ 20.11.2020 приказ", "Приказ № 20.11.2020", "В Минске 14 августа 2023 года прошла встреча.",
    "Один два три четыре пять шесть 14 августа 2023 года", "Итоги. Встреча 14 августа 2023 года",
    "٢٠.١١.٢٠٢٠ прошла встреча", "²20.11.2020 сноска", "2 hours ago", "2024 год стал рекордным",
    " 14 августа 2023 года с пробелом", "", "5", "12,5 млрд тенге выделено 14 августа 2023 года",
]


@pytest.mark.parametrize("text", LEADS)
def test_lead_date_shortcuts_change_nothing(text):
    from clean.families.items.paragraphs import lead_date

    assert lead_date(text, RULES) == _lead_date_in_full(text)


def test_lead_date_shortcuts_are_exercised():
    from clean.families.items.paragraphs import lead_date

    found = [lead_date(text, RULES) for text in LEADS]
    assert any(f is not None and f.start == 0 for f in found) and any(f is not None and f.start > 0 for f in found)
    assert any(f is None and text[:1].isdecimal() for f, text in zip(found, LEADS))


def _label_and_before_in_one(rules):
    """The pattern ``date_line`` used for a line opening with no digit: the label optional, then what
    may precede the date, as one pattern (the plain reading of the two matched one after the other)."""
    import regex

    from clean.families.dates import stamp_lines
    from clean.families.dates.date_labels import after_time, label_prefix

    days = sorted((d for names in rules.tables.get("weekdays", {}).values() for d in names), key=len, reverse=True)
    weekday = "|".join(regex.escape(d) for d in days)
    after = rf"(?:\s*(?:{after_time(rules)})(?!\p{{L}}))*"
    label = "(?:" + label_prefix(rules).pattern.removeprefix("(?i)") + ")?"
    return regex.compile(rf"(?i){label}\s*(?:{stamp_lines.TIME}{after}[\s,|–—-]*)?"
                         rf"(?:(?:{weekday})\.?(?!\w)[\s,|–—-]*)?")


DATE_LINES = [
    "Published 3 March 2022", "Published on March 3, 2022", "Published: 03.03.2022 10:42", "published:03.03.2022",
    "Опубликовано: 03.03.2022 10:42", "Дата публикации 12.05.2019", "Дата: 12.05.2019", "Датапубликации 12.05.2019",
    "Last updated Friday, March 1, 2019 10:15", "Veröffentlicht am 03.03.2022 um 10:42 Uhr", "Mis à jour le 3 mars 2022",
    "Friday, March 1, 2019", "Пятница, 1 марта 2019", "10:15 Пятница, 1 марта 2019", "10:15, 1 марта 2019",
    "  Published   3 March 2022", "Publishedness 3 March 2022", "Date of issue: 28.09.2017", "Data 3 marca 2022",
    "Posted on Tue, 14 Mar 2023 09:10:00 +0300", "Updated 10h42 14 mars 2023", "Дата выхода: 1 мая 2021 г.",
]


@pytest.mark.parametrize("text", DATE_LINES)
def test_label_then_before_ends_where_the_one_pattern_ends(text):
    from clean.families.dates.date_labels import label_prefix
    from clean.families.dates.stamp_lines import _before_date

    label = label_prefix(RULES).match(text)
    split = _before_date(RULES).match(text, label.end() if label else 0).end()
    assert split == _label_and_before_in_one(RULES).match(text).end()


def test_the_date_lines_are_read():
    from clean.families.dates.stamp_lines import date_line

    assert sum(date_line(text, RULES) is not None for text in DATE_LINES) >= len(DATE_LINES) - 4
