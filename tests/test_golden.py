"""output/ is what the code makes from seeds/ today, byte for byte."""

from __future__ import annotations

import json
import os

import pytest

from clean.executor import LocalExecutor, run
from clean.pipeline import Pipeline
from tests.conftest import ROOT
from tests.visible import unified

GOLDEN = ("items.jsonl", "sources.jsonl")


def _pretty(text: str) -> str:
    """One field per line, so a diff points at the field that changed."""
    return "\n".join(json.dumps(json.loads(line), ensure_ascii=False, indent=1) for line in text.splitlines())


def test_output_matches_seeds(tmp_path, request):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        run(Pipeline(), ["seeds"], tmp_path, LocalExecutor(1))
    finally:
        os.chdir(cwd)
    problems = []
    for name in GOLDEN:
        made, golden = (tmp_path / name).read_text(encoding="utf-8"), ROOT / "output" / name
        if request.config.getoption("--update-golden") or not golden.exists():
            golden.parent.mkdir(exist_ok=True)
            existed = golden.exists()
            golden.write_text(made, encoding="utf-8")
            if not existed:
                problems.append(f"{golden} was missing and has been written; check it and commit it")
            continue
        old = golden.read_text(encoding="utf-8")
        if old != made:
            problems.append(unified(_pretty(old), _pretty(made), f"output/{name}", f"new/{name}"))
    if problems:
        pytest.fail("\n\n".join(problems) + "\n\nIf the change is meant, rerun with --update-golden and commit output/.")
