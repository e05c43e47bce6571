"""Diffs a person can read: invisible characters shown by name."""

from __future__ import annotations

import difflib

INVISIBLE = {
    "\u00a0": "<NBSP>", "\u00ad": "<SHY>", "\u200b": "<ZWSP>", "\u200c": "<ZWNJ>", "\u200d": "<ZWJ>",
    "\ufeff": "<BOM>", "\t": "<TAB>", "\r": "<CR>", "\u202f": "<NNBSP>", "\u2009": "<THINSP>",
}


def visible(text: str) -> str:
    """``text`` with invisible characters replaced by their names."""
    return "".join(INVISIBLE.get(ch, ch) for ch in text)


def unified(old: str, new: str, old_name: str, new_name: str) -> str:
    """A unified diff of two texts, invisible characters made visible."""
    lines = difflib.unified_diff(
        visible(old).splitlines(), visible(new).splitlines(), old_name, new_name, lineterm="", n=1
    )
    return "\n".join(lines)
