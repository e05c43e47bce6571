"""The command line: parse, call one library function, report.

Exit codes: 0 when every input was cleaned, 1 when some inputs failed (they
are listed in ``sources.jsonl``; with ``--strict``, at the first one), 2 on a
usage error or a bad rule file, 130 when stopped by Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from clean.errors import RuleError, RunInterrupted, StoppedOnError, WorkerLost

EXIT_CLEAN, EXIT_INPUT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

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
    except RuleError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


@click.group()
@click.version_option(package_name="clean")
def main() -> None:
    """Clean text scraped from news sites into items with provenance."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--strict", is_flag=True, help="Stop at the first input that fails (exit code 1).")
@click.option("--resume", is_flag=True, help="Carry on an interrupted run into the same OUT: skip finished files.")
@rules_option
@no_shipped_option
@disable_option
def run(inputs, out_dir, workers, strict, resume, rule_dirs, no_shipped_rules, disable) -> None:
    """Clean INPUTS (files, or folders walked for *.txt) into OUT."""
    from clean.executor import LocalExecutor, run as run_pipeline

    pipeline = _pipeline(rule_dirs, no_shipped_rules, disable)
    previous = signal.signal(signal.SIGTERM, _stop)  # a job manager's stop: the same clean stop as Ctrl-C
    try:
        summary = run_pipeline(pipeline, inputs, out_dir, LocalExecutor(workers), strict=strict, resume=resume)
    except (StoppedOnError, WorkerLost) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_INPUT_ERRORS)
    except RunInterrupted as exc:
        click.echo(f"stopped: {exc}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(summary.line(), err=True)
    sys.exit(EXIT_INPUT_ERRORS if summary.errors else EXIT_CLEAN)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt
