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
  line going on in lower case, stays.
  A line where the phrase is glued to the headline with no space, a small letter
  then a capitalised word (or a one-letter one: "В") or a quote ("ТектешЖаңы мыйзам
  кабыл алынды": two text nodes a scraper joined), is taken alone when the headline
  after the phrase reads so;
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
from clean.engine.openers import ODD, lines_opening, opening_words
from clean.families.chrome.widgets import MAX_LINK_WORDS, Vocabulary, fold, vocabulary
from clean.families.items.paragraphs import is_dateline
from clean.engine.line_marks import remove_lines
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
    glued: regex.Pattern  # a lead phrase and, with no space, a capital; group ``rest``: the headline
    glued_opens: regex.Pattern  # a folded first word that is a one-word lead phrase and goes on


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
    lead |= {p.replace(ODD, "i") for p in lead if ODD in p}  # 'AYRICA OKUYUN' folds with an 'i'
    return Patterns(
        reading=regex.compile(line, regex.IGNORECASE),
        reading_opens=opening_words({fold(p) for p in reading["before"] + reading["units"]}),
        minutes=regex.compile(rf"^{edge}{minutes}{edge}$", regex.IGNORECASE),
        lead=lead,
        opens=opening_words(lead),
        glued=regex.compile(rf"^[^\p{{L}}\d]*(?:{_alternatives(p for lang in table['lead'].values() for p in lang)})"
                            r"(?<=(?-i:\p{Ll}))(?P<rest>(?:(?-i:\p{Lu}[\p{Ll} ])|[«“„\"])[^\n]*)$", regex.IGNORECASE),
        glued_opens=regex.compile(rf"^(?:{_alternatives(p for p in lead if ' ' not in p)})\w", regex.MULTILINE),
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
    if vocab.social.isdisjoint(view.first_words()):
        return doc  # no line opens with a network (most pages: one set test in C)
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
    """Remove a line that is a lead phrase alone and the headline-like line under it, or a lead phrase
    glued to a headline (see module docstring)."""
    found, view = patterns(rules), doc.view()
    candidates = lines_opening(found.opens, view)
    if found.glued_opens.search("\n".join(view.first_words())):  # a one-word phrase glued to a headline
        firsts = zip(view.index, view.first_words())
        candidates = sorted({*candidates, *(i for i, f in firsts if found.glued_opens.match(f))})
    if not candidates:
        return doc
    kept = view.index
    marked: list[int] = []
    for i in candidates:
        n = bisect_right(kept, i)  # the position after line i among the kept lines
        text = doc.lines[i].text
        if len(text) > 40 or fold(text) not in found.lead:
            glued = found.glued.match(text)
            if glued and _reads_as_link(glued.group("rest"), found.lead):
                marked.append(i)
        elif n < len(kept) and _reads_as_link(doc.lines[kept[n]].text, found.lead):
            marked += [i, kept[n]]
            if n + 1 < len(kept) and is_dateline(doc.lines[kept[n + 1]].text, rules):
                marked.append(kept[n + 1])  # the linked story's date, under its headline
    return remove_lines(doc, rule.id, marked)


def _reads_as_link(text: str, lead: frozenset) -> bool:
    """A headline's shape: a capital, a digit or a quote first, no closing full stop, question or
    exclamation mark, at most :data:`MAX_LINK_WORDS` words, and not a lead phrase itself."""
    return (bool(_HEADLINE_START.match(text)) and not _SENTENCE_END.search(text)
            and len(text.split()) <= MAX_LINK_WORDS and fold(text) not in lead)
