"""Nothing is lost, runs are deterministic, output is picklable-pipeline independent."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.run.executor import LocalExecutor, run
from clean.pipeline import Pipeline
from clean.io.decode import read_and_decode
from tests.conftest import ROOT

PIPELINE = Pipeline()


def accounted_lines(doc) -> set[int]:
    """Source lines covered by an item span or a removal record."""
    covered = {r.line for r in doc.removals}
    for item in doc.items:
        covered.update(range(item.source.line_start, item.source.line_end + 1))
    return covered


def content_lines(raw: bytes, path: str) -> set[int]:
    doc = read_and_decode(raw, path)
    return {line.start for line in doc.lines if line.text.strip()}


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_every_source_line_is_kept_or_removed(seed):
    raw = seed.read_bytes()
    doc = PIPELINE.clean_bytes(raw, seed.name)
    missing = content_lines(raw, seed.name) - accounted_lines(doc)
    assert not missing, f"lines lost without a record: {sorted(missing)}"


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_item_spans_do_not_overlap(seed):
    doc = PIPELINE.clean_bytes(seed.read_bytes(), seed.name)
    spans = sorted((i.source.line_start, i.source.line_end) for i in doc.items)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("абвгд ЕЖЗ.,\n-_:0123456789@+()«»Notice")), max_size=400))
def test_no_line_lost_on_any_text(text):
    doc = PIPELINE.clean_bytes(text.encode("utf-8"), "fuzz.txt")
    missing = content_lines(text.encode("utf-8"), "fuzz.txt") - accounted_lines(doc)
    assert not missing


def test_two_runs_and_any_worker_count_give_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    outputs = []
    for n, workers in enumerate((1, 1, 2)):
        out = tmp_path / str(n)
        run(Pipeline(), ["seeds"], out, LocalExecutor(workers))
        outputs.append(((out / "items.jsonl").read_bytes(), (out / "sources.jsonl").read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]


def test_pipeline_survives_pickling(seeds):
    clone = pickle.loads(pickle.dumps(PIPELINE))
    raw = seeds[0].read_bytes()
    assert clone.clean_bytes(raw, "a").items == PIPELINE.clean_bytes(raw, "a").items
