"""The pipeline: read and decode, then six stages, then write.

Reading this tuple is reading the design. Each stage is a pure function
``(Document, RuleSet) -> Document``; the pipeline is their composition, with
no global state, so a :class:`Pipeline` can be pickled to worker processes or
a distributed engine and gives the same output everywhere. Where it runs is
the executor's business (:mod:`clean.executor`), never the stages'.

>>> items = Pipeline().clean_text("Новость дня\\n\\n14 августа 2023 года прошла встреча.")
>>> items[0].title, items[0].date
('Новость дня', '2023-08-14')
"""

from __future__ import annotations

from pathlib import Path

from clean.document import Document
from clean.records import Item
from clean.ruleset import RuleSet, load_rules, shipped_rules_dir
from clean.stages import (
    extract_metadata, read_and_decode, repair_lines, repair_unicode, split_dates, split_items, strip_noise,
)

STAGES = (repair_unicode, strip_noise, split_dates, repair_lines, split_items, extract_metadata)


def clean_document(doc: Document, rules: RuleSet, stages=STAGES) -> Document:
    """Run ``stages`` over ``doc`` in order."""
    for stage in stages:
        doc = stage(doc, rules)
    return doc


class Pipeline:
    """The stages bound to a rule set: shipped rules, a user's folders, or both."""

    def __init__(self, rules: RuleSet | None = None, rule_dirs: list[Path] = (), shipped: bool = True,
                 disable: set[str] = frozenset()):
        if rules is None:
            folders = ([shipped_rules_dir()] if shipped else []) + [Path(d) for d in rule_dirs]
            rules = load_rules(folders)
            if rule_dirs:
                from clean.examples import check_examples

                check_examples(rules, list(rule_dirs))
        self.rules = rules.without(set(disable)) if disable else rules

    def clean_document(self, doc: Document) -> Document:
        """The document after every stage."""
        return clean_document(doc, self.rules)

    def clean_bytes(self, raw: bytes, path: str, url: str | None = None) -> Document:
        """Decode and clean one page's bytes."""
        return self.clean_document(read_and_decode(raw, path, url))

    def clean_text(self, text: str, source: str = "<text>") -> list[Item]:
        """The items of one page given as text; ``source`` is its path or URL."""
        url = source if "://" in source else None
        return list(self.clean_document(Document.from_text(text, path=source, url=url)).items)

    def clean_file(self, path: str | Path) -> list[Item]:
        """The items of one file."""
        return list(self.clean_bytes(Path(path).read_bytes(), str(path)).items)
