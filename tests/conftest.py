"""Shared fixtures: the repository root, the shipped rules, the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from clean.ruleset import RuleSet

ROOT = Path(__file__).resolve().parent.parent
collect_ignore = ["rulepack"]  # a package that tests install, not tests (its import would register its rule)


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return RuleSet.shipped()


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))
