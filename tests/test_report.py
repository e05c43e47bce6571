"""`clean report`: pages built from the run's records, counts that match the run, hostile text escaped."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from clean.review import report as report_module
from clean.cli import main
from clean.run.executor import LocalExecutor, run
from clean.pipeline import Pipeline
from clean.review.report import build_report
from tests.conftest import ROOT

HOSTILE = (
    "Notice: Undefined index: id in /var/www/<script>document.title='pwned'</script>.php on line 7\n\n"
    "Взлом сайта <script>document.title='pwned'</script> не удался\n\n"
    "14 августа 2023 года на сайте появилась картинка <img src=x onerror=\"document.title='pwned'\"> "
    "и ссылка <a href=\"javascript:alert(1)\">жми</a>, но отчёт показывает их как текст.\n"
)
HOSTILE_NAME = "zz_<img src=x onerror=alert(1)>.txt"


def make_run(tmp_path, monkeypatch, hostile=True):
    """Seeds (and a hostile page) copied under tmp_path/pages, cleaned into tmp_path/out."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "pages")
    if hostile:
        (tmp_path / "pages" / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    run(Pipeline(), ["pages"], tmp_path / "out", LocalExecutor(1))
    return tmp_path / "out"


class Markup(HTMLParser):
    """The elements and attributes a browser would build from a page."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.attrs = set(), set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(f"{name}={value}" for name, value in attrs)


def all_pages(report_dir):
    return {p.relative_to(report_dir).as_posix(): p.read_text(encoding="utf-8") for p in report_dir.rglob("*.html")}


def test_per_rule_counts_match_the_run(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch)
    index = build_report(out).read_text(encoding="utf-8")
    counts = json.loads((out / "run.json").read_text())["counts"]
    shown = {m[0]: (int(m[1]), int(m[2])) for m in re.findall(
        r'<tr data-rule="([^"]+)">.*?<td class="n removed">(\d+)</td><td class="n edits">(\d+)</td>', index)}
    rules = set(counts["removed"]) | set(counts["edits"])
    assert shown == {r: (counts["removed"].get(r, 0), counts["edits"].get(r, 0)) for r in rules}
    assert f'<th>files</th><td class="n">{counts["files"]}</td>' in index
    assert f'<th>items</th><td class="n">{counts["items"]}</td>' in index
    assert "differ from the records" not in index


def test_source_page_highlights_removals_with_rule_and_draws_items(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch)
    page = (build_report(out).parent / "sources/00003.html").read_text(encoding="utf-8")
    notice = re.search(r'<span class="rm" data-rule="noise.php-notice" title="noise.php-notice: ([^"]+)">'
                       r'<span class="tag"[^>]*>noise.php-notice</span>Notice: Function _load_textdomain', page)
    assert notice and "PHP notices" in notice.group(1)
    assert page.count('<section class="item">') == 1 and "boundary items.first" in page
    assert "from “С 1 января 2024 года” (dates.lead)" in page
    assert "<del>&lt;NBSP&gt;</del> → <ins> </ins>" in page


def test_hostile_page_text_is_escaped_everywhere(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch)
    pages = all_pages(build_report(out).parent)
    for name, text in pages.items():
        markup = Markup(text)
        assert not markup.tags & {"script", "img", "iframe"}, name
        assert not [a for a in markup.attrs if a.startswith("on") or "javascript:" in a], name
    hostile = next(t for t in pages.values() if "Взлом сайта" in t and "<section" in t)
    assert "Взлом сайта &lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt; не удался" in hostile
    assert "zz_&lt;img src=x onerror=alert(1)&gt;.txt" in hostile


def test_pages_load_nothing_from_outside(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch, hostile=False)
    for name, text in all_pages(build_report(out).parent).items():
        assert "Content-Security-Policy" in text and "script-src 'none'" in text
        assert not re.search(r'(?:src|href)="(?:[a-z]+:)?//', text), name


def test_rule_pages_list_every_firing_with_context_and_paginate(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch, hostile=False)
    monkeypatch.setattr(report_module, "FIRINGS_PER_PAGE", 3)
    monkeypatch.setattr(report_module, "SOURCES_PER_PAGE", 2)
    folder = build_report(out).parent
    first = (folder / "rules/contact.press-footer.html").read_text(encoding="utf-8")
    second = (folder / "rules/contact.press-footer-2.html").read_text(encoding="utf-8")
    assert first.count('class="firing"') == 3 and second.count('class="firing"') == 1
    assert "4 removals, 0 edits" in first and "page 2 of 2" in second
    assert 'href="../sources/00002.html#L14"' in first
    assert 'id="L12"' in first  # context before the firing
    assert sorted(p.name for p in folder.glob("sources-*.html")) == ["sources-1.html", "sources-2.html", "sources-3.html"]


def test_changed_source_is_shown_from_records_only(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch, hostile=False)
    seed = tmp_path / "pages" / "003_8a88328035b137d0.txt"
    seed.write_text("Совсем другой текст.\n", encoding="utf-8")
    page = (build_report(out).parent / "sources/00003.html").read_text(encoding="utf-8")
    assert "changed since the run" in page and "Совсем другой" not in page
    assert 'data-rule="noise.php-notice"' in page


def test_cli_writes_report_and_rejects_a_folder_without_a_run(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch, hostile=False)
    result = CliRunner().invoke(main, ["report", str(out), "-o", str(tmp_path / "rep")])
    assert result.exit_code == 0 and result.output.strip().endswith("index.html")
    (tmp_path / "empty").mkdir()
    assert CliRunner().invoke(main, ["report", str(tmp_path / "empty")]).exit_code == 2


@pytest.mark.parametrize("name", ["index.html", "sources-1.html", "sources/00000.html"])
def test_pages_are_small_html_documents(tmp_path, monkeypatch, name):
    out = make_run(tmp_path, monkeypatch, hostile=False)
    text = (build_report(out).parent / name).read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and text.rstrip().endswith("</html>")


def test_unreadable_source_is_listed_with_its_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("Текст новости.\n", encoding="utf-8")
    (tmp_path / "pages" / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    run(Pipeline(), ["pages"], "out", LocalExecutor(1))
    folder = build_report("out").parent
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert '<th>sources with errors</th><td class="n">1</td>' in index
    assert '<a href="sources/00001.html">pages/b.txt</a>' in index and "binary file" in index
    page = (folder / "sources/00001.html").read_text(encoding="utf-8")
    assert "error: pages/b.txt: binary file" in page and "not decodable as text" in page


def test_slowest_files_are_listed_only_when_the_run_recorded_them(tmp_path, monkeypatch):
    out = make_run(tmp_path, monkeypatch, hostile=False)
    index = build_report(out).read_text(encoding="utf-8")
    assert "no per-file timings" in index and 'id="slowest"' not in index
    manifest = json.loads((out / "run.json").read_text())
    manifest["timings"]["slowest"] = [{"path": "pages/<b>.txt", "seconds": 1.5}]
    (out / "run.json").write_text(json.dumps(manifest))
    index = build_report(out).read_text(encoding="utf-8")
    assert '<table id="slowest"><tr><td>pages/&lt;b&gt;.txt</td><td class="n">1.5 s</td></tr>' in index.replace("\n", "")
