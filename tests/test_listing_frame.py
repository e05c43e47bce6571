"""Where a listing's last card ends (``content.listing-frame``): footers after it go, text of the card stays.

Pages written for these tests (never a real site's wording): a listing of cards, then a footer.
"""

from __future__ import annotations

from clean.model.document import Document
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
RULE = "content.listing-frame"
HEAD = ["Lakeside Courier", "Log in", "Register", "Home", "News", "Local", "Sport", "Business", "Arts",
        "Weather", "Travel", "Jobs", "Search", "Friday, June 10, 2022"]
MENU = ["About the Courier", "Contact the newsroom", "Advertise with us", "Privacy", "Terms and conditions"]


def rubric_cards(n: int) -> list[str]:
    """Cards laid out as rubric, headline, date line (no teaser)."""
    lines = []
    for k in range(n):
        lines += ["Local", f"Ferry number {k + 1} returns to the northern pier", f"June {k + 1}, 2022"]
    return lines


def teaser_cards(n: int) -> list[str]:
    """Cards laid out as date line, headline, teaser."""
    lines = []
    for k in range(n):
        lines += [f"June {k + 1}, 2022", f"Orchard number {k + 1} opens its gates to visitors",
                  f"The orchard at the old mill number {k + 1} welcomed walkers this week, the owners said."]
    return lines


def removed(lines: list[str]) -> set[str]:
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    return {r.text for r in doc.removals if r.rule == RULE}


def kept_text(lines: list[str]) -> str:
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    return "\n".join(f"{item.title or ''}\n{item.text}" for item in doc.items)


def test_a_text_line_two_lines_under_the_last_date_is_the_footer_not_a_card():
    # headline, date, rubric: the line after the last rubric borrows no date line and ends no sentence
    cards = []
    for k in range(8):
        cards += [f"Ferry number {k + 1} returns to the northern pier", f"June {k + 1}, 2022", "Local"]
    notice = "This website is run with the support of the regional fund for local newspapers"
    gone = removed(HEAD + cards + [notice, *MENU])
    assert notice in gone and set(MENU) <= gone


def test_a_legal_notice_ends_the_last_card():
    # a long line of few stop words (names, numbers) after the last card: the footer starts there
    legal = ("Lakeside Courier Ltd, media registration certificate LC 0042 dated 12.03.2015, founder "
             "Lakeside Media Group, chief editor J. Smith, tel. 555 0101")
    cut = ["To write to the newsroom or report a mistake on the site, please use", "the feedback form", "."]
    lines = HEAD + teaser_cards(8) + ["Weather", legal, "Advertising", *cut]
    assert {legal, "Advertising", *cut} <= removed(lines)
    assert "newsroom" not in kept_text(lines)


def test_near_miss_a_paragraph_under_the_last_card_stays():
    paragraph = ("Our reporters will be at the harbour festival all weekend, and we will publish "
                 "their stories and photographs here every evening.")
    lines = HEAD + teaser_cards(8) + [paragraph, *MENU]
    assert paragraph not in removed(lines)
    assert paragraph in kept_text(lines)


def test_near_miss_the_last_teaser_without_a_full_stop_stays():
    cards = teaser_cards(8)
    cards[-1] = "The orchard at the old mill welcomed walkers this week, the owners said"
    lines = HEAD + cards + MENU
    assert cards[-1] not in removed(lines)


def test_near_miss_a_footer_like_sentence_inside_an_article_stays():
    body = [
        "The new ferry made its first crossing of the lake on Tuesday morning, carrying forty passengers "
        "and a dozen bicycles from the southern shore to the old pier in the town centre.",
        "This service is run with the support of the regional fund for local transport, the mayor said.",
        "The council hopes that the crossing will take some of the summer traffic off the lake road, "
        "which is closed for repairs for most of July and August this year.",
    ]
    headline = "New ferry crosses the lake for the first time"
    lines = [f"{headline} | Lakeside Courier", *HEAD[1:], headline, "June 7, 2022", *body, *MENU]
    text = kept_text(lines)
    assert all(line in text for line in body)


def test_a_header_link_the_footer_repeats_is_template():
    app = "Listen to the morning news with our voice assistant"
    lines = HEAD[:6] + [app] + HEAD[6:] + teaser_cards(8) + [*MENU, app]
    assert {app, *HEAD[6:]} <= removed(lines)


def test_near_miss_a_story_above_the_cards_printed_once_stays():
    story = "Flood defences finished ahead of the winter storms"
    lines = HEAD[:6] + [story] + HEAD[6:] + teaser_cards(8) + MENU
    assert story not in removed(lines)
