"""Stage 0, ``read_and_decode``: raw bytes to a :class:`~clean.model.document.Document`.

Expects the raw bytes of one page and the path it was read from. Guarantees a
document whose lines are the decoded text split on any line end (CRLF, CR,
LF), numbered from 1, with the sha256 of the raw bytes and the detected
encoding. Never repairs the text itself (that is ``repair_unicode``), and never
guesses on bytes that are not text: a binary file is an :class:`InputError`.

Encoding: a byte-order mark decides first; then strict UTF-8 (most pages, and
the cheapest check); then charset-normalizer, a maintained detector that
handles cp1251, koi8-r and the other legacy code pages of the region. A page
that is UTF-8 but for a few broken bytes is decoded as UTF-8 with the broken
bytes replaced, and says so in its errors.

>>> read_and_decode("Генеральный секретарь выступил на конференции.".encode("cp1251"), "a.txt").source.encoding
'cp1251'
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat

from clean.model.document import Document, SourceInfo, split_lines
from clean.model.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
MAGIC = (
    (b"\x1f\x8b", "gzip data"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
)
OPENINGS = tuple(opening for opening, _ in BOMS + MAGIC)  # the byte-order marks and magic numbers, for startswith
MIN_VALID_UTF8_SHARE = 0.9  # share of non-ASCII bytes in valid UTF-8 sequences to keep UTF-8
# Legacy code pages tried first (the region's Cyrillic and Latin pages); others only if none fits.
LEGACY_CODECS = ("cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5", "cp1252", "cp1250")
FALLBACK_CODECS = ("cp1251", "cp1252")  # tried strictly when the detector finds nothing it trusts
MIN_TEXT_SHARE = 0.9  # UTF-16 without BOM: share of ordinary text characters required
MAX_BYTES = 20 * 2**20  # a page above 20 MiB is not a news page; refused before reading
MAX_LINES = 100_000  # a news page has a few thousand lines; each costs memory in every stage
MAX_NUL_SHARE = 0.01  # a few stray NUL bytes in text are dropped (and reported); more means binary
MAX_CONTROL_SHARE = 0.05  # decoded text with more control characters than this is binary
MIN_CONTROLS = 4  # ...counted only from this many, so one stray control character is not "binary"
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # C0 but tab and line ends, DEL, C1
C0_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")  # the same without C1
# Bytes of UTF-8 text other than a C0 control or DEL and the lead byte 0xC2 of a C1 control (C2 80..C2 9F).
NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b < 0x80 and CONTROLS.match(chr(b))) and b != 0xC2)
HIGH_BYTES = bytes(range(0x80, 0x100))  # deleted by ``bytes.translate`` to count the non-ASCII bytes in C


def read_input(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; :class:`InputError` when unreadable, empty or too big."""
    try:
        with open(path, "rb", opener=nonblocking_opener) as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(path, f"not a regular file ({_kind(info.st_mode)}); skipped")
            if info.st_size > limit:
                too_big = f"file is {_mib(info.st_size)}, above the {_mib(limit)} limit (MAX_BYTES); skipped"
                raise InputError(path, too_big)
            raw = f.read(info.st_size + 1)  # not read(limit + 1): that allocates the whole limit for every file
            if len(raw) > info.st_size:  # the file grew since fstat: read on, still never past the limit
                raw += f.read(limit + 1 - len(raw))
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise InputError(path, f"file grew above the {_mib(limit)} limit (MAX_BYTES) while read; skipped")
    if not raw:
        raise InputError(path, "empty file (0 bytes); nothing to clean")
    return raw


def read_stream(stream, path: str, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of an open binary stream (standard input); :class:`InputError` beyond."""
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise InputError(path, f"input is above the {_mib(limit)} limit (MAX_BYTES); skipped")
    return raw


def nonblocking_opener(path: str, flags: int) -> int:
    """Open so that a named pipe in the corpus cannot hang the run (no effect on regular files)."""
    return os.open(path, flags | os.O_NONBLOCK)


def _kind(mode: int) -> str:
    return "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def read_and_decode(raw: bytes, path: str, url: str | None = None, crawl_date: str | None = None) -> Document:
    """Decode ``raw`` (the bytes of ``path``) into a document."""
    text, encoding, errors = decode_bytes(raw, path)
    info = SourceInfo(path, hashlib.sha256(raw).hexdigest(), encoding, url, crawl_date)
    lines = split_lines(text)
    if len(lines) > MAX_LINES:
        raise InputError(path, f"page has {len(lines)} lines, above the {MAX_LINES} limit (MAX_LINES); skipped")
    return Document(info, lines, errors=errors)


def decode_bytes(raw: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Text, encoding name and decoding errors of ``raw``."""
    if raw.startswith(OPENINGS):  # one C-level test for all of them: most pages open with none
        for bom, name in BOMS:
            if raw.startswith(bom):
                return raw.decode(name, errors="replace"), name, ()
        for magic, what in MAGIC:
            if raw.startswith(magic):
                raise InputError(path, f"binary file ({what}), not text; skipped")
    errors: tuple[str, ...] = ()
    if b"\x00" in raw:
        nuls = raw.count(b"\x00")
        if nuls > MAX_NUL_SHARE * len(raw):
            return _utf16_or_binary(raw, path)
        raw, errors = raw.replace(b"\x00", b""), (f"{path}: {nuls} NUL byte(s) dropped",)
    text, encoding, more = _decode_text(raw, path)
    if not (encoding == "utf-8" and not more and _few_controls(raw, len(text))):
        _refuse_control_noise(text, path)
    return text, encoding, errors + more


def _decode_text(raw: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Strict UTF-8, UTF-8 with a few broken bytes replaced, or a detected legacy code page."""
    try:
        return raw.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    if _mostly_multibyte_utf8(raw):
        text = raw.decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
        return text, "utf-8", (f"{path}: {bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD",)
    return _detect(raw, path)


def _refuse_control_noise(text: str, path: str) -> None:
    """Raise :class:`InputError` when decoded text is mostly control characters (binary in disguise)."""
    controls = len(CONTROLS.findall(text))
    if controls >= MIN_CONTROLS and controls > MAX_CONTROL_SHARE * len(text) and _utf8_read_as_latin1(text):
        controls = len(C0_CONTROLS.findall(text))  # the C1 ones are mojibake: only the others can make it binary
    if controls >= MIN_CONTROLS and controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(path, f"binary file ({controls} control characters in {len(text)}), not text; skipped")


def _utf8_read_as_latin1(text: str) -> bool:
    """True when ``text`` is UTF-8 once read as Latin-1, its C1 controls the continuation bytes of that
    reading (``Ð\\x92Ñ\\x80Ð¸`` for ``Ври``): mojibake, which ``repair.mojibake`` mends line by line with its
    edits recorded, not binary (C0 controls still count: ASCII is UTF-8 under any reading).

    >>> _utf8_read_as_latin1("Ð\x9fÑ\x80Ð¸"), _utf8_read_as_latin1("\x01\x02\x9f")
    (True, False)
    """
    try:
        text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return False
    return True


def _few_controls(raw: bytes, length: int) -> bool:
    """True when the valid UTF-8 ``raw`` (``length`` characters) is surely not refused as control noise.

    A cheap bound, one C-level pass over the bytes instead of a regex over the
    text: each control character leaves at least one byte after deleting the
    others (itself, or the 0xC2 of a C1 character), so if too few bytes are
    left, too few control characters are there (:func:`_refuse_control_noise`
    would pass the text). A page with many ``«`` or no-break spaces (also
    0xC2) goes on to the exact count.

    >>> _few_controls("«Новости» и\tтекст".encode(), 18), _few_controls(b"\x01\x02\x03\x04", 4)
    (True, False)
    """
    left = len(raw.translate(None, NOT_CONTROL_BYTES))
    return left < MIN_CONTROLS or left <= MAX_CONTROL_SHARE * length


def _mostly_multibyte_utf8(raw: bytes) -> bool:
    """True when the non-ASCII bytes mostly form valid UTF-8 sequences.

    >>> _mostly_multibyte_utf8("Новости дня".encode() + b"\\xff"), _mostly_multibyte_utf8("Новости".encode("cp1251"))
    (True, False)
    """
    strict = raw.decode("utf-8", errors="ignore").encode("utf-8")
    non_ascii = len(raw) - len(raw.translate(None, HIGH_BYTES))
    return non_ascii == 0 or len(strict) - len(strict.translate(None, HIGH_BYTES)) >= MIN_VALID_UTF8_SHARE * non_ascii


def _utf16_or_binary(raw: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Bytes with NULs: UTF-16 without a BOM (the byte order whose text looks like text), or binary."""
    best, best_share = None, 0.0
    even = raw[: len(raw) - len(raw) % 2]
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = even.decode(name)
        except UnicodeDecodeError:
            continue
        share = _common_share(text)
        if share > best_share:
            best, best_share = (text, name), share
    if best and best_share >= MIN_TEXT_SHARE:
        return best[0], best[1], ()
    raise InputError(path, "binary file (contains NUL bytes and is not UTF-16), not text; skipped")


def _common_share(text: str) -> float:
    """Share of characters from the scripts news text is written in (Latin, Cyrillic, punctuation)."""
    if not text:
        return 0.0
    common = sum(1 for ch in text if ch in "\n\r\t" or " " <= ch <= "\u024f" or "\u0400" <= ch <= "\u04ff"
                 or "\u2000" <= ch <= "\u206f")
    return common / len(text)


def _detect(raw: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(LEGACY_CODECS)).best() or from_bytes(raw).best()
    if best is not None:
        return str(best), best.encoding, ()
    for codec in FALLBACK_CODECS:  # the detector gives up on text full of mojibake: keep it, never lose it
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _common_share(text) >= MIN_TEXT_SHARE:
            return text, codec, (f"{path}: encoding not detected with confidence; read as {codec}",)
    raise InputError(path, "cannot detect a text encoding; is this a binary file?")
