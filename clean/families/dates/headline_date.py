"""The ``dates.headline-date`` rule of ``extract_metadata``: an article on a whole page, dated beside its headline.

A page saved whole prints its article's date where a reader looks for it: on a line over the headline
(``09.10.20 15:57 | Рубрика | 133``), under it past the byline, the reading time and the views, or in
the page's own feed of latest news, where the article's headline is one entry with its date. The
main-content pass takes such lines out with the page around the article, so the item's stamps miss
them. This rule reads them for an item that nothing else dated, on a page where the main-content pass
found the article (``doc.articles``).

An *anchor* is the item's headline (its first line) or a line that repeats it (its entry in a feed; a
repeat of :data:`MIN_TITLE_CHARS` at least), never the page's first line (the ``<title>``, whose
neighbours are the page's header: the crawl-time date there is no item's date; no date is read over an
anchor from the page's first :data:`HEADER_LINES` lines). From each anchor the
rule looks at most :data:`MAX_ABOVE` lines up and :data:`MAX_BELOW` lines down, over short lines only (a
byline, a rubric, a counter, a time, a button: at most :data:`MAX_META_WORDS` words), for a line that is a
full date with at most a time, a weekday and short fields after a separator (:func:`date_field_line`), or a
line that carries a stamp. A date without a year, a relative date or a line of text ends the search on
that side. When the two sides of an anchor
give different dates (an entry between two entries of a feed, whose cards may print their date above
or below the headline), the anchor gives none; when anchors disagree, the item stays undated.

A date inside a sentence, a date next to another headline (a related link), a calendar's numbers and a
date deep in the text are never read: only a date line next to the headline counts.

>>> from clean.catalog import shipped_rules
>>> date_field_line("09.10.20 15:57 | Общество | 133", shipped_rules())
('2020-10-09', '09.10.20 15:57')
>>> date_field_line("Дата: 12.10.2020 | Автор: Анна Петрова", shipped_rules())
('2020-10-12', '12.10.2020')
>>> date_field_line("9 октября 2020 года в Якутске прошла встреча.", shipped_rules()) is None
True
"""

from __future__ import annotations

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.chrome.widgets import fold
from clean.families.dates.glued_stamp import CANDIDATE, best_reading
from clean.families.dates.stamp_lines import date_line
from clean.families.items.paragraphs import TIME, is_dateline
from clean.model.document import Document

MAX_ABOVE = 2  # lines over a headline searched for its date (a time line between); further up is the menu
MAX_BELOW = 8  # lines under it: a byline, reading time, views, 'published' label, then the date
MAX_META_WORDS = 3  # a line passed over has at most this many words (a name, a label, a counter)
MAX_META_CHARS = 40
MAX_FIELD_WORDS = 5  # the fields beside the date on its line: 'Дата: … | Автор: Анна Петрова | Политика'
MAX_FIELD_CHARS = 60
HEADER_LINES = 3  # the page's first lines: the <title> and the header bar, where the crawl-time date is
HEADER_SCAN = 50  # lines looked through for them (blank lines between)
MIN_TITLE_CHARS = 20  # a shorter headline may be any menu's words: no anchor
FIELD = regex.compile(r"\s*[|•·]\s*|:\s+")  # what parts a date line's fields: '09.10.20 | Рубрика | 133'
WORD = regex.compile(r"\p{L}+")


@python_rule("dates.headline-date")
def headline_dates(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Date each undated, titled item of a whole page from the date lines beside its headline."""
    if not doc.articles or all(item.date or not item.title for item in doc.items):
        return doc
    top = [i for i, line in enumerate(doc.lines[:HEADER_SCAN]) if line.role != "blank"][:HEADER_LINES] or [0]
    items = []
    for item, segment in zip(doc.items, doc.segments):
        head = next((i for i in range(segment.first, segment.last + 1) if doc.lines[i].kept), top[0])
        found = None if item.date or not item.title else headline_date(doc, item.title, top, head, rules)
        if found is not None:
            item = item.model_copy(update={"date": found[0], "date_text": found[1], "date_rule": rule.id})
        items.append(item)
    return doc.replace(items=tuple(items))


def headline_date(doc: Document, title: str, top: list[int], head: int, rules: RuleSet) -> tuple[str, str] | None:
    """The (ISO date, its text) the lines beside the repeats of ``title`` agree on, or None; line ``head``,
    the item's first, is one of them when it is the headline, however short. ``top``: the page's first
    lines (the ``<title>``, the header bar), whose dates are the crawl's."""
    folded, lines = fold(title), doc.lines
    low, high = max(MIN_TITLE_CHARS, 0.8 * len(title)), 1.25 * len(title)
    anchors = [i for i, line in enumerate(lines)
               if low <= len(line.text) <= high and fold(line.text) == folded or i == head and line.text == title]
    anchors = [i for i in anchors if i != top[0]]
    found = {}
    for i in anchors:
        above, below = _beside(doc, i, -1, MAX_ABOVE, rules, top[-1]), _beside(doc, i, 1, MAX_BELOW, rules)
        if above and below and above[0] != below[0]:
            continue  # an entry between two others: whose date is whose, the sides cannot tell
        date = above or below
        if date:
            found.setdefault(date[0], date)
    return next(iter(found.values())) if len(found) == 1 else None


def _beside(doc: Document, i: int, step: int, reach: int, rules: RuleSet, header: int = -1) -> tuple[str, str] | None:
    """The first date line from line ``i`` in direction ``step`` within ``reach`` lines, past short lines,
    never at or above line ``header``."""
    lines, seen, k = doc.lines, 0, i + step
    while header < k < len(lines) and seen < reach:
        line = lines[k]
        k += step
        if line.role == "blank" or not line.text.strip() and line.stamp is None:
            continue
        seen += 1
        if line.stamp is not None:
            return line.stamp.date, line.stamp.text
        text = line.text.strip()
        found = date_field_line(text, rules)
        if found is not None:
            return found
        if not _passable(text, rules):
            return None
    return None


def _passable(text: str, rules: RuleSet) -> bool:
    """A line the search goes past: a time alone, or a short line that is no date (a name, a label, a count)."""
    if TIME.fullmatch(text):
        return True
    return len(text) <= MAX_META_CHARS and len(WORD.findall(text)) <= MAX_META_WORDS and not is_dateline(text, rules)


def date_field_line(text: str, rules: RuleSet) -> tuple[str, str] | None:
    """The ISO date and the date's text of a line of short fields (parted by ``|``, ``•``, ``·``, or a colon
    and a space) one of which is a full date, with at most a time and a weekday: ``Политика | 12.10.2020``,
    ``Published: March 3, 2021``. A numeric date may have a two-digit year before a time
    (``09.10.20 15:57``), read as :mod:`~clean.families.dates.glued_stamp` reads stamps."""
    fields = FIELD.split(text)
    for k, field in enumerate(fields):
        found = _date_field(field.strip(), rules)
        if found is not None:
            return found if _fields(" ".join(fields[:k] + fields[k + 1 :])) else None
    return None


def _date_field(field: str, rules: RuleSet) -> tuple[str, str] | None:
    iso = date_line(field, rules) if field else None
    if iso is not None:
        return iso, field
    stamp = CANDIDATE.match(field)
    reading = best_reading(stamp, opens_line=True, rules=rules) if stamp else None
    return (reading.iso, reading.stamp) if reading is not None and not reading.body.strip() else None


def _fields(rest: str) -> bool:
    """Nothing, or short fields: a rubric, a counter (no sentence)."""
    return not rest or (len(rest) <= MAX_FIELD_CHARS and len(WORD.findall(rest)) <= MAX_FIELD_WORDS
                        and rest.rstrip()[-1:] not in ".!?")
