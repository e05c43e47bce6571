"""Rules as data: the TOML format, its validation, and the loaded :class:`RuleSet`.

A rule file is TOML with a ``stage`` key and a list of ``[[rules]]``::

    stage = "strip_noise"

    [[rules]]
    id = "noise.separator"
    summary = "Separator lines made of repeated punctuation."
    why = "Listing templates print rules between items; they carry no text."
    kind = "drop"
    pattern = '^\\s*(?:[_=*~-]\\s*){3,}$'

    [[rules.examples]]
    before = "Text.\\n_____\\nMore."
    after = "Text.\\nMore."

Files under ``rules/tables/`` are not rules but data the Python rules read
(month names, keyword lists); each is available as ``ruleset.table(name)``.
Loading folders of such files is :mod:`clean.catalog.loader`'s work.

>>> rule = Rule(id="noise.dash-line", summary="s", why="w", kind="drop", stage="strip_noise", pattern="^-+$",
...             examples=[{"before": "-\\nA", "after": "A"}, {"before": "A", "after": "A"}])
>>> RuleSet((rule,)).get("noise.dash-line").kind
'drop'
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from clean.engine.budget import PATTERN_TIMEOUT  # noqa: F401  (part of this API)
from clean.engine.line_scan import line_anchored
from clean.engine.patterns import LinearPattern, TimedPattern  # noqa: F401  (part of this API)
from clean.model.errors import RuleError, UsageError
from clean.model.view import fold_case

STAGES = ("repair_unicode", "strip_noise", "split_dates", "repair_lines", "split_items", "extract_metadata")
ID_PATTERN = r"\A[a-z][a-z0-9]*\.[a-z0-9]+(?:-[a-z0-9]+)*\Z"  # \A..\Z: "$" would let a final newline in
CLOSE_NAMES = 3  # closest ids or families offered for an unknown one


class Example(BaseModel):
    """An input and the expected rendering after the rule ran (see :func:`clean.catalog.examples.render`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    before: str
    after: str
    source: str = "example.txt"  # the page's path or URL: a site-template rule fires only on its site's pages
    crawl_date: str | None = None  # the input record's crawl date, for the rules that read it

    @property
    def fires(self) -> bool:
        """True when the rule is expected to change the input."""
        return self.before != self.after


class Rule(BaseModel):
    """One rule: metadata, kind, pattern and examples."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    summary: str
    why: str
    kind: Literal["drop", "strip", "replace", "join", "python", "template"]
    stage: Literal["repair_unicode", "strip_noise", "split_dates", "repair_lines", "split_items", "extract_metadata"]
    pattern: str | None = None
    replacement: str | None = None
    site: str | None = None  # kind template: the host (or folder) whose pages the lines are removed from
    lines: tuple[str, ...] = ()  # kind template: the exact lines of the site's template
    opens_with: tuple[str, ...] = ()  # drop, strip, replace: how the lines it takes open (clean/engine/opening_gate.py)
    keeps_quoted: bool = False  # drop, python: a line a sentence introduces with a colon stays (clean.engine.quoted)
    examples: tuple[Example, ...]
    file: str = ""

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not regex.match(ID_PATTERN, value):
            raise ValueError("id must look like 'family.kebab-name' (lowercase, e.g. noise.php-notice)")
        return value

    @property
    def family(self) -> str:
        """The part of the id before the dot: ``noise`` in ``noise.php-notice``."""
        return self.id.split(".", 1)[0]

    @model_validator(mode="after")
    def _complete(self) -> Rule:
        if self.kind == "template" and not (self.site and self.lines):
            raise ValueError("kind 'template' needs a site and its lines")
        if self.kind not in ("python", "template") and not self.pattern:
            raise ValueError(f"kind {self.kind!r} needs a pattern")
        if self.kind in ("replace", "join") and self.replacement is None:
            raise ValueError(f"kind {self.kind!r} needs a replacement")
        if self.opens_with and self.kind not in ("drop", "strip", "replace"):
            raise ValueError(f"opens_with is for the kinds drop, strip and replace, not {self.kind!r}")
        if self.keeps_quoted and self.kind not in ("drop", "python"):
            raise ValueError(f"keeps_quoted is for the kinds drop and python (whole lines), not {self.kind!r}")
        if unfolded := [w for w in self.opens_with if not _opening_entry(w)]:
            raise ValueError(f"opens_with takes words in lower case, 'ё' written 'е' (as a line's first word folds),"
                             f" a word and '*' (a first word that starts so), \"\" (no letter) or '*' (any), each maybe after a"
                             f" character that is not a letter, found before the first letter ('©*'; '0': a digit): not"
                             f" {unfolded}")
        if not any(e.fires for e in self.examples):
            raise ValueError("needs at least one example that fires (after differs from before)")
        if all(e.fires for e in self.examples):
            raise ValueError("needs at least one near-miss example (after equal to before)")
        if not self.summary.strip() or not self.why.strip():
            raise ValueError("summary and why must not be empty")
        return self


def _opening_entry(entry: str) -> bool:
    """An entry of ``opens_with`` (see :mod:`clean.engine.opening_gate`): a lead character, then a word."""
    if entry and not entry[0].isalpha() and entry[0] != "*":
        if entry[0].isspace():
            return False
        entry = entry[1:]
    word = entry[:-1] if entry.endswith("*") else entry
    return entry in ("", "*") or (word.isalpha() and word == fold_case(word))


@dataclass(frozen=True)
class RuleSet:
    """The rules of a run, in order, with their patterns compiled once, and the data tables.

    Immutable and picklable: the same object can be sent to worker processes.

    ``linear`` holds the ids of rules whose patterns are proven to take time
    linear in the line (the shipped rules, by tests/test_linear_patterns.py):
    they run as plain compiled patterns (:class:`LinearPattern`), without the
    per-call time limit and its bookkeeping. Every other pattern (a user's
    folder, a pack) runs as a :class:`TimedPattern`. The page's budget holds
    for both (:func:`clean.engine.kinds.apply_stage_rules` checks it between rules).
    """

    rules: tuple[Rule, ...]
    tables: dict = field(default_factory=dict)
    patterns: dict = field(default_factory=dict, repr=False)
    cache: dict = field(default_factory=dict, repr=False, compare=False)
    linear: frozenset = field(default_factory=frozenset, repr=False)

    def __post_init__(self) -> None:
        for rule in self.rules:
            if rule.pattern and rule.id not in self.patterns:
                self.patterns[rule.id] = compile_pattern(rule, timed=rule.id not in self.linear)
            if rule.opens_with and not line_anchored(self.patterns[rule.id]):
                raise RuleError(rule.file, "opens_with needs a pattern whose every alternative starts a line (^):"
                                " the rule is tried at the start of the lines that open with its words", rule.id)

    def for_stage(self, stage: str) -> tuple[Rule, ...]:
        """The rules of one stage, in load order."""
        return tuple(r for r in self.rules if r.stage == stage)

    def get(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError if absent)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def enabled(self, rule_id: str) -> bool:
        """True when a rule with this id is in the set (the ids kept as a set once per rule set: asked per page)."""
        return rule_id in self.derived("ruleset.ids", lambda rs: frozenset(r.id for r in rs.rules))

    def derived(self, name, build):
        """``build(self)``, computed once per rule set under the hashable key ``name`` (compiled vocabularies
        of the python rules, each stage's plan)."""
        value = self.cache.get(name, _UNBUILT)  # one lookup: the stages ask this for every page
        if value is _UNBUILT:
            value = self.cache[name] = build(self)
        return value

    def table(self, name: str) -> dict:
        """A data table from ``rules/tables/NAME.toml``."""
        return self.tables[name]

    def only(self, rule_ids: set[str]) -> RuleSet:
        """A copy holding only the given rules (tables kept)."""
        return RuleSet(tuple(r for r in self.rules if r.id in rule_ids), self.tables, self.patterns, linear=self.linear)

    def without(self, prefixes: set[str]) -> RuleSet:
        """A copy without the rules whose id or family is in ``prefixes``; an unknown name is a
        :class:`~clean.model.errors.UsageError` offering the closest ones."""
        if problem := unknown_names(self, prefixes):
            raise UsageError(problem)
        keep = tuple(r for r in self.rules if r.id not in prefixes and r.family not in prefixes)
        return RuleSet(keep, self.tables, self.patterns, linear=self.linear)

    def digest(self) -> str:
        """sha256 over the rules and tables, to tell which rules made an output."""
        payload = json.dumps(
            [[r.model_dump(exclude={"file"}) for r in self.rules], self.tables],
            ensure_ascii=False, sort_keys=True, default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()


_UNBUILT = object()  # not in a rule set's cache yet


def compile_pattern(rule: Rule, timed: bool = True) -> TimedPattern | LinearPattern:
    """Compile a rule's pattern: multiline, Unicode, version 1 semantics off (as Python's re); ``timed=False``
    only for a pattern proven linear (see :class:`RuleSet`)."""
    try:
        return (TimedPattern if timed else LinearPattern)(regex.compile(rule.pattern, regex.MULTILINE), rule.id)
    except regex.error as exc:
        raise RuleError(rule.file, f"pattern does not compile: {exc}", rule.id) from None


def unknown_names(ruleset: RuleSet, names) -> str | None:
    """The message for the names in ``names`` that are neither a rule id nor a family, with the closest.

    >>> from types import SimpleNamespace as Rule
    >>> rules = Rule(rules=[Rule(id="chrome.menu", family="chrome"), Rule(id="noise.php-notice", family="noise")])
    >>> print(unknown_names(rules, {"noise", "chrom"}))
    cannot disable 'chrom': no rule or family of that name; did you mean chrome, chrome.menu?
    """
    known = sorted({r.id for r in ruleset.rules} | {r.family for r in ruleset.rules})
    wrong = sorted(set(names) - set(known))
    if not wrong:
        return None
    parts = []
    for name in wrong:
        close = difflib.get_close_matches(name, known, CLOSE_NAMES)
        hint = f"did you mean {', '.join(close)}?" if close else "'clean rules' lists them"
        parts.append(f"cannot disable {name!r}: no rule or family of that name; {hint}")
    return "\n".join(parts)
