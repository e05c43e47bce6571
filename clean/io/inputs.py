"""Input readers: a folder of ``.txt`` pages, JSONL records, WARC/WET archives.

A :class:`Reader` turns one input file into the pages it holds, each a
:class:`~clean.io.pages.Page` with its provenance (read by :mod:`clean.io.pages`), and cleans them with a pipeline:

- ``*.txt``: the file is one page (its path is the page's path);
- ``*.jsonl`` / ``*.jsonl.gz``: one page per record, the text in ``text_field``
  (``text`` by default: the output of trafilatura, datatrove and most scrapers);
  the page's path is ``FILE:LINE`` (1-based line of the record);
- ``*.html`` / ``*.htm``: a saved page, its main text extracted (:mod:`clean.io.html`);
- ``*.warc`` / ``*.wet`` (optionally ``.gz``): one page per text record (HTML
  responses extracted as saved pages are), read
  with the ``warcio`` library (``pip install clean[warc]``); the page's path is
  ``FILE@OFFSET`` (byte offset of the record, as Common Crawl indexes give it).

A record's URL and crawl date, when the input has them, go into the item's
``source.url`` and ``source.crawl_date``. A page larger than
:data:`MAX_PAGE_BYTES` is not read: it becomes an error naming the limit, so one
huge page cannot exhaust memory.

>>> [page.path for page in Reader().pages("tests/data/records.jsonl")][:2]
['tests/data/records.jsonl:1', 'tests/data/records.jsonl:2']
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from clean.model.errors import CleanError
from clean.io.html import HTML_SUFFIXES, is_html
from clean.model.records import Item, SourceRecord
from clean.io.pages import MAX_PAGE_BYTES, Page, html_file_page, text_file_page, warc_file_pages

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
PATTERNS = tuple(f"*{s}" for s in TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + HTML_SUFFIXES)
URL_FIELDS = ("url", "metadata.url", "source_url")
# when the record was fetched: never a plain "date" or "timestamp", which scraped records use for publication
DATE_FIELDS = ("crawl_date", "metadata.crawl_date", "warc_date", "metadata.date")  # (metadata.date: datatrove's WARC-Date)
SURROGATE = regex.compile(r"[\ud800-\udfff]")  # a lone surrogate: JSON allows it, UTF-8 cannot hold it


@dataclass(frozen=True)
class Reader:
    """Reads pages from input files; ``text_field`` names the text of a JSONL record."""

    text_field: str = "text"

    def pages(self, path: str, digest=None) -> Iterator[Page]:
        """The pages of the file ``path``, in file order; a JSONL file's bytes, as read, go into ``digest``."""
        name = path.lower()
        if name.endswith(JSONL_SUFFIXES):
            yield from self._jsonl(path, digest)
        elif name.endswith(WARC_SUFFIXES):
            yield from warc_file_pages(path)
        elif is_html(name):
            yield html_file_page(path)
        else:
            yield text_file_page(path)

    def clean(self, pipeline, path: str) -> list[tuple[SourceRecord, list[Item]]]:
        """Clean every page of ``path``: a source record and items per page (at least one record).

        For a JSONL file the list is a :class:`FilePages` whose ``sha256`` is that of the bytes read and
        cleaned (a file appended to during the run has another sha256 when ``--resume`` looks at it).
        """
        if path.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES):
            digest = hashlib.sha256()
            results = FilePages(self._clean_records(pipeline, path, digest))
            if path.lower().endswith(JSONL_SUFFIXES):
                results.sha256 = digest.hexdigest()
            if not results:
                results.append(clean_page(pipeline, Page(path, None, error=f"{path}: no text records found")))
            return results
        if is_html(path):
            return [clean_page(pipeline, html_file_page(path))]
        from clean.io.page_records import clean_path

        return [clean_path(pipeline, path)]

    def _clean_records(self, pipeline, path: str, digest=None) -> list[tuple[SourceRecord, list[Item]]]:
        """The pages of a container file cleaned; a truncated or corrupt file ends with an error record."""
        results, pages = [], self.pages(path, digest)
        while True:
            try:
                page = next(pages, None)
            except (OSError, EOFError, ValueError, zlib.error) as exc:
                problem = f"{path}: cannot read further ({type(exc).__name__}: {exc}); the pages before were cleaned"
                return results + [clean_page(pipeline, Page(f"{path}@end", None, error=problem))]
            if page is None:
                return results
            results.append(clean_page(pipeline, page))

    def _jsonl(self, path: str, digest=None) -> Iterator[Page]:
        with open(path, "rb") as raw:
            read = raw if digest is None else Hashing(raw, digest)
            f = gzip.GzipFile(fileobj=read, mode="rb") if path.lower().endswith(".gz") else read
            for number, line in enumerate(_bounded_lines(f), 1):
                if line.strip():
                    yield self._record(f"{path}:{number}", line)

    def _record(self, where: str, line: bytes) -> Page:
        if len(line) > MAX_PAGE_BYTES:
            return Page(where, None, error=f"{where}: record over the page limit of {MAX_PAGE_BYTES} bytes "
                                           "(MAX_PAGE_BYTES); skipped")
        try:
            record = json.loads(line)
        except ValueError as exc:
            return Page(where, None, error=f"{where}: not a JSON record ({exc}); skipped")
        text = _field(record, self.text_field) if isinstance(record, dict) else None
        if not isinstance(text, str):
            return Page(where, None, error=f"{where}: no text field {self.text_field!r} "
                                           "(choose another with --text-field); skipped")
        values = {"text": text, "url": _text(record, URL_FIELDS), "crawl_date": _text(record, DATE_FIELDS)}
        problems = []
        for name, value in values.items():
            if value is not None and SURROGATE.search(value):
                values[name], n = SURROGATE.subn("\ufffd", value)
                problems.append(f"{where}: {n} lone surrogate(s) in {name!r} (half a UTF-16 pair, not text) "
                                "replaced by U+FFFD")
        return Page(where, values["text"].encode("utf-8"), values["url"], values["crawl_date"],
                    problems=tuple(problems))


class FilePages(list):
    """The cleaned pages of one file, with the sha256 of the bytes they were read from (None: not known)."""

    sha256: str | None = None


class Hashing:
    """A binary file whose every byte read also goes into ``digest``: the hash of exactly what was read."""

    def __init__(self, raw, digest):
        self.raw, self.digest = raw, digest

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.digest.update(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.raw.readline(size)
        self.digest.update(data)
        return data


def _bounded_lines(f) -> Iterator[bytes]:
    """The lines of ``f``; a line over :data:`MAX_PAGE_BYTES` is cut there (and rejected), the rest skipped."""
    while line := f.readline(MAX_PAGE_BYTES + 1):
        if len(line) > MAX_PAGE_BYTES and not line.endswith(b"\n"):
            while (rest := f.readline(MAX_PAGE_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield line


def _field(record: dict, dotted: str):
    value = record
    for key in dotted.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _text(record: dict, fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = _field(record, name)
        if value not in (None, ""):
            return str(value)
    return None


def clean_page(pipeline, page: Page) -> tuple[SourceRecord, list[Item]]:
    """Clean one page; a page that cannot be read or cleaned becomes a source record with an error."""
    from clean.io.page_records import source_record

    origin = {"url": page.url, "crawl_date": page.crawl_date}
    if page.extracted_by:  # the identity of the bytes read, and what made the text from them
        origin |= {"extracted_by": page.extracted_by, "sha256": page.sha256}
    if page.raw is None:
        return SourceRecord(**{"path": page.path, "sha256": None, "encoding": None, "errors": [page.error]}
                            | origin), []
    try:
        doc = pipeline.clean_bytes(page.raw, page.path, page.url, page.crawl_date)
    except Exception as exc:  # a bad record or a bug in a stage costs one page, not the archive
        kind = "" if isinstance(exc, CleanError) else f"internal error ({type(exc).__name__}): "
        sha = hashlib.sha256(page.raw).hexdigest()
        errors = [*page.problems, f"{kind}{exc}"]
        return SourceRecord(**{"path": page.path, "sha256": sha, "encoding": None, "errors": errors} | origin), []
    items = list(doc.items)
    provenance = {k: v for k, v in origin.items() if k != "url" and v}
    if provenance:
        items = [i.model_copy(update={"source": i.source.model_copy(update=provenance)}) for i in items]
    record = source_record(page.path, doc).model_copy(update=origin)
    if page.problems:
        record = record.model_copy(update={"errors": [*page.problems, *record.errors]})
    return record, items
