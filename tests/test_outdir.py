"""The output folder (issue 17): a run never deletes or overwrites a file it did not create.

Each test does what the attack did: an output folder that is the input's own
folder, a user's file named like a temporary one, two runs into one folder,
and checks the requirement: refused with exit code 2 and a message, every
file of the user's byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.cli import main
from clean.io.outdir import OutLock
from tests.conftest import ROOT

PAGE = "Новость дня\n\n14 августа 2023 года в Алматы прошла встреча акимов.\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def crawl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "items.jsonl").write_text(json.dumps({"url": "https://x/1", "text": PAGE}) + "\n", encoding="utf-8")
    (folder / ".notes.tmp-2024").write_text("my notes", encoding="utf-8")
    (folder / "sources.jsonl").write_text('{"mine": true}\n', encoding="utf-8")
    return folder


def run_cli(*args: str):
    return CliRunner().invoke(main, ["run", *args, "--workers", "1", "--quiet"])


@pytest.mark.parametrize("args", [
    ("crawl/items.jsonl", "-o", "crawl"),  # the output folder is the input's folder
    ("crawl", "-o", "crawl"),  # the input folder itself
    ("crawl", "-o", "crawl/sub"),  # inside the input folder (made non-empty below)
    ("crawl/sub", "-o", "crawl"),  # an input inside the output folder
])
def test_an_output_folder_that_holds_or_is_inside_an_input_is_refused(crawl, args):
    (crawl / "sub").mkdir()
    (crawl / "sub" / "page.txt").write_text(PAGE, encoding="utf-8")
    before = snapshot(crawl)
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert "choose" in result.output and "output folder" in result.output
    assert snapshot(crawl) == before


def test_a_folder_holding_output_names_not_written_by_clean_is_refused(crawl, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    before = snapshot(crawl)
    result = run_cli("page.txt", "-o", "crawl")
    assert result.exit_code == 2 and "not written by clean" in result.output
    assert snapshot(crawl) == before


def test_a_previous_output_of_clean_may_be_written_again_and_only_clean_temporaries_go(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("pages").mkdir()
    Path("pages/a.txt").write_text(PAGE, encoding="utf-8")
    assert run_cli("pages", "-o", "out").exit_code == 0
    Path("out/.notes.tmp-2024").write_text("mine", encoding="utf-8")
    Path("out/.items.jsonl.clean-tmp-99999").write_text("left by a killed run", encoding="utf-8")
    Path("out/extra.txt").write_text(PAGE, encoding="utf-8")  # an input inside a previous output: allowed
    result = run_cli("pages", "out/extra.txt", "-o", "out")
    assert result.exit_code == 0, result.output
    assert Path("out/.notes.tmp-2024").read_text(encoding="utf-8") == "mine"
    assert not Path("out/.items.jsonl.clean-tmp-99999").exists()
    assert Path("out/extra.txt").read_text(encoding="utf-8") == PAGE


def test_a_committed_output_without_its_run_json_is_recognised_as_cleans(tmp_path, monkeypatch):
    """A fresh clone of a repository holds output/items.jsonl and sources.jsonl but not run.json (it changes with
    every run): the README's 'clean run seeds -o output' must write there again."""
    monkeypatch.chdir(tmp_path)
    Path("pages").mkdir()
    Path("pages/a.txt").write_text(PAGE, encoding="utf-8")
    assert run_cli("pages", "-o", "output").exit_code == 0
    Path("output/run.json").unlink()
    before = Path("output/items.jsonl").read_bytes()
    result = run_cli("pages", "-o", "output")
    assert result.exit_code == 0, result.output
    assert Path("output/items.jsonl").read_bytes() == before
    # a user's file of another shape under the same name is still refused
    Path("output/run.json").unlink()
    Path("output/sources.jsonl").write_text('{"path": "a.txt", "mine": true}\n', encoding="utf-8")
    assert run_cli("pages", "-o", "output").exit_code == 2


def test_an_input_that_is_a_file_the_run_writes_is_refused_even_in_a_previous_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(PAGE, encoding="utf-8")
    assert run_cli("a.txt", "-o", "out").exit_code == 0
    before = snapshot(tmp_path / "out")
    result = run_cli("out/items.jsonl", "-o", "out")
    assert result.exit_code == 2 and "also a file the run writes" in result.output
    assert snapshot(tmp_path / "out") == before


def test_a_second_run_into_a_locked_folder_exits_2_naming_the_first_runs_pid(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with OutLock(out):  # this process plays the first run
        second = subprocess.run([sys.executable, "-m", "clean", "run", "a.txt", "-o", "out", "--quiet"],
                                cwd=tmp_path, capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
        assert second.returncode == 2
        assert f"pid {os.getpid()}" in second.stderr
        assert not (out / "items.jsonl").exists()
    assert not (out / ".clean.lock").exists()
    assert run_cli(str(tmp_path / "a.txt"), "-o", str(out)).exit_code == 0  # free again


def test_each_output_file_is_fsynced_before_its_rename_and_the_folder_after(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(PAGE, encoding="utf-8")
    synced: list[str] = []
    real_fsync = os.fsync

    def record(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", record)
    assert run_cli("a.txt", "-o", "out").exit_code == 0
    out = str(tmp_path / "out")
    names = [Path(p).name for p in synced]
    for name in ("items.jsonl", "sources.jsonl", "run.json"):
        assert f".{name}.clean-tmp-{os.getpid()}" in names, names
    assert ".progress.jsonl" in names
    assert synced.count(out) >= 3  # the folder, after each rename


def test_the_readme_main_command_writes_into_the_committed_output_folder(tmp_path, monkeypatch):
    """'clean run seeds -o output' on a fresh clone: output/ as committed (no run.json), rewritten byte for byte."""
    import shutil

    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", "seeds")
    Path("output").mkdir()
    for name in ("items.jsonl", "sources.jsonl"):
        shutil.copy(ROOT / "output" / name, Path("output") / name)
    result = run_cli("seeds", "-o", "output")
    assert result.exit_code == 0, result.output
    assert all(Path("output", n).read_bytes() == (ROOT / "output" / n).read_bytes()
               for n in ("items.jsonl", "sources.jsonl"))
