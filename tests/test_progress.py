"""The progress line: drawn on a terminal, silent otherwise."""

from __future__ import annotations

import io

from clean.run import progress
from clean.run.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_files_mb_items_on_a_terminal(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", -1)
    monkeypatch.setattr(progress, "EVERY", -1)
    screen = Terminal()
    bar = Progress({"a.txt": 1_000_000, "b.jsonl": 3_000_000}, stream=screen)
    bar.done("a.txt", items=2)
    bar.done("b.jsonl:1", items=1)
    bar.done("b.jsonl:2", items=1)
    bar.close()
    last = screen.getvalue().split("\r")[-1]
    assert last.startswith("2/2 files  4.0/4.0 MB  4 items") and screen.getvalue().endswith("\n")


def test_silent_when_not_a_terminal(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", -1)
    log = io.StringIO()
    bar = Progress({"a.txt": 10}, stream=log)
    bar.done("a.txt", items=1)
    bar.close()
    assert log.getvalue() == ""


def test_streaming_counts_each_file_once_without_a_total(monkeypatch, tmp_path):
    monkeypatch.setattr(progress, "DELAY", -1)
    monkeypatch.setattr(progress, "EVERY", -1)
    (tmp_path / "a.txt").write_bytes(b"x" * 1_000_000)
    (tmp_path / "b.jsonl").write_bytes(b"x" * 3_000_000)
    screen = Terminal()
    bar = Progress(None, stream=screen)
    for path in ("a.txt", "b.jsonl:1", "b.jsonl:2", "b.jsonl@end"):
        bar.done(str(tmp_path / path), items=1)
    last = screen.getvalue().split("\r")[-1]
    assert last.startswith("2 files  4.0 MB  4 items") and "ETA" not in last


def test_streaming_shows_totals_and_eta_once_the_inputs_are_counted(monkeypatch, tmp_path):
    monkeypatch.setattr(progress, "DELAY", -1)
    monkeypatch.setattr(progress, "EVERY", -1)
    (tmp_path / "sub").mkdir()
    for name, size in (("a.txt", 1_000_000), ("sub/b.txt", 2_000_000), ("sub/c.txt", 1_000_000)):
        (tmp_path / name).write_bytes(b"x" * size)
    started = []
    monkeypatch.setattr(progress.threading, "Thread", lambda target, args, daemon: FakeThread(target, args, started))
    screen = Terminal()
    bar = Progress.streaming(inputs=[str(tmp_path)], stream=screen)
    assert started and bar.total_bytes is None  # the count is handed to a background thread, not run here
    started[0]()  # run that thread's work now
    bar.done(str(tmp_path / "a.txt"), items=2)
    last = screen.getvalue().split("\r")[-1]
    assert last.startswith("1/3 files  1.0/4.0 MB  2 items") and "ETA" in last
    assert Progress.streaming(quiet=True, inputs=[str(tmp_path)], stream=screen).total_bytes is None
    assert len(started) == 1  # quiet: no count at all


class FakeThread:
    def __init__(self, target, args, started):
        self.work, self.started = (lambda: target(*args)), started

    def start(self):
        self.started.append(self.work)
