"""Python rule for the metadata header of a corpus or dataset record: ``<year>2018</year>`` lines.

Text corpora and dataset dumps store each record as a block of metadata
fields, one ``<field>value</field>`` line each, before the body (a national
corpus's ``<author_surname>``, ``<publ_in>``, ``<url>``, ``<length>``,
``<alt_orth>``). Those lines are the record's card, not its text. The decision:

- a *field line* is a whole line ``<name>value</name>`` (the same name closing
  it, no closing tag inside the value) or an empty ``<name/>``; the name is not an HTML
  element (those are ``noise.html-tag``'s, which runs first);
- a run of at least :data:`MIN_FIELDS` field lines next to each other (blank
  lines between them allowed) is a header, and every line of it is removed;
- a field named as a title (:data:`TITLE_FIELDS`) in a header stays as the
  page title, its tags recorded as removed;
- a header opens a record, and the record is one text: the lines from a header
  to the next one (or to the end) become an article (``Document.articles``, read
  by ``split_items``), so a body's bold subheads, dated paragraphs or a change of
  topic never cut it into several items. Text before the first header is a record
  of its own. A page whose articles are already known keeps them.

A single field line in prose (``<price>100</price>`` once) or a sentence that
mentions a tag stays.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("<id>7</id>\\n<title>Новость</title>\\n<year>2018</year>\\nТекст.")
>>> doc = record_header(doc, rules.get("noise.record-header"), rules)
>>> [(line.text, line.role, line.removed) for line in doc.lines]
[('<id>7</id>', 'text', 'noise.record-header'), ('Новость', 'title', None), ('<year>2018</year>', 'text', 'noise.record-header'), ('Текст.', 'text', None)]
"""

from __future__ import annotations

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.model.document import Document, Removal

MIN_FIELDS = 3  # field lines in a row that make a header: one or two may be a quoted snippet
TITLE_FIELDS = frozenset({"title", "headline", "name_of_article", "article_title"})
FIELD = regex.compile(r"^\s*<(?P<name>[A-Za-z][\w.:-]{0,40})>(?P<value>(?:(?!</)[^\n])*)</(?P=name)>\s*$|^\s*<[A-Za-z][\w.:-]{0,40}\s*/>\s*$")


ADJACENT = regex.compile(r">[^\S\n]*\n[^\S\n]*<")  # one line ending with a tag, the next opening with one


def may_have_fields(page: str) -> bool:
    """False when ``page`` (kept lines joined) cannot hold a header: no closing or empty tag, or no two
    kept lines in a row that end and open with a tag (a header has at least :data:`MIN_FIELDS`)."""
    return "<" in page and ("</" in page or "/>" in page) and ADJACENT.search(page) is not None


@python_rule("noise.record-header")
def record_header(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove runs of metadata field lines; a title field becomes the page title."""
    if not may_have_fields(doc.view().text):
        return doc
    lines, removals = list(doc.lines), list(doc.removals)
    runs = _header_runs(doc)
    for run in runs:
        for i, match in run:
            line = lines[i]
            if match.group("name") and match.group("name").lower() in TITLE_FIELDS and match.group("value").strip():
                value = match.group("value").strip()
                lines[i] = line.replace(text=value, role="title")
                removals.append(Removal(rule.id, line.start, line.text.replace(value, "", 1)))
            else:
                lines[i] = line.replace(removed=rule.id)
                removals.append(Removal(rule.id, line.start, line.text))
    if len(removals) == len(doc.removals):
        return doc
    articles = doc.articles or _records(doc, [run[0][0] for run in runs])
    return doc.replace(lines=tuple(lines), removals=tuple(sorted(removals, key=lambda r: r.line)), articles=articles)


def _records(doc: Document, heads: list[int]) -> tuple[tuple[int, int], ...]:
    """(first, last) source lines of each record: from a header's first line (``heads``) to the line
    before the next header, and the text before the first header if it has a kept line."""
    kept, lines = doc.kept_indices(), doc.lines
    bounds = ([kept[0]] if kept and kept[0] < heads[0] else []) + heads + [len(lines)]
    return tuple((lines[a].start, lines[b - 1].end) for a, b in zip(bounds, bounds[1:]))


def _header_runs(doc: Document) -> list[list[tuple[int, regex.Match]]]:
    """The runs of at least :data:`MIN_FIELDS` adjacent kept field lines, as (index, match) pairs."""
    runs, current = [], []
    for i in doc.kept_indices():
        match = FIELD.match(doc.lines[i].text)
        if match:
            current.append((i, match))
            continue
        if len(current) >= MIN_FIELDS:
            runs.append(current)
        current = []
    if len(current) >= MIN_FIELDS:
        runs.append(current)
    return runs
