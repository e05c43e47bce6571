"""Saved HTML pages (and WARC responses holding HTML) are read through trafilatura, then cleaned like text."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import json
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from clean.cli import main
from tests.conftest import ROOT

PAGE = ROOT / "tests" / "data" / "saved_page.html"  # written for these tests
ARTICLE = "В Семее открыли новый автомобильный мост через Иртыш"


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.html").write_bytes(PAGE.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_saved_page_becomes_its_article_with_the_extractor_in_source(folder):
    pytest.importorskip("trafilatura", reason="HTML pages need trafilatura: pip install 'clean[html]'")
    result = cli("run", "pages", "-o", "out")
    assert result.exit_code == 0, result.output
    [item] = lines(folder / "out" / "items.jsonl")
    [source] = lines(folder / "out" / "sources.jsonl")
    assert item["title"] == "Новый мост через реку открыли в Семее" and item["date"] == "2024-06-01"
    assert "1 июня 2024 года в Семее открыли новый автомобильный мост через Иртыш." in item["text"]
    for furniture in ("Главная", "Читайте также", "Все права защищены", "counter", "<p>", "font-family"):
        assert furniture not in json.dumps(item, ensure_ascii=False)
    assert item["source"]["extracted_by"].startswith("trafilatura ") and source["extracted_by"]
    assert item["source"]["sha256"] == source["sha256"] == hashlib.sha256(PAGE.read_bytes()).hexdigest()


def test_line_spans_refer_to_the_extracted_text_in_explain_and_the_report(folder):
    pytest.importorskip("trafilatura", reason="HTML pages need trafilatura: pip install 'clean[html]'")
    assert cli("run", "pages", "-o", "out").exit_code == 0
    [item] = lines(folder / "out" / "items.jsonl")
    explained = json.loads(cli("explain", "--json", "pages/page.html").stdout)
    assert max(line["line"] for line in explained["lines"]) == item["source"]["line_end"]
    assert cli("report", "out").exit_code == 0
    [page] = (folder / "out" / "report" / "sources").iterdir()
    html = page.read_text(encoding="utf-8")
    assert "changed since the run" not in html and "Строительство шло три года" in html and "&lt;p" not in html


def test_a_warc_response_holding_html_is_extracted(folder):
    pytest.importorskip("trafilatura", reason="HTML pages need trafilatura: pip install 'clean[html]'")
    warcio = pytest.importorskip("warcio", reason="WARC inputs need warcio: pip install 'clean[warc]'")
    from warcio.statusandheaders import StatusAndHeaders

    with open(folder / "crawl.warc.gz", "wb") as f:
        writer = warcio.warcwriter.WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://a.example/most", "response",
                                                      payload=BytesIO(PAGE.read_bytes()), http_headers=headers))
    assert cli("run", "crawl.warc.gz", "-o", "out").exit_code == 0
    [item] = lines(folder / "out" / "items.jsonl")
    assert item["source"]["url"] == "https://a.example/most" and item["source"]["extracted_by"]
    assert "Строительство шло три года" in item["text"] and "Главная" not in item["text"]


def test_without_the_extractor_a_run_stops_before_it_starts_naming_the_pip_install(folder, monkeypatch):
    import clean.run.preflight

    monkeypatch.setattr(clean.run.preflight, "installed", lambda module: module != "trafilatura")
    result = cli("run", "pages", "-o", "out")
    assert result.exit_code == 2 and "pip install 'clean[html]'" in result.stderr
    assert not (folder / "out").exists()


def test_without_the_extractor_an_html_page_is_an_error_naming_the_pip_install(folder, monkeypatch):
    import clean.io.html

    def missing(name):
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(clean.io.html, "version", missing)
    from clean.io.inputs import Reader

    [page] = Reader().pages("pages/page.html")
    assert page.raw is None and page.error == "pages/page.html: reading HTML pages needs trafilatura: pip install" \
                                             " 'clean[html]'"
    explained = cli("explain", "pages/page.html")
    assert explained.exit_code == 1 and "pip install 'clean[html]'" in explained.stderr


def test_an_extractor_installed_but_broken_is_an_error_for_each_html_page_and_the_run_goes_on(folder):
    """trafilatura present but failing at import (a mismatched dependency): an error naming it, no traceback."""
    (folder / "block").mkdir()
    (folder / "block" / "trafilatura.py").write_text("raise ImportError('lxml.html.clean is now a separate project')\n")
    (folder / "pages" / "plain.txt").write_text("Заголовок\n\nВ городе открыли новую школу на 600 мест.\n",
                                                encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder / "block"), str(ROOT)])}
    done = subprocess.run([sys.executable, "-m", "clean", "run", "pages", "-o", "out", "--quiet"], cwd=folder,
                          env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    records = {r["path"]: r for r in lines(folder / "out" / "sources.jsonl")}
    assert records["pages/plain.txt"]["items"]
    assert "cannot be imported (ImportError: lxml.html.clean" in records["pages/page.html"]["errors"][0]
    explained = subprocess.run([sys.executable, "-m", "clean", "explain", "pages/page.html"], cwd=folder, env=env,
                               capture_output=True, text=True)
    assert explained.returncode == 1 and "Traceback" not in explained.stderr, explained.stderr
