"""Limits of ``clean diff``: records checked before they are compared, field diffs bounded.

``clean diff`` reads files anyone can hand it. A record whose key (``id``,
``path``) is not a string, whose ``text`` is not a string, or that is nested
deeper than :data:`MAX_DEPTH` is bad input (exit code 2 with a message naming
the line), not a traceback. A field diff runs :mod:`difflib`, whose matcher
is quadratic on lines that repeat (12,000 equal paragraphs took 25 s): a
field of more than :data:`MAX_DIFF_LINES` lines has the lines both versions
share at its start and end set aside first (linear), and when what is left is
still longer than that, a summary says where the versions part and how long
each is.

>>> check_record({"id": ["x"]}, "id", "a.jsonl:3")
Traceback (most recent call last):
clean.model.errors.InputError: a.jsonl:3: id is a list, not a string; is this a clean output?
>>> long = "\\n".join(["same"] * 3000)
>>> print(bounded_diff(long + "\\nb", long + "\\nB", "old", "new", lambda a, b, x, y: f"{a!r} -> {b!r}"))
'b' -> 'B' (lines 3001-3001 of 3001 and 3001)
"""

from __future__ import annotations

from clean.model.errors import InputError

MAX_DEPTH = 32  # a clean record nests 3 levels deep; deeper is not a clean output
MAX_DIFF_LINES = 2000  # lines of a field's changed middle given to difflib; past it, a summary


def check_record(record: dict, key: str, where: str) -> None:
    """Raise :class:`InputError` when ``record`` cannot be a record of ``clean`` (see the module docstring)."""
    if not isinstance(record[key], str):
        raise InputError(where, f"{key} is a {type(record[key]).__name__}, not a string; is this a clean output?")
    if "text" in record and not isinstance(record["text"], str):
        raise InputError(where, f"text is a {type(record['text']).__name__}, not a string; is this a clean output?")
    if _depth(record) > MAX_DEPTH:
        raise InputError(where, f"nested deeper than {MAX_DEPTH} levels; is this a clean output?")


def _depth(value) -> int:
    """How deeply ``value`` nests lists and objects, found without recursion (a bomb cannot overflow it)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def bounded_diff(before: str, after: str, old_name: str, new_name: str, unified) -> str:
    """``unified(old, new, old_name, new_name)`` over the changed middle of two texts, or a summary of it."""
    a, b = before.splitlines(), after.splitlines()
    if max(len(a), len(b)) <= MAX_DIFF_LINES:
        return unified(before, after, old_name, new_name)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    middle_a, middle_b = a[head: len(a) - tail], b[head: len(b) - tail]
    span = f"lines {head + 1}-{len(a) - tail} of {len(a)} and {len(b)}"
    if max(len(middle_a), len(middle_b)) > MAX_DIFF_LINES:
        return (f"--- {old_name}\n+++ {new_name}\n@@ too long to diff line by line: {span} differ"
                f" ({len(middle_a)} lines old, {len(middle_b)} new; MAX_DIFF_LINES {MAX_DIFF_LINES}) @@")
    return f"{unified(chr(10).join(middle_a), chr(10).join(middle_b), old_name, new_name)} ({span})"
