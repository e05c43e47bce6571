"""The date reader reads what the date pattern alone read: the shape pattern changes no date.

:meth:`clean.families.dates.vocabulary.Vocabulary.match` reads with ``shape`` (any word where a month
goes) and asks the full pattern only when a month word is not a known spelling.
Here the reader is compared with the pattern as it was built before the shape
existed (:func:`reference_pattern`, kept verbatim): every match, span and group,
at every place a date can start, every ``find_dates`` and ``first_date``, over
the date tables of ``tests/test_dates.py``, the pages of ``tests/corpus``,
``tests/listings`` and ``seeds/``, and generated date-like text built from the
month table in every language and case (other scripts' digits, glued digits,
look-alike words and letters that only fold to a month's letters included).
"""

from __future__ import annotations

from dataclasses import replace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import clean.families.dates.reader as D
import clean.families.dates.vocabulary as V
from clean.pipeline import Pipeline
from tests.conftest import ROOT
from tests.test_dates import ITEM_DATES, KEEPS, SPLITS

RULES = Pipeline().rules
VOCAB = D.vocabulary(RULES)


def reference_pattern(rules) -> regex.Pattern:
    """The date pattern as ``clean.families.dates.reader`` built it before the shape pattern (the reference)."""
    forms, stems = {}, []
    for months in rules.table("months").values():
        for number, words in months.items():
            for word in words:
                if word.endswith("*"):
                    stems.append((word[:-1].lower(), int(number)))
                else:
                    forms[word.lower().removesuffix(".") or word] = int(number)  # 'янв.': an abbreviation
    alternatives = sorted(forms, key=len, reverse=True)
    stem_alts = [regex.escape(s) + r"\w*" for s, _ in sorted(stems, key=lambda s: -len(s[0]))]
    month = r"(?:" + "|".join([regex.escape(a) + r"\.?" for a in alternatives] + stem_alts) + r")(?!\w)"
    kk_year = r"(?:жылғы|жылы|жылдың|ж\.)"
    year_word = rf"(?:\s*(?:года|году|годзе|год|г\.|г(?!\w)|{kk_year}|року|році|рік|р\.|year))?"
    ordinal = r"(?:st|nd|rd|th|-(?:го|ого|е|ое))?"  # 1st, 1-го сентября, 15-го вересня
    in_year = r"\s+(?:в|у|ў|in)\s+(?=\d{4}\s*(?:году|годзе|році|г\.|year))"  # 14 декабря в 1989 году
    short_year = r"\d{2}(?=\s*(?:$|[,|]?\s*\d{1,2}:\d{2}))"  # 2 Декабрь 95, at the end or before a time
    before, after = V._relative(rules, "before"), V._relative(rules, "after")
    to = r"\s*(?:[-–—]|по|па|до|to|and|и|і)\s*"
    range_end = rf"(?:\s*[-–—]\s*\d{{1,2}}(?!\d){ordinal})"
    return regex.compile(
        rf"""(?xi)
        {V.NOT_INSIDE}
        (?: (?:с|з|from)\s+ )?
        (?P<rb>{before}\s+)?
        (?: [«"“„]? (?P<d>\d{{1,2}}) (?!\d) [»"”“]? {ordinal} (?:{to}\d{{1,2}} (?!\d) {ordinal})?
              (?:\s+|-) (?:of\s+)? (?P<m>{month})
              (?: {to}\d{{1,2}} (?!\d) {ordinal} \s+ (?:of\s+)? (?P<me>{month}) )?
              (?: (?:,?\s+|{in_year}) (?P<y>\d{{4}}|{short_year}) (?!\d) {year_word} | \s+(?P<ra>{after}) )?
          | (?P<m2>{month}) \s+ (?P<d2>\d{{1,2}}) (?!\d) {ordinal} {range_end}?
              (?: ,?\s+ (?P<y2>\d{{4}}) (?!\d) | \s+(?P<ra2>{after}) )?
          | (?P<y3>\d{{4}}) \s+ (?:{kk_year}\s+)?  (?P<d3>\d{{1,2}}) (?!\d) {range_end}? (?:\s+|-) (?P<m3>{month})
          | (?P<nd>\d{{1,2}}) (?P<ns>[./-]) (?P<nm>\d{{1,2}}) (?P=ns) (?P<ny>\d{{4}}) (?!\d) {year_word}
          | (?P<iy>\d{{4}}) - (?P<im>\d{{2}}) - (?P<id>\d{{2}}) (?!\d)
          | (?P<y4>\d{{4}}) - (?P<m4>{month}) - (?P<d4>\d{{1,2}}) (?!\d)
        )""",
        regex.IGNORECASE | regex.VERBOSE,
    )


REFERENCE = reference_pattern(RULES)


def _key(m):
    return None if m is None else (m.span(), m.groups())


def _hit_key(hit):
    """A reader's hit, (match, groups), as :func:`_key` gives a match: its groups must be the match's."""
    return None if hit is None else (hit[0].span(), hit[1]) if hit[1] == hit[0].groups() else "groups differ"


def _reference_dates(text: str) -> list:
    return [f for m in REFERENCE.finditer(text) if (f := D._read(m, m.groups(), VOCAB)) is not None]


def _reference_first(text: str, last_start: int):
    after = 0
    for start in D.DATE_START.finditer(text, 0, last_start):
        pos = start.start()
        m = REFERENCE.match(text, pos) if pos >= after else None
        if m is not None:
            found = D._read(m, m.groups(), VOCAB)
            if found is not None:
                return found
            after = m.end()
    return None


def differences(text: str, vocab=VOCAB) -> list:
    """Where the reader (``vocab``) and the reference differ on ``text`` (empty when they agree)."""
    out = []
    for pos in range(len(text) + 1):  # every place, not only where a date can start
        if _hit_key(vocab.match(text, pos)) != _key(REFERENCE.match(text, pos)):
            out.append(("match", pos))
        if pos % 7 == 0 and _hit_key(vocab.search(text, pos)) != _key(REFERENCE.search(text, pos)):
            out.append(("search", pos))
    if list(D.find_dates(text, RULES)) != _reference_dates(text):
        out.append(("find_dates", text))
    for last in (0, 10, len(text)):
        if D.first_date(text, RULES, last) != _reference_first(text, last):
            out.append(("first_date", last))
    return out


def _page_texts() -> list[str]:
    texts = [line for _, line, _ in SPLITS] + [line for _, line in KEEPS] + [case[1] for case in ITEM_DATES]
    files = [p for d in ("tests/corpus", "tests/listings", "seeds") for p in sorted((ROOT / d).glob("*.txt"))]
    return texts + [p.read_text(encoding="utf-8", errors="replace") for p in files]


def test_the_shape_is_used():
    assert VOCAB.shape is not None and VOCAB.spellings


def test_reader_equals_reference_on_tables_and_pages():
    lines = [line for text in _page_texts() for line in text.splitlines() if D.DIGIT.search(line)]
    assert len(lines) > 500
    assert [(line, d) for line in lines if (d := differences(line))] == []


class Everything:
    def __contains__(self, word) -> bool:
        return True


def test_a_reader_that_trusts_any_word_is_caught():
    """Taking every word of the shape for a month makes the comparison fail: the texts test the fallback."""
    lying = replace(VOCAB, spellings=Everything())
    lines = [line for text in _page_texts() for line in text.splitlines() if D.DIGIT.search(line)]
    assert any(differences(line, lying) for line in lines)
    assert differences("Минске 20 человек", lying) and not differences("Минске 20 человек")


def test_the_fallback_reads_unusual_spellings():
    """Mixed case and letters that only fold to a month's are not spellings: the full pattern reads them."""
    for text in ["НОЯбря 20, 2020", "20 ᲂктября 2021", "20 Kазан", "1 маусымда 2024", "1 СЕНТ. 2020", "1 Сент.x"]:
        m = VOCAB.shape.match(text, 0)
        assert m is not None and differences(text) == []


def test_reader_equals_reference_across_lines():
    """Whole pages at once: matches that run over line ends, search and find_dates past many dates."""
    for text in _page_texts()[-40:]:
        assert list(D.find_dates(text, RULES)) == _reference_dates(text)


def test_month_letters_fold_only_to_word_characters():
    """The shape's premise: a month matches only word characters (and its dot), as ANY_WORD reads them.

    Every character the case-insensitive month letters match, in all of Unicode, is ``\\w``.
    """
    letters = {c for word in [*VOCAB.forms, *(s for s, _ in VOCAB.stems)] for c in word}
    everything = "".join(map(chr, range(0x110000)))
    folded = regex.findall("[" + "".join(regex.escape(c) for c in sorted(letters)) + "]", everything, regex.I)
    assert folded and all(regex.fullmatch(r"\w", c) for c in folded)


MONTH_WORDS = sorted({w.rstrip("*") for months in RULES.table("months").values() for ws in months.values() for w in ws})
LOOK_ALIKE = {"в": "ᲀ", "о": "ᲂ", "с": "ᲃ", "т": "ᲄ", "ъ": "ᲆ", "k": "\u212a", "s": "ſ", "i": "İ"}  # fold to a month letter


@st.composite
def month_word(draw) -> str:
    word = draw(st.sampled_from(MONTH_WORDS))
    case = draw(st.sampled_from(["lower", "capital", "upper", "mixed", "look-alike"]))
    if case == "capital":
        word = word.capitalize()
    elif case == "upper":
        word = word.upper()
    elif case == "mixed":
        word = "".join(c.upper() if draw(st.booleans()) else c for c in word)
    elif case == "look-alike":
        word = "".join(LOOK_ALIKE.get(c, c) for c in word)
    cut = draw(st.sampled_from(["whole", "whole", "prefix", "suffix", "mark", "dot"]))
    if cut == "prefix":
        word = word[: draw(st.integers(1, max(1, len(word) - 1)))]
    elif cut == "suffix":
        word += draw(st.sampled_from(["а", "інде", "те", "x", "s", "1", "_"]))
    elif cut == "mark":
        word += "\u0301"  # a combining accent: a word character that is no letter
    elif cut == "dot":
        word += draw(st.sampled_from([".", ".x", ". ", "..", ".1"]))
    return word


PIECES = st.one_of(
    month_word(),
    st.sampled_from([
        "1", "14", "02", "31", "2020", "٢٠٢٠", "١٤", "1st", "2nd", "20th", "202020", "20.11.2020", "20/11/2020",
        "2024-09-11", "11.09.", "2024-09-011", "-", "–", "—", "по", "до", "to", "and", "и", "of", "с", "з", "from",
        "года", "г.", "г", "жылғы", "жылдың", "року", "р.", "year", "с.г.", "с. г.", "сего года", "this year",
        "биылғы", "ағымдағы жылғы", "осы жылғы", ",", ".", "/", "В", "Минске", "человек", "Мартин", "Декабрист",
    ]),
)
SPACES = st.sampled_from([" ", " ", "", "  ", "\n", "\t", "\u00a0", ", "])


@given(st.lists(st.tuples(PIECES, SPACES), min_size=1, max_size=8))
@settings(max_examples=400, deadline=None)
def test_reader_equals_reference_on_generated_dates(parts):
    text = "".join(piece + space for piece, space in parts)
    assert differences(text) == []


def test_spellings_are_the_case_variants_the_month_pattern_takes():
    """The spellings are found letter by letter; they are exactly those an IGNORECASE pattern of each form
    (and of each stem) matches whole, as a compiled pattern per spelling would say."""
    def cases(word):
        return {word, word.capitalize(), word.upper()}

    forms = {**VOCAB.forms, "straße": 9, "mai": 5}  # a capital that is longer (SS), a dotted capital İ (MAİ)
    stems = [*VOCAB.stems, ("ıl", 1)]
    spelled = {w + dot for f in forms for w in cases(f) for dot in ("", ".")
               if regex.fullmatch(regex.escape(f) + r"\.?", w + dot, regex.IGNORECASE)}
    by_length: dict = {}
    for stem, _ in stems:
        for w in cases(stem):
            if regex.fullmatch(regex.escape(stem), w, regex.IGNORECASE):
                by_length.setdefault(len(w), set()).add(w)
    assert V._spellings(forms, stems) == (frozenset(spelled), tuple((k, frozenset(v)) for k, v in sorted(by_length.items())))
