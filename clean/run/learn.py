"""``clean learn``: find each site's template lines in a batch of pages and write them as rules.

A line that stands on many pages of one site (the menu, the footer, the
"popular" box) is the site's template, not any page's text. Learning runs the
pages through the stages before the template rules (``repair_unicode`` and
``strip_noise``, with the rules given), so a line a rule already removes is
not learned twice, and counts on how many pages of each site each kept line
stands (the site: the host of the page's URL, else the site's name its title
line gives, else its folder; :func:`clean.engine.templates.site_key`). What
counts (named thresholds below):

- a site needs at least :data:`MIN_SITE_PAGES` pages;
- a line is a template line when it stands on at least :data:`MIN_SHARE` of
  the site's pages and on at least :data:`MIN_SITE_PAGES` of them; a line
  longer than :data:`MAX_LINE_CHARS` is never counted (templates are short);
- a page counts a line once, and the page's title line not at all.

Counting is deterministic and the same with any number of workers: the pages
are read in input order and each page's lines are merged into the counts in
that order. Memory is bounded: when the counts hold more than :data:`MAX_KEYS`
lines, the lines seen on no more pages than a floor are dropped, and the floor
rises while that is not enough (a template line seen on many pages is far
above it by then).

:func:`write_rules` writes one ``SITE.toml`` per site into the rules folder: a
rule of kind ``template`` (:mod:`clean.engine.templates`) with the lines, and
two examples computed by running the rule (one that fires on the site's page,
one where the same lines on another site's page stay).

>>> counts = TemplateCounts()
>>> for n in range(6):
...     counts.add("example.org", ["Главная", f"Новость {n}.", "Реклама" if n < 3 else "Спорт", f"Погода {n % 3}"])
>>> counts.templates()
{'example.org': [('Главная', 6), ('Реклама', 3), ('Спорт', 3)]}
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clean.catalog.examples import run_example
from clean.engine.ruleset import Example, Rule, RuleSet
from clean.engine.templates import site_key
from clean.io.decode import read_and_decode
from clean.io.discovery import discover
from clean.io.inputs import Page, Reader
from clean.model.document import Document
from clean.stages import repair_unicode, strip_noise

STAGES_BEFORE = (repair_unicode, strip_noise)  # the stages a template rule's lines are counted after

MIN_SITE_PAGES = 3
MIN_SHARE = 0.5
MAX_LINE_CHARS = 300
MAX_KEYS = 1_000_000
EXAMPLE_LINES = 5  # template lines shown in a rule's examples
BODY = "This line is the page's own text, not the site's template."
OTHER_SITE = "https://another-site.invalid/page"


@dataclass
class TemplateCounts:
    """Pages per site and, per (site, line), the pages the line stands on."""

    pages: Counter = field(default_factory=Counter)
    lines: Counter = field(default_factory=Counter)
    unread: list[str] = field(default_factory=list)  # pages that could not be read or cleaned, by path
    floor: int = 1  # a prune drops the lines seen on no more pages than this

    def add(self, site: str, lines: Iterable[str]) -> None:
        """Count one page of ``site`` with its distinct kept ``lines``."""
        if not site:
            return
        self.pages[site] += 1
        for text in lines:
            self.lines[(site, text)] += 1
        if len(self.lines) > MAX_KEYS:
            self.lines = Counter({key: n for key, n in self.lines.items() if n > self.floor})
            if len(self.lines) > MAX_KEYS // 2:
                self.floor += 1

    def templates(self) -> dict[str, list[tuple[str, int]]]:
        """Per site with enough pages, its template lines with their page counts, most frequent first."""
        found: dict[str, list[tuple[str, int]]] = {}
        for (site, text), n in self.lines.items():
            pages = self.pages[site]
            if pages >= MIN_SITE_PAGES and n >= max(MIN_SITE_PAGES, math.ceil(MIN_SHARE * pages)):
                found.setdefault(site, []).append((text, n))
        return {site: sorted(lines, key=lambda x: -x[1]) for site, lines in sorted(found.items())}  # ties: as first seen


def page_lines(doc: Document) -> tuple[str, tuple[str, ...]]:
    """The site of a document cleaned up to ``strip_noise`` and its distinct countable kept lines, in page order.

    A tuple, not a set: a set's order changes with each process's string hashing, and
    the order lines are first seen in orders the lines of a rule file.
    """
    texts = dict.fromkeys(
        text for line in doc.lines
        if line.kept and line.role != "title" and 0 < len(text := line.text.strip()) <= MAX_LINE_CHARS
    )
    return site_key(doc), tuple(texts)


def _learn_page(args) -> tuple[str, tuple[str, ...]] | str:
    """One page read and cleaned up to ``strip_noise`` (a worker's task), or why it could not be."""
    rules, page = args
    if page.raw is None:
        return page.error or f"{page.path}: cannot read"
    try:
        doc = read_and_decode(page.raw, page.path, page.url)
        for stage in STAGES_BEFORE:
            doc = stage(doc, rules)
    except Exception as exc:  # a page that cannot be cleaned teaches nothing; the others still count
        return f"{page.path}: {exc}"
    return page_lines(doc)


def iter_pages(inputs: Iterable[str], reader=None) -> Iterator:
    """Every page of ``inputs`` (files or folders), in the order ``clean run`` reads them."""
    reader = reader or Reader()
    problems: dict[str, str] = {}
    for path in discover(inputs, problems):
        try:
            yield from reader.pages(path)
        except (OSError, ValueError, EOFError) as exc:
            yield Page(path, None, error=f"{path}: cannot read further ({type(exc).__name__}: {exc})")
    for path, problem in problems.items():
        yield Page(path, None, error=f"{path}: {problem}")


def count_templates(rules: RuleSet, inputs: Iterable[str], workers: int = 1, reader=None) -> TemplateCounts:
    """Count the kept lines per site over every page of ``inputs`` (see the module docstring)."""
    counts = TemplateCounts()
    tasks = ((rules, page) for page in iter_pages(inputs, reader))
    if workers <= 1:
        for found in map(_learn_page, tasks):
            _merge(counts, found)
        return counts
    from multiprocessing import get_context

    with get_context("spawn").Pool(workers) as pool:
        for found in pool.imap(_learn_page, tasks, chunksize=8):  # imap keeps input order
            _merge(counts, found)
    return counts


def _merge(counts: TemplateCounts, found) -> None:
    if isinstance(found, str):
        counts.unread.append(found)
    else:
        counts.add(*found)


def rule_id(site: str) -> str:
    """The id of a site's template rule: ``template.`` and the site in lowercase ASCII words.

    A name with letters outside ASCII keeps its ASCII words and gets a short digest, so two
    names never share an id.

    >>> rule_id("news.example.org"), rule_id("Банки.ру")
    ('template.news-example-org', 'template.site-9307953e')
    """
    words = "".join(c if c.isalnum() and c.isascii() else "-" for c in site.lower()).split("-")
    slug = "-".join(w for w in words if w)
    if not site.isascii() or not slug:
        slug = "-".join(filter(None, [slug or "site", hashlib.sha256(site.encode()).hexdigest()[:8]]))
    return "template." + slug


def write_rules(rules: RuleSet, templates: dict[str, list[tuple[str, int]]], pages: Counter, out_dir: str | Path) -> list[Path]:
    """One rule file per site into ``out_dir``; returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for site, lines in templates.items():
        path = out / f"{rule_id(site).removeprefix('template.')}.toml"
        path.write_text(rule_file(rules, site, lines, pages[site]), encoding="utf-8")
        written.append(path)
    return written


def rule_file(rules: RuleSet, site: str, lines: list[tuple[str, int]], pages: int) -> str:
    """The TOML text of a site's template rule, with examples computed by running it."""
    source = f"https://{site}/" if "." in site else f"{site}/page.txt"
    rule = Rule(
        id=rule_id(site), stage="strip_noise", kind="template", site=site, lines=tuple(t for t, _ in lines),
        summary=f"Template lines of {site}: {len(lines)} lines found on at least half of its {pages} pages.",
        why=_why(site, pages), examples=(Example(before="a", after="b"), Example(before="a", after="a")),
    )
    examples = _examples(rules, rule, source)
    head = [
        f"# Learned by `clean learn` from {pages} pages of {site}. Edit freely: delete a line to keep it,",
        "# add one to remove it. Each line is removed only where it is a whole line of a page of this site.",
        'stage = "strip_noise"', "", "[[rules]]", f"id = {_q(rule.id)}", f"summary = {_q(rule.summary)}",
        f'why = """\n{rule.why}"""', 'kind = "template"', f"site = {_q(site)}", "lines = [",
    ]
    body = [f"  {_q(text)},  # on {n} of {pages} pages" for text, n in lines]
    tail = ["]"]
    for example in examples:
        tail += ["", "[[rules.examples]]", f"source = {_q(example.source)}", f"before = {_q(example.before)}",
                 f"after = {_q(example.after)}"]
    return "\n".join(head + body + tail) + "\n"


def _why(site: str, pages: int) -> str:
    return (f"These lines stand on at least half of the {pages} pages of {site} that `clean learn`\n"
            "read: the site's menus, header, footer and boxes, not any page's text. They are removed\n"
            "only from this site's pages (host of the page's URL, else the site's name in its title\n"
            "line, else its folder), as whole lines.\n")


def _examples(loaded: RuleSet, rule: Rule, source: str) -> list[Example]:
    """A firing example on the site's page and a near miss on another site's page, computed by running them."""
    rules = RuleSet(loaded.rules + (rule,), loaded.tables, dict(loaded.patterns))
    shown = list(rule.lines[:EXAMPLE_LINES])
    for before in ("\n".join([*shown, BODY]), "\n".join([BODY, *shown])):  # a head rule may take the first line
        after = run_example(rules, rule, before, STAGES_BEFORE, source=source)
        fires = Example(before=before, after=after, source=source)
        if fires.fires:
            break
    near_before = before if run_example(rules, rule, before, STAGES_BEFORE, source=OTHER_SITE) == before else BODY
    near_after = run_example(rules, rule, near_before, STAGES_BEFORE, source=OTHER_SITE)
    near = Example(before=near_before, after=near_after, source=OTHER_SITE)
    return [fires, near]


def _q(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")  # TOML refuses a raw DEL
