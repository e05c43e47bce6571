"""The ``dates.closing-label`` rule of ``extract_metadata``: a labelled date that closes an item.

Records from datasets and official texts often end with the record's own date
under a label, as the last thing in the text: an imprint ('... Date of issue:
28.09.2017'), 'Published: 3 March 2021', 'Дата публикации: 12.05.2019 г.'. An item
that no earlier rule dated takes that date when its text *ends* with it:

- the last sentence of the item's last line is a label and the date: the label is
  one to :data:`MAX_LABEL_WORDS` words of letters (no digits) ending in a colon,
  right after the line's start or a sentence's end, and names a publication's date;
- the date is a full date (with its year) that the date reader reads whole
  (:func:`~clean.families.dates.reader.date_at`, right after the colon), maybe a
  time after it, and nothing but a year word's abbreviation ('г.', 'ж.', 'р.') and
  closing punctuation after that.

The label must name a publication's date (table ``date_labels``, section ``labels``:
'Published', 'Дата публикации', 'Date of issue'): a deadline, a start or a birth date
under its label ('Deadline for entries: …', 'Начало: …', 'Родился: …') is no date of
the text. A date inside a sentence ('Заявки принимают до 28.09.2017.'),
a label over anything but the date ('Срок: до 28.09.2017'), a date with more text
after it, or a date without a year is never taken.

>>> from clean.pipeline import Pipeline
>>> page = "Аким встретился с жителями\\nОбсудили ремонт дорог. Дата публикации: 12.05.2019 г."
>>> [(i.date, i.date_text, i.date_rule) for i in Pipeline().clean_text(page)]
[('2019-05-12', '12.05.2019 г.', 'dates.closing-label')]
"""

from __future__ import annotations

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.dates.reader import DIGIT, date_at
from clean.model.document import Document
from clean.model.records import Item

MAX_LABEL_WORDS = 3  # a label names the date ("Date of publication"); more words are a sentence
TAIL_CHARS = 120  # the label and the date are read in the last characters of the text's last line
DATE_END_CHARS = 24  # a date closing the text has a digit among its last characters

# a label after the line's start or a sentence's end, its colon, then where the date must start
LABEL = regex.compile(
    rf"(?:^|[.!?…»”]\s+)(?P<label>\p{{L}}[\p{{L}}\-’']*(?:[ \t]+\p{{L}}[\p{{L}}\-’']*){{0,{MAX_LABEL_WORDS - 1}}})"
    r"[ \t]*:[ \t]*(?=\d|\p{L})",
    regex.MULTILINE,
)
# what may follow the date: a time, a year word's abbreviation, closing punctuation
AFTER = regex.compile(r"(?:[ \t,]*(?:в[ \t]*)?\d{1,2}:\d{2})?(?:[ \t]*\p{L}{1,4}\.?)?[ \t.;)]*$")


def _labels(rules: RuleSet) -> frozenset:
    """The labels of a publication's date (table ``date_labels``, section ``labels``), case-folded, with no
    spaces: a scraper may glue a label's words ('Датапубликации')."""
    table = rules.tables.get("date_labels", {}).get("labels", {})
    return frozenset("".join(w.casefold().split()) for ws in table.values() for w in ws)


@python_rule("dates.closing-label")
def closing_label(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Date the undated items whose text ends with a labelled full date (see module docstring)."""
    items = tuple(item if item.date or not item.text else _dated(item, rule, rules) for item in doc.items)
    return doc if all(a is b for a, b in zip(items, doc.items)) else doc.replace(items=items)


def _dated(item: Item, rule: Rule, rules: RuleSet) -> Item:
    text = item.text
    tail = max(text.rfind("\n") + 1, len(text) - TAIL_CHARS)  # in the last line, its last characters
    if text.find(":", tail) < 0 or not DIGIT.search(text, max(0, len(text) - DATE_END_CHARS)):
        return item
    labels = rules.derived("dates.closing-labels", _labels)
    for label in LABEL.finditer(text, tail):  # '^' only at the last line's real start
        if "".join(label["label"].casefold().split()) not in labels:
            continue  # a label of a date that is no publication's ('Deadline:', 'Начало:', 'Родился:')
        found = date_at(text, label.end(), rules)
        if found is not None and found.iso is not None and AFTER.match(text, found.end):
            return item.model_copy(update={"date": found.iso, "date_text": found.text, "date_rule": rule.id})
    return item
