"""Python rules for navigation lines: breadcrumbs and the site's menu.

The home page's names and the site's sections are data (table
``widget_phrases``, ``[home]`` and ``[menu]``, read through
:func:`clean.families.chrome.widgets.vocabulary`). Both rules take whole lines only.

A *breadcrumb* (``Главная / Новости / Политика``, ``Home > News``):
it has no closing punctuation, and either starts with the home page's name and
goes on after a separator (/ > » › → | ::) with capitalised parts, the parts
before the last at most :data:`MAX_CRUMB_WORDS` words ("Главная / Новости /
Политика"); or, within the first :data:`HEAD_LINES` kept lines and with no
digits, is two to :data:`MAX_CRUMB_PARTS` short capitalised parts joined by
» › → or > ("Новости » Экономика").

A *menu* (``Главная Новости Политика Экономика Спорт``) is a line with no closing
punctuation and no path separator (» › → > /) whose words, once folded, are all
section names, at least :data:`MIN_MENU_ITEMS` of them; a sentence that lists sections has its verbs
and its full stop.

>>> from clean.catalog import shipped_rules
>>> vocab = vocabulary(shipped_rules())
>>> is_breadcrumb("Главная / Новости / Политика", vocab, in_head=False)
True
>>> is_breadcrumb("Главная / второстепенная задача — вот в чём вопрос.", vocab, in_head=True)
False
>>> is_menu("Главная | Новости | В мире | Спорт", vocab), is_menu("Спорт и культура в мире.", vocab)
(True, False)
"""

from __future__ import annotations

import regex

from clean.model.document import Document, fold_case
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines
from clean.engine.openers import lines_opening
from clean.families.chrome.widgets import MAX_LINK_WORDS, Vocabulary, fold, vocabulary

HEAD_LINES = 6
MAX_CRUMB_WORDS = 4
MAX_CRUMB_PARTS = 5
CLOSING = ".!?…;:,"
MIN_MENU_ITEMS = 3
_PATH_MARKS = "»›→>/"
_HOME_SPLIT = regex.compile(r"\s*(?:/|>|»|›|→|::|\|)\s*")
_HEAD_SPLIT = regex.compile(r"\s+>\s+|\s*[»›→]\s*")
_HEAD_MARKS = ">»›→"  # a line _HEAD_SPLIT cuts in two has one of them
_DIGIT = regex.compile(r"\d")  # compiled once: regex.search(r"\d", ...) looks its cache up on every head line


@python_rule("chrome.breadcrumb")
def breadcrumb(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove breadcrumb lines (see module docstring).

    Cheap tests first, each implied by :func:`is_breadcrumb`: no closing
    punctuation; then either the first run of letters folds to the first word of a
    home page name (:func:`clean.engine.openers.lines_opening`: the part before the
    first separator starts the line, after separators, and folds to a home name),
    or a head line with a path mark.
    """
    vocab, view = vocabulary(rules), doc.view()
    head = view.index[:HEAD_LINES]
    home = lines_opening(vocab.opens_home, view)
    taken = []
    for i in _open_ended(doc, sorted({*home, *head}) if home else head):
        text = doc.lines[i].text
        if i in home:
            take = is_breadcrumb(text, vocab, i in head)
        else:  # not the home form, so only the head form is left
            take = any(map(text.__contains__, _HEAD_MARKS)) and _is_head_path(text)
        if take:
            taken.append(i)
    return remove_lines(doc, rule.id, taken)


def _open_ended(doc: Document, kept: list[int]) -> list[int]:
    """The kept lines with no closing punctuation at the end (the only ones a menu or breadcrumb can be)."""
    return [i for i in kept if doc.lines[i].text.rstrip()[-1:] not in CLOSING]


def is_breadcrumb(text: str, vocab: Vocabulary, in_head: bool) -> bool:
    """'Главная / Новости / …' anywhere; 'Новости » Политика' only at the head of the page."""
    if text.rstrip()[-1:] in CLOSING:
        return False
    parts = [p for p in _HOME_SPLIT.split(text.strip()) if p]
    if len(parts) >= 2 and fold(parts[0]) in vocab.home and _short(parts[:-1]):
        return len(parts[-1].split()) <= MAX_LINK_WORDS and all(not p[0].islower() for p in parts)
    return in_head and _is_head_path(text)


def _is_head_path(text: str) -> bool:
    """'Новости » Политика': two to five short capitalised parts and no digit (the form taken at the head)."""
    if _DIGIT.search(text):
        return False
    parts = [p.strip() for p in _HEAD_SPLIT.split(text.strip())]
    return 2 <= len(parts) <= MAX_CRUMB_PARTS and all(p and p[0].isupper() for p in parts) and _short(parts)


def _short(parts: list[str]) -> bool:
    return all(len(p.split()) <= MAX_CRUMB_WORDS for p in parts)


@python_rule("chrome.menu")
def menu(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove menu lines (see module docstring).

    Cheap tests first, each implied by :func:`is_menu`: no closing punctuation, and
    a first run of letters that folds to the first word of a section name
    (:func:`clean.engine.openers.lines_opening`).
    """
    vocab = vocabulary(rules)
    candidates = _open_ended(doc, lines_opening(vocab.opens_menu, doc.view()))
    return remove_lines(doc, rule.id, (i for i in candidates if is_menu(doc.lines[i].text, vocab)))


def is_menu(text: str, vocab: Vocabulary) -> bool:
    """Three or more section names and nothing else.

    A line whose case-folded words are all letters is not folded again: its words are already those of
    :func:`~clean.families.chrome.widgets.fold` (a space is no letter, and a text with an ``İ``, which fold
    spells ``I``, folds to a combining dot, no letter either).
    """
    if text.rstrip()[-1:] in CLOSING or any(map(text.__contains__, _PATH_MARKS)):
        return False  # a path (Главная » Новости) is a breadcrumb
    words, items, n = fold_case(text).split(), 0, 0
    if not all(map(str.isalpha, words)):
        words = fold(text).split()
    if len(words) < MIN_MENU_ITEMS or not vocab.menu_words.issuperset(words):
        return False  # each word must be read as part of a section's name
    while n < len(words):
        step = next((k for k in (3, 2, 1) if " ".join(words[n : n + k]) in vocab.menu), 0)
        if not step:
            return False
        items, n = items + 1, n + step
    return items >= MIN_MENU_ITEMS
