"""``flags.duplicate`` on a home page that shows its stories again in a numbered 'most read' list
(a page written for this test): the ranked repeats are flagged, the feed's own items are not."""

from __future__ import annotations

from clean.families.flags.duplicates import same_story
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
CARDS = [
    ("Council approves new school budget", "The plan adds twelve teaching assistants and free breakfasts.", "March 3, 2022"),
    ("Ferry returns to service after repairs", "The only passenger ferry resumed crossings after six months.", "March 3, 2022"),
    ("Storm damages east pier", "Engineers say repairs could take until the summer.", "March 2, 2022"),
    ("Library extends weekend opening hours", "The main library will open on Sundays from April.", "March 2, 2022"),
    ("High school team wins state title", "The Harbor Hawks beat Riverside 3-1 in the final.", "March 1, 2022"),
    ("New bus line links the hill villages", "Route 14 will run every hour on weekdays.", "March 1, 2022"),
]


def test_a_numbered_most_read_list_repeats_the_feed():
    lines = ["Harbor Gazette - Local news", "News", "Sports", "Business", "Opinion", "Latest News"]
    for headline, teaser, date in CARDS:
        lines += [headline, teaser, date]
    lines += ["Load more", "Most Read", f"1. {CARDS[0][0]}", f"2. {CARDS[2][0]}", f"3. {CARDS[1][0]}",
              "Newsletter", "Get the day's top stories in your inbox.", "Sign up", "About us", "© 2022 Harbor Gazette"]
    items = PIPELINE.clean_text("\n".join(lines))
    assert [i.title for i in items][: len(CARDS)] == [c[0] for c in CARDS]
    assert not any("duplicate" in i.flags for i in items[: len(CARDS)])
    repeats = [i for i in items if "duplicate" in i.flags]
    assert [i.title for i in repeats] == [f"1. {CARDS[0][0]}", f"2. {CARDS[2][0]}"]


def test_a_headline_that_opens_with_a_number_is_no_rank():
    assert not same_story("3 killed in crash on the coast road", "Killed in crash on the coast road")
    assert same_story("3) Killed in crash on the coast road", "killed in crash on the coast road")
    assert not same_story("2024. Election year in review", "Election year in review")
