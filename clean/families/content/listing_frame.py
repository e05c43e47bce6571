"""The frame of a listing page: the template above its first card and below its last (``content.listing-frame``).

A listing (a home page, a rubric, an archive) is a run of cards, each a
headline with a date line or a teaser beside it; its cards are its content,
and :mod:`clean.families.content.main_content` leaves such a page alone. What
lies above the first card (login, menus, the date of the visit, the weather)
and below the last (the footer) is the site's template. A *card* here is a
headline-like line (:class:`~clean.families.content.line_features.LineInfo`:
three to thirty words, no full stop) with a date line right before or after
it (up to :data:`CARD_REACH` lines away), or a line of text under it. The pass acts only on a page with at least
:data:`MIN_CARDS` cards and no article. The page's first line, its ``<title>``, goes too: the title
rules have read the site's name from it by then, and it is no card's headline. Above the first card,
a line of text or a long headline stops the cut (a story in another layout is content).

The same pass finds what lies among the cards and is the template's too, and hands it through the
page's memo to the rules after it, each audited under its own id: the footer printed among the cards
(``content.listing-footer``, :mod:`clean.families.content.listing_menus`), widgets of figures
(``content.listing-widget``), the labels over the cards' date lines (``content.date-label``) and reader
polls (``content.listing-poll``, all three :mod:`clean.families.content.listing_widgets`). They act only
on a page this rule framed: switched off, it leaves them nothing to do.

>>> from clean.catalog import shipped_rules
>>> from clean.families.content.line_features import describe
>>> cards = []
>>> for n in range(1, 7):
...     cards += [f"{n} May 2021", f"Headline number {n} about the harbour", f"The harbour works went on, said the port."]
>>> lines = ["Harbour news", "Home", "Sport", *cards, "About us", "Contact"]
>>> frame(describe(lines, shipped_rules()))
(3, 20)
"""

from __future__ import annotations

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.content.line_features import BAD, GOOD, LEN_LOW, NEAR, STAMP, LineInfo, is_echo
from clean.families.content.listing_menus import dates_under, footers, header_menu, menu_runs
from clean.families.content.listing_widgets import data_tables, date_labels, polls
from clean.families.content.main_content import MIN_CHROME_LINES, MIN_LINES, has_chrome, page_infos
from clean.families.items.page import facts
from clean.engine.line_marks import remove_lines
from clean.model.document import Document

MIN_CARDS = 6  # fewer headline cards do not make a listing
CARD_REACH = 2  # lines between a card's headline and its date line (a link, a rubric)
MIN_KEPT_HEADLINE_WORDS = 5
FOOTER = "content.listing-footer"
WIDGET = "content.listing-widget"
LABEL = "content.date-label"
POLL = "content.listing-poll"
PARTS = "content.listing-parts"  # the memo's entry: what this rule found for the four rules after it
COPYRIGHT = "chrome.copyright"
CONTACTS = ("contact.press-footer", "credit.site-maker")  # the newsroom's phone and mail, who made the site
CARD_TAIL = 6  # lines after the last card's headline searched for its date line or teaser (past links, images)


@python_rule("content.listing-frame")
def listing_frame(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Mark the lines above the first card and below the last removed (see module docstring)."""
    kept = doc.kept_indices()
    if doc.articles or len(kept) < MIN_LINES or sum(len(doc.lines[i].text) < LEN_LOW for i in kept) < MIN_CHROME_LINES:
        return doc
    infos = page_infos(doc, rules)
    if not has_chrome(infos):
        return doc
    cards, runs = _cards(infos), menu_runs(infos)
    menu = header_menu(infos, cards, runs)
    found = _frame(infos, cards, menu, marked_positions(doc, kept, CONTACTS))
    if found is None:
        return doc
    first, last = found
    doc = remove_lines(doc, rule.id, (i for k, i in enumerate(kept) if k < first or k > last))
    texts, under = [doc.lines[i].text for i in kept], dates_under(infos)
    parts = {FOOTER: footers(infos, menu, marked_positions(doc, kept, (COPYRIGHT,), "©"), runs, under),
             WIDGET: data_tables(infos, texts), LABEL: date_labels(infos, texts), POLL: polls(infos, texts, under)}
    handed = {name: tuple(kept[k] for a, b in spans for k in range(max(a, first), min(b, last) + 1))
              for name, spans in parts.items() if spans}
    if handed:  # for the rules after this one: the header's menu they need is in the lines this rule took
        facts(doc, rules, PARTS)[doc.source.sha256] = handed
    return doc


@python_rule(FOOTER)
def listing_footer(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Mark the footers that ``content.listing-frame`` found among the cards removed
    (:func:`~clean.families.content.listing_menus.footers`)."""
    return _handed(doc, rule, rules)


@python_rule(WIDGET)
def listing_widget(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Mark the widgets of figures that ``content.listing-frame`` found among the cards removed
    (:func:`~clean.families.content.listing_widgets.data_tables`)."""
    return _handed(doc, rule, rules)


@python_rule(LABEL)
def date_label(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Mark the labels over the cards' date lines that ``content.listing-frame`` found removed
    (:func:`~clean.families.content.listing_widgets.date_labels`)."""
    return _handed(doc, rule, rules)


@python_rule(POLL)
def listing_poll(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Mark the polls among the cards that ``content.listing-frame`` found removed
    (:func:`~clean.families.content.listing_widgets.polls`)."""
    return _handed(doc, rule, rules)


def _handed(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    found = facts(doc, rules, PARTS)
    if not found:
        return doc
    lines = found.get(doc.source.sha256, {}).get(rule.id, ())
    return remove_lines(doc, rule.id, (i for i in lines if doc.lines[i].removed is None))


def marked_positions(doc: Document, kept: list[int], rule_ids: tuple[str, ...], sign: str = "") -> set[int]:
    """Positions into ``kept`` of the kept lines right after a line one of ``rule_ids`` took (the copyright
    line, the newsroom's contacts), and of the lines that hold ``sign`` (the copyright sign)."""
    found = {k for k, i in enumerate(kept) if sign in doc.lines[i].text} if sign else set()
    at = 0
    for removal in doc.removals:
        if removal.rule in rule_ids:
            while at < len(kept) and doc.lines[kept[at]].start < removal.line:
                at += 1
            found.add(min(at, len(kept) - 1))
    return found


def frame(infos: list[LineInfo]) -> tuple[int, int] | None:
    """The (first, last) positions of the page's cards, or None when it has fewer than :data:`MIN_CARDS`.
    Cards above the site's menu (:func:`~clean.families.content.listing_menus.header_menu`) are the
    header's, and above that menu only a line of text is a story (:func:`_may_be_content`)."""
    cards = _cards(infos)
    return _frame(infos, cards, header_menu(infos, cards, menu_runs(infos)), set())


def _frame(infos: list[LineInfo], cards: list[int], menu: tuple[int, int] | None,
           contacts: set[int]) -> tuple[int, int] | None:
    """:func:`frame` with the page's ``cards``, its header ``menu`` and the positions right under the
    newsroom's contact lines (``contacts``): a last card whose headline sits right over them is the
    publisher's block (its legal name over its phone, the rights and the registration under), not a card."""
    top = 1 if menu is None else menu[1] + 1
    cards = [k for k in cards if k >= top]
    if len(cards) < MIN_CARDS:
        return None
    first = cards[0] - 1 if infos[cards[0] - 1].cls == STAMP else cards[0]
    below = {info.folded for info in infos[first:] if info.copies > 1}
    first = next((k for k in range(1, first) if _may_be_content(infos[k], below, k < top)
                  and not is_echo(infos[0], infos[k])), first)
    if first < top and first > 1 and infos[first - 1].headline_like:  # the headline over a lead story's text
        first -= 1
    if len(cards) > MIN_CARDS and cards[-1] + 1 in contacts:
        return first, cards[-1] - 1  # what lies between the last cards and the publisher's block stays
    return first, _card_end(infos, cards[-1])


def _cards(infos: list[LineInfo]) -> list[int]:
    return [k for k in range(1, len(infos)) if _is_card(infos, k)]


def _card_end(infos: list[LineInfo], headline: int) -> int:
    """The last line of the last card: its date line or teaser, up to :data:`CARD_TAIL` lines under its
    headline (past links, images). A line of few stop words (the copyright line, a legal notice, a row of
    names) ends the search: the footer starts there. A text line that neither ends a sentence nor sits
    right under the headline or a date line is the footer's (a funding notice, a slogan), not a teaser."""
    last = headline
    for k in range(headline + 1, min(len(infos), headline + 1 + CARD_TAIL)):
        info = infos[k]
        if info.cls == BAD:
            break
        if info.cls == STAMP or _teaser(infos, k, headline):
            last = k
    return last


def _teaser(infos: list[LineInfo], k: int, headline: int) -> bool:
    info = infos[k]
    if info.cls not in (GOOD, NEAR) and not info.sentence:
        return False
    return info.cls == GOOD or info.sentence or info.ends or k == headline + 1 or infos[k - 1].cls == STAMP


def _may_be_content(info: LineInfo, below: set[str], above_menu: bool = False) -> bool:
    """A line above the first card that stops the cut: text, or a headline of :data:`MIN_KEPT_HEADLINE_WORDS`
    words (a story shown in another layout above the cards; a menu item or a button has fewer), unless
    the page prints the same line again from its first card on (in ``below``): a tag or a link of the
    header that the footer or a list of tags repeats, or a story that a card shows again, so cutting
    this copy loses nothing. Above the site's menu (``above_menu``) only text stops the cut: a headline-like
    line there is a login message or a slogan, a lead story has its teaser."""
    if info.copies > 1 and info.folded in below:
        return False
    return info.cls in (GOOD, NEAR) or (not above_menu and info.headline_like and info.words >= MIN_KEPT_HEADLINE_WORDS)


def _is_card(infos: list[LineInfo], k: int) -> bool:
    """A headline-like line with a date line within :data:`CARD_REACH` lines of it, or text under it.

    Not a headline: a line whose paragraph goes on in the next line (a sentence cut at a link).
    A date line belongs to its own card (see :func:`_taken`)."""
    if not infos[k].headline_like or (k + 1 < len(infos) and infos[k + 1].para == infos[k].para):
        return False
    near = [*range(max(0, k - CARD_REACH), k), *range(k + 1, min(len(infos), k + 1 + CARD_REACH))]
    if any(infos[j].cls == STAMP and not _taken(infos, j, k) for j in near):
        return True
    after = infos[k + 1] if k + 1 < len(infos) else None
    return after is not None and (after.cls in (GOOD, NEAR) or after.sentence)


def _taken(infos: list[LineInfo], stamp: int, k: int) -> bool:
    """Whether the date line at ``stamp``, not next to the headline at ``k``, sits right beside another
    headline-like line, whose date it is (cards of headline, date, rubric: the next card's headline is
    two lines under the date, and a footer line two lines under the last date is no card)."""
    if abs(stamp - k) == 1:
        return False
    return any(0 <= j < len(infos) and j != k and infos[j].headline_like for j in (stamp - 1, stamp + 1))
