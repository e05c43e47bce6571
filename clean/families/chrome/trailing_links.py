"""A 'read more' link glued to the end of a teaser (``chrome.trailing-link``).

A feed's teaser often ends with a link to the whole story; where the markup is stripped, or a
scraper joins a card's text nodes, the link's words end up glued to the teaser's last sentence:
'… the bank said what had happened.Read more…', '… the new cases Full news text'. The words are a
widget phrase of the page's template (table ``widget_phrases``, ``whole``: the lines chrome.widget
takes when they stand alone), so here they are cut where they end a line after a full stop, or after
a word in lower case when they have three words or more (German capitalises its nouns: a headline may
end '… jeder Link kopieren'). Only phrases of two words or more, spelt as the table spells them (a
capital first), count: a sentence that ends '… told us more.' keeps its words.

>>> from clean.catalog import shipped_rules
>>> cut = trailing_link("Клиенты банка не могут войти в приложение.Читать далее…", shipped_rules())
>>> cut
42
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.model.document import Document, Removal

MIN_WORDS = 2  # a one-word phrase ('More', 'Photo') may be a sentence's own last word
MIN_WORDS_AFTER_WORD = 3  # after a word and a space, a two-word phrase may end a headline ('… Link kopieren', German)
TAIL = r"[^\S\n]*(?:…|\.\.\.|→|»)?[^\S\n]*"  # an ellipsis or an arrow after the link's words
ENDINGS = " \t….→»"  # what TAIL lets follow the last word
CLOSED = frozenset(".,;:!?)\"”'")  # a line ending with one of these (but '...') ends with no phrase: TAIL allows none


@dataclass(frozen=True)
class _Links:
    last_words: frozenset  # the phrases' last words, case-folded: the cheap test each line passes first
    pattern: regex.Pattern


def _build(rules: RuleSet) -> _Links:
    phrases = {p.strip() for lang in rules.table("widget_phrases")["whole"].values() for p in lang}
    chosen = sorted((p for p in phrases if len(p.split()) >= MIN_WORDS and p[:1].isupper() and p[-1:].isalpha()),
                    key=len, reverse=True)
    alternatives = "|".join(regex.escape(p) for p in chosen)
    long_ones = "|".join(regex.escape(p) for p in chosen if len(p.split()) >= MIN_WORDS_AFTER_WORD) or r"(?!x)x"
    pattern = regex.compile(rf"(?:(?<=[.!?…»\"”)])[^\S\n]*(?:{alternatives})|(?<=\p{{Ll}})[^\S\n]+(?:{long_ones})){TAIL}$")
    return _Links(frozenset(p.split()[-1].casefold() for p in chosen), pattern)


def trailing_link(text: str, rules: RuleSet) -> int | None:
    """Where the 'read more' link glued to the end of ``text`` starts, or None."""
    links = rules.derived("chrome.trailing-link", _build)
    return _cut(text, links) if _last_word(text) in links.last_words else None


def _last_word(text: str) -> str:
    return text.rstrip(ENDINGS).rpartition(" ")[2].casefold()


def _cut(text: str, links: _Links) -> int | None:
    found = links.pattern.search(text)
    return None if found is None or not text[: found.start()].strip() else found.start()


@python_rule("chrome.trailing-link")
def trailing_links(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut the 'read more' links glued to the end of lines (see module docstring). A line is searched
    only when its last word is the last word of a phrase (a set look-up on the page's lines split in
    one call): the phrases' alternation tried at every position of a page would cost more than all
    the other chrome rules together."""
    links, view = rules.derived(rule.id, _build), doc.view()
    texts = view.text.split("\n")
    if len(texts) != len(view.index):  # a line holds a line end of its own: read the lines one by one
        texts = [doc.lines[i].text for i in view.index]
    lasts = links.last_words
    cuts = [(view.index[k], cut) for k, t in enumerate(texts)
            if (t[-1:] not in CLOSED or t.endswith("...")) and _last_word(t) in lasts
            and (cut := _cut(doc.lines[view.index[k]].text, links)) is not None]
    if not cuts:
        return doc
    lines, removals = list(doc.lines), list(doc.removals)
    for i, cut in cuts:
        line = lines[i]
        removals.append(Removal(rule.id, line.start, line.text[cut:]))
        lines[i] = line.replace(text=line.text[:cut].rstrip())
    return doc.replace(lines=tuple(lines), removals=tuple(sorted(removals, key=lambda r: r.line)))
