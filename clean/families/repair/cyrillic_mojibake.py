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

import regex

from clean.engine.kinds import touched_lines
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.repair.mojibake_check import SAFE
from clean.model.document import Document, Edit

MIN_SHARE = 0.9  # of a repaired line's letter pairs, known to the region's languages
MIN_GAIN = 0.25  # over the line as it was: a repair must be clearly better
MIN_PAIRS = 4  # fewer letter pairs than this say too little to judge a line
MAX_ROUNDS = 2  # a line misread twice (double encoding) is repaired in two rounds
MISREADINGS = (  # (the code page the text was shown in, the one it was written in)
    ("latin-1", "cp1251"), ("cp1252", "cp1251"), ("cp1251", "koi8-r"), ("cp1251", "koi8-u"),
    ("koi8-r", "cp1251"), ("koi8-u", "cp1251"), ("cp1251", "cp866"), ("latin-1", "cp866"),
    ("cp1251", "mac-cyrillic"), ("mac-cyrillic", "cp1251"), ("koi8-r", "utf-8"), ("koi8-u", "utf-8"), ("cp1251", "utf-8"),
    ("cp866", "utf-8"), ("mac-cyrillic", "utf-8"), ("latin-1", "koi8-r"), ("cp1252", "koi8-r"),
)
CYRILLIC = "\u0400-\u04ff"
UNSAFE = re.compile(f"[^{SAFE}]")
CASE_SWAP = re.compile(f"[а-яёіїєґўәғқңөұүһ][А-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺ]")  # 'тПУУЙС': koi8-r and cp1251 swapped
WORD = regex.compile(r"[\p{L}\p{S}]+")  # letters and symbols: box-drawing and € inside a word count against it
TOKEN = regex.compile(r"\S+")


def suspect(text: str) -> bool:
    """Can ``text`` hold single-byte Cyrillic mojibake (the cheap test; most lines: no)?"""
    return UNSAFE.search(text) is not None or CASE_SWAP.search(text) is not None


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
def _runs(codec: str) -> regex.Pattern:
    """Runs of characters that ``codec`` can encode, with a non-ASCII one in them."""
    chars = "".join(sorted({bytes([b]).decode(codec, errors="ignore") for b in range(256)} - {""}))
    cls = regex.escape(chars, special_only=False)
    return regex.compile(f"[{cls}]*[[{cls}]--[\\x00-\\x7f]][{cls}]*", regex.V1)


def _misread(text: str, shown: str, written: str) -> str | None:
    """``text`` with each run ``shown`` can encode read again as ``written``; None when nothing changes."""
    def redo(m: regex.Match) -> str:
        try:
            return m.group(0).encode(shown).decode(written)
        except UnicodeError:  # a run of clean and misread words (UTF-8 only): word by word
            return TOKEN.sub(lambda w: _redo_word(w.group(0), shown, written), m.group(0)) if multi else m.group(0)

    multi = written == "utf-8"

    new = _runs(shown).sub(redo, text)
    return None if new == text else new


def _redo_word(word: str, shown: str, written: str) -> str:
    try:
        return word.encode(shown).decode(written)
    except UnicodeError:
        return word


def repair_line(text: str, pairs: frozenset) -> str:
    """``text`` read again with the misreading that gives clearly better Cyrillic, up to twice; else ``text``."""
    for _ in range(MAX_ROUNDS):
        now, _, known_now = score(text, pairs)
        best, best_share = None, now + MIN_GAIN
        for shown, written in MISREADINGS:
            candidate = _misread(text, shown, written)
            if candidate is None:
                continue
            share, total, known = score(candidate, pairs)
            if total >= MIN_PAIRS and known > known_now and _in_alphabet(candidate) and (
                (share >= MIN_SHARE and share > best_share) or _cleaner(text, now, candidate, share)
            ):
                best, best_share = candidate, share
        if best is None:
            return text
        text = best
    return text


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
    if not suspect(doc.view().text):
        return doc
    pairs, lines, edits = known_pairs(rules), list(doc.lines), list(doc.edits)
    for i in touched_lines(doc, _SUSPECT):
        line = lines[i]
        new = repair_line(line.text, pairs)
        if new != line.text:
            edits.append(Edit.between(rule.id, line.start, line.text, new))
            lines[i] = replace(line, text=new)
    if len(edits) == len(doc.edits):
        return doc
    return doc.replace(lines=tuple(lines), edits=tuple(sorted(edits, key=lambda e: e.line)))


_SUSPECT = regex.compile(f"[^{SAFE}]|{CASE_SWAP.pattern}")
