"""Page-level gates for the widget and navigation rules: the few kept lines worth a full look.

Folding every line (:func:`clean.families.chrome.widgets.fold`) costs more than the rules
themselves, and on most pages no line is a widget. Every test of those rules
fixes how a line it takes *opens*: a share bar with a network name or the first
word of a ``whole`` phrase, a menu with a section name, a breadcrumb with the
home page's name (after separators), a related link, credit or call with its
phrase (after non-letters). So one regex pass finds each line's first run of
letters, and a line is looked at only if that run, case-folded with ``ё`` as
``е``, is the first word of one of the rule's phrases (:func:`opening_words`);
the rule then checks those lines exactly as before, and returns the document
itself when none is left.

Why the gate never drops a line the full check would take: a character that is
not a letter never folds to a letter of the vocabulary, and a letter folds to
letters, so a line's first folded word is the fold of its first raw run of
letters; and every character the rule patterns match case-insensitively to one
of their letters folds to that letter. The few letters that fold to a letter and
a combining mark (``İ``, ``ǰ``...) leave a run that is not all letters, and such a
line is always looked at, as is one with :data:`ODD`; a phrase's word with the dotless
``ı`` (Turkish ``Ayrıca``), which the patterns match to ``I`` folding to ``i``, opens
lines in both spellings. tests/test_widget_gates.py
checks these facts over every code point, and gated == ungated over the test pages.

>>> from clean.model.document import Document
>>> doc = Document.from_text("Ещё по теме\\nHomeward\\n\\n» HOME / News")
>>> lines_opening(frozenset({"еще", "home"}), doc.view())
[0, 3]
"""

from __future__ import annotations

from clean.families.line_marks import remove_lines
from clean.model.document import Document, PageView

ODD = "ı"  # a letter the rule patterns match to 'I' but that folds to itself: its line is always looked at


def opening_words(phrases) -> frozenset:
    """The first words of folded ``phrases``: what the folded first run of letters of a line they open is."""
    firsts = {p.split()[0] for p in phrases if p.split()}
    return frozenset(firsts | {w.replace(ODD, "i") for w in firsts if ODD in w})


def lines_opening(words: frozenset, view: PageView) -> list[int]:
    """Indices in ``doc.lines`` of the kept lines whose first run of letters folds to one of ``words``
    (or to something that is not all letters, or holds :data:`ODD`).

    The folded runs come from :meth:`~clean.model.document.PageView.first_words`, one
    regex pass per view shared by the rules that gate on it; the common case, no
    such line, is settled without a Python loop.
    """
    folded = view.first_words()
    low = "".join(folded)
    if words.isdisjoint(folded) and ODD not in low and low.isalpha():
        return []
    return [i for i, f in zip(view.index, folded) if _may_open(f, words)]


def _may_open(folded: str, words: frozenset) -> bool:
    return bool(folded) and (folded in words or not folded.isalpha() or ODD in folded)


def drop_opening(doc: Document, rule, rules, words: frozenset) -> Document:
    """Remove the kept lines that open with one of ``words`` (:func:`lines_opening`) and match the rule's pattern.

    For a pattern rule whose every match starts at a line start (``^``) and opens with one of a few
    words: the pattern is tried at the start of those lines alone instead of scanning the page.
    """
    candidates = lines_opening(words, doc.view())
    if not candidates:
        return doc
    pattern = rules.patterns[rule.id]
    return remove_lines(doc, rule.id, [i for i in candidates if pattern.match(doc.lines[i].text)])
