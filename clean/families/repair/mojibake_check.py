"""Which lines ftfy must see: a cheap check with the same answer as running ftfy everywhere.

``ftfy.fix_text`` costs a few MB/s, and most lines of news text cannot hold
mojibake. ftfy itself leaves a line unchanged unless (a) it holds a character
one of its fixers acts on (control characters, ligatures, fullwidth forms,
C1 controls, characters that are not NFC, and every character mojibake is made
of), or (b) its badness check (``ftfy.badness.BADNESS_RE``) matches.

:data:`SAFE` is the alphabet of plain Russian, Kazakh, Ukrainian, Belarusian
and English text, where no fixer acts. Inside it, the badness check can only
match two or three characters in a row (its longer patterns all need a
character outside :data:`SAFE`), so it can only match where two adjacent
characters form a *bad pair*: a pair that some match of the badness check
starts with. :func:`needs_ftfy_pattern` finds those pairs by asking ftfy's own
badness check, once per pair of character kinds (characters that every class
of the check treats alike), and compiles ``[^SAFE] | bad pair``. A line where
it does not match is a line ftfy returns unchanged; a test checks this.

The badness check is ftfy's internal ``ftfy.badness`` (tested with ftfy 6.2-6.3).
An ftfy without it still works: a warning says so and every line goes to ftfy
(the slow path, same output).

>>> NEEDS_FTFY.search("Президент РФ встретился с «Роснефтью» — провёл встречу.") is None
True
>>> NEEDS_FTFY.search("РџСЂРµР·РёРґРµРЅС‚") is not None
True
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_right
from itertools import product

import regex

from clean.engine.char_replace import note_within
from clean.engine.kinds import touched_lines

try:
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
except ImportError:  # an ftfy whose internals moved: ftfy on every line (the slow path, same output)
    BADNESS_RE = MOJIBAKE_CATEGORIES = None
    warnings.warn("clean: this ftfy has no ftfy.badness; every line goes through ftfy, so cleaning is slower",
                  RuntimeWarning, stacklevel=2)

EVERY_LINE = regex.compile(r"(?s).")  # the slow path: every line that is not empty
SAFE = (
    "\t\n\x20-\x7e"  # printable ASCII (and the line end)
    "\u0410-\u044f\u0401\u0451"  # Russian alphabet
    "\u0406\u0456\u0407\u0457\u0404\u0454\u0490\u0491\u040e\u045e"  # Ukrainian, Belarusian
    "\u04d8\u04d9\u04e8\u04e9\u0492\u0493\u049a\u049b\u04a2\u04a3\u04ae\u04af\u04b0\u04b1\u04ba\u04bb"  # Kazakh
    "«»—–…№“”„‘’"  # typography of the region
    "\u00a0\u00ad\u2009\u202f"  # no-break, soft hyphen, thin and narrow spaces
)


def _class_chars(members: str) -> frozenset:
    """The characters of a character class written as :data:`SAFE` is (characters and ``a-b`` ranges).

    >>> sorted(_class_chars("a-c№"))
    ['a', 'b', 'c', '№']
    """
    chars, i = set(), 0
    while i < len(members):
        if i + 2 < len(members) and members[i + 1] == "-":
            chars.update(map(chr, range(ord(members[i]), ord(members[i + 2]) + 1)))
            i += 3
        else:
            chars.add(members[i])
            i += 1
    return frozenset(chars)


SAFE_CHARS = _class_chars(SAFE)  # the same set as _alphabet() (a test checks), without a scan of the BMP


def _alphabet() -> list[str]:
    safe = re.compile(f"[{SAFE}]")
    return [chr(c) for c in range(0x10000) if safe.fullmatch(chr(c))]  # the whole BMP: № is U+2116


def _kind(ch: str, classes: list[re.Pattern]) -> tuple:
    """What the badness check can tell about ``ch``: its category classes and the generic classes."""
    literal = ch if ch in BADNESS_RE.pattern else ""
    return (*(bool(c.fullmatch(ch)) for c in classes), ch.isspace(), ch.isalnum() or ch == "_",
            "a" <= ch <= "z", "A" <= ch <= "Z", literal)


def bad_pairs() -> dict[str, set[str]]:
    """For each character of :data:`SAFE`, the characters after which the badness check may match."""
    prefix = regex.compile(BADNESS_RE.pattern, regex.VERBOSE)  # partial matches: pairs worth a third character
    classes = [re.compile(f"[{chars}]") for chars in MOJIBAKE_CATEGORIES.values()]
    kinds: dict[tuple, list[str]] = {}
    for ch in _alphabet():
        kinds.setdefault(_kind(ch, classes), []).append(ch)
    reps = [members[0] for members in kinds.values()]
    pairs: dict[str, set[str]] = {}
    for a, b in product(kinds.values(), repeat=2):
        x, y = a[0], b[0]
        if BADNESS_RE.match(x + y) or (
            prefix.match(x + y, partial=True) and any(BADNESS_RE.match(x + y + z) for z in reps)
        ):
            for ch in a:
                pairs.setdefault(ch, set()).update(b)
    return pairs


def needs_ftfy_pattern(pairs: dict[str, set[str]] | None = None) -> regex.Pattern:
    """``[^SAFE]`` or a bad pair (of ``pairs``, by default :func:`bad_pairs`), compiled."""
    by_partners: dict[frozenset, list[str]] = {}
    for first, partners in (pairs if pairs is not None else bad_pairs()).items():
        by_partners.setdefault(frozenset(partners), []).append(first)
    alternatives = [f"[^{SAFE}]"] + [
        f"[{regex.escape(''.join(sorted(firsts)))}][{regex.escape(''.join(sorted(partners)))}]"
        for partners, firsts in sorted(by_partners.items(), key=lambda kv: sorted(kv[1]))
    ]
    return regex.compile("|".join(alternatives))


def made_for() -> str:
    """What the bad pairs depend on: ftfy's version, its badness check, this Python's Unicode tables and
    :data:`SAFE`, as one short digest (the key of :mod:`clean.families.repair.bad_pairs_table`)."""
    import hashlib
    import unicodedata

    import ftfy

    parts = [ftfy.__version__, unicodedata.unidata_version, SAFE, BADNESS_RE.pattern, repr(sorted(MOJIBAKE_CATEGORIES.items()))]
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _stored_or_found() -> dict[str, set[str]]:
    """:func:`bad_pairs`, read from the stored table when it was made for this ftfy and Python (most starts:
    the search costs about 60 ms), else found again."""
    from clean.families.repair.bad_pairs_table import BAD_PAIRS, MADE_FOR

    if MADE_FOR == made_for():
        return {first: set(partners) for first, partners in BAD_PAIRS.items()}
    return bad_pairs()


_PAIRS = _stored_or_found() if BADNESS_RE is not None else {}
NEEDS_FTFY = needs_ftfy_pattern(_PAIRS) if BADNESS_RE is not None else EVERY_LINE
_FIRSTS: dict[str, str] = {}  # second character of a bad pair -> the characters it may follow
for _first, _partners in _PAIRS.items():
    for _second in _partners:
        _FIRSTS[_second] = _FIRSTS.get(_second, "") + _first
_PAIRS_IN_LINE = not any("\n" in first + "".join(partners) for first, partners in _PAIRS.items())
_NEEDS_FTFY_STD = re.compile(NEEDS_FTFY.pattern)  # classes and their alternation only: the same matches
_ALL_SAFE = re.compile(f"[{SAFE}]*")  # the standard engine runs a plain class many times faster


def flagged_lines(doc) -> list[int]:
    """The kept lines of ``doc`` where :data:`NEEDS_FTFY` matches: what
    :func:`~clean.engine.kinds.touched_lines` gives for it, found with one search per such line.

    A page of mojibake holds thousands of characters outside :data:`SAFE`, and a
    scan of every match looks at each in Python; the ``regex`` engine also tries
    every alternative at every character, where the standard engine, which reads
    this pattern of character classes alike (a test checks), is about five times
    faster (:data:`_NEEDS_FTFY_STD`). No match crosses a line end
    (:data:`SAFE` holds it, so ``[^SAFE]`` never takes it, and no bad pair holds
    it: :data:`_PAIRS_IN_LINE`), so a line holds a match of the page's scan
    exactly when a search from its start finds one before its end; after a hit,
    the search goes on from the next line's start. The slow path
    (:data:`EVERY_LINE`) or a pair with a line end: the scan itself.
    """
    if NEEDS_FTFY is EVERY_LINE or not _PAIRS_IN_LINE:
        return touched_lines(doc, NEEDS_FTFY)
    view = doc.view()
    text, index, offsets = view.text, view.index, view.offsets
    hits: list[int] = []
    found = _NEEDS_FTFY_STD.search(text)
    while found is not None:
        k = bisect_right(offsets, found.start()) - 1
        hits.append(index[k])
        if k + 1 == len(offsets):
            break
        found = _NEEDS_FTFY_STD.search(text, offsets[k + 1])
    return hits


def outside_alphabet(doc) -> bool:
    """Does the page (``doc``'s view) hold a character outside :data:`SAFE`? Found once per view text and
    kept in ``doc.memo``: ``repair.cyrillic-mojibake`` and ``repair.mojibake`` both ask. A page inside it is
    noted (:func:`~clean.engine.char_replace.note_within`), so the character rules after them
    (``repair.invisible-char``, ``repair.odd-space``) look only for their characters that are in :data:`SAFE`."""
    text = doc.view().text
    seen = doc.memo.get("repair.outside-alphabet")
    if seen is None or seen[0] is not text:
        seen = doc.memo["repair.outside-alphabet"] = (text, _ALL_SAFE.match(text).end() != len(text))
        if not seen[1]:
            note_within(doc, SAFE_CHARS)
    return seen[1]


def needs_ftfy(text: str, outside: bool | None = None) -> bool:
    """True when :data:`NEEDS_FTFY` matches somewhere in ``text``, found the fast way.

    One greedy pass over the safe alphabet (skipped when ``outside`` already says
    whether the text leaves it), then a look at the character before each
    possible second character of a bad pair (a few per page at most).

    >>> needs_ftfy("Президент «Казахстана»"), needs_ftfy("СНГ«"), needs_ftfy("naïve")
    (False, True, True)
    """
    if BADNESS_RE is None:
        return True
    if outside if outside is not None else _ALL_SAFE.match(text).end() != len(text):
        return True
    for second, firsts in _FIRSTS.items():  # a handful of characters, each found by a C-level scan
        at = text.find(second, 1)
        while at > 0:
            if text[at - 1] in firsts:
                return True
            at = text.find(second, at + 1)
    return False
