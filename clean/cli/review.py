"""The review commands: ``explain`` one page, ``report`` on a run, ``score`` on labelled pages, ``diff`` two runs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clean.cli.options import disable_option, no_shipped_option, pipeline_from, rules_option


@click.command()
@click.argument("page")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.option("--color/--no-color", default=None, help="Colours (default: when stdout is a terminal).")
@click.option("--width", type=click.IntRange(min=10), default=None, help="Cut texts longer than this (not in --json).")
@click.option("--text-field", default="text", show_default=True, help="The text field of .jsonl records.")
@click.option("--url", default=None, help="The URL of the page read on stdin.")
@rules_option
@no_shipped_option
@disable_option
def explain(page, as_json, color, width, text_field, url, rule_dirs, no_shipped_rules, disable) -> None:
    """Show what the pipeline does to PAGE: every source line's fate, then each item.

    PAGE is named as sources.jsonl names it: FILE, FILE:LINE (a JSONL record), FILE@OFFSET (a WARC
    record), or - for standard input. It fails as 'clean run' would (exit 1).
    """
    import json

    from clean.model.errors import CleanError
    from clean.io.paths import display_path
    from clean.review.explain import explain as explain_doc, render_text
    from clean.io.find_page import STDIN, find_page
    from clean.io.inputs import Reader
    from clean.io.decode import read_and_decode

    pipeline = pipeline_from(rule_dirs, no_shipped_rules, disable)
    try:
        found = find_page(page, Reader(text_field=text_field), sys.stdin.buffer, url)
        path = found.path if page == STDIN or found.path != page else display_path(page)
        source = read_and_decode(found.raw, path, found.url)
    except CleanError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    expl = explain_doc(pipeline.clean_document(source), source)
    if as_json:
        click.echo(json.dumps(expl.as_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(expl, sys.stdout.isatty() if color is None else color, width), nl=False, color=color)


@click.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--dest", type=click.Path(file_okay=False), default=None,
              help="Folder of the report (default: OUT_DIR/report).")
@click.option("--root", type=click.Path(exists=True, file_okay=False), default=".",
              help="Folder the run's source paths are relative to (default: the current folder).")
@rules_option
@no_shipped_option
def report(out_dir, dest, root, rule_dirs, no_shipped_rules) -> None:
    """Write a browsable HTML report of the run in OUT_DIR; prints the index page.

    The rules given are those whose summaries the report shows (use the run's).
    """
    from clean.model.errors import CleanError
    from clean.review.report import build_report

    pipeline = pipeline_from(rule_dirs, no_shipped_rules, ())
    try:
        index = build_report(out_dir, dest, root, pipeline.rules)
    except FileNotFoundError as exc:
        click.echo(f"error: {exc.filename} not found; is {out_dir} the output folder of `clean run`?", err=True)
        sys.exit(2)
    except CleanError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(str(index))


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--min-f1", type=float, default=None, help="Exit 1 when boundary F1 is below this.")
@rules_option
@no_shipped_option
@disable_option
def score(gold_dir, min_f1, rule_dirs, no_shipped_rules, disable) -> None:
    """Score the items of labelled pages in GOLD_DIR (NAME.txt + NAME.gold.json) against their gold."""
    from clean.review.score import report, score_dir

    result = score_dir(pipeline_from(rule_dirs, no_shipped_rules, disable), Path(gold_dir))
    for line in report(result):
        click.echo(line)
    sys.exit(1 if min_f1 is not None and result.f1 < min_f1 else 0)


@click.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--stat", is_flag=True, help="Print the counts only.")
@click.option("--ignore", multiple=True, metavar="FIELD",
              help="Leave FIELD out of the comparison, dotted inside another (source.sha256); repeatable.")
@click.option("--by", type=click.Choice(["id", "place"]), default="id", show_default=True,
              help="Match items by id, or by place: source path under the run's folder and first line"
                   " (for runs started from different folders).")
def diff(old, new, stat, ignore, by) -> None:
    """Compare two outputs item by item.

    OLD and NEW are items files (.jsonl, .jsonl.gz, .jsonl.zst) or folders written by 'clean run', in any
    layout (--compress, --shard-mb). Exit 0 when equal, 1 when they differ, 2 on bad input.
    """
    from clean.review.diff_outputs import compare
    from clean.model.errors import CleanError

    try:
        diffs = compare(old, new, ignore, by)
    except (CleanError, OSError, UnicodeDecodeError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for part in diffs:
        click.echo(part.stat() if stat else part.report())
    sys.exit(0 if all(part.equal for part in diffs) else 1)
