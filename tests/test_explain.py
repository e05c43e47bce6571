"""`clean explain`: every source line accounted for exactly once, from the run's own audit."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.cli import main
from clean.review.explain import explain, render_text, visible
from clean.pipeline import Pipeline
from clean.io.decode import read_and_decode
from tests.conftest import ROOT

PIPELINE = Pipeline()
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def explained(raw: bytes, path: str):
    source = read_and_decode(raw, path)
    return explain(PIPELINE.clean_document(source), source), source


def check_accounting(expl, source) -> None:
    assert [(f.line, f.source) for f in expl.lines] == [(line.start, line.text) for line in source.lines]
    removed_lines = {r.line for item in expl.items for r in item.removed}
    for fate in expl.lines:
        assert fate.fate in {"kept", "removed", "joined", "blank"}
        if fate.source.strip():
            assert fate.fate != "blank" or fate.edits, f"line {fate.line} lost: {fate}"
        if fate.fate in {"kept", "joined"}:
            item = expl.items[fate.item - 1]
            assert item.source.line_start <= fate.line <= item.source.line_end
        if fate.fate == "removed":
            assert fate.rule and (fate.rule in {r.rule for r in fate.removed} or fate.line in removed_lines)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_seed_line_has_exactly_one_fate(seed):
    expl, source = explained(seed.read_bytes(), str(seed))
    check_accounting(expl, source)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("абвгд ЕЖЗ.,\n-_:0123456789@+()«»Notice\u00a0")), max_size=300))
def test_every_line_has_exactly_one_fate_on_any_text(text):
    expl, source = explained(text.encode("utf-8"), "fuzz.txt")
    check_accounting(expl, source)


def test_wordpress_notice_is_removed_by_its_rule():
    expl, _ = explained((ROOT / "seeds/003_8a88328035b137d0.txt").read_bytes(), "003.txt")
    fates = {f.line: f for f in expl.lines}
    assert (fates[1].fate, fates[1].rule) == ("removed", "noise.php-notice")
    assert fates[4].fate == "kept" and [r.rule for r in fates[4].removed] == ["chrome.site-suffix"]
    assert [(e.rule, visible(e.before)) for e in fates[11].edits] == [("repair.odd-space", "<NBSP>")]


def test_joined_line_and_split_stamp_are_shown():
    expl, _ = explained((ROOT / "seeds/001_cc3e11a2aa8c1bcf.txt").read_bytes(), "001.txt")
    fates = {f.line: f for f in expl.lines}
    assert (fates[7].fate, fates[7].rule, fates[7].item) == ("joined", "lines.broken-line", 4)
    assert fates[5].stamp.date == "2020-11-20"
    text = render_text(expl)
    assert 'joined (lines.broken-line)' in text and '"<LF>" → " "' in text
    assert "boundary  items.topic-shift" in text and 'from "20.11.2020" (dates.glued-stamp)' in text


def test_cli_is_plain_when_piped_coloured_on_request_and_json():
    seed = str(SEEDS[3].relative_to(ROOT))
    runner = CliRunner()
    plain = runner.invoke(main, ["explain", str(ROOT / seed)])
    assert plain.exit_code == 0 and "\x1b[" not in plain.output
    assert "removed noise.php-notice" in plain.output
    coloured = runner.invoke(main, ["explain", "--color", str(ROOT / seed)])
    assert "\x1b[31mremoved noise.php-notice" in coloured.output
    data = json.loads(runner.invoke(main, ["explain", "--json", str(ROOT / seed)]).output)
    assert data["lines"][0]["fate"] == "removed" and data["items"][0]["boundary"] == "items.first"


def test_cli_binary_file_is_an_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = CliRunner().invoke(main, ["explain", str(path)])
    assert result.exit_code == 1 and "binary file" in result.output


def test_width_cuts_long_texts_in_the_terminal_only():
    seed = str(ROOT / "seeds/003_8a88328035b137d0.txt")
    out = CliRunner().invoke(main, ["explain", "--width", "20", seed]).output
    assert "Notice: Function _l…" in out and "Notice: Function _load" not in out
    data = json.loads(CliRunner().invoke(main, ["explain", "--json", "--width", "20", seed]).output)
    assert data["lines"][0]["source"].endswith("on line 6114")
