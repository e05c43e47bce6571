"""Python rules for the lines an embedded post leaves: their TOML patterns, tried only where they can match.

Every 'view this post on Instagram' line opens with a view verb (:data:`OPENERS`,
folded); the pattern is tried on the lines that open so
(:func:`~clean.families.chrome.widget_gates.drop_opening`), not over the page. So is
every timeline's header ('Tweets by @city_news': :data:`TIMELINE_OPENERS`), after spaces alone.
Every attribution line holds ``(@``: its pattern is tried on the lines where an
``@`` (found by a fast scan for that one character) follows a ``(``.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Альбом вышел.\\nView this post on Instagram\\nSee you on Instagram next week.")
>>> [line.removed for line in social_embed(doc, rules.get("chrome.social-embed"), rules).lines]
[None, 'chrome.social-embed', None]
"""

from __future__ import annotations

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.chrome.widget_gates import drop_opening, lines_opening
from clean.families.line_marks import remove_lines
from clean.model.document import Document

OPENERS = frozenset({  # folded first words of the pattern's view verbs (keep in sync with the TOML)
    "view", "see", "watch", "посмотреть", "смотреть", "переглянути", "дивитися", "ver", "voir", "diesen", "zobacz", "bu",
    "көру", "көрүү"})
TIMELINE_OPENERS = frozenset({"tweets", "твиты", "твіти", "tweety", "tuits"})  # folded (keep in sync with the TOML)


@python_rule("chrome.social-embed")
def social_embed(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """The 'view this post on Instagram' line of an embedded post (see the TOML entry)."""
    return drop_opening(doc, rule, rules, OPENERS)


@python_rule("chrome.embed-attribution")
def embed_attribution(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """The 'A post shared by Name (@handle)' line of an embedded post (see the TOML entry)."""
    view = doc.view()
    text, found = view.text, set()
    at = text.find("@")
    while at >= 0:
        if at > 0 and text[at - 1] == "(":
            found.add(view.index[view.position(at)])
        at = text.find("@", at + 1)
    pattern = rules.patterns[rule.id]
    return remove_lines(doc, rule.id, [i for i in sorted(found) if pattern.match(doc.lines[i].text)])


@python_rule("chrome.timeline-embed")
def timeline_embed(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """The header of an embedded timeline, 'Tweets by @city_news' (see the TOML entry): its pattern, searched
    as a ``drop`` rule searches a line, on the lines whose first run of letters folds to one of
    :data:`TIMELINE_OPENERS` (:func:`~clean.families.chrome.widget_gates.lines_opening`; a match opens the
    line with the word after spaces alone, and a space after it)."""
    candidates = lines_opening(TIMELINE_OPENERS, doc.view())
    if not candidates:
        return doc
    pattern = rules.patterns[rule.id]
    return remove_lines(doc, rule.id, [i for i in candidates if pattern.search(doc.lines[i].text)])
