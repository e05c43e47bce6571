"""Python rule for the line an embedded post leaves with its author: its TOML pattern, tried only where it can match.

Every attribution line holds ``(@``: its pattern is tried on the lines where an ``@`` (found by a fast
scan for that one character) follows a ``(``. The other embed lines ('View this post on Instagram',
'Tweets by @city_news') open with fixed words: pattern rules that say so in their TOML (``opens_with``).

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Альбом вышел.\\nA post shared by Jane (@jane.doe)\\nMail me (@home) later.")
>>> [line.removed for line in embed_attribution(doc, rules.get("chrome.embed-attribution"), rules).lines]
[None, 'chrome.embed-attribution', None]
"""

from __future__ import annotations

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines
from clean.model.document import Document


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
