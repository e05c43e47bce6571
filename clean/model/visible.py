"""Text a person can read in a diff: invisible characters named, long changed lines pinpointed.

``clean diff``, the golden test's failure message and ``clean rules show`` print
text through these, so a no-break space, a soft hyphen or a zero-width space is
seen where it would look like nothing.

>>> visible("a\\u00adb\\u200bc")
'a<SHY>b<ZWSP>c'
"""

from __future__ import annotations

import difflib

CONTEXT = 2  # unchanged lines shown around a change
SPOT_CONTEXT = 20  # characters shown on each side of a changed part
INVISIBLE = {
    "\u00a0": "<NBSP>", "\u00ad": "<SHY>", "\u200b": "<ZWSP>", "\u200c": "<ZWNJ>", "\u200d": "<ZWJ>",
    "\u2060": "<WJ>", "\ufeff": "<BOM>", "\t": "<TAB>", "\r": "<CR>", "\u202f": "<NNBSP>", "\u2009": "<THINSP>",
    "\u2002": "<ENSP>", "\u2003": "<EMSP>", "\u2007": "<FIGSP>", "\u200a": "<HAIRSP>", "\u200e": "<LRM>",
    "\u200f": "<RLM>", "\u202a": "<LRE>", "\u202b": "<RLE>", "\u202c": "<PDF>", "\u202d": "<LRO>",
    "\u202e": "<RLO>", "\u2028": "<LSEP>", "\u2029": "<PSEP>", "\ufffd": "<U+FFFD>",
}


def visible(text: str) -> str:
    """``text`` with invisible characters replaced by their names."""
    return "".join(INVISIBLE.get(ch, ch) for ch in text)


def unified(old: str, new: str, old_name: str, new_name: str) -> str:
    """A unified diff of two texts, invisible characters made visible."""
    lines = difflib.unified_diff(
        visible(old).splitlines(), visible(new).splitlines(), old_name, new_name, lineterm="", n=CONTEXT
    )
    return "\n".join(lines)


def replaced_lines(before: str, after: str) -> list[tuple[str, str]]:
    """Pairs of lines (old, new) that the diff shows as one replaced by the other."""
    a, b = before.splitlines(), after.splitlines()
    pairs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace":
            pairs.extend(zip(a[i1:i2], b[j1:j2]))
    return pairs


def spot(old: str, new: str) -> str:
    """Where two versions of a line differ, with a little context on each side.

    >>> spot("Генеральный\\u00a0секретарь ОДКБ", "Генеральный секретарь ОДКБ")
    '~~ …Генеральный[<NBSP> →  ]секретарь ОДКБ…'
    """
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    left, right = old[max(0, start - SPOT_CONTEXT) : start], old[len(old) - end :][:SPOT_CONTEXT]
    was, now = old[start : len(old) - end], new[start : len(new) - end]
    return f"~~ …{visible(left)}[{visible(was)} → {visible(now)}]{visible(right)}…"
