"""Discovery walks folders lazily yet yields exactly the sorted list of the paths it finds."""

from __future__ import annotations

import os
from pathlib import Path

from clean.io.discovery import discover, display_path

NAMES = ["b.txt", "b-x.txt", "b/c.txt", "b/a/z.jsonl", "b.d/e.txt", "B.txt", "a b/ж.txt", "b/skip.md", "_/x.wet.gz"]


def test_lazy_walk_gives_the_order_of_sorted_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        Path("in", name).parent.mkdir(parents=True, exist_ok=True)
        Path("in", name).write_text("x")
    os.symlink(tmp_path / "in" / "b", tmp_path / "in" / "b-link")  # a folder walked twice under two names
    found = list(discover(["in", "in/b", "in/b.txt"]))
    expected = sorted({display_path(os.path.join(root, f)) for top in ("in", "in/b")
                       for root, _, files in os.walk(top, followlinks=True) for f in files if not f.endswith(".md")})
    assert found == expected and len(found) == len(set(found))
