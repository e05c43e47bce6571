"""Rule examples: run one rule in context and render what it did.

An example's ``before`` is page text. It runs through every stage before the
rule's own with all the rules given, then through the rule's own stage with the
rules loaded before it and itself (for ``split_items``, whose signals are rungs
of one ladder, with the whole ladder), and is rendered as text:

- kept lines, one per line (blank lines kept); a page-title line starts ``# ``,
  a line with a split stamp starts ``[YYYY-MM-DD] ``;
- after ``split_items``, items are separated by an empty line;
- after ``extract_metadata``, each item is ``# title``, ``@ date``, its text
  and one ``! flag`` line per flag.

>>> from clean.catalog import shipped_rules
>>> from clean.pipeline import STAGES
>>> rules = shipped_rules()
>>> run_example(rules, rules.get("noise.separator"), "a\\n----\\nb", STAGES)
'a\\nb'
"""

from __future__ import annotations

from pathlib import Path

from clean.model.document import Document, Line
from clean.model.errors import RuleError
from clean.catalog.example_check import ExampleChecker
from clean.engine.ruleset import Rule, RuleSet

# The boundary signals are rungs of one ladder: an example shows the whole ladder at work
# on a case that turns on its rung (a rung that keeps a quote attached cannot fire alone).
WHOLE_STAGE = ("split_items",)


def run_example(rules: RuleSet, rule: Rule, before: str, stages: tuple, crawl_date: str | None = None,
                source: str = "example.txt") -> str:
    """The rendering of ``before`` after the ``stages`` up to ``rule``'s, that stage with ``rule`` alone.

    ``stages`` is the pipeline's tuple of stage functions (:data:`clean.pipeline.STAGES`), given by the
    caller so that the catalog never imports the pipeline that loads it. ``source`` is the page's path,
    or its URL (then also the path, as :meth:`Pipeline.clean_text` records it).
    """
    return render(example_document(rules, rule, before, stages, crawl_date, source))


def example_document(rules: RuleSet, rule: Rule, before: str, stages: tuple, crawl_date: str | None = None,
                     source: str = "example.txt") -> Document:
    """The document :func:`run_example` renders (its ``errors`` say what a rule could not do)."""
    names = [stage.__name__ for stage in stages]
    position = names.index(rule.stage)
    doc = Document.from_text(before, path=source, url=source if "://" in source else None, crawl_date=crawl_date)
    for stage in stages[:position]:
        doc = stage(doc, rules)
    own = rules if rule.stage in WHOLE_STAGE else rules.only(_up_to(rules, rule))
    return stages[position](doc, own)


def check_examples(rules: RuleSet, folders: list[Path], stages: tuple) -> None:
    """Refuse (:class:`RuleError`) a rule from ``folders`` whose own examples do not hold.

    Run at load time for a user's rule folders and installed packs (the shipped
    rules are checked by the test suite); examples are a few short lines, and
    each runs against only the earlier rules that could act on it
    (:mod:`clean.catalog.example_check`), so this stays linear in the rules.
    """
    roots = [Path(f).resolve() for f in folders]
    mine: dict[str, bool] = {}  # rule file -> under one of the folders (resolved once per file)
    checker = None
    for rule in rules.rules:
        if rule.file not in mine:
            mine[rule.file] = any(Path(rule.file).resolve().is_relative_to(root) for root in roots)
        if mine[rule.file]:
            checker = checker or _warm(ExampleChecker(rules, stages, WHOLE_STAGE))
            for n, example in enumerate(rule.examples, 1):
                _check_example(rules, rule, n, example, stages, checker)


def _warm(checker: ExampleChecker) -> ExampleChecker:
    """Fill the full rule set's caches of table vocabularies once (the candidate sets share them)."""
    doc = Document.from_text("Заголовок\n\n14 августа 2023 года. Текст.", path="example.txt")
    try:
        for stage in checker.stages:
            doc = stage(doc, checker.rules)
    except Exception:  # rules without the shipped tables: nothing to warm; the examples will say what fails
        pass
    return checker


def check_tables(rules: RuleSet, folders: list[Path], stages: tuple) -> None:
    """Refuse (:class:`RuleError`) tables in ``folders`` that make the pipeline fail.

    A table replaces a shipped one whole, and the rules that read it trust its
    content (a month number that is not a number broke every page): every
    example page of every rule runs through all the stages with it, and must
    not raise. (Their outputs may differ: that is what a new table is for.)
    """
    files = [p for folder in folders for p in sorted(Path(folder).rglob("tables/*.toml"))]
    if not files:
        return
    for rule in rules.rules:
        for example in rule.examples:
            doc = Document.from_text(example.before, path="example.txt")
            try:
                for stage in stages:
                    doc = stage(doc, rules)
            except Exception as exc:
                names = ", ".join(str(p) for p in files)
                raise RuleError(names, f"the pipeline fails with this table on an example of {rule.id}: "
                                       f"{type(exc).__name__}: {exc}") from None


def replaced_tables(folders: list[Path]) -> list[tuple[str, Path]]:
    """The tables of ``folders`` (a user's, a pack's) as ``(name, file)``: each replaces the shipped table."""
    return [(p.stem, p) for folder in folders for p in sorted(Path(folder).rglob("tables/*.toml"))]


def _check_example(rules: RuleSet, rule: Rule, n: int, example, stages: tuple, checker=None) -> None:
    try:
        quick = checker is not None and example.source == "example.txt"  # the checker reads pages as example.txt
        got, fast = checker.run(rule, example.before, render) if quick else (None, False)
        if not fast or got != example.after:  # the full way decides every doubt
            got = run_example(rules, rule, example.before, stages, example.crawl_date, example.source)
    except Exception as exc:  # a user's rule must fail with its name, not a traceback
        raise RuleError(rule.file, f"example {n} fails: {type(exc).__name__}: {exc}", rule.id) from None
    if got != example.after:
        doc = example_document(rules, rule, example.before, stages, example.crawl_date, example.source)
        why = "".join(f"; {error}" for error in doc.errors if rule.id in error)  # a time or growth bound hit
        raise RuleError(rule.file, f"example {n} fails: expected {_short(example.after)}, got {_short(got)}{why}",
                        rule.id)


def _short(text: str, limit: int = 200) -> str:
    """``repr(text)``, its middle cut when it is longer than ``limit`` characters (a message, not a dump)."""
    shown = repr(text)
    return shown if len(shown) <= limit else f"{shown[: limit // 2]}…({len(text)} characters)…{shown[-limit // 2:]}"


def _up_to(rules: RuleSet, rule: Rule) -> set[str]:
    """Ids of the rules of ``rule``'s stage loaded before it, and its own."""
    ids = [r.id for r in rules.for_stage(rule.stage)]
    return set(ids[: ids.index(rule.id) + 1])


def render(doc: Document) -> str:
    """The text view of a document that rule examples are written in."""
    if doc.items:
        return "\n\n".join(_render_item(item) for item in doc.items)
    if doc.segments:
        return "\n\n".join(
            "\n".join(_line(line) for line in doc.lines[s.first : s.last + 1] if line.kept) for s in doc.segments
        )
    return "\n".join(_line(line) for line in doc.lines if line.removed is None)


def _line(line: Line) -> str:
    prefix = "# " if line.role == "title" else ""
    if line.stamp is not None:
        prefix += f"[{line.stamp.date}] "
    return prefix + line.text


def _render_item(item) -> str:
    parts = [f"# {item.title}"] if item.title else []
    parts += [f"@ {item.date}"] if item.date else []
    parts += [item.text] if item.text or not parts else []  # a headline alone has no text line
    parts += [f"! {flag}" for flag in item.flags]
    return "\n".join(parts)
