"""``repair.escaped-dump``: a page that is wholly a dumped string is read back; quoted escapes are left."""

from __future__ import annotations

import json

import pytest

from clean.catalog import shipped_rules
from clean.model.document import Document
from clean.pipeline import Pipeline
from clean.stages.repair_unicode import repair_unicode

RULES = shipped_rules().only({"repair.escaped-dump"})
PAGE = "Новость дня\n\nВ Минске прошла встреча «по делу» — сказал он.\tИтог: 5 пунктов 😀.\nКонец."


def _texts(text: str) -> list[str]:
    return [line.text for line in repair_unicode(Document.from_text(text), RULES).lines]


@pytest.mark.parametrize("dump", [json.dumps(PAGE)[1:-1], json.dumps(PAGE, ensure_ascii=False)[1:-1],
                                  repr(PAGE)[1:-1], json.dumps(PAGE)[1:-1].replace("\\n", "\\r\\n")])
def test_a_dumped_page_is_read_back(dump):
    assert "\n" not in dump
    assert _texts(dump) == PAGE.split("\n")


def test_the_new_lines_keep_the_source_line_and_the_edit_is_recorded():
    doc = repair_unicode(Document.from_text("Первая строка.\n" + json.dumps(PAGE)[1:-1]), RULES)
    assert {line.start for line in doc.lines[1:]} == {2}
    assert [e.rule for e in doc.edits] == ["repair.escaped-dump"]


def test_a_dumped_page_gives_items():
    items = Pipeline().clean_text(json.dumps(PAGE, ensure_ascii=False)[1:-1])  # every rule
    assert items and "\\n" not in items[0].text and "\\t" not in items[0].text


@pytest.mark.parametrize("text", [
    "Путь: C:\\new\\table\\node.txt\n" + "Обычный текст страницы, который занимает большую часть её длины. " * 3,
    "Строка с кодом printf(\"%d\\n\\n\", x);\n" + "Обычный текст страницы, длинный и без экранирования. " * 4,
    "Экранированная кавычка \\\" одна, без концов строк.",
])
def test_quoted_escapes_in_a_page_are_left(text):
    assert _texts(text) == text.split("\n")
