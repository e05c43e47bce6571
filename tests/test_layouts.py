"""Every tool reads every layout `clean run` writes (--compress gzip/zstd, --shard-mb), and `clean diff`
matches, ignores and streams as its users expect (issue 16)."""

from __future__ import annotations

import json
import shutil
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.cli import main
from clean.review.diff_outputs import compare
from clean.model.errors import RunInterrupted
from clean.run.executor import run
from clean.run.local_engine import LocalExecutor
from clean.io.output_files import records
from clean.pipeline import Pipeline
from tests.conftest import ROOT

LAYOUTS = {"plain": [], "gzip": ["--compress", "gzip"], "zstd": ["--compress", "zstd"],
           "gzip-shards": ["--compress", "gzip", "--shard-mb", "1"], "zstd-shards": ["--compress", "zstd",
                                                                                      "--shard-mb", "1"]}


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    """The seeds cleaned into each layout; the run's cwd is the repository root, as the golden's is."""
    pytest.importorskip("zstandard", reason="--compress zstd needs zstandard (pip install 'clean[zstd]')")
    base = tmp_path_factory.mktemp("layouts")
    made = {}
    for name, args in LAYOUTS.items():
        result = CliRunner().invoke(main, ["run", "seeds", "-o", str(base / name), "--quiet", *args],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        made[name] = base / name
    return made


def one_shard_each(folder: Path) -> Path:
    """Fake a shard split of a plain output: items-00000/00001 holding the first and the other items."""
    lines = (folder / "items.jsonl").read_bytes().splitlines(keepends=True)
    (folder / "items.jsonl").unlink()
    (folder / "items-00000.jsonl").write_bytes(b"".join(lines[:1]))
    (folder / "items-00001.jsonl").write_bytes(b"".join(lines[1:]))
    return folder


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name != "plain"])
def test_diff_and_report_read_every_layout(outputs, layout, tmp_path):
    done = cli("diff", outputs["plain"], outputs[layout])
    assert done.exit_code == 0, done.output
    assert "items: 0 added, 0 removed, 0 changed, 15 unchanged" in done.output
    for name in ("plain", layout):
        report = cli("report", outputs[name], "-o", tmp_path / name)
        assert report.exit_code == 0, report.output
    pages = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain" / "sources").iterdir())
    assert len(pages) == 5 and all((tmp_path / "plain" / p).read_bytes() == (tmp_path / layout / p).read_bytes()
                                   for p in pages)


def test_a_zst_file_given_directly_is_read(outputs):
    done = cli("diff", ROOT / "output" / "items.jsonl", outputs["zstd"] / "items.jsonl.zst")
    assert done.exit_code == 0, done.output


def test_shards_are_read_in_order(outputs, tmp_path):
    sharded = one_shard_each(Path(shutil.copytree(outputs["plain"], tmp_path / "sharded")))
    assert list(records(sharded)) == list(records(outputs["plain"]))
    assert cli("diff", outputs["plain"], sharded).exit_code == 0


class StopAfter(Pipeline):
    """A pipeline stopped as by Ctrl-C on its third page."""

    def clean_bytes(self, raw, path, url=None):
        if path.endswith(sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[2]):
            raise KeyboardInterrupt
        return super().clean_bytes(raw, path, url)


@pytest.mark.parametrize("layout", ["zstd-shards", "gzip"])
def test_resume_finishes_a_run_in_any_layout(outputs, layout, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    compress, shard = ("zstd", 1_000_000) if layout == "zstd-shards" else ("gzip", None)
    with pytest.raises(RunInterrupted):
        run(StopAfter(), ["seeds"], tmp_path / "out", LocalExecutor(1), compress=compress, shard_bytes=shard)
    summary = run(Pipeline(), ["seeds"], tmp_path / "out", LocalExecutor(1), resume=True, compress=compress,
                  shard_bytes=shard)
    assert summary.resumed == 2 and summary.files == 5
    assert cli("diff", outputs[layout], tmp_path / "out").exit_code == 0


def shift_folder(output: Path, dest: Path, old: str, new: str, edit=None) -> Path:
    """A copy of ``output`` as if the run had read folder ``new`` instead of ``old`` (ids included), each record
    changed by ``edit``."""
    dest.mkdir()
    for name in ("items.jsonl", "sources.jsonl"):
        text = (output / name).read_text(encoding="utf-8").replace(f'"{old}/', f'"{new}/')
        rows = [json.loads(line) for line in text.splitlines()]
        for row in rows:
            if "id" in row and old != new:
                row["id"] = row["id"][::-1]  # the id hashes the path: another folder, other ids
            if edit:
                edit(row)
        (dest / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return dest


def test_diff_by_place_matches_runs_started_from_other_folders(tmp_path):
    moved = shift_folder(ROOT / "output", tmp_path / "moved", "seeds", "pages")
    by_id = cli("diff", "--stat", ROOT / "output", moved)
    assert by_id.exit_code == 1 and "15 added, 15 removed" in by_id.output
    by_place = cli("diff", "--by", "place", ROOT / "output", moved)
    assert by_place.exit_code == 0, by_place.output
    assert "items: 0 added, 0 removed, 0 changed, 15 unchanged" in by_place.output


def test_diff_ignore_leaves_fields_out_and_is_repeatable(tmp_path):
    def edit(row):
        if "source" in row:
            row["source"]["sha256"] = "0" * 64
            row["flags"] = ["edited"]
        else:
            row["sha256"] = "0" * 64

    fixed = shift_folder(ROOT / "output", tmp_path / "edited", "seeds", "seeds", edit)
    plain = cli("diff", "--stat", ROOT / "output", fixed)
    assert plain.exit_code == 1 and "15 changed" in plain.output and "sources: 0 added, 0 removed, 5 changed" \
        in plain.output
    one = cli("diff", "--stat", "--ignore", "source.sha256", ROOT / "output", fixed)
    assert "items: 0 added, 0 removed, 15 changed" in one.output and "5 unchanged" in one.output
    both = cli("diff", "--ignore", "source.sha256", "--ignore", "flags", ROOT / "output", fixed)
    assert both.exit_code == 0, both.output


def test_diff_streams_memory_grows_with_the_difference_not_the_output(tmp_path):
    """A 40 MB output with one changed item: the comparison holds a small part of it."""
    item = json.loads((ROOT / "output" / "items.jsonl").read_text(encoding="utf-8").splitlines()[0])
    big = item["text"] * 40
    for name, changed in (("old", "x"), ("new", "y")):
        with open(tmp_path / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for n in range(4000):
                text = big + (changed if n == 1234 else "")
                f.write(json.dumps(item | {"id": f"{n:016x}", "text": text}, ensure_ascii=False) + "\n")
    size = (tmp_path / "old.jsonl").stat().st_size
    tracemalloc.start()
    try:
        diffs = compare(tmp_path / "old.jsonl", tmp_path / "new.jsonl")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [len(d.changed) for d in diffs] == [1]
    assert size > 20_000_000 and peak < size / 10


def truncated(compress, data: bytes) -> bytes:
    if compress == "zstd":
        zstandard = pytest.importorskip("zstandard", reason="--compress zstd needs zstandard")
        whole = zstandard.ZstdCompressor().compress(data)
    else:
        import gzip

        whole = gzip.compress(data)
    return whole[: len(whole) // 2]


@pytest.mark.parametrize("name, content, message", [
    ("cut.jsonl.zst", lambda data: truncated("zstd", data), "cannot read (EOFError"),
    ("cut.jsonl.gz", lambda data: truncated("gzip", data), "cannot read (EOFError"),
    ("garbage.jsonl.zst", lambda data: b"\x28\xb5\x2f\xfd" + b"\xff" * 40, "cannot read"),
    ("deep.jsonl", lambda data: b"[" * 100_000 + b"\n", "nested too deeply"),
])
def test_a_truncated_or_hostile_items_file_is_exit_2(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content((ROOT / "output" / "items.jsonl").read_bytes()))
    done = cli("diff", ROOT / "output" / "items.jsonl", tmp_path / name)
    assert done.exit_code == 2 and message in done.output, done.output
