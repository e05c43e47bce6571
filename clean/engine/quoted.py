"""Lines a page quotes: noise-shaped lines that a sentence of the text introduces with a colon.

A story about a broken site may print the diagnostic it showed on a line of its own::

    Visitors saw the following text at the top of the booking form:
    Warning: Cannot modify header information - headers already sent by (output started at …) in … on line 45

Leaked, the same line is noise; quoted, it is the news. A rule that says ``keeps_quoted = true`` in
its TOML (the drop kind, or a Python rule that marks whole lines) keeps a line it would remove when
the kept line right before it introduces it: it ends with a colon and reads as a sentence (at least
:data:`MIN_INTRO_WORDS` words and a lower-case letter, so a label such as ``Читайте также:``,
``Comments:`` or ``ВНИМАНИЕ:`` introduces nothing). A run of such lines right after the
introduction is kept whole (a warning and the SQL printed under it). Leaving a leaked line in is
the lesser harm than cutting a quoted one.

>>> from clean.model.document import Document
>>> doc = Document.from_text("The log showed these lines:\\nWarning: x\\nWarning: y\\nText.\\nWarning: z")
>>> unquoted(doc, [1, 2, 4])
[4]
"""

from __future__ import annotations

from collections.abc import Iterable

from clean.engine.line_marks import remove_lines
from clean.model.document import Document

MIN_INTRO_WORDS = 4  # 'Visitors saw this text:' is a sentence; 'Читайте также:' or 'Error log:' a label


def introduces(text: str) -> bool:
    """Does ``text`` end with a colon after a sentence, so that the line after it is what it quotes?"""
    text = text.rstrip()
    return text.endswith(":") and len(text.split()) >= MIN_INTRO_WORDS and any(map(str.islower, text))


def unquoted(doc: Document, indices: Iterable[int]) -> list[int]:
    """``indices`` (kept lines of ``doc``) without those quoted: right after an introduction, or right
    after a line of ``indices`` that is itself quoted. Ascending."""
    marked = sorted(set(indices))
    if not marked:
        return marked
    index = doc.view().index
    before = dict(zip(index[1:], index))  # each kept line -> the kept line before it
    quoted: set[int] = set()
    out = []
    for i in marked:
        prev = before.get(i)
        if prev is not None and (prev in quoted or introduces(doc.lines[prev].text)):
            quoted.add(i)
        else:
            out.append(i)
    return out


def drop_lines(doc: Document, rule, indices: Iterable[int]) -> Document:
    """:func:`~clean.engine.line_marks.remove_lines` for ``rule``, sparing the quoted lines when it ``keeps_quoted``."""
    return remove_lines(doc, rule.id, unquoted(doc, indices) if rule.keeps_quoted else indices)
