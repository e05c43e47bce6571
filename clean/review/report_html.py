"""The markup of ``clean report``: page shell, a source line with its removals, an item header, a chart.

Everything that came from a scraped page (or from a record, which came from
one) goes through :func:`esc` before it touches markup, so ``<script>`` in a
page is shown as text. Each page also carries a Content-Security-Policy that
allows no script and no outside resource at all: a report opens from disk,
offline, and an escaping mistake still could not run anything.

>>> esc('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
"""

from __future__ import annotations

import html

from clean.review.explain import visible
from clean.model.records import Item

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'"
CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:76em;padding:0 1em;color:#222}
a{color:#0645ad}h1{font-size:1.4em;overflow-wrap:anywhere}table{border-collapse:collapse}
td,th{padding:.15em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.src{font:13px/1.5 ui-monospace,monospace;overflow-wrap:anywhere}.tx,.ed{white-space:pre-wrap}
.ln{display:flex;gap:.8em}.ln .no{color:#999;min-width:3.5em;text-align:right;flex:none;user-select:none}
.ln .tx{flex:1}.ln.hit{background:#fff7d6}
.item{border-left:4px solid #3a7;margin:.6em 0;padding-left:.4em}
.head{font:600 13px system-ui,sans-serif;background:#eaf6ee;padding:.2em .5em;white-space:normal}
.head .id{color:#666;font-weight:400}
.rm{background:#fde2e1;text-decoration:line-through;text-decoration-color:#c33}
.tag{font:600 11px system-ui,sans-serif;background:#c33;color:#fff;border-radius:3px;padding:0 .3em;
margin-right:.3em;display:inline-block;text-decoration:none}
.ed{color:#7a5b00;padding-left:4.3em}.ed .tag{background:#b88a00}.ed del{background:#fde2e1}
.ed ins{background:#dcf5dc;text-decoration:none}
.note{color:#a40}.muted{color:#777}.firing{margin:1em 0;border-top:1px solid #ddd;padding-top:.4em}
"""


def esc(text) -> str:
    """``text`` safe for element content and quoted attributes."""
    return html.escape(str(text), quote=True)


def page(title: str, body: str, depth: int = 0) -> str:
    """A complete, self-contained HTML page; ``depth`` is how many folders below the index it lives."""
    up = "../" * depth
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="viewport" content="width=device-width"><title>{esc(title)}</title>\n'
        f"<style>{CSS}</style></head>\n"
        f'<body><nav><a href="{up}index.html">clean report</a></nav>\n<h1>{esc(title)}</h1>\n{body}\n</body></html>\n'
    )


def rule_tag(rule: str, summaries: dict[str, str]) -> str:
    """The label of a rule: its id, with its summary on hover."""
    return f'<span class="tag" title="{esc(summaries.get(rule, rule))}">{esc(rule)}</span>'


def marked_text(text: str, removals: list, summaries: dict[str, str]) -> tuple[str, list]:
    """``text`` (a decoded source line) as HTML with each removed span highlighted and labelled.

    Each removal is placed at the first occurrence of its recorded text that no
    other removal holds. One whose text is not in the line (a repair changed
    the line before the rule removed it) is returned unplaced, for the caller
    to show below the line.

    >>> from clean.model.document import Removal
    >>> html, unplaced = marked_text("a <b> c", [Removal("x.y", 1, "c"), Removal("x.z", 1, "<b>")], {})
    >>> html.count('class="rm"'), html.index("x.z") < html.index("x.y"), unplaced
    (2, True, [])
    """
    spans, unplaced = [], []
    for removal in removals:
        start = _free_occurrence(text, removal.text, spans)
        if start is None:
            unplaced.append(removal)
        else:
            spans.append((start, start + len(removal.text), removal.rule))
    out, last = [], 0
    for start, end, rule in sorted(spans):
        out.append(esc(text[last:start]))
        out.append(f'<span class="rm" data-rule="{esc(rule)}" title="{esc(rule)}: {esc(summaries.get(rule, ""))}">'
                   f"{rule_tag(rule, summaries)}{esc(text[start:end])}</span>")
        last = end
    out.append(esc(text[last:]))
    return "".join(out), unplaced


def _free_occurrence(text: str, needle: str, spans: list) -> int | None:
    """The first place ``needle`` occurs in ``text`` without overlapping ``spans``."""
    start = text.find(needle) if needle else -1
    while start >= 0:
        if all(start + len(needle) <= a or start >= b for a, b, _ in spans):
            return start
        start = text.find(needle, start + 1)
    return None


def edit_row(edit, summaries: dict[str, str]) -> str:
    """A repair shown as before → after, invisible characters named."""
    return (f'<div class="ed">{rule_tag(edit.rule, summaries)}<del>{esc(visible(edit.before))}</del> → '
            f"{_inserted(edit.after)}</div>")


def _inserted(after: str) -> str:
    return f"<ins>{esc(visible(after))}</ins>" if after else '<span class="muted">(nothing)</span>'


def unplaced_row(removal, summaries: dict[str, str]) -> str:
    """A removal whose text is not in the source line as decoded (repaired before it was removed)."""
    return (f'<div class="ed"><span class="rm" data-rule="{esc(removal.rule)}">{rule_tag(removal.rule, summaries)}'
            f"{esc(visible(removal.text))}</span> <span class=\"muted\">(as it read after earlier repairs)</span></div>")


def source_line(n: int, text: str, removals: list, edits: list, summaries: dict[str, str], hit=False) -> str:
    """One numbered source line with its removals and, below it, its edits."""
    marked, unplaced = marked_text(text, removals, summaries)
    rows = [f'<div class="ln{" hit" if hit else ""}" id="L{n}"><span class="no">{n}</span>'
            f'<span class="tx">{marked}</span></div>']
    rows += [unplaced_row(r, summaries) for r in unplaced]
    rows += [edit_row(e, summaries) for e in edits]
    return "\n".join(rows)


def item_head(k: int, item: Item) -> str:
    """The header drawn where an item starts: number, title, date and the text it came from, boundary, id."""
    date = (f"{esc(item.date)} <span class=\"muted\">from “{esc(item.date_text)}” ({esc(item.date_rule)})</span>"
            if item.date else '<span class="muted">no date</span>')
    title = esc(item.title) if item.title is not None else '<span class="muted">no title</span>'
    flags = f" · flags: {esc(', '.join(item.flags))}" if item.flags else ""
    return (f'<div class="head" id="item-{esc(item.id)}">item {k} · {title} · {date} · '
            f'boundary {esc(item.boundary)}{flags} · <span class="id">{esc(item.id)}</span></div>')


BAR_HEIGHT = 18
LABEL_WIDTH = 230
BAR_WIDTH = 420


def bar_chart(rows: list[tuple[str, int, int]], href) -> str:
    """An inline SVG bar chart: per rule, removals (red) then edits (amber), with counts."""
    top = max((r + e for _, r, e in rows), default=0) or 1
    height = BAR_HEIGHT * len(rows) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{LABEL_WIDTH + BAR_WIDTH + 80}" height="{height}" '
             f'role="img" aria-label="removals and edits per rule" font-family="system-ui,sans-serif" font-size="12">']
    for k, (rule, removed, edited) in enumerate(rows):
        y = k * BAR_HEIGHT + 2
        wr, we = BAR_WIDTH * removed / top, BAR_WIDTH * edited / top
        parts.append(f'<a href="{esc(href(rule))}"><text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end" '
                     f'fill="#0645ad">{esc(rule)}</text></a>'
                     f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{wr:.1f}" height="{BAR_HEIGHT - 5}" fill="#d9534f"/>'
                     f'<rect x="{LABEL_WIDTH + wr:.1f}" y="{y + 2}" width="{we:.1f}" height="{BAR_HEIGHT - 5}" '
                     f'fill="#e0a800"/><text x="{LABEL_WIDTH + wr + we + 6:.1f}" y="{y + 13}">'
                     f"{removed + edited}</text>")
    parts.append("</svg>")
    return "".join(parts)
