"""The library API as a scraper's code uses it: build a pipeline, clean a page, run over files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import EntryPoint

import pytest
from click.testing import CliRunner

import clean.catalog.packs
import clean.engine.registry
from clean import Pipeline, RuleError
from clean.cli import main
from tests.conftest import ROOT

SEED = ROOT / "seeds" / "003_8a88328035b137d0.txt"
SEPARATOR_OFF = """stage = "strip_noise"

[[rules]]
id = "noise.separator"
summary = "Only lines of exactly five tildes are separators on my site."
why = "My site draws ----- as part of its tables; only ~~~~~ separates."
kind = "drop"
pattern = '^~~~~~$'

[[rules.examples]]
before = "a\\n~~~~~\\nb"
after = "a\\nb"

[[rules.examples]]
before = "a\\n-----\\nb"
after = "a\\n-----\\nb"
"""
PAGE = ("Встреча министров\n\nNotice: Undefined index: id in /var/www/news/item.php on line 12\n"
        "В Астане прошла встреча министров обороны.\n-----\nПресс-служба\n")


@pytest.fixture
def my_rules(tmp_path):
    folder = tmp_path / "my_rules" / "noise"
    folder.mkdir(parents=True)
    (folder / "separator.toml").write_text(SEPARATOR_OFF, encoding="utf-8")
    return tmp_path / "my_rules"


def test_clean_text_gives_items_with_the_jsonl_fields():
    item = Pipeline().clean_text(PAGE, source="https://example.kz/news/1")[0]
    record = item.model_dump()
    assert list(record) == ["id", "source", "title", "date", "date_text", "date_rule", "site", "text", "flags",
                            "boundary", "removed", "edits"]
    assert record["source"]["url"] == "https://example.kz/news/1"
    assert record["title"] == "Встреча министров"
    assert record["text"] == "В Астане прошла встреча министров обороны."
    assert [r["rule"] for r in record["removed"]] == ["noise.php-notice"]


def test_clean_file_equals_the_cli_records(tmp_path):
    made = CliRunner().invoke(main, ["run", str(SEED), "-o", str(tmp_path), "--workers", "1"])
    assert made.exit_code == 0, made.output
    lines = (tmp_path / "items.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [i.model_dump() for i in Pipeline().clean_file(str(SEED))]


def test_run_writes_what_the_cli_writes(tmp_path):
    summary = Pipeline().run([SEED], tmp_path / "api", workers=1)
    CliRunner().invoke(main, ["run", str(SEED), "-o", str(tmp_path / "cli"), "--workers", "1"])
    assert summary.files == 1 and summary.items == 1
    for name in ("items.jsonl", "sources.jsonl"):
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    assert json.loads((tmp_path / "api" / "run.json").read_text())["counts"]["items"] == 1


def test_user_rules_override_shipped_ids(my_rules):
    pipeline = Pipeline(rule_dirs=[my_rules])
    assert pipeline.rules.get("noise.separator").file.endswith("separator.toml")
    assert pipeline.rules.enabled("noise.php-notice")
    assert "-----" in pipeline.clean_text(PAGE)[0].text


def test_only_user_rules(my_rules):
    pipeline = Pipeline(rule_dirs=my_rules, shipped=False)
    assert [r.id for r in pipeline.rules.rules] == ["noise.separator"]


@pytest.mark.parametrize("disable, gone", [("noise.separator", {"noise.separator"}),
                                           (["noise"], {"noise.separator", "noise.php-notice"})])
def test_disable_by_id_or_family(disable, gone):
    pipeline = Pipeline(disable=disable)
    assert not any(pipeline.rules.enabled(rule_id) for rule_id in gone)
    assert pipeline.rules.enabled("chrome.site-suffix")


def test_a_broken_user_rule_names_its_file(tmp_path):
    (tmp_path / "bad.toml").write_text('stage = "strip_noise"\n[[rules]]\nid = "Bad Id"\n', encoding="utf-8")
    with pytest.raises(RuleError, match="bad.toml"):
        Pipeline(rule_dirs=[tmp_path])


@pytest.fixture
def demo_pack(monkeypatch):
    """The demo rule pack as if installed (tests/test_install.py installs it for real); its python rule
    is registered in a copy of the registry and its module forgotten afterwards."""
    monkeypatch.syspath_prepend(str(ROOT / "tests" / "rulepack"))
    pack = EntryPoint("demo", "clean_rules_demo:RULES", clean.catalog.packs.GROUP)
    monkeypatch.setattr(clean.catalog.packs, "installed_packs", lambda: [pack])
    monkeypatch.setattr(clean.engine.registry, "_PYTHON_RULES", dict(clean.engine.registry._PYTHON_RULES))
    yield
    sys.modules.pop("clean_rules_demo", None)


def test_packs_load_by_default_and_can_be_left_out(demo_pack):
    assert Pipeline().rules.enabled("demo.promo-line")
    assert Pipeline(packs=["demo"]).rules.enabled("demo.ad-label")
    assert not Pipeline(packs=False).rules.enabled("demo.promo-line")
    assert not Pipeline(shipped=False).rules.rules
    with pytest.raises(RuleError, match="no installed rule pack named other"):
        Pipeline(packs=["other"])


def test_readme_library_example_runs(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Library API", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "items.jsonl").exists()
    assert "Встреча министров 2023-08-14" in done.stdout


def test_run_dash_reads_stdin_and_writes_items():
    done = subprocess.run([sys.executable, "-m", "clean", "run", "-"], input=SEED.read_bytes(),
                          capture_output=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    expected = [i.model_dump() for i in Pipeline().clean_bytes(SEED.read_bytes(), "<stdin>").items]
    assert records == expected and records[0]["source"]["path"] == "<stdin>"


def test_run_without_out_is_a_usage_error():
    assert CliRunner().invoke(main, ["run", "seeds"]).exit_code == 2


def test_rules_lists_id_family_summary():
    done = CliRunner().invoke(main, ["rules"])
    assert done.exit_code == 0
    line = next(row for row in done.output.splitlines() if row.startswith("noise.php-notice "))
    assert line.split()[1] == "noise" and "PHP notices" in line


def test_rules_show_prints_the_rule_and_its_examples():
    done = CliRunner().invoke(main, ["rules", "show", "noise.separator"])
    assert done.exit_code == 0
    assert "kind drop" in done.output and "example 1 (fires)" in done.output and "(near-miss" in done.output


def test_rules_show_unknown_id_suggests():
    done = CliRunner().invoke(main, ["rules", "show", "noise.separatr"])
    assert done.exit_code == 2 and "did you mean noise.separator" in done.output


@pytest.mark.parametrize("value, message", [("no_such_pack_module:RULES", "cannot be loaded"),
                                            ("os:name", "must point at a module, a folder")])
def test_a_broken_pack_names_itself(monkeypatch, value, message):
    pack = EntryPoint("broken", value, clean.catalog.packs.GROUP)
    monkeypatch.setattr(clean.catalog.packs, "installed_packs", lambda: [pack])
    with pytest.raises(RuleError, match=f"entry point 'broken'.*{message}"):
        Pipeline()
    assert CliRunner().invoke(main, ["rules"]).exit_code == 2
