"""The benchmark runner: ``python -m bench [--megabytes 200] [--seed 0] [--modes ...]``.

Generates (once, then reuses) a corpus of scraped pages with
:mod:`bench.corpus`, then runs each mode in a fresh process
(:mod:`bench.measure`) and prints MB/s, pages/s, items/s and peak memory for
each, the ratios the targets are stated in, and whether the items written
with one worker and with two are byte-identical. It measures; it asserts
nothing, so a slow machine gets figures rather than a failure.

Modes: ``pipeline:N`` (the pipeline with N workers), ``ftfy`` (``ftfy.fix_text``
alone over the same pages), ``floor`` (read and write JSONL, nothing else), ``norules:N`` (the
pipeline with every rule switched off: the ceiling of its design, what no rule logic costs).
Where a worker's time goes, stage by stage: ``python -m bench.stages``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from bench.corpus import generate

DEFAULT_MODES = "floor,norules:1,pipeline:1,pipeline:2,ftfy"
READY = "corpus.json"  # written last: a corpus folder without it is incomplete and is made again


def corpus(folder: Path, megabytes: float, seed: int) -> dict:
    """The corpus in ``folder``, generated unless a complete one is already there."""
    marker = folder / READY
    if marker.exists():
        return json.loads(marker.read_text())
    print(f"generating {megabytes:g} MB of pages (seed {seed}) in {folder} ...", file=sys.stderr)
    files, size = generate(folder, megabytes, seed)
    info = {"seed": seed, "megabytes": megabytes, "files": files, "bytes": size}
    marker.write_text(json.dumps(info))
    return info


def warm(folder: Path) -> None:
    """Read every page once, untimed, so that no mode pays for the first read from disk."""
    for path in folder.rglob("*.txt"):
        path.read_bytes()


def measure(mode: str, folder: Path, out: Path) -> dict:
    """Run one mode in a fresh interpreter and return what it printed."""
    name, _, workers = mode.partition(":")
    cmd = [sys.executable, "-m", "bench.measure", name, str(folder), str(out), workers or "1"]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def row(label: str, r: dict) -> str:
    """One printed line of figures."""
    s = r["seconds"]
    return (f"{label:<12} {r['bytes'] / s / 1e6:7.2f} MB/s {r['pages'] / s:7.0f} pages/s {r['items'] / s:7.0f} items/s"
            f" {s:7.1f} s | {r['bytes'] / r['cpu_seconds'] / 1e6:6.2f} MB per CPU-s"
            f" | peak RSS {r['rss_mb']:4.0f} MB, largest worker {r['worker_rss_mb']:.0f} MB")


def machine() -> str:
    """CPU model, cores and Python version of this machine."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}, load {load}"


def digest(path: Path) -> str:
    """sha256 of a file, streamed."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=200, help="corpus size (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default .bench/corpus-SEED-MB)")
    parser.add_argument("--modes", default=DEFAULT_MODES, help=f"comma-separated (default {DEFAULT_MODES})")
    args = parser.parse_args(argv)
    folder = args.corpus or Path(".bench") / f"corpus-{args.seed}-{args.megabytes:g}"
    info = corpus(folder, args.megabytes, args.seed)
    warm(folder)
    print(f"machine: {machine()}")
    print(f"corpus: {folder} — {info['files']} pages, {info['bytes'] / 1e6:.1f} MB, seed {info['seed']}")
    results = {}
    for mode in args.modes.split(","):
        out = Path(".bench") / "out" / mode.replace(":", "-")
        results[mode] = measure(mode, folder, out)
        print(row(mode, results[mode]), flush=True)
    summarise(results)
    print(f"load average at the end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())} (other work on the machine skews the figures)")


def summarise(results: dict) -> None:
    """The ratios the targets are stated in, and the byte-identity check."""
    speed = {mode: r["bytes"] / r["seconds"] for mode, r in results.items()}
    cpu = {mode: r["bytes"] / r["cpu_seconds"] for mode, r in results.items()}
    if "pipeline:1" in speed and "ftfy" in speed:
        print(f"pipeline:1 / ftfy      = {speed['pipeline:1'] / speed['ftfy']:.2f}x wall, "
              f"{cpu['pipeline:1'] / cpu['ftfy']:.2f}x per CPU-second  (target >= 3)")
    if "norules:1" in cpu and "ftfy" in cpu:
        print(f"norules:1 / ftfy       = {cpu['norules:1'] / cpu['ftfy']:.2f}x per CPU-second  (the ceiling: no rule runs)")
    if "pipeline:1" in speed and "pipeline:2" in speed:
        print(f"pipeline:2 / pipeline:1 = {speed['pipeline:2'] / speed['pipeline:1']:.2f}x  (target >= 1.8)")
        one, two = (Path(".bench") / "out" / m / "items.jsonl" for m in ("pipeline-1", "pipeline-2"))
        print(f"items.jsonl identical with 1 and 2 workers: {'yes' if digest(one) == digest(two) else 'NO'}")
