"""The command line: parse, call one library function, report.

Exit codes: 0 when every input was cleaned, 1 when some inputs failed (they
are listed in ``sources.jsonl``), 2 on a usage error or a bad rule file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clean.errors import RuleError

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
        sys.exit(2)


@click.group()
@click.version_option(package_name="clean")
def main() -> None:
    """Clean text scraped from news sites into items with provenance."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
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
def run(inputs, out_dir, workers, text_field, engine, address, quiet, compress, shard_mb, rule_dirs,
        no_shipped_rules, disable) -> None:
    """Clean INPUTS (files, or folders walked for *.txt, *.jsonl[.gz], *.warc[.gz], *.wet[.gz]) into OUT."""
    from clean.executor import LocalExecutor, run as run_pipeline
    from clean.inputs import Reader

    pipeline = _pipeline(rule_dirs, no_shipped_rules, disable)
    if engine == "ray":
        from clean.ray_engine import RayExecutor

        executor = RayExecutor(address=address, workers=workers)
    else:
        executor = LocalExecutor(workers)
    shard_bytes = shard_mb * 1_000_000 if shard_mb else None
    reader = Reader(text_field=text_field)
    summary = run_pipeline(pipeline, inputs, out_dir, executor, reader, compress, shard_bytes, quiet=quiet)
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.errors else 0)
