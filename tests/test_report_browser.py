"""The report in a real browser: headless Chromium renders it, and we read the DOM it built.

Skipped (with the reason) only where Chromium is not installed; ``.ci/run``
installs Debian's ``chromium``. The screenshot of the index is saved to
``$CLEAN_ARTIFACTS`` (``.ci/run`` sets it) or the test's temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clean.run.executor import LocalExecutor, run
from clean.pipeline import Pipeline
from clean.review.report import build_report
from tests.conftest import ROOT
from tests.test_report import HOSTILE, HOSTILE_NAME

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs it with apt-get; apt-get failed here)"
)


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "profile"
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def dom(tmp_path: Path, page: Path) -> str:
    """The DOM of ``page`` after Chromium loaded it (and ran whatever it would run)."""
    return chromium(tmp_path, "--dump-dom", page.as_uri())


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of seeds/ plus a hostile page, and the counts of that run."""
    base = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "seeds", base / "pages")
    (base / "pages" / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(base)
    try:
        summary = run(Pipeline(), ["pages"], base / "out", LocalExecutor(1))
        index = build_report(base / "out")
    finally:
        os.chdir(cwd)
    return base, index, summary


def test_a_script_in_a_page_would_show_in_the_dumped_dom(tmp_path):
    control = tmp_path / "control.html"
    control.write_text("<title>before</title><script>document.title = 'ran'</script>", encoding="utf-8")
    assert "<title>ran</title>" in dom(tmp_path, control)


def test_index_shows_the_per_rule_counts_of_the_run(report, tmp_path):
    base, index, summary = report
    shown = dict(re.findall(r'<tr data-rule="([^"]+)">.*?<td class="n removed">(\d+)</td>', dom(tmp_path, index)))
    assert {rule: int(n) for rule, n in shown.items() if int(n)} == dict(summary.removed)
    assert summary.removed["noise.php-notice"] == 3


def test_wordpress_notice_is_highlighted_with_its_rule_id(report, tmp_path):
    base, index, _ = report
    rendered = dom(tmp_path, index.parent / "sources" / "00003.html")
    assert re.search(r'<span class="rm" data-rule="noise.php-notice"[^>]*><span class="tag"[^>]*>noise.php-notice'
                     r"</span>Notice: Function _load_textdomain_just_in_time", rendered)


def test_hostile_markup_is_text_and_no_script_ran(report, tmp_path):
    base, index, _ = report
    page = index.parent / "sources" / "00005.html"
    rendered = dom(tmp_path, page)
    assert "<title>pages/zz_&lt;img src=x onerror=alert(1)&gt;.txt</title>" in rendered
    assert "pwned" not in re.search(r"<title>(.*?)</title>", rendered).group(1)
    assert "Взлом сайта &lt;script&gt;document.title='pwned'&lt;/script&gt; не удался" in rendered
    assert "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" in rendered
    assert not re.search(r"<(script|img|iframe)\b", rendered)


def test_screenshot_of_the_seeds_report(tmp_path, monkeypatch):
    folder = Path(os.environ.get("CLEAN_ARTIFACTS") or tmp_path).resolve()
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    run(Pipeline(), ["seeds"], "out", LocalExecutor(1))
    index = build_report("out").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / "report-index.png"
    chromium(tmp_path, "--hide-scrollbars", "--window-size=1000,760", f"--screenshot={shot}", index.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
