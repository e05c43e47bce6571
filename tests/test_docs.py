"""Every code block of README.md and docs/*.md does what it shows (the convention: docs/README.md).

`sh` and `python` blocks run, in order, in a scratch folder holding links to seeds/, output/, tests/
and rules/, with `clean` on the PATH; `illustrative` ones are only parsed; other blocks are not code.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.S | re.M)
RUN = {"sh", "python"}
LINKED = ("seeds", "output", "tests", "rules")
README_LIMIT = 10_000  # bytes
FIRST_SCREEN = 40  # lines


def blocks(document: Path) -> list[tuple[int, str, bool, str]]:
    """``(line, language, illustrative, code)`` of each fenced block."""
    text = document.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        words = match[1].split()
        found.append((text.count("\n", 0, match.start()) + 1, words[0] if words else "", "illustrative" in words,
                      match[2]))
    return found


@pytest.fixture
def scratch(tmp_path) -> tuple[Path, dict]:
    """A folder with links to the repository's data and an environment with `clean` on the PATH."""
    for name in LINKED:
        (tmp_path / name).symlink_to(ROOT / name)
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    (bin_dir / "clean").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m clean "$@"\n')
    (bin_dir / "clean").chmod(0o755)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    return tmp_path, env


def run_block(language: str, illustrative: bool, code: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    if language == "python":
        command = [sys.executable, "-c", f"compile({code!r}, 'block', 'exec')" if illustrative else code]
    else:
        command = ["bash", "-n" if illustrative else "-e", "-c", code]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, encoding="utf-8", errors="replace",
                          timeout=300)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_block_runs(document, scratch):
    cwd, env = scratch
    failures = []
    for line, language, illustrative, code in blocks(document):
        if language not in RUN:
            continue
        done = run_block(language, illustrative, code, cwd, env)
        if done.returncode != 0:
            failures.append(f"{document.name}:{line} ({language}) exit {done.returncode}:\n{done.stderr[-1500:]}")
    assert not failures, "\n\n".join(failures)


def test_a_failing_block_is_caught(scratch):
    cwd, env = scratch
    assert run_block("sh", False, "clean run no-such-folder -o out", cwd, env).returncode == 2
    assert run_block("python", True, "def broken(:\n", cwd, env).returncode != 0
    assert run_block("sh", True, "if then fi (", cwd, env).returncode != 0


def test_readme_is_short_with_the_two_commands_in_its_first_screen():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < README_LIMIT
    first_screen = "\n".join(readme.splitlines()[:FIRST_SCREEN])
    install_run = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/clean run seeds -o output"
    install_test = "python3 -m venv .venv && .venv/bin/pip install -e '.[test,all]' && .venv/bin/python -m pytest -q"
    assert install_run in first_screen and install_test in first_screen
    assert install_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")  # CI runs the second one


def test_readme_has_a_quickstart_for_each_use_and_links_that_resolve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for heading in ("## Batch", "## Library API", "## Scrapy", "## Golden tests with pytest", "## Comparing outputs"):
        assert heading in readme
    assert ".venv/bin/python -m bench" in readme  # the benchmark runs inside the venv (it imports ftfy)
    for document in DOCUMENTS:
        for target in re.findall(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)", document.read_text(encoding="utf-8")):
            assert (document.parent / target).exists(), f"{document.name} links to a missing {target}"


def test_every_repository_path_the_documents_name_exists():
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for path in re.findall(r"`((?:rules|clean|tests|bench|docs)/[\w/.-]*(?:\.\w+|/))`", text):  # files, folders/
            assert (ROOT / path).exists(), f"{document.name} names {path}, which does not exist"
