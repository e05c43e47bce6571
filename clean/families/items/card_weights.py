"""The weights of a shape string's letters for :func:`~clean.families.items.cards.find_cards`, read on demand.

A run of cards weighs its lines (their words) only at the ends of a stretch whose leftover lines it
must place (:func:`~clean.families.items.card_ends.leftover_at_start`): on the pages of the benchmark,
fewer than one letter in a hundred. So the words of a line are counted when its weight is first read,
not for every line of every page with date lines; the weights read are those a list would give.

>>> weights = Weights([0, 0, 1], [False, True, True], LineWords(["20 мая", "Аким открыл школу"]))
>>> len(weights), weights[0], weights[1], weights[-1], weights[0:3:2]
(3, 1, 2, 3, [1, 3])
>>> LineWords(["20 мая", "Аким открыл школу", "Текст."])[::2]
[2, 1]
"""

from __future__ import annotations

from clean.families.items.paragraphs import words


class LineWords:
    """The words of each of ``texts`` (:func:`~clean.families.items.paragraphs.words`), counted when first read."""

    def __init__(self, texts: list[str]):
        self._texts, self._known = texts, [None] * len(texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self._texts)))]
        size = self._known[n]
        if size is None:
            size = self._known[n] = words(self._texts[n])
        return size


class Weights:
    """The weight of each letter: a line's own shape letter (``own[k]``) weighs the line's words
    (``sizes[owner[k]]``), a letter of a removed line or of a stamp weighs 1. Indexed as a list is."""

    def __init__(self, owner: list[int], own: list[bool], sizes):
        self._owner, self._own, self._sizes = owner, own, sizes

    def __len__(self) -> int:
        return len(self._owner)

    def __getitem__(self, k):
        owner, own, sizes = self._owner, self._own, self._sizes
        if isinstance(k, slice):
            return [sizes[owner[i]] if own[i] else 1 for i in range(*k.indices(len(owner)))]
        return sizes[owner[k]] if own[k] else 1
