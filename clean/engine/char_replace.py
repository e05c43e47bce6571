"""The ``replace`` kind for a rule whose pattern matches single characters only, done with ``str.replace``.

``repair.odd-space`` (no-break and thin spaces made plain) fires on half the
pages and ``repair.invisible-char`` deletes soft hyphens: each pattern is a
class of single characters, its replacement one literal character or none. For
such a rule (:func:`char_replacer`) the general path (a regex ``sub`` per hit
line, :meth:`~clean.model.document.Edit.between`'s bisection for the edit) is
replaced by C-level string calls, with the same result, because:

- the rule's literal prefilter is *exact* (:mod:`clean.engine.prefilter`): the
  pattern matches exactly its needles, here each one character (checked again
  with the pattern itself when the replacer is made), never a line end. So
  ``pattern.sub(r, line)`` is the line with each of those characters replaced
  by ``r``: a match is one character, matches cannot overlap, and a literal
  replacement without ``\\`` is inserted as it is.
- the replacement is not one of the characters, so the edit's common prefix ends at the first replaced
  character and its common suffix at the last: before it the texts agree; at it, the old text has a
  matched character and the new one the replacement (or, after a deletion, the next kept character),
  which is never a matched character. That is the edit ``Edit.between`` finds.
- the lines it looks at are the kept lines holding one of the characters, as ``touched_lines`` finds them.

With a one-character replacement every line keeps its length, so the new page view is the old one's text
with the same replacements, its lines at the same offsets: it is handed to the new document (unless a line
became blank and so left the view), instead of being built again by the next rule.

>>> from clean.catalog import shipped_rules
>>> from clean.model.document import Document
>>> rules = shipped_rules()
>>> rule = rules.get("repair.odd-space")
>>> doc = char_replacer(rule, rules)(Document.from_text("10\\u202f000 тенге,\\u00a0сказал"), rule, rules)
>>> doc.lines[0].text, doc.edits[0].before, doc.edits[0].after
('10 000 тенге, сказал', '\\u202f000 тенге,\\xa0', ' 000 тенге, ')
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from clean.model.document import Document, Edit, Line
from clean.model.view import PageView

_by_line = attrgetter("line")  # as clean.engine.kinds sorts the audit
WITHIN = "page.within"  # doc.memo: (view text, chars) when every character of that text is one of chars


def note_within(doc: Document, chars: frozenset) -> None:
    """Say that every character of ``doc``'s view text is one of ``chars`` (found by a scan a rule made anyway):
    a later character rule looks only for its characters among them. Kept in ``doc.memo`` with the text itself,
    so a document with another text does not take it for its own."""
    doc.memo[WITHIN] = (doc.view().text, chars)


def single_chars(rule, pattern) -> tuple[str, ...] | None:
    """The characters a ``replace`` rule's pattern matches, when the fast path is exact for it (see module
    docstring); else None."""
    gate = getattr(pattern, "gate", None)
    replacement = rule.replacement
    if rule.kind != "replace" or rule.opens_with or gate is None or not gate.exact or replacement is None:
        return None
    chars = tuple(sorted(gate.needles))
    if (not chars or len(replacement) > 1 or "\\" in replacement or replacement in chars
            or any(len(c) != 1 or c == "\n" for c in chars)):
        return None
    compiled = getattr(pattern, "compiled", pattern)
    if not all(compiled.fullmatch(c) for c in chars):  # the prefilter read the pattern as the engine does
        return None
    return chars


def char_replacer(rule, rules) -> CharReplace | None:
    """The applier doing ``rule`` the fast way, or None when the rule is not of this shape."""
    chars = single_chars(rule, rules.patterns.get(rule.id))
    return None if chars is None else CharReplace(chars, rule.replacement)


class CharReplace:
    """``apply(doc, rule, rules)`` for a rule of single characters (see module docstring): a class, not a closure,
    so that a rule set's cache, which holds the stage plans, still pickles."""

    __slots__ = ("chars", "replacement", "narrowed")

    def __init__(self, chars: tuple[str, ...], replacement: str):
        self.chars, self.replacement = chars, replacement
        self.narrowed: dict = {}  # a set of characters a page was noted within -> the rule's characters in it

    def __getstate__(self):
        return self.chars, self.replacement

    def __setstate__(self, state) -> None:
        self.chars, self.replacement = state
        self.narrowed = {}

    def __call__(self, doc: Document, rule, rules) -> Document:
        """Each of the rule's characters in the kept lines of ``doc`` replaced, an edit recorded per line."""
        view = doc.view()
        text = view.text
        known = doc.memo.get(WITHIN)
        within = known[1] if known is not None and known[0] is text else None  # every character of the text is in it
        chars = self.chars
        if within is not None:
            chars = self.narrowed.get(within)
            if chars is None:
                chars = self.narrowed[within] = tuple(c for c in self.chars if c in within)
        present = [c for c in chars if c in text]  # C-level: most pages hold none
        if not present:
            return doc
        out = _replaced(doc, rule.id, present, self.replacement)
        if out.cached_view is not None and within is not None and self.replacement in within:
            out.memo[WITHIN] = (out.cached_view.text, within)  # the same memo dict: what was absent still is
        return out


def _replaced(doc: Document, rule_id: str, present: list[str], replacement: str) -> Document:
    """``present`` (characters found in the view) replaced in the kept lines, with the view handed on when it can be."""
    view = doc.view()
    text, index, offsets = view.text, view.index, view.offsets
    lines, edits = list(doc.lines), list(doc.edits)
    blanked = False
    for k in _hit_lines(text, offsets, present):
        line = lines[index[k]]
        old = new = line.text
        first, last = len(old), -1
        for c in present:
            at = old.find(c)
            if at >= 0:
                first, last = min(first, at), max(last, old.rfind(c))
                new = new.replace(c, replacement)
        tail = len(old) - last - 1
        edits.append(Edit(rule_id, line.start, old[first : last + 1], new[first : len(new) - tail]))
        role = line.role if new.strip() else "blank"
        blanked = blanked or role == "blank"
        lines[index[k]] = Line(line.start, line.end, new, role, line.removed, line.stamp)
    out = doc.replace(lines=tuple(lines), removals=tuple(sorted(doc.removals, key=_by_line)),
                      edits=tuple(sorted(edits, key=_by_line)))
    if len(replacement) == 1 and not blanked:  # same lines in the view, same lengths: same offsets
        for c in present:
            text = text.replace(c, replacement)
        object.__setattr__(out, "cached_view", PageView(index, text, offsets))  # as Document.view() sets it
    return out


def _hit_lines(text: str, offsets, present: list[str]) -> list[int]:
    """The positions in the view (k) of the kept lines holding one of ``present``, in order; one ``find``
    per such line and character, not per occurrence."""
    ends = len(offsets)
    found: set[int] = set()
    for c in present:
        at = text.find(c)
        while at >= 0:
            k = bisect_right(offsets, at) - 1
            found.add(k)
            if k + 1 >= ends:
                break
            at = text.find(c, offsets[k + 1])
    return sorted(found)
