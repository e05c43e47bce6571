"""The ``join`` kind: two lines become one where the rule's pattern matches across the line end between them.

The match is replaced by the rule's ``replacement``; blank lines never join (an empty line between two lines
keeps them apart), nor does a line onto one that carries a stamp (a date line was between them). Each join is an
:class:`~clean.model.document.Edit` from the junction only, and the joined line spans both source lines.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = join_lines(Document.from_text("Президент заявил\\nо поддержке."), rules.get("lines.broken-line"),
...                  rules.patterns["lines.broken-line"])
>>> [(line.start, line.end, line.text) for line in doc.lines]
[(1, 2, 'Президент заявил о поддержке.')]
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from clean.engine import budget
from clean.engine.ruleset import Rule
from clean.model.document import Document, Edit

_by_line = attrgetter("line")


def join_lines(doc: Document, rule: Rule, pattern) -> Document:
    """Join lines where the pattern matches across a line end (blank lines never join)."""
    index, texts, joined = _join_view(doc)
    if len(index) < 2:
        return doc
    first = pattern.search(joined)
    if first is None:
        return doc  # most pages: one scan, and no offsets built in Python
    offsets, pos = [], 0
    for text in texts:
        offsets.append(pos)
        pos += len(text) + 1
    merges: dict[int, tuple[int, int, int]] = {}  # position k in index -> (match start, end, k+1)
    for match in pattern.finditer(joined, first.start()):
        newline = joined.find("\n", match.start(), match.end())
        if newline < 0 or joined.find("\n", newline + 1, match.end()) >= 0:
            continue
        k = bisect_right(offsets, newline) - 1
        # a line that carries a stamp followed a date line: a new line, never the rest of a sentence
        if texts[k].strip() and texts[k + 1].strip() and doc.lines[index[k + 1]].stamp is None:
            merges[k] = (match.start(), match.end(), k + 1)
    if not merges:
        return doc
    limit = budget.growth_limit(budget.page_size(len(joined)))
    if len(joined) + len(merges) * len(rule.replacement) > limit:
        raise budget.GrowthError(f"would make the page grow past {limit} characters")
    return _merge(doc, rule, index, texts, offsets, merges)


def _join_view(doc: Document) -> tuple[list[int], list[str], str]:
    """The lines a join sees (not removed; a blank one keeps two apart), their texts, and those joined, kept in
    the page's memo for the same lines: the join rules of a stage that change nothing build it once."""
    seen = doc.memo.get("kinds.join-view")
    if seen is None or seen[0] is not doc.lines:
        index = [i for i, line in enumerate(doc.lines) if line.removed is None]
        texts = [doc.lines[i].text for i in index]
        seen = doc.memo["kinds.join-view"] = (doc.lines, index, texts, "\n".join(texts))
    return seen[1], seen[2], seen[3]


def _merge(doc, rule, index, texts, offsets, merges) -> Document:
    lines = list(doc.lines)
    edits = list(doc.edits)
    drop: set[int] = set()
    k = 0
    while k < len(index):
        if k not in merges:
            k += 1
            continue
        first = k
        head = lines[index[k]]
        parts, end = [head.text], head.end  # joined lazily: a chain of n joins stays linear, not O(n^2)
        while k in merges:
            start, stop, nxt = merges[k]
            tail = lines[index[nxt]]
            cut = offsets[k] + len(texts[k]) - start  # characters of line k inside the match
            kept, rest = parts[-1][: len(parts[-1]) - cut], tail.text[stop - offsets[nxt] :]
            # the edit from the junction only: the text before it is common to before and after
            edits.append(Edit.between(rule.id, tail.start, parts[-1][len(kept) :] + "\n" + tail.text,
                                      rule.replacement + rest))
            parts[-1:] = [kept, rule.replacement, rest]
            end = tail.end
            drop.add(index[nxt])
            k = nxt
        lines[index[first]] = head.replace(text="".join(parts), end=end)
        k += 1
    out = tuple(line for i, line in enumerate(lines) if i not in drop)
    return doc.replace(lines=out, edits=tuple(sorted(edits, key=_by_line)))
