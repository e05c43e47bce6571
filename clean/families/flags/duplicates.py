"""Python rule ``flags.duplicate``: an item a page shows again (a sidebar, a carousel, a "most read" block).

A home page prints its stories more than once: in the feed, in a slider, in a "most read" list. Each
showing is an item in the page's order; the later ones are flagged ``duplicate`` so a user can drop
them, and nothing is deleted. An item repeats an earlier one when its title (or, untitled, its first
line) is the earlier item's title or first line, compared case-folded (a page repeats its own words;
a rank number before it, as a 'most read' list numbers its stories, and a final full stop or ellipsis aside), and its text adds nothing the earlier item does not hold (a repeat shows the
headline alone, or with the same teaser, often cut shorter).

>>> same_story("«Новый мост»: город открывает переправу", "«НОВЫЙ МОСТ»: город открывает переправу…")
True
>>> same_story("Storm damages the east pier", "2. Storm damages the east pier")
True
"""

from __future__ import annotations

import regex

from clean.model.document import Document, fold_case
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet

ELLIPSIS = "…"
MIN_KEY_CHARS = 20  # a short line ('Политика', 'Главное') repeats on any page without being a story
MAX_HEADING_CHARS = 300  # a longer first line is a paragraph, not a heading
RANK = regex.compile(r"\d{1,2}[.)]\s+")  # the place of a story in a 'most read' list: '1. ', '2) '


def key(text: str) -> str:
    """``text`` as stories are compared: case-folded, a rank number before it ('1. ') and a final full
    stop or ellipsis left out."""
    text = fold_case(text).strip()
    rank = RANK.match(text) if text[:1].isdigit() else None
    return (text[rank.end():] if rank else text).rstrip(".…").rstrip()


def same_story(a: str, b: str) -> bool:
    """Do two headlines name the same story?"""
    return key(a) == key(b)


@python_rule("flags.duplicate")
def duplicates(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Add the flag ``duplicate`` to items that repeat an earlier item of the page (see module docstring).

    Only a heading of :data:`MIN_KEY_CHARS` to :data:`MAX_HEADING_CHARS` characters is compared, and an
    earlier text is folded only when its heading comes again: an article's paragraphs cost nothing.
    """
    if len(doc.items) < 2:
        return doc  # a page of one item repeats nothing (most article pages)
    seen: dict[str, list[str]] = {}  # the key of an item's heading -> the texts of the items under it
    items, changed = [], False
    for item in doc.items:
        heading = _heading(item)
        name = key(heading) if MIN_KEY_CHARS <= len(heading) <= MAX_HEADING_CHARS else ""
        earlier = seen.get(name) if name else None
        if earlier is not None and _adds_nothing(_body(item), key("\n".join(earlier))):
            if "duplicate" not in item.flags:
                item, changed = item.model_copy(update={"flags": [*item.flags, "duplicate"]}), True
        elif name:
            seen.setdefault(name, []).append(item.text)
        items.append(item)
    return doc.replace(items=tuple(items)) if changed else doc


def _heading(item) -> str:
    """The item's title (or first line)."""
    return item.title or item.text.partition("\n")[0]


def _body(item) -> list[str]:
    """The lines of text under the item's heading (split only for an item whose heading came before)."""
    if item.title:
        return item.text.split("\n") if item.text else []
    rest = item.text.partition("\n")[2]
    return rest.split("\n") if rest else []


def _adds_nothing(body: list[str], earlier: str) -> bool:
    """Is every line of ``body`` (a cut line by its part before the ellipsis) in the ``earlier`` text?"""
    return all(key(line.split(ELLIPSIS)[0]) in earlier for line in body if line.strip())
