"""Loading rules to run: the rule folders read (:mod:`clean.catalog.files`), every Python rule checked to be registered.

A rule of kind ``python`` must have a function registered under its id:
importing :mod:`clean.families` registers the built-in ones (each family
registers its rules on import), and a pack registers its own when its entry
point is loaded.

>>> shipped_rules().get("noise.separator").kind
'drop'
"""

from __future__ import annotations

from pathlib import Path

import clean.families  # noqa: F401  (registers the built-in python rules)
from clean.catalog.files import read_rule_folders, shipped_rules_dir
from clean.engine.registry import lookup
from clean.engine.ruleset import RuleSet
from clean.model.errors import RuleError


def shipped_rules() -> RuleSet:
    """The rules that ship with ``clean``."""
    return load_rules([shipped_rules_dir()])


def load_rules(folders: list[Path]) -> RuleSet:
    """Load every rule file and table under ``folders`` (later folders override earlier ids) and check
    that every Python rule has its function."""
    ruleset = read_rule_folders(folders)
    _check_python_rules(ruleset)
    return ruleset


def _check_python_rules(ruleset: RuleSet) -> None:
    for rule in ruleset.rules:
        if rule.kind == "python" and lookup(rule.id) is None:
            raise RuleError(rule.file, "kind is python but no function is registered under this id", rule.id)
