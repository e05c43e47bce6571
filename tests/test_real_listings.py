"""The listing pages of the real dev set (part L of ``../shared/real/``) hold the level the card signals reached.

A ratchet: the floors are just under what the pipeline reaches now, so a change that loses items,
dates or titles on real listings fails here. The pages are other people's text and stay outside the
project; where the folder is absent (a fresh clone), the test is skipped and says so. The scorer is the
dev set's own (``score.py`` beside the gold).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clean.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = [Path(os.environ["CLEAN_SHARED"])] if os.environ.get("CLEAN_SHARED") else []
CANDIDATES += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
REAL = next((c / "real" for c in CANDIDATES if (c / "real" / "gold-L.json").is_file()), None)

FLOORS = {"segment_f1": 0.92, "date_acc": 0.95, "title_acc": 0.95, "kept": 1.0, "flags": 0.75}


@pytest.mark.skipif(REAL is None, reason="the real dev set (../shared/real/) is not here; it is not part of the project")
def test_real_listings_hold_their_level(tmp_path):
    pages = sorted((REAL / "pages").glob("rL*.txt"))
    Pipeline().run(pages, tmp_path / "out")
    done = subprocess.run(
        [sys.executable, str(REAL / "score.py"), str(tmp_path / "out" / "items.jsonl"), str(REAL / "gold-L.json"), "--json"],
        capture_output=True, text=True, check=False,
    )
    score = json.loads(done.stdout.strip().splitlines()[-1])
    low = {name: score[name] for name, floor in FLOORS.items() if score[name] < floor}
    assert not low, f"below the floor on real listings: {low} (floors {FLOORS})"
