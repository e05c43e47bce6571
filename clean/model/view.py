"""The page view: a document's kept lines joined into one string, so a rule scans a page in one regex call.

>>> view = PageView(index=(0, 2), text="Title\\nBody.", offsets=(0, 6))
>>> view.index[view.position(7)]
2
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from clean.model.slots_init import quick_init

FIRST_LETTERS = regex.compile(r"\n[^\p{L}\n]*+(\p{L}*)")  # in "\n" + text: each line's first run of letters


def fold_case(text: str) -> str:
    """``text`` case-folded with ``ё`` read as ``е``: how the vocabulary rules compare words.

    >>> fold_case("Ещё ПО ТЕМЕ")
    'еще по теме'
    """
    return text.casefold().replace("ё", "е")


@quick_init
@dataclass(frozen=True, slots=True)
class PageView:
    """The kept lines of a document joined into one string, for page-level regex passes.

    ``text`` is the kept lines joined with ``\\n``; ``offsets[k]`` is where the
    k-th kept line starts in it and ``index[k]`` is that line's index in
    ``doc.lines``. A rule scans ``text`` once in C and looks at a line in
    Python only where something matched.
    """

    index: tuple[int, ...]
    text: str
    offsets: tuple[int, ...]
    cached_first_words: tuple[str, ...] | None = field(default=None, compare=False, repr=False)

    def position(self, offset: int) -> int:
        """k such that ``offset`` falls in the k-th kept line (or the line end after it)."""
        return bisect_right(self.offsets, offset) - 1

    def first_words(self) -> tuple[str, ...]:
        """The first run of letters of each kept line, case-folded with ``ё`` read as ``е`` ('' for a line
        with no letter; ``"\\n"`` for every line if one holds a line end of its own, so that no run is trusted).

        The widget, menu and breadcrumb rules each decide from it which lines are worth a full look
        (:mod:`clean.engine.openers`); they run one after another on the same view, so it is
        computed once, on first use, and kept like the view itself.

        >>> from clean.model.document import Document
        >>> Document.from_text("» Ещё по теме\\n\\n12 HOME / News").view().first_words()
        ('еще', 'home')
        """
        words = self.cached_first_words
        if words is None:
            runs = FIRST_LETTERS.findall("\n" + self.text)
            if len(runs) == len(self.index):
                words = tuple(fold_case("\n".join(runs)).split("\n"))
            else:
                words = ("\n",) * len(self.index)
            object.__setattr__(self, "cached_first_words", words)
        return words
