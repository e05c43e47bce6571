"""The pytest plugin as a user's project meets it: found through the pytest11 entry point, in a
separate pytest run over a project of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points

import pytest


PAGE = "Встреча министров\n\n14 августа 2023 года в Астане прошла встреча министров обороны.\n"
USER_TEST = '''
def test_pages(clean_golden):
    clean_golden(["pages"], "golden")
'''


def test_plugin_is_registered_as_pytest11():
    assert "clean.integrations.pytest_plugin" in {ep.value for ep in entry_points(group="pytest11")}


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "test_pages.py").write_text(USER_TEST, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return tmp_path


def pytest_in(project, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    quiet = ["-p", "no:cacheprovider", "-p", "no:hypothesispytest"]  # hypothesis alone costs a second a run
    return subprocess.run([sys.executable, "-m", "pytest", "-q", *quiet, *args],
                          cwd=project, capture_output=True, text=True, env=env)


def test_golden_written_then_compared_then_updated(project):
    first = pytest_in(project)
    assert first.returncode == 1 and "was missing and has been written" in first.stdout
    assert (project / "golden" / "items.jsonl").exists() and (project / "golden" / "sources.jsonl").exists()
    assert "pages/a.txt" in (project / "golden" / "items.jsonl").read_text(encoding="utf-8")
    assert pytest_in(project).returncode == 0

    (project / "pages" / "a.txt").write_text(PAGE.replace("Астане", "Алматы"), encoding="utf-8")
    changed = pytest_in(project)
    assert changed.returncode == 1
    assert "clean diff golden <new output>:" in changed.stdout
    assert "-14 августа 2023 года в Астане" in changed.stdout and "+14 августа 2023 года в Алматы" in changed.stdout
    assert "rerun pytest with --clean-update" in changed.stdout

    assert pytest_in(project, "--clean-update").returncode == 0
    assert "Алматы" in (project / "golden" / "items.jsonl").read_text(encoding="utf-8")

