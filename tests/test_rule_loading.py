"""Rule loading under attack (issue 17): refused at load with exit code 2 and a one-line reason.

A TOML nesting bomb (a 3,000-line traceback), a ``tables/months.toml`` in a
``--rules`` folder (silently replaced the shipped table; a malformed one made
every page an internal error), a rule id ending in a newline (passed, survived
``--disable``). Rule packs' examples are checked at load like a folder's, and
``clean rules`` says where each rule came from.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.catalog import packs
from clean.cli import main
from clean.model.errors import RuleError
from clean.pipeline import Pipeline
from tests.test_hostile_rules import rule_file


@pytest.fixture
def rules_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my_rules" / "tables").mkdir(parents=True)
    return tmp_path / "my_rules"


def rules_cli(*args: str):
    return CliRunner().invoke(main, ["rules", "--rules", "my_rules", *args])


def one_line_refusal(result) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [line] = result.output.splitlines()
    return line


def test_a_toml_nesting_bomb_is_refused_in_one_line(rules_dir):
    (rules_dir / "bomb.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    line = one_line_refusal(rules_cli())
    assert "my_rules/bomb.toml" in line and "not valid TOML" in line


def test_a_rule_id_ending_in_a_newline_is_refused(rules_dir):
    (rules_dir / "user.toml").write_text(rule_file(rule_id="noise.php-notice\\n"), encoding="utf-8")
    line = one_line_refusal(rules_cli())
    assert "family.kebab-name" in line


def test_a_user_table_of_another_shape_is_refused_naming_it(rules_dir):
    (rules_dir / "tables" / "months.toml").write_text("[ru]\n1 = 5\n", encoding="utf-8")
    line = one_line_refusal(rules_cli())
    assert "months.toml" in line and "replaces the shipped table 'months' but holds table > table > int" in line


def test_a_user_table_that_no_rule_reads_is_refused(rules_dir):
    (rules_dir / "tables" / "mounths.toml").write_text('ru = ["x"]\n', encoding="utf-8")
    assert "no shipped table is called 'mounths'" in one_line_refusal(rules_cli())


def test_a_user_table_that_breaks_the_pipeline_is_refused(rules_dir):
    (rules_dir / "tables" / "months.toml").write_text('[ru]\nfirst = ["январь"]\n', encoding="utf-8")
    line = one_line_refusal(rules_cli())
    assert "months.toml" in line and "the pipeline fails with this table" in line


def test_a_user_table_of_the_right_shape_replaces_the_shipped_one_and_says_so(rules_dir):
    shipped = (Path(__file__).resolve().parent.parent / "rules" / "tables" / "months.toml").read_text("utf-8")
    (rules_dir / "tables" / "months.toml").write_text(shipped, encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--rules", "my_rules"])
    assert result.exit_code == 0, result.output
    assert "note: table 'months' from my_rules/tables/months.toml replaces the shipped one" in result.stderr


def fake_pack(monkeypatch, folder: Path) -> None:
    pack = types.SimpleNamespace(name="mysite", value="clean_rules_mysite:RULES", load=lambda: str(folder))
    monkeypatch.setattr(packs, "installed_packs", lambda: [pack])


def test_a_packs_examples_are_checked_at_load(tmp_path, monkeypatch):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "user.toml").write_text(rule_file(pattern="^nothing$"), encoding="utf-8")
    fake_pack(monkeypatch, tmp_path / "pack")
    with pytest.raises(RuleError, match=r"pack/user.toml: rule 'user.trailing-word': example 1 fails"):
        Pipeline()


def test_clean_rules_says_which_pack_each_rule_came_from(tmp_path, monkeypatch):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "user.toml").write_text(rule_file(pattern="^word$"), encoding="utf-8")
    fake_pack(monkeypatch, tmp_path / "pack")
    lines = CliRunner().invoke(main, ["rules"]).output.splitlines()
    [mine] = [line for line in lines if line.startswith("user.trailing-word")]
    assert mine.split()[2:4] == ["pack", "mysite"]
    assert [line for line in lines if line.startswith("noise.separator")][0].split()[2] == "shipped"


def many_rules(folder: Path, n: int, broken: int | None = None) -> Path:
    folder.mkdir()
    parts = ['stage = "strip_noise"\n']
    for i in range(n):
        word = f"zq{i:05d}marker"
        after = "Kept." if i != broken else "Wrong."
        parts.append(f'\n[[rules]]\nid = "user.rule-{i}"\nsummary = "s"\nwhy = "w"\nkind = "drop"\n'
                     f"pattern = '^{word}$'\n\n[[rules.examples]]\nbefore = \"Kept.\\n{word}\"\nafter = \"{after}\"\n"
                     f'\n[[rules.examples]]\nbefore = "Kept {word} here."\nafter = "Kept {word} here."\n')
    (folder / "user.toml").write_text("".join(parts), encoding="utf-8")
    return folder


def test_loading_many_user_rules_is_linear_in_rule_applications(tmp_path, monkeypatch):
    """10,000 user rules took 364 s to load: every example ran every rule before it (n² applications).
    Counted here: the rule applications of loading 4x the rules must be about 4x, not 16x."""
    from clean.engine import kinds

    calls = {"n": 0}
    real = kinds.apply_kind

    def counting(doc, rule, rules):
        calls["n"] += 1
        return real(doc, rule, rules)

    monkeypatch.setattr(kinds, "apply_kind", counting)
    counts = []
    for n in (150, 600):
        calls["n"] = 0
        Pipeline(rule_dirs=[many_rules(tmp_path / f"r{n}", n)])
        counts.append(calls["n"])
    assert counts[1] < 6 * counts[0], counts


def test_a_wrong_example_among_many_rules_is_still_refused(tmp_path):
    with pytest.raises(RuleError, match=r"rule 'user.rule-77': example 1 fails: expected 'Wrong.', got 'Kept.'"):
        Pipeline(rule_dirs=[many_rules(tmp_path / "r", 120, broken=77)])


def test_an_example_that_needs_an_earlier_rule_the_prefilter_skipped_still_holds(tmp_path):
    """Rule a cuts '[tag]', which leaves a line 'zzz' that rule c drops: c's prefilter does not see 'zzz' on a line
    of its own in the example as written, so the check runs the example again the full way."""
    text = 'stage = "strip_noise"\n'
    for rule_id, kind, pattern, before, after in [
        ("user.a-tag", "strip", r"\[tag\]", "x [tag] y", "x y"),
        ("user.c-zzz", "drop", "^zzz$", "x\\nzzz", "x"),
        ("user.b-bb", "drop", "^bb$", "x\\n[tag]zzz\\nbb", "x"),
    ]:
        text += (f'\n[[rules]]\nid = "{rule_id}"\nsummary = "s"\nwhy = "w"\nkind = "{kind}"\npattern = \'{pattern}\'\n'
                 f'\n[[rules.examples]]\nbefore = "{before}"\nafter = "{after}"\n'
                 '\n[[rules.examples]]\nbefore = "keep"\nafter = "keep"\n')
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "user.toml").write_text(text, encoding="utf-8")
    Pipeline(rule_dirs=[tmp_path / "r"])  # loads: no false refusal
