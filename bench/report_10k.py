"""How heavy is the report of a big run? Generate pages, clean them, build the report, load it in Chromium.

Usage: python bench/report_10k.py [N] [WORKDIR]   (N defaults to 10000)

Pages are made from the seeds' paragraphs plus typical noise (PHP notices,
separators, press footers, rubrics) and a little hostile markup, so every
page fires some rules. Prints wall-clock seconds for each step, the size of
the largest pages, and how long headless Chromium takes to load the index
(and, for comparison, an empty page: that is the browser's own start-up).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from clean.run.executor import LocalExecutor, run
from clean.pipeline import Pipeline
from clean.review.report import SOURCES_PER_PAGE, build_report

ROOT = Path(__file__).resolve().parent.parent
NOISE = (
    "Notice: Undefined index: id in /var/www/html/wp-content/themes/news/single.php on line {n}",
    "____________________________",
    "Пресс-служба\n+7-495-795-27-{n:02d}",
    "Warning: Cannot modify header information in /var/www/site/index.php on line {n}",
)
HOSTILE = "Текст с разметкой <script>document.title='x'</script> и <img src=x onerror=alert({n})> внутри."
CHROMIUM = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")


def paragraphs() -> list[str]:
    found = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        found += [p for p in seed.read_text(encoding="utf-8").splitlines() if len(p) > 80 and "Notice" not in p]
    return found


def generate(folder: Path, count: int) -> None:
    rng = random.Random(7)
    pool = paragraphs()
    folder.mkdir(parents=True)
    for k in range(count):
        lines = []
        if rng.random() < 0.3:
            lines.append(NOISE[0].format(n=k % 9000))
        for _ in range(rng.randint(2, 5)):
            lines.append(rng.choice(pool))
        if rng.random() < 0.05:
            lines.append(HOSTILE.format(n=k))
        if rng.random() < 0.4:
            lines.append(rng.choice(NOISE[1:]).format(n=k % 100))
        (folder / f"{k // 1000:02d}" / f"page_{k:05d}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{k // 1000:02d}" / f"page_{k:05d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    print(f"{label}: {time.perf_counter() - started:.2f} s", flush=True)
    return result


def load_time(page: Path, profile: Path, repeat: int = 3) -> float:
    """Best wall-clock seconds for headless Chromium to load ``page`` and dump its DOM."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([shutil.which("chromium"), *CHROMIUM, f"--user-data-dir={profile}", "--dump-dom",
                        page.as_uri()], capture_output=True, check=True, timeout=300)
        best = min(best, time.perf_counter() - started)
    return best


def main(count: int, work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    timed(f"generate {count} pages", lambda: generate(work / "pages", count))
    import os

    os.chdir(work)
    summary = timed("clean run", lambda: run(Pipeline(), ["pages"], "out", LocalExecutor()))
    print(summary.line())
    index = timed("clean report", lambda: build_report("out")).resolve()
    pages = sorted(index.parent.rglob("*.html"), key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in pages)
    print(f"report: {len(pages)} pages, {total / 1e6:.1f} MB in all, index {index.stat().st_size / 1e3:.0f} kB, "
          f"largest {pages[-1].name} {pages[-1].stat().st_size / 1e6:.2f} MB")
    if shutil.which("chromium"):
        empty = work / "empty.html"
        empty.write_text("<!doctype html><title>empty</title>", encoding="utf-8")
        profile = work / "profile"
        base = load_time(empty, profile)
        print(f"chromium, empty page: {base:.2f} s (browser start-up)")
        print(f"chromium, index.html: {load_time(index, profile):.2f} s")
        print(f"chromium, sources-1.html ({SOURCES_PER_PAGE} rows): {load_time(index.parent / 'sources-1.html', profile):.2f} s")
        print(f"chromium, largest page ({pages[-1].name}): {load_time(pages[-1], profile):.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000, Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/clean-report-10k"))
