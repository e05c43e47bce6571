"""An item so far made of date lines alone is no item: the line after it joins it (``cut_items`` keeps
whether the item so far is all date lines as it goes, instead of looking back over the item each line).

The pages are written for these tests: runs of time lines between two teasers, after a teaser and after
a separator; the near miss has one time line, which the ladder itself keeps with the headline under it.
"""

from __future__ import annotations

import pytest

from clean.model.document import Document
from clean.pipeline import STAGES, Pipeline

RULES = Pipeline().rules
UP_TO_ITEMS = STAGES[: [stage.__name__ for stage in STAGES].index("split_items") + 1]


def segments(page: str):
    doc = Document.from_text(page)
    for stage in UP_TO_ITEMS:
        doc = stage(doc, RULES)
    return [(s.first, s.last, s.reason) for s in doc.segments]


@pytest.mark.parametrize("page, expected", [
    ("Первый материал о выборах в регионе\nТекст о выборах.\n10:45\n11:30\n12:00\n"
     "Второй материал о ремонте дорог\nТекст о дорогах.",
     [(0, 2, "items.first"), (3, 6, "items.stamp")]),
    ("Первый материал о выборах в регионе\nТекст о выборах.\n\n———\n10:45\n11:30\n"
     "Второй материал о ремонте дорог\nТекст о дорогах.",
     [(0, 1, "items.first"), (4, 7, "items.separator")]),
    ("First story about the regional election\nText about the election.\n10:45\n11:30\n"
     "Second story about road repairs\nText about the roads.",
     [(0, 1, "items.first"), (2, 5, "items.stamp")]),
])
def test_time_lines_head_the_item_under_them(page, expected):
    assert segments(page) == expected


def test_one_time_line_near_miss():
    page = "Первый материал о выборах в регионе\nТекст о выборах.\n10:45\nВторой материал о ремонте дорог\nТекст о дорогах."
    assert segments(page) == [(0, 2, "items.first"), (3, 4, "items.headline")]
