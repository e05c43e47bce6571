"""The progress journal under attack (issue 17): resume never mixes runs.

- a JSONL file appended to between its cleaning and the run's end: the journal
  keeps the sha256 of the bytes that were cleaned, so ``--resume`` sees the file
  changed and reads it again (it used to keep 5 pages under the 8-record hash);
- ``--resume`` with another ``--text-field``: the journal's header holds the
  options, a mismatch starts over and says why;
- a journal line that is valid JSON of the wrong shape: skipped, its input
  cleaned again, no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.cli import main
from clean.io.inputs import Reader
from clean.io.journal import NAME
from clean.model.errors import RunInterrupted
from clean.pipeline import Pipeline
from clean.run.executor import run
from clean.run.local_engine import LocalExecutor

TEXT = "Новость номер {n}\n\n{n} августа 2023 года в Алматы прошла встреча акимов области."


def records(numbers, field="text") -> str:
    return "".join(json.dumps({"url": f"https://x/{n}", field: TEXT.format(n=n)}) + "\n" for n in numbers)


class Interrupting(Reader):
    """Appends records to a.jsonl once it has been read, and stops the run (Ctrl-C) at b.txt."""

    append = True

    def clean(self, pipeline, path):
        if path.endswith("b.txt"):
            raise KeyboardInterrupt
        pages = super().clean(pipeline, path)
        if path.endswith("a.jsonl") and self.append:
            with open(path, "a", encoding="utf-8") as f:
                f.write(records(range(6, 9)))
        return pages


class Stopping(Interrupting):
    """Stops the run at b.txt; changes nothing."""

    append = False


@pytest.fixture
def crawl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/a.jsonl").write_text(records(range(1, 6)), encoding="utf-8")
    Path("in/b.txt").write_text(TEXT.format(n=20), encoding="utf-8")
    return tmp_path


def cli(*args: str):
    return CliRunner().invoke(main, ["run", "in", "--workers", "1", "--quiet", *args])


def interrupted_run(out: str, reader: Reader) -> None:
    with pytest.raises(RunInterrupted):
        run(Pipeline(), ["in"], out, LocalExecutor(1), reader=reader)
    assert (Path(out) / NAME).exists()


def test_a_file_appended_to_during_the_run_is_read_again_on_resume(crawl):
    interrupted_run("out", Interrupting())
    [entry] = [json.loads(line) for line in (Path("out") / NAME).read_text(encoding="utf-8").splitlines()[1:]]
    assert len(entry["pages"]) == 5  # what was cleaned, under the hash of what was cleaned
    result = cli("-o", "out", "--resume")
    assert result.exit_code == 0, result.output
    assert cli("-o", "fresh").exit_code == 0
    items = Path("out/items.jsonl").read_bytes()
    assert len(items.splitlines()) == 9 and items == Path("fresh/items.jsonl").read_bytes()


def test_resume_with_another_text_field_starts_over_and_says_why(crawl):
    Path("in/a.jsonl").write_text(records(range(1, 6), field="content"), encoding="utf-8")
    interrupted_run("out", Interrupting(text_field="content"))
    result = cli("-o", "out", "--resume")
    assert "the journal was made with other options (text_field 'content', now 'text'): all cleaned again" in (
        result.output)
    sources = [json.loads(line) for line in Path("out/sources.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all("no text field 'text'" in s["errors"][0] for s in sources[:5])  # cleaned again with --text-field text
    assert json.loads(Path("out/run.json").read_text())["counts"]["resumed"] == 0


@pytest.mark.parametrize("bad", [
    [1, 2],
    {"path": "in/a.jsonl", "sha256": 5, "pages": []},
    {"path": "in/a.jsonl", "sha256": None, "pages": [[{"path": "x"}, [{"id": {}}]]]},
    {"path": ["in/a.jsonl"], "sha256": "0" * 64},
])
def test_a_journal_line_of_the_wrong_shape_is_skipped_and_its_input_cleaned_again(crawl, bad):
    interrupted_run("out", Stopping())
    journal = Path("out") / NAME
    header, good = journal.read_text(encoding="utf-8").splitlines()
    journal.write_text("\n".join([header, json.dumps(bad), good]) + "\n", encoding="utf-8")
    result = cli("-o", "out", "--resume")
    assert result.exit_code == 0, result.output
    assert json.loads(Path("out/run.json").read_text())["counts"]["resumed"] == 5  # the good line still counts
    assert cli("-o", "fresh").exit_code == 0
    assert Path("out/items.jsonl").read_bytes() == Path("fresh/items.jsonl").read_bytes()
