"""``clean rules``: list the loaded rules, or show one with its examples."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clean.cli.options import disable_option, no_shipped_option, pipeline_from, rules_option


@click.group("rules", invoke_without_command=True)
@rules_option
@no_shipped_option
@disable_option
@click.pass_context
def rules_command(ctx, rule_dirs, no_shipped_rules, disable) -> None:
    """List the rules: id, family, summary.

    'clean rules show ID' prints one rule with its examples.
    """
    ctx.obj = pipeline_from(rule_dirs, no_shipped_rules, disable).rules
    if ctx.invoked_subcommand is None:
        from clean.catalog.packs import rule_origins

        width = max((len(r.id) for r in ctx.obj.rules), default=0)
        origins = rule_origins(ctx.obj, [Path(d) for d in rule_dirs])
        for rule in ctx.obj.rules:
            click.echo(f"{rule.id:<{width}}  {rule.family:<8}  {origins[rule.id]:<8}  {rule.summary}")


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
