"""The lines a rule can take, told by how they open: the first run of letters of each kept line.

Some rules take only lines that open with one of a few words: a pager ``Page 2 of 9``, a counter
``Views: 120``, a share bar with a network's name. Such a rule says so: a pattern rule with
``opens_with`` in its TOML (see docs/rules.md and :mod:`clean.engine.opening_gate`), a Python rule with its own vocabulary (the
widget, menu, breadcrumb, related-link and call rules of :mod:`clean.families.chrome`: every test of
theirs fixes how a line it takes opens, and folding every line would cost more than the rules
themselves). One regex pass over the page view finds each line's
first run of letters (:meth:`~clean.model.view.PageView.first_words`, shared by every rule that
asks on the same view), and the rule tries only the lines whose run, case-folded with ``ё`` as
``е``, is one of its words; the common case, no such line, is settled without a Python loop.

Why the gate never drops a line the full check would take: a character that is not a letter never
folds to a letter of the vocabulary, and a letter folds to letters, so a line's first folded word
is the fold of its first raw run of letters; and every character a pattern matches
case-insensitively to one of its letters folds to that letter. The few letters that fold to a
letter and a combining mark (``İ``, ``ǰ``...) leave a run that is not all letters, and such a line
is always looked at, as is one with :data:`ODD`; a word with the dotless ``ı`` (Turkish
``Ayrıca``), which the patterns match to ``I`` folding to ``i``, opens lines in both spellings.
tests/test_widget_gates.py checks these facts over every code point, and tests/test_openers.py
that each ``opens_with`` rule takes what its pattern alone takes.

>>> from clean.model.document import Document
>>> doc = Document.from_text("Ещё по теме\\nHomeward\\n\\n» HOME / News")
>>> lines_opening(frozenset({"еще", "home"}), doc.view())
[0, 3]
"""

from __future__ import annotations

from clean.model.view import PageView

ODD = "ı"  # a letter the rule patterns match to 'I' but that folds to itself: its line is always looked at


def opening_words(phrases) -> frozenset:
    """The first words of folded ``phrases``: what the folded first run of letters of a line they open is."""
    firsts = {p.split()[0] for p in phrases if p.split()}
    return frozenset(firsts | {w.replace(ODD, "i") for w in firsts if ODD in w})


def lines_opening(words: frozenset, view: PageView) -> list[int]:
    """Indices in ``doc.lines`` of the kept lines whose first run of letters folds to one of ``words``
    (or to something that is not all letters, or holds :data:`ODD`); ``""`` in ``words`` stands for a line
    with no letter at all."""
    folded = view.first_words()
    low = "".join(folded)
    plain = ODD not in low and low.isalpha()  # no line's first word is odd
    if words.isdisjoint(folded) and plain:
        return []
    if plain:  # only the words to look up (the common case: a line or two opening with one)
        return [i for i, f in zip(view.index, folded) if f in words]
    # written out, not a function per line: a page with one such line has the others tested here too
    return [i for i, f in zip(view.index, folded) if f in words or (f and (not f.isalpha() or ODD in f))]
