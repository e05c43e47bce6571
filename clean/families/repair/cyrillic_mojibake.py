"""The ``repair.cyrillic-mojibake`` rule of ``repair_unicode``: Cyrillic read with the wrong single-byte code page.

ftfy undoes UTF-8 read as a single-byte code page. Old forum and database dumps
of the region hold the other kind, which ftfy leaves alone: cp1251 text read
as latin-1 or cp1252 (``Ðîññèÿ``), koi8-r read as cp1251 and back
(``тПУУЙС``, ``пНЯЯХЪ``), cp866 and mac-cyrillic read as cp1251, UTF-8 read
as koi8-r, cp866 or mac-cyrillic (``п═п╬я│я│п╦я▐``).

For each way a line can have been misread (:data:`MISREADINGS`: the code page
it was shown in, the one it was written in), the runs of the line that the
first can encode are encoded so and decoded with the second. The result is
kept when it is *clearly better* Cyrillic, by the share of its letter pairs
that Russian, Ukrainian, Belarusian or Kazakh write
(``rules/tables/cyrillic_bigrams.toml``, counted from CLDR by
``python -m clean.bigram_table``): at least :data:`MIN_SHARE`, and
:data:`MIN_GAIN` above the line as it is. Twice at most (double encodings).

Only lines a cheap test flags are looked at (:func:`suspect`): a character
outside the region's alphabet, or a lower-case Cyrillic letter followed by a
capital one inside a word (koi8-r and cp1251 swap the cases). Clean text in any
language is left alone: its pairs are already known, or the misreading gives
no better Cyrillic.

>>> from clean.catalog import shipped_rules
>>> pairs = known_pairs(shipped_rules())
>>> repair_line("Ïðàâèòåëüñòâî Ðîññèè ïðèíÿëî ðåøåíèå.", pairs)
'Правительство России приняло решение.'
>>> repair_line("Café au lait, s'il vous plaît.", pairs)
"Café au lait, s'il vous plaît."
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-125x: a code page that keeps every byte)
import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.repair.mojibake_check import SAFE, outside_alphabet
from clean.model.document import Document, Edit

MIN_SHARE = 0.9  # of a repaired line's letter pairs, known to the region's languages
MIN_GAIN = 0.25  # over the line as it was: a repair must be clearly better
MIN_PAIRS = 4  # fewer letter pairs than this say too little to judge a line
MIN_ODD_CHARS = 2  # a line is tried with this many characters outside the alphabet, or a case swap
CASE_SWAP_WINDOW = 256  # characters at the head of a page looked at for a koi8-r/cp1251 case swap
MAX_ROUNDS = 2  # a line misread twice (double encoding) is repaired in two rounds
MISREADINGS = (  # (the code page the text was shown in, the one it was written in)
    ("latin-1", "cp1251"), ("cp1252", "cp1251"), ("cp1251", "koi8-r"), ("cp1251", "koi8-u"),
    ("koi8-r", "cp1251"), ("koi8-u", "cp1251"), ("cp1251", "cp866"), ("latin-1", "cp866"),
    ("cp1251", "mac-cyrillic"), ("mac-cyrillic", "cp1251"), ("koi8-r", "utf-8"), ("koi8-u", "utf-8"), ("cp1251", "utf-8"),
    ("cp866", "utf-8"), ("mac-cyrillic", "utf-8"), ("latin-1", "koi8-r"), ("cp1252", "koi8-r"),
)
FTFY_CODECS = ("sloppy-windows-1251", "sloppy-windows-1252")  # UTF-8 read whole as these: ftfy's to repair
UNSAFE = re.compile(f"[^{SAFE}]")
ALL_SAFE = re.compile(f"[{SAFE}]*")  # the standard engine runs a plain class many times faster
CASE_SWAP = re.compile("[а-яёіїєґўәғқңөұүһ][А-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺ]")  # 'тПУУЙС': koi8-r and cp1251 swapped
WORD = regex.compile(r"[\p{L}\p{S}]+")  # letters and symbols: box-drawing and € inside a word count against it
TOKEN = regex.compile(r"\S+")


def suspect(text: str) -> bool:
    """Can ``text`` hold single-byte Cyrillic mojibake (the cheap test; most pages: no)?

    A case swap is looked for in the first :data:`CASE_SWAP_WINDOW` characters
    only: koi8-r and cp1251 are swapped for a whole file, never for one line deep in it.
    """
    return ALL_SAFE.match(text).end() != len(text) or CASE_SWAP.search(text, 0, CASE_SWAP_WINDOW) is not None


def worth_trying(line: str) -> bool:
    """Is a suspect line worth the misreadings: two odd characters at least, or a case swap (not one emoji)?"""
    return CASE_SWAP.search(line) is not None or len(UNSAFE.findall(line)) >= MIN_ODD_CHARS


def utf8_reading(line: str) -> str | None:
    """``line`` read as UTF-8 when it is UTF-8 read whole as cp1251, cp1252 or latin-1 (ftfy's kind), else None.

    Such a line is offered this one reading, not every misreading: the common
    kind costs one decode. (The sloppy code pages are cp1251 and cp1252 with
    latin-1 in their holes, as ftfy reads them.)
    """
    for codec in FTFY_CODECS:
        try:
            return line.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return None


def known_pairs(rules: RuleSet) -> frozenset:
    """The letter pairs of ``rules/tables/cyrillic_bigrams.toml``, all languages together."""
    return rules.derived("repair.cyrillic-pairs", lambda rs: frozenset(
        pair for text in rs.tables.get("cyrillic_bigrams", {}).values() for pair in text.split()
    ))


def score(text: str, pairs: frozenset) -> tuple[float, int, int]:
    """The share of known pairs among the character pairs of ``text``'s non-ASCII words, their number, and
    the number known (a repair must know more pairs than the line did: it never unmakes real words).

    A word is a run of letters and symbols. A pair of two ASCII characters says
    nothing (English words stay as they are); any other pair counts, known only
    when :data:`pairs` holds it (so Latin-1 letters, box-drawing symbols and
    words mixing scripts count against a line).
    """
    known = total = 0
    for word in WORD.findall(text.lower().replace("ё", "е")):  # CLDR writes е for ё
        if word.isascii():
            continue
        for a, b in zip(word, word[1:]):
            if a < "\x80" and b < "\x80":
                continue
            total += 1
            known += (a + b) in pairs
    return (known / total if total else 0.0), total, known


@lru_cache(maxsize=None)
def _alphabet(codec: str) -> frozenset:
    """The characters ``codec`` shows for its 256 bytes."""
    return frozenset(bytes([b]).decode(codec, errors="ignore") for b in range(256)) - {""}


@lru_cache(maxsize=None)
def _runs(codec: str) -> regex.Pattern:
    """Runs of characters that ``codec`` can encode (compiled on first use, for lines it cannot encode whole)."""
    chars = "".join(sorted(_alphabet(codec)))
    return regex.compile(f"[{regex.escape(chars, special_only=False)}]+")


def _misread(text: str, shown: str, written: str) -> str | None:
    """``text`` (or each run of it ``shown`` can encode) read again as ``written``; None when nothing changes."""
    try:
        new = _redo(text, shown, written)
    except UnicodeEncodeError:  # a line of clean and misread words: run by run
        new = _runs(shown).sub(lambda m: _redo_run(m.group(0), shown, written), text)
    return None if new == text else new


def _redo(text: str, shown: str, written: str) -> str:
    raw = text.encode(shown)
    try:
        return raw.decode(written)
    except UnicodeDecodeError:
        if written != "utf-8":
            return text
        return TOKEN.sub(lambda w: _redo_word(w.group(0), shown, written), text)  # UTF-8 word by word


def _redo_run(run: str, shown: str, written: str) -> str:
    return run if run.isascii() else _redo(run, shown, written)


def _redo_word(word: str, shown: str, written: str) -> str:
    try:
        return word.encode(shown).decode(written)
    except UnicodeError:
        return word


def repair_line(text: str, pairs: frozenset, utf8: bool = False) -> str:
    """``text`` read again with the misreading that gives clearly better Cyrillic, up to twice; else ``text``.

    A line of UTF-8 read whole as cp1251, cp1252 or latin-1 (ftfy's kind, :func:`utf8_reading`) is
    left alone, for ftfy; with ``utf8`` (``repair.utf8-leftover``, after ftfy) only such a line is
    repaired: taken as UTF-8 when that leaves fewer odd characters and only the region's letters (a
    strict UTF-8 decode of a line with odd characters is evidence enough).
    """
    for _ in range(MAX_ROUNDS):
        whole = utf8_reading(text)
        if whole is not None or utf8:
            if not utf8 or whole is None or whole == text or not _in_alphabet(whole) or (
                len(UNSAFE.findall(whole)) >= len(UNSAFE.findall(text))
            ):
                return text
            text = whole
            continue
        now, _, known_now = score(text, pairs)
        best, best_share = None, now + MIN_GAIN
        for candidate, twice in _candidates(text):
            share, total, known = score(candidate, pairs)
            # (a double encoding is four times longer than its text: its chance pairs outnumber the repair's)
            if total >= MIN_PAIRS and (known > known_now or twice) and _in_alphabet(candidate) and (
                (share >= MIN_SHARE and share > best_share) or _cleaner(text, now, candidate, share)
            ):
                best, best_share = candidate, share
        if best is None:
            return text
        text = best
    return text


def _candidates(text: str):
    """The readings of ``text`` worth scoring, each with True when it is a misreading undone twice: each
    misreading that can explain its odd characters, and the same again where odd characters are left."""
    odd, swapped = set(UNSAFE.findall(text)), CASE_SWAP.search(text) is not None
    for shown, written in MISREADINGS:
        if swapped or not odd.isdisjoint(_alphabet(shown)):
            candidate = _misread(text, shown, written)
            if candidate is not None:
                yield candidate, False
                if UNSAFE.search(candidate):  # still odd characters: the same misreading twice (double encoding)
                    twice = _misread(candidate, shown, written)
                    if twice is not None:
                        yield twice, True


def _cleaner(text: str, share: float, candidate: str, candidate_share: float) -> bool:
    """A misreading that touched a few letters (mac-cyrillic and cp1251 share the small letters): better
    pairs, :data:`MIN_SHARE` of them known, and the line failed the cheap test where the repair passes it."""
    return candidate_share >= MIN_SHARE and candidate_share > share and suspect(text) and not suspect(candidate)


def _in_alphabet(text: str) -> bool:
    """A repair gives the region's alphabet only (a misreading that leaves odd letters is not the one)."""
    return all(not ch.isalpha() or ch.isascii() or "\u0400" <= ch <= "\u04ff" for ch in text)


@python_rule("repair.cyrillic-mojibake")
def fix_cyrillic_mojibake(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Re-read the suspect lines whose misreading is clearly better Cyrillic (see module docstring)."""
    if not (outside_alphabet(doc) or CASE_SWAP.search(doc.view().text, 0, CASE_SWAP_WINDOW)):
        return doc
    return _fix(doc, rule, rules, utf8=False)


@python_rule("repair.utf8-leftover")
def fix_utf8_leftover(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """After ftfy: a line still UTF-8 read whole as cp1251, cp1252 or latin-1 (short, or behind a no-break
    space: ``Р РѕСЃСЃРёСЏ``) is read as UTF-8 when that gives the region's letters."""
    return _fix(doc, rule, rules, utf8=True) if outside_alphabet(doc) else doc


def _fix(doc: Document, rule: Rule, rules: RuleSet, utf8: bool) -> Document:
    pairs, lines, edits = known_pairs(rules), list(doc.lines), list(doc.edits)
    for i in doc.view().index:  # a suspect page: its lines looked at one by one, each with two C-level scans
        line = lines[i]
        if not suspect(line.text) or (not utf8 and utf8_reading(line.text) is not None):
            continue  # a clean line, or UTF-8 misread whole: ftfy's (repair.mojibake, next)
        if not worth_trying(line.text):
            continue
        new = repair_line(line.text, pairs, utf8)
        if new != line.text:
            edits.append(Edit.between(rule.id, line.start, line.text, new))
            lines[i] = replace(line, text=new)
    if len(edits) == len(doc.edits):
        return doc
    return doc.replace(lines=tuple(lines), edits=tuple(sorted(edits, key=lambda e: e.line)))

