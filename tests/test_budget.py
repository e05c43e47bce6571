"""Time budgets (issue 17): a rule's time, and a page's, is bounded over all pattern calls.

The attacks: a page of slow near-miss lines each followed by a line the rule
matches (each call under the limit, so the limit never fired: minutes of CPU,
no error); a user pattern that always times out (the limit again on every
page). Nothing here times anything: the tests check the errors that the
budgets must produce where the old per-call limit produced none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.engine import budget
from clean.cli import main
from tests.test_hostile_rules import rule_file

SLOW_NEAR_MISS = "x" * 300 + "!"  # about 0.1 s for the catastrophic pattern, which then fails on it
PAGE = "Заголовок новости\n\nПервая строка текста новости, она длинная и спокойная.\n" + "".join(
    f"{SLOW_NEAR_MISS}\nword\n" for _ in range(12))  # each "word" is a match: a per-call limit started again


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "my_rules").mkdir()
    (tmp_path / "my_rules" / "user.toml").write_text(rule_file(), encoding="utf-8")
    return tmp_path


def run(*pages: str) -> list[dict]:
    for n, page in enumerate(pages):
        Path(f"in/p{n}.txt").write_text(page, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "in", "-o", "out", "--workers", "1", "--quiet", "--rules", "my_rules"])
    assert result.exit_code in (0, 1), result.output
    return [json.loads(line) for line in Path("out/sources.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_rules_budget_holds_over_all_its_calls_on_a_page(workdir, monkeypatch):
    monkeypatch.setattr(budget, "PATTERN_TIMEOUT", 0.3)  # each call takes about a third of it
    [source] = run(PAGE)
    [error] = source["errors"]
    assert error.startswith("in/p0.txt: rule 'user.trailing-word' (") and "ran out of time (0.3s)" in error
    assert source["items"], "the page went on without the rule"


def test_a_page_past_its_budget_is_kept_as_far_as_it_got_with_one_error(workdir, monkeypatch):
    monkeypatch.setattr(budget, "PAGE_BUDGET", 0.3)
    [source] = run(PAGE)
    page_errors = [e for e in source["errors"] if "the page ran out of time" in e]
    assert len(page_errors) == 1 and page_errors[0].startswith("in/p0.txt: the page ran out of time (0.3s")
    assert "the rules after it were skipped" in page_errors[0]
    assert source["items"]


def test_a_rule_that_times_out_on_three_pages_is_switched_off_with_one_error(workdir, monkeypatch):
    monkeypatch.setattr(budget, "PATTERN_TIMEOUT", 0.05)
    hopeless = "Заголовок новости\n\nТекст новости.\n" + "x" * 2000 + "!\n"  # minutes for the pattern, unbounded
    sources = run(*[hopeless] * 6)
    rule_errors = [[e for e in s["errors"] if "user.trailing-word" in e] for s in sources]
    assert [len(errors) for errors in rule_errors] == [1, 1, 1, 0, 0, 0]
    assert "switched off for the rest of the run" in rule_errors[2][0]
    assert not any("switched off" in errors[0] for errors in rule_errors[:2])


def growth_rule(times: int) -> str:
    y = "Y" * times
    return (f'stage = "repair_unicode"\n\n[[rules]]\nid = "user.z-to-y"\nsummary = "s"\nwhy = "w"\nkind = "replace"\n'
            f"pattern = 'Z'\nreplacement = '{y}'\n\n[[rules.examples]]\nbefore = 'aZb'\nafter = 'a{y}b'\n\n"
            "[[rules.examples]]\nbefore = 'ab'\nafter = 'ab'\n")


def test_a_replace_rule_that_blows_up_a_page_is_an_error_naming_it_and_the_page_stays_small(workdir):
    (workdir / "my_rules" / "user.toml").write_text(growth_rule(5_000), encoding="utf-8")
    blowing = "Заголовок новости\n\n" + "Текст новости Z и ещё Z.\n" * 120  # 3 KB, 240 Z: 1.2 million Y
    sources = run(blowing, "Заголовок\n\nОбычный текст новости без той буквы.\n")
    [error] = sources[0]["errors"]
    assert error.startswith("in/p0.txt: rule 'user.z-to-y' (") and "would make the page grow past" in error
    assert sources[0]["items"] and not sources[1]["errors"]
    assert Path("out/items.jsonl").stat().st_size < 3 * len(blowing.encode()) + 20_000


def test_a_rule_whose_own_example_outgrows_the_page_is_refused_at_load_saying_why(workdir):
    """The issue's attack as written (Z into 100,000 Y): refused at load, the message names the growth bound and
    stays short instead of printing the expected 100 KB."""
    (workdir / "my_rules" / "user.toml").write_text(growth_rule(100_000), encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "in", "-o", "out", "--quiet", "--rules", "my_rules"])
    assert result.exit_code == 2
    assert "example 1 fails" in result.output and "would make the page grow past" in result.output
    assert len(result.output) < 2_000
