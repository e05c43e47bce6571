"""The main-content pass: which lines of a whole page are the article, which the page around it.

A page saved whole (one line per text node) holds its article among menus,
share bars, forms, feeds of other headlines, reader comments and footers.
This pass tells them apart the way jusText does for HTML blocks, from
features of the text alone (see :mod:`clean.families.content.line_features`):

1. *classify* each kept line: ``good`` (running text: long enough, with the
   stop words of the page's language), ``near`` (text-like but short),
   ``short``, ``stamp`` (a date or time line) or ``bad``;
2. *smooth*: a short or near line between good lines is good, between bad
   ones bad (jusText's context step);
3. *find blocks*: runs of good lines; a stamp line always ends a block, so
   the comments under an article (name, time, text) stay apart from it;
4. *choose the main region*: the largest block, preceded by its headline (the
   echo of the page's ``<title>`` line, or a headline-like line) and the
   lines between, followed by a date line close after it; any other block at
   least :data:`SECOND_SHARE` as large with a headline of its own (a second
   article) too;
5. *mark* every other line removed under ``content.boilerplate``.

It acts only where it is sure there is an article and chrome around it: a
page of fewer than :data:`MIN_LINES` lines, a page whose largest block is
under :data:`MIN_ARTICLE_CHARS` (a listing: its cards are its content), or a
page where the lines outside the chosen region are under
:data:`MIN_CHROME_SHARE` of it (clean text, a dataset record) is left as it is.

The smoothing and the blocks are :mod:`clean.families.content.blocks`.
"""

from __future__ import annotations

from clean.model.document import Document
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.content.blocks import (
    find_blocks, merge_blocks, smooth, whole_paragraphs,
)
from clean.families.content.line_features import (
    GOOD, LEN_LOW, NEAR, SHORT, STAMP, LineInfo, describe, is_echo,
)
from clean.families.content.article_head import dated_head, echo_line, region_head, region_tail, title_repeated
from clean.families.content.chrome_share import MIN_ECHOED_CHROME_LINES, page_classes, too_little_chrome
from clean.families.content.short_page import MIN_SHORT_LINES, maybe_short_story, short_region
from clean.families.items.page import facts
from clean.engine.line_marks import remove_lines

MIN_LINES = 12  # a page this short has no page around its text
MIN_ARTICLE_CHARS = 400  # the smallest block of running text that is a second article rather than a teaser
MIN_ECHOED_CHARS = 200  # the smallest article under a headline that repeats the title line
TEASER_WINDOW = 16  # lines after the echo searched for the teaser (reading time, views, share buttons between)
MIN_TEASER_CHARS = 100  # the text under an echoed headline on a page with no article block
MIN_CHROME_LINES = 25  # a page with fewer short lines (menu items, buttons, dates) has no template around it
MIN_CHROME_SHARE = 0.3  # below this share of chrome lines, a page is clean text: nothing to take out
SECOND_SHARE = 0.5  # a second article is at least this share of the first one's text
MIN_BUTTON_COPIES = 3  # a short line printed this often is a button of the template, even inside the article
ARTICLE_MIN_LINES = 3  # an article with no headline echo has at least this many text lines ...
ARTICLE_SURE_CHARS = 450  # ... this much text ...
ARTICLE_SURE_SHARE = 0.3  # ... and this share of the page's text-like lines
MAX_REPEAT_SHARE = 0.4  # ... and few of its lines repeated elsewhere on the page (a listing's cards repeat)
BYLINE_LINES = 3  # lines of authors' names between a visible headline and its date line
BYLINE_WORDS = 4  # ... each a name of at most this many words


@python_rule("content.boilerplate")
def boilerplate(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Mark the lines outside the page's main region removed (see module docstring)."""
    kept = doc.kept_indices()
    if MIN_SHORT_LINES <= len(kept) < MIN_LINES:
        return _short_page(doc, rule, rules, kept)
    if len(kept) < MIN_LINES:
        return doc
    short = sum(len(doc.lines[i].text) < LEN_LOW for i in kept)  # every short or date line is under LEN_LOW
    taken = 0
    if short < MIN_CHROME_LINES:  # a small template: only on a page saved whole (its title line repeated)
        taken = sum(1 for line in doc.lines if line.removed is not None and line.removed.startswith("chrome."))
        if short + taken < MIN_ECHOED_CHROME_LINES or not title_repeated(doc, kept):
            return doc
    _, classes, _, paras = page_classes(doc, rules)
    if too_little_chrome(classes, paras, taken):
        return doc  # what main_regions would say first (has_chrome), seen before the lines are described
    infos = page_infos(doc, rules)
    regions = main_regions(infos, taken)
    if regions is None:
        return doc
    keep = kept_positions(infos, regions)
    doc = remove_lines(doc, rule.id, (i for k, i in enumerate(kept) if k not in keep))
    lines = doc.lines
    return doc.replace(articles=tuple((lines[kept[a]].start, lines[kept[b]].end) for a, b in regions))


def _short_page(doc: Document, rule: Rule, rules: RuleSet, kept: list[int]) -> Document:
    """A short page: its story and the few lines of chrome under it (:mod:`clean.families.content.short_page`).
    Classing the lines is the cost, so a page is first checked for what the shape needs and costs
    nothing to see (:func:`~clean.families.content.short_page.maybe_short_story`)."""
    if not maybe_short_story(doc, kept):
        return doc
    infos = page_infos(doc, rules)
    region = short_region(infos, whole_paragraphs(infos, smooth([i.cls for i in infos], [i.ends for i in infos])))
    if region is None:
        return doc
    a, b = region
    if not any(r.rule.startswith("chrome.") and r.line > doc.lines[kept[b]].end for r in doc.removals):
        return doc  # no sign of a page around the story: the lines under it may be its own
    doc = remove_lines(doc, rule.id, kept[b + 1 :])
    return doc.replace(articles=((doc.lines[kept[a]].start, doc.lines[kept[b]].end),))


def page_infos(doc: Document, rules: RuleSet) -> list[LineInfo]:
    """:func:`describe` of the document's kept lines, kept in the page's memo for the listing-frame rule,
    which asks it of the same lines when this pass found no article."""
    table = facts(doc, rules, "content.describe")
    view = doc.view()
    if view.text not in table:
        table[view.text] = describe([doc.lines[i].text for i in view.index], rules, page_classes(doc, rules))
    return table[view.text]


def kept_positions(infos: list[LineInfo], regions: list[tuple[int, int]]) -> set[int]:
    """The positions kept: the regions, less a line that repeats the one before it (the headline
    printed twice) and a short line the page prints :data:`MIN_BUTTON_COPIES` times or more (a
    button under each picture, 'Expand to full screen'), a number alone above or below the text (a
    counter of views or comments), and the page's first line, the ``<title>``, unless the first region opens
    with the visible headline (the line that repeats it, a headline above a date line, with at most
    :data:`BYLINE_LINES` names between, or a line under a date line), which
    is the title where the two differ (the title rules have read the site's name from it by now)."""
    keep = set().union(*(range(a, b + 1) for a, b in regions))
    keep -= {k for k in keep if k - 1 in keep and infos[k].words >= 3 and infos[k].folded == infos[k - 1].folded}
    keep -= {k for k in keep if infos[k].copies >= MIN_BUTTON_COPIES and infos[k].cls == SHORT and infos[k].words >= 2
             and not infos[k].ends and not is_echo(infos[0], infos[k])}  # one word may be a date's month
    keep -= {k for a, b in regions for k in _head_and_tail(infos, a, b) if infos[k].counter}
    a = regions[0][0]
    dated = (infos[a].headline_like and _stamp_under(infos, a)) or _stamp_over(infos, a)
    if not (is_echo(infos[0], infos[a]) or dated):
        keep.add(0)
    return keep


def _stamp_under(infos: list[LineInfo], a: int) -> bool:
    """Whether a date line follows the line at ``a`` within :data:`BYLINE_LINES` lines, with only short
    lines (the authors' names) between."""
    for k in range(a + 1, min(len(infos), a + 2 + BYLINE_LINES)):
        if infos[k].cls == STAMP:
            return True
        if infos[k].cls != SHORT or infos[k].words > BYLINE_WORDS:
            return False
    return False


def _stamp_over(infos: list[LineInfo], a: int) -> bool:
    """Whether a date line is right above the headline at ``a``, or above the kicker at ``a`` over it."""
    head = infos[a].headline_like or (a + 1 < len(infos) and infos[a + 1].headline_like)
    return a > 1 and infos[a - 1].cls == STAMP and head


def _head_and_tail(infos: list[LineInfo], a: int, b: int) -> list[int]:
    """The positions of region (a, b) before its first line of text and after its last (a table of
    figures inside the text stays whole); the region's first line, its headline, is no line of text even
    when its words make it ``near``."""
    text = [k for k in range(a + 1, b + 1) if infos[k].cls in (GOOD, NEAR)]
    if not text:
        return []
    return [*range(a, text[0]), *range(text[-1] + 1, b + 1)]


def article_starts(doc: Document, kept: list[int]) -> list[tuple[int, str]]:
    """Where ``split_items`` starts an item on a page with ``doc.articles``: its first kept line,
    then the first kept line of each later article (``kept``: the kept lines' indices)."""
    starts = [(kept[0], "items.first")]
    for first, _ in doc.articles[1:]:
        at = next((i for i in kept if doc.lines[i].start >= first), None)
        if at is not None and at > starts[-1][0]:
            starts.append((at, "content.article"))
    return starts


def main_regions(infos: list[LineInfo], taken: int = 0) -> list[tuple[int, int]] | None:
    """The articles of the page as (first, last) positions into ``infos``, or None to leave the page alone
    (``taken``: the lines the chrome rules removed before this pass, see :func:`has_chrome`)."""
    if not has_chrome(infos, taken):
        return None
    classes = whole_paragraphs(infos, smooth([info.cls for info in infos], [info.ends for info in infos]))
    blocks = find_blocks(classes)
    sizes = [sum(infos[k].chars for k in range(a, b + 1) if classes[k] == GOOD) for a, b in blocks]
    first = _main_block(infos, blocks, sizes)
    if first is None or not _is_article(infos, classes, blocks[first], sizes[first]):
        teaser = _teaser(infos)
        return None if teaser is None else [teaser]
    blocks, sizes, first = merge_blocks(infos, blocks, sizes, first)
    regions = []
    for n, (a, b) in enumerate(blocks):
        if n == first:
            regions.append((region_head(infos, a), region_tail(infos, b)))
        elif sizes[n] >= max(MIN_ARTICLE_CHARS, SECOND_SHARE * sizes[first]) and dated_head(infos, a) is not None:
            regions.append((dated_head(infos, a), region_tail(infos, b)))
    if len(infos) - sum(b - a + 1 for a, b in regions) < MIN_CHROME_SHARE * len(infos):
        return None
    return regions


def _main_block(infos: list[LineInfo], blocks: list, sizes: list) -> int | None:
    """The block the article is: the largest one under the echo of the title line, if any block of
    :data:`MIN_ECHOED_CHARS` has one (a long reader comment is not the article); else the largest
    under a headline and a date line (a legal notice in the footer has neither); else the largest."""
    echoed = [n for n, (a, _) in enumerate(blocks)
              if sizes[n] >= MIN_ECHOED_CHARS and echo_line(infos, a) is not None
              and (n == 0 or blocks[n - 1][1] < echo_line(infos, a))]  # the echo heads the first block under it
    dated = [n for n, (a, _) in enumerate(blocks) if sizes[n] >= MIN_ARTICLE_CHARS and dated_head(infos, a) is not None]
    candidates = echoed or dated or range(len(blocks))
    return max(candidates, key=sizes.__getitem__, default=None)


def has_chrome(infos: list[LineInfo], taken: int = 0) -> bool:
    """Whether the page has a template around its text: many short lines (:data:`MIN_CHROME_LINES`, or
    :data:`MIN_ECHOED_CHROME_LINES` with the ``taken`` lines a chrome rule removed already when a
    headline-like line repeats the title line, the mark of a page saved whole), and text lines a minority."""
    if too_little_chrome([info.cls for info in infos], [info.para for info in infos], taken):
        return False
    return sum(info.cls in (SHORT, STAMP) for info in infos) >= MIN_CHROME_LINES or any(
        info.headline_like and is_echo(infos[0], info) for info in infos[1:])


def _is_article(infos: list[LineInfo], classes: list[str], block: tuple[int, int], size: int) -> bool:
    """Whether the largest block is an article: its headline echoes the title line and it has
    :data:`MIN_ECHOED_CHARS` of text, or it is long and holds a fair share of the page's text
    with few repeated lines (a listing's teasers are short and many, and repeat their headlines)."""
    a, b = block
    if echo_line(infos, a) is not None:
        return size >= MIN_ECHOED_CHARS
    lines = sum(classes[k] == GOOD and infos[k].cls != SHORT for k in range(a, b + 1))
    repeats = sum(infos[k].repeated for k in range(a, b + 1))
    text = sum(info.chars for info in infos if info.cls in (GOOD, NEAR))
    return (lines >= ARTICLE_MIN_LINES and size >= ARTICLE_SURE_CHARS and size >= ARTICLE_SURE_SHARE * text
            and repeats <= MAX_REPEAT_SHARE * (b - a + 1))


def _teaser(infos: list[LineInfo]) -> tuple[int, int] | None:
    """A page with no article block but one echo of its title line followed, within
    :data:`TEASER_WINDOW` lines, by a line of :data:`MIN_TEASER_CHARS` (an aggregator's teaser):
    the region from the echo to that line and the sentences right after it (:func:`region_tail`)."""
    echoes = [k for k in range(1, len(infos)) if is_echo(infos[0], infos[k]) and infos[k].headline_like]
    if len(echoes) != 1:
        return None
    start = echoes[0]
    body = next((k for k in range(start + 1, min(len(infos), start + TEASER_WINDOW))
                 if infos[k].chars >= MIN_TEASER_CHARS), None)
    return None if body is None else (start, region_tail(infos, body))
