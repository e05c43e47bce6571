"""The pipeline: read and decode, then six stages, then write.

Reading this tuple is reading the design. Each stage is a pure function
``(Document, RuleSet) -> Document``; the pipeline is their composition, with
no global state, so a :class:`Pipeline` can be pickled to worker processes or
a distributed engine and gives the same output everywhere. Where it runs is
the executor's business (:mod:`clean.run.executor`), never the stages'.

>>> items = Pipeline().clean_text("Новость дня\\n\\n14 августа 2023 года прошла встреча.")
>>> items[0].title, items[0].date
('Новость дня', '2023-08-14')
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from clean.model.document import Document
from clean.catalog.packs import pack_folders
from clean.model.records import Item
from clean.engine.ruleset import RuleSet
from clean.catalog import load_rules, shipped_rules_dir
from clean.engine.budget import page_clock
from clean.io.arguments import must_be, page_text
from clean.io.decode import MAX_BYTES, read_and_decode
from clean.model.errors import InputError
from clean.stages import extract_metadata, repair_lines, repair_unicode, split_dates, split_items, strip_noise

STAGES = (repair_unicode, strip_noise, split_dates, repair_lines, split_items, extract_metadata)


def clean_document(doc: Document, rules: RuleSet, stages=STAGES) -> Document:
    """Run ``stages`` over ``doc`` in order, within the page's time budget (:mod:`clean.engine.budget`)."""
    with page_clock(len(doc.view().text)):
        for stage in stages:
            doc = stage(doc, rules)
    return doc


class Pipeline:
    """The stages bound to a rule set: shipped rules, installed rule packs, a user's folders, or a mix.

    ``rule_dirs`` are folders of rule files loaded after the shipped rules and
    the packs; a rule there with an id already loaded replaces it. ``shipped=False``
    leaves out the shipped rules and, unless ``packs`` names some, the packs.
    ``packs`` is True (every installed pack), False, or a list of pack names.
    ``disable`` switches rules off by id (``noise.php-notice``) or family (``noise``).
    """

    def __init__(self, rules: RuleSet | None = None, rule_dirs: Iterable[str | Path] = (), shipped: bool = True,
                 disable: Iterable[str] = (), packs: bool | Iterable[str] | None = None):
        if rules is None:
            rule_dirs = [Path(rule_dirs)] if isinstance(rule_dirs, (str, Path)) else [Path(d) for d in rule_dirs]
            folders = rule_folders(rule_dirs, shipped, packs)
            rules = load_rules(folders)
            checked = [f for f in folders if f.resolve() != shipped_rules_dir()]  # a pack's examples too
            if checked:
                from clean.catalog.examples import check_examples, check_tables

                check_examples(rules, checked, STAGES)
                check_tables(rules, checked, STAGES)
        disable = {disable} if isinstance(disable, str) else set(disable)
        self.rules = rules.without(disable) if disable else rules

    def clean_document(self, doc: Document) -> Document:
        """The document after every stage."""
        return clean_document(must_be(doc, Document, "doc"), self.rules)

    def clean_bytes(self, raw: bytes, path: str, url: str | None = None, crawl_date: str | None = None) -> Document:
        """Decode and clean one page's bytes (``crawl_date``: when its record was fetched, if known), within the
        limits of ``clean run`` (:mod:`clean.io.arguments`)."""
        must_be(raw, (bytes, bytearray, memoryview), "raw")
        must_be(path, str, "path")
        must_be(url, (str, type(None)), "url")
        must_be(crawl_date, (str, type(None)), "crawl_date")
        if len(raw) > MAX_BYTES:
            raise InputError(path, f"page is above the {MAX_BYTES // 2**20} MiB limit (MAX_BYTES); not cleaned")
        return self.clean_document(read_and_decode(bytes(raw), path, url, crawl_date))

    def clean_text(self, text: str, source: str = "<text>") -> list[Item]:
        """The items of one page given as text; ``source`` is its path or URL."""
        source = page_text(must_be(source, str, "source"), "source")
        text = page_text(text, "text", source)
        url = source if "://" in source else None
        return list(self.clean_document(Document.from_text(text, path=source, url=url)).items)

    def clean_file(self, path: str | Path) -> list[Item]:
        """The items of one file, its path recorded as ``clean run`` records it (relative to the cwd)."""
        from clean.io.decode import read_input
        from clean.io.paths import display_path

        must_be(path, (str, Path), "path")
        return list(self.clean_bytes(read_input(str(path)), display_path(str(path))).items)

    def run(self, paths: Iterable[str | Path], out_dir: str | Path, workers: int | None = 1):
        """What ``clean run PATHS -o OUT_DIR`` does: write items.jsonl, sources.jsonl and run.json.

        Returns the :class:`~clean.run.executor.RunSummary`; ``workers=None`` uses every core.
        """
        from clean.run.executor import LocalExecutor, run

        paths = [paths] if isinstance(paths, (str, Path)) else paths
        return run(self, [str(p) for p in paths], out_dir, LocalExecutor(workers))


def rule_folders(rule_dirs: Iterable[str | Path], shipped: bool, packs: bool | Iterable[str] | None) -> list[Path]:
    """The folders to load, in override order: shipped rules, installed packs, the user's folders."""
    rule_dirs = [rule_dirs] if isinstance(rule_dirs, (str, Path)) else rule_dirs
    if packs is None:
        packs = shipped
    if isinstance(packs, bool):
        names = None if packs else []
    else:
        names = [packs] if isinstance(packs, str) else list(packs)
    return ([shipped_rules_dir()] if shipped else []) + pack_folders(names) + [Path(d) for d in rule_dirs]
