"""``clean diff``: what a user runs in CI after changing a rule."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from clean.cli import main
from tests.conftest import ROOT


def diff(*args):
    return CliRunner().invoke(main, ["diff", *map(str, args)])


@pytest.fixture
def outputs(tmp_path):
    """Two copies of the golden output folder: old/ and new/."""
    for name in ("old", "new"):
        shutil.copytree(ROOT / "output", tmp_path / name)
    return tmp_path / "old", tmp_path / "new"


def edit_items(folder, change):
    """Rewrite folder/items.jsonl with ``change`` applied to the list of records."""
    path = folder / "items.jsonl"
    records = change([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def test_equal_outputs_exit_0(outputs):
    done = diff(*outputs)
    assert done.exit_code == 0
    assert "items: 0 added, 0 removed, 0 changed, 15 unchanged" in done.output
    assert "sources: 0 added, 0 removed, 0 changed, 5 unchanged" in done.output


def test_changed_field_is_a_readable_unified_diff(outputs):
    old, new = outputs

    def change(records):
        records[3]["text"] = records[3]["text"].replace("ОДКБ", "ОДКБ\u00ad", 1)
        records[3]["flags"] = ["truncated"]
        return records

    item = edit_items(new, change)[3]
    done = diff(old / "items.jsonl", new / "items.jsonl")
    assert done.exit_code == 1
    assert "items: 0 added, 0 removed, 1 changed, 14 unchanged" in done.output
    assert f"~ {item['id']}" in done.output
    assert f"+++ new/{item['id']}/text" in done.output and f"+++ new/{item['id']}/flags" in done.output
    assert "ОДКБ<SHY>" in done.output  # Cyrillic as is, the soft hyphen named
    assert "ОДКБ[ → <SHY>]" in done.output  # and the changed spot of the long paragraph shown
    assert "+truncated" in done.output
    assert "title" not in done.output.split(f"~ {item['id']}", 1)[1].split("---")[0]


def test_added_and_removed_items(outputs):
    old, new = outputs
    gone = json.loads((old / "items.jsonl").read_text(encoding="utf-8").splitlines()[0])
    edit_items(new, lambda records: records[1:] + [dict(gone, id="0" * 16)])
    done = diff(old, new)
    assert done.exit_code == 1
    assert f"- {gone['id']}" in done.output and "+ 0000000000000000" in done.output


def test_order_change_is_a_difference(outputs):
    old, new = outputs
    edit_items(new, lambda records: records[::-1])
    done = diff(old / "items.jsonl", new / "items.jsonl")
    assert done.exit_code == 1 and "order changed" in done.output


def test_stat_prints_counts_only(outputs):
    old, new = outputs
    edit_items(new, lambda records: [dict(records[0], title="Новый заголовок")] + records[1:])
    done = diff("--stat", old, new)
    assert done.exit_code == 1
    assert done.output.splitlines() == ["items: 0 added, 0 removed, 1 changed, 14 unchanged",
                                        "sources: 0 added, 0 removed, 0 changed, 5 unchanged"]


@pytest.mark.parametrize("content, message", [
    ("not json\n", "not JSON"),
    ('{"text": "no id"}\n', "record without 'id'"),
    ('{"id": "a", "text": ""}\n{"id": "a", "text": ""}\n', "appears twice"),
])
def test_bad_input_exits_2(tmp_path, content, message):
    (tmp_path / "bad.jsonl").write_text(content, encoding="utf-8")
    done = diff(ROOT / "output" / "items.jsonl", tmp_path / "bad.jsonl")
    assert done.exit_code == 2 and message in done.output


def test_missing_output_exits_2(tmp_path):
    done = diff(ROOT / "output", tmp_path / "nowhere")
    assert done.exit_code == 2 and "not found" in done.output
