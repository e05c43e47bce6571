"""A pytest plugin for projects that use ``clean``: golden-output tests in one line.

Installed with ``clean`` (entry point ``pytest11``), so any test can ask for
the ``clean_golden`` fixture::

    def test_my_pages(clean_golden):
        clean_golden(["tests/pages"], "tests/golden")

Relative paths resolve against the test file's folder, as pytest-regressions'
``datadir`` does; when the inputs are not there but below pytest's root
folder, against the root (the paths of the example above, from any test
file). Sources are recorded relative to that folder. The fixture runs the
pipeline over the inputs and compares the ``items.jsonl`` and
``sources.jsonl`` it makes with those in the golden folder (any layout ``clean
run`` writes). On a mismatch the test fails with the ``clean diff`` report; a
missing golden file is written and the test fails so that it gets read before
it is committed; ``pytest --clean-update`` rewrites them.

A golden run cannot pass on nothing: an input that does not exist, inputs
that yield no page, or a page with errors fail the test (with the errors),
before any golden file is written.

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

    def __init__(self, root: Path, scratch: Path, update: bool, here: Path | None = None):
        self.root, self.scratch, self.update = Path(root), Path(scratch), update
        self.here = Path(here) if here is not None else self.root  # the folder of the test file

    def __call__(self, inputs, golden_dir, pipeline=None, cwd=None, allow_no_items: bool = False) -> None:
        """Clean ``inputs`` with ``pipeline`` (default ``Pipeline()``) and compare with ``golden_dir``.

        ``cwd`` is the folder relative paths resolve against (default: the test file's, else the root).
        A run that yields no item at all fails (a golden of nothing passes on anything) unless
        ``allow_no_items`` says that pages of only noise are what the test is about.
        """
        from clean.pipeline import Pipeline

        inputs = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
        cwd = Path(cwd) if cwd is not None else self._base(inputs)
        golden = cwd / golden_dir
        made = self.scratch / "clean-golden"
        previous = os.getcwd()
        os.chdir(cwd)
        try:
            summary = (pipeline or Pipeline()).run([str(i) for i in inputs], made, workers=1)
        finally:
            os.chdir(previous)
        if not summary.files or summary.errors:
            pytest.fail(self._nothing_to_compare(summary, made, inputs, cwd), pytrace=False)
        if not summary.items and not allow_no_items:
            pytest.fail(f"clean_golden: {', '.join(map(str, inputs))} (in {cwd}) yield {summary.files} page(s) but no"
                        " item: every line was noise or blank. A golden of nothing would pass on anything; check"
                        " the inputs with 'clean explain FILE', or pass allow_no_items=True if that is the point.",
                        pytrace=False)
        problems = self._write_missing(made, golden)
        if not problems:
            problems = self._compare(made, golden, golden_dir)
        if problems:
            hint = f"If the change is meant, rerun pytest with {UPDATE_FLAG} and commit {golden_dir}."
            pytest.fail("\n".join(problems + ["", hint]), pytrace=False)

    def _base(self, inputs: list) -> Path:
        """The test file's folder when every input is there, else the root when they are all there."""
        for base in dict.fromkeys([self.here, self.root]):
            if all((base / i).exists() for i in inputs):
                return base
        missing = [str(i) for i in inputs if not (self.here / i).exists()]
        pytest.fail(f"clean_golden: input not found: {', '.join(missing)} (looked in {self.here}"
                    f"{'' if self.here == self.root else f' and {self.root}'})", pytrace=False)

    @staticmethod
    def _nothing_to_compare(summary, made: Path, inputs: list, cwd: Path) -> str:
        """Why a run cannot be a golden: it read no page, or pages with errors (listed)."""
        if not summary.files:
            return f"clean_golden: {', '.join(map(str, inputs))} (in {cwd}) yield no page to clean"
        from clean.io.output_files import records

        errors = [e for record in records(made, "sources") for e in record["errors"]]
        return "\n".join([f"clean_golden: {summary.errors} of {summary.files} pages have errors:", *errors])

    def _write_missing(self, made: Path, golden: Path) -> list[str]:
        """Write golden files that are missing (all of them with --clean-update); messages for new ones."""
        problems = []
        for name in self.FILES:
            target, present = golden / name, _layouts(golden, name)
            if self.update or not present:
                golden.mkdir(parents=True, exist_ok=True)
                if not present:
                    problems.append(f"{target} was missing and has been written; check it and commit it.")
                for other in present:  # a golden in another layout is rewritten as plain JSONL
                    other.unlink()
                target.write_bytes((made / name).read_bytes())
        return problems

    def _compare(self, made: Path, golden: Path, label) -> list[str]:
        """The ``clean diff`` report when the outputs differ, nothing when they are byte-identical."""
        from clean.review.diff_outputs import compare

        plain = all((golden / n).exists() for n in self.FILES)
        if plain and all((made / n).read_bytes() == (golden / n).read_bytes() for n in self.FILES):
            return []
        diffs = compare(golden, made)
        if all(d.equal for d in diffs):  # the same records: equal, unless plain files differ in their bytes
            return [f"{golden}: same records, different bytes (key order or formatting)."] if plain else []
        return [f"clean diff {label} <new output>:"] + [d.report() for d in diffs if not d.equal]


def _layouts(golden: Path, name: str) -> list[Path]:
    """The files of ``name`` in ``golden``, in whichever layout ``clean run`` wrote them (none: [])."""
    from clean.io.output_files import items_files
    from clean.model.errors import InputError

    try:
        return items_files(golden, name.removesuffix(".jsonl"))
    except InputError:
        return []


@pytest.fixture
def clean_golden(request, tmp_path) -> Golden:
    """Compare the pipeline's output on sample pages with committed golden files (see :class:`Golden`)."""
    return Golden(request.config.rootpath, tmp_path, request.config.getoption("clean_update"), request.path.parent)
