"""``python -m clean.catalog.pairs_table``: write :mod:`clean.families.repair.bad_pairs_table`.

The bad pairs (:func:`clean.families.repair.mojibake_check.bad_pairs`) depend on ftfy and on this
Python's Unicode tables only; they are found once here and kept in that module, which a process then
reads instead of finding them again. Run this after an upgrade of either; the test of the table says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from clean.families.repair import bad_pairs_table
from clean.families.repair.mojibake_check import bad_pairs, made_for


def render(key: str, pairs: dict[str, set[str]]) -> str:
    """The table module's source: its docstring as it is, then ``MADE_FOR`` and ``BAD_PAIRS``."""
    head = Path(bad_pairs_table.__file__).read_text(encoding="utf-8").split("\nMADE_FOR = ", 1)[0]
    rows = "".join(f"    {first!r}: {''.join(sorted(partners))!r},\n" for first, partners in sorted(pairs.items()))
    return (f"{head}\nMADE_FOR = {key!r}\nBAD_PAIRS: dict[str, str] = {{  # the first character of a bad pair"
            f" -> every character that may follow it\n{rows}}}\n")


def main() -> int:
    path = Path(bad_pairs_table.__file__)
    path.write_text(render(made_for(), bad_pairs()), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
