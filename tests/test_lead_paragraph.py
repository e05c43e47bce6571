"""The paragraph ``dates.lead`` reads an item's date from: the first that is not a byline or credit.

:func:`clean.families.dates.item_dates._lead_paragraph` cuts the paragraphs one at a time; it must give
what the first non-credit paragraph of ``text.split("\\n")`` is, on every shape of text.
"""

import pytest

from clean.families.dates.item_dates import _lead_paragraph
from clean.families.items.paragraphs import is_credit

CREDIT = "Фото: пресс-служба акимата"
BYLINE = "By Maria Lopez"
BODY = "12 марта 2024 года в городе открыли новую библиотеку."


def split_form(text: str) -> str:
    return next((p for p in text.split("\n") if not is_credit(p)), "")


@pytest.mark.parametrize("text, expected", [
    (BODY, BODY),
    (f"{CREDIT}\n{BODY}", BODY),
    (f"{BYLINE}\n{CREDIT}\n{BODY}\nВторой абзац.", BODY),
    (f"{CREDIT}\n{BYLINE}", ""),
    (f"{CREDIT}\n", ""),  # the empty paragraph after the credit is no credit: it is the lead (as split gives)
    ("", ""),
    ("\nТекст.", ""),
    (f"{BODY}\n{CREDIT}", BODY),
])
def test_first_paragraph_that_is_no_credit(text, expected):
    assert is_credit(CREDIT) and is_credit(BYLINE) and not is_credit(BODY)
    assert _lead_paragraph(text) == expected == split_form(text)


def test_same_as_split_on_every_mix():
    parts = [CREDIT, BYLINE, BODY, "", "Короткий."]
    texts = ["\n".join(parts[i] for i in map(int, f"{n:04d}".translate(str.maketrans("56789", "01234"))))
             for n in range(10000)]
    assert all(_lead_paragraph(t) == split_form(t) for t in texts)
