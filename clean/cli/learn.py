"""``clean learn``: find the template lines each site repeats across a batch and write them as rules."""

from __future__ import annotations

import click

from clean.cli.options import disable_option, no_shipped_option, pipeline_from, rules_option


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Rules folder to write, one template-rule file per site (use it with --rules).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--text-field", default="text", show_default=True, help="The text field of .jsonl records.")
@rules_option
@no_shipped_option
@disable_option
def learn(inputs, out_dir, workers, text_field, rule_dirs, no_shipped_rules, disable) -> None:
    """Find the template lines each site repeats across INPUTS and write them as rules into OUT."""
    from clean.io.inputs import Reader
    from clean.run.learn import count_templates, write_rules

    rules = pipeline_from(rule_dirs, no_shipped_rules, disable).rules
    counts = count_templates(rules, inputs, workers, Reader(text_field=text_field))
    written = write_rules(rules, counts.templates(), counts.pages, out_dir)
    for path in written:
        click.echo(str(path))
    for problem in counts.unread:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(f"{sum(counts.pages.values())} pages of {len(counts.pages)} sites; "
               f"{len(written)} sites with template lines; {len(counts.unread)} pages skipped", err=True)
