"""Python rules for two widgets told by their neighbour line: a reading time and a related link.

- a *reading time* (``chrome.reading-time``) is a line that is only a ``before``
  phrase of table ``widget_phrases`` section ``reading``, a number of minutes, or
  both ("Время чтения: 5 минут", "Lesezeit: 4 Min."), or minutes and an ``after``
  phrase ("5 min read", "3 минуты чтения"); a line that is the phrase alone goes
  only with the line of minutes right under it ("На чтение" / "1 мин."), since a
  lone "Читать" may be a link to the text;
- a *related link* (``chrome.related-link``) is a line that is only a ``lead``
  phrase ("Читайте также", "Lire aussi:") and the line right under it when that
  reads like a headline: it opens with a capital, a digit or a quote, has at most
  :data:`MAX_LINK_WORDS` words and no closing full stop, question or exclamation
  mark. A sentence under the phrase, or a line going on in lower case, stays.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Текст.\\nНа чтение\\n1 мин.\\nЧитать дальше?")
>>> [line.removed for line in reading_time(doc, rules.get("chrome.reading-time"), rules).lines]
[None, 'chrome.reading-time', 'chrome.reading-time', None]
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.chrome.widget_gates import lines_opening, opening_words
from clean.families.chrome.widgets import MAX_LINK_WORDS, fold
from clean.families.line_marks import remove_lines
from clean.model.document import Document

_HEADLINE_START = regex.compile(r"^\s*(?:(?-i:\p{Lu})|[\d«\"“„'])")
_SENTENCE_END = regex.compile(r"[.!?…]\s*$")


@dataclass(frozen=True)
class Patterns:
    """The reading-time and related-link patterns of a rule set, compiled once."""

    reading: regex.Pattern  # a whole reading-time line; group ``alone``: the phrase alone
    reading_opens: frozenset  # the folded first words such a line opens with (a phrase's, or a unit's after the number)
    minutes: regex.Pattern  # a whole line of minutes
    lead: frozenset  # folded lead phrases
    opens: frozenset  # their first words (the gate of :func:`related_link`)


def patterns(rules: RuleSet) -> Patterns:
    """The compiled patterns of ``rules`` (memoised on the rule set)."""
    return rules.derived("reading_time", _build)


def _alternatives(phrases) -> str:
    return "|".join(regex.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _build(rules: RuleSet) -> Patterns:
    table = rules.table("widget_phrases")
    reading = table["reading"]
    before, after = _alternatives(reading["before"]), _alternatives(reading["after"])
    minutes = rf"\d{{1,3}}(?:[-–]\d{{1,3}})?[ \t]*(?:{_alternatives(reading['units'])})(?!\w)\.?"
    edge = r"[^\p{L}\d\n]*"
    line = (rf"^{edge}(?:(?P<alone>(?:{before}))[ \t]*:?{edge}$|(?:{before})[ \t]*:?[ \t]*{minutes}{edge}$"
            rf"|{minutes}[ \t]*(?:{after}){edge}$)")
    lead = frozenset(fold(p) for lang in table["lead"].values() for p in lang)
    return Patterns(
        reading=regex.compile(line, regex.IGNORECASE),
        reading_opens=opening_words({fold(p) for p in reading["before"] + reading["units"]}),
        minutes=regex.compile(rf"^{edge}{minutes}{edge}$", regex.IGNORECASE),
        lead=lead,
        opens=opening_words(lead),
    )


@python_rule("chrome.reading-time")
def reading_time(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove reading-time lines (see module docstring). Only the lines that open with the first word
    of a phrase or a unit are looked at (the first words the widget rules read). A line of minutes
    alone is taken only under the phrase: "5 минут" by itself may be an answer in an interview."""
    found = patterns(rules)
    candidates = lines_opening(found.reading_opens, doc.view())
    if not candidates:
        return doc
    kept = doc.view().index
    marked: list[int] = []
    for i in candidates:
        m = found.reading.match(doc.lines[i].text)
        if m is None:
            continue
        n = bisect_right(kept, i)  # the position after line i among the kept lines
        if m.group("alone") is None:
            marked.append(i)
        elif n < len(kept) and found.minutes.match(doc.lines[kept[n]].text):
            marked += [i, kept[n]]
    return remove_lines(doc, rule.id, marked)


@python_rule("chrome.related-link")
def related_link(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove a line that is a lead phrase alone and the headline-like line under it (see module docstring)."""
    lead = patterns(rules).lead
    candidates = lines_opening(patterns(rules).opens, doc.view())
    if not candidates:
        return doc
    kept = doc.view().index
    marked: list[int] = []
    for i in candidates:
        n = bisect_right(kept, i)  # the position after line i among the kept lines
        text = doc.lines[i].text
        if n >= len(kept) or len(text) > 40 or fold(text) not in lead:
            continue
        below = doc.lines[kept[n]].text
        if (_HEADLINE_START.match(below) and not _SENTENCE_END.search(below)
                and len(below.split()) <= MAX_LINK_WORDS and fold(below) not in lead):
            marked += [i, kept[n]]
    return remove_lines(doc, rule.id, marked)
