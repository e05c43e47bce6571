"""Python rules for the counters of a listing's cards: view and comment counts, rank numbers.

A card prints how often it was read or discussed, and a "most read" block numbers its
entries; as text they are bare numbers on lines of their own (``1203``, ``0``, ``(45)``)
or digits glued to the end of the headline by a scraper that joined the text nodes
(``… в Кокшетау1203``). Both are noise; the headline stays.

- a *counter line* is only a number (:data:`COUNTER_LINE`: digits, thousands separators,
  ``1,2K``, brackets, ``#``) beside a headline, a date line or another counter, and the page
  has at least :data:`MIN_COUNTERS` of them; a run of more than :data:`MAX_COUNTER_RUN` number
  lines is a table or a calendar and stays;
- a *glued counter* is two or more digits right after a word of lowercase letters at the end of
  a headline-shaped line, on a page where at least :data:`MIN_COUNTERS` headlines end so (one
  headline ending in ``COVID19`` is a name, a column of them is a template).

A number in a sentence, a number line between paragraphs, a lone glued number: left in.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> page = "\\n".join(["Аким открыл школу в Таразе", "1203", "Форум прошёл в Алматы", "87",
...                    "Сборная выиграла матч", "5", "В 2024 году школ стало больше.", "12"])
>>> [line.removed for line in counter_lines(Document.from_text(page), rules.get("chrome.card-counter"), rules).lines]
[None, 'chrome.card-counter', None, 'chrome.card-counter', None, 'chrome.card-counter', None, None]
"""

from __future__ import annotations

import regex

from clean.model.document import Document, Removal
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines
from clean.families.items.paragraphs import MAX_DATELINE_CHARS, is_dateline, is_headline, is_question_headline

MIN_COUNTERS = 3  # fewer bare numbers are not a template's counters
MAX_COUNTER_RUN = 2  # views and comments side by side; more numbers in a row are a table
MAX_COUNTER_CHARS = 12

COUNTER_LINE = regex.compile(r"[(\[]?[#№]?\d{1,3}(?:[ \u00a0,.]?\d{3})*(?:[.,]\d)?[kKкКmMмМ]?[)\]]?")  # not 14.10
GLUED_COUNTER = regex.compile(r"(?<=\p{Ll}{3}[»\"”)]?)\d{2,7}$")


@python_rule("chrome.card-counter")
def counter_lines(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove the counter lines of a listing (see module docstring)."""
    view = doc.view()
    texts = [doc.lines[i].text.strip() for i in view.index]
    numbers = [len(t) <= MAX_COUNTER_CHARS and COUNTER_LINE.fullmatch(t) is not None for t in texts]
    if sum(numbers) < MIN_COUNTERS:
        return doc
    found = [n for n in _runs(numbers) if _beside_card(texts, numbers, n, rules)]
    return remove_lines(doc, rule.id, (view.index[n] for n in found)) if len(found) >= MIN_COUNTERS else doc


def _runs(numbers: list[bool]):
    """The positions of number lines in runs of at most :data:`MAX_COUNTER_RUN`."""
    n = 0
    while n < len(numbers):
        if not numbers[n]:
            n += 1
            continue
        end = n
        while end < len(numbers) and numbers[end]:
            end += 1
        if end - n <= MAX_COUNTER_RUN:
            yield from range(n, end)
        n = end


def _beside_card(texts: list[str], numbers: list[bool], n: int, rules: RuleSet) -> bool:
    """Is the nearest line that is not a number, before or after line ``n``, a headline or a date line?"""
    for step in (-1, 1):
        m = n + step
        while 0 <= m < len(texts) and numbers[m]:
            m += step
        if 0 <= m < len(texts) and _card_line(texts[m], rules):
            return True
    return False


def _card_line(text: str, rules: RuleSet) -> bool:
    return is_headline(text) or is_question_headline(text) or (
        len(text) <= MAX_DATELINE_CHARS and is_dateline(text, rules)
    )


@python_rule("chrome.glued-counter")
def glued_counters(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut the counters glued to the end of a listing's headlines (see module docstring).

    >>> from clean.catalog import shipped_rules
    >>> rules = shipped_rules()
    >>> page = "Пожар в Кокшетау1203\\nМост открыли в Киеве87\\nФорум прошёл во Львове15\\nТекст."
    >>> [line.text for line in glued_counters(Document.from_text(page), rules.get("chrome.glued-counter"), rules).lines]
    ['Пожар в Кокшетау', 'Мост открыли в Киеве', 'Форум прошёл во Львове', 'Текст.']
    """
    lines, view = doc.lines, doc.view()
    cuts = []
    for i in view.index:
        text = lines[i].text
        found = GLUED_COUNTER.search(text) if text[-1:].isdigit() else None
        if found is not None and is_headline(text[: found.start()]):
            cuts.append((i, found.start()))
    if len(cuts) < MIN_COUNTERS:
        return doc
    lines, removals = list(lines), list(doc.removals)
    for i, cut in cuts:
        line = lines[i]
        removals.append(Removal(rule.id, line.start, line.text[cut:]))
        lines[i] = line.replace(text=line.text[:cut])
    return doc.replace(lines=tuple(lines), removals=tuple(sorted(removals, key=lambda r: r.line)))
