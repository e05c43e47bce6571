"""The site's menu on a listing page (``content.listing-frame``, ``content.listing-footer``).

Pages written for these tests (never a real site's wording): a header with the site's menu, dated
cards, and the footer (the menu again, a copyright line, legal notes) after the cards or among them.
"""

from __future__ import annotations

from clean.model.document import Document
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
MENU = ["Home", "Politics", "Business", "Sport", "Culture", "Archive"]
LEGAL = ["© 2022 Valley Gazette Ltd",
         "The Valley Gazette is registered as an online news outlet under number 12-345 by the media office."]


def cards(n: int, first: int = 1) -> list[str]:
    """Cards laid out as time line, headline."""
    lines = []
    for k in range(first, first + n):
        lines += [f"{10 + k % 10}:{15 + k % 40}", f"Ferry number {k} returns to the northern pier"]
    return lines


def header(*above: str) -> list[str]:
    return ["Valley Gazette – news of the valley", *above, "Log in", *MENU]


def outcome(lines: list[str]) -> tuple[dict[str, str], str]:
    """The rule that removed each removed line, and the text of the items."""
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    gone = {r.text: r.rule for r in doc.removals}
    return gone, "\n".join(f"{item.title or ''}\n{item.text}" for item in doc.items)


def test_a_footer_between_the_cards_and_a_feed_goes_and_the_feed_stays():
    footer = [*MENU, "Our app for your phone", *LEGAL, "Comments on this story are closed.", "Latest"]
    gone, text = outcome(header() + cards(8) + footer + cards(6, first=20) + ["About us"])
    assert {gone.get(line) for line in footer if not line.startswith("©")} == {"content.listing-footer"}
    assert "Ferry number 8 returns" in text and "Ferry number 25 returns" in text


def test_the_footer_after_the_last_card_goes_with_its_legal_lines():
    footer = ["All stories", *MENU, *LEGAL, "Reprints allowed with a link to the site",
              "The project is supported by the Valley Fund", "Opinions of the authors are their own, the fund says."]
    gone, text = outcome(header() + cards(8) + footer)
    assert all(line in gone for line in footer)
    assert "Ferry number 8 returns" in text


def test_the_menu_printed_again_among_the_cards_with_no_copyright_line_stays():
    # a second navigation bar over a block of cards is no footer: the cards under it are content
    under = ["Politics: the week in the council", "The council met on Monday and again on Thursday."]
    page = header() + cards(8) + MENU + under + cards(6, first=20) + ["About us", "Contact"]
    gone, text = outcome(page)
    assert "content.listing-footer" not in gone.values()
    assert all(line in text for line in under) and "Ferry number 25 returns" in text


def test_a_card_and_a_message_above_the_header_menu_are_the_header():
    # the visit's date beside a link looks like a card; a login message looks like a headline
    above = ["Wednesday, 14 October 2020, 21:34", "Weather in the valley today", "Please confirm the address we wrote to"]
    gone, text = outcome(header(*above) + cards(8) + ["About us", *MENU])
    assert gone.get("Weather in the valley today") == "content.listing-frame"
    assert gone.get("Please confirm the address we wrote to") == "content.listing-frame"
    assert "Ferry number 1 returns" in text


def test_a_story_between_the_header_menu_and_the_first_card_stays():
    lead = ["Storm closes the valley road for a whole day and a night",
            "The road will reopen on Friday morning, the police said after the storm had passed."]
    gone, text = outcome(header() + lead + cards(8) + ["About us", *MENU])
    assert all(line in text for line in lead)


def test_a_widget_of_rates_among_the_cards_goes_and_the_cards_stay():
    widget = ["Exchange rates", "USD", "3.21", "3.25", "EUR", "3.80", "3.86", "RUB", "0.041", "0.043"]
    gone, text = outcome(header() + cards(6) + widget + cards(4, first=20) + ["About us", *MENU])
    assert {gone.get(line) for line in widget} == {"content.listing-widget"}
    assert "Ferry number 6 returns" in text and "Ferry number 20 returns" in text


def test_a_short_run_of_figures_between_cards_stays():
    # five figures under a headline (a score, a count) are no widget
    figures = ["Results", "3", "1", "2", "0"]
    gone, text = outcome(header() + cards(6) + figures + cards(4, first=20) + ["About us", *MENU])
    assert "content.listing-widget" not in gone.values()


def test_a_label_over_every_date_line_goes_and_the_dates_stay():
    page = []
    for k in range(1, 9):
        page += ["Filed:", f"{k} June 2022", f"Ferry number {k} returns to the northern pier"]
    doc = PIPELINE.clean_document(Document.from_text("\n".join(header() + page + ["About us", *MENU])))
    rules = [r.rule for r in doc.removals if r.text == "Filed:"]
    assert rules == ["content.listing-frame", *["content.date-label"] * 7]  # the first is above the first card
    assert [item.date for item in doc.items][:2] == ["2022-06-01", "2022-06-02"]


def test_a_label_over_other_lines_stays():
    page = []
    for k in range(1, 9):
        page += [f"{k} June 2022", f"Ferry number {k} returns to the northern pier", "Route:", "North pier"]
    gone, text = outcome(header() + page + ["About us", *MENU])
    assert "content.date-label" not in gone.values()


POLL = ["Should the old bridge be closed to cars?", "Yes", "No", "Only at weekends", "See the results"]


def test_a_poll_between_the_cards_goes():
    page = header() + cards(4) + POLL + cards(4, first=20) + ["About us", *MENU]
    gone, text = outcome(page)
    assert {gone.get(line) for line in POLL} == {"content.listing-poll"}
    assert "Ferry number 4 returns" in text and "Ferry number 20 returns" in text


def test_a_question_headline_with_its_date_and_authors_stays():
    # dates above the headlines: the question's own date line is right above it
    question = ["12:40", "Will the new bridge be ready by May?", "Politics", "Anna Berg", "Tom Reed"]
    gone, text = outcome(header() + cards(4) + question + cards(4, first=20) + ["About us", *MENU])
    assert "content.listing-poll" not in gone.values()
    assert "Will the new bridge be ready by May?" in text


def test_a_question_headline_dated_under_its_authors_stays():
    # dates under the headlines: the date line comes after the rubric and the authors
    dated_under = [f"Ferry number {k} returns to the northern pier" if n == 0 else f"{10 + k}:30"
                   for k in range(1, 9) for n in range(2)]
    question = ["Will the new bridge be ready by May?", "Politics", "Anna Berg", "Tom Reed", "12:40"]
    gone, text = outcome(header() + dated_under[:8] + question + dated_under[8:] + ["About us", *MENU])
    assert "content.listing-poll" not in gone.values()


def test_the_publishers_block_under_the_last_card_goes():
    # the publisher's legal name over the newsroom's phone, then the rights and the registration
    block = ["Valley Media Group Limited Liability Company «Valley Gazette»",
             "Newsroom: tel. +44 20 7946 0958, e-mail: news@valley-gazette.example",
             "All rights to the materials on this site belong to Valley Media Group under the law of the land.",
             "The outlet is registered by the national media office under number 12-345 of 2015."]
    gone, text = outcome(header() + cards(8) + block + ["About us"])
    assert block[0] in gone and block[2] in gone and block[3] in gone
    assert "Ferry number 8 returns" in text


def test_a_last_card_over_a_photo_credit_stays():
    credit = ["Bakers win the regional bread contest this spring",
              "The family still bakes its bread in the same oven it bought in 1973.", "Photo: Anna Berg"]
    gone, text = outcome(header() + cards(8) + credit + ["About us", *MENU])
    assert credit[0] in text and credit[1] in text


def test_a_lead_story_above_the_header_menu_stays():
    lead = ["Storm closes the valley road for a whole day and a night",
            "The road will reopen on Friday morning, the police said after the storm had passed over the hills."]
    gone, text = outcome(["Valley Gazette – news of the valley", *lead, "Log in", *MENU] + cards(8) + ["About us", *MENU])
    assert all(line in text for line in lead)


def test_a_trailing_link_is_cut_whatever_closes_it_and_a_closed_sentence_is_not_read():
    from clean.families.chrome.trailing_links import trailing_links

    rules = PIPELINE.rules
    rule = rules.get("chrome.trailing-link")
    lines = ["The bank said the app would work again by noon.Read more", "The bank said the app would work again.Read more...",
             "The bank said the app would work again.Read more…", "The bank said the app would work again. Read more →",
             "The bank said it would tell us more.", "The bank said the app would work again by noon."]
    doc = trailing_links(Document.from_text("\n".join(lines)), rule, rules)
    assert [r.line for r in doc.removals] == [1, 2, 3, 4]


def test_a_poll_that_ends_the_page_of_a_listing_with_its_dates_under_the_headlines_is_read():
    # cards of headline, date line, rubric; the poll's answers are the page's last lines
    page = ["Valley Gazette – news of the valley", "Log in", *MENU]
    for k in range(1, 10):
        page += [f"Ferry number {k} returns to the northern pier", f"{10 + k}:15", "Transport"]
    page += [*MENU, *POLL]
    gone, text = outcome(page)  # no IndexError: the question's date line would be past the last line
    assert "Ferry number 9 returns" in text
