"""A number after a version word is a version, not a date (``rules/tables/version_words.toml``): it is
neither split off as a glued stamp nor read as the date of a dated lead that opens a new item."""

from __future__ import annotations

import pytest

from clean.catalog import shipped_rules
from clean.families.items.paragraphs import lead_date
from clean.model.document import Document
from clean.pipeline import Pipeline

RULES = shipped_rules()


@pytest.mark.parametrize("text", [
    "Version 2.10.2019 of the client remains available, the company said.",
    "ver. 2.10.2019 is the last build for Windows 7.",
    "Версія 2.10.2019 програмного забезпечення буде оновлена.",
    "Сборка 20.11.2020 исправляет ошибку входа.",
    "Бағдарламаның нұсқасы 2.10.2019 жаңартылады.",
])
def test_a_version_is_no_dated_lead(text):
    assert lead_date(text, RULES) is None


@pytest.mark.parametrize("text, iso", [
    ("Москва, 2.10.2019 — Правительство утвердило программу.", "2019-10-02"),
    ("2.10.2019 правительство утвердило программу.", "2019-10-02"),
    ("KYIV, 2.10.2019 - The government approved the programme.", "2019-10-02"),
    ("Provisional 2.10.2019 figures were published.", "2019-10-02"),  # 'Provisional' ends in no version word
    ("Реверсия 2.10.2019 прошла успешно.", "2019-10-02"),  # a version word inside a longer word is not one
])
def test_a_date_after_other_words_is_still_a_lead(text, iso):
    found = lead_date(text, RULES)
    assert found is not None and found.iso == iso


def test_an_article_quoting_a_version_stays_one_item():
    page = ("Software firm recalls faulty update\n12.03.2026\n"
            "The company said on Monday that it had withdrawn the update after customers reported crashes.\n"
            "Version 2.10.2019 of the client remains available for download, the company said.\n"
            "Users were told to reinstall it.\n")
    items = Pipeline().clean_text(page)
    assert len(items) == 1 and items[0].date == "2026-03-12"
    assert "Version 2.10.2019 of the client" in items[0].text


@pytest.mark.parametrize("glued, split", [
    ("Версія2.10.2019 Програма вийшла", False),
    ("ver.2.10.2019 Release notes", False),
    ("Нұсқа2.10.2019 Бағдарлама шықты", False),
    ("Новости района20.11.2020 Сегодня в районе открыли школу.", True),
])
def test_a_version_glued_to_a_number_is_not_split(glued, split):
    rule = RULES.get("dates.glued-stamp")
    from clean.families.dates.glued_stamp import glued_stamp
    doc = glued_stamp(Document.from_text(glued), rule, RULES)
    assert any(line.stamp is not None for line in doc.lines) is split
