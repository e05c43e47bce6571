"""Every rule is documented and its examples hold; a bad rule file fails with file, rule and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from clean.model.errors import RuleError
from clean.catalog.examples import run_example
from clean.engine.registry import registered_ids
from clean.pipeline import STAGES
from clean.catalog.loader import shipped_rules
from clean.catalog import load_rules, shipped_rules_dir

SHIPPED = shipped_rules()
CASES = [(rule, n, ex) for rule in SHIPPED.rules for n, ex in enumerate(rule.examples)]


@pytest.mark.parametrize("rule, n, example", CASES, ids=[f"{r.id}[{n}]" for r, n, _ in CASES])
def test_rule_example(rule, n, example):
    assert run_example(SHIPPED, rule, example.before, STAGES, example.crawl_date, example.source) == example.after


@pytest.mark.parametrize("rule", SHIPPED.rules, ids=[r.id for r in SHIPPED.rules])
def test_rule_is_documented(rule):
    assert rule.summary.strip() and rule.why.strip()
    assert any(e.fires for e in rule.examples), "needs an example that fires"
    assert any(not e.fires for e in rule.examples), "needs a near-miss example"


@pytest.mark.parametrize("rule", SHIPPED.rules, ids=[r.id for r in SHIPPED.rules])
def test_rule_lives_in_its_family_folder(rule):
    assert Path(rule.file).parent.name == rule.family, f"{rule.id} is in {rule.file}; move it to rules/{rule.family}/"


def test_every_python_rule_has_a_rule_file():
    assert registered_ids() <= {r.id for r in SHIPPED.rules}


def _write(folder, text, name="r.toml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = '''
stage = "strip_noise"
[[rules]]
id = "mine.ad-line"
summary = "Ad lines."
why = "Ads."
kind = "drop"
pattern = '^AD:'
[[rules.examples]]
before = "AD: buy\\nText."
after = "Text."
[[rules.examples]]
before = "Text."
after = "Text."
'''


@pytest.mark.parametrize(
    "text, expected",
    [
        ("stage = 'strip_noise'\n[[rules]\n", "not valid TOML"),
        (GOOD.replace('kind = "drop"', 'kind = "explode"'), "kind"),
        (GOOD.replace('stage = "strip_noise"', 'stage = "nowhere"'), "'stage' must be one of"),
        (GOOD.replace("pattern = '^AD:'", "pattern = '^(AD'"), "pattern does not compile"),
        (GOOD.replace('summary = "Ad lines."', 'summry = "Ad lines."'), "summary"),
        (GOOD.replace('after = "Text."\n[[rules.examples]]', 'after = "AD: buy\\nText."\n[[rules.examples]]'),
         "needs at least one example that fires"),
        (GOOD.replace('id = "mine.ad-line"', 'id = "Mine Ad"'), "id must look like"),
        (GOOD.replace('kind = "drop"', 'kind = "python"'), "no function is registered"),
    ],
    ids=["toml", "kind", "stage", "pattern", "field-typo", "no-firing-example", "id", "python-unregistered"],
)
def test_malformed_rule_file_names_file_rule_and_problem(tmp_path, text, expected):
    path = _write(tmp_path, text)
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path])
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_duplicate_id_names_both_files(tmp_path):
    first = _write(tmp_path, GOOD, "a.toml")
    second = _write(tmp_path, GOOD, "b.toml")
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path])
    assert str(first) in str(err.value) and str(second) in str(err.value)
    assert "mine.ad-line" in str(err.value)


def test_user_rules_extend_and_override_shipped(tmp_path):
    _write(tmp_path, GOOD)
    rules = load_rules([shipped_rules_dir(), tmp_path])
    assert rules.enabled("mine.ad-line") and rules.enabled("noise.php-notice")
