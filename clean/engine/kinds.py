"""The rule kinds, implemented once: ``drop``, ``strip``, ``replace``, ``join``, ``template``.

Each takes a document and one rule and returns a new document with the rule's
effect and its audit (a :class:`~clean.model.document.Removal` or
:class:`~clean.model.document.Edit` per change). Patterns are matched *per line*
(``^``/``$`` are line ends), but found in one pass over the page: the kept
lines are joined with newlines, the compiled pattern runs once over that text,
and only the lines it touched are looked at in Python (a rule with ``opens_with``: the lines
opening as it says, :mod:`clean.engine.opening_gate`). An untouched page costs one C-level scan.

- ``drop``: a kept line where the pattern matches is removed whole.
- ``strip``: the matched span is cut out of the line; a line left empty is removed.
- ``replace``: each match is replaced by ``replacement`` (a regex template).
- ``join``: where the pattern matches across a line end, the two lines become one, the match
  replaced by ``replacement`` (never onto a line that carries a stamp: a date line was between them).
- ``template``: on the pages of the rule's ``site``, a kept line equal to one of
  its ``lines`` is removed whole (:mod:`clean.engine.templates`; written by ``clean learn``).

>>> from clean.catalog import shipped_rules
>>> from clean.model.document import Document
>>> rules = shipped_rules()
>>> doc = apply_kind(Document.from_text("Text.\\n-----\\nMore."), rules.get("noise.separator"), rules)
>>> [line.removed for line in doc.lines]
[None, 'noise.separator', None]
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter
from time import perf_counter

import regex

from clean.engine import budget
from clean.engine.char_replace import char_replacer
from clean.model.document import Document, Edit, Removal
from clean.engine.quoted import drop_lines
from clean.engine.line_scan import spans
from clean.engine.opening_gate import opening_lines
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.join_kind import join_lines
from clean.engine.templates import drop_template_lines

_by_line = attrgetter("line")  # a record's source line, the audit's order (C-level, for sorting)


def apply_stage_rules(doc: Document, rules: RuleSet, stage: str) -> Document:
    """Run every rule of ``stage`` over ``doc`` in load order, data kinds and python alike.

    A rule whose pattern runs out of its time on this page (see
    :mod:`clean.engine.budget`) is skipped for this page only, with an error
    naming the rule; the other rules still run. One that has done so on
    :data:`~clean.engine.budget.SWITCH_OFF_AFTER` pages is switched off for the
    rest of the run. A page past its own budget keeps what was done to it and
    skips the rules left, with one error.
    """
    clock = budget.current()  # one per page and thread: looked up once per stage, not per rule
    deadline = None if clock is None else clock.started + budget.PAGE_BUDGET  # clock.page_left() <= 0 from then on
    off = budget.switched_off_counts(rules.cache)  # None until a rule runs out of time: then each rule is looked up
    for rule, apply in rules.derived(("plan", stage), lambda rs: _plan(rs, stage)):
        if off is not None and budget.switched_off(rules.cache, rule.id):
            continue
        if deadline is not None and perf_counter() >= deadline:
            if not clock.reported:
                clock.reported = True
                problem = (f"{doc.source.path}: the page ran out of time ({budget.PAGE_BUDGET:g}s of rule patterns)"
                           f" at rule {rule.id!r}; it is kept as cleaned so far, the rules after it were skipped")
                doc = doc.replace(errors=(*doc.errors, problem))
            return doc
        try:
            doc = apply(doc, rule, rules)
        except budget.GrowthError as exc:
            problem = f"{doc.source.path}: rule {rule.id!r} ({rule.file}) {exc}; skipped on this page"
            doc = doc.replace(errors=(*doc.errors, problem))
        except TimeoutError:
            problem = (f"{doc.source.path}: rule {rule.id!r} ({rule.file}) ran out of time"
                       f" ({budget.PATTERN_TIMEOUT:g}s) on this page and was skipped for it; check its pattern")
            if budget.timed_out(rules.cache, rule.id):
                problem += (f"; it ran out of time on {budget.SWITCH_OFF_AFTER} pages, so it is switched off for"
                            " the rest of the run")
            off = budget.switched_off_counts(rules.cache)  # the counts exist now
            doc = doc.replace(errors=(*doc.errors, problem))
    return doc


def _plan(rules: RuleSet, stage: str) -> tuple:
    """The rules of ``stage`` with the function that applies each, looked up once per rule set (a ``replace`` of
    single characters: :func:`~clean.engine.char_replace.char_replacer`, the same result by ``str.replace``)."""
    from clean.engine.registry import lookup

    return tuple((rule, lookup(rule.id) if rule.kind == "python" else char_replacer(rule, rules) or apply_kind)
                 for rule in rules.for_stage(stage))


def apply_kind(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Apply a data rule (any kind but python) to ``doc``."""
    if rule.kind == "template":
        return drop_template_lines(doc, rule, rules)
    pattern = rules.patterns[rule.id]
    if rule.kind == "join":
        return join_lines(doc, rule, pattern)
    if rule.opens_with:  # line-anchored: a line it takes matches at its start (a search tries every character)
        hits = [i for i in opening_lines(rule, rules, doc.view()) if pattern.match(doc.lines[i].text)]
    else:
        hits = touched_lines(doc, pattern)
    if not hits:
        return doc
    if rule.kind == "drop":
        return _drop(doc, rule, pattern, hits, checked=bool(rule.opens_with))
    return _rewrite(doc, rule, pattern, hits)


def touched_lines(doc: Document, pattern, gate=None) -> list[int]:
    """Indices of kept lines where ``pattern`` may match (a superset: the kinds check each line again),
    found in one pass over :meth:`Document.view`.

    A page the pattern's literal prefilter (``gate``, by default ``pattern.gate``;
    see :mod:`clean.engine.prefilter`) rules out is not scanned at all.
    """
    view = doc.view()
    gate = gate or getattr(pattern, "gate", None)
    if not view.index or (gate is not None and not gate.admits(view.text)):
        return []
    index, offsets = view.index, view.offsets
    if gate is not None and gate.exact:
        return sorted({index[bisect_right(offsets, at) - 1] for at in gate.positions(view.text)})
    hits: list[int] = []
    for start, end in spans(pattern, view.text, offsets):
        first = bisect_right(offsets, start) - 1
        last = bisect_right(offsets, max(end - 1, start)) - 1
        for k in range(first, last + 1):
            if not hits or hits[-1] != index[k]:
                hits.append(index[k])
    return hits


def _drop(doc: Document, rule: Rule, pattern, hits: list[int], checked: bool = False) -> Document:
    """Remove the hit lines the pattern matches (``checked``: each hit does); the page itself when none does."""
    return drop_lines(doc, rule, hits if checked else [i for i in hits if pattern.search(doc.lines[i].text)])


def _rewrite(doc: Document, rule: Rule, pattern, hits: list[int]) -> Document:
    """``strip`` and ``replace``: change the matched spans inside lines (the page itself when none changes)."""
    lines = list(doc.lines)
    removals, edits = list(doc.removals), list(doc.edits)
    replacement = rule.replacement if rule.kind == "strip" else _bounded(doc, rule)
    changed = False
    for i in hits:
        line = lines[i]
        if rule.kind == "strip":
            matches = list(pattern.finditer(line.text))
            if not matches:
                continue
            new, cut = _cut(line.text, [m.span() for m in matches if m.end() > m.start()])
            removals.extend(Removal(rule.id, line.start, text) for text in cut)
            lines[i] = line.replace(text=new) if new else line.replace(removed=rule.id)
        else:
            new = pattern.sub(replacement, line.text)
            if new == line.text:
                continue
            edits.append(Edit.between(rule.id, line.start, line.text, new))
            lines[i] = line.replace(text=new, role=line.role if new.strip() else "blank")
        changed = True
    if not changed:
        return doc
    return doc.replace(
        lines=tuple(lines), removals=tuple(sorted(removals, key=_by_line)),
        edits=tuple(sorted(edits, key=_by_line)),
    )


def _cut(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """``text`` without the ``spans`` (non-empty, in order, apart), stripped, and the texts cut. A span
    between two spaces takes the one after it along (recorded in its text), so the words around it keep
    one space: ``the plan <br> works`` becomes ``the plan works``, not ``the plan  works``.

    >>> _cut("the plan <br> works", [(9, 13)])
    ('the plan works', ['<br> '])
    """
    pieces, cut, pos = [], [], 0
    for k, (start, end) in enumerate(spans):
        following = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if start and text[start - 1] == " " and text[end : end + 1] == " " and end < following:
            end += 1
        pieces.append(text[pos:start])
        cut.append(text[start:end])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces).strip(), cut


def _bounded(doc: Document, rule: Rule):
    """The replacement of a ``replace`` rule, as given when it cannot grow the page much (a literal of at most one
    character, as every shipped one), else a function that stops (:class:`~clean.engine.budget.GrowthError`) once
    the page would outgrow :func:`~clean.engine.budget.growth_limit`, before the text is built."""
    template = rule.replacement
    if len(template) <= 1 and "\\" not in template:
        return template
    now = len(doc.view().text)
    limit = budget.growth_limit(budget.page_size(now))
    room = limit - now

    def expand(match) -> str:
        nonlocal room
        try:
            out = match.expand(template)
        except IndexError as exc:  # as ``sub`` says it for a template that names a group the pattern lacks
            raise regex.error(f"invalid group reference in the replacement ({exc})") from None
        room -= len(out) - (match.end() - match.start())
        if room < 0:
            raise budget.GrowthError(f"would make the page grow past {limit} characters ({budget.GROWTH_FACTOR} x"
                                     f" its size + {budget.GROWTH_SLACK})")
        return out

    return expand
