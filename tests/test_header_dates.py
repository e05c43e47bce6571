"""An article's date printed between its headline and its body, past a time line or a byline, dates the item.

``extract_metadata`` is given the page as one item (what the main-content pass makes of a whole page), so
the test is about where the date is read, not about where ``split_items`` would cut a short page.
"""

from __future__ import annotations

import pytest

from clean.model.document import Document, Segment
from clean.pipeline import STAGES, Pipeline

RULES = Pipeline().rules
BODY = {
    "ru": "Министр здравоохранения рассказал журналистам о новых правилах приёма пациентов в клиниках.",
    "uk": "Міністр охорони здоров'я розповів журналістам про нові правила прийому пацієнтів у клініках.",
    "en": "The health minister told reporters about the new rules for admitting patients to clinics.",
}


def one_item(lines: list[str]):
    """The item ``extract_metadata`` makes of ``lines`` taken as one article."""
    doc = Document.from_text("\n".join(lines), path="page.txt")
    for stage in STAGES[:-2]:  # up to split_items
        doc = stage(doc, RULES)
    doc = doc.replace(segments=(Segment(0, len(doc.lines) - 1, "items.first"),))
    [item] = STAGES[-1](doc, RULES).items
    return item


@pytest.mark.parametrize("lang, head, date", [
    ("ru", ["Минздрав назвал новые правила приёма", "14:00", "9 октября 2020 г.", "Анна Петрова"], "2020-10-09"),
    ("uk", ["МОЗ назвало нові правила прийому", "Олена Коваль", "20 листопада 2020, 14:35"], "2020-11-20"),
    ("en", ["Ministry names new admission rules", "By Jane Doe", "10:15", "March 1, 2019"], "2019-03-01"),
])
def test_a_date_line_under_the_headline_past_a_time_or_a_byline_dates_the_item(lang, head, date):
    item = one_item(head + [BODY[lang], BODY[lang]])
    assert (item.title, item.date) == (head[0], date)


def test_a_date_under_a_sentence_or_deep_in_the_article_is_not_its_date():
    assert one_item(["Минздрав назвал новые правила приёма", "Так решили на совещании.", "9 октября 2020 г.",
                     BODY["ru"]]).date is None
    assert one_item(["Минздрав назвал новые правила приёма", BODY["ru"], BODY["ru"], "9 октября 2020 г.",
                     BODY["ru"]]).date is None
