"""A numeric date with a slash that only reads month first (``11/20/2020``, as US pages write it) is read so;
one that reads day first stays day first (``05/06/2020`` is 5 June), and a dot never swaps."""

from __future__ import annotations

import pytest

from clean.catalog import shipped_rules
from clean.families.dates.reader import find_dates
from clean.pipeline import Pipeline

RULES = shipped_rules()


@pytest.mark.parametrize("text, iso", [
    ("11/20/2020", "2020-11-20"),
    ("Posted 2/29/2020 at 5 pm", "2020-02-29"),
    ("20/11/2020", "2020-11-20"),
    ("05/06/2020", "2020-06-05"),  # both readings are dates: day first, as before
    ("11.20.2020", None),  # a dot: day first only, and no 20th month
    ("2/29/2021", None),  # no 29 February in 2021 either way
    ("13/13/2020", None),
])
def test_month_first_only_where_day_first_is_no_date(text, iso):
    found = next(find_dates(text, RULES), None)
    assert (found.iso if found else None) == iso


def test_a_us_date_line_dates_its_item():
    items = Pipeline().clean_text("Council approves budget\n11/20/2020\nThe council approved the budget on Friday.")
    assert items[0].date == "2020-11-20"
