"""Bad input gets a clear error naming the file and the problem, and the run goes on.

Each case puts one bad file beside a good page, runs ``clean run`` (in
process, one worker) and checks: the good page is cleaned, the bad one has a
``sources.jsonl`` entry whose message names it and its problem, ``run.json``
counts the error, and the exit code says so; ``--strict`` stops at it.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.run import executor
from clean.cli import main
from clean.io import decode
from tests.conftest import ROOT

GOOD = (ROOT / "seeds").glob("*.txt").__next__().read_bytes()
RUSSIAN = "Генеральный секретарь ООН выступил на конференции в Женеве.\n\nЧитайте также: другие новости дня.\n"
NOISE = b"Notice: Undefined variable x in /var/www/a.php on line 3\n-----\n=====\n"
RANDOM = random.Random(8)
BINARY = bytes(RANDOM.randrange(256) for _ in range(4096))

# name: (bytes of bad.txt, text the message must hold, counted as an error)
CASES = {
    "empty": (b"", "empty file", True),
    "blank-lines-only": (b"\n  \n\t\n", "only blank lines", False),
    "only-noise": (NOISE, "removed as noise", False),
    "png": (b"\x89PNG\r\n\x1a\n" + BINARY, "PNG image", True),
    "gzip-renamed": (gzip.compress(RUSSIAN.encode() * 20), "gzip data", True),
    "nul-bytes": (BINARY.replace(b"\x00", b"") + b"\x00" * 200, "NUL bytes", True),
    "control-bytes": (bytes(RANDOM.randrange(1, 32) for _ in range(2000)), "control characters", True),
    "invalid-utf8-inside": (RUSSIAN.encode().replace("ООН".encode(), b"\xff\xfe\xc3"), "invalid UTF-8", True),
}
DECODED = {  # name: (bytes, encoding reported)
    "cp1251": (RUSSIAN.encode("cp1251"), "cp1251"),
    "koi8-r": (RUSSIAN.encode("koi8_r"), "koi8_r"),
    "utf-16-bom": (codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "utf-16"),
    "utf-16-le-no-bom": (RUSSIAN.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be-no-bom": (RUSSIAN.encode("utf-16-be"), "utf-16-be"),
    "utf-8-bom": (codecs.BOM_UTF8 + RUSSIAN.encode(), "utf-8-sig"),
    "crlf": (RUSSIAN.replace("\n", "\r\n").encode(), "utf-8"),
}


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder with one good page; the test adds the bad one."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_bytes(GOOD)
    return tmp_path / "in"


def clean_run(*args: str):
    """``clean run in -o out --workers 1 ARGS``: exit code, sources by path, run.json counts."""
    result = CliRunner().invoke(main, ["run", "in", "-o", "out", "--workers", "1", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    out = Path("out")
    sources = {}
    if (out / "sources.jsonl").exists():
        sources = {r["path"]: r for r in map(json.loads, (out / "sources.jsonl").read_text().splitlines())}
    counts = json.loads((out / "run.json").read_text())["counts"] if (out / "run.json").exists() else None
    return result.exit_code, sources, counts, result.output


def assert_good_page_cleaned(sources):
    assert sources["in/good.txt"]["items"] and not sources["in/good.txt"]["errors"]


@pytest.mark.parametrize("name", CASES)
def test_bad_file_is_recorded_and_the_run_goes_on(corpus, name):
    raw, problem, is_error = CASES[name]
    (corpus / "bad.txt").write_bytes(raw)
    code, sources, counts, _ = clean_run()
    assert_good_page_cleaned(sources)
    bad = sources["in/bad.txt"]
    messages = bad["errors"] if is_error else bad["notes"]
    assert any("in/bad.txt" in m and problem in m for m in messages), bad
    assert counts["errors"] == int(is_error) and counts["files"] == 2
    assert code == (1 if is_error else 0)


@pytest.mark.parametrize("name", DECODED)
def test_legacy_and_utf16_encodings_are_decoded(corpus, name):
    raw, encoding = DECODED[name]
    (corpus / "bad.txt").write_bytes(raw)
    code, sources, counts, _ = clean_run()
    assert code == 0 and counts["errors"] == 0
    assert sources["in/bad.txt"]["encoding"] == encoding
    items = [json.loads(line) for line in Path("out/items.jsonl").read_text().splitlines()]
    texts = " ".join(i["text"] for i in items if i["source"]["path"] == "in/bad.txt")
    assert "Генеральный секретарь ООН выступил на конференции в Женеве." in texts


def test_invalid_utf8_inside_valid_keeps_the_rest_of_the_page(corpus):
    (corpus / "bad.txt").write_bytes(RUSSIAN.encode().replace("ООН".encode(), b"\xff\xfe\xc3"))
    clean_run()
    items = [json.loads(line) for line in Path("out/items.jsonl").read_text().splitlines()]
    assert any("Генеральный секретарь \ufffd\ufffd\ufffd выступил" in i["text"] for i in items)


def test_a_50_mb_single_line_is_refused_by_size_before_it_is_read(corpus, monkeypatch):
    with open(corpus / "huge.txt", "wb") as f:
        f.write(b"x" * (50 * 2**20))
    monkeypatch.setattr(decode, "open", _no_full_reads(open), raising=False)
    code, sources, counts, _ = clean_run()
    assert_good_page_cleaned(sources)
    [error] = sources["in/huge.txt"]["errors"]
    assert error == "in/huge.txt: file is 50.0 MiB, above the 20.0 MiB limit (MAX_BYTES); skipped"
    assert code == 1 and counts["errors"] == 1


def _no_full_reads(real_open):
    """``open`` whose files refuse reads of more than the size limit (bounded memory)."""

    class Guarded:
        def __init__(self, file):
            self.file = file

        def __getattr__(self, name):
            return getattr(self.file, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def read(self, size=-1):
            assert 0 <= size <= decode.MAX_BYTES + 1, "read without a bound"
            return self.file.read(size)

    return lambda *args, **kwargs: Guarded(real_open(*args, **kwargs))


def test_a_page_of_too_many_lines_is_refused_naming_the_limit(corpus):
    (corpus / "lines.txt").write_bytes(b"a\n" * (decode.MAX_LINES + 1))
    code, sources, _, _ = clean_run()
    assert sources["in/lines.txt"]["errors"] == [
        f"in/lines.txt: page has {decode.MAX_LINES + 1} lines, above the {decode.MAX_LINES} limit (MAX_LINES); skipped"
    ]
    assert code == 1


def test_a_long_line_below_the_limit_is_cleaned(corpus):
    (corpus / "long.txt").write_text("Слово и дело. " * 40_000, encoding="utf-8")  # 1 MiB, one line
    code, sources, _, _ = clean_run()
    assert code == 0 and len(sources["in/long.txt"]["items"]) == 1


@pytest.mark.parametrize("how, problem", [
    ("deleted", "cannot read: No such file or directory"),
    ("replaced-by-folder", "cannot read: Is a directory"),
    ("replaced-by-named-pipe", "not a regular file (a named pipe); skipped"),
    ("permission", "cannot read: Permission denied"),
])
def test_file_that_goes_away_during_the_run(corpus, monkeypatch, how, problem):
    (corpus / "gone.txt").write_bytes(GOOD)
    found = executor.discover

    def discover_then_break(inputs, problems=None, skip=executor.NO_SKIP):
        paths = found(inputs, problems, skip)
        if how == "deleted":
            (corpus / "gone.txt").unlink()
        elif how == "replaced-by-folder":
            (corpus / "gone.txt").unlink()
            (corpus / "gone.txt").mkdir()
        elif how == "replaced-by-named-pipe":  # opening a pipe would wait for a writer forever
            (corpus / "gone.txt").unlink()
            os.mkfifo(corpus / "gone.txt")
        return paths

    monkeypatch.setattr(executor, "discover", discover_then_break)
    if how == "permission":  # tests may run as root, where chmod 000 does not stop reading
        monkeypatch.setattr(decode, "open", _refusing("gone.txt", open), raising=False)
    code, sources, counts, _ = clean_run()
    assert_good_page_cleaned(sources)
    assert sources["in/gone.txt"]["errors"] == [f"in/gone.txt: {problem}"]
    assert code == 1 and counts["errors"] == 1


def _refusing(name, real_open):
    def guarded(path, *args, **kwargs):
        if str(path).endswith(name):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    return guarded


def test_directory_symlink_loop_is_recorded_not_followed(corpus):
    (corpus / "sub").mkdir()
    (corpus / "sub" / "page.txt").write_bytes(GOOD)
    os.symlink("..", corpus / "sub" / "loop")
    code, sources, counts, _ = clean_run()
    assert sorted(sources) == ["in/good.txt", "in/sub/loop", "in/sub/page.txt"]
    [error] = sources["in/sub/loop"]["errors"]
    assert error.startswith("in/sub/loop: symlink loop: links to ")
    assert error.endswith("/in, a folder already walked; skipped")
    assert code == 1 and counts["errors"] == 1


def test_symlinked_folder_that_is_no_loop_is_walked(corpus, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "page.txt").write_bytes(GOOD)
    os.symlink(tmp_path / "elsewhere", corpus / "linked")
    code, sources, _, _ = clean_run()
    assert code == 0 and sources["in/linked/page.txt"]["items"]


def test_path_with_spaces_and_cyrillic(corpus):
    (corpus / "новости дня").mkdir()
    shutil.copy(corpus / "good.txt", corpus / "новости дня" / "статья 1.txt")
    code, sources, _, _ = clean_run()
    assert code == 0 and sources["in/новости дня/статья 1.txt"]["items"]
    assert '"path": "in/новости дня/статья 1.txt"' in Path("out/items.jsonl").read_text(encoding="utf-8")


def test_file_name_that_is_not_utf8(corpus):
    with open(os.path.join(os.fsencode(corpus), b"bad\xff name.txt"), "wb") as f:
        f.write(GOOD)
    code, sources, _, _ = clean_run()
    assert code == 0 and sources["in/bad\\xff name.txt"]["items"]
    Path("out/items.jsonl").read_bytes().decode("utf-8")  # the output stays valid UTF-8


def test_a_bug_in_a_stage_costs_one_page(corpus, monkeypatch):
    from clean.pipeline import Pipeline

    (corpus / "boom.txt").write_bytes(GOOD)
    real = Pipeline.clean_bytes

    def clean_bytes(self, raw, path, url=None):
        if path.endswith("boom.txt"):
            raise ValueError("stage exploded")
        return real(self, raw, path, url)

    monkeypatch.setattr(Pipeline, "clean_bytes", clean_bytes)
    code, sources, _, _ = clean_run()
    assert_good_page_cleaned(sources)
    [error] = sources["in/boom.txt"]["errors"]
    assert error.startswith("in/boom.txt: internal error (ValueError: stage exploded)")
    assert code == 1


def test_strict_stops_at_the_first_error(corpus):
    (corpus / "a-empty.txt").write_bytes(b"")
    (corpus / "z-later.txt").write_bytes(GOOD)
    code, sources, counts, output = clean_run("--strict")
    assert code == 1
    assert "stopped at the first error (--strict): in/a-empty.txt: empty file" in output
    assert sources == {} and counts is None  # no output file pretends to be complete
    assert not [p for p in Path("out").iterdir() if p.name != ".progress.jsonl"]


def test_missing_input_is_a_usage_error(corpus):
    result = CliRunner().invoke(main, ["run", "no-such-folder", "-o", "out"])
    assert result.exit_code == 2 and "no-such-folder" in result.output


def test_clean_run_is_exit_code_zero(corpus):
    code, sources, counts, _ = clean_run()
    assert code == 0 and counts["errors"] == 0 and list(sources) == ["in/good.txt"]


def test_a_long_chain_of_broken_lines_joins_into_one_with_an_edit_per_join():
    """Thousands of short lines between separators (a scraped table) join in linear time, each join audited."""
    from clean.pipeline import Pipeline

    words = [f"слово {n}" for n in range(5000)]
    doc = Pipeline().clean_bytes("".join(f"-----\n{w}\n" for w in words).encode(), "table.txt")
    [item] = doc.items
    assert " ".join(filter(None, [item.title, item.text])) == " ".join(words)
    joins = [e for e in doc.edits if e.rule == "lines.broken-line"]
    assert len(joins) == 4999 and {(e.before, e.after) for e in joins} == {("\n", " ")}


def test_standard_input_is_read_with_the_same_bound():
    import io

    from clean.model.errors import InputError

    assert decode.read_stream(io.BytesIO(b"x" * 10), "<stdin>", limit=10) == b"x" * 10
    with pytest.raises(InputError, match=r"<stdin>: input is above the 0.0 MiB limit \(MAX_BYTES\)"):
        decode.read_stream(io.BytesIO(b"x" * 11), "<stdin>", limit=10)


def test_a_full_disk_is_a_message_not_a_traceback(corpus, monkeypatch):
    def no_space(record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(executor, "to_json", no_space)
    code, sources, counts, output = clean_run()
    assert code == 1 and sources == {} and counts is None
    assert "error: cannot write the output to out: No space left on device" in output and "--resume" in output
    assert not list(Path("out").glob(".*.clean-tmp-*"))


@pytest.mark.parametrize("head", ["Новости |", "News —", "Жаңалықтар /"])
def test_a_head_line_ending_in_a_bare_separator_is_kept_without_a_crash(head):
    from clean.pipeline import Pipeline

    items = Pipeline().clean_text(f"{head}\nТекст новости дня.\n")
    assert [line for item in items for line in item.text.splitlines()][-1] == "Текст новости дня."


def test_digits_newer_than_this_python_are_no_date_and_cost_no_page():
    """The regex engine reads digits of a newer Unicode (Garay, U+10D40...) as \\d; int() of this Python does
    not. A date written with them is no date: the page is cleaned, its items kept, and no error is raised."""
    import regex

    from clean.pipeline import Pipeline

    newer = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000
             and regex.match(r"\d", chr(cp)) and not chr(cp).isdecimal()]
    if not newer:
        pytest.skip("this Python knows every digit the regex engine knows")
    a, b = newer[1], newer[2]
    text = (f"Новость дня\n{a}{b}.11.2020 Встреча прошла в Москве.\nВстреча {a}{b} марта 2020 года прошла.\n"
            f"{a}{b}.11.2020\nТекст второй новости.\n5 {a} минут назад\nВ Москве 20 ноября 2020 года открыли мост.")
    doc = Pipeline().clean_bytes(text.encode("utf-8"), "garay.txt")
    assert not doc.errors and doc.items
    assert {item.date for item in doc.items} <= {None, "2020-11-20"}
    assert "Встреча прошла в Москве." in "\n".join(item.text for item in doc.items)
