"""Python rule ``flags.duplicate``: an item a page shows again (a sidebar, a carousel, a "most read" block).

A home page prints its stories more than once: in the feed, in a slider, in a "most read" list. Each
showing is an item in the page's order; the later ones are flagged ``duplicate`` so a user can drop
them, and nothing is deleted. An item repeats an earlier one when its title (or, untitled, its first
line) is the earlier item's title or first line, compared case-folded and with runs of spaces and
quote marks made one, and its text adds nothing the earlier item does not hold (a repeat shows the
headline alone, or with the same teaser, often cut shorter).

>>> same_story("«Шаг к диалогу»: Россия снимает санкции", '"Шаг к диалогу": Россия снимает санкции')
True
"""

from __future__ import annotations

import regex

from clean.model.document import Document, fold_case
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet

QUOTES = regex.compile(r"[«»“”„\"'‘’]")
SPACES = regex.compile(r"\s+")
ELLIPSIS = "…"
MIN_KEY_CHARS = 20  # a short line ('Политика', 'Главное') repeats on any page without being a story


def key(text: str) -> str:
    """``text`` as stories are compared: case-folded, quotes and runs of spaces made one, a final
    ellipsis or full stop left out."""
    return SPACES.sub(" ", QUOTES.sub('"', fold_case(text))).strip().rstrip(".…").rstrip()


def same_story(a: str, b: str) -> bool:
    """Do two headlines name the same story?"""
    return key(a) == key(b)


@python_rule("flags.duplicate")
def duplicates(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Add the flag ``duplicate`` to items that repeat an earlier item of the page (see module docstring)."""
    seen: dict[str, str] = {}  # the key of an item's heading -> its body, folded
    items, changed = [], False
    for item in doc.items:
        lines = item.text.split("\n") if item.text else []
        heading = item.title or (lines[0] if lines else "")
        body = lines if item.title else lines[1:]
        name = key(heading)
        if len(name) >= MIN_KEY_CHARS and name in seen and _adds_nothing(body, seen[name]):
            if "duplicate" not in item.flags:
                item, changed = item.model_copy(update={"flags": [*item.flags, "duplicate"]}), True
        elif len(name) >= MIN_KEY_CHARS:
            seen[name] = seen.get(name, "") + "\n" + key(item.text)
        items.append(item)
    return doc.replace(items=tuple(items)) if changed else doc


def _adds_nothing(body: list[str], earlier: str) -> bool:
    """Is every line of ``body`` (a cut line by its part before the ellipsis) in the ``earlier`` text?"""
    return all(key(line.split(ELLIPSIS)[0]) in earlier for line in body if line.strip())
