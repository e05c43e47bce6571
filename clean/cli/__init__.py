"""The command line: parse, call one library function, report.

One module per group of commands: ``run`` (:mod:`clean.cli.run`), the review
tools ``explain``, ``report``, ``score`` and ``diff`` (:mod:`clean.cli.review`),
``rules`` (:mod:`clean.cli.rules`), ``learn`` (:mod:`clean.cli.learn`); the options they share are in
:mod:`clean.cli.options`.

Exit codes: 0 when every input was cleaned, 1 when some inputs failed (they
are listed in ``sources.jsonl``; with ``--strict``, at the first one) or the
output could not be written, 2 on a
usage error or a bad rule file, 130 when stopped by Ctrl-C, 143 (128 + 15) by SIGTERM.
"""

from __future__ import annotations

import click

from clean.cli.learn import learn
from clean.cli.review import diff, explain, report, score
from clean.cli.rules import rules_command
from clean.cli.run import run


@click.group()
@click.version_option(package_name="clean")
def main() -> None:
    """Clean text scraped from news sites into items with provenance."""


for _command in (run, explain, report, score, diff, rules_command, learn):
    main.add_command(_command)
