"""What the pipeline did to one page, line by line: ``clean explain FILE``.

Built from the cleaned document's own audit, never from a second guess: the
lines the stages kept (with their source spans), the rule that removed a line
(``Line.removed``), the removal and edit records, and the items with their
spans. Every decoded source line gets exactly one :class:`LineFate`:

- ``kept``: the line carries text of item ``item`` (1-based);
- ``removed``: a rule removed the whole line (``rule``);
- ``joined``: the line was joined to the line before it (``rule`` is the join rule);
- ``blank``: an empty line (or one a repair left empty).

A kept line may still have spans stripped (``removed`` records), repairs
(``edits``) and a date stamp split off its front (``stamp``).

>>> from clean.pipeline import Pipeline
>>> page = "Notice: Undefined index: id in /var/www/a.php on line 3\\nТекст новости."
>>> doc = Pipeline().clean_document(Document.from_text(page))
>>> [(f.line, f.fate, f.rule or f.item) for f in explain(doc).lines]
[(1, 'removed', 'noise.php-notice'), (2, 'kept', 1)]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from clean.model.document import DateMark, Document, Edit, Removal
from clean.model.records import Item
from clean.model.visible import visible as shown


def visible(text: str) -> str:
    """``text`` with invisible characters shown by name (:mod:`clean.model.visible`), line ends as ``<LF>``.

    >>> visible("a\\u00a0b\\n")
    'a<NBSP>b<LF>'
    """
    return shown(text).replace("\n", "<LF>")


@dataclass(frozen=True, slots=True)
class LineFate:
    """What happened to one decoded source line."""

    line: int
    source: str
    fate: str
    item: int | None = None
    rule: str | None = None
    removed: tuple[Removal, ...] = ()
    edits: tuple[Edit, ...] = ()
    stamp: DateMark | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """A page's lines with their fates, its items, and its decoding errors."""

    path: str
    encoding: str
    lines: tuple[LineFate, ...]
    items: tuple[Item, ...]
    errors: tuple[str, ...] = field(default=())

    def as_json(self) -> dict:
        """The explanation as plain JSON data (``clean explain --json``)."""
        return {
            "path": self.path, "encoding": self.encoding, "errors": list(self.errors),
            "lines": [_fate_json(f) for f in self.lines],
            "items": [item.model_dump() for item in self.items],
        }


def explain(doc: Document, source: Document | None = None) -> Explanation:
    """The fate of every line of ``source`` (the decoded page) in the cleaned ``doc``.

    ``source`` defaults to the lines of ``doc`` itself, which is only right
    when the stages joined nothing; pass the decoded document.
    """
    source = source or doc
    heads: dict[int, list] = {}
    joined: set[int] = set()
    for line in doc.lines:
        heads.setdefault(line.start, []).append(line)
        joined.update(range(line.start + 1, line.end + 1))
    fates = tuple(_fate(src.start, src.text, heads.get(src.start, []), src.start in joined, doc)
                  for src in source.lines)
    return Explanation(doc.source.path, doc.source.encoding, fates, tuple(doc.items), tuple(doc.errors))


def _fate(n: int, text: str, parts: list, is_joined: bool, doc: Document) -> LineFate:
    removed = tuple(r for r in doc.removals if r.line == n)
    edits = tuple(e for e in doc.edits if e.line == n)
    item = next((k for k, it in enumerate(doc.items, 1) if it.source.line_start <= n <= it.source.line_end), None)
    stamp = next((p.stamp for p in parts if p.stamp), None)
    common = dict(line=n, source=text, item=item, removed=removed, edits=edits, stamp=stamp)
    if is_joined:
        rule = next((e.rule for e in edits if "\n" in e.before), None)
        return LineFate(fate="joined", rule=rule, **common)
    if parts and all(p.removed for p in parts):
        return LineFate(fate="removed", rule=parts[0].removed, **common)
    if any(p.kept for p in parts):
        return LineFate(fate="kept", **common)
    return LineFate(fate="blank", **common)


def _fate_json(fate: LineFate) -> dict:
    data = asdict(fate)
    data["removed"] = [{"rule": r.rule, "text": r.text} for r in fate.removed]
    data["edits"] = [{"rule": e.rule, "before": e.before, "after": e.after} for e in fate.edits]
    return data


LABEL_WIDTH = 30  # column of the fate label: "removed " and a rule id
COLOURS = {"removed": "red", "joined": "cyan", "kept": "green", "blank": "bright_black", "edit": "yellow"}


def render_text(expl: Explanation, color: bool = False, width: int | None = None) -> str:
    """The explanation for a terminal: one row per source line, then the items.

    ``width`` cuts texts longer than that many characters (with "…"); the JSON never is.
    """
    paint = _painter(color)
    count = f"{len(expl.items)} item" + ("" if len(expl.items) == 1 else "s")
    out = [f"{expl.path} ({expl.encoding}): {len(expl.lines)} lines, {count}"]
    out += [f"  error: {e}" for e in expl.errors]
    out.append("")
    for fate in expl.lines:
        out.extend(_line_rows(fate, paint, lambda text: _cut(visible(text), width)))
    for k, item in enumerate(expl.items, 1):
        out.append("")
        out.extend(_item_rows(k, item, paint))
    return "\n".join(out) + "\n"


def _painter(color: bool):
    if not color:
        return lambda text, _kind: text
    import click

    return lambda text, kind: click.style(text, fg=COLOURS[kind])


def _cut(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[: max(width - 1, 0)] + "…"


def _line_rows(fate: LineFate, paint, show) -> list[str]:
    label = {
        "kept": f"item {fate.item}", "removed": f"removed {fate.rule}",
        "joined": f"joined ({fate.rule})" if fate.rule else "joined", "blank": "",
    }[fate.fate]
    text = show(fate.source)
    shown = paint(text, "blank") if fate.fate == "removed" else text
    rows = [f"{fate.line:>5}  {paint(label.ljust(LABEL_WIDTH), fate.fate)} {shown}".rstrip()]
    pad = " " * 7
    if fate.stamp:
        rows.append(f"{pad}@ stamp {fate.stamp.date} from \"{fate.stamp.text}\" ({fate.stamp.rule})")
    if fate.fate != "removed":
        rows += [f"{pad}{paint('- ' + r.rule, 'removed')}: \"{show(r.text)}\"" for r in fate.removed]
    rows += [f"{pad}{paint('~ ' + e.rule, 'edit')}: \"{show(e.before)}\" → \"{show(e.after)}\"" for e in fate.edits
             if not (fate.stamp and e.rule == fate.stamp.rule)]
    return rows


def _item_rows(k: int, item: Item, paint) -> list[str]:
    span = f"lines {item.source.line_start}-{item.source.line_end}"
    rows = [paint(f"item {k}  {item.id}  {span}", "kept"), f"  boundary  {item.boundary}"]
    rows.append(f"  title     {item.title if item.title is not None else '(none)'}")
    if item.date:
        rows.append(f"  date      {item.date} from \"{item.date_text}\" ({item.date_rule})")
    else:
        rows.append("  date      (none)")
    if item.site:
        rows.append(f"  site      {item.site}")
    if item.flags:
        rows.append(f"  flags     {', '.join(item.flags)}")
    return rows
