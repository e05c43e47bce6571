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



CASES = '''
def test_beside_this_file(clean_golden):
    clean_golden(["pages"], "golden")


def test_root_relative(clean_golden):
    clean_golden(["shared/pages"], "shared/golden")


def test_missing_input(clean_golden):
    clean_golden(["no-such-pages"], "golden-missing")


def test_no_page(clean_golden):
    clean_golden(["empty-folder"], "golden-empty")


def test_errors(clean_golden):
    clean_golden(["broken"], "golden-broken")


def test_compressed_sharded_golden(clean_golden):  # a golden folder in another layout of 'clean run'
    clean_golden(["pages"], "golden-gz")


def test_only_noise(clean_golden):
    clean_golden(["noise"], "golden-noise")


def test_only_noise_allowed(clean_golden):
    clean_golden(["noise"], "golden-noise-allowed", allow_no_items=True)
'''


def test_a_golden_cannot_pass_on_nothing_and_paths_resolve_beside_the_test_file(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    here = tmp_path / "tests" / "sub"
    for folder in (here / "pages", tmp_path / "shared" / "pages", here / "empty-folder", here / "broken",
                   here / "noise"):
        folder.mkdir(parents=True)
    (here / "noise" / "n.txt").write_text("Warning: x() failed in /var/www/a.php on line 3\n", encoding="utf-8")
    (here / "pages" / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "shared" / "pages" / "b.txt").write_text(PAGE, encoding="utf-8")
    (here / "broken" / "a.txt").write_text(PAGE, encoding="utf-8")
    (here / "broken" / "empty.txt").write_bytes(b"")
    (here / "test_cases.py").write_text(CASES, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "clean", "run", "pages", "-o", "golden-gz", "--compress", "gzip",
                    "--shard-mb", "1"], cwd=here, check=True, capture_output=True)
    first = pytest_in(tmp_path, "-rA")
    outcome = {line.split("::")[-1].split()[0]: line.split()[0] for line in first.stdout.splitlines()
               if line.startswith(("PASSED", "FAILED"))}
    assert outcome == {"test_beside_this_file": "FAILED", "test_root_relative": "FAILED",  # goldens written
                       "test_missing_input": "FAILED", "test_no_page": "FAILED", "test_errors": "FAILED",
                       "test_compressed_sharded_golden": "PASSED", "test_only_noise": "FAILED",
                       "test_only_noise_allowed": "FAILED"}, first.stdout  # (the allowed one: its golden written)
    assert "yield 1 page(s) but no item" in first.stdout
    assert "input not found: no-such-pages" in first.stdout and "yield no page" in first.stdout
    assert "1 of 2 pages have errors" in first.stdout and "empty.txt: empty file (0 bytes)" in first.stdout
    assert '"path": "pages/a.txt"' in (here / "golden" / "sources.jsonl").read_text(encoding="utf-8")
    assert (tmp_path / "shared" / "golden" / "items.jsonl").exists()
    assert not any((here / name).exists() for name in ("golden-missing", "golden-empty", "golden-broken",
                                                        "golden-noise"))
    second = pytest_in(tmp_path, "-rA", "-k", "beside or root_relative or compressed or allowed")
    assert second.returncode == 0, second.stdout


def test_clean_update_rewrites_a_golden_of_another_layout_as_plain_jsonl(project):
    subprocess.run([sys.executable, "-m", "clean", "run", "pages", "-o", "golden", "--compress", "gzip"],
                   cwd=project, check=True, capture_output=True)
    assert pytest_in(project).returncode == 0  # the gzip golden is read as it is
    (project / "pages" / "a.txt").write_text(PAGE.replace("Астане", "Алматы"), encoding="utf-8")
    assert pytest_in(project).returncode == 1
    assert pytest_in(project, "--clean-update").returncode == 0
    assert sorted(p.name for p in (project / "golden").glob("*.jsonl*")) == ["items.jsonl", "sources.jsonl"]
    assert pytest_in(project).returncode == 0
