"""Hostile or broken rules: refused at load with file, rule and reason, or contained at run time.

A user's rule folder is untrusted input: a pattern that backtracks forever
fails that rule on that page only, a rule file that is malformed or whose own
examples do not hold is refused before anything runs (exit code 2), and
loading never executes code found in the folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import clean.engine.ruleset
from clean.engine import budget
from clean.cli import main
from clean.model.errors import RuleError
from clean.pipeline import Pipeline
from tests.conftest import ROOT

GOOD = sorted((ROOT / "seeds").glob("*.txt"))[0].read_bytes()
CATASTROPHIC = r"(\w+\s?)+$"  # nested repeats: exponential backtracking on a long line that ends in punctuation


def rule_file(rule_id="user.trailing-word", kind="drop", pattern=CATASTROPHIC, examples=None, extra=""):
    examples = examples or [("Keep this line!\nword", "Keep this line!"), ("Keep this line!", "Keep this line!")]
    text = f'stage = "strip_noise"\n\n[[rules]]\nid = "{rule_id}"\nsummary = "s"\nwhy = "w"\nkind = "{kind}"\n'
    text += f"pattern = '{pattern}'\n{extra}" if pattern is not None else extra
    for before, after in examples:
        text += f"\n[[rules.examples]]\nbefore = {json.dumps(before)}\nafter = {json.dumps(after)}\n"
    return text


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_bytes(GOOD)
    (tmp_path / "my_rules").mkdir()
    return tmp_path


def clean_run(*args):
    result = CliRunner().invoke(main, ["run", "in", "-o", "out", "--workers", "1", "--rules", "my_rules", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_catastrophic_pattern_fails_that_rule_on_that_page_and_the_run_goes_on(workdir, monkeypatch):
    monkeypatch.setattr(budget, "PATTERN_TIMEOUT", 0.2)
    (workdir / "my_rules" / "user.toml").write_text(rule_file(), encoding="utf-8")
    long_line = "x" * 5000 + "!"
    (workdir / "in" / "long.txt").write_text(f"Заголовок новости\n\n{long_line}\nПервая строка текста новости.\n")
    result = clean_run()
    assert result.exit_code == 1
    sources = {r["path"]: r for r in map(json.loads, Path("out/sources.jsonl").read_text().splitlines())}
    [error] = sources["in/long.txt"]["errors"]
    assert error.startswith("in/long.txt: rule 'user.trailing-word' (")
    assert "my_rules/user.toml) ran out of time (0.2s) on this page and was skipped for it" in error
    assert sources["in/long.txt"]["items"], "the other rules still ran and the page still has its items"
    assert sources["in/good.txt"]["items"] and not sources["in/good.txt"]["errors"]


def test_a_pattern_that_runs_out_of_time_never_half_applies(monkeypatch):
    from clean.model.document import Document
    from clean.engine.kinds import apply_stage_rules

    monkeypatch.setattr(budget, "PATTERN_TIMEOUT", 0.2)
    rules = Pipeline().rules
    text = "Короткая строка\n" + "x" * 5000 + "!"
    folder = Path(__file__).parent  # any folder: the rule is built in memory
    rule = clean.engine.ruleset.Rule(**_rule_dict(), stage="strip_noise", file=str(folder / "user.toml"))
    hostile = clean.engine.ruleset.RuleSet((rule,), rules.tables)
    doc = apply_stage_rules(Document.from_text(text, path="p.txt"), hostile, "strip_noise")
    assert [line.removed for line in doc.lines] == [None, None] and len(doc.errors) == 1


def _rule_dict():
    return {
        "id": "user.trailing-word", "summary": "s", "why": "w", "kind": "drop", "pattern": CATASTROPHIC,
        "examples": [{"before": "a!\nb", "after": "a!"}, {"before": "a!", "after": "a!"}],
    }


REFUSED = {  # name: (rule file text, words the message must hold)
    "malformed toml": ('stage = "strip_noise"\n[[rules]\nid = 1', ["user.toml", "not valid TOML"]),
    "unknown kind": (rule_file(kind="explode"), ["user.toml", "'user.trailing-word'", "kind"]),
    "unknown field": (rule_file(extra='script = "import os"\n'), ["user.toml", "script", "Extra inputs"]),
    "bad id": (rule_file(rule_id="NoFamily"), ["user.toml", "family.kebab-name"]),
    "pattern does not compile": (rule_file(pattern="(unclosed"), ["user.toml", "pattern does not compile"]),
    "no near-miss": (rule_file(examples=[("a\nword", "a")]), ["user.toml", "near-miss"]),
    "example does not hold": (
        rule_file(pattern="^nothing$"),
        ["user.toml", "'user.trailing-word'", "example 1 fails", "expected 'Keep this line!', got 'Keep this"],
    ),
    "near-miss that fires": (
        rule_file(examples=[("a!\nword", "a!"), ("other", "other")], pattern="^(word|other)$"),
        ["user.toml", "'user.trailing-word'", "example 2 fails", "got ''"],
    ),
    "broken replacement": (
        rule_file(kind="replace", pattern="a", extra='replacement = "\\\\9"\n', examples=[("a", "b"), ("c", "c")]),
        ["user.toml", "'user.trailing-word'", "example 1 fails", "invalid group reference"],
    ),
}


@pytest.mark.parametrize("name", REFUSED)
def test_a_broken_rule_file_is_refused_at_load_with_file_rule_and_reason(workdir, name):
    text, words = REFUSED[name]
    (workdir / "my_rules" / "user.toml").write_text(text, encoding="utf-8")
    result = clean_run()
    assert result.exit_code == 2
    for word in words:
        assert word in result.output
    assert not Path("out").exists(), "nothing runs with a refused rule"


def test_a_duplicate_id_names_both_files(workdir):
    (workdir / "my_rules" / "a.toml").write_text(rule_file(), encoding="utf-8")
    (workdir / "my_rules" / "b.toml").write_text(rule_file(), encoding="utf-8")
    result = clean_run()
    assert result.exit_code == 2
    assert "b.toml: rule 'user.trailing-word': duplicate id, first defined in" in result.output
    assert "a.toml" in result.output


def test_loading_a_rule_folder_never_runs_its_code(workdir):
    marker = workdir / "code-ran"
    payload = f"open({str(marker)!r}, 'w').write('pwned')\n"
    for name in ("__init__.py", "evil.py", "conftest.py", "user.py", "strip_noise.py"):
        (workdir / "my_rules" / name).write_text(payload)
    (workdir / "my_rules" / "user.toml").write_text(
        rule_file(rule_id="user.evil", kind="python", pattern=None), encoding="utf-8"
    )
    result = clean_run()
    assert result.exit_code == 2
    assert "'user.evil': kind is python but no function is registered under this id" in result.output
    assert not marker.exists()


def test_user_examples_are_checked_only_for_user_folders(workdir):
    (workdir / "my_rules" / "user.toml").write_text(rule_file(pattern="^word$"), encoding="utf-8")
    assert clean_run().exit_code == 0
    with pytest.raises(RuleError, match="example 1 fails"):
        bad = workdir / "bad_rules"
        bad.mkdir()
        (bad / "user.toml").write_text(rule_file(pattern="^nothing$"), encoding="utf-8")
        Pipeline(rule_dirs=[bad])
