"""The first test of the main-content pass, from the classes of a page's lines alone: is there a
template around the text at all?

:func:`~clean.families.content.main_content.has_chrome` asks it of the full
:class:`~clean.families.content.line_features.LineInfo` of every line, and so does
``content.boilerplate`` on a page of which it cannot tell from the lengths of its lines. Most
such pages have too few chrome lines or too much text, which the classes show
(:func:`~clean.families.content.line_features.line_classes`, about half of
:func:`~clean.families.content.line_features.describe`'s work): :func:`too_little_chrome` is the
very test ``has_chrome`` makes first, so a page it turns away is one ``has_chrome`` turns away, and
the rest of the description is made only for a page it lets through (from the same classes).

>>> from clean.families.content.line_features import GOOD, SHORT
>>> too_little_chrome([GOOD, GOOD, SHORT], [0, 1, 2], taken=12), too_little_chrome([GOOD, SHORT], [0, 1], 12)
(True, False)
"""

from __future__ import annotations

from clean.families.content.line_features import GOOD, NEAR, SHORT, STAMP, line_classes
from clean.families.items.page import facts
from clean.model.document import Document

MAX_TEXT_SHARE = 0.5  # a page where more of the lines are text is clean text (a record, a dump of articles)
MIN_ECHOED_CHROME_LINES = 10  # ... fewer chrome lines (with those already taken) are no template at all


def too_little_chrome(classes: list[str], paras: list[int], taken: int = 0) -> bool:
    """True when the page has no template around its text: more than :data:`MAX_TEXT_SHARE` of its
    paragraphs are text (``good`` or ``near``), or it has under :data:`MIN_ECHOED_CHROME_LINES` short and
    date lines with the ``taken`` lines a chrome rule removed already."""
    chrome = sum(c in (SHORT, STAMP) for c in classes)
    text = len({p for p, c in zip(paras, classes) if c in (GOOD, NEAR)})  # a paragraph cut at its links is one
    return text > MAX_TEXT_SHARE * len(set(paras)) or chrome + taken < MIN_ECHOED_CHROME_LINES


def page_classes(doc: Document, rules) -> tuple:
    """:func:`~clean.families.content.line_features.line_classes` of the document's kept lines, kept in
    the page's memo, where :func:`~clean.families.content.main_content.page_infos` finds them."""
    table = facts(doc, rules, "content.classes")
    view = doc.view()
    if view.text not in table:
        table[view.text] = line_classes([doc.lines[i].text for i in view.index], rules)
    return table[view.text]
