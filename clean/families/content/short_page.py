"""The main-content pass on a short page: a headline, one run of text, and a few lines of chrome under it.

A page of fewer than :data:`~clean.families.content.main_content.MIN_LINES` lines has no
template for the pass to learn from, but an aggregator's copy of a story often is that short:
the headline, a byline, the text, then a link to the source and whatever the server printed
after it. :func:`short_region` takes such a page only when its shape leaves no doubt:

- the page's first line is headline-like (it is the headline: a short page has no ``<title>``
  line of its own), and at most :data:`MAX_HEAD_LINES` short or date lines lie between it and
  the text;
- the text is the page's only block (:mod:`clean.families.content.blocks`) of at least
  :data:`MIN_TEXT_LINES` lines and :data:`MIN_TEXT_CHARS` characters;
- under the text (past a last short sentence and a date line, as on a whole page) lie one to
  :data:`MAX_TAIL_LINES` lines and none of them is a sentence or text;
- and a chrome rule has already taken a line under the text (a link to the source, a share
  bar): the sign of a page around the story. Without it the lines under a text may be its
  own (the names under quotes of an interview, a signature).

The region is then the headline to the end of the text, and the lines under it are chrome. A
record with a line of text or a sentence under its body, or two runs of text, is left alone.

>>> from clean.families.content.line_features import LineInfo
>>> line = lambda cls, headline=False, sentence=False: LineInfo(cls, 80, 12, headline, "", sentence)
>>> infos = [line("short", True), line("short"), *[line("good", sentence=True)] * 3, line("short", True)]
>>> short_region(infos, ["bad", "bad", "good", "good", "good", "bad"])
(0, 4)
>>> short_region(infos[:-1], ["bad", "bad", "good", "good", "good"]) is None
True
"""

from __future__ import annotations

from clean.families.content.blocks import find_blocks
from clean.families.content.line_features import GOOD, LEN_LOW, NEAR, SENTENCE_END, SHORT, STAMP, LineInfo
from clean.model.document import Document

MIN_SHORT_LINES = 5  # fewer lines are a headline and a paragraph, or a note: nothing to take out
MAX_HEAD_LINES = 3  # short lines (a byline, a time, a 'Preview' label) between headline and text
MIN_TEXT_LINES = 2
MIN_TEXT_CHARS = 200
MAX_TAIL_LINES = 3  # a source link and a line or two the server printed after the page


def maybe_short_story(doc: Document, kept: list[int]) -> bool:
    """What :func:`short_region` needs that is seen without classing a line: a line a chrome rule took
    below the first long line, :data:`MIN_TEXT_LINES` lines of :data:`~clean.families.content.line_features.LEN_LOW`
    characters, and a last line that ends no sentence (the tail)."""
    lines = doc.lines
    if lines[kept[-1]].text.rstrip()[-1:] in SENTENCE_END:
        return False  # the cheapest test first: most short pages end with their text's last sentence
    long = [i for i in kept if len(lines[i].text) >= LEN_LOW]
    if len(long) < MIN_TEXT_LINES:
        return False
    first = lines[long[0]].end
    return any(r.line > first and r.rule.startswith("chrome.") for r in doc.removals)


def short_region(infos: list[LineInfo], classes: list[str]) -> tuple[int, int] | None:
    """The (first, last) positions of the story on a short page, or None (see module docstring);
    ``classes`` are the smoothed classes of ``infos``."""
    blocks = find_blocks(classes)
    if len(blocks) != 1 or not infos[0].headline_like:
        return None
    a, b = blocks[0]
    text = [k for k in range(a, b + 1) if classes[k] == GOOD]
    if len(text) < MIN_TEXT_LINES or sum(infos[k].chars for k in text) < MIN_TEXT_CHARS:
        return None
    if not 1 <= a <= 1 + MAX_HEAD_LINES or any(infos[k].cls not in (SHORT, STAMP) for k in range(1, a)):
        return None
    while b + 1 < len(infos) and infos[b + 1].sentence:
        b += 1
    if b + 1 < len(infos) and infos[b + 1].cls == STAMP:
        b += 1
    tail = infos[b + 1 :]
    if not 1 <= len(tail) <= MAX_TAIL_LINES or any(i.sentence or i.cls in (GOOD, NEAR) for i in tail):
        return None
    return (0, b)
