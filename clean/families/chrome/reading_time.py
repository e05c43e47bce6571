"""Python rules for widgets told by their neighbour lines: a reading time, a related link, a split call.

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
  mark, with a date line right under that (the linked story's date). A sentence under the phrase, or a
  line going on in lower case, stays;
- a *split call to follow* (``chrome.split-follow-call``) is a line of at most
  :data:`MAX_CALL_WORDS` words ending with a preposition (section ``split_call``,
  ``ends``: "Читать site.ru в") whose next line is a network name, with the
  network names and joining words ("или", "or") that follow it: the links of
  "Read us in Telegram or Twitter" each on a line of its own. It offers at least
  :data:`MIN_CALL_NETWORKS` networks and the line after them does not go on with
  them (a sentence cut at its links: "написал в" / "Telegram" / ", что ...").

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
from clean.families.chrome.widgets import MAX_LINK_WORDS, Vocabulary, fold, vocabulary
from clean.families.items.paragraphs import is_dateline
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


MAX_CALL_WORDS = 6
MIN_CALL_NETWORKS = 2  # a call offers channels; one network after 'в' may be a sentence cut at its link


@python_rule("chrome.split-follow-call")
def split_follow_call(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove a call to follow the site cut into lines at its links (see module docstring)."""
    vocab, table = vocabulary(rules), rules.table("widget_phrases")["split_call"]
    view = doc.view()
    first = [k for k, w in enumerate(view.first_words()) if w in vocab.social]  # lines opening with a network
    if len(first) < MIN_CALL_NETWORKS:
        return doc
    ends, joins = frozenset(fold(w) for w in table["ends"]), frozenset(fold(w) for w in table["joins"])
    kept = view.index
    text = lambda k: doc.lines[kept[k]].text  # noqa: E731
    marked: list[int] = []
    for n in (k - 1 for k in first if k > 0):
        words = text(n).split()
        if not 2 <= len(words) <= MAX_CALL_WORDS or fold(words[-1]) not in ends or not _network(text(n + 1), vocab):
            continue
        end = n + 1
        while end + 1 < len(kept) and (_network(text(end + 1), vocab) or fold(text(end + 1)) in joins):
            end += 1
        while fold(text(end)) in joins:
            end -= 1  # a joining word closes no call
        networks = sum(_network(text(k), vocab) for k in range(n + 1, end + 1))
        if networks >= MIN_CALL_NETWORKS and not (end + 1 < len(kept) and _continues(text(end + 1))):
            marked += kept[n : end + 1]
    return remove_lines(doc, rule.id, marked)


def _continues(text: str) -> bool:
    """Whether a line goes on with the one before it (lower case, or a comma, a dash...)."""
    head = text.lstrip()[:1]
    return bool(head) and (head.islower() or head in ",.;:)»”–—-")


def _network(text: str, vocab: Vocabulary) -> bool:
    words = fold(text).split()
    return 0 < len(words) <= 2 and all(w in vocab.social for w in words)


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
            if n + 1 < len(kept) and is_dateline(doc.lines[kept[n + 1]].text, rules):
                marked.append(kept[n + 1])  # the linked story's date, under its headline
    return remove_lines(doc, rule.id, marked)
