"""output/ is what the code makes from seeds/ today, byte for byte (through the clean_golden fixture)."""

from __future__ import annotations

from tests.conftest import ROOT


def test_output_matches_seeds(clean_golden):
    clean_golden(["seeds"], "output", cwd=ROOT)
