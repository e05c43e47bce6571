"""Checks made before a run starts, so that a run that cannot succeed stops at once and says why.

An optional library a run needs (``warcio`` for WARC/WET inputs, ``zstandard``
for ``--compress zstd``, an HTML extractor for saved pages) is looked for
before any file is cleaned; when it is missing the run stops with the
``pip install`` that fixes it, instead of failing each such file one by one.
The inputs are walked for this only when a library is missing, so a run
with everything installed pays nothing.

>>> sorted(EXTRAS)
['html', 'warc', 'zstd']
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable

from clean.io.discovery import NO_SKIP, Skip, discover
from clean.model.errors import UsageError

EXTRAS = {  # extra: (the module it installs, what needs it, the suffixes of inputs that need it)
    "warc": ("warcio", "reading WARC/WET inputs", (".warc", ".warc.gz", ".wet", ".wet.gz")),
    "zstd": ("zstandard", "--compress zstd", ()),
    "html": ("trafilatura", "reading HTML pages", (".html", ".htm")),
}


def installed(module: str) -> bool:
    """True when ``module`` can be imported."""
    return importlib.util.find_spec(module) is not None


def needed_extras(inputs: Iterable[str], skip: Skip = NO_SKIP, compress: str | None = None) -> set[str]:
    """The extras whose library is missing and that this run needs (its inputs walked as the run will)."""
    missing = {extra for extra, (module, _, _) in EXTRAS.items() if not installed(module)}
    needed = {"zstd"} & missing if compress == "zstd" else set()
    by_suffix = {extra: EXTRAS[extra][2] for extra in missing if EXTRAS[extra][2]}
    if by_suffix:
        for path in discover(inputs, skip=skip):
            needed |= {extra for extra, suffixes in by_suffix.items() if path.endswith(suffixes)}
            if needed >= set(by_suffix):
                break
    return needed


def check_extras(inputs: Iterable[str], skip: Skip = NO_SKIP, compress: str | None = None) -> None:
    """Raise :class:`UsageError` naming the ``pip install`` when the run needs a library that is missing."""
    needed = sorted(needed_extras(inputs, skip, compress))
    if needed:
        why = "; ".join(f"{EXTRAS[e][1]} needs {EXTRAS[e][0]}" for e in needed)
        raise UsageError(f"{why}: pip install 'clean[{','.join(needed)}]'")
