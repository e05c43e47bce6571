"""``clean report`` reads only the run's own inputs (issue 17).

A hand-made output whose ``sources.jsonl`` names ``/etc/passwd`` (sha256
null), a file outside the inputs with its right hash (by ``../`` and by a
symlink), ``/dev/zero`` and a named pipe: the report showed the first in full,
ran out of memory on the third and hung on the last. Now each is shown from
its records only, with a note, and the run's real page is still shown.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PAGE = "Новость дня\n\n14 августа 2023 года в Алматы прошла встреча акимов.\n"
SECRET = "secret-line-that-must-not-appear-in-the-report"


def record(path: str, sha256: str | None) -> str:
    return json.dumps({"path": path, "sha256": sha256, "encoding": "utf-8", "items": [],
                       "removed": [{"rule": "noise.separator", "line": 1, "text": "-----"}]}) + "\n"


def clean(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clean", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)  # a hang fails, not blocks


def test_the_report_reads_only_regular_files_under_the_runs_inputs(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PAGE, encoding="utf-8")
    assert clean("run", "in", "-o", "out", "--quiet", "--workers", "1", cwd=tmp_path).returncode == 0
    assert json.loads((tmp_path / "out" / "run.json").read_text())["inputs"] == [str(tmp_path / "in")]
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    right = hashlib.sha256(secret.read_bytes()).hexdigest()
    os.symlink(secret, tmp_path / "in" / "link.txt")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    with open(tmp_path / "out" / "sources.jsonl", "a", encoding="utf-8") as f:
        f.write(record(str(secret), None))  # as /etc/passwd with sha256 null
        f.write(record("in/../outside/secret.txt", right))  # as ../../etc/os-release with its right hash
        f.write(record("in/link.txt", right))  # a link inside the inputs to a file outside them
        f.write(record("/dev/zero", "0" * 64))
        f.write(record("in/pipe.txt", "0" * 64))
    result = clean("report", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "report" / "sources").iterdir()}
    assert not any(SECRET in text for text in pages.values())
    assert "встреча акимов" in pages["00000.html"]  # the run's own page is still shown from its file
    notes = [pages[f"0000{n}.html"] for n in range(1, 6)]
    assert all("shown from its records" in text for text in notes)
    assert "not a file under the run’s inputs" in notes[1] and "not a file under the run’s inputs" in notes[2]
    assert "not a file under the run’s inputs" in notes[3]  # /dev/zero
    assert "not a regular file" in notes[4]  # the named pipe, never opened
