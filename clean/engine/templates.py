"""The ``template`` rule kind: a site's own template lines, removed from that site's pages.

A site prints the same menu, header, footer and sidebar lines on every page.
``clean learn`` (:mod:`clean.run.learn`) finds them over a batch of pages and
writes them as a rule of kind ``template``: a ``site`` and its exact ``lines``.
On a page of that site (:func:`site_key`: the URL's host, else the site's name
from the title line, else the folder), a kept line whose text, stripped,
is one of the lines is removed under the rule's id; the page's title line is
never removed (a sidebar may list the page's own headline). On other sites'
pages the rule does nothing, so one learned file per site can sit in one rule
folder.

>>> site_key(Document.from_text("x", path="https://www.Example.com/news/1", url="https://www.Example.com/news/1"))
'example.com'
>>> site_key(Document.from_text("x", path="crawl/example-site/page1.txt"))
'example-site'
>>> site_key(Document.from_text("x", path="crawl/example-site/page1.txt").replace(site="Example News"))
'example news'
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlsplit

from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines
from clean.model.document import Document


def site_key(doc: Document) -> str:
    """The host of the page's URL (without ``www.``), else the site's name its title line gives
    (``Document.site``, lowercased), else the name of its folder, else ''."""
    return site_of(doc.source.path, doc.source.url, doc.site)


def site_of(path: str, url: str | None, named: str | None = None) -> str:
    """:func:`site_key` from a page's path, URL and named site (a JSONL record ``FILE:LINE``, WARC ``FILE@OFFSET``)."""
    if url and "://" in url:
        host = (urlsplit(url).hostname or "").lower()
        return host.removeprefix("www.")
    if named:
        return named.lower()
    file = path.rsplit("@", 1)[0] if "@" in path else path
    if ":" in file and file.rsplit(":", 1)[1].isdigit():
        file = file.rsplit(":", 1)[0]
    parent = PurePath(file).parent.name
    return parent


def drop_template_lines(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove, on a page of ``rule.site``, the kept lines equal to one of ``rule.lines``."""
    if site_key(doc) != rule.site:
        return doc
    wanted = rules.derived(("template", rule.id), lambda _: frozenset(rule.lines))
    marked = [i for i in doc.kept_indices() if doc.lines[i].role != "title" and doc.lines[i].text.strip() in wanted]
    return remove_lines(doc, rule.id, marked)
