"""The document that flows through the pipeline, with its provenance.

A :class:`Document` holds every line of the decoded source, in order, from
the moment it is read until the items are written. Stages never delete a
line: a line that is noise is *marked* removed (``Line.removed`` names the
rule), a line that is repaired keeps its source span, and two lines joined
into one keep both source line numbers (``start`` and ``end``). That is what
makes provenance exact instead of reconstructed: the audit is the document.

These are frozen, slotted dataclasses rather than pydantic models because one
is built for every line of every page (the per-line hot path); the records
that leave the pipeline (:mod:`clean.model.records`) are pydantic.

>>> doc = Document.from_text("Title\\n\\nBody.", path="page.txt")
>>> [(line.start, line.role, line.text) for line in doc.lines]
[(1, 'text', 'Title'), (2, 'blank', ''), (3, 'text', 'Body.')]
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from operator import attrgetter

import regex

from clean.model.slots_init import quick_init
from clean.model.view import PageView, fold_case  # noqa: F401  (fold_case: part of this module's API)

LINE_BREAK = regex.compile(r"\r\n|\r|\n")


@quick_init
@dataclass(frozen=True, slots=True)
class Removal:
    """Text taken out of the page by a rule: a whole line or a span of one."""

    rule: str
    line: int
    text: str


@quick_init
@dataclass(frozen=True, slots=True)
class Edit:
    """A repair: ``before`` became ``after`` on source line ``line``.

    Only the part that changed is kept (common prefix and suffix trimmed), so
    an edit of one character in a long line stays one character long.
    """

    rule: str
    line: int
    before: str
    after: str

    @classmethod
    def between(cls, rule: str, line: int, old: str, new: str) -> Edit:
        """The smallest edit that turns ``old`` into ``new``."""
        size, new_size = len(old), len(new)
        # the longest common prefix, then suffix, each by bisection over slice comparisons: a long line costs
        # a few C-level compares instead of a Python step per character (written out: stages make many edits)
        start, high = 0, min(size, new_size)
        while start < high:
            mid = (start + high + 1) // 2
            if old[:mid] == new[:mid]:
                start = mid
            else:
                high = mid - 1
        end, high = 0, min(size, new_size) - start
        while end < high:
            mid = (end + high + 1) // 2
            if old[size - mid :] == new[new_size - mid :]:
                end = mid
            else:
                high = mid - 1
        return cls(rule, line, old[start : size - end], new[start : new_size - end])


@quick_init
@dataclass(frozen=True, slots=True)
class DateMark:
    """A date found in the page: ISO ``date``, the source ``text`` it came from, and the ``rule``."""

    date: str
    text: str
    rule: str


@quick_init
@dataclass(frozen=True, slots=True)
class Line:
    """One line of the page as the stages see it.

    ``start``/``end`` are 1-based source line numbers (equal unless lines were
    joined). ``role`` is ``text``, ``blank`` or ``title``. ``removed`` is the id
    of the rule that removed the whole line, or None while the line is kept.
    ``stamp`` is a date stamp that was split off the front of the line.
    """

    start: int
    end: int
    text: str
    role: str = "text"
    removed: str | None = None
    stamp: DateMark | None = None

    @property
    def kept(self) -> bool:
        """True for a line that still carries content."""
        return self.removed is None and self.role != "blank"

    def replace(self, **changes) -> Line:
        """A copy with ``changes`` applied (lines are immutable).

        The same as :func:`dataclasses.replace`, written out (about three times
        faster) because the noise rules copy a line for every line they mark.

        >>> Line(3, 3, "Реклама").replace(removed="chrome.widget")
        Line(start=3, end=3, text='Реклама', role='text', removed='chrome.widget', stamp=None)
        """
        return Line(
            changes.pop("start", self.start), changes.pop("end", self.end), changes.pop("text", self.text),
            changes.pop("role", self.role), changes.pop("removed", self.removed), changes.pop("stamp", self.stamp),
            **changes,  # a name that is not a field: TypeError, as from dataclasses.replace
        )


@quick_init
@dataclass(frozen=True, slots=True)
class Segment:
    """A run of ``doc.lines`` (indices ``first``..``last``, inclusive) that forms one item.

    ``reason`` is the id of the signal that opened it.
    """

    first: int
    last: int
    reason: str


@quick_init
@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a document came from: path as given, sha256 of the raw bytes, detected encoding."""

    path: str
    sha256: str
    encoding: str
    url: str | None = None
    crawl_date: str | None = None  # when the input record was fetched (JSONL crawl_date, WARC-Date), if known


@quick_init
@dataclass(frozen=True, slots=True)
class Document:
    """A page in the pipeline: its lines, its audit, and (late in the pipeline) its items.

    ``view()`` is computed once per document and kept in a field that is not part
    of its value (a document is immutable, so the view never goes stale; ``replace``
    hands it on only when the lines stay the same object, the view being made of the lines alone).

    ``memo`` lets a later stage reuse what an earlier one found out about the same line
    texts (``split_items`` and ``extract_metadata`` both ask whether a line is a headline,
    a date line, or opens with a date). It is not part of the value either, and ``replace``
    hands the same dict to the new document, so it lives as long as the page and no longer:
    a new page starts with an empty one, and pickling drops it. It cannot go stale: it is
    keyed by (fact name, line text), the facts are pure functions of the text and the rules,
    and :func:`clean.families.items.page.facts` holds the rule set they were computed for and
    starts over under another.

    ``articles`` holds the source line numbers (first, last) of each article the main-content
    pass found on a whole page (:mod:`clean.families.content.main_content`); ``split_items`` makes each one item.
    """

    source: SourceInfo
    lines: tuple[Line, ...]
    removals: tuple[Removal, ...] = ()
    edits: tuple[Edit, ...] = ()
    site: str | None = None
    segments: tuple[Segment, ...] = ()
    articles: tuple[tuple[int, int], ...] = ()
    items: tuple = ()
    errors: tuple[str, ...] = ()
    cached_view: PageView | None = field(default=None, compare=False, repr=False)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", encoding: str = "utf-8", url: str | None = None,
                  crawl_date: str | None = None) -> Document:
        """Build a document from already-decoded text (lines split on any line end)."""
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(SourceInfo(path, sha, encoding, url, crawl_date), split_lines(text))

    def replace(self, **changes) -> Document:
        """A copy with ``changes`` applied (documents are immutable).

        The same as :func:`dataclasses.replace`, written out because stages call it for every rule that fires.
        """
        view = None if "lines" in changes else self.cached_view  # made of the lines alone: same lines, same view
        if not changes.keys() <= _FIELD_AT.keys():
            raise TypeError(f"Document has no field(s) {sorted(changes.keys() - _FIELD_AT.keys())}")
        values = list(_document_values(self))  # every field in one C-level call
        for name, value in changes.items():
            values[_FIELD_AT[name]] = value
        return Document(*values, view, self.memo)

    def __getstate__(self) -> list:
        """The fields for pickling, the memo left out (a cache of this process; it may hold the rule set)."""
        return [getattr(self, name) for name in _DOCUMENT_FIELDS] + [self.cached_view]

    def __setstate__(self, state: list) -> None:
        for name, value in zip(_DOCUMENT_FIELDS + ("cached_view",), state):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "memo", {})

    def kept_indices(self) -> list[int]:
        """Indices of the lines that still carry content."""
        return list(self.view().index)

    def view(self) -> PageView:
        """The kept lines as one string (see :class:`PageView`), built on first use."""
        view = self.cached_view
        if view is None:
            lines = self.lines
            index = tuple([i for i, line in enumerate(lines) if line.removed is None and line.role != "blank"])
            texts = [lines[i].text for i in index]
            offsets, pos = [], 0
            for text in texts:
                offsets.append(pos)
                pos += len(text) + 1
            view = PageView(index, "\n".join(texts), tuple(offsets))
            object.__setattr__(self, "cached_view", view)
        return view


_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("cached_view", "memo"))
_FIELD_AT = {name: n for n, name in enumerate(_DOCUMENT_FIELDS)}
_document_values = attrgetter(*_DOCUMENT_FIELDS)


def split_lines(text: str) -> tuple[Line, ...]:
    """Split decoded text into numbered lines; CRLF and lone CR count as one line end."""
    parts = LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if parts and parts[-1] == "" and len(parts) > 1:
        parts.pop()  # a final line end does not open an empty last line
    # blank: empty or only whitespace, as ``not part.strip()`` says, without making the stripped copy
    return tuple([Line(n, n, part, "blank" if not part or part.isspace() else "text")
                  for n, part in enumerate(parts, 1)])
