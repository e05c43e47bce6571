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

MAX_RULE_FILE_BYTES = 16 * 2**20  # a rule file or table larger than this is refused (10,000 rules take about 3 MB)
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
    shipped = shipped_rules_dir()
    linear: set[str] = set()  # shipped patterns, proven linear by tests/test_linear_patterns.py: run untimed
    for folder in folders:
        seen: dict[str, str] = {}
        is_shipped = Path(folder).resolve() == shipped
        for path in sorted(Path(folder).rglob("*.toml"), key=_load_order):
            if path.parent.name == "tables":
                tables[path.stem] = _read_toml(path)
                if Path(folder).resolve() != shipped:
                    check_table(path, tables[path.stem], shipped)
                continue
            for rule in _rules_in(path):
                if rule.id in seen:
                    raise RuleError(str(path), f"duplicate id, first defined in {seen[rule.id]}", rule.id)
                seen[rule.id] = str(path)
                rules[rule.id] = rule
                (linear.add if is_shipped else linear.discard)(rule.id)
    return RuleSet(tuple(rules.values()), tables, linear=frozenset(linear))


def _load_order(path: Path) -> tuple[str, str]:
    """Files load in the order of their names (``10-cms.toml`` before ``25-widgets.toml``) across family
    folders, then by path: the numeric prefix, not the folder, orders a stage's rules."""
    return path.name, path.as_posix()


def _read_toml(path: Path) -> dict:
    """A rule file or table read, within :data:`MAX_RULE_FILE_BYTES`; one line of reason when it cannot be."""
    try:
        if path.stat().st_size > MAX_RULE_FILE_BYTES:
            raise RuleError(str(path), f"larger than {MAX_RULE_FILE_BYTES // 2**20} MiB (MAX_RULE_FILE_BYTES)")
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), f"not valid TOML: {str(exc).splitlines()[0]}") from None
    except RecursionError:  # a nesting bomb: [[[[...]]]] thousands deep
        raise RuleError(str(path), "not valid TOML: nested too deeply") from None
    except OSError as exc:
        raise RuleError(str(path), f"cannot read: {exc.strerror or exc}") from None


def check_table(path: Path, table: dict, shipped: Path) -> None:
    """Refuse a user's table that replaces no shipped table or is not of the shipped one's shape.

    A table replaces the shipped table of its name whole (the rules that read it
    get only the user's); its values must have the kinds the shipped table has
    (``months``: language -> month number -> list of strings).
    """
    reference = shipped / "tables" / path.name
    if not reference.is_file():
        known = ", ".join(sorted(p.stem for p in (shipped / "tables").glob("*.toml")))
        raise RuleError(str(path), f"no shipped table is called {path.stem!r}, so no rule reads it; tables: {known}")
    expected, found = _shapes(_read_toml(reference)), _shapes(table)
    odd = sorted(found - expected)
    if odd:
        raise RuleError(str(path), f"replaces the shipped table {path.stem!r} but holds {' > '.join(odd[0])}, where"
                                   f" the shipped one holds only {'; '.join(' > '.join(s) for s in sorted(expected))}")


def _shapes(value, above: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """The kinds of value along every path from the top of a table to its leaves (keys left out).

    >>> sorted(_shapes({"ru": {"1": ["январь"]}}))
    [('table', 'table', 'list', 'str')]
    """
    kind = {dict: "table", list: "list", str: "str"}.get(type(value), type(value).__name__)
    here = (*above, kind)
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
    if children is None:
        return {here}
    shapes = set().union(*(_shapes(child, here) for child in children)) if children else set()
    return shapes or set()


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
