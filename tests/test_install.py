"""The package as a user gets it: the wheel built, installed in a fresh venv outside the repository,
with the rule pack from tests/rulepack installed beside it (one build and install for the module)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile

import pytest

from tests.conftest import ROOT

PAGE = (
    "Заголовок новости\n\nВ Астане прошла встреча министров обороны.\nДН-промо\nerid: 2SDnjeXyz\n"
    "DemoNews Плюс — дайджест недели по пятницам\n"
)


def _run(*cmd, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env, **kw)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """A fresh venv holding the clean wheel and the demo rule pack, and a working folder with the seeds."""
    base = tmp_path_factory.mktemp("install")
    dist = base / "dist"
    shutil.copytree(ROOT / "tests" / "rulepack", base / "rulepack", ignore=shutil.ignore_patterns("__pycache__"))
    built = _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, ROOT, base / "rulepack")
    assert built.returncode == 0, built.stderr
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    wheels = sorted(dist.glob("*.whl"))
    done = _run(bin_dir / "python", "-m", "pip", "install", "-q", *wheels)
    assert done.returncode == 0, done.stderr
    work = base / "work"
    shutil.copytree(ROOT / "seeds", work / "seeds")
    return {"bin": bin_dir, "work": work, "wheel": next(w for w in wheels if w.name.startswith("clean-"))}


def test_wheel_carries_the_rules(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    assert "clean/rules/noise/10-cms.toml" in names
    assert "clean/rules/tables/months.toml" in names


def test_clean_run_on_the_seeds_from_another_folder(installed):
    out = installed["work"] / "out"
    done = _run(installed["bin"] / "clean", "run", "seeds", "-o", out, cwd=installed["work"])
    assert done.returncode == 0, done.stderr
    assert "5 files, 15 items, 0 errors" in done.stderr
    # the pack's rules touch nothing in the seeds, so the output is the committed golden output
    for name in ("items.jsonl", "sources.jsonl"):
        assert (out / name).read_bytes() == (ROOT / "output" / name).read_bytes()


def test_installed_rules_come_from_site_packages(installed):
    done = _run(installed["bin"] / "clean", "rules", "show", "noise.php-notice", cwd=installed["work"])
    assert done.returncode == 0, done.stderr
    assert "site-packages/clean/rules/noise/10-cms.toml" in done.stdout


def test_pack_rules_are_listed_and_run(installed):
    listed = _run(installed["bin"] / "clean", "rules", cwd=installed["work"]).stdout
    assert "demo.promo-line" in listed and "demo.ad-label" in listed and "noise.php-notice" in listed
    done = _run(installed["bin"] / "clean", "run", "-", input=PAGE, cwd=installed["work"])
    assert done.returncode == 0, done.stderr
    [item] = [json.loads(line) for line in done.stdout.splitlines()]
    assert item["title"] == "Заголовок новости"
    assert item["text"] == "В Астане прошла встреча министров обороны.\nerid: 2SDnjeXyz"
    assert [r["rule"] for r in item["removed"]] == ["demo.ad-label", "demo.promo-line"]


def test_pack_switched_off_by_family(installed):
    done = _run(installed["bin"] / "clean", "run", "-", "--disable", "demo", input=PAGE, cwd=installed["work"])
    [item] = [json.loads(line) for line in done.stdout.splitlines()]
    assert "DemoNews Плюс" in item["text"] and item["removed"] == []


def test_library_api_in_the_fresh_venv(installed):
    script = (
        "from clean import Pipeline\n"
        "items = Pipeline().clean_text(open(0).read(), source='https://demo.example/news/1')\n"
        "print(items[0].source.url, [r.rule for r in items[0].removed])\n"
    )
    done = _run(installed["bin"] / "python", "-c", script, input=PAGE, cwd=installed["work"])
    assert done.stdout.strip() == "https://demo.example/news/1 ['demo.ad-label', 'demo.promo-line']", done.stderr


def test_clean_diff_in_the_fresh_venv(installed):
    out = installed["work"] / "out-diff"
    _run(installed["bin"] / "clean", "run", "seeds", "-o", out, cwd=installed["work"])
    same = _run(installed["bin"] / "clean", "diff", "--stat", out, ROOT / "output", cwd=installed["work"])
    assert same.returncode == 0 and "items: 0 added, 0 removed, 0 changed, 15 unchanged" in same.stdout
