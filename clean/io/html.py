"""Saved HTML pages as text: the page's main content, extracted by trafilatura, then cleaned like any text.

``*.html``/``*.htm`` inputs, and WARC ``response`` records whose content is
HTML, are read through `trafilatura <https://trafilatura.readthedocs.io>`_
(``pip install 'clean[html]'``), chosen by measuring it against resiliparse
on 43 news pages in ten languages with a reference extraction
(``python -m bench.html_extractors``, see docs/html.md): the same recall of
article paragraphs (0.93), far fewer lines of page furniture (precision 0.88
against 0.66), 36 ms a page. Its line structure is kept (a paragraph a
line); the page's headline from trafilatura's metadata comes first, as a
headline line, since its body text leaves it out. Everything after is the
ordinary pipeline, so line spans refer to the extracted text and
``source.extracted_by`` says what extracted it.

Without trafilatura an HTML input is an error naming the ``pip install``
(and a run stops before it starts: :mod:`clean.run.preflight`).

>>> HTML_SUFFIXES
('.html', '.htm')
"""

from __future__ import annotations

from importlib.metadata import version

from clean.model.errors import InputError

HTML_SUFFIXES = (".html", ".htm")
HTML_TYPES = ("text/html", "application/xhtml+xml")
INSTALL = "pip install 'clean[html]'"


def is_html(path: str) -> bool:
    """True for a file name of a saved HTML page."""
    return path.lower().endswith(HTML_SUFFIXES)


def extractor() -> str:
    """The name and version of the extractor, as ``source.extracted_by`` records it; InputError without it."""
    try:
        return f"trafilatura {version('trafilatura')}"
    except Exception:
        raise InputError("trafilatura", f"reading HTML pages needs trafilatura: {INSTALL}") from None


def extract(raw: bytes, path: str) -> bytes:
    """The main text of the HTML page ``raw`` (of ``path``) in UTF-8: headline, blank line, paragraphs."""
    extractor()
    try:
        import trafilatura
    except Exception as exc:  # installed but broken (a missing or mismatched dependency): this page's error
        raise InputError(path, f"the HTML extractor trafilatura is installed but cannot be imported "
                               f"({type(exc).__name__}: {exc}); reinstall it: {INSTALL}") from None

    found = trafilatura.bare_extraction(raw, favor_recall=True, include_comments=False, include_tables=False,
                                        with_metadata=True)
    text = (found.text or "") if found is not None else ""
    title = (found.title or "").strip() if found is not None else ""
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    if not text.strip():
        raise InputError(path, "no text found in this HTML page (trafilatura extracted nothing)")
    return (text.rstrip("\n") + "\n").encode("utf-8")
