"""Crashes lose nothing: SIGKILL or Ctrl-C mid-run, then ``--resume``, gives the uninterrupted output.

A real ``clean run`` runs in a subprocess over a generated corpus; the test
waits until the progress journal shows part of the work done, kills it, checks
that no output file that looks finished is there, resumes, and compares the
output bytes with a run that was never interrupted.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clean.run.executor import LocalExecutor, run
from clean.io.journal import NAME as JOURNAL
from clean.pipeline import Pipeline
from tests.conftest import ROOT

COPIES = 160  # of each seed: 800 pages, a few seconds of work for one worker (a run must outlast the signal)
KILL_AFTER = 40  # journaled pages before the kill
OUTPUTS = ("items.jsonl", "sources.jsonl")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A folder of generated pages, and the output of an uninterrupted run over it."""
    base = tmp_path_factory.mktemp("resume")
    for n in range(COPIES):
        folder = base / "corpus" / f"part {n % 9}"
        folder.mkdir(parents=True, exist_ok=True)
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            page = seed.read_text(encoding="utf-8") + f"\nДополнение номер {n}.\n"
            (folder / f"{n:03d}-{seed.name}").write_text(page, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(base)
    try:
        run(Pipeline(), ["corpus"], base / "reference", LocalExecutor(1))
    finally:
        os.chdir(cwd)
    return base


def start(base: Path, out: str, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "clean", "run", "corpus", "-o", out, *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_progress(process: subprocess.Popen, journal: Path, entries: int) -> None:
    """Return once ``journal`` holds ``entries`` finished pages (the run is then mid-way)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the run ended before it could be interrupted"
        if journal.exists() and journal.read_bytes().count(b"\n") > entries:
            return
        time.sleep(0.005)
    raise AssertionError("no progress in the journal")


def assert_nothing_looks_finished(out: Path, reference: Path) -> None:
    """After a kill: each output file is absent or complete; run.json (the completion mark) is absent."""
    assert not (out / "run.json").exists()
    for name in OUTPUTS:
        if (out / name).exists():
            assert (out / name).read_bytes() == (reference / name).read_bytes()


def no_process_left(out_name: str) -> bool:
    """True once no process runs with ``-o out_name`` (waits a little: workers end on a signal)."""
    needle = f"-o\0{out_name}\0".encode()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not any(needle in _cmdline(p) for p in Path("/proc").glob("[0-9]*")):
            return True
        time.sleep(0.05)
    return False


def _cmdline(proc: Path) -> bytes:
    try:
        return (proc / "cmdline").read_bytes()
    except OSError:
        return b""


def assert_same_as_reference(out: Path, reference: Path) -> dict:
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert not (out / JOURNAL).exists() and not list(out.glob(".*.clean-tmp-*"))
    return json.loads((out / "run.json").read_text())["counts"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigkill_mid_run_then_resume_gives_the_uninterrupted_output(corpus, workers):
    out = corpus / f"killed-{workers}"
    process = start(corpus, out.name, "--workers", workers)
    wait_for_progress(process, out / JOURNAL, KILL_AFTER)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert_nothing_looks_finished(out, corpus / "reference")
    assert no_process_left(out.name), "worker processes outlived the killed run"
    resumed = start(corpus, out.name, "--workers", workers, "--resume")
    _, stderr = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, stderr
    counts = assert_same_as_reference(out, corpus / "reference")
    assert KILL_AFTER <= counts["resumed"] < counts["files"] == 5 * COPIES


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_stops_cleanly_with_a_message_then_resume_finishes(corpus, stop):
    out = corpus / f"interrupted-{stop.name}"
    process = start(corpus, out.name, "--workers", "2")
    wait_for_progress(process, out / JOURNAL, KILL_AFTER)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == (143 if stop == signal.SIGTERM else 130)  # 128 + the signal, as shells expect
    assert "stopped: interrupted after" in stderr and "rerun with --resume" in stderr
    assert "Traceback" not in stderr
    assert not any((out / name).exists() for name in (*OUTPUTS, "run.json"))
    assert not list(out.glob(".*.clean-tmp-*"))
    resumed = start(corpus, out.name, "--workers", "2", "--resume")
    resumed.communicate(timeout=120)
    assert resumed.returncode == 0
    assert assert_same_as_reference(out, corpus / "reference")["resumed"] >= KILL_AFTER


class DyingPipeline(Pipeline):
    """A pipeline whose worker process dies on one page, as if killed by the kernel for memory."""

    def clean_bytes(self, raw, path, url=None):
        if path.endswith("020-002_ba9788c7bdafb740.txt"):
            os._exit(9)
        return super().clean_bytes(raw, path, url)


def test_a_worker_that_dies_stops_the_run_with_a_message_and_resume_can_finish(corpus):
    from clean.model.errors import WorkerLost

    out = corpus / "worker-died"
    cwd = os.getcwd()
    os.chdir(corpus)
    try:
        with pytest.raises(WorkerLost, match=r"a worker process died .* rerun with --resume"):
            run(DyingPipeline(), ["corpus"], out, LocalExecutor(2))
    finally:
        os.chdir(cwd)
    assert not any((out / name).exists() for name in (*OUTPUTS, "run.json"))
    assert in_process_run(corpus, out.name, resume=True)["resumed"] > 0
    assert_same_as_reference(out, corpus / "reference")


def in_process_run(base: Path, out: str, **options) -> dict:
    cwd = os.getcwd()
    os.chdir(base)
    try:
        run(Pipeline(**options.pop("pipeline", {})), ["corpus"], base / out, LocalExecutor(1), **options)
    finally:
        os.chdir(cwd)
    return json.loads((base / out / "run.json").read_text())["counts"]


@pytest.fixture(scope="module")
def journal_lines(corpus):
    """The lines of the journal of a complete run (header first), taken just before it is deleted."""
    from clean.io import journal as journal_module

    kept = {}
    remove = journal_module.Journal.remove

    def keep_then_remove(self):
        kept["bytes"] = self.path.read_bytes()
        remove(self)

    journal_module.Journal.remove = keep_then_remove
    try:
        in_process_run(corpus, "full-journal")
    finally:
        journal_module.Journal.remove = remove
    return kept["bytes"].splitlines(keepends=True)


def plant(corpus: Path, out: str, lines: list[bytes]) -> Path:
    target = corpus / out
    target.mkdir()
    (target / JOURNAL).write_bytes(b"".join(lines))
    return target


def test_a_torn_last_journal_line_is_dropped(corpus, journal_lines):
    torn = journal_lines[11][: len(journal_lines[11]) // 2]
    out = plant(corpus, "torn", [*journal_lines[:11], torn])
    counts = in_process_run(corpus, out.name, resume=True)
    assert counts["resumed"] == 10
    assert_same_as_reference(out, corpus / "reference")


def test_a_changed_file_is_cleaned_again(corpus, journal_lines):
    out = plant(corpus, "changed", journal_lines[:21])
    first = json.loads(journal_lines[1])["path"]
    page = corpus / first
    original = page.read_bytes()
    try:
        page.write_bytes(original.replace("Дополнение".encode(), "Изменение".encode()))
        counts = in_process_run(corpus, out.name, resume=True)
        in_process_run(corpus, "fresh-after-change")
    finally:
        page.write_bytes(original)
    assert counts["resumed"] == 19
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (corpus / "fresh-after-change" / name).read_bytes()


def test_a_journal_made_with_other_rules_is_not_reused(corpus, journal_lines):
    out = plant(corpus, "other-rules", journal_lines[:21])
    counts = in_process_run(corpus, out.name, resume=True, pipeline={"disable": {"noise.separator"}})
    assert counts["resumed"] == 0
    plant(corpus, "other-rules-cli", journal_lines[:21])
    result = subprocess.run(
        [sys.executable, "-m", "clean", "run", "corpus/part 0", "-o", "other-rules-cli", "--resume", "--workers", "1",
         "--disable", "noise.separator"],
        cwd=corpus, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
    )
    assert "(the journal was made with other rules or version: all cleaned again)" in result.stderr


def test_without_resume_the_journal_is_ignored(corpus, journal_lines):
    out = plant(corpus, "no-resume", journal_lines[:21])
    assert in_process_run(corpus, out.name)["resumed"] == 0
    assert_same_as_reference(out, corpus / "reference")
