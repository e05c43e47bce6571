"""A rule as a person reads it: ``clean rules show ID`` prints this.

>>> from clean.catalog import shipped_rules
>>> print(describe_rule(shipped_rules().get("noise.separator")).splitlines()[0])
noise.separator  (family noise, stage strip_noise, kind drop)
"""

from __future__ import annotations

import difflib
import textwrap

from clean.model.visible import visible
from clean.engine.ruleset import Rule, RuleSet

INDENT = "    "
SUGGESTIONS = 3  # close ids offered for an unknown one


def describe_rule(rule: Rule) -> str:
    """Id, family, stage, kind, file, summary, why, pattern, replacement, a template's site and lines, every example."""
    out = [f"{rule.id}  (family {rule.family}, stage {rule.stage}, kind {rule.kind})", f"file: {rule.file}",
           f"summary: {rule.summary}", "why:", _block(rule.why.strip())]
    if rule.pattern:
        out += ["pattern:", _block(rule.pattern.strip("\n"))]
    if rule.replacement is not None:
        out.append(f"replacement: {rule.replacement!r}")
    if rule.site:
        out += [f"site: {rule.site}", f"lines ({len(rule.lines)}):", _block("\n".join(map(visible, rule.lines)))]
    for n, example in enumerate(rule.examples, 1):
        if example.source != "example.txt":
            out.append(f"example {n} is a page of {example.source}")
        if example.fires:
            out += [f"example {n} (fires):", "  before:", _block(visible(example.before), "  | "),
                    "  after:", _block(visible(example.after), "  | ")]
        else:
            out += [f"example {n} (near-miss, unchanged):", _block(visible(example.before), "  | ")]
    return "\n".join(out)


def _block(text: str, prefix: str = INDENT) -> str:
    return textwrap.indent(text, prefix, lambda line: True)


def unknown_rule(ruleset: RuleSet, rule_id: str) -> str:
    """The message for an id that is not loaded, with the closest ids."""
    close = difflib.get_close_matches(rule_id, [r.id for r in ruleset.rules], SUGGESTIONS)
    hint = f"; did you mean {', '.join(close)}?" if close else "; 'clean rules' lists them"
    return f"no rule {rule_id!r}{hint}"
