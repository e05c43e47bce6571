"""``clean report OUTDIR``: a review report of a run, as static HTML pages that open from disk.

Reads only what the run wrote (``items.jsonl``, ``sources.jsonl``,
``run.json``) and the source files its records point to (see
:mod:`clean.review.report_source`). Nothing is cleaned again: the report shows what
the run recorded, and every count comes from the records.

The report is split so a browser never loads much at once, whatever the size
of the run: ``index.html`` (summary, chart, per-rule counts, errors), source
lists of :data:`SOURCES_PER_PAGE` rows (``sources-N.html``), one page per
source (``sources/NNNNN.html``) and, per rule, pages of
:data:`FIRINGS_PER_PAGE` firings with their context (``rules/ID.html``). No
page loads anything from outside, and none runs a script.

>>> pages_of(list(range(5)), 2)
[[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from clean.io.output_files import items_files, read_lines
from clean.model.records import Item, SourceRecord
from clean.review.report_html import bar_chart, esc, page
from clean.review.report_source import firings, load_source, rule_file, source_page
from clean.review.source_access import input_roots
from clean.engine.ruleset import RuleSet
from clean.catalog.files import read_rule_folders, shipped_rules_dir

SOURCES_PER_PAGE = 1000
FIRINGS_PER_PAGE = 200  # a rule page with context stays under ~0.5 MB
MAX_ERRORS_SHOWN = 100  # error rows on the index; all errors are on the source pages


@dataclass
class Totals:
    """What the index summarises, counted from the records."""

    files: int = 0
    items: int = 0
    dated: int = 0
    flags: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    edits: Counter = field(default_factory=Counter)
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def add(self, view) -> None:
        """Count one source view."""
        self.files += 1
        self.items += len(view.items)
        self.dated += sum(1 for item in view.items if item.date)
        self.flags.update(f for item in view.items for f in item.flags)
        removed = [r.rule for rs in view.removed.values() for r in rs]
        edits = [e.rule for es in view.edits.values() for e in es]
        self.removed.update(removed)
        self.edits.update(edits)
        path, errors = view.record.path, view.record.errors
        self.rows.append((view.href, path, len(view.items), len(removed), len(edits), len(errors)))
        self.errors.extend((view.href, path, e) for e in errors)


def build_report(out_dir, dest=None, root=".", rules: RuleSet | None = None) -> Path:
    """Write the report of the run in ``out_dir`` to ``dest`` (default ``out_dir/report``); the index path.

    ``root`` is the folder the run's source paths are relative to (the run's working directory).
    """
    out, dest, root = Path(out_dir), Path(dest or Path(out_dir) / "report"), Path(root)
    rules = rules or read_rule_folders([shipped_rules_dir()])  # their documentation: no rule logic runs here
    summaries = {r.id: r.summary for r in rules.rules}
    (dest / "sources").mkdir(parents=True, exist_ok=True)
    (dest / "rules").mkdir(exist_ok=True)
    items = {item.id: item for item in read_jsonl(out, "items", Item)}
    totals, fired = Totals(), defaultdict(list)
    manifest = read_manifest(out)
    roots = input_roots(manifest, root)  # the only files the report reads (clean.review.source_access)
    for number, record in enumerate(read_jsonl(out, "sources", SourceRecord)):
        view = load_source(number, record, [items[i] for i in record.items if i in items], root, roots)
        write(dest / view.href, source_page(view, summaries))
        totals.add(view)
        for rule, markup in firings(view, summaries):
            fired[rule].append(markup)
    for rule, found in fired.items():
        write_rule_pages(dest / "rules", rule, found, totals, rules)
    lists = pages_of(totals.rows, SOURCES_PER_PAGE)
    for k, rows in enumerate(lists, 1):
        write(dest / f"sources-{k}.html", page(f"Sources, page {k} of {len(lists)}", source_table(rows)))
    write(dest / "index.html", page(f"Report of {out}", index_body(totals, len(lists), manifest, rules, summaries)))
    return dest / "index.html"


def index_body(totals: Totals, list_pages: int, manifest: dict, rules: RuleSet, summaries) -> str:
    """The summary, the chart, the per-rule table, the source lists and the errors."""
    return "\n".join([
        summary_table(totals, manifest.get("counts", {})), run_facts(manifest, rules),
        rule_section(totals, summaries), source_links(totals.files, list_pages), error_section(totals.errors),
    ])


def summary_table(totals: Totals, counts: dict) -> str:
    """Files, items, dated and undated items, sources with errors, flags."""
    facts = [("files", totals.files), ("items", totals.items), ("items with a date", totals.dated),
             ("items without a date", totals.items - totals.dated),
             ("sources with errors", len({href for href, _, _ in totals.errors}))]
    facts += [(f"items flagged {flag}", n) for flag, n in sorted(totals.flags.items())]
    out = ['<h2>Summary</h2><table id="summary">']
    out += [f'<tr><th>{esc(name)}</th><td class="n">{n}</td></tr>' for name, n in facts]
    out.append("</table>")
    if counts and (counts.get("removed") != dict(totals.removed) or counts.get("edits") != dict(totals.edits)):
        out.append('<p class="note">The per-rule counts in run.json differ from the records; the records are shown.</p>')
    return "\n".join(out)


def rule_section(totals: Totals, summaries: dict[str, str]) -> str:
    """The chart and the table of removals and edits per rule, most frequent first."""
    ids = sorted(set(totals.removed) | set(totals.edits), key=lambda r: (-totals.removed[r] - totals.edits[r], r))
    rows = [(r, totals.removed[r], totals.edits[r]) for r in ids]
    out = ['<h2>Removals and edits per rule</h2><p class="muted">red: lines or spans removed; '
           "amber: repairs. Each rule links to every place it fired.</p>"]
    out.append(bar_chart(rows, lambda r: "rules/" + rule_file(r, 0)) if rows else "<p>No rule fired.</p>")
    out.append('<table id="rules"><tr><th>rule</th><th>summary</th><th class="n">removed</th>'
               '<th class="n">edits</th></tr>')
    out += [f'<tr data-rule="{esc(r)}"><td><a href="rules/{esc(rule_file(r, 0))}">{esc(r)}</a></td>'
            f'<td>{esc(summaries.get(r, ""))}</td><td class="n removed">{n}</td><td class="n edits">{e}</td></tr>'
            for r, n, e in rows]
    return "\n".join(out) + "</table>"


def source_links(files: int, list_pages: int) -> str:
    """Links to the source lists, :data:`SOURCES_PER_PAGE` sources each."""
    links = [f'<a href="sources-{k}.html">{(k - 1) * SOURCES_PER_PAGE + 1}–{min(k * SOURCES_PER_PAGE, files)}</a>'
             for k in range(1, list_pages + 1)]
    return "<h2>Sources</h2><p>" + " ".join(links) + "</p>"


def error_section(errors: list) -> str:
    """The first :data:`MAX_ERRORS_SHOWN` errors, each linking to its source."""
    if not errors:
        return ""
    out = ['<h2>Errors</h2><table id="errors">']
    out += [f'<tr><td><a href="{esc(href)}">{esc(path)}</a></td><td>{esc(e)}</td></tr>'
            for href, path, e in errors[:MAX_ERRORS_SHOWN]]
    out.append("</table>")
    if len(errors) > MAX_ERRORS_SHOWN:
        out.append(f"<p>… and {len(errors) - MAX_ERRORS_SHOWN} more, on the source pages.</p>")
    return "\n".join(out)


def run_facts(manifest: dict, rules: RuleSet) -> str:
    """The run's manifest: time, workers, rules hash, and the slowest files when the run recorded them."""
    timings = manifest.get("timings", {})
    same = manifest.get("rules_sha256") == rules.digest()
    out = [f'<p class="muted">run.json: version {esc(manifest.get("version", "?"))}, '
           f'{esc(timings.get("seconds", "?"))} s, workers: {esc(timings.get("workers", "?"))}, rules '
           f'{esc(str(manifest.get("rules_sha256", "?"))[:12])} '
           f'({"the rules summarised here" if same else "not the rules loaded for this report"}).</p>']
    slowest = timings.get("slowest")
    if slowest:
        out.append('<h2>Slowest files</h2><table id="slowest">')
        out += [f'<tr><td>{esc(s.get("path"))}</td><td class="n">{esc(s.get("seconds"))} s</td></tr>' for s in slowest]
        out.append("</table>")
    else:
        out.append('<p class="muted">The run recorded no per-file timings, so there is no list of slowest files.</p>')
    return "\n".join(out)


def source_table(rows) -> str:
    """A list page: one row per source, linking to its page."""
    out = ['<table><tr><th>source</th><th class="n">items</th><th class="n">removed</th>'
           '<th class="n">edits</th><th class="n">errors</th></tr>']
    out += [f'<tr><td><a href="{esc(href)}">{esc(path)}</a></td><td class="n">{n}</td><td class="n">{r}</td>'
            f'<td class="n">{e}</td><td class="n">{x}</td></tr>' for href, path, n, r, e, x in rows]
    return "\n".join(out) + "</table>"


def write_rule_pages(folder: Path, rule: str, found: list[str], totals: Totals, rules: RuleSet) -> None:
    """The pages of one rule: what it is, then every firing, :data:`FIRINGS_PER_PAGE` a page."""
    try:
        known = rules.get(rule)
        where = "/".join(Path(known.file).parts[-2:])
        about = f'<p>{esc(known.summary)}</p><p class="muted">{esc(known.why)} ({esc(known.kind)}, {esc(where)})</p>'
    except KeyError:
        about = '<p class="note">This rule is not among the rules loaded for this report.</p>'
    chunks = pages_of(found, FIRINGS_PER_PAGE)
    nav = " ".join(f'<a href="{esc(rule_file(rule, k))}">{k + 1}</a>' for k in range(len(chunks)))
    for k, chunk in enumerate(chunks):
        counts = f"<p>{totals.removed[rule]} removals, {totals.edits[rule]} edits; page {k + 1} of {len(chunks)}: {nav}</p>"
        write(folder / rule_file(rule, k), page(rule, about + counts + "\n".join(chunk), depth=1))


def pages_of(rows: list, size: int) -> list[list]:
    """``rows`` cut into pages of ``size``."""
    return [rows[k : k + size] for k in range(0, len(rows), size)]


def read_jsonl(out: Path, name: str, model):
    """The records of the output files ``name`` (items, sources) in ``out``, in any layout the run wrote."""
    for path in items_files(out, name):
        for line in read_lines(path):
            if line.strip():
                yield model.model_validate_json(line)


def read_manifest(out: Path) -> dict:
    """``run.json``, or an empty manifest when the run did not write one."""
    try:
        return json.loads((out / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write(path: Path, text: str) -> None:
    """Write one page as UTF-8."""
    path.write_text(text, encoding="utf-8")
