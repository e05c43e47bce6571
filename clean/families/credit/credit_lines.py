"""Python rules for credit lines: each is its TOML pattern, tried only on the lines where it can match.

The credit lines that open with a fixed word ('Фото …', 'Источник: …', 'Дизайн сайта …') are pattern rules
that say so in their TOML (``opens_with``, :mod:`clean.engine.openers`). What is left here: a domain line is
looked for on the lines with a dot before a lowercase ending (:data:`DOT_ENDING`); a press-service credit,
alone or glued after the last sentence, on the last kept line only (where a text field or a press release
ends).

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Мост открыли.\\nexample.org")
>>> [line.removed for line in domain_line(doc, rules.get("credit.domain-line"), rules).lines]
[None, 'credit.domain-line']
"""

from __future__ import annotations

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines
from clean.model.document import Document, Removal

# Every press-service credit the glued rule takes holds one of these (keep in sync with its TOML pattern):
# a last line without them is left after a few substring tests, not a regex search.
GLUED_WORDS = ("служб", "қызметі", "Press serv", "Press off")
PRESS_FIRST = ("П", "Б", "P")  # first letters of the press-service line's words (its pattern's lookahead)
# Every domain line holds a dot and a lowercase ending at the end of its host: found by a scan that
# jumps from dot to dot, and the rule's pattern is tried on those lines alone.
DOT_ENDING = regex.compile(r"\.[a-z]{2,6}(?![\w.-])")


@python_rule("credit.domain-line")
def domain_line(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """A bare domain or address on a line of its own (see the TOML entry)."""
    view = doc.view()
    candidates = sorted({view.index[view.position(m.start())] for m in DOT_ENDING.finditer(view.text)})
    pattern = rules.patterns[rule.id]
    return remove_lines(doc, rule.id, [i for i in candidates if pattern.match(doc.lines[i].text)])


@python_rule("credit.glued-source")
def glued_source(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut a press-service credit glued after the last sentence of the text (see the TOML entry): the rule's
    pattern, tried on the last kept line when it holds one of :data:`GLUED_WORDS`."""
    last = last_kept(doc)
    if last is None or not any(word in doc.lines[last].text for word in GLUED_WORDS):
        return doc
    line = doc.lines[last]
    match = rules.patterns[rule.id].search(line.text)
    if match is None:
        return doc
    kept = (line.text[: match.start()] + line.text[match.end() :]).strip()
    lines = list(doc.lines)
    lines[last] = line.replace(text=kept) if kept else line.replace(removed=rule.id)
    removals = tuple(sorted((*doc.removals, Removal(rule.id, line.start, match.group(0))), key=lambda r: r.line))
    return doc.replace(lines=tuple(lines), removals=removals)


def last_kept(doc: Document) -> int | None:
    """The index of the last kept line: from the page view when the document has one, else from the end."""
    view = doc.cached_view
    if view is not None:
        return view.index[-1] if view.index else None
    return next((i for i in range(len(doc.lines) - 1, -1, -1) if doc.lines[i].kept), None)


@python_rule("credit.press-service-line")
def press_service_line(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """A press-service credit standing as the last kept line of the page (see the TOML entry)."""
    last = last_kept(doc)
    if last is not None and doc.lines[last].text.lstrip()[:1] in PRESS_FIRST and rules.patterns[rule.id].match(
        doc.lines[last].text
    ):
        return remove_lines(doc, rule.id, [last])
    return doc
