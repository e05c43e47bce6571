"""Python rules for pieces of a card or an article's frame a scraper leaves as lines of their own.

- a *split link list* (``chrome.split-link-list``): a list of links (the tags under an article, a breadcrumb,
  a footer menu), one link per text node, so one link per line with a line that is only a comma (or ``|``,
  ``·``, ``•``, ``/``) between them: ``экономика`` / ``,`` / ``бюджет`` / ``,`` / ``Иван Петров``. At least
  :data:`MIN_SEPARATORS` separator lines, every link a short line (at most :data:`MAX_ITEM_WORDS` words, no
  sentence end); the line before the list ends a sentence or is a short label, and the line after it does not go on with it (a lone full stop, a lower-case
  word): a sentence cut at its links, ``В работе участвовали`` / ``Иван Петров`` / ``,`` / ``Анна Сидорова``
  / ``и другие.``, stays;
- a *relative-time meta line* (``chrome.relative-time-meta``): a card's or an aggregator's line of a source
  name, a relative time and a counter, ``Lenta.ru 3 часа назад 120``, ``РИА Новости · Вчера, 21:54 · 12``: a
  relative time (``N <unit> <ago>``, or a day word with a time; words of table ``relative_times``) with at
  most :data:`MAX_META_WORDS` other words and a number or a site name among them. A bare relative stamp
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

from clean.engine.line_scan import spans
from clean.engine.patterns import LinearPattern
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.items.paragraphs import is_dateline
from clean.families.line_marks import remove_lines
from clean.model.document import Document

MIN_SEPARATORS = 2  # three links at least: two names joined by a comma may be a sentence's
MAX_ITEM_WORDS = 3
MAX_ITEM_CHARS = 40
MAX_LABEL_WORDS = 3  # a line before the list may be a label ('Теги', 'Все по теме')
MAX_META_CHARS = 60
MAX_META_WORDS = 3

SEPARATOR_LINE = regex.compile(r"(?m)^[ \t]*[,|·•/][ \t]*$")
WORD = regex.compile(r"\p{L}+")
NUMBER = regex.compile(r"(?<![\w.])\d[\d\s.,]*[KkMmКкМм]?(?!\w)")
SITE = regex.compile(r"\p{L}[\p{L}\d-]*\.\p{L}{2,}(?!\w)")  # Lenta.ru, Москва.ру
SENTENCE_END = ".!?…;:"
CONTINUES = ".,;:)»”"
COUNT = regex.compile(r"\d[\d\s.,]*[KkMmКкМм]?")
LABEL_RULE = "chrome.split-meta-label"
AGO = "chrome.relative-time.ago"  # the rule set's cache entry of the 'ago' words


@python_rule("chrome.split-link-list")
def split_link_list(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove the lists of links cut into a line per link (see module docstring)."""
    view = doc.view()
    if len(SEPARATOR_LINE.findall(view.text)) < MIN_SEPARATORS:
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
    """Remove the lines of a source name, a relative time and a counter (see module docstring)."""
    pattern = rules.derived("chrome.relative-time", _relative_time)
    view, marked = doc.view(), []
    if ":" not in view.text and not any(word.search(view.text) for word in rules.derived(AGO, _ago_words)):
        return doc  # each match holds its time's colon or an 'ago' word (found alone, a fast scan each): none here
    for n in sorted({view.position(m.start()) for m in pattern.finditer(view.text)}):  # one scan; most pages: none
        i = view.index[n]
        text = doc.lines[i].text.strip()
        if len(text) <= MAX_META_CHARS and (found := pattern.search(text)) is not None:
            rest = text[: found.start()] + " " + text[found.end() :]
            if (rest.strip() and len(WORD.findall(rest)) <= MAX_META_WORDS and text[-1] not in SENTENCE_END
                    and (NUMBER.search(rest) or SITE.search(rest))):
                marked.append(i)
    return remove_lines(doc, rule.id, marked)


def _relative_time(rules: RuleSet) -> regex.Pattern:
    """``N <unit> <ago>`` or ``<day word>, HH:MM``, from table ``relative_times`` (compiled once per rule set)."""
    table = rules.tables.get("relative_times", {})

    def words(section) -> str:
        return "|".join(regex.escape(w) for w in reversed(_sorted_words(section))) or r"(?!x)x"

    units, ago, days = words(list(table.get("units", {}))), words(table.get("ago", {})), words(table.get("days", {}))
    return regex.compile(rf"(?i)(?<!\w)(?:\d{{1,3}}\s+(?:{units})\.?\s+(?:{ago})"
                         rf"|(?:{days}),?\s+(?:в\s+|о\s+|at\s+)?\d{{1,2}}:\d{{2}})(?!\w)")


def _sorted_words(section) -> list[str]:
    """The words of a section of table ``relative_times`` (a list, or lists by language), shortest first."""
    return sorted({w for ws in section.values() for w in ws} if isinstance(section, dict) else section, key=len)


def _ago_words(rules: RuleSet) -> tuple[regex.Pattern, ...]:
    """Each 'ago' word of :func:`_relative_time`'s pattern alone, with its flags: a literal the engine finds fast."""
    return tuple(regex.compile(f"(?i){regex.escape(w)}") for w in _sorted_words(rules.tables.get("relative_times", {})
                                                                             .get("ago", {})))


@python_rule("chrome.split-meta-label")
def split_meta_label(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove a counter's label and its number, or a date's label over its date line (see module docstring)."""
    counter, published = rules.derived("chrome.meta-labels", _labels)
    view, marked = doc.view(), []
    last = len(view.index) - 1
    # the label patterns are line-anchored: spans() finds what finditer would, trying them at line starts only
    for n in {view.position(start) for start, _ in spans(counter, view.text, view.offsets)}:  # most pages: none
        if n < last and COUNT.fullmatch(doc.lines[view.index[n + 1]].text.strip()):
            marked += [view.index[n], view.index[n + 1]]
    for n in {view.position(start) for start, _ in spans(published, view.text, view.offsets)}:
        if n < last and is_dateline(doc.lines[view.index[n + 1]].text.strip(), rules):
            marked.append(view.index[n])
    return remove_lines(doc, rule.id, marked)


def _labels(rules: RuleSet) -> tuple[LinearPattern, LinearPattern]:
    """Lines that are only a counter's label (table ``meta_labels``) or a date's (``date_labels``, section
    ``labels``), a colon allowed: one pattern each, compiled once per rule set, with its line-start twin."""
    def line(words) -> LinearPattern:
        words = sorted(set(words), key=len, reverse=True)
        alternatives = "|".join(regex.escape(w).replace(r"\ ", r"[ \t]+") for w in words) or r"(?!x)x"
        return LinearPattern(regex.compile(rf"(?mi)^[ \t]*(?:{alternatives})[ \t]*:?[ \t]*$"), LABEL_RULE)

    counters = rules.tables.get("meta_labels", {}).get("counter", {})
    dates = rules.tables.get("date_labels", {}).get("labels", {})
    return line(w for ws in counters.values() for w in ws), line(w for ws in dates.values() for w in ws)
