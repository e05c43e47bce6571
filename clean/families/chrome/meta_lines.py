"""Python rules for pieces of a card or an article's frame a scraper leaves as lines of their own.

- a *split link list* (``chrome.split-link-list``): a list of links (the tags under an article, a breadcrumb,
  a footer menu), one link per text node, so one link per line with a line that is only a comma (or ``|``,
  ``·``, ``•``, ``/``) between them: ``экономика`` / ``,`` / ``бюджет`` / ``,`` / ``Иван Петров``. At least
  :data:`MIN_SEPARATORS` separator lines, every link a short line (at most :data:`MAX_ITEM_WORDS` words, no
  sentence end); the line before the list ends a sentence or is a short label, and the line after it does not go on with it (a lone full stop, a lower-case
  word): a sentence cut at its links, ``В работе участвовали`` / ``Иван Петров`` / ``,`` / ``Анна Сидорова``
  / ``и другие.``, stays;
- a *relative-time meta line* (``chrome.relative-time-meta``): a card's or an aggregator's line of a source
  name, a relative time and a counter, ``Vestnik.example 3 часа назад 120``, ``Агентство Север · Вчера, 21:54 · 12``: a
  relative time (``N <unit> <ago>``, or a day word with a time; words of table ``relative_times``) with at
  most :data:`MAX_META_WORDS` other words, and a site name among them or only a count after the time. A bare relative stamp
  stays (``dates.relative-to-crawl`` reads it), and so does a headline that names a time
  (``Взрыв прогремел 2 часа назад``: no counter, no site).

- a *split meta label* (``chrome.split-meta-label``): a label alone on its line with its value on the next:
  a counter (table ``meta_labels``: ``Просмотров`` / ``1 520``), both go; a date's label (table
  ``date_labels``: ``Опубликовано`` / ``12.10.2020``), the label goes and the date line stays for the date rules. A label whose next line is
  anything else stays.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Текст статьи.\\nэкономика\\n,\\nбюджет\\n,\\nналоги")
>>> [line.removed for line in split_link_list(doc, rules.get("chrome.split-link-list"), rules).lines][:3]
[None, 'chrome.split-link-list', 'chrome.split-link-list']
"""

from __future__ import annotations

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.items.paragraphs import is_dateline
from clean.engine.line_marks import remove_lines
from clean.engine.openers import lines_opening
from clean.model.document import Document, fold_case

MIN_SEPARATORS = 2  # three links at least: two names joined by a comma may be a sentence's
MAX_ITEM_WORDS = 3
MAX_ITEM_CHARS = 40
MAX_LABEL_WORDS = 2  # a line before the list may be a label ('Теги', 'Read also'); three words may be a sentence's
# start cut at its links ('В турнире сыграли' / names): a longer label needs its colon
MAX_META_CHARS = 60
MAX_META_WORDS = 3
MAX_LABEL_CHARS = 40  # the longest label of the tables is shorter ('дата публікації:', 'zuletzt aktualisiert:')
BLANKS = regex.compile(r"[ \t]+")

SEPARATOR_LINE = regex.compile(r"(?m)^[ \t]*[,|·•/][ \t]*$")
# the same lines found after their newline: the engine skips to each newline instead of trying every position
SEPARATOR_AFTER_NEWLINE = regex.compile(r"\n[ \t]*[,|·•/][ \t]*(?=\n|$)")
WORD = regex.compile(r"\p{L}+")
DIGIT = regex.compile(r"\d")  # a relative time has one: 'N <unit> <ago>', '<day>, HH:MM'
SITE = regex.compile(r"\p{L}[\p{L}\d-]*\.\p{L}{2,}(?!\w)")  # Example.com, Пример.рф
SENTENCE_END = ".!?…;:"
CONTINUES = ".,;:)»”"
COUNTER_TAIL = regex.compile(r"[\s·|•,–—-]*\d[\d\s.,]*[KkMmКкМм]?\s*")  # only a count after the time
COUNT = regex.compile(r"\d[\d\s.,]*[KkMmКкМм]?")


@python_rule("chrome.split-link-list")
def split_link_list(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove the lists of links cut into a line per link (see module docstring)."""
    view = doc.view()
    if len(SEPARATOR_AFTER_NEWLINE.findall("\n" + view.text)) < MIN_SEPARATORS:
        return doc
    texts = [doc.lines[i].text.strip() for i in view.index]
    marked, n = [], 0
    while n < len(texts):
        end = _link_run(texts, n)
        if end > n:
            marked += view.index[n : end + 1]
            n = end + 1
        else:
            n += 1
    return remove_lines(doc, rule.id, marked)


def _link_run(texts: list[str], n: int) -> int:
    """The position of the last link of a split list that starts at ``n``, or ``n`` when none does."""
    if not _link(texts[n]) or (n and not _before_list(texts[n - 1])):
        return n
    end, separators = n, 0
    while end + 2 < len(texts) and SEPARATOR_LINE.fullmatch(texts[end + 1]) and _link(texts[end + 2]):
        end, separators = end + 2, separators + 1
    if separators < MIN_SEPARATORS or (end + 1 < len(texts) and _goes_on(texts[end + 1])):
        return n
    return end


def _link(text: str) -> bool:
    return (0 < len(text) <= MAX_ITEM_CHARS and len(text.split()) <= MAX_ITEM_WORDS and text[-1] not in SENTENCE_END
            and not SEPARATOR_LINE.fullmatch(text))


def _before_list(text: str) -> bool:
    """A line a list of links may follow: the end of a sentence, or a short label."""
    return text.rstrip("\"'»”)")[-1:] in SENTENCE_END or len(text.split()) <= MAX_LABEL_WORDS


def _goes_on(text: str) -> bool:
    """A line that goes on with the one before it: a lone full stop, a lower-case word, a comma."""
    return text[:1] in CONTINUES or text[:1].islower()


@python_rule("chrome.relative-time-meta")
def relative_time_meta(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove the lines of a source name, a relative time and a counter (see module docstring).

    Only the kept lines short enough for a meta line that hold a digit and one of the table's 'ago' or
    day words are searched (a scan of the page's text costs more than this look at its short lines)."""
    words = rules.derived("chrome.relative-time-words", _relative_words)
    pattern, lines, marked = None, doc.lines, []
    for i in doc.view().index:
        text = lines[i].text
        if len(text) > MAX_META_CHARS and len(text := text.strip()) > MAX_META_CHARS:
            continue
        text = text.strip()
        if not DIGIT.search(text):
            continue
        folded = text.casefold()
        if not any(word in folded for word in words):
            continue  # every match holds a digit and an 'ago' or day word
        pattern = pattern or rules.derived("chrome.relative-time", _relative_time)
        if (found := pattern.search(text)) is None:
            continue
        rest = text[: found.start()] + " " + text[found.end() :]
        if (rest.strip() and len(WORD.findall(rest)) <= MAX_META_WORDS and text[-1] not in SENTENCE_END
                and (SITE.search(rest) or COUNTER_TAIL.fullmatch(text, found.end()))):
            marked.append(i)  # a site's name, or a counter right after the time: 'Quake 2 hours ago kills 40' stays
    return remove_lines(doc, rule.id, marked)


def _relative_words(rules: RuleSet) -> tuple[str, ...]:
    """The words one of which every match of :func:`_relative_time` holds (its 'ago' and day words), case-folded."""
    table = rules.tables.get("relative_times", {})
    return tuple(sorted({w.casefold() for section in ("ago", "days") for ws in table.get(section, {}).values()
                         for w in ws}))


def _relative_time(rules: RuleSet) -> regex.Pattern:
    """``N <unit> <ago>`` or ``<day word>, HH:MM``, from table ``relative_times`` (compiled once per rule set)."""
    table = rules.tables.get("relative_times", {})

    def words(section) -> str:
        found = sorted({w for ws in section.values() for w in ws} if isinstance(section, dict) else section, key=len)
        return "|".join(regex.escape(w) for w in reversed(found)) or r"(?!x)x"

    units, ago, days = words(list(table.get("units", {}))), words(table.get("ago", {})), words(table.get("days", {}))
    return regex.compile(rf"(?i)(?<!\w)(?:\d{{1,3}}\s+(?:{units})\.?\s+(?:{ago})"
                         rf"|(?:{days}),?\s+(?:в\s+|о\s+|at\s+)?\d{{1,2}}:\d{{2}})(?!\w)")


@python_rule("chrome.split-meta-label")
def split_meta_label(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove a counter's label and its number, or a date's label over its date line (see module docstring).

    A label is looked up only on a line whose first run of letters folds to a label's first run
    (:func:`~clean.engine.openers.lines_opening`, on the page's first words, found once per view): a line
    whose :func:`label_key` is a label opens with the label's letters, as no character but a letter
    folds to one of them (tests/test_meta_lines.py checks it over every code point)."""
    counters, dates = rules.derived("chrome.meta-labels", _labels)
    view = doc.view()
    heads = lines_opening(rules.derived("chrome.meta-label-openers", _openers), view)
    lines, index = doc.lines, view.index
    at = {i: n for n, i in enumerate(index)} if heads else {}
    marked = []
    for i in heads:
        n = at[i] + 1  # the next kept line: the label's value
        text = lines[i].text
        if n == len(index) or len(text) > MAX_LABEL_CHARS or not text:
            continue
        label = label_key(text)
        if label in counters and COUNT.fullmatch(lines[index[n]].text.strip()):
            marked += [i, index[n]]
        elif label in dates and is_dateline(lines[index[n]].text.strip(), rules):
            marked.append(i)
    return remove_lines(doc, rule.id, marked)


def _openers(rules: RuleSet) -> frozenset:
    """The first run of letters of every label, folded as a line's first word is ('' for a label with none)."""
    return frozenset(fold_case(m.group()) if (m := WORD.search(key)) else "" for key in set().union(*_labels(rules)))


def label_key(text: str) -> str:
    """A line as the labels are looked up: case-folded, spaces and tabs around it and one closing colon
    left out, runs of them inside it one space."""
    return " ".join(BLANKS.split(text.strip(" \t").removesuffix(":").strip(" \t"))).casefold()


def _labels(rules: RuleSet) -> tuple[frozenset, frozenset]:
    """The counters' labels (table ``meta_labels``) and the dates' (``date_labels``, section ``labels``), as
    :func:`label_key` gives them, built once per rule set."""
    counters = rules.tables.get("meta_labels", {}).get("counter", {})
    dates = rules.tables.get("date_labels", {}).get("labels", {})
    return (frozenset(label_key(w) for ws in counters.values() for w in ws),
            frozenset(label_key(w) for ws in dates.values() for w in ws))
