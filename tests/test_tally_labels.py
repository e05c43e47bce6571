"""The names above a widget's tallies (``chrome.tally-label``): taken with their counts, text stays.

Pages written for these tests (never a real site's wording).
"""

from __future__ import annotations

from clean.model.document import Document
from clean.pipeline import Pipeline

PIPELINE = Pipeline()


def removed(lines: list[str]) -> dict[str, str]:
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    return {r.text: r.rule for r in doc.removals}


def test_the_tags_above_three_tallies_go():
    gone = removed(["Harbour news", "Bridges", "Stories this week: 12", "Old town", "Stories this week: 5",
                    "Election of 2022", "Stories this week: 1,204", "The ferry runs again from Monday, the port said."])
    assert [gone.get(t) for t in ("Bridges", "Old town", "Election of 2022")] == ["chrome.tally-label"] * 3


def test_a_sentence_above_a_tally_stays():
    lines = ["The bridge was closed for repairs on Monday.", "Stories this week: 12", "Harbour",
             "Stories this week: 5", "The new school opened its doors.", "Stories this week: 3", "Archive"]
    gone = removed(lines)
    assert "The bridge was closed for repairs on Monday." not in gone
    assert "The new school opened its doors." not in gone


def test_two_tallies_take_no_names():
    gone = removed(["Bridges", "Stories this week: 12", "Harbour", "Stories this week: 5", "Archive"])
    assert "chrome.tally-label" not in gone.values()
