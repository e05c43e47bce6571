"""``clean run``: clean inputs into an output folder, or one page from stdin to stdout."""

from __future__ import annotations

import os
import signal
import sys

import click

from clean.cli.options import (
    EXIT_CLEAN, EXIT_INPUT_ERRORS, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_USAGE, STDIN_PATH, Terminated,
    disable_option, no_shipped_option, pipeline_from, rules_option, stop,
)
from clean.model.errors import RunInterrupted, StoppedOnError, UsageError, WorkerLost


@click.command()
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

    pipeline = pipeline_from(rule_dirs, no_shipped_rules, disable)
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
    previous = signal.signal(signal.SIGTERM, stop)  # a job manager's stop: the same clean stop as Ctrl-C
    try:
        summary = run_pipeline(pipeline, inputs, out_dir, _executor(engine, address, workers), strict=strict,
                               resume=resume, reader=Reader(text_field=text_field), compress=compress,
                               shard_bytes=shard_mb * 1_000_000 if shard_mb else None, quiet=quiet,
                               exclude=exclude)
    except UsageError as exc:  # a missing optional library, an output folder it must not write into: nothing started
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
