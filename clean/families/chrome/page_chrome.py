"""Python rules for page chrome around the title: site name, repeated title, rubric.

A scraped article page usually opens with the ``<title>`` text (headline plus
the site's name), then a rubric or breadcrumb, then the headline again as the
``<h1>``, sometimes twice. These rules find that head of the page and leave
one title. What decides (named thresholds below):

- the site's name (after or before the headline, see :mod:`clean.families.chrome.site_names`)
  is looked for only on the first :data:`HEAD_LINES` kept lines, and only on a
  line no longer than :data:`MAX_TITLE_CHARS`;
- a repeat is a later line, within :data:`REPEAT_WINDOW` kept lines, equal to
  a headline (a head line not ending with a full stop) after case and space
  folding; every such repeat in the head goes, and the first headline repeated
  becomes the title;
- a rubric is a line of at most :data:`MAX_RUBRIC_WORDS` words without closing
  punctuation, standing between the title and its repeat, right after the
  repeat, or directly before a title that is repeated.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Новость дня\\nПолитика\\nНовость дня\\nТекст новости.")
>>> doc = repeated_title(doc, rules.get("chrome.repeated-title"), rules)
>>> [(line.role, line.removed) for line in doc.lines]
[('title', None), ('text', None), ('text', 'chrome.repeated-title'), ('text', None)]
"""

from __future__ import annotations

import regex

from clean.model.document import Document, Line, Removal
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.chrome import site_names
from clean.families.chrome.site_names import fold, folds_to

HEAD_LINES = 3
MAX_TITLE_CHARS = 300
REPEAT_WINDOW = 4
HEAD_SPAN = HEAD_LINES + REPEAT_WINDOW  # kept lines that a head line and its window cover
FAR_ECHO_LINES = 400  # kept lines below a title line searched for its headline alone (the <h1> under the menus)
MAX_RUBRIC_WORDS = 3
CLOSING = ".!?…;:"
DIGIT = regex.compile(r"\d")
NOT_A_HEADLINE = (".", ";")  # a line ending so is a sentence, never the headline


@python_rule("chrome.site-suffix")
def site_suffix(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut ``— Site.kz — slogan`` or ``| Site`` from a title line at the head of the page; remember the site."""
    return _cut_site(doc, rule, rules, site_names.suffix, site_names.may_suffix)


@python_rule("chrome.site-prefix")
def site_prefix(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Cut ``Site.kz:`` or ``Site News |`` from the front of a title line, when no suffix was found."""
    if any(line.role == "title" for line in doc.lines):
        return doc
    return _cut_site(doc, rule, rules, site_names.prefix, site_names.may_prefix)


def _cut_site(doc: Document, rule: Rule, rules: RuleSet, find, may_find) -> Document:
    """Cut the site's name that ``find`` finds in the first head line it finds one in; ``may_find`` is False
    for a line where ``find`` finds none whatever the page (so its neighbours are not gathered)."""
    kept = head_indices(doc)
    for n, i in enumerate(kept[:HEAD_LINES]):
        line = doc.lines[i]
        if len(line.text) > MAX_TITLE_CHARS or not may_find(line.text):
            continue
        domain, words = rules.derived("site_words", _site_vocabulary)
        echoes = Echoes(doc.lines[j].text for j in kept[n + 1 : n + 1 + REPEAT_WINDOW])
        found = find(line.text, domain, words, echoes, FarEchoes(doc, i))
        if found is None:
            continue
        lines = list(doc.lines)
        lines[i] = line.replace(text=found.title, role="title")
        removal = Removal(rule.id, line.start, found.cut)
        return doc.replace(lines=tuple(lines), removals=_sorted(doc.removals + (removal,)), site=doc.site or found.site)
    return doc


class Echoes:
    """The texts of the lines after a head line, asked ``fold(title) in echoes`` like a set of folded texts.

    A text is folded only when its first and last characters could fold to the
    title's (:func:`~clean.families.chrome.site_names.folds_to`): the body paragraphs
    below a title never need folding.
    """

    __slots__ = ("texts",)

    def __init__(self, texts):
        self.texts = tuple(texts)

    def __contains__(self, key: str) -> bool:
        return any(folds_to(text, key) for text in self.texts)


class FarEchoes:
    """The kept lines further down the page than :class:`Echoes` looks, found only when asked.

    Most title lines are settled by the next lines; the rest of the page is
    read (up to :data:`FAR_ECHO_LINES` kept lines) only for a line that the
    near tests leave open.
    """

    __slots__ = ("doc", "start")

    def __init__(self, doc: Document, start: int):
        self.doc, self.start = doc, start

    def __contains__(self, key: str) -> bool:
        kept = self.doc.kept_indices()
        at = kept.index(self.start) if self.start in kept else 0
        texts = (self.doc.lines[j].text for j in kept[at + 1 + REPEAT_WINDOW : at + 1 + FAR_ECHO_LINES])
        return any(folds_to(text, key) for text in texts)


def _site_vocabulary(rules: RuleSet) -> tuple[regex.Pattern, tuple[str, ...]]:
    table = rules.table("site_words")
    endings = "|".join(regex.escape(e) for e in table["domains"])
    domain = regex.compile(rf"^(?:www\.)?(?:[\w-]+\.)+(?:{endings})$", regex.IGNORECASE)
    return domain, tuple(w for lang in table["words"].values() for w in lang)


@python_rule("chrome.repeated-title")
def repeated_title(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Keep the first of a headline and its repeats; the first headline repeated becomes the page title."""
    kept = head_indices(doc)
    lines, removals, titled = list(doc.lines), list(doc.removals), False
    for n, i in enumerate(kept[:HEAD_LINES]):
        line = lines[i]
        if line.removed or len(line.text) > MAX_TITLE_CHARS or line.text.endswith(NOT_A_HEADLINE):
            continue
        key = fold(line.text)
        repeats = [j for j in kept[n + 1 : n + 1 + REPEAT_WINDOW] if not lines[j].removed and folds_to(lines[j].text, key)]
        if not repeats:
            continue
        if not titled:
            lines[i], titled = line.replace(role="title"), True
        for j in repeats:
            lines[j] = lines[j].replace(removed=rule.id)
            removals.append(Removal(rule.id, lines[j].start, lines[j].text))
    return doc.replace(lines=tuple(lines), removals=_sorted(removals)) if len(removals) > len(doc.removals) else doc


@python_rule("chrome.rubric")
def rubric(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove a one-to-three-word rubric line next to the page title."""
    kept = head_indices(doc)
    titles = [n for n, i in enumerate(kept[: HEAD_LINES + 1]) if doc.lines[i].role == "title"]
    if not titles:
        return doc
    t = titles[0]
    candidates = [kept[t - 1]] if t > 0 else []
    if t + 1 < len(kept) and _after_title_is_rubric(doc, kept, t):
        candidates.append(kept[t + 1])
    for i in candidates:
        if _is_rubric(doc.lines[i]):
            lines = list(doc.lines)
            lines[i] = doc.lines[i].replace(removed=rule.id)
            removal = Removal(rule.id, doc.lines[i].start, doc.lines[i].text)
            return doc.replace(lines=tuple(lines), removals=_sorted(doc.removals + (removal,)))
    return doc


def _after_title_is_rubric(doc: Document, kept: list[int], t: int) -> bool:
    """A short line after the title is a rubric only beside a removed repeat of the title.

    The repeat may follow the short line (title, rubric, ``<h1>``) or stand between
    the title and it (title, ``<h1>``, rubric).
    """
    title, start = kept[t], kept[t + 1]
    if any(line.removed == "chrome.repeated-title" for line in doc.lines[title + 1 : start]):
        return True
    for line in doc.lines[start + 1 : start + 1 + 2 * REPEAT_WINDOW]:
        if line.removed == "chrome.repeated-title":
            return True
        if line.kept:
            return False
    return False


def _is_rubric(line: Line) -> bool:
    words = line.text.split()
    return (
        0 < len(words) <= MAX_RUBRIC_WORDS
        and line.text[-1] not in CLOSING
        and not DIGIT.search(line.text)
        and line.text[0].isupper()
    )


def head_indices(doc: Document) -> list[int]:
    """Indices of the first :data:`HEAD_SPAN` kept lines: all that these rules look at.

    From the page view when the document has one; else from the lines, stopping
    there (a rule here that fires makes a new document, so a view built for the
    head alone would be thrown away).
    """
    if doc.cached_view is not None:
        return list(doc.cached_view.index[:HEAD_SPAN])
    found = []
    for i, line in enumerate(doc.lines):
        if line.removed is None and line.role != "blank":
            found.append(i)
            if len(found) == HEAD_SPAN:
                break
    return found


def _sorted(removals) -> tuple[Removal, ...]:
    return tuple(sorted(removals, key=lambda r: r.line))
