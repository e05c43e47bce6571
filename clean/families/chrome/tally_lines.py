"""A widget's tallies: ``Label: 14`` lines that the page prints again and again with other numbers.

A block of tags or rubrics with their counts (``Всего публикаций: 194``, ``Articles this week: 12``)
scrapes as one short line per entry, each the same label and a colon before a number. One such line
is data (``Население: 12 000`` in an article); the same label before a number on
:data:`MIN_TALLIES` or more lines of one page is a template's counter, whatever its language, unless
its block sits between two sentences of text (a table of results in an article). The
name above each tally (a tag, a rubric, a place) is taken by ``chrome.tally-label``, once these are gone.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> page = "\\n".join(["Минск", "Всего материалов: 12", "Брест", "Всего материалов: 5", "Гомель",
...                    "Всего материалов: 4", "Население: 12 000"])
>>> [line.removed for line in tally_lines(Document.from_text(page), rules.get("chrome.tally-line"), rules).lines]
[None, 'chrome.tally-line', None, 'chrome.tally-line', None, 'chrome.tally-line', None]
"""

from __future__ import annotations

from collections import Counter

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines
from clean.model.document import Document

MIN_TALLIES = 3  # fewer lines with one label are data, not a widget

# a label of one to six words, no digits, a colon, a number (thousands separators, a decimal part)
TALLY = regex.compile(r"(?P<label>\p{L}[\p{L}\p{M}'’-]*(?: [\p{L}\p{M}'’-]+){0,5})[ \t]*:[ \t]*"
                      r"\d{1,3}(?:[ \u00a0,.]?\d{3})*(?:[.,]\d+)?")  # one space between words: no backtracking
# what stands round the colon of every TALLY: the end of a label, spaces, the number's first digit; found
# from the colon (a literal: a fast scan), so counting them is one pass over the page
TALLY_COLON = regex.compile(r"(?<=[\p{L}\p{M}'’-][ \t]*):[ \t]*\d")
MAX_TALLY_CHARS = 80
MIN_SENTENCE_WORDS = 6  # a line of text above and below a block of tallies: it is a table in an article
TALLY_RULE = "chrome.tally-line"


@python_rule("chrome.tally-line")
def tally_lines(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove the tally lines whose label the page prints :data:`MIN_TALLIES` times (see module docstring).

    A page with fewer than :data:`MIN_TALLIES` matches of :data:`TALLY_COLON` has no label printed so often:
    each tally line holds one (a TALLY match is a label, spaces, the colon, spaces and a digit), and a match
    holds one colon, so two tally lines never share one.
    """
    view = doc.view()
    if len(TALLY_COLON.findall(view.text)) < MIN_TALLIES:
        return doc
    labels = {}
    for i in view.index:
        text = doc.lines[i].text
        if ":" in text and len(text) <= MAX_TALLY_CHARS and (found := TALLY.fullmatch(text.strip())):
            labels[i] = found["label"].casefold()
    counts = Counter(labels.values())
    found = [n for n, i in enumerate(view.index) if i in labels and counts[labels[i]] >= MIN_TALLIES]
    return remove_lines(doc, rule.id, (view.index[n] for n in found if n not in _inside_text(doc, view.index, found)))


def _inside_text(doc: Document, index, found: list[int]) -> set[int]:
    """The positions of ``found`` (tally lines, in page order) in a block that sits between two sentences
    of text, right above its first name and right under its last tally: a table of results in an article
    ('Иван Петров' / 'Голосов: 1 204' / …) is its data, not a widget."""
    inside, run = set(), found[:1]
    for n in [*found[1:], None]:
        if n is not None and n - run[-1] <= 2:  # the next tally, its name between
            run.append(n)
            continue
        if _sentence(doc, index, run[0] - 2) and _sentence(doc, index, run[-1] + 1):
            inside.update(run)
        run = [n]
    return inside


def _sentence(doc: Document, index, n: int) -> bool:
    if not 0 <= n < len(index):
        return False
    text = doc.lines[index[n]].text.strip()
    return text[-1:] in ".!?…" and len(text.split()) >= MIN_SENTENCE_WORDS


MAX_LABEL_CHARS = 40  # 'Presidential election of 2020'
MAX_LABEL_WORDS = 5


@python_rule("chrome.tally-label")
def tally_labels(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove the tag or rubric right above each tally line chrome.tally-line took, where it did so
    :data:`MIN_TALLIES` times or more: a short line (at most :data:`MAX_LABEL_WORDS` words and
    :data:`MAX_LABEL_CHARS` characters) that ends no sentence, the name the count belongs to.

    >>> from clean.catalog import shipped_rules
    >>> from clean.pipeline import Pipeline
    >>> page = "\\n".join(["Минск", "Всего: 12", "Брест", "Всего: 5", "Гомель", "Всего: 4", "Город растёт."])
    >>> [line.text for line in Pipeline().clean_document(Document.from_text(page)).lines if line.removed is None]
    ['Город растёт.']
    """
    tallies = {r.line for r in doc.removals if r.rule == TALLY_RULE}
    if len(tallies) < MIN_TALLIES:
        return doc
    lines = doc.lines
    labels = [k - 1 for k in range(1, len(lines)) if lines[k].start in tallies and _label(lines[k - 1])]
    return remove_lines(doc, rule.id, labels) if len(labels) >= MIN_TALLIES else doc


def _label(line) -> bool:
    text = line.text.strip()
    return (line.removed is None and 0 < len(text) <= MAX_LABEL_CHARS and text[-1] not in ".!?…"
            and len(text.split()) <= MAX_LABEL_WORDS)
