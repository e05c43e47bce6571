"""A 'read more' link glued to the end of a teaser (``chrome.trailing-link``).

A feed's teaser often ends with a link to the whole story; where the markup is stripped, or a
scraper joins a card's text nodes, the link's words end up glued to the teaser's last sentence:
'… the bank said what had happened.Read more…', '… with the virus Full story'. The words are a
widget phrase of the page's template (table ``widget_phrases``, ``whole``: the lines chrome.widget
takes when they stand alone), so here they are cut where they end a line after a full stop or after
a word in lower case. Only phrases of two words or more, spelt as the table spells them (a capital
first), count: a sentence that ends '… told us more.' keeps its words.

>>> from clean.catalog import shipped_rules
>>> cut = trailing_link("Клиенты банка не могут войти в приложение.Читать далее…", shipped_rules())
>>> cut
42
"""

from __future__ import annotations

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.model.document import Document, Removal

MIN_WORDS = 2  # a one-word phrase ('More', 'Photo') may be a sentence's own last word


def _build(rules: RuleSet) -> regex.Pattern:
    phrases = {p.strip() for lang in rules.table("widget_phrases")["whole"].values() for p in lang}
    chosen = sorted((p for p in phrases if len(p.split()) >= MIN_WORDS and p[:1].isupper() and p[-1:].isalpha()),
                    key=len, reverse=True)
    alternatives = "|".join(regex.escape(p) for p in chosen)
    return regex.compile(rf"(?:(?<=[.!?…»\"”)])|(?<=\p{{Ll}})[^\S\n])[^\S\n]*(?:{alternatives})[^\S\n]*(?:…|\.\.\.|→|»)?[^\S\n]*$",
                         regex.MULTILINE)


def trailing_link(text: str, rules: RuleSet) -> int | None:
    """Where the 'read more' link glued to the end of ``text`` starts, or None."""
    found = rules.derived("chrome.trailing-link", _build).search(text)
    return None if found is None or not text[: found.start()].strip() else found.start()


@python_rule("chrome.trailing-link")
def trailing_links(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut the 'read more' links glued to the end of lines (see module docstring), found in one pass."""
    view = doc.view()
    pattern = rules.derived(rule.id, _build)
    cuts = []
    for found in pattern.finditer(view.text):
        k = view.position(found.start())
        start = found.start() - view.offsets[k]
        i = view.index[k]
        if doc.lines[i].text[:start].strip():
            cuts.append((i, start))
    if not cuts:
        return doc
    lines, removals = list(doc.lines), list(doc.removals)
    for i, cut in cuts:
        line = lines[i]
        removals.append(Removal(rule.id, line.start, line.text[cut:]))
        lines[i] = line.replace(text=line.text[:cut].rstrip())
    return doc.replace(lines=tuple(lines), removals=tuple(sorted(removals, key=lambda r: r.line)))
