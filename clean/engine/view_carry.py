"""A changed document's page view, made from its previous view by cutting out what changed.

A rule that removes or edits a few lines makes a document with no view (:meth:`Document.view`
builds one on first use, a Python loop over every line), and with it go the first words of the
lines (:meth:`~clean.model.view.PageView.first_words`: a regex pass over the page and a case fold),
which a dozen opener gates read. Most pages change by a line or two (the title cut, a separator
removed), so :func:`carry_view` makes the new view from the old one: the text and the offsets are
sliced and shifted around each changed line (C-level), and the first words of the other lines are
kept; a changed line that stays has its first word found on its own.

Why it is the view :meth:`Document.view` would build: a line changed in place keeps its index,
a removed line leaves the view with its line end, and only the offsets after a changed line move,
by the change in its length. The first words: the pass matches each line on its own (neither the
lead it skips nor the run it takes holds a ``\\n``) and the fold (``str.casefold``, then ``ё`` as
``е``) maps each character on its own, with no context (unlike ``str.lower``'s final sigma) and
never to a ``\\n``; so a line's first word depends on its text alone. Where the old view trusted no
line's words (a line held a ``\\n`` of its own) or a changed line holds one, no words are carried:
they are found the usual way when asked. A line that was not in the view and is in the new one
(never made by the rules: a removed line is never restored) makes the view be built the usual way.
tests/test_view_carry.py checks carried == fresh on generated pages and changes.

>>> from clean.engine.line_marks import remove_lines
>>> doc = Document.from_text("Главная\\n» Ещё\\nText")
>>> doc.view().first_words()
('главная', 'еще', 'text')
>>> view = remove_lines(doc, "chrome.menu", [0]).cached_view
>>> view.index, view.text, view.offsets, view.cached_first_words
((1, 2), '» Ещё\\nText', (0, 6), ('еще', 'text'))
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress, repeat
from operator import add, is_not

from clean.model.document import Document
from clean.model.view import FIRST_LETTERS, PageView, fold_case


def carry_view(old: Document, new: Document) -> Document:
    """``new`` (``old`` with lines removed or edited in place) with the view made from ``old``'s (see module
    docstring); ``new`` as it is when ``old`` has no view or ``new`` one of its own."""
    before = old.cached_view
    if before is None or new.cached_view is not None or len(old.lines) != len(new.lines):
        return new
    index, text, offsets = before.index, before.text, before.offsets
    words = before.cached_first_words
    if words and words[0] == "\n":
        words = None  # the old view trusted no line's words
    changes = []  # (position in the view, the line's new text, or None where it left the view)
    for i in compress(range(len(new.lines)), map(is_not, old.lines, new.lines)):
        k, line = bisect_left(index, i), new.lines[i]
        kept = line.removed is None and line.role != "blank"
        if k < len(index) and index[k] == i:
            changes.append((k, line.text if kept else None))
        elif kept:
            return new  # a line back in the view: built the usual way
    for k, new_text in reversed(changes):  # from the last: the offsets before a change stay right
        start = offsets[k]
        end = offsets[k + 1] - 1 if k + 1 < len(offsets) else len(text)
        if new_text is None:
            cut_from, cut_to = (start, end + 1) if k + 1 < len(offsets) else (max(start - 1, 0), end)
            text = text[:cut_from] + text[cut_to:]
            index, offsets = index[:k] + index[k + 1 :], offsets[:k] + _shifted(offsets[k + 1 :], cut_from - cut_to)
            words = None if words is None else words[:k] + words[k + 1 :]
        else:
            text = text[:start] + new_text + text[end:]
            offsets = offsets[: k + 1] + _shifted(offsets[k + 1 :], len(new_text) - (end - start))
            words = None if words is None or "\n" in new_text else (*words[:k], _first_word(new_text), *words[k + 1 :])
    object.__setattr__(new, "cached_view", PageView(index, text, offsets, words))  # as Document.view keeps it
    return new


def _shifted(offsets: tuple[int, ...], delta: int) -> tuple[int, ...]:
    return tuple(map(add, offsets, repeat(delta))) if delta else offsets


def _first_word(text: str) -> str:
    """The first word :meth:`~clean.model.view.PageView.first_words` finds for a line (with no ``\\n``)."""
    return fold_case(FIRST_LETTERS.match("\n" + text).group(1))
