"""Hostile records and API arguments (issue 17): one bad record never stops a run.

A JSONL record may hold a lone surrogate (``"\\udcff"`` in a URL, half an emoji
``"\\ud83d"`` in the text): JSON allows it, UTF-8 cannot hold it. It used to stop
the whole run with a ``UnicodeEncodeError``; now it is replaced by U+FFFD with an
error in that record, and every other record and file goes on. The library API
checks its arguments' types and applies the page limits of ``clean run``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean import InputError, Pipeline
from clean.cli import main
from clean.io.decode import MAX_LINES

TEXT = "Новость дня\n\n14 августа 2023 года в Алматы прошла встреча акимов области."


def record(**fields) -> str:
    return json.dumps(fields)  # ensure_ascii: a lone surrogate is written as \udcff, as scrapers write it


@pytest.fixture
def crawl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/a.jsonl").write_text("\n".join([
        record(url="https://x/1", text=TEXT),
        record(url="https://x/\udcff", text=TEXT),
        record(url="https://x/3", text=TEXT.replace("встреча", "встреча \ud83d")),
        record(url="https://x/4", text=TEXT),
    ]) + "\n", encoding="ascii")
    Path("in/b.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_lone_surrogate_costs_an_error_in_its_record_and_every_record_goes_on(crawl, workers):
    result = CliRunner().invoke(main, ["run", "in", "-o", "out", "--workers", workers, "--quiet"])
    assert result.exit_code == 1, result.output  # some inputs have errors
    sources = [json.loads(line) for line in Path("out/sources.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [s["path"] for s in sources] == ["in/a.jsonl:1", "in/a.jsonl:2", "in/a.jsonl:3", "in/a.jsonl:4", "in/b.txt"]
    assert all(s["items"] for s in sources)  # every record, the two with surrogates too, gave its item
    assert sources[1]["url"] == "https://x/\ufffd" and "'url'" in sources[1]["errors"][0]
    assert "lone surrogate" in sources[2]["errors"][0] and "'text'" in sources[2]["errors"][0]
    assert not sources[0]["errors"] and not sources[3]["errors"]
    items = Path("out/items.jsonl").read_text(encoding="utf-8")
    assert "встреча \ufffd" in items and len(items.splitlines()) == 5
    resumed = CliRunner().invoke(main, ["run", "in", "-o", "out", "--workers", workers, "--quiet", "--resume"])
    assert resumed.exit_code == 1 and Path("out/items.jsonl").read_text(encoding="utf-8") == items


def test_the_api_replaces_a_lone_surrogate_with_a_warning():
    with pytest.warns(UnicodeWarning, match="1 lone surrogate"):
        items = Pipeline().clean_text(TEXT.replace("встреча", "встреча \ud83d"), "https://x/\udcff")
    assert "\ufffd" in items[0].text and items[0].source.url == "https://x/\ufffd"
    json.dumps(items[0].model_dump(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


@pytest.mark.parametrize("value", [None, b"bytes", 42])
def test_clean_text_names_the_argument_of_the_wrong_type(value):
    with pytest.raises(TypeError, match=rf"^text must be a str, not {type(value).__name__}"):
        Pipeline().clean_text(value)


def test_clean_bytes_and_clean_file_name_their_arguments():
    with pytest.raises(TypeError, match="^raw must be a bytes"):
        Pipeline().clean_bytes("text", "a.txt")
    with pytest.raises(TypeError, match="^path must be a str or Path, not NoneType"):
        Pipeline().clean_file(None)


def test_the_api_refuses_a_page_over_the_line_limit_as_run_does():
    with pytest.raises(InputError, match=rf"page has {MAX_LINES * 4} lines, above the {MAX_LINES} limit"):
        Pipeline().clean_text("a\n" * (MAX_LINES * 4 - 1) + "a")
