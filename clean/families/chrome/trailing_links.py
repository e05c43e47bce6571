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

from dataclasses import dataclass, field

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
    last_words: frozenset  # the phrases' last words as they are spelt: the cheap test each line passes first
    groups: dict  # a last word -> the phrases that end with it (longest first)
    by_last: dict = field(default_factory=dict)  # a last word -> its group's pattern and greatest length, compiled
    # on first use: most pages end no line with a phrase's last word, and a run compiles the few it meets

    def group(self, word: str) -> tuple[regex.Pattern, int] | None:
        """The pattern of the phrases that end with ``word`` and their greatest length, or None."""
        found = self.by_last.get(word)
        if found is None and word in self.groups:
            group = self.groups[word]
            found = self.by_last[word] = (_pattern(group), len(group[0]))
        return found


def _build(rules: RuleSet) -> _Links:
    """The phrases' last words, and per last word the rule's pattern restricted to the phrases ending with it.

    Why the restricted pattern finds what the whole one would, on every line that passes the last-word test:
    a match ends the line with a phrase and its TAIL. If the TAIL held a character that ``_last_word``
    does not strip (a space other than ' ' or a tab), the line's last word would end with that space and be
    no phrase's last word. So the line stripped of ``ENDINGS`` ends with the phrase (whose last character is a
    letter, which ``ENDINGS`` never holds), and its last word is the phrase's text after its last ' ' (a phrase
    without a ' ' is in every group). A match of the whole pattern at a position thus uses a phrase of the
    line's group, and the group's pattern matches there too: both find the same first match start. The
    pattern holds its phrases as they are spelt (no IGNORECASE), so the last word is compared as it is spelt.
    """
    phrases = {p.strip() for lang in rules.table("widget_phrases")["whole"].values() for p in lang}
    chosen = sorted((p for p in phrases if len(p.split()) >= MIN_WORDS and p[:1].isupper() and p[-1:].isalpha()),
                    key=len, reverse=True)
    last_words = frozenset(p.split()[-1] for p in chosen)
    keys = [p.rpartition(" ")[2] if " " in p else None for p in chosen]
    groups = {word: [p for p, k in zip(chosen, keys) if k in (word, None)] for word in last_words | set(keys) - {None}}
    return _Links(last_words, {word: group for word, group in groups.items() if group})


def _pattern(chosen: list[str]) -> regex.Pattern:
    """The phrases ``chosen`` (longest first) at the end of a line, after a sentence's end or a lower-case word."""
    alternatives = "|".join(regex.escape(p) for p in chosen)
    long_ones = "|".join(regex.escape(p) for p in chosen if len(p.split()) >= MIN_WORDS_AFTER_WORD) or r"(?!x)x"
    return regex.compile(rf"(?:(?<=[.!?…»\"”)])[^\S\n]*(?:{alternatives})|(?<=\p{{Ll}})[^\S\n]+(?:{long_ones})){TAIL}$")


def trailing_link(text: str, rules: RuleSet) -> int | None:
    """Where the 'read more' link glued to the end of ``text`` starts, or None."""
    links = rules.derived("chrome.trailing-link", _build)
    word = _last_word(text)
    return _cut(text, word, links) if word in links.last_words else None


def _last_word(text: str) -> str:
    """The line's text after its last ' ', :data:`ENDINGS` stripped: spelt as it is, since the pattern is matched
    case-sensitively (a line ending 'Новости' is no '… все новости'), so a line whose last word is a phrase's in
    another case cannot end with the phrase."""
    return text.rstrip(ENDINGS).rpartition(" ")[2]


def _cut(text: str, word: str, links: _Links) -> int | None:
    """Where the phrase ending ``text`` (whose last word is ``word``, one of ``links.last_words``) starts, or None.

    The search starts no earlier than a match can (see :func:`_build`: the phrase ends where ``text`` stripped of
    ``ENDINGS`` ends, so it starts at most the group's longest phrase before that, and only spaces, which
    ``str.rstrip`` strips too, stand between a match's start and its phrase).
    """
    group = links.group(word)
    if group is None:
        return None
    pattern, longest = group
    start = len(text[: max(len(text.rstrip(ENDINGS)) - longest, 0)].rstrip())
    found = pattern.search(text, start)
    return None if found is None or not text[: found.start()].strip() else found.start()


@python_rule("chrome.trailing-link")
def trailing_links(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut the 'read more' links glued to the end of lines (see module docstring). A line is searched
    only when its last word is the last word of a phrase (a set look-up on the page's lines split in
    one call): the phrases' alternation tried at every position of a page would cost more than all
    the other chrome rules together."""
    links, lines = rules.derived(rule.id, _build), doc.lines
    lasts = links.last_words
    cuts = [(i, cut) for i in doc.view().index
            if ((t := lines[i].text)[-1:] not in CLOSED or t.endswith("...")) and (word := _last_word(t)) in lasts
            and (cut := _cut(t, word, links)) is not None]
    if not cuts:
        return doc
    lines, removals = list(doc.lines), list(doc.removals)
    for i, cut in cuts:
        line = lines[i]
        removals.append(Removal(rule.id, line.start, line.text[cut:]))
        lines[i] = line.replace(text=line.text[:cut].rstrip())
    return doc.replace(lines=tuple(lines), removals=tuple(sorted(removals, key=lambda r: r.line)))
