"""The pages of one input file: a text file, a saved HTML page (through an extractor), the records of a
WARC or WET archive. A page that cannot be read is a :class:`Page` with its error, never an exception,
so one bad record costs that record only.

>>> text_file_page("no/such/file.txt").error is not None
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from clean.io.decode import MAX_BYTES, read_input
from clean.io.html import HTML_TYPES, extract, extractor
from clean.model.errors import InputError

MAX_PAGE_BYTES = MAX_BYTES  # the same page limit as a .txt file (clean.io.decode.MAX_BYTES)
WARC_TEXT_TYPES = ("conversion", "resource", "response")  # WET text, stored files, fetched responses


@dataclass(frozen=True, slots=True)
class Page:
    """One page to clean: its bytes (None for a page that could not be read), path, URL and crawl date."""

    path: str
    raw: bytes | None
    url: str | None = None
    crawl_date: str | None = None
    error: str | None = None
    problems: tuple[str, ...] = ()  # errors of a page that was still cleaned (a lone surrogate replaced)
    extracted_by: str | None = None  # the extractor that made ``raw`` from an HTML page
    sha256: str | None = None  # of the bytes read, when ``raw`` was extracted from them


def text_file_page(path: str) -> Page:
    try:
        return Page(path, read_input(path))
    except InputError as exc:
        return Page(path, None, error=str(exc))


def html_file_page(path: str) -> Page:
    try:
        return html_page(path, read_input(path))
    except InputError as exc:
        return Page(path, None, error=str(exc))


def html_page(where: str, raw: bytes, url: str | None = None, date: str | None = None) -> Page:
    """The page of HTML bytes ``raw``: its extracted text, or an error (no extractor, no text)."""
    try:
        return Page(where, extract(raw, where), url, date, extracted_by=extractor(),
                    sha256=hashlib.sha256(raw).hexdigest())
    except InputError as exc:
        return Page(where, None, url, date, error=f"{where}: {exc.problem}")


def warc_file_pages(path: str) -> Iterator[Page]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Page(path, None, error=f"{path}: reading WARC/WET needs warcio: pip install 'clean[warc]'")
        return
    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        try:
            yield from warc_pages(path, records)
        except ArchiveLoadFailed as exc:
            raise ValueError(f"not a WARC/WET archive here: {exc}") from exc


def warc_pages(path: str, records) -> Iterator[Page]:
    for record in records:
        if record.rec_type not in WARC_TEXT_TYPES or not is_text(record):
            continue
        raw = record.content_stream().read(MAX_PAGE_BYTES + 1)
        where = f"{path}@{records.get_record_offset()}"
        url, date = record.rec_headers.get_header("WARC-Target-URI"), record.rec_headers.get_header("WARC-Date")
        if len(raw) > MAX_PAGE_BYTES:
            yield Page(where, None, url, date, f"{where}: record over the page limit of {MAX_PAGE_BYTES} "
                                               "bytes (MAX_PAGE_BYTES); skipped")
        elif content_type(record).startswith(HTML_TYPES):
            yield html_page(where, raw, url, date)
        else:
            yield Page(where, raw, url, date)


def is_text(record) -> bool:
    """WET conversions are text; other records only when their content type says text/plain or HTML."""
    return record.rec_type == "conversion" or content_type(record).startswith(("text/plain", *HTML_TYPES))


def content_type(record) -> str:
    if record.rec_type == "conversion":
        return "text/plain"
    headers = record.http_headers or record.rec_headers
    return ((headers.get_header("Content-Type") or "") if headers else "").lower()
