"""``clean explain`` applies the checks and limits of ``clean run`` (issue 17).

A named pipe hung it; a 45 MiB file ran for minutes. Now both are refused
before anything is read, with the same message a run gives.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def explain(path: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clean", "explain", path], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)  # a hang fails the test


def test_explain_refuses_a_named_pipe_without_opening_it_for_reading(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = explain("pipe.txt", tmp_path)
    assert result.returncode == 1 and "not a regular file (a named pipe)" in result.stderr


def test_explain_refuses_a_file_over_the_page_limit_before_reading_it(tmp_path):
    with open(tmp_path / "big.txt", "wb") as f:
        f.truncate(45 * 2**20)  # sparse: 45 MiB that cost no disk
    result = explain("big.txt", tmp_path)
    assert result.returncode == 1 and "file is 45.0 MiB, above the 20.0 MiB limit (MAX_BYTES)" in result.stderr
