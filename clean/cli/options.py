"""What the commands share: exit codes, the rule options, building the pipeline they name, SIGTERM."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clean.model.errors import RuleError, UsageError

EXIT_CLEAN, EXIT_INPUT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143

STDIN_PATH = "<stdin>"  # the source path recorded for a page read from standard input

rules_option = click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="A folder of rule files, added to the shipped rules (its ids override).",
)
no_shipped_option = click.option("--no-shipped-rules", is_flag=True, help="Use only the rules given with --rules.")
disable_option = click.option("--disable", multiple=True, help="A rule id or family to switch off (repeatable).")


def pipeline_from(rule_dirs, no_shipped, disable):
    from clean.pipeline import Pipeline

    from clean.catalog.examples import replaced_tables

    try:
        pipeline = Pipeline(rule_dirs=[Path(d) for d in rule_dirs], shipped=not no_shipped, disable=set(disable))
    except (RuleError, UsageError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    for name, file in replaced_tables([Path(d) for d in rule_dirs]):
        click.echo(f"note: table {name!r} from {file} replaces the shipped one", err=True)
    return pipeline


class Terminated(KeyboardInterrupt):
    """SIGTERM, stopping a run as Ctrl-C does; the exit code says which (143, not 130)."""


def stop(signum, frame) -> None:
    raise Terminated
