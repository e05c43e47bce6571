"""Features of a page's lines for the main-content pass (:mod:`clean.families.content.main_content`).

Each kept line gets a class from a short ladder, after jusText's
(Pomikálek 2011), with markup-free stand-ins for what jusText reads from HTML:

- ``stamp``: a short line that is a date or a time, with at most two other words
  (``09.10.2020 13:41``, ``14 октября 2020``, ``Вчера, 21:07``): a card's or a comment's header;
- ``bad``: a line with the copyright sign, or a long line with too few of the
  language's stop words (a row of tags or names, a code snippet);
- ``short``: under :data:`LEN_LOW` characters (a menu item, a button, a name);
- ``good``: at least :data:`LEN_HIGH` characters and :data:`STOP_HIGH` of its
  words stop words: running text;
- ``near``: a shorter line with :data:`STOP_HIGH` stop words, a long one
  with :data:`STOP_LOW`, or a line that ends a sentence with :data:`STOP_SENTENCE`
  (a headline has no full stop).

The page's language is the stop-word list (table ``stopwords``, one per
language, from jusText) that finds most stop words in the page's longer lines.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> text = "The committee said that it would publish its full report on the state of the roads in the early spring."
>>> [info.cls for info in describe(["Home", "12.05.2021 10:30", text + " " + text, "Tags: roads, bridges, budget"], rules)]
['short', 'stamp', 'good', 'short']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from clean.families.dates.reader import find_dates
from clean.families.items.paragraphs import relative_times
from clean.families.chrome.widgets import fold
from clean.model.slots_init import quick_init

GOOD, NEAR, SHORT, STAMP, BAD = "good", "near", "short", "stamp", "bad"

LEN_LOW = 70  # jusText's length_low: a shorter line is short whatever its words
LEN_HIGH = 200  # jusText's length_high: a good line is at least this long
STOP_LOW = 0.20  # share of stop words of a near line (jusText: 0.30 with its full lists)
STOP_HIGH = 0.25  # share of stop words of a good line (jusText: 0.32)
STOP_SENTENCE = 0.10  # share of stop words of a near line that ends a sentence
STOP_SPARSE_SENTENCE = 0.05  # ... that ends a sentence and holds a comma (agglutinative languages have few)
MAX_COUNTER_CHARS = 12  # '1 042 241' views
MAX_STAMP_CHARS = 40  # 'Wednesday, 14 October 2020, 21:45' is 33
LANGUAGE_SAMPLE = 3000  # words of the page's longer lines read to tell its language
HEADLINE_MAX_WORDS = 30
MIN_REPEAT_CHARS = 20  # a line at least this long that the next line starts with is a card's headline

WORDS = regex.compile(r"\p{L}+")
DIGIT = regex.compile(r"\d")
LIST_ITEM = regex.compile(r"(\d{1,3}[.)]\s|[•·*▪►●◦‣-]\s?|[–—]\s)|\p{Ll}")  # group 1: a number or a bullet
CLOCK = regex.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")
SENTENCE_END = ".!?…"
CLAUSE_END = SENTENCE_END + ";:"  # the end of a sentence or of an item of a list inside it
CONTINUING = ",.;:)»”–—"  # a line that opens with one of these goes on with the line before
CLOSERS = "\"'»”)]"  # after the full stop of a sentence that ends a quote
MIN_SENTENCE_WORDS = 4  # a line of fewer words that ends with a full stop is a button or a caption
UNFINISHED = ",–—("  # a line that ends with one of these goes on in the next


@quick_init
@dataclass(frozen=True, slots=True)
class LineInfo:
    """What the main-content pass knows of one kept line."""

    cls: str
    chars: int
    words: int
    headline_like: bool
    folded: str
    sentence: bool = False
    ends: bool = False  # its paragraph ends a sentence or a list item (CLAUSE_END)
    para: int = 0  # the number of its paragraph (see :func:`paragraphs`)
    repeated: bool = False  # printed elsewhere on the page too, or the next line starts with it
    copies: int = 1  # how many times the page prints it
    counter: bool = False  # a number alone (views, comments, likes), not a date or a time
    colon: bool = False  # it ends with a colon: it introduces what follows (a list, a quote)
    listed: bool = False  # it opens like an item of a list: a number and a stop or bracket, a bullet, lower case
    bullet: bool = False  # ... with a number and a stop or bracket, or a bullet


def stopword_sets(rules) -> tuple[tuple[str, frozenset], ...]:
    """The ``stopwords`` table as (language, words) pairs, built once per rule set."""
    return rules.derived("stopwords", _build)


def _build(rules) -> tuple[tuple[str, frozenset], ...]:
    table = rules.table("stopwords")["languages"]
    return tuple((name, frozenset(w for w in words.split() if WORDS.fullmatch(w))) for name, words in table.items())


def language(tokens: list[list[str]], rules) -> frozenset:
    """The stop words of the language that finds most of them in the page's longer lines (empty if none).

    Counted through an index from each stop word to its languages, built once per rule set, so
    a page costs a look-up per distinct word of its sample, not one per word and language.
    """
    sample: Counter = Counter()
    total = 0  # the words counted into the sample so far
    for words in tokens:
        if len(words) >= 8:
            sample.update(words)
            total += len(words)
            if total > LANGUAGE_SAMPLE:
                break
    index = rules.derived("stopwords.index", _index)
    hits = [0] * len(index.languages)
    for word in sample.keys() & index.words.keys():  # only the stop words of the sample count (C-level: a set)
        n = sample[word]
        for lang in index.words[word]:
            hits[lang] += n
    best = max(range(len(hits)), key=hits.__getitem__, default=None)
    return frozenset() if best is None or not hits[best] else index.languages[best][1]


@dataclass(frozen=True)
class _StopIndex:
    languages: tuple[tuple[str, frozenset], ...]
    words: dict


def _index(rules) -> _StopIndex:
    languages = stopword_sets(rules)
    words: dict[str, list[int]] = {}
    for n, (_, stops) in enumerate(languages):
        for word in stops:
            words.setdefault(word, []).append(n)
    return _StopIndex(languages, {w: tuple(ns) for w, ns in words.items()})


def line_classes(texts: list[str], rules) -> tuple[list, list[str], list[bool], list[int]]:
    """The case-folded words, class, clause end and paragraph number of each line of ``texts``: the part of
    :func:`describe` a page is first judged by (``content.boilerplate`` leaves most pages at that)."""
    tokens = [WORDS.findall(t.casefold()) for t in texts]
    stops = language(tokens, rules)
    classes, ends, paras = [""] * len(texts), [False] * len(texts), [0] * len(texts)
    for n, (first, last) in enumerate(paragraphs(texts)):
        paras[first : last + 1] = [n] * (last + 1 - first)
        text = " ".join(t.strip() for t in texts[first : last + 1])
        words = [w for k in range(first, last + 1) for w in tokens[k]]
        classes[first : last + 1] = [classify(text, words, stops, rules)] * (last + 1 - first)
        ends[first : last + 1] = [text.rstrip(CLOSERS)[-1:] in CLAUSE_END] * (last + 1 - first)
    return tokens, classes, ends, paras


def describe(texts: list[str], rules, classed: tuple | None = None) -> list[LineInfo]:
    """A :class:`LineInfo` for each line of ``texts`` (the page's kept lines, in order); ``classed``:
    their :func:`line_classes`, when known."""
    tokens, classes, ends, paras = classed or line_classes(texts, rules)
    stripped = [t.strip() for t in texts]
    folded = [fold(s) if "İ" in s else " ".join(w).replace("ё", "е") for s, w in zip(stripped, tokens)]  # fold's words
    seen = Counter(folded)
    repeated = [seen[f] > 1 or _opens(f, folded[k + 1 : k + 2]) for k, f in enumerate(folded)]
    return [_info(*line, seen[line[3]])  # copies: 1 for a line printed once, repeated or not
            for line in zip(stripped, tokens, classes, folded, repeated, ends, paras)]


def _opens(folded: str, following: list[str]) -> bool:
    """Whether the next line starts with this one (a card: its headline, then a teaser that repeats it)."""
    return bool(following) and len(folded) >= MIN_REPEAT_CHARS and following[0].startswith(folded)


def paragraphs(texts: list[str]) -> list[tuple[int, int]]:
    """Runs of lines that make one paragraph, as (first, last): a line that opens in lower case,
    with a comma, a full stop, a closing bracket or a dash, or that follows a line ending in a comma
    or a dash, goes on with the line before (a scraper cuts a sentence at each link in it:
    'Об этом сообщает' / 'пресс-служба' / ', а также …').

    >>> paragraphs(["Об этом сообщает", "пресс-служба", "ведомства.", "Новости"])
    [(0, 2), (3, 3)]
    """
    runs: list[tuple[int, int]] = []
    tail = ""
    for k, text in enumerate(texts):
        head = text.lstrip()[:1]
        if runs and head and (head.islower() or head in CONTINUING or tail in UNFINISHED):
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
        tail = text.rstrip()[-1:]
    return runs


def _info(stripped: str, words: list[str], cls: str, folded: str, repeated: bool, ends: bool, para: int,
          copies: int) -> LineInfo:
    count = len(words)
    headline = (3 <= count <= HEADLINE_MAX_WORDS and stripped[-1:] not in SENTENCE_END and not stripped[:1].islower())
    sentence = count >= MIN_SENTENCE_WORDS and stripped.rstrip(CLOSERS)[-1:] in SENTENCE_END
    counter = cls == SHORT and not count and len(stripped) <= MAX_COUNTER_CHARS and bool(DIGIT.search(stripped))
    item = LIST_ITEM.match(stripped)
    return LineInfo(cls, len(stripped), count, headline, folded, sentence, ends, para, repeated, copies, counter,
                    colon=stripped.endswith(":"), listed=item is not None, bullet=item is not None and item[1] is not None)


def is_stamp(text: str, rules) -> bool:
    """A time, a numeric date or a date the date rules read, and at most two other words; or a relative
    time (``2 hours ago``: table ``relative_times``, as the item rules read it).

    >>> from clean.catalog import shipped_rules
    >>> [is_stamp(t, shipped_rules()) for t in ("Вчера, 21:07", "14 октября 2020", "– 29 (4 нових випадки)", "2 hours ago")]
    [True, True, False, True]
    """
    if rules.derived("items.relative-times", relative_times).fullmatch(text.strip().casefold()):
        return True  # '2 hours ago', '5 минут назад': a reader comment's time, a card's
    rest = CLOCK.sub(" ", text)
    for found in find_dates(rest, rules):
        rest = rest[: found.start] + " " * (found.end - found.start) + rest[found.end :]
    return rest != text and len(WORDS.findall(rest)) <= 2


def classify(text: str, words: list[str], stops: frozenset, rules) -> str:
    """The ladder of the module docstring, for one stripped line and its case-folded words."""
    chars = len(text)
    if chars <= MAX_STAMP_CHARS and DIGIT.search(text) and is_stamp(text, rules):
        return STAMP
    if "©" in text:
        return BAD
    if chars < LEN_LOW:
        return SHORT
    density = sum(map(stops.__contains__, words)) / max(len(words), 1)
    if density >= STOP_HIGH:
        return GOOD if chars >= LEN_HIGH else NEAR
    if density >= STOP_LOW or (density >= STOP_SENTENCE and text[-1] in SENTENCE_END):
        return NEAR
    if density >= STOP_SPARSE_SENTENCE and text[-1] in SENTENCE_END and "," in text:
        return NEAR  # a sentence with a clause in a language of few stop words (Kazakh, Kyrgyz, Turkish)
    return BAD


def is_echo(title: LineInfo, line: LineInfo) -> bool:
    """True when ``line`` repeats the headline of the page's title line (with or without the site's name)."""
    a, b = title.folded, line.folded
    return line.words >= 3 and len(b) >= MIN_REPEAT_CHARS and (b in a or (len(a) >= MIN_REPEAT_CHARS and a in b))
