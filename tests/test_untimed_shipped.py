"""Shipped patterns run without the per-call time limit; a user's patterns keep it (issue 18, point 3).

Shipped patterns are proven linear (tests/test_linear_patterns.py), so the
limit and its bookkeeping (:func:`clean.engine.budget.allowance` before each
call, :func:`~clean.engine.budget.charge` after) buy nothing for them. These
tests count calls into that timed path; they time nothing.
"""

from __future__ import annotations

import pickle

import pytest

import clean.engine.patterns as patterns
from clean.engine import budget
from clean.engine.patterns import LinearPattern, TimedPattern
from clean.pipeline import Pipeline
from tests.conftest import ROOT
from tests.test_hostile_rules import rule_file

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def timed_calls(monkeypatch) -> list[str]:
    """The rule ids the timed path was asked an allowance for, in order."""
    calls: list[str] = []
    real = patterns.allowance

    def counted(rule: str) -> float:
        calls.append(rule)
        return real(rule)

    monkeypatch.setattr(patterns, "allowance", counted)
    return calls


def user_rules(tmp_path, rule_id="user.trailing-word", pattern=None):
    folder = tmp_path / "my_rules"
    folder.mkdir(exist_ok=True)
    (folder / "user.toml").write_text(rule_file(rule_id) if pattern is None else rule_file(rule_id, pattern=pattern),
                                      encoding="utf-8")
    return folder


def test_every_shipped_pattern_is_untimed_and_a_users_is_timed(tmp_path):
    rules = Pipeline(rule_dirs=[user_rules(tmp_path)]).rules
    kinds = {rule.id: type(rules.patterns[rule.id]) for rule in rules.rules if rule.pattern}
    assert kinds.pop("user.trailing-word") is TimedPattern
    assert kinds and set(kinds.values()) == {LinearPattern}


def test_a_user_rule_that_replaces_a_shipped_id_is_timed(tmp_path):
    folder = user_rules(tmp_path, "noise.separator", pattern=r"^word$")
    rules = Pipeline(rule_dirs=[folder]).rules
    assert isinstance(rules.patterns["noise.separator"], TimedPattern)
    assert isinstance(rules.patterns["noise.php-notice"], LinearPattern)


def test_shipped_rules_never_enter_the_timed_path(timed_calls):
    pipeline = Pipeline()
    items = [item for path in SEEDS[:5] for item in pipeline.clean_file(path)]
    assert items, "the seed pages were cleaned"
    assert timed_calls == []


def test_a_user_rule_enters_the_timed_path_on_every_call(tmp_path, timed_calls):
    pipeline = Pipeline(rule_dirs=[user_rules(tmp_path)])
    pipeline.clean_text("Заголовок новости\n\nТекст новости, одна строка.\nword\n")
    assert timed_calls and set(timed_calls) == {"user.trailing-word"}


def test_a_user_rule_still_runs_out_of_time_and_a_shipped_one_is_not_charged(tmp_path, monkeypatch, timed_calls):
    monkeypatch.setattr(budget, "PATTERN_TIMEOUT", 0.05)
    pipeline = Pipeline(rule_dirs=[user_rules(tmp_path)])
    charged: list[str] = []
    real_charge = patterns.charge
    monkeypatch.setattr(patterns, "charge", lambda rule, seconds: (charged.append(rule), real_charge(rule, seconds)))
    doc = pipeline.clean_bytes(("Заголовок новости\n\nТекст новости.\n" + "x" * 3000 + "!\n").encode(), "in/p.txt")
    [error] = doc.errors
    assert "rule 'user.trailing-word'" in error and "ran out of time (0.05s)" in error
    assert set(charged) == {"user.trailing-word"} and set(timed_calls) == {"user.trailing-word"}
    assert doc.items, "the page went on without the rule"


def test_untimed_patterns_pickle_for_worker_processes():
    rules = pickle.loads(pickle.dumps(Pipeline().rules))
    pattern = rules.patterns["noise.separator"]
    assert isinstance(pattern, LinearPattern) and pattern.search("x\n-----\ny") is not None
    assert pattern.gate == Pipeline().rules.patterns["noise.separator"].gate
