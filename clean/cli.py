"""The command line: parse, call one library function, report.

Exit codes: 0 when every input was cleaned, 1 when some inputs failed (they
are listed in ``sources.jsonl``; with ``--strict``, at the first one) or the
output could not be written, 2 on a
usage error or a bad rule file, 130 when stopped by Ctrl-C, 143 (128 + 15) by SIGTERM.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from clean.model.errors import RuleError, RunInterrupted, StoppedOnError, UsageError, WorkerLost

EXIT_CLEAN, EXIT_INPUT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143

STDIN_PATH = "<stdin>"  # the source path recorded for a page read from standard input

rules_option = click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="A folder of rule files, added to the shipped rules (its ids override).",
)
no_shipped_option = click.option("--no-shipped-rules", is_flag=True, help="Use only the rules given with --rules.")
disable_option = click.option("--disable", multiple=True, help="A rule id or family to switch off (repeatable).")


def _pipeline(rule_dirs, no_shipped, disable):
    from clean.pipeline import Pipeline

    try:
        return Pipeline(rule_dirs=[Path(d) for d in rule_dirs], shipped=not no_shipped, disable=set(disable))
    except (RuleError, UsageError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


@click.group()
@click.version_option(package_name="clean")
def main() -> None:
    """Clean text scraped from news sites into items with provenance."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False),
              help="Output folder (required, except for 'clean run -', which reads a page on stdin, items to stdout).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--strict", is_flag=True, help="Stop at the first input that fails (exit code 1).")
@click.option("--resume", is_flag=True, help="Carry on an interrupted run into the same OUT: skip finished files.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Leave out of folder walks the names (a glob without /) or paths matching GLOB (repeatable).")
@click.option("--url", default=None, help="The URL of the page read on stdin ('clean run -').")
@click.option("--text-field", default="text", show_default=True, help="The text field of .jsonl records.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where to run: this machine's cores, or a Ray cluster (pip install 'clean[ray]').")
@click.option("--address", default=None, help="Ray cluster address (default: a running cluster, else a local one).")
@click.option("--quiet", is_flag=True, help="No progress line (it is shown only on a terminal anyway).")
@click.option("--compress", type=click.Choice(["gzip", "zstd"]), default=None, help="Compress the items file(s).")
@click.option("--shard-mb", type=click.IntRange(min=1), default=None,
              help="Split items into items-NNNNN.jsonl files of about this many MB.")
@rules_option
@no_shipped_option
@disable_option
def run(inputs, out_dir, workers, strict, resume, exclude, url, text_field, engine, address, quiet, compress, shard_mb, rule_dirs,
        no_shipped_rules, disable) -> None:
    """Clean INPUTS (files, or folders walked for *.txt, *.jsonl[.gz], *.warc[.gz], *.wet[.gz], *.html) into OUT.

    Folder walks leave out names that start with a dot, OUT itself and what --exclude matches.
    """
    from clean.run.executor import run as run_pipeline
    from clean.io.inputs import Reader

    pipeline = _pipeline(rule_dirs, no_shipped_rules, disable)
    if "-" in inputs:
        if inputs != ("-",) or out_dir is not None:
            raise click.UsageError("'clean run -' reads one page on stdin and writes its items to stdout: it takes"
                                   " no other input and no -o (redirect stdout to a file instead).")
        sys.exit(_run_stdin(pipeline, url))
    if url is not None:
        raise click.UsageError("--url is for the page read on stdin ('clean run -'); files take theirs from"
                               " their records.")
    if out_dir is None:
        raise click.UsageError("Missing option '-o' / '--out' (only 'clean run -' writes to stdout).")
    missing = [given for given in inputs if not os.path.exists(given)]
    if missing:
        raise click.BadParameter(f"{missing[0]!r} does not exist.", param_hint="'INPUTS...'")
    previous = signal.signal(signal.SIGTERM, _stop)  # a job manager's stop: the same clean stop as Ctrl-C
    try:
        summary = run_pipeline(pipeline, inputs, out_dir, _executor(engine, address, workers), strict=strict,
                               resume=resume, reader=Reader(text_field=text_field), compress=compress,
                               shard_bytes=shard_mb * 1_000_000 if shard_mb else None, quiet=quiet,
                               exclude=exclude)
    except UsageError as exc:  # an optional library the run needs is missing: nothing was started
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except (StoppedOnError, WorkerLost) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_INPUT_ERRORS)
    except RunInterrupted as exc:
        click.echo(f"stopped: {exc}", err=True)
        sys.exit(EXIT_TERMINATED if isinstance(exc.__context__, Terminated) else EXIT_INTERRUPTED)
    except OSError as exc:  # the output could not be written (disk full, folder gone): say so, no traceback
        click.echo(f"error: cannot write the output to {out_dir}: {exc.strerror or exc}; the progress journal"
                   " keeps the finished files: rerun with --resume once fixed", err=True)
        sys.exit(EXIT_INPUT_ERRORS)
    except KeyboardInterrupt as exc:  # while the inputs were still being listed: nothing written yet
        click.echo("stopped: interrupted before any file was cleaned", err=True)
        sys.exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(summary.line(), err=True)
    for line in summary.error_lines(out_dir):
        click.echo(line, err=True)
    sys.exit(EXIT_INPUT_ERRORS if summary.errors else EXIT_CLEAN)


def _executor(engine: str, address: str | None, workers: int | None):
    """The local process pool, or Ray (``--engine ray``)."""
    if engine == "ray":
        from clean.run.ray_engine import RayExecutor

        return RayExecutor(address=address, workers=workers)
    from clean.run.local_engine import LocalExecutor

    return LocalExecutor(workers)


@main.command()
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

    pipeline = _pipeline(rule_dirs, no_shipped_rules, disable)
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


@main.command()
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

    pipeline = _pipeline(rule_dirs, no_shipped_rules, ())
    try:
        index = build_report(out_dir, dest, root, pipeline.rules)
    except FileNotFoundError as exc:
        click.echo(f"error: {exc.filename} not found; is {out_dir} the output folder of `clean run`?", err=True)
        sys.exit(2)
    except CleanError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(str(index))


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--min-f1", type=float, default=None, help="Exit 1 when boundary F1 is below this.")
@rules_option
@no_shipped_option
@disable_option
def score(gold_dir, min_f1, rule_dirs, no_shipped_rules, disable) -> None:
    """Score the items of labelled pages in GOLD_DIR (NAME.txt + NAME.gold.json) against their gold."""
    from clean.review.score import report, score_dir

    result = score_dir(_pipeline(rule_dirs, no_shipped_rules, disable), Path(gold_dir))
    for line in report(result):
        click.echo(line)
    sys.exit(1 if min_f1 is not None and result.f1 < min_f1 else 0)


def _run_stdin(pipeline, url: str | None = None) -> int:
    """Clean the page on stdin (from ``url``) and write its items to stdout as JSONL; the exit code."""
    from clean.model.errors import CleanError
    from clean.run.executor import to_json

    from clean.io.page_records import why_empty
    from clean.io.decode import read_stream

    try:
        doc = pipeline.clean_bytes(read_stream(sys.stdin.buffer, STDIN_PATH), STDIN_PATH, url)
    except CleanError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    for item in doc.items:
        sys.stdout.write(to_json(item))
    for error in doc.errors:
        click.echo(f"warning: {error}", err=True)
    if not doc.items:
        click.echo(f"note: {why_empty(STDIN_PATH, doc)}", err=True)
    return 0


@main.command()
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


@main.group("rules", invoke_without_command=True)
@rules_option
@no_shipped_option
@disable_option
@click.pass_context
def rules_command(ctx, rule_dirs, no_shipped_rules, disable) -> None:
    """List the rules: id, family, summary.

    'clean rules show ID' prints one rule with its examples.
    """
    ctx.obj = _pipeline(rule_dirs, no_shipped_rules, disable).rules
    if ctx.invoked_subcommand is None:
        width = max((len(r.id) for r in ctx.obj.rules), default=0)
        for rule in ctx.obj.rules:
            click.echo(f"{rule.id:<{width}}  {rule.family:<8}  {rule.summary}")


@rules_command.command("show")
@click.argument("rule_id")
@click.pass_obj
def show_rule(ruleset, rule_id) -> None:
    """Print rule RULE_ID: what it does, why, its pattern and its examples."""
    from clean.catalog.rule_docs import describe_rule, unknown_rule

    try:
        rule = ruleset.get(rule_id)
    except KeyError:
        click.echo(f"error: {unknown_rule(ruleset, rule_id)}", err=True)
        sys.exit(2)
    click.echo(describe_rule(rule))


class Terminated(KeyboardInterrupt):
    """SIGTERM, stopping a run as Ctrl-C does; the exit code says which (143, not 130)."""


def _stop(signum, frame) -> None:
    raise Terminated
