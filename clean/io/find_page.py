"""The page ``clean explain`` shows: a file, one record of a JSONL or WARC file, or standard input.

The page is named as ``sources.jsonl`` names it, so a path copied from an
output explains that page: ``FILE`` (a text file), ``FILE:LINE`` (the record
on that line of a JSONL file), ``FILE@OFFSET`` (the WARC record at that byte
offset), ``-`` (standard input). It is read by the same readers as ``clean
run`` reads it (:mod:`clean.io.inputs`), so it fails with the same errors: an
empty file, a binary file, a record without text.

>>> find_page("tests/data/records.jsonl:2", Reader()).path
'tests/data/records.jsonl:2'
"""

from __future__ import annotations

import os
import re

from clean.model.errors import InputError
from clean.io.inputs import JSONL_SUFFIXES, WARC_SUFFIXES, Page, Reader
from clean.io.decode import read_stream

STDIN = "-"
STDIN_PATH = "<stdin>"
RECORD = re.compile(r"(?P<file>.+?)(?P<sep>[:@])(?P<number>\d+)")


def find_page(spec: str, reader: Reader, stdin=None, url: str | None = None) -> Page:
    """The page named by ``spec`` (``FILE``, ``FILE:LINE``, ``FILE@OFFSET`` or ``-``), read; InputError if not."""
    if spec == STDIN:
        return Page(STDIN_PATH, read_stream(stdin, STDIN_PATH), url)
    match = None if os.path.exists(spec) else RECORD.fullmatch(spec)
    if match is None:
        if spec.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES):
            sep, what = (":", "LINE") if spec.lower().endswith(JSONL_SUFFIXES) else ("@", "OFFSET")
            raise InputError(spec, f"holds one page per record: name one as {spec}{sep}{what}, as sources.jsonl"
                                   " does")
        return _read(next(iter(reader.pages(spec))))
    file = match["file"]
    if not os.path.isfile(file):
        raise InputError(spec, f"no file {file!r}")
    pages = (page for page in reader.pages(file) if page.path == spec)
    return _read(next(pages, None) or _missing(spec, match["sep"]))


def _read(page: Page) -> Page:
    if page.raw is None:
        raise InputError(page.path, page.error.removeprefix(f"{page.path}: ")) from None
    if not page.raw:
        raise InputError(page.path, "empty record; nothing to explain")
    return page


def _missing(spec: str, sep: str) -> Page:
    what = "no record on that line" if sep == ":" else "no text record at that offset"
    raise InputError(spec, f"{what}; sources.jsonl names the records of a run")
