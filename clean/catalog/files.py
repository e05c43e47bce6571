"""Reading rule folders: TOML files into :class:`~clean.engine.ruleset.Rule` objects and tables.

Every ``*.toml`` below a rule folder is read, in the order of the file names'
numeric prefixes (then paths); an id defined twice in one folder is an error
naming both files, and a later folder overrides an earlier one's ids. Files
under ``tables/`` are data tables, not rules.

>>> rules = read_rule_folders([shipped_rules_dir()])
>>> rules.get("noise.separator").kind
'drop'
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from clean.engine.ruleset import STAGES, Rule, RuleSet
from clean.model.errors import RuleError


def shipped_rules_dir() -> Path:
    """The folder of shipped rules: inside the installed package, or beside it in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(str(package / "rules"), "shipped rules not found; reinstall clean")


def read_rule_folders(folders: list[Path]) -> RuleSet:
    """Every rule file and table under ``folders``, later folders overriding earlier ids.

    The rules as documented: a rule of kind ``python`` is read whether or not its function is
    registered (:func:`clean.catalog.loader.load_rules` checks that), so tools that only show
    rules (the report) need not import the rule logic.
    """
    rules: dict[str, Rule] = {}
    tables: dict[str, dict] = {}
    for folder in folders:
        seen: dict[str, str] = {}
        for path in sorted(Path(folder).rglob("*.toml"), key=_load_order):
            if path.parent.name == "tables":
                tables[path.stem] = _read_toml(path)
                continue
            for rule in _rules_in(path):
                if rule.id in seen:
                    raise RuleError(str(path), f"duplicate id, first defined in {seen[rule.id]}", rule.id)
                seen[rule.id] = str(path)
                rules[rule.id] = rule
    return RuleSet(tuple(rules.values()), tables)


def _load_order(path: Path) -> tuple[str, str]:
    """Files load in the order of their names (``10-cms.toml`` before ``25-widgets.toml``) across family
    folders, then by path: the numeric prefix, not the folder, orders a stage's rules."""
    return path.name, path.as_posix()


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), f"not valid TOML: {exc}") from None


def _rules_in(path: Path) -> list[Rule]:
    data = _read_toml(path)
    unknown = set(data) - {"stage", "rules"}
    if unknown:
        raise RuleError(str(path), f"unknown top-level keys {sorted(unknown)}; expected 'stage' and [[rules]]")
    stage = data.get("stage")
    if stage not in STAGES:
        raise RuleError(str(path), f"'stage' must be one of {', '.join(STAGES)}, got {stage!r}")
    out = []
    for n, raw in enumerate(data.get("rules", []), 1):
        rule_id = raw.get("id", f"#{n}") if isinstance(raw, dict) else f"#{n}"
        try:
            out.append(Rule(**raw, stage=stage, file=str(path)))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'rule'}: {e['msg']}" for e in exc.errors()
            )
            raise RuleError(str(path), problems, rule_id) from None
        except TypeError as exc:
            raise RuleError(str(path), str(exc), rule_id) from None
    return out
