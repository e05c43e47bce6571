"""Smoothing and blocks for the main-content pass: which runs of lines are running text.

After :func:`~clean.families.content.line_features.describe` has classed each line,
:func:`smooth` lets short and near lines take their neighbours' class (jusText's
context step), :func:`whole_paragraphs` makes a paragraph good as a whole,
:func:`find_blocks` cuts the good lines into runs, and :func:`merge_blocks` grows
the largest run over short gaps inside an article.

A short line between running text stays, a run of them (a menu) does not:

>>> smooth(["good", "short", "good", "short", "short", "short", "short", "short", "good"])
['good', 'good', 'good', 'bad', 'bad', 'bad', 'bad', 'bad', 'good']
"""

from __future__ import annotations

from clean.families.content.line_features import BAD, GOOD, NEAR, SHORT, STAMP, LineInfo

MAX_SHORT_RUN = 4  # short lines between text lines that stay text (a link split out of a sentence)
MAX_GAP = 12  # lines between two runs of text that still make one article (no date line among them) ...
MAX_GAP_RUN = 6  # ... and no run of more short lines (a form, a list of links)


def smooth(classes: list[str], ends: list[bool] | None = None) -> list[str]:
    """jusText's context step: near and short lines take the class of their neighbours.

    First a near line is good when the nearest line on either side that is not short,
    no more than :data:`MAX_SHORT_RUN` lines away, is good, or is near with one of the two paragraphs ending a sentence (``ends``; two headlines
    of other stories side by side are no text). Then a run of at most
    :data:`MAX_SHORT_RUN` short lines (a link split out of a sentence, a subheading) is good
    between good lines; a longer run is a menu or a list of links, and stays out.
    """
    out = list(classes)
    ends = [True] * len(classes) if ends is None else ends
    for k, cls in enumerate(classes):
        if cls == NEAR:
            out[k] = GOOD if _texts_beside(classes, ends, k, -1) or _texts_beside(classes, ends, k, 1) else BAD
    k = 0
    while k < len(out):
        if out[k] != SHORT:
            k += 1
            continue
        end = k
        while end < len(out) and out[end] == SHORT:
            end += 1
        between = 0 < k and end < len(out) and out[k - 1] == GOOD and out[end] == GOOD
        out[k:end] = [GOOD if between and end - k <= MAX_SHORT_RUN else BAD] * (end - k)
        k = end
    return out


def whole_paragraphs(infos: list[LineInfo], classes: list[str]) -> list[str]:
    """The classes with every line of a paragraph good where one of its lines is."""
    good = {info.para for info, cls in zip(infos, classes) if cls == GOOD}
    return [GOOD if info.para in good and cls != STAMP else cls for info, cls in zip(infos, classes)]


def _texts_beside(classes: list[str], ends: list[bool], k: int, step: int) -> bool:
    """Whether the nearest line not short on one side of near line ``k`` is text it can lean on."""
    j = _nearest(classes, k, step)
    return j is not None and (classes[j] == GOOD or (classes[j] == NEAR and (ends[j] or ends[k])))


def _nearest(classes: list[str], k: int, step: int) -> int | None:
    """The position of the nearest line before/after ``k`` that is not short, if it is close."""
    for _ in range(MAX_SHORT_RUN + 1):
        k += step
        if not 0 <= k < len(classes):
            return None
        if classes[k] != SHORT:
            return k
    return None


def find_blocks(classes: list[str]) -> list[tuple[int, int]]:
    """Runs of good lines, as (first, last) positions."""
    blocks, start = [], None
    for k, cls in enumerate(classes + [BAD]):
        if cls == GOOD and start is None:
            start = k
        elif cls != GOOD and start is not None:
            blocks.append((start, k - 1))
            start = None
    return blocks


def merge_blocks(infos: list[LineInfo], blocks: list, sizes: list, first: int) -> tuple[list, list, int]:
    """The blocks with the largest one grown over its neighbours: a gap of at most :data:`MAX_GAP`
    lines with no date line in it (a caption, a quote, a run of links inside the article) joins them."""
    lo = hi = first
    while lo > 0 and _joins(infos, blocks[lo - 1][1], blocks[lo][0]):
        lo -= 1
    while hi + 1 < len(blocks) and _joins(infos, blocks[hi][1], blocks[hi + 1][0]):
        hi += 1
    merged = (blocks[lo][0], blocks[hi][1])
    rest = blocks[:lo] + [merged] + blocks[hi + 1 :]
    return rest, sizes[:lo] + [sum(sizes[lo : hi + 1])] + sizes[hi + 1 :], lo


def _joins(infos: list[LineInfo], end: int, start: int) -> bool:
    gap = infos[end + 1 : start]
    return len(gap) <= MAX_GAP and all(info.cls != STAMP for info in gap) and longest_short_run(gap) <= MAX_GAP_RUN


def longest_short_run(infos: list[LineInfo]) -> int:
    longest = run = 0
    for info in infos:
        run = run + 1 if info.cls == SHORT else 0
        longest = max(longest, run)
    return longest
