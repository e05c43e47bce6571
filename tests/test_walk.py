"""Walking input folders (issue 17): every input that cannot be read or walked is an error record.

An unreadable sub-folder (simulated: the tests may run as root, whom
permissions do not stop), a folder whose path is beyond PATH_MAX and a tree
1,000 folders deep used to be skipped silently or crash the run with a
``RecursionError``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner

from clean.cli import main

PAGE = "Новость дня\n\n14 августа 2023 года в Алматы прошла встреча акимов.\n"


def run_in(folder: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["run", folder, "-o", "out", "--workers", "1", "--quiet"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    sources = [json.loads(line) for line in Path("out/sources.jsonl").read_text(encoding="utf-8").splitlines()]
    return result.exit_code, sources


def test_a_tree_a_thousand_folders_deep_is_walked(monkeypatch):
    # a folder of its own, not pytest's tmp_path: pytest's cleanup of old tmp folders (shutil.rmtree) recurses,
    # and would fail on this tree in any later session
    base = Path(tempfile.mkdtemp(prefix="clean-deep-"))
    monkeypatch.chdir(base)
    deep = "in"
    os.mkdir(deep)
    for _ in range(1000):  # one level at a time: mkdir(parents=True) itself recurses
        deep += "/d"
        os.mkdir(deep)
    deep = Path(deep)
    (deep / "page.txt").write_text(PAGE, encoding="utf-8")
    Path("in/top.txt").write_text(PAGE, encoding="utf-8")
    try:
        code, sources = run_in("in")
    finally:
        (deep / "page.txt").unlink()
        folder = str(deep)
        while folder != "in":  # removed bottom up, without recursion
            os.rmdir(folder)
            folder = folder[: -len("/d")]
        shutil.rmtree(base)
    assert code == 0 and [s["path"] for s in sources] == [f"{deep.as_posix()}/page.txt", "in/top.txt"]
    assert all(s["items"] for s in sources)


def test_a_folder_that_cannot_be_listed_is_an_error_record_and_the_rest_goes_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in/locked").mkdir(parents=True)
    Path("in/locked/page.txt").write_text(PAGE, encoding="utf-8")
    Path("in/open.txt").write_text(PAGE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, sources = run_in("in")
    assert code == 1
    assert [s["path"] for s in sources] == ["in/locked", "in/open.txt"]
    assert sources[0]["errors"] == ["in/locked: cannot list this folder (Permission denied); the files in it were"
                                    " not cleaned"]
    assert sources[1]["items"]


def test_a_folder_beyond_path_max_is_an_error_record(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/near.txt").write_text(PAGE, encoding="utf-8")
    os.chdir("in")
    for _ in range(25):  # 25 x 201 characters: beyond PATH_MAX (4096), made one relative step at a time
        os.mkdir("f" * 200)
        os.chdir("f" * 200)
    Path("lost.txt").write_text(PAGE, encoding="utf-8")
    os.chdir(tmp_path)
    code, sources = run_in("in")
    assert code == 1
    assert any("cannot list this folder (File name too long)" in e for s in sources for e in s["errors"])
    assert [s for s in sources if s["path"] == "in/near.txt"][0]["items"]
