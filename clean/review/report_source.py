"""One source in the report: its records, its decoded lines, its page, and its rule firings.

A source is shown from the run's records (its items and the page-level
removals and edits of ``sources.jsonl``) laid over its decoded lines, read
again with :func:`~clean.io.decode.read_and_decode` so line numbers match
the records. A source file that is gone, or whose sha256 no longer matches the
record, is said to be so and shown from its records alone: the report never
lays old records over new text.

>>> rule_file("noise.php-notice", 0), rule_file("noise.php-notice", 2)
('noise.php-notice.html', 'noise.php-notice-3.html')
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import regex

from clean.model.errors import CleanError
from clean.model.records import Item, SourceRecord
from clean.review.report_html import esc, item_head, page, source_line
from clean.io.decode import read_and_decode
from clean.review.source_access import input_roots, read_source

CONTEXT_LINES = 2  # lines shown either side of a firing on a rule page
SAFE_ID = regex.compile(r"^[a-z0-9][a-z0-9.-]{0,80}$")


@dataclass
class SourceView:
    """One source as the run recorded it, with its decoded lines when the file is still the same."""

    number: int
    record: SourceRecord
    items: list[Item]
    lines: list[str] | None
    note: str | None = None
    removed: dict[int, list] = field(default_factory=dict)
    edits: dict[int, list] = field(default_factory=dict)

    @property
    def href(self) -> str:
        """The page of this source, relative to the report's root."""
        return f"sources/{self.number:05d}.html"

    def audit(self) -> None:
        """Index every removal and edit of the source (its items' and its page-level ones) by line."""
        removed = [r for item in self.items for r in item.removed] + list(self.record.removed)
        edits = [e for item in self.items for e in item.edits] + list(self.record.edits)
        for r in removed:
            self.removed.setdefault(r.line, []).append(r)
        for e in edits:
            self.edits.setdefault(e.line, []).append(e)


def rule_file(rule: str, page_index: int) -> str:
    """File name of page ``page_index`` (from 0) of a rule's firings; odd ids are hashed."""
    stem = rule if SAFE_ID.match(rule) else "rule-" + hashlib.sha256(rule.encode()).hexdigest()[:12]
    return f"{stem}.html" if page_index == 0 else f"{stem}-{page_index + 1}.html"


def load_source(number: int, record: SourceRecord, items: list[Item], root: Path,
                roots: list[Path] | None = None) -> SourceView:
    """The view of one source: its records, and its decoded lines if the file may be read and still matches
    (under the run's input ``roots``, default ``root``: see :mod:`clean.review.source_access`)."""
    raw, note = read_source(root, record.path, record.sha256, roots or input_roots({}, root))
    if raw is None:
        return _audited(SourceView(number, record, items, None, note))
    try:
        if record.extracted_by:  # an HTML page: its lines are those of the text extracted from it
            from clean.io.html import extract

            raw = extract(raw, record.path)
        lines = [line.text for line in read_and_decode(raw, record.path).lines]
    except CleanError:  # the run could not decode it either: its error is in the record
        return _audited(SourceView(number, record, items, None, "not decodable as text; see the error above"))
    return _audited(SourceView(number, record, items, lines))


def _audited(view: SourceView) -> SourceView:
    view.audit()
    return view


def source_page(view: SourceView, summaries: dict[str, str]) -> str:
    """The page of one source: every line, removals highlighted, items boxed with their headers."""
    rec = view.record
    count = f"{len(view.items)} item" + ("" if len(view.items) == 1 else "s")
    meta = [f"encoding {esc(rec.encoding)}", f"sha256 {esc(rec.sha256)}", count]
    body = [f'<p class="muted">{" · ".join(meta)}</p>']
    body += [f'<p class="note">error: {esc(e)}</p>' for e in rec.errors]
    if view.note:
        body.append(f'<p class="note">{esc(view.note)}</p>')
    body.append('<div class="src">')
    body.extend(_source_lines(view, summaries) if view.lines is not None else _records_only(view, summaries))
    body.append("</div>")
    return page(rec.path, "\n".join(body), depth=1)


def _source_lines(view: SourceView, summaries) -> list[str]:
    starts = {item.source.line_start: (k, item) for k, item in enumerate(view.items, 1)}
    ends = {item.source.line_end for item in view.items}
    out = []
    for n, text in enumerate(view.lines, 1):
        if n in starts:
            out.append('<section class="item">' + item_head(*starts[n]))
        out.append(source_line(n, text, view.removed.get(n, []), view.edits.get(n, []), summaries))
        if n in ends:
            out.append("</section>")
    return out


def _records_only(view: SourceView, summaries) -> list[str]:
    out = [item_head(k, item) for k, item in enumerate(view.items, 1)]
    for n in sorted(set(view.removed) | set(view.edits)):
        text = "".join(r.text for r in view.removed.get(n, []))
        out.append(source_line(n, text, view.removed.get(n, []), view.edits.get(n, []), summaries))
    return out


def firings(view: SourceView, summaries: dict[str, str]) -> list[tuple[str, str]]:
    """Every (rule, HTML of the firing with its context) in this source, in line order."""
    out = []
    for n in sorted(set(view.removed) | set(view.edits)):
        fired = [r.rule for r in view.removed.get(n, [])] + [e.rule for e in view.edits.get(n, [])]
        for rule in dict.fromkeys(fired):
            removed = [r for r in view.removed.get(n, []) if r.rule == rule]
            edits = [e for e in view.edits.get(n, []) if e.rule == rule]
            out.append((rule, _firing(view, n, removed, edits, summaries)))
    return out


def _firing(view: SourceView, n: int, removed, edits, summaries) -> str:
    link = f'<a href="../{view.href}#L{n}">{esc(view.record.path)}, line {n}</a>'
    if view.lines is None:
        text = "".join(r.text for r in removed)
        link += f' <span class="note">({esc(view.note)})</span>'
        return f'<div class="firing">{link}<div class="src">{source_line(n, text, removed, edits, summaries)}</div></div>'
    rows = []
    for m in range(max(1, n - CONTEXT_LINES), min(len(view.lines), n + CONTEXT_LINES) + 1):
        mine = m == n  # the firing line shows this rule's records; context lines show what removed them
        marks = removed if mine else view.removed.get(m, [])
        rows.append(source_line(m, view.lines[m - 1], marks, edits if mine else [], summaries, mine))
    return f'<div class="firing">{link}<div class="src">{"".join(rows)}</div></div>'
