"""Checks on what a caller of the library API passes: the same limits and errors as ``clean run``.

``Pipeline.clean_text(None)`` must say which argument is wrong rather than
fail deep inside a stage with an ``AttributeError``, and a page given as a
string must meet the page limits a file meets (:data:`~clean.stages.decode.MAX_BYTES`,
:data:`~clean.stages.decode.MAX_LINES`), so the API is no way around them.
A lone surrogate (half a UTF-16 pair, which JSON parsers let through) is not
text: it is replaced by U+FFFD with a :class:`UnicodeWarning`, as a JSONL
record's is (with an error in its source record).

>>> page_text("Текст", "text")
'Текст'
>>> page_text(b"x", "text")
Traceback (most recent call last):
TypeError: text must be a str, not bytes (decode it first, or use Pipeline.clean_bytes)
"""

from __future__ import annotations

import warnings

import regex

from clean.model.errors import InputError
from clean.io.decode import MAX_BYTES, MAX_LINES

SURROGATE = regex.compile(r"[\ud800-\udfff]")
LINE_END = regex.compile(r"\r\n|\r|\n")


def must_be(value, kind: type | tuple[type, ...], name: str, hint: str = ""):
    """``value`` when it is of ``kind``, else a :class:`TypeError` naming the argument ``name``."""
    if not isinstance(value, kind):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise TypeError(f"{name} must be a {names}, not {type(value).__name__}{hint}")
    return value


def page_text(text, name: str, path: str = "<text>") -> str:
    """``text`` checked as a page: a str within the page limits, lone surrogates replaced."""
    must_be(text, str, name, " (decode it first, or use Pipeline.clean_bytes)" if isinstance(text, bytes) else "")
    if len(text) * 4 > MAX_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(path, f"{name} is above the {MAX_BYTES // 2**20} MiB page limit (MAX_BYTES); not cleaned")
    lines = sum(1 for _ in LINE_END.finditer(text)) + 1
    if lines > MAX_LINES:
        raise InputError(path, f"page has {lines} lines, above the {MAX_LINES} limit (MAX_LINES); not cleaned")
    if SURROGATE.search(text):
        text, n = SURROGATE.subn("\ufffd", text)
        warnings.warn(f"{path}: {n} lone surrogate(s) in {name} replaced by U+FFFD", UnicodeWarning, stacklevel=3)
    return text
