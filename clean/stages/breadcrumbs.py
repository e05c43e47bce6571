"""Python rule for breadcrumb lines: ``Главная / Новости / Политика``, ``Home > News``.

The home page's names are data (table ``widget_phrases``, ``[home]``, read
through :func:`clean.stages.widgets.vocabulary`). A breadcrumb is a whole line:

it has no closing punctuation, and either starts with the home page's name and
goes on after a separator (/ > » › → | ::) with capitalised parts, the parts
before the last at most :data:`MAX_CRUMB_WORDS` words ("Главная / Новости /
Политика"); or, within the first :data:`HEAD_LINES` kept lines and with no
digits, is two to :data:`MAX_CRUMB_PARTS` short capitalised parts joined by
» › → or > ("Новости » Экономика").

>>> from clean.ruleset import RuleSet
>>> vocab = vocabulary(RuleSet.shipped())
>>> is_breadcrumb("Главная / Новости / Политика", vocab, in_head=False)
True
>>> is_breadcrumb("Главная / второстепенная задача — вот в чём вопрос.", vocab, in_head=True)
False
"""

from __future__ import annotations

import regex

from clean.document import Document
from clean.registry import python_rule
from clean.ruleset import Rule, RuleSet
from clean.stages.line_marks import remove_lines
from clean.stages.widgets import MAX_LINK_WORDS, Vocabulary, fold, vocabulary

HEAD_LINES = 6
MAX_CRUMB_WORDS = 4
MAX_CRUMB_PARTS = 5
CLOSING = ".!?…;:,"
_HOME_SPLIT = regex.compile(r"\s*(?:/|>|»|›|→|::|\|)\s*")
_HEAD_SPLIT = regex.compile(r"\s+>\s+|\s*[»›→]\s*")


@python_rule("chrome.breadcrumb")
def breadcrumb(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove breadcrumb lines (see module docstring)."""
    vocab = vocabulary(rules)
    kept = doc.kept_indices()
    head = set(kept[:HEAD_LINES])
    return remove_lines(doc, rule.id, (i for i in kept if is_breadcrumb(doc.lines[i].text, vocab, i in head)))


def is_breadcrumb(text: str, vocab: Vocabulary, in_head: bool) -> bool:
    """'Главная / Новости / …' anywhere; 'Новости » Политика' only at the head of the page."""
    if text.rstrip()[-1:] in CLOSING:
        return False
    parts = [p for p in _HOME_SPLIT.split(text.strip()) if p]
    if len(parts) >= 2 and fold(parts[0]) in vocab.home and _short(parts[:-1]):
        return len(parts[-1].split()) <= MAX_LINK_WORDS and all(not p[0].islower() for p in parts)
    if not in_head or regex.search(r"\d", text):
        return False
    parts = [p.strip() for p in _HEAD_SPLIT.split(text.strip())]
    return 2 <= len(parts) <= MAX_CRUMB_PARTS and all(p and p[0].isupper() for p in parts) and _short(parts)


def _short(parts: list[str]) -> bool:
    return all(len(p.split()) <= MAX_CRUMB_WORDS for p in parts)
