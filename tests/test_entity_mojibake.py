"""Mojibake behind HTML entities is repaired as the same mojibake without them.

``repair.html-entity`` runs before the mojibake checks, so ``Р&nbsp;РѕСЃСЃРёСЏ``
and ``&#208;&#159;&#209;&#128;…`` reach ftfy decoded. Checked on cases
written here and, when the folder is given, on ftfy's own test cases
(``CLEAN_FTFY_CASES`` names a folder of their JSON files: ``tests/test-cases`` of
ftfy's repository, or the ``tests/test_cases.json`` of its source distribution,
which ``.ci/run`` fetches; read at test time,
never copied here): for every case ftfy expects to pass, the stage gives the
same text for the case wrapped in entities as for the case itself, and the
Cyrillic repair changes none of ftfy's cases.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clean.catalog import shipped_rules
from clean.model.document import Document
from clean.stages.repair_unicode import repair_unicode

RULES = shipped_rules()
WITHOUT_CYRILLIC = RULES.without({"repair.cyrillic-mojibake"})

OWN_CASES = [
    "Президент России провёл встречу.".encode("utf-8").decode("cp1251"),
    "Қазақстан «Жаңа» — бағдарлама".encode("utf-8").decode("cp1251"),
    "Уряд ухвалив рішення".encode("utf-8").decode("latin-1"),
    "naïve café — “quoted„".encode("utf-8").decode("cp1252"),
    "Plain ASCII text & nothing else.",
    "Москва, 5 °C",
]


def _ftfy_cases() -> list[dict]:
    folder = os.environ.get("CLEAN_FTFY_CASES")
    if not folder or not Path(folder).is_dir():
        return []
    cases = []
    for path in sorted(Path(folder).glob("*.json")):
        cases += [c for c in json.loads(path.read_text(encoding="utf-8")) if c.get("expect") == "pass"]
    return cases


def _stage(text: str, rules=RULES) -> str:
    return "\n".join(line.text for line in repair_unicode(Document.from_text(text), rules).lines)


def wrap(text: str) -> str:
    """``text`` with every non-ASCII character written as a numeric entity, a no-break space as ``&nbsp;``."""
    return "".join(c if c.isascii() else "&nbsp;" if c == "\xa0" else f"&#{ord(c)};" for c in text)


def _wrappable(text: str) -> bool:
    """A text whose entities decode to itself (HTML maps &#128;…&#159; to cp1252, and & must not start one)."""
    return "&" not in text and not any("\x80" <= c <= "\x9f" or c == "\r" for c in text)


@pytest.mark.parametrize("text", OWN_CASES)
def test_entity_wrapped_mojibake_is_repaired_as_the_bare_one(text):
    assert _stage(wrap(text)) == _stage(text)


def test_entity_wrapped_examples_of_the_issue():
    assert _stage("Р&nbsp;РѕСЃСЃРёСЏ") == "Россия"
    assert _stage("&#208;&#159;&#209;&#128;&#208;&#181;&#208;&#183;&#208;&#184;&#208;&#180;&#208;&#181;"
                  "&#208;&#189;&#209;&#130;") == "Президент"


def test_ftfy_cases_wrapped_in_entities():
    cases = [c["original"] for c in _ftfy_cases() if _wrappable(c["original"])]
    if not cases:
        pytest.skip("ftfy's test cases not given: set CLEAN_FTFY_CASES to python-ftfy/tests/test-cases")
    differ = [text for text in cases if _stage(wrap(text)) != _stage(text)]
    assert differ == []


def test_the_cyrillic_repair_changes_no_ftfy_case():
    cases = [c["original"] for c in _ftfy_cases()]
    if not cases:
        pytest.skip("ftfy's test cases not given: set CLEAN_FTFY_CASES to python-ftfy/tests/test-cases")
    differ = [text for text in cases if _stage(text) != _stage(text, WITHOUT_CYRILLIC)]
    assert differ == []
