"""Shared fixtures: the repository root, the shipped rules, the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from clean.engine.ruleset import RuleSet
from clean.catalog.loader import shipped_rules

ROOT = Path(__file__).resolve().parent.parent
collect_ignore = ["rulepack"]  # a package that tests install, not tests (its import would register its rule)


def pytest_addoption(parser):
    # the name README.md has always given; the same switch as the clean plugin's --clean-update
    parser.addoption("--update-golden", action="store_true", dest="clean_update",
                     help="Rewrite output/ from seeds/ (alias of --clean-update).")


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return shipped_rules()


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))
