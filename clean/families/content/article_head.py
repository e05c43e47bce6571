"""Where an article's region begins and ends on a whole page: its headline (the title line's echo, or a
headline-like line above the text), a second article's headline over its date line, and the date line
right after the text. The thresholds are named here; :mod:`clean.families.content.main_content` uses them.
"""

from __future__ import annotations

import regex

from clean.families.chrome.widgets import fold
from clean.families.content.blocks import MAX_SHORT_RUN, longest_short_run
from clean.families.content.line_features import (
    BAD,
    MIN_REPEAT_CHARS,
    NEAR,
    SENTENCE_END,
    SHORT,
    STAMP,
    LineInfo,
    is_echo,
)
from clean.model.document import Document, fold_case

SECOND_WORD = regex.compile(r"[^\p{L}]*\p{L}+[^\p{L}]+(\p{L}+)")  # a line's second word, as fold splits it
ECHO_REACH = 60  # lines before an article's text where its echoed headline may be
ECHO_INSIDE = 3  # lines into a block where its headline may still be (a lead before the headline)
HEAD_WINDOW = 12  # lines before a block searched for its headline
TAIL_WINDOW = 3  # lines after a block searched for its date line
DATED_HEAD_LINES = 3  # a second article's date line is this close to its text
HEADLINE_MIN_WORDS = 4  # a second article's headline: a name over a comment is shorter
KICKER_MIN_WORDS = 2  # a headline's kicker between its date line and it: a one-word line is a rubric
SUBHEADING_WORDS = 4  # a subheading inside an article, over its last paragraph
MAX_LIST_LINES = 60  # the items of a list that the article's text introduces with a colon


def echo_line(infos: list[LineInfo], a: int) -> int | None:
    """The first line repeating the title line's headline, from :data:`HEAD_WINDOW` lines before
    position ``a`` to :data:`ECHO_INSIDE` lines into the block there."""
    window = range(max(1, a - HEAD_WINDOW), min(len(infos), a + ECHO_INSIDE))
    return next((k for k in window if is_echo(infos[0], infos[k])), None)


def region_head(infos: list[LineInfo], a: int) -> int:
    """Where the region of the block starting at ``a`` starts: its headline, or the block itself."""
    far = far_echo(infos, a)
    if far is not None:
        return far
    found = near_headline(infos, a, 1)
    return a if found is None else with_kicker(infos, found)


def with_kicker(infos: list[LineInfo], h: int) -> int:
    """The headline at ``h``, or the short line right above it when a date line is right above that: the
    article's head printed as date, kicker, headline (a kicker of :data:`KICKER_MIN_WORDS` words or more,
    printed once on the page and ending no sentence; a rubric is one word, or repeated in the menus)."""
    if h < 3 or infos[h - 2].cls != STAMP:
        return h
    kicker = infos[h - 1]
    if kicker.cls == SHORT and kicker.words >= KICKER_MIN_WORDS and kicker.copies == 1 and not kicker.ends:
        return h - 1
    return h


def far_echo(infos: list[LineInfo], a: int) -> int | None:
    """The echo of the title line up to :data:`ECHO_REACH` lines before position ``a`` when what
    lies between is the article's: no date line past the headline's own, no run of more than
    :data:`MAX_SHORT_RUN` short lines (a list of figures or names the scraper cut up stays in)."""
    for k in range(a - 1, max(0, a - ECHO_REACH), -1):
        if is_echo(infos[0], infos[k]):
            between = infos[k + 1 + DATED_HEAD_LINES : a]
            if any(info.cls == STAMP for info in between) or longest_short_run(between) > MAX_SHORT_RUN:
                return None
            return k
    return None


def near_headline(infos: list[LineInfo], a: int, min_words: int) -> int | None:
    """The headline of the block starting at ``a``: the earliest echo of the title line within
    :data:`HEAD_WINDOW` lines before it, else the nearest headline-like line there."""
    echo = echo_line(infos, a)
    if echo is not None:
        return min(echo, a)
    for k in reversed(range(max(1, a - HEAD_WINDOW), a)):
        if infos[k].headline_like and infos[k].words >= min_words:
            return k
    return None


def dated_head(infos: list[LineInfo], a: int) -> int | None:
    """Where a second article at ``a`` starts: a headline of :data:`HEADLINE_MIN_WORDS` words right above
    a date line in the :data:`DATED_HEAD_LINES` lines before the block (a footer has no date; a comment's
    author is a name, not a headline), or None."""
    window = range(max(2, a - DATED_HEAD_LINES), a)
    stamp = next((k for k in reversed(window) if infos[k].cls == STAMP), None)
    if stamp is None or not (infos[stamp - 1].headline_like and infos[stamp - 1].words >= HEADLINE_MIN_WORDS):
        return None
    return stamp - 1


def _subheading(infos: list[LineInfo], k: int) -> bool:
    """A short line (at most :data:`SUBHEADING_WORDS` words, no closing stop, no lower-case or bullet start)
    with a sentence of text under it:
    a subheading inside the article (another story's headline is longer, and a teaser follows it as text
    does, so a longer one ends the article)."""
    head = infos[k]
    return (k + 1 < len(infos) and head.cls == SHORT and 0 < head.words <= SUBHEADING_WORDS and not head.ends
            and not head.listed and infos[k + 1].sentence and infos[k + 1].cls != BAD)


def region_tail(infos: list[LineInfo], b: int) -> int:
    """Where the region of the block ending at ``b`` ends: past the sentences right after it (a short
    last paragraph, a subheading and its sentences: :func:`_subheading`) and a list they introduce (:func:`introduced_list`), then a date line within
    :data:`TAIL_WINDOW` lines (past tags, not past a headline: a date under a related link's headline is the
    link's; nor one over a headline: a feed's first card), else the block's end."""
    while b + 1 < len(infos):
        if infos[b + 1].sentence and infos[b + 1].cls != BAD:
            b += 1
        elif _subheading(infos, b + 1):
            b += 2  # a subheading of the article and the sentence under it ('What next' / 'The next round …')
        else:
            break
    b = introduced_list(infos, b)
    for k in range(b + 1, min(len(infos), b + 1 + TAIL_WINDOW)):
        if infos[k].cls == STAMP:
            return b if _heads_card(infos, k) or _heads_comment(infos, k) else k
        if infos[k].headline_like:
            break
    return b


def _heads_comment(infos: list[LineInfo], k: int) -> bool:
    """Whether the date line at ``k`` is a reader comment's: a short name right above it (no headline) and
    a sentence of text right under it (an article's own closing date has none under it)."""
    return (0 < k < len(infos) - 1 and infos[k - 1].cls == SHORT and not infos[k - 1].headline_like
            and infos[k + 1].sentence)


def _heads_card(infos: list[LineInfo], k: int) -> bool:
    """Whether the date line at ``k`` is over a headline (past its time line) with the next date line within
    :data:`DATED_HEAD_LINES` lines under that: the first card of a feed, not the end of an article."""
    j = k + 1
    while j < len(infos) and infos[j].cls == STAMP:
        j += 1
    return (j < len(infos) and infos[j].headline_like
            and any(info.cls == STAMP for info in infos[j + 1 : j + 1 + DATED_HEAD_LINES]))


def introduced_list(infos: list[LineInfo], b: int) -> int:
    """The end of a list under the text that ends at ``b``: when the text's last line, or a short line of
    two or more words right under it, ends with a colon ('Final standings:'), the lines after it that are
    short and open like items of a list (a number and a stop, a bullet, whatever their words; lower case
    and no headline; at most
    :data:`MAX_LIST_LINES`) are the article's. Another story's headline, a date line, a line of few stop
    words or a capitalised word (a share button, a menu) ends the list. Returns ``b`` when there is none."""
    at = b
    if not infos[at].colon:
        at += 1
        if at >= len(infos) or not (infos[at].colon and infos[at].cls == SHORT and infos[at].words >= 2):
            return b
    end = at
    while (end + 1 < len(infos) and end - at < MAX_LIST_LINES and infos[end + 1].cls in (SHORT, NEAR)
           and (infos[end + 1].bullet or (infos[end + 1].listed and not infos[end + 1].headline_like))):
        end += 1
    return b if end == at else end


def title_repeated(doc: Document, kept: list[int]) -> bool:
    """Whether a later kept line is a headline-like echo of the first (what
    :func:`~clean.families.content.main_content.has_chrome` asks of a small template), found before the
    page's lines are classed. Only a line that may be headline-like (at least :data:`MIN_REPEAT_CHARS`
    characters, no sentence end, no lower-case start) and that shares a word with the title line the way
    an echo must (its second word is one of the title's, or holds the title's second word) is folded."""
    lines = doc.lines
    title = fold(lines[kept[0]].text)
    words = title.split()
    if len(title) < MIN_REPEAT_CHARS or len(words) < 2:
        return False
    title_words, inner = frozenset(words), words[1]
    for i in kept[1:]:
        text = lines[i].text.strip()
        if len(text) < MIN_REPEAT_CHARS or text[-1] in SENTENCE_END or text[0].islower():
            continue
        low = fold_case(text.replace("İ", "I"))
        second = SECOND_WORD.match(low)
        if not ((second and second[1] in title_words) or inner in low):
            continue  # an echo inside the title shares the title's words; one holding the title, its second word
        line = fold(text)
        if len(line) >= MIN_REPEAT_CHARS and (line in title or title in line):
            return True
    return False
