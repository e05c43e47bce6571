"""Python rules for page chrome around the title: site suffix, repeated title, rubric.

A scraped article page usually opens with the ``<title>`` text (headline plus
the site's name), then a rubric or breadcrumb, then the headline again as the
``<h1>``, sometimes twice. These rules find that head of the page and leave
one title. What decides (named thresholds below):

- the site suffix is looked for only on the first :data:`HEAD_LINES` kept lines,
  and only on a line no longer than :data:`MAX_TITLE_CHARS`;
- a repeat is a later line, within :data:`REPEAT_WINDOW` kept lines, equal to
  the title after case and space folding;
- a rubric is a line of at most :data:`MAX_RUBRIC_WORDS` words without closing
  punctuation, standing between the title and its repeat (or directly before
  a title that is repeated).

>>> from clean.ruleset import RuleSet
>>> rules = RuleSet.shipped()
>>> doc = Document.from_text("Новость дня\\nПолитика\\nНовость дня\\nТекст новости.")
>>> doc = repeated_title(doc, rules.get("chrome.repeated-title"), rules)
>>> [(line.role, line.removed) for line in doc.lines]
[('title', None), ('text', None), ('text', 'chrome.repeated-title'), ('text', None)]
"""

from __future__ import annotations

from dataclasses import replace

import regex

from clean.document import Document, Line, Removal
from clean.registry import python_rule
from clean.ruleset import Rule, RuleSet

HEAD_LINES = 3
MAX_TITLE_CHARS = 300
REPEAT_WINDOW = 4
MAX_RUBRIC_WORDS = 3
CLOSING = ".!?…;:"
DIGIT = regex.compile(r"\d")


def fold(text: str) -> str:
    """Case- and space-folded text, for comparing titles."""
    return " ".join(text.casefold().split()).strip(" .")


@python_rule("chrome.site-suffix")
def site_suffix(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut ``— Site.kz — slogan`` from a title line at the head of the page; remember the site."""
    pattern = rules.patterns[rule.id]
    for i in doc.kept_indices()[:HEAD_LINES]:
        line = doc.lines[i]
        match = pattern.search(line.text)
        if not match or len(line.text) > MAX_TITLE_CHARS:
            continue
        title = line.text[: match.start()].strip()
        if not title or title[-1] in CLOSING:
            continue
        lines = list(doc.lines)
        lines[i] = replace(line, text=title, role="title")
        removal = Removal(rule.id, line.start, match.group(0))
        site = match.group("site").lower() if "site" in match.re.groupindex else None
        return doc.replace(lines=tuple(lines), removals=_sorted(doc.removals + (removal,)), site=doc.site or site)
    return doc


@python_rule("chrome.repeated-title")
def repeated_title(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Keep the first of a title and its repeats; the first becomes the page title."""
    kept = doc.kept_indices()
    for n, i in enumerate(kept[:HEAD_LINES]):
        line = doc.lines[i]
        if len(line.text) > MAX_TITLE_CHARS:
            continue
        key = fold(line.text)
        repeats = [j for j in kept[n + 1 : n + 1 + REPEAT_WINDOW] if fold(doc.lines[j].text) == key]
        if not repeats:
            continue
        lines = list(doc.lines)
        lines[i] = replace(line, role="title")
        removals = list(doc.removals)
        for j in repeats:
            lines[j] = replace(lines[j], removed=rule.id)
            removals.append(Removal(rule.id, lines[j].start, lines[j].text))
        return doc.replace(lines=tuple(lines), removals=_sorted(removals))
    return doc


@python_rule("chrome.rubric")
def rubric(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove a one-to-three-word rubric line next to the page title."""
    kept = doc.kept_indices()
    titles = [n for n, i in enumerate(kept[: HEAD_LINES + 1]) if doc.lines[i].role == "title"]
    if not titles:
        return doc
    t = titles[0]
    candidates = [kept[t - 1]] if t > 0 else []
    if t + 1 < len(kept) and _after_title_is_rubric(doc, kept, t):
        candidates.append(kept[t + 1])
    for i in candidates:
        if _is_rubric(doc.lines[i]):
            lines = list(doc.lines)
            lines[i] = replace(doc.lines[i], removed=rule.id)
            removal = Removal(rule.id, doc.lines[i].start, doc.lines[i].text)
            return doc.replace(lines=tuple(lines), removals=_sorted(doc.removals + (removal,)))
    return doc


def _after_title_is_rubric(doc: Document, kept: list[int], t: int) -> bool:
    """A short line after the title is a rubric only if a removed repeat of the title follows it."""
    start = kept[t + 1]
    for line in doc.lines[start + 1 : start + 1 + 2 * REPEAT_WINDOW]:
        if line.removed == "chrome.repeated-title":
            return True
        if line.kept:
            return False
    return False


def _is_rubric(line: Line) -> bool:
    words = line.text.split()
    return (
        0 < len(words) <= MAX_RUBRIC_WORDS
        and line.text[-1] not in CLOSING
        and not DIGIT.search(line.text)
        and line.text[0].isupper()
    )


def _sorted(removals) -> tuple[Removal, ...]:
    return tuple(sorted(removals, key=lambda r: r.line))
