"""The ``chrome.app-banner`` rule: 'Download the App for Android' lines, and the records they head.

A site's mobile banner is a short line that opens with a verb of getting an app or with the app
('Download the App for Android', 'Қосымшаны Android-қа жүктеп алу') and names a platform or store,
an app and such a verb (table ``widget_phrases``, section ``app``; any language there). It is
removed. Only lines opening so are looked at (the first words the widget rules read). A
dump of a site's articles often prints the banner at the top of every record, where it is the
only mark of where one record ends and the next begins: the item splitter would then see one
long page. So on a page that opens with a banner and has :data:`MIN_RECORDS` or more heading a
run of text with a line of :data:`MIN_RECORD_CHARS`, and no articles found yet, each run
from a banner to the next one becomes an article (``Document.articles``, read by ``split_items``).
A whole page with a banner in its header and its footer does not open with one.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> story = "The council met on Monday and voted to keep the harbour ferry running through the long winter months."
>>> doc = Document.from_text(f"Download the App for Android\\n{story}\\nDownload the App for Android\\n{story}")
>>> doc = app_banner(doc, rules.get("chrome.app-banner"), rules)
>>> [line.removed for line in doc.lines], doc.articles
(['chrome.app-banner', None, 'chrome.app-banner', None], ((2, 2), (4, 4)))
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.chrome.widgets import fold
from clean.engine.line_marks import remove_lines
from clean.model.document import Document

MAX_BANNER_WORDS = 8  # a banner is a button, not a sentence
MIN_RECORDS = 2  # banners heading this many runs of text mark records
MIN_RECORD_CHARS = 100  # each record holds a line of running text this long

_SENTENCE_END = regex.compile(r"[.!?…]\s*$")


@dataclass(frozen=True)
class Banner:
    """The ``app`` section of ``widget_phrases``, compiled once per rule set."""

    opens: tuple  # folded stems of the verbs and app words a banner opens with
    stores: regex.Pattern
    apps: regex.Pattern
    verbs: regex.Pattern


def banner_words(rules: RuleSet) -> Banner:
    """The compiled vocabulary of ``rules`` (memoised on the rule set)."""
    return rules.derived("app_banner", _build)


def _stems(words) -> regex.Pattern:
    alternatives = "|".join(regex.escape(fold(w)) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(rf"(?:^| )(?:{alternatives})")


def _build(rules: RuleSet) -> Banner:
    app = rules.table("widget_phrases")["app"]
    return Banner(
        opens=tuple(fold(w) for w in app["verbs"] + app["apps"]),
        stores=_stems(app["stores"]), apps=_stems(app["apps"]), verbs=_stems(app["verbs"]),
    )


def is_banner(text: str, words: Banner) -> bool:
    """A short line, no sentence, naming a store or platform, an app and a verb of getting it."""
    if len(text.split()) > MAX_BANNER_WORDS or _SENTENCE_END.search(text):
        return False
    folded = fold(text)
    return all(p.search(folded) for p in (words.stores, words.apps, words.verbs))


@python_rule("chrome.app-banner")
def app_banner(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove app banners; where they head records, make each record an article (see module docstring)."""
    words = banner_words(rules)
    view = doc.view()
    first = view.first_words()  # shared with the widget rules; a line is looked at if it opens with a verb or an app
    kept = list(view.index)
    banners = [n for n, w in enumerate(first) if w.startswith(words.opens) and is_banner(doc.lines[kept[n]].text, words)]
    if not banners:
        return doc
    records = _records(doc, kept, banners)
    doc = remove_lines(doc, rule.id, (kept[n] for n in banners))
    return doc.replace(articles=records) if records else doc


def _records(doc: Document, kept: list[int], banners: list[int]) -> tuple:
    """(first, last) source lines of the text under each banner, when the page opens with a banner,
    :data:`MIN_RECORDS` banners or more head a run with a line of :data:`MIN_RECORD_CHARS` (a
    record may be a short note), and the page has no articles yet; else ()."""
    runs = [(n + 1, end - 1) for n, end in zip(banners, [*banners[1:], len(kept)]) if end - 1 >= n + 1]
    if doc.articles or banners[0] != 0 or len(banners) < MIN_RECORDS:
        return ()
    lines = doc.lines
    if sum(any(len(lines[kept[k]].text) >= MIN_RECORD_CHARS for k in range(a, b + 1)) for a, b in runs) < MIN_RECORDS:
        return ()
    return tuple((lines[kept[a]].start, lines[kept[b]].end) for a, b in runs)
