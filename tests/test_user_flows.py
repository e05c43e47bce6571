"""What a new user tried (issue 16), each flow done as they did it and checked against what they expected."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.cli import main
from clean.pipeline import Pipeline

PAGE = "Заседание совета\n20 ноября 2020 года в Москве прошло заседание совета, на нём обсудили планы.\n"


def run_cli(*args: str, stdin: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def sources(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "sources.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    """A folder of pages with a hidden folder, a .git folder and a drafts folder in it; the cwd."""
    for name in ("a.txt", "news/b.txt", "drafts/c.txt", ".hidden/x.txt", ".git/y.txt", "news/.z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_run_into_a_folder_inside_its_input_never_reads_its_own_output_nor_dot_paths(site):
    counts = []
    for _ in range(3):
        result = run_cli("run", ".", "-o", "out", "--quiet")
        assert result.exit_code == 0, result.output
        counts.append(json.loads((site / "out" / "run.json").read_text())["counts"]["files"])
        assert [s["path"] for s in sources(site / "out")] == ["a.txt", "drafts/c.txt", "news/b.txt"]
    assert counts == [3, 3, 3]


def test_the_output_of_an_earlier_run_inside_the_input_is_never_read_as_input(site):
    assert run_cli("run", ".", "-o", "out", "--quiet").exit_code == 0
    result = run_cli("run", ".", "-o", "out2", "--quiet")
    assert result.exit_code == 0, result.output
    assert [s["path"] for s in sources(site / "out2")] == ["a.txt", "drafts/c.txt", "news/b.txt"]
    # named explicitly, a previous output's files are inputs like any other
    assert run_cli("run", "out/items.jsonl", "-o", "out3", "--quiet").exit_code == 0
    assert [s["path"] for s in sources(site / "out3")][0].startswith("out/items.jsonl:")


def test_a_dot_path_named_explicitly_is_cleaned(site):
    assert run_cli("run", ".hidden/x.txt", ".hidden", "-o", "out").exit_code == 0
    assert [s["path"] for s in sources(site / "out")] == [".hidden/x.txt"]


def test_exclude_is_repeatable_and_matches_names_or_paths(site):
    result = run_cli("run", ".", "-o", "out", "--exclude", "drafts", "--exclude", "news/*.txt")
    assert result.exit_code == 0, result.output
    assert [s["path"] for s in sources(site / "out")] == ["a.txt"]


@pytest.mark.parametrize("name", ["chrom", "nosuch.rule"])
def test_an_unknown_rule_or_family_to_disable_is_a_usage_error_with_the_closest_names(name):
    result = run_cli("run", "seeds", "-o", "never-written", "--disable", name)
    assert result.exit_code == 2 and not Path("never-written").exists()
    assert f"cannot disable {name!r}" in result.output
    if name == "chrom":
        assert "did you mean chrome" in result.output
    with pytest.raises(ValueError, match=f"cannot disable {name!r}"):
        Pipeline(disable={name})


def test_disabling_a_known_family_and_rule_works():
    rules = Pipeline(disable={"chrome", "noise.php-notice"}).rules
    assert not any(r.family == "chrome" or r.id == "noise.php-notice" for r in rules.rules)


def test_stderr_lists_the_first_errors_with_their_file_and_says_where_the_rest_are(site):
    for n in range(7):
        (site / f"empty{n}.txt").write_bytes(b"")
    result = run_cli("run", ".", "-o", "out")
    assert result.exit_code == 1
    listed = [line.strip() for line in result.stderr.splitlines() if line.startswith("  ")]
    assert listed == [f"empty{n}.txt: empty file (0 bytes); nothing to clean" for n in range(5)]
    assert "the first 5 of 7 errors" in result.stderr and os.path.join("out", "sources.jsonl") in result.stderr


def test_a_missing_optional_library_stops_the_run_before_it_starts_naming_the_pip_install(site, monkeypatch):
    import clean.run.preflight

    (site / "crawl.warc.gz").write_bytes(b"")
    monkeypatch.setattr(clean.run.preflight, "installed", lambda module: module not in {"warcio", "zstandard"})
    result = run_cli("run", ".", "-o", "out")
    assert result.exit_code == 2 and "pip install 'clean[warc]'" in result.stderr
    assert not (site / "out").exists()
    result = run_cli("run", "a.txt", "-o", "out", "--compress", "zstd")
    assert result.exit_code == 2 and "pip install 'clean[zstd]'" in result.stderr
    assert run_cli("run", "a.txt", "-o", "out").exit_code == 0  # a run that needs neither is not stopped


def test_explain_names_a_page_as_sources_jsonl_does(site):
    lines = [json.dumps({"text": "Первая запись. Её текст.", "url": "https://a.example/1"}),
             json.dumps({"text": PAGE, "url": "https://a.example/2"})]
    (site / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("explain", "--json", "pages.jsonl:2")
    assert result.exit_code == 0, result.output
    explained = json.loads(result.stdout)
    assert "совета" in json.dumps(explained, ensure_ascii=False) and "Первая" not in result.stdout
    assert run_cli("explain", "pages.jsonl").exit_code == 1  # a file of records: name one
    missing = run_cli("explain", "pages.jsonl:7")
    assert missing.exit_code == 1 and "pages.jsonl:7: no record on that line" in missing.stderr
    stdin = run_cli("explain", "--json", "-", stdin=PAGE.encode())
    assert stdin.exit_code == 0 and "совета" in stdin.stdout


def test_explain_fails_on_what_run_fails_on(site):
    (site / "empty.txt").write_bytes(b"")
    result = run_cli("explain", "empty.txt")
    assert result.exit_code == 1 and "empty.txt: empty file (0 bytes)" in result.stderr
    assert "empty file (0 bytes)" in sources_of_run(site, "empty.txt")[0]["errors"][0]


def sources_of_run(site: Path, *inputs: str) -> list[dict]:
    run_cli("run", *inputs, "-o", "run-out")
    return sources(site / "run-out")


def test_explain_of_a_warc_record_by_offset(site):
    warcio = pytest.importorskip("warcio", reason="WARC inputs need warcio (pip install 'clean[warc]')")
    from io import BytesIO

    with open(site / "crawl.warc.gz", "wb") as f:
        writer = warcio.warcwriter.WARCWriter(f, gzip=True)
        for n, text in enumerate(["Первая страница. Текст.", PAGE]):
            record = writer.create_warc_record(f"https://a.example/{n}", "resource", payload=BytesIO(text.encode()),
                                               warc_content_type="text/plain")
            writer.write_record(record)
    paths = [s["path"] for s in sources_of_run(site, "crawl.warc.gz")]
    result = run_cli("explain", paths[1])
    assert result.exit_code == 0, result.output
    assert "совета" in result.stdout and "Первая" not in result.stdout


def test_run_stdin_takes_a_url_says_when_there_are_no_items_and_refuses_o():
    result = run_cli("run", "-", "--url", "https://a.example/news/1", stdin=PAGE.encode())
    assert result.exit_code == 0
    assert {json.loads(line)["source"]["url"] for line in result.stdout.splitlines()} == {"https://a.example/news/1"}
    noise = run_cli("run", "-", stdin=b"Notice: Undefined index: id in /var/www/a.php on line 3\n")
    assert noise.exit_code == 0 and noise.stdout == "" and "note: <stdin>: no items" in noise.stderr
    empty = run_cli("run", "-", stdin=b"")
    assert empty.stdout == "" and "no items" in empty.stderr
    with_out = run_cli("run", "-", "-o", "somewhere", stdin=PAGE.encode())
    assert with_out.exit_code == 2 and "no -o" in with_out.output and not Path("somewhere").exists()


def extra_requirements(extras: dict, name: str) -> set[str]:
    """The requirement names of one extra, the extras it names (clean[a,b]) resolved."""
    import re

    found = set()
    for requirement in extras[name]:
        if inner := re.fullmatch(r"clean\[([\w,]+)\]", requirement):
            for other in inner[1].split(","):
                found |= extra_requirements(extras, other)
        else:
            found.add(re.match(r"[\w.-]+", requirement)[0].lower())
    return found


def test_the_readme_test_install_does_not_pull_ray_which_has_an_extra_of_its_own():
    import tomllib

    from tests.conftest import ROOT

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert "ray" not in extra_requirements(extras, "test") | extra_requirements(extras, "all")
    assert extra_requirements(extras, "ray") == {"ray"}
    assert "pip install -e '.[test,all]'" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
