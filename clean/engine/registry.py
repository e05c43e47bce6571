"""The register of rules whose logic is Python.

A Python rule is documented in a TOML file like every other rule (id, summary,
why, examples) with ``kind = "python"``; its logic is a function registered
here under the same id by the module of its family (:mod:`clean.families`), which
registers on import. The loader (:mod:`clean.catalog.loader`) imports the
families and refuses a TOML rule of kind python with no registered function, so the two
cannot drift apart.

>>> import clean.families
>>> "chrome.repeated-title" in registered_ids()
True
"""

from __future__ import annotations

from collections.abc import Callable

_PYTHON_RULES: dict[str, Callable] = {}


def python_rule(rule_id: str) -> Callable[[Callable], Callable]:
    """Register the decorated function as the logic of rule ``rule_id``."""

    def register(fn: Callable) -> Callable:
        if rule_id in _PYTHON_RULES and _PYTHON_RULES[rule_id] is not fn:
            raise ValueError(f"python rule {rule_id!r} registered twice")
        _PYTHON_RULES[rule_id] = fn
        return fn

    return register


def lookup(rule_id: str) -> Callable | None:
    """The function registered for ``rule_id``, or None."""
    return _PYTHON_RULES.get(rule_id)


def registered_ids() -> set[str]:
    """Ids of every registered python rule."""
    return set(_PYTHON_RULES)
