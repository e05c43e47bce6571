"""Python rules for page widgets: share and subscribe bars, related links, credits, cookie banners.

Their words are data (table ``widget_phrases``, per language); the decisions
are here. A widget rule takes a *whole line that is the widget* and never a
sentence that mentions one: "Поделиться" goes, "Он поделился планами." stays.

- a *widget line* folds (:func:`fold`) to a ``whole`` phrase, or to a phrase
  followed by network names, or to two or more network names (a share bar);
- a *related link* opens with a ``lead`` phrase and a colon, goes on like a
  headline (a capital, a digit or a quote; no closing full stop) and has at
  most :data:`MAX_LINK_WORDS` words ("Читайте также: Токаев подписал закон");
- a *credit* opens with a ``credit`` phrase and a colon and has at most
  :data:`MAX_CREDIT_WORDS` words, no closing full stop ("Фото: пресс-служба акимата");
- a *call to follow* opens with a ``call`` phrase, names a channel and has at
  most :data:`MAX_CALL_WORDS` words;
- a *cookie banner* names cookies, has at most :data:`MAX_COOKIE_WORDS` words, and
  asks for consent in the second person, or opens like a banner, states a
  purpose and speaks of the site or to the reader; up to :data:`BUTTON_WINDOW`
  button lines after it ("Принять") go with it.

Breadcrumbs and menus, which read the same table, are :mod:`clean.families.chrome.navigation`.

>>> fold("Комментарии (12):")
'комментарии'
>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Поделиться\\nОн поделился планами.")
>>> [line.removed for line in widget(doc, rules.get("chrome.widget"), rules).lines]
['chrome.widget', None]
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import regex

from clean.model.document import Document, fold_case
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines
from clean.engine.openers import lines_opening, opening_words

MAX_LINK_WORDS = 25
MAX_CALL_WORDS = 12
MAX_CREDIT_WORDS = 6
MAX_COOKIE_WORDS = 70
BUTTON_WINDOW = 2

_NOT_LETTERS = regex.compile(r"[^\p{L}]+")


def fold(text: str) -> str:
    """Lowercase, ё as е, every run of non-letters one space: the form widget phrases are compared in.
    A Turkish capital ``İ`` is ``i`` (case folding would leave a combining dot: 'İlgili' as 'i lgili')."""
    if "İ" in text:
        text = text.replace("İ", "I")
    return " ".join(_NOT_LETTERS.sub(" ", fold_case(text)).split())


@dataclass(frozen=True)
class Vocabulary:
    """The ``widget_phrases`` table, folded and compiled once per rule set."""

    whole: frozenset
    social: frozenset
    home: frozenset
    menu: frozenset
    menu_words: frozenset  # every word of the ``menu`` phrases: a line with another word is no menu
    lead: regex.Pattern
    credit: regex.Pattern
    call: regex.Pattern
    channels: tuple
    cookie_words: regex.Pattern
    cookie_opener: regex.Pattern
    purpose: tuple
    consent: tuple
    audience: frozenset
    buttons: frozenset
    button_words: frozenset
    opens_widget: frozenset
    opens_menu: frozenset
    opens_home: frozenset
    cookie_gate: tuple


def vocabulary(rules: RuleSet) -> Vocabulary:
    """The compiled vocabulary of ``rules`` (memoised on the rule set)."""
    return rules.derived("widget_phrases", _build)


def _build(rules: RuleSet) -> Vocabulary:
    table = rules.table("widget_phrases")
    langs = lambda key: [p for lang in table[key].values() for p in lang]  # noqa: E731
    cookie = table["cookie"]
    buttons = frozenset(fold(b) for b in cookie["buttons"])
    whole = frozenset(fold(p) for p in langs("whole"))
    social = frozenset(w for name in langs("social") for w in fold(name).split())
    home = frozenset(fold(p) for p in langs("home"))
    menu = frozenset(fold(p) for p in langs("menu"))
    openers = langs("lead") + langs("credit") + langs("call")
    return Vocabulary(
        whole=whole,
        social=social,
        home=home,
        menu=menu,
        menu_words=frozenset(w for p in menu for w in p.split()),
        lead=_opening(langs("lead"), r"\s*:\s*(?=(?-i:\p{Lu})|[\d«\"“„'])(?!.*[^.]\.\s*$)"),
        credit=_opening(langs("credit"), r"\s*:\s*\S(?!.*[^.]\.\s*$)"),
        call=_opening(langs("call"), r"(?!\w)"),
        channels=tuple(fold(c) for c in langs("channels")),
        cookie_words=regex.compile("|".join(regex.escape(w) for w in cookie["words"]), regex.IGNORECASE),
        cookie_opener=_opening(cookie["openers"], r"(?!\w)"),
        purpose=tuple(p.casefold() for p in cookie["purpose"]),
        consent=tuple(fold_case(p) for p in cookie["consent"]),
        audience=frozenset(fold(w) for w in cookie["audience"]),
        buttons=buttons,
        button_words=frozenset(w for b in buttons for w in b.split()),
        opens_widget=opening_words(social | whole | {fold(p) for p in openers}),
        opens_menu=opening_words(menu),
        opens_home=opening_words(home),
        cookie_gate=_cookie_gate(cookie["words"]),
    )


def _cookie_gate(words: list[str]) -> tuple:
    """Case-insensitive literal searches that find every cookie word: a word that holds another is
    found by that one, and words with the same first three characters by their common start.
    A page where none is found has no cookie word. A single literal is a fast scan; an alternation
    of them is not."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if not any(o != w and o in w for o in words):
            groups.setdefault(w[:3], []).append(w)
    return tuple(regex.compile(regex.escape(os.path.commonprefix(g)), regex.IGNORECASE) for g in groups.values())


def _opening(phrases: list[str], tail: str) -> regex.Pattern:
    alternatives = "|".join(regex.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return regex.compile(rf"^[^\p{{L}}\d]*(?:{alternatives}){tail}", regex.IGNORECASE)


def is_widget(text: str, vocab: Vocabulary) -> bool:
    """A share/print/subscribe button, a share bar, a related link, a credit or a call to follow the site."""
    count = len(text.split())
    if count > MAX_LINK_WORDS:
        return False  # every widget is short; most lines of a page stop here
    words = fold(text).split()
    if _is_bar(words, vocab):
        return True
    if vocab.lead.search(text):
        return True
    if vocab.credit.search(text) and count <= MAX_CREDIT_WORDS:
        return True
    return bool(vocab.call.search(text)) and count <= MAX_CALL_WORDS and any(
        c in " ".join(words) for c in vocab.channels
    )


def _is_bar(words: list[str], vocab: Vocabulary) -> bool:
    """A ``whole`` phrase, optionally followed by network names, or two or more network names."""
    start = len(words)
    while start and words[start - 1] in vocab.social:
        start -= 1  # words[start:] is the trailing run of network names
    if start == 0 and len(words) >= 2:
        return True
    return any(" ".join(words[:k]) in vocab.whole for k in range(max(start, 1), len(words) + 1))


@python_rule("chrome.widget")
def widget(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove widget lines (see :func:`is_widget`).

    Only lines that open with a network name or the first word of a ``whole``,
    ``lead``, ``credit`` or ``call`` phrase are looked at (see
    :mod:`clean.engine.openers`): any other line fails each test in :func:`is_widget`.
    """
    vocab = vocabulary(rules)
    candidates = lines_opening(vocab.opens_widget, doc.view())
    return remove_lines(doc, rule.id, (i for i in candidates if is_widget(doc.lines[i].text, vocab)))


def is_cookie_banner(text: str, vocab: Vocabulary) -> bool:
    """A line about cookies that asks for consent, or opens like a banner and states a purpose."""
    if not vocab.cookie_words.search(text) or len(text.split()) > MAX_COOKIE_WORDS:
        return False
    low = fold_case(text)
    if any(c in low for c in vocab.consent):
        return True
    return (
        bool(vocab.cookie_opener.search(text))
        and any(p in low for p in vocab.purpose)
        and bool(set(fold(text).split()) & vocab.audience)
    )


@python_rule("chrome.cookie-banner")
def cookie_banner(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove cookie banners and the button lines right after them.

    A banner names cookies (``cookie_words``), so a page where no cookie word is
    found (see :func:`_cookie_gate`) has none.
    """
    vocab = vocabulary(rules)
    text = doc.view().text
    if not any(word.search(text) for word in vocab.cookie_gate):
        return doc
    kept = doc.kept_indices()
    marked: list[int] = []
    for n, i in enumerate(kept):
        if not is_cookie_banner(doc.lines[i].text, vocab):
            continue
        marked.append(i)
        for j in kept[n + 1 : n + 1 + BUTTON_WINDOW]:
            if not _is_button(doc.lines[j].text, vocab):
                break
            marked.append(j)
    return remove_lines(doc, rule.id, marked)


def _is_button(text: str, vocab: Vocabulary) -> bool:
    folded = fold(text)
    return bool(folded) and (folded in vocab.buttons or all(w in vocab.button_words for w in folded.split()))
