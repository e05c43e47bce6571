"""A block's heading alone between the items of a listing is no item (``items.lone-heading``); its line stays in
the audit, and headlines, sentences and short pages are left as they were."""

from __future__ import annotations

import pytest

from clean.catalog import shipped_rules
from clean.families.items.lone_heading import drop_lone_headings
from clean.model.document import Document, Segment
from clean.pipeline import Pipeline

RULES = shipped_rules()
CARDS = [
    "05 листопада 2026, 14:35", "У Полтаві відремонтують міст через Ворсклу", "Міська рада виділила 40 мільйонів гривень.",
    "04 листопада 2026, 10:12", "На Полтавщині відкрили нову амбулаторію", "Амбулаторія прийматиме мешканців трьох сіл.",
    "03 листопада 2026, 18:40", "Полтавські школярі перемогли на олімпіаді", "Четверо учнів ліцею здобули золоті медалі.",
]


@pytest.mark.parametrize("heading", ["Новини Полтави", "Poltava today", "Полтава бүгін", "#Полтава", "ОБЩЕСТВО"])
def test_a_heading_over_a_listing_is_no_item_and_stays_in_the_audit(heading):
    doc = Pipeline().clean_document(Document.from_text("\n".join([heading, *CARDS]), path="page.txt"))
    assert len(doc.items) == 3 and all(heading not in item.text for item in doc.items)
    assert [(r.rule, r.text) for r in doc.removals] == [("items.lone-heading", heading)]
    assert [r.text for r in doc.items[0].removed] == [heading]  # the first item spans it: it is in its record
    assert doc.items[0].source.line_start == 1


def test_switched_off_the_heading_is_an_item_again():
    doc = Pipeline(disable=["items.lone-heading"]).clean_document(Document.from_text("\n".join(["Новини Полтави", *CARDS])))
    assert [item.text for item in doc.items][0] == "Новини Полтави"


def segmented(texts: list[str]) -> Document:
    """A page cut one line per item, as the ladder may cut a listing."""
    doc = Document.from_text("\n".join(texts))
    return doc.replace(segments=tuple(Segment(i, i, "items.topic-shift") for i in range(len(texts))))


TEASER = ["Аким области открыл новую школу на 900 мест.", "В Алматы прошёл форум молодых учёных.",
          "Сборная выиграла первый матч отбора."]


def test_a_heading_between_items_joins_the_item_before_it():
    doc = drop_lone_headings(segmented([TEASER[0], "Самое читаемое", TEASER[1], TEASER[2]]), RULES)
    assert [(s.first, s.last) for s in doc.segments] == [(0, 1), (2, 2), (3, 3)]
    assert doc.lines[1].removed == "items.lone-heading" and doc.removals[0].text == "Самое читаемое"


@pytest.mark.parametrize("line", [
    "Курс доллара вырос.",  # a sentence
    "Казахстан возглавил ОДКБ",  # three words: a headline alone
    "Итоги дня:",  # closing punctuation
    "12 000",  # no letter
])
def test_sentences_headlines_and_numbers_stay(line):
    doc = segmented([TEASER[0], line, TEASER[1], TEASER[2]])
    assert drop_lone_headings(doc, RULES) is doc


def test_an_entry_of_a_list_of_headlines_stays_however_short():
    doc = segmented([TEASER[0], "Самое читаемое", TEASER[1], TEASER[2]])
    doc = doc.replace(segments=tuple(Segment(s.first, s.last, "items.headline-list") for s in doc.segments))
    assert drop_lone_headings(doc, RULES) is doc


def test_a_page_with_one_other_item_keeps_its_heading():
    doc = segmented(["Самое читаемое", TEASER[0], TEASER[1]])
    assert len(drop_lone_headings(doc, RULES).segments) == 2  # the heading goes: two other items remain
    doc = segmented(["Самое читаемое", TEASER[0]])
    assert drop_lone_headings(doc, RULES) is doc


@pytest.mark.parametrize("heading", ["Latest", "Новини Полтави"])
def test_a_heading_over_dated_headlines_is_not_the_first_items_title(heading):
    page = "\n".join([heading, "March 14, 2026", "City opens new library branch", "The branch has 40,000 books, the city said.",
                      "March 13, 2026", "Bus fares to rise in April", "Single fares will go up by 20 cents from April 1."])
    titles = [item.title for item in Pipeline().clean_text(page)]
    assert titles == ["City opens new library branch", "Bus fares to rise in April"]
    off = Pipeline(disable=["items.lone-heading"]).clean_text(page)
    assert off[0].title == heading  # switched off, the page reads as before: the heading over the first item
