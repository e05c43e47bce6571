"""Where a title line names its site: ``Title — Site.kz — slogan``, ``Title | Site``, ``Site.kz: Title``.

The HTML ``<title>`` of a news page is the headline plus the site's name, in
front or behind, joined by a bar, a dash or a colon. This module finds that
name; :mod:`clean.families.chrome.page_chrome` cuts it. What counts as a site name:

- a *domain* (``Tengrinews.kz``, ``www.zakon.kz``; the rule's pattern lists the
  endings) after any separator, or before a colon, bar or dash;
- after a *bar*, a part of at most :data:`MAX_SITE_WORDS` words that is shorter
  than the headline before it (``Tokayev meets Xi | The Astana Times``);
- after a *dash*, or before a bar or a dash, a part of at most :data:`MAX_SITE_WORDS` words holding
  a site word (table ``site_words``: Новости, News, Жаңалықтары, Новини, Times…),
  so a headline with a real dash (``Алматы — город яблок``) is left whole;
- after a dash, a slash or ``»``, one coined word (:data:`BRAND`: a capital
  inside it, letters and digits run together: ``ОренБест``, ``Якутия24``);
- any short part, when the page repeats the headline without it on a following
  line (``Title — Kazinform`` then ``Title``); further down the page (``far``,
  the ``<h1>`` below the menus) when the headline has at least
  :data:`MIN_FAR_ECHO_WORDS` words or the part opens with a capital; or a
  capitalised part that the page shows alone further down (its logo or footer
  line), after a headline of at least :data:`MIN_FAR_ECHO_WORDS` words.

A part with a comma, colon or closing punctuation is never a site's name, and
a headline that ends like a sentence is not a title line.

>>> import regex
>>> domain = regex.compile(r"^(?:[\\w-]+\\.)+kz$")
>>> suffix("Казахстан возглавил ОДКБ — Semeinews.kz — главные новости", domain, ("новост*",))
SiteName(title='Казахстан возглавил ОДКБ', cut=' — Semeinews.kz — главные новости', site='semeinews.kz')
>>> suffix("Алматы — город яблок", domain, ("новост*",)) is None
True
>>> suffix("Токаев подписал закон о СМИ | Политика | Новости Казахстана", domain, ("новост*",)).site
'Новости Казахстана'
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from clean.model.document import fold_case

MAX_SITE_WORDS = 4
CLOSING = ".;:"  # a headline may end with ? ! or …, never with a full stop
SEPARATOR = regex.compile(r"(\s+[—–/»-]\s+|\s*\|\s*)")
SEPARATOR_MARKS = ("|", "—", "–", "-", "/", "»")  # one of them is in every SEPARATOR match
SPACED_MARKS = SEPARATOR_MARKS[1:]  # the marks of SEPARATOR's first form, with spaces on both sides
BRAND = regex.compile(r"\p{Ll}\p{Lu}|\p{L}\d|\d\p{L}")  # ОренБест, Якутия24: a coined name, not a word
MIN_FAR_ECHO_WORDS = 3  # a headline echoed far down the page, shorter than this, needs a capitalised site part
COLON_PREFIX = regex.compile(r"^(?P<site>\S+?)\s*:\s+(?=\S)")
NOT_A_NAME = regex.compile(r"[,:;!?…]|\.$")
SENTENCE_END = ".!?…;:»\"”)"


class SiteName(NamedTuple):
    """A title line split: the headline, the text cut off (separators included), the site's name."""

    title: str
    cut: str
    site: str


# What fold() strips from the ends: every whitespace character (all are below U+3001) and the full stop.
SPACE_OR_DOT = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "."


def fold(text: str) -> str:
    """Case- and space-folded text, for comparing titles."""
    return " ".join(text.casefold().split()).strip(" .")


def fold_ends(text: str) -> str:
    """The first and last characters of ``fold(text)`` ('' for ''), found without folding all of it.

    ``fold(a) == b`` only if ``fold_ends(a) == b[:1] + b[-1:]``, a cheap test that
    spares folding a long paragraph that cannot equal a title. It holds because
    casefolding maps a space to spaces, a full stop to itself and any other
    character to characters that are neither (tests/test_page_gates.py checks every code point).

    >>> fold_ends("  «Новость дня»... "), fold(" «Новость дня»... ")
    ('«»', '«новость дня»')
    """
    core = text.strip(SPACE_OR_DOT)
    return core[:1].casefold()[:1] + core[-1:].casefold()[-1:]


def folds_to(text: str, key: str) -> bool:
    """``fold(text) == key``, answered without folding ``text`` when their ends differ."""
    return fold_ends(text) == key[:1] + key[-1:] and fold(text) == key


def suffix(text: str, domain: regex.Pattern, site_words: tuple[str, ...], echoes=frozenset(),
           far=frozenset()) -> SiteName | None:
    """The site's name after the headline, with everything after it (a slogan), or None.

    ``echoes`` are the folded lines that follow: a headline the page repeats
    without the part after it (the ``<h1>`` under the ``<title>``) shows that part
    is the site's name, whatever its words.
    """
    if not _may_split(text):
        return None
    pieces = SEPARATOR.split(text)
    for k in range(2, len(pieces), 2):
        title = "".join(pieces[:k - 1]).strip()
        if not title or title[-1] in CLOSING:
            continue
        if _names_site(pieces[k], pieces[k - 1], title, domain, site_words) or (
            _short_name(pieces[k]) and _echoed(title, pieces[k], echoes, far)  # the costlier test last
        ):
            return SiteName(title, text[len("".join(pieces[:k - 1])) :], _pick_site(_parts_after(pieces, k), domain, site_words))
    return None


def _parts_after(pieces: list[str], k: int) -> list[str]:
    """The parts after the separator at ``k - 1``, split only where the same mark stands again.

    ``» Москва - Третий Рим`` is one part: a different mark inside it belongs to the name.

    >>> _parts_after(SEPARATOR.split("Title » Moscow - Third Rome"), 2)
    ['Moscow - Third Rome']
    """
    mark = pieces[k - 1].strip()
    parts = [pieces[k]]
    for j in range(k + 1, len(pieces) - 1, 2):
        if pieces[j].strip() == mark:
            parts.append(pieces[j + 1])
        else:
            parts[-1] += pieces[j] + pieces[j + 1]
    return parts


def _pick_site(parts: list[str], domain: regex.Pattern, site_words) -> str:
    """Of the parts after the headline (``| Rubric | Site | slogan``), the one that names the site.

    A domain first, then a short part with a site word, else the first part.
    """
    for part in parts:
        if domain.search(part.strip()):
            return part.strip().lower()  # what _site gives a domain, without searching it again
    for part in parts:
        if _short_name(part) and _has_site_word(part, site_words):
            return _site(part, domain)
    return _site(parts[0], domain)


def _echoed(title: str, part: str, echoes, far) -> bool:
    """The page repeats ``title`` alone: on the next lines, or further down when the repeat means something;
    or, for a headline of :data:`MIN_FAR_ECHO_WORDS` words or more, it shows ``part`` alone further down
    (the site's logo or footer line: ``Title - Економічна правда`` and later ``Економічна правда``)."""
    key = fold(title)
    if key in echoes:
        return True
    long_title, capital = len(title.split()) >= MIN_FAR_ECHO_WORDS, part.strip()[:1].isupper()
    if not (long_title or capital):
        return False
    if key in far:
        return True
    name = fold(part)
    return long_title and capital and (name in echoes or name in far)


def prefix(text: str, domain: regex.Pattern, site_words: tuple[str, ...], echoes=frozenset(),
           far=frozenset()) -> SiteName | None:
    """The site's name before the headline (``Zakon.kz: …``, ``Tengrinews | …``), or None."""
    colon = COLON_PREFIX.match(text) if ":" in text else None
    if colon and (domain.search(colon.group("site")) or fold(text[colon.end():]) in echoes):
        return _prefixed(text, colon.end(), colon.group("site"), domain)
    pieces = SEPARATOR.split(text, maxsplit=1) if _may_split(text) else ()
    if len(pieces) == 3:
        rest = pieces[2].strip()
        echoed = _short_name(pieces[0]) and _echoed(rest, pieces[0], echoes, far)
        by_word = _names_site(pieces[0], "—", rest, domain, site_words) and (
            domain.search(pieces[0]) or rest[-1:] not in SENTENCE_END
        )  # a site word alone never cuts the front off a line that ends like a sentence
        if rest and (echoed or by_word):  # a bar alone is not enough
            return _prefixed(text, len(pieces[0]) + len(pieces[1]), pieces[0], domain)
    return None


def may_suffix(text: str) -> bool:
    """False when :func:`suffix` finds no site's name in ``text``, whatever the page: it needs a separator."""
    return _has_separator(text)


def may_prefix(text: str) -> bool:
    """False when :func:`prefix` finds no site's name in ``text``, whatever the page: a name before the headline
    ends with a colon (COLON_PREFIX) or a separator."""
    return ":" in text or _has_separator(text)


def _may_split(text: str) -> bool:
    """False when ``text`` has none of the characters a SEPARATOR needs (the split would find nothing)."""
    return any(map(text.__contains__, SEPARATOR_MARKS))


def _has_separator(text: str) -> bool:
    """False when SEPARATOR finds nothing in ``text``: it has no ``|``, and no dash, slash or ``»`` with a space
    on each side (a character ``str.isspace`` takes: it takes every one ``\\s`` matches, tests/test_page_gates.py)."""
    if "|" in text:
        return True
    last = len(text) - 1
    for mark in SPACED_MARKS:
        at = text.find(mark, 1, last)
        while at >= 0:
            if text[at - 1].isspace() and text[at + 1].isspace():
                return True
            at = text.find(mark, at + 1, last)
    return False


def _prefixed(text: str, end: int, site: str, domain: regex.Pattern) -> SiteName | None:
    title = text[end:].strip()
    if not title or title[-1] in CLOSING:
        return None
    return SiteName(title, text[:end], _site(site, domain))


def _short_name(part: str) -> bool:
    """At most :data:`MAX_SITE_WORDS` words and no punctuation a name does not have."""
    part = part.strip()
    return 0 < len(part.split()) <= MAX_SITE_WORDS and not NOT_A_NAME.search(part)


def _names_site(part: str, separator: str, headline: str, domain: regex.Pattern, site_words) -> bool:
    part = part.strip()
    if domain.search(part):
        return True
    if not _short_name(part):
        return False
    if "|" in separator:
        return len(part.split()) < len(headline.split())
    return _has_site_word(part, site_words) or (len(part.split()) == 1 and BRAND.search(part) is not None)


def _has_site_word(part: str, site_words) -> bool:
    return any(_is_site_word(w.strip("«»\"'"), site_words) for w in fold_case(part).split())


def _is_site_word(word: str, site_words) -> bool:
    """``word`` is in ``site_words``, or starts with one of its stems (``новост*``)."""
    return any(word.startswith(w[:-1]) if w.endswith("*") else word == w for w in site_words)


def _site(part: str, domain: regex.Pattern) -> str:
    part = part.strip()
    return part.lower() if domain.search(part) else part
