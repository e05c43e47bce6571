"""The pieces of a card's or an article's frame that ``clean/families/chrome/meta_lines.py`` takes, in several
languages, and the lines that look like them and stay."""

from __future__ import annotations

import pytest

from clean.model.document import Document
from clean.pipeline import Pipeline

RULES = Pipeline().rules


def removed_by(rule_id: str, lines: list[str]) -> list[str]:
    """The lines of ``lines`` that rule ``rule_id`` alone removes."""
    from clean.engine.registry import lookup

    doc = lookup(rule_id)(Document.from_text("\n".join(lines)), RULES.get(rule_id), RULES)
    return [line.text for line in doc.lines if line.removed == rule_id]


@pytest.mark.parametrize("line", [
    "Укрінформ · 2 години тому · 34",
    "Tengrinews.kz 3 сағат бұрын 120",
    "Naviny.by | 5 хвілін таму | 12",
    "Reuters · Yesterday, 21:54 · 1.2K",
    "Vestnik.example Вчера, 08:40 56",
])
def test_a_source_a_relative_time_and_a_counter_go(line):
    assert removed_by("chrome.relative-time-meta", ["Заголовок новости", line, "Текст новости."]) == [line]


@pytest.mark.parametrize("line", [
    "2 години тому",  # a bare relative stamp: dates.relative-to-crawl reads it
    "Вибух пролунав 2 години тому",  # a headline naming a time: no counter, no site
    "Жители сообщили о пожаре 3 часа назад, пожарные приехали через 20 минут.",  # a sentence
    "Вчера, 08:40 министр сказал, что мост откроют через 2 года",
])
def test_a_stamp_a_headline_or_a_sentence_with_a_relative_time_stays(line):
    assert removed_by("chrome.relative-time-meta", ["Заголовок новости", line, "Текст новости."]) == []


@pytest.mark.parametrize("lines, first, last", [
    (["Текст новости.", "Қазақстан", "·", "экономика", "·", "бюджет", "Келесі жаңалық басталды."], 1, 5),
    (["Text of the story.", "Tags:", "roads", "/", "bridges", "/", "city council"], 2, 6),
    (["Текст новини.", "Головна", "|", "Контакти", "|", "Реклама", "|", "Вакансії"], 1, 7),
])
def test_a_list_of_links_cut_at_its_links_goes(lines, first, last):
    assert removed_by("chrome.split-link-list", lines) == lines[first : last + 1]


@pytest.mark.parametrize("lines", [
    ["Участь у засіданні взяли", "Іван Петренко", ",", "Олена Коваль", ",", "Петро Сидоренко", "та інші."],
    ["Текст новости.", "экономика", ",", "бюджет"],  # two links: a sentence's pair of names is as likely
    ["The mayor said that", "roads", "/", "bridges", "/", "parks", "would get the money."],
])
def test_a_sentence_cut_at_its_links_or_a_pair_stays(lines):
    assert removed_by("chrome.split-link-list", lines) == []


@pytest.mark.parametrize("lines, gone", [
    (["Заголовок", "Переглядів", "1 520", "Текст."], ["Переглядів", "1 520"]),
    (["Заголовок", "Оновлено:", "12 жовтня 2020, 14:05", "Текст."], ["Оновлено:"]),
    (["Headline", "Comments", "12", "Text."], ["Comments", "12"]),
    (["Тақырып", "Жарияланды", "12.10.2020", "Мәтін."], ["Жарияланды"]),
    (["Заголовок", "Комментарии", "Нет комментариев", "Опубликовано", "в газете «Вечерний Томск»."], []),
])
def test_a_label_over_its_value_goes_and_a_date_line_stays(lines, gone):
    assert removed_by("chrome.split-meta-label", lines) == gone


def test_the_relative_time_words_gate_passes_every_page_the_pattern_matches():
    """``chrome.relative-time-meta`` skips a page holding none of its 'ago' and day words; the pattern can
    match no such page (checked on the dev pages, the seeds and every day word and unit of the table)."""
    from clean.catalog import shipped_rules
    from clean.families.chrome.meta_lines import _relative_time, _relative_words
    from tests.conftest import ROOT

    rules = shipped_rules()
    pattern, words = _relative_time(rules), _relative_words(rules)
    table = rules.tables["relative_times"]
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in ("tests/corpus", "tests/listings", "seeds") for p in sorted((ROOT / folder).rglob("*.txt"))]
    texts += [f"Vestnik.example {d.upper()}, 21:54 · 12" for ds in table["days"].values() for d in ds]
    texts += [f"Site.kz 3 {u.capitalize()} {a.upper()} 120" for u in table["units"] for a in
              {w for ws in table["ago"].values() for w in ws}]
    matched = 0
    for text in texts:
        if pattern.search(text):
            matched += 1
            assert any(word in text.casefold() for word in words), text[:80]
    assert matched >= len(table["days"])


def test_the_separator_count_after_newlines_is_the_multiline_count():
    from clean.families.chrome.meta_lines import SEPARATOR_AFTER_NEWLINE, SEPARATOR_LINE
    from tests.conftest import ROOT

    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in ("tests/corpus", "tests/listings", "seeds") for p in sorted((ROOT / folder).rglob("*.txt"))]
    texts += [",", "a\n,\nb\n |\n", " · \n•\nx /\n/", "a\n,\n", "\n,"]
    assert [len(SEPARATOR_AFTER_NEWLINE.findall("\n" + t)) for t in texts] == [len(SEPARATOR_LINE.findall(t)) for t in texts]
    assert sum(len(SEPARATOR_LINE.findall(t)) for t in texts) >= 8


def _labels_plain(doc: Document) -> list[int]:
    """chrome.split-meta-label's lines without the opening gate: every short kept line looked up (the oracle)."""
    from clean.families.chrome.meta_lines import COUNT, MAX_LABEL_CHARS, _labels, is_dateline, label_key

    counters, dates = _labels(RULES)
    lines, index, marked = doc.lines, doc.view().index, []
    for n in range(len(index) - 1):
        text = lines[index[n]].text
        if len(text) > MAX_LABEL_CHARS or not text:
            continue
        if label_key(text) in counters and COUNT.fullmatch(lines[index[n + 1]].text.strip()):
            marked += [index[n], index[n + 1]]
        elif label_key(text) in dates and is_dateline(lines[index[n + 1]].text.strip(), RULES):
            marked.append(index[n])
    return sorted(set(marked))


def test_no_character_but_a_letter_folds_to_a_letter_a_label_opens_with():
    """Why the gate is exact: a line whose key is a label opens, once folded, with the label's first letters,
    and only letters fold to them (a letter folds to letters: tests/test_widget_gates.py)."""
    import regex

    from clean.families.chrome.meta_lines import _openers

    alphabet, letter = set("".join(_openers(RULES))), regex.compile(r"\p{L}")
    for cp in range(0x110000):
        c = chr(cp)
        if not 0xD800 <= cp < 0xE000 and not letter.match(c):
            assert not set(c.casefold().replace("ё", "е")) & alphabet, hex(cp)


def test_the_label_gate_takes_what_every_short_line_looked_up_takes():
    from clean.engine.registry import lookup

    tables = (RULES.table("meta_labels")["counter"], RULES.table("date_labels")["labels"])
    labels = sorted({w for table in tables for ws in table.values() for w in ws})
    values = ["1 520", "12.10.2020", "Text.", "3K"]
    lines = []
    for label in labels:
        for form in (label, label.upper(), label.capitalize(), f"  {label}:", f"{label} :", label.replace("е", "ё"),
                     "İ" + label, f"— {label}", f"12 {label}", label + "x", label[:-1], label.replace(" ", "\t")):
            lines += [form, values[len(lines) % len(values)]]
    rule, split = RULES.get("chrome.split-meta-label"), lookup("chrome.split-meta-label")
    taken = 0
    from pathlib import Path

    corpus = [p.read_bytes().decode("utf-8", "replace") for p in sorted((Path(__file__).parent / "corpus").glob("*.txt"))]
    for text in ("\n".join(lines), "\n".join(lines[1:]), "\n".join(lines[::-1]), "Просмотров\n1 520", "Просмотров",
                 *corpus):
        doc = Document.from_text(text)
        gated = [i for i, line in enumerate(split(doc, rule, RULES).lines) if line.removed]
        assert gated == _labels_plain(doc)
        taken += len(gated)
    assert taken
