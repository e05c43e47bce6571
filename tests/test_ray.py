"""The Ray engine writes the same items as the local engine (a local Ray with 2 CPUs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clean.run.executor import LocalExecutor, run
from clean.pipeline import Pipeline

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'clean[ray]'")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT))
    from bench.corpus import generate

    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, megabytes=0.3, seed=3)
    return folder


def test_ray_engine_gives_the_local_engines_items(local_ray, corpus, tmp_path, monkeypatch):
    from clean.run.ray_engine import RayExecutor

    monkeypatch.chdir(ROOT)
    pipeline = Pipeline()
    inputs = ["seeds", str(corpus)]
    run(pipeline, inputs, tmp_path / "local", LocalExecutor(1))
    run(pipeline, inputs, tmp_path / "ray", RayExecutor())
    for name in ("items.jsonl", "sources.jsonl"):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert (tmp_path / "local" / "items.jsonl").read_text().count("\n") > 50
