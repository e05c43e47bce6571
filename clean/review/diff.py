"""``clean diff``: two outputs compared record by record, for people reading CI logs.

Items are matched by ``id`` (sources by ``path``): each is added, removed,
changed or unchanged. A changed record shows a unified diff of each field that
changed, text line by line, lists one element per line, Cyrillic as is and
invisible characters (no-break and odd spaces, soft hyphens, zero-width and
bidi marks, tabs) shown by name, so ``<NBSP>`` is visible where a space looks
the same (see :mod:`clean.model.visible`). A long paragraph that changed in a few
characters also gets a line ``~~ …context[old → new]context…`` pointing at
them. Reading two whole outputs (any layout) and matching their records is
:mod:`clean.review.diff_outputs`; two folders also compare their ``sources.jsonl``.

>>> old = [{"id": "a", "text": "Один\\u00a0два"}, {"id": "b", "text": "x"}]
>>> new = [{"id": "a", "text": "Один два"}, {"id": "c", "text": "y"}]
>>> print(compare_records("items", "id", old, new).report())
items: 1 added, 1 removed, 1 changed, 0 unchanged
- b "x"
+ c "y"
~ a "Один два"
--- old/a/text
+++ new/a/text
@@ -1 +1 @@
-Один<NBSP>два
+Один два
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from clean.model.visible import replaced_lines, spot, unified, visible
from clean.review.diff_limits import MAX_DIFF_LINES, bounded_diff

TEASER = 60  # characters of text naming an item without a title
LONG_LINE = 80  # a changed line longer than this also gets a '~~' line showing the changed part


@dataclass
class RecordsDiff:
    """The records of one kind (``items`` or ``sources``) that were added, removed or changed."""

    kind: str
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict]] = field(default_factory=list)
    unchanged: int = 0
    reordered: bool = False
    key: str = "id"

    @property
    def equal(self) -> bool:
        return not (self.added or self.removed or self.changed or self.reordered)

    def stat(self) -> str:
        """One line of counts."""
        line = (f"{self.kind}: {len(self.added)} added, {len(self.removed)} removed, "
                f"{len(self.changed)} changed, {self.unchanged} unchanged")
        return line + (", order changed" if self.reordered else "")

    def report(self) -> str:
        """The counts, then every removed, added and changed record with its field diffs."""
        out = [self.stat()]
        out += [f"- {describe(r, self.key)}" for r in self.removed]
        out += [f"+ {describe(r, self.key)}" for r in self.added]
        for old, new in self.changed:
            out.append(f"~ {describe(new, self.key)}")
            out += [field_diff(old, new, name, old[self.key]) for name in changed_fields(old, new)]
        return "\n".join(out)


def describe(record: dict, key: str) -> str:
    """A record in one line: its key, and for an item its title or first words and its source lines."""
    if "text" not in record:
        return str(record[key])
    line = f'{record[key]} "{visible(record.get("title") or record["text"][:TEASER])}"'
    where = record.get("source")
    if isinstance(where, dict):
        line += f' ({where.get("path")}:{where.get("line_start")}-{where.get("line_end")})'
    return line


def changed_fields(old: dict, new: dict) -> list[str]:
    """Names of the fields whose values differ, in record order."""
    names = list(old) + [name for name in new if name not in old]
    return [name for name in names if old.get(name) != new.get(name)]


def field_diff(old: dict, new: dict, name: str, key: str) -> str:
    """The unified diff of one field of a record, then where each long changed line changed."""
    before, after = as_text(old.get(name)), as_text(new.get(name))
    out = [bounded_diff(before, after, f"old/{key}/{name}", f"new/{key}/{name}", unified)]
    if max(before.count("\n"), after.count("\n")) <= MAX_DIFF_LINES:  # difflib is quadratic on repeated lines
        out += [spot(a, b) for a, b in replaced_lines(before, after) if max(len(a), len(b)) > LONG_LINE]
    return "\n".join(out)


def as_text(value) -> str:
    """A field as lines: text as is, a list one element per line, anything else as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(as_text(v) if isinstance(v, str) else _json(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_json(v)}" for k, v in value.items())
    return _json(value)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def compare_records(kind: str, key: str, old: list[dict], new: list[dict]) -> RecordsDiff:
    """Match ``old`` and ``new`` records by ``key`` and sort them into added, removed and changed."""
    before, after = {r[key]: r for r in old}, {r[key]: r for r in new}
    diff = RecordsDiff(kind, key=key)
    diff.removed = [r for k, r in before.items() if k not in after]
    diff.added = [r for k, r in after.items() if k not in before]
    for k, record in before.items():
        if k in after:
            if record == after[k]:
                diff.unchanged += 1
            else:
                diff.changed.append((record, after[k]))
    common = [k for k in before if k in after]
    diff.reordered = common != [k for k in after if k in before]
    return diff
