"""A pytest plugin for projects that use ``clean``: golden-output tests in one line.

Installed with ``clean`` (entry point ``pytest11``), so any test can ask for
the ``clean_golden`` fixture::

    def test_my_pages(clean_golden):
        clean_golden(["tests/pages"], "tests/golden")

It runs the pipeline over the inputs (paths relative to pytest's root folder,
as sources are recorded relative to the working folder) and compares the
``items.jsonl`` and ``sources.jsonl`` it makes with those in the golden folder.
On a mismatch the test fails with the ``clean diff`` report; a missing golden
file is written and the test fails so that it gets read before it is
committed; ``pytest --clean-update`` rewrites them.

>>> Golden.FILES
('items.jsonl', 'sources.jsonl')
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

UPDATE_FLAG = "--clean-update"


def pytest_addoption(parser) -> None:
    group = parser.getgroup("clean", "golden output of the clean pipeline")
    group.addoption(UPDATE_FLAG, action="store_true", dest="clean_update",
                    help="Rewrite the golden files of clean_golden instead of comparing with them.")


class Golden:
    """The ``clean_golden`` fixture: call it with inputs and a golden folder."""

    FILES = ("items.jsonl", "sources.jsonl")

    def __init__(self, root: Path, scratch: Path, update: bool):
        self.root, self.scratch, self.update = Path(root), Path(scratch), update

    def __call__(self, inputs, golden_dir, pipeline=None, cwd=None) -> None:
        """Clean ``inputs`` with ``pipeline`` (default ``Pipeline()``) and compare with ``golden_dir``."""
        from clean.pipeline import Pipeline

        cwd = Path(cwd or self.root)
        golden = cwd / golden_dir
        made = self.scratch / "clean-golden"
        inputs = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
        previous = os.getcwd()
        os.chdir(cwd)
        try:
            (pipeline or Pipeline()).run(inputs, made, workers=1)
        finally:
            os.chdir(previous)
        problems = self._write_missing(made, golden)
        if not problems:
            problems = self._compare(made, golden, golden_dir)
        if problems:
            hint = f"If the change is meant, rerun pytest with {UPDATE_FLAG} and commit {golden_dir}."
            pytest.fail("\n".join(problems + ["", hint]), pytrace=False)

    def _write_missing(self, made: Path, golden: Path) -> list[str]:
        """Write golden files that are missing (all of them with --clean-update); messages for new ones."""
        problems = []
        for name in self.FILES:
            target = golden / name
            if self.update or not target.exists():
                golden.mkdir(parents=True, exist_ok=True)
                if not target.exists():
                    problems.append(f"{target} was missing and has been written; check it and commit it.")
                target.write_bytes((made / name).read_bytes())
        return problems

    def _compare(self, made: Path, golden: Path, label) -> list[str]:
        """The ``clean diff`` report when the outputs differ, nothing when they are byte-identical."""
        from clean.review.diff import compare

        if all((made / n).read_bytes() == (golden / n).read_bytes() for n in self.FILES):
            return []
        diffs = compare(golden, made)
        if all(d.equal for d in diffs):
            return [f"{golden}: same records, different bytes (key order or formatting)."]
        return [f"clean diff {label} <new output>:"] + [d.report() for d in diffs if not d.equal]


@pytest.fixture
def clean_golden(request, tmp_path) -> Golden:
    """Compare the pipeline's output on sample pages with committed golden files (see :class:`Golden`)."""
    return Golden(request.config.rootpath, tmp_path, request.config.getoption("clean_update"))
