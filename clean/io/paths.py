"""How a path is recorded: relative to the working directory where it lies below it, odd bytes escaped.

>>> display_path("seeds/000_3750915008d33f14.txt")
'seeds/000_3750915008d33f14.txt'
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it lies below it, in POSIX form."""
    rel = os.path.relpath(os.path.abspath(path))
    return Path(rel if not rel.startswith("..") else os.path.abspath(path)).as_posix()


def shown_path(path: str) -> str:
    r"""``path`` as recorded: a file name that is not UTF-8 gets its odd bytes escaped.

    >>> shown_path(os.fsdecode(b"bad\xff.txt"))
    'bad\\xff.txt'
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
