"""A pattern rule with ``opens_with`` takes exactly what its pattern alone takes.

The gate (clean/engine/openers.py) tries the pattern only on the lines whose first run of letters,
folded, is one of the rule's words. Evidence that it never skips a line the pattern takes: the
Unicode fact it relies on for the letters of these words (what a pattern matches case-insensitively
to one of them folds to it), and gated == ungated over the test pages, the seeds, every rule example
and near-miss lines built from the words themselves (in several cases, after separators and dates,
cut short and run on).
"""

from __future__ import annotations

import functools

import pytest
import regex

from clean.catalog.loader import shipped_rules
from clean.engine.kinds import apply_kind
from clean.engine.openers import ODD
from clean.engine.ruleset import Rule, RuleSet
from clean.io.decode import read_and_decode
from clean.model.document import Document
from clean.model.errors import RuleError
from tests.conftest import ROOT

RULES = shipped_rules()
OPENING = [r for r in RULES.rules if r.opens_with]
LETTER = regex.compile(r"\p{L}")
SHAPES = ("{}", "{} 2 из 9", "» {} 1 of 40 «", "— {} 3 von 12 —", "{}: 17", "14.03.2023 11:20. {} 312 раз.",
          "14.03.2023 {} 1 200 times. Today: 3", "{} establishing a database connection",
          "{} установки соединения с базой данных", "{} has been a critical error on this website.",
          "{} сайте возникла критическая ошибка.", "{}-сайт столкнулся с непредвиденной ошибкой.", "{}_ERROR_SQL",
          "12 {} 3", "{} 5 из 12 протокола была утеряна.", "«{}» сказал министр.", "404 {} Found", "HTTP/1.1 {}",
          "{}/1.18.0 (Ubuntu)", "— — — {}", "{} * * *", "* * *", "###", "· · ·", "404", "» 503 «", "- - -", "•")


# lines at the edges of the entries with a lead or a prefix: each form of a rule that does not open with its words
LEADS = ("© 2024 Example News", "| © Example News", "(C) 2023 Example", "2024 Example.kz Все права защищены.",
         "2019 – 2024 ТОО «Пример». All rights reserved", "٢٠٢٤ Example. All Rights Reserved.",
         "2024 Example Барлық құқықтар қорғалған", "2024 год. Все права защищены. Что-то ещё.",
         "Материалдардың көшірмесін жариялағанда сілтеме міндетті", "МАТЕРИАЛДАРДЫ пайдаланғанда сілтеме міндетті",
         "Материалдар — сілтеме міндетті", "#саясат #Астана", "#2024 #выборы", "  #one #two, #three", "# not tags",
         "[Bitrix\\Main\\DB\\SqlQueryException]", "/home/site/www/bitrix/modules/main/lib/db/connection.php:82",
         "C:\\www\\bitrix\\init.php:5", "MySQL query error: (1146) Table missing", "5 тыс. просмотров",
         "1.2k views", "1,2Kviews", "👁 123", "👁 5 Comments: 3", "5 viewsComments 3", "12 кпросмотров",
         "7 рет қаралды", "— 15 комментариев", "3 тысрет views", "1 200", "12 апреля 2024 года")


def test_the_gated_rules_are_there():
    assert {"chrome.pager-count", "chrome.stamp-counter", "noise.cms-error-page", "noise.separator",
            "chrome.bullet-line", "noise.http-error-page"} <= {r.id for r in OPENING}


def test_what_the_patterns_match_to_a_letter_of_their_words_folds_to_it():
    letters = sorted({c for r in OPENING for w in r.opens_with for c in _parts(w)[1]})
    any_letter = regex.compile("[" + "".join(regex.escape(c) for c in letters) + "]", regex.IGNORECASE)
    for cp in range(0x110000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000 or not any_letter.fullmatch(c):
            continue
        folded = c.casefold().replace("ё", "е")
        for p in letters:
            if regex.fullmatch(regex.escape(p), c, regex.IGNORECASE):
                assert folded in (p, p.replace(ODD, "i")) or not folded.isalpha() or c in ODD, (c, p)


def near_misses(rule: Rule) -> list[str]:
    lines = []
    for entry in rule.opens_with:
        leads, word = _parts(entry)
        for form in (word, word.upper(), word.capitalize(), word.replace("е", "ё"), "İ" + word, word[:-1], word + "x",
                     word + "ов"):
            lines += [shape.format(form) for shape in SHAPES]
            lines += [lead + shape.format(form) for shape in SHAPES for lead in leads]
    return lines


def _parts(entry: str) -> tuple[list[str], str]:
    """Leads that hold the entry's lead character (none without one; for '0', digits first, after a dash, and
    of another script) and its word without the '*' of a prefix."""
    leads = []
    if entry and not entry[0].isalpha() and entry[0] != "*":
        leads = ["2024 ", "— 5 ", "٢٠٢٤ "] if entry[0] == "0" else [f"{entry[0]} ", f"— {entry[0]}2024 "]
        entry = entry[1:]
    return leads, entry.rstrip("*")


@functools.cache
def pages() -> tuple[Document, ...]:
    paths = [p for folder in ("tests/corpus", "tests/listings", "seeds") for p in sorted((ROOT / folder).glob("*.txt"))]
    texts = [e.before for r in RULES.rules for e in r.examples] + ["\n".join(near_misses(r)) for r in OPENING]
    texts += ["\n".join(LEADS), "\n".join(LEADS[::-1])]  # each line first and last on a page
    return tuple(read_and_decode(p.read_bytes(), str(p)) for p in paths) + tuple(map(Document.from_text, texts))


@pytest.mark.parametrize("rule", OPENING, ids=lambda r: r.id)
def test_a_rule_that_opens_with_words_takes_what_its_pattern_takes(rule):
    plain = rule.model_copy(update={"opens_with": ()})
    taken = 0
    for doc in pages():
        gated, ungated = apply_kind(doc, rule, RULES), apply_kind(doc, plain, RULES)
        assert (gated.lines, gated.removals, gated.edits) == (ungated.lines, ungated.removals, ungated.edits), \
            doc.source.path
        taken += gated is not doc
    assert taken  # the evidence holds lines the rule takes, not only lines it leaves


def rule(**changes) -> dict:
    return {"id": "test.pager", "summary": "s", "why": "w", "kind": "drop", "stage": "strip_noise",
            "pattern": r"^Page \d+$", "opens_with": ("page",),
            "examples": [{"before": "Page 2\nText.", "after": "Text."}, {"before": "A page.", "after": "A page."}],
            **changes}


def test_opens_with_is_refused_where_it_cannot_hold():
    with pytest.raises(ValueError, match="lower case"):
        Rule(**rule(opens_with=("Page",)))
    with pytest.raises(ValueError, match="lower case"):
        Rule(**rule(opens_with=("page 2",)))
    with pytest.raises(ValueError, match="not 'join'"):
        Rule(**rule(kind="join", replacement=" "))
    with pytest.raises(RuleError, match="starts a line"):
        RuleSet((Rule(**rule(pattern=r"Page \d+$")),))
    assert RuleSet((Rule(**rule()),)).get("test.pager").opens_with == ("page",)
