"""``clean diff`` on hostile input (issue 17): exit 2 with a message, and a diff linear in practice.

An unhashable ``id``, a ``text`` that is not a string and deep nesting used to
end in tracebacks with exit code 1 ("differ"); 12,000 repeated paragraphs took
25 s in ``difflib``'s quadratic matcher. The size check here counts the lines
handed to the matcher; no time is measured.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.cli import main
from clean.review.diff_limits import MAX_DIFF_LINES


def write(path: Path, *records) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("bad, words", [
    ({"id": ["x"], "text": "a"}, "id is a list, not a string"),
    ({"id": "a", "text": 5}, "text is a int, not a string"),
    ({"id": "a", "text": "a", "deep": json.loads("[" * 40 + "]" * 40)}, "nested deeper than 32 levels"),
    ('{"id": "a", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
])
def test_bad_records_are_exit_2_with_a_message(tmp_path, bad, words):
    good = write(tmp_path / "good.jsonl", {"id": "a", "text": "a"})
    bad_file = write(tmp_path / "bad.jsonl", bad)
    for args in ([str(good), str(bad_file)], [str(bad_file), str(good)]):
        result = CliRunner().invoke(main, ["diff", *args])
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "bad.jsonl:1" in result.output and words in result.output


def test_12000_repeated_paragraphs_never_reach_the_quadratic_matcher_in_full(tmp_path, monkeypatch):
    sizes = []

    class Counting(difflib.SequenceMatcher):
        def set_seqs(self, a, b):
            sizes.append(max(len(a), len(b)))
            super().set_seqs(a, b)

    monkeypatch.setattr(difflib, "SequenceMatcher", Counting)
    paragraphs = ["Один и тот же абзац, повторённый много раз."] * 12_000
    changed = ["Другой первый абзац."] + paragraphs[1:-1] + ["Другой последний абзац."]
    old = write(tmp_path / "old.jsonl", {"id": "a", "text": "\n".join(paragraphs)})
    new = write(tmp_path / "new.jsonl", {"id": "a", "text": "\n".join(changed)})
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert "too long to diff line by line: lines 1-12000 of 12000 and 12000 differ" in result.output
    assert max(sizes, default=0) <= MAX_DIFF_LINES
    near = write(tmp_path / "near.jsonl", {"id": "a", "text": "\n".join(paragraphs[:-1] + ["Конец другой."])})
    result = CliRunner().invoke(main, ["diff", str(old), str(near)])
    assert "-Один и тот же абзац" in result.output and "+Конец другой." in result.output  # a small change: a diff
    assert max(sizes) <= MAX_DIFF_LINES
