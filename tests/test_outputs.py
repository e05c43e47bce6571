"""Compressed and sharded items hold exactly the bytes of the plain items file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from clean.run.executor import LocalExecutor, run
from clean.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def items_bytes(folder: Path, pattern: str, decompress) -> bytes:
    return b"".join(decompress(p.read_bytes()) for p in sorted(folder.glob(pattern)))


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("plain")
    run(Pipeline(), [str(ROOT / "seeds")], out, LocalExecutor(1))
    return (out / "items.jsonl").read_bytes()


def test_gzip_shards_hold_the_plain_items(plain, tmp_path):
    run(Pipeline(), [str(ROOT / "seeds")], tmp_path, LocalExecutor(1), compress="gzip", shard_bytes=4000)
    shards = sorted(tmp_path.glob("items-*.jsonl.gz"))
    assert len(shards) > 1 and not list(tmp_path.glob(".*tmp*"))
    assert items_bytes(tmp_path, "items-*.jsonl.gz", gzip.decompress) == plain


def test_gzip_output_is_deterministic(tmp_path):
    for name in ("a", "b"):
        run(Pipeline(), [str(ROOT / "seeds")], tmp_path / name, LocalExecutor(1), compress="gzip")
    assert (tmp_path / "a" / "items.jsonl.gz").read_bytes() == (tmp_path / "b" / "items.jsonl.gz").read_bytes()


def test_zstd_holds_the_plain_items(plain, tmp_path):
    zstandard = pytest.importorskip("zstandard", reason="zstd output needs the optional zstandard package")
    run(Pipeline(), [str(ROOT / "seeds")], tmp_path, LocalExecutor(1), compress="zstd")
    data = zstandard.ZstdDecompressor().stream_reader((tmp_path / "items.jsonl.zst").open("rb")).read()
    assert data == plain


def test_a_new_run_leaves_no_items_file_of_an_earlier_one(tmp_path):
    run(Pipeline(), [str(ROOT / "seeds")], tmp_path, LocalExecutor(1), compress="gzip", shard_bytes=4000)
    run(Pipeline(), [str(ROOT / "seeds")], tmp_path, LocalExecutor(1))
    assert sorted(p.name for p in tmp_path.glob("items*")) == ["items.jsonl"]
