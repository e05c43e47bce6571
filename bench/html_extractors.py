"""Which HTML extractor ``clean`` reads saved pages with: trafilatura and resiliparse on real pages.

``python -m bench.html_extractors FOLDER`` reads the parser test pages of the
fundus project (a checkout of github.com/flairNLP/fundus, MIT; FOLDER is its
``tests/resources/parser/test_data``), whose JSON files hold each page's
article as a careful parser extracts it, and measures each extractor:

- recall: the share of the article's paragraphs found in the extracted text;
- precision: the share of extracted lines (of 20 characters or more) that are article text;
- ms per page.

The pages are not part of this project; nothing is written.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from pathlib import Path

LANGUAGES = ("ru", "ua", "uk", "pl", "cz", "tr", "de", "fr", "es", "it")
PER_LANGUAGE = 4
MIN_LINE = 20


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""


def resiliparse_text(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=True)


EXTRACTORS = {"trafilatura": trafilatura_text, "resiliparse": resiliparse_text}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def pages(folder: Path):
    """(html, article paragraphs) of up to PER_LANGUAGE pages per language."""
    for language in LANGUAGES:
        for expected in sorted((folder / language).glob("*.json"))[:PER_LANGUAGE]:
            versions = json.loads(expected.read_text(encoding="utf-8"))
            files = sorted((folder / language).glob(f"{expected.stem}_*.html.gz"))
            for (_, article), html in zip(sorted(versions.items()), files):
                body = article.get("body") or {}
                paragraphs = list(body.get("summary", []))
                for section in body.get("sections", []):
                    paragraphs += section.get("headline", []) + section.get("paragraphs", [])
                paragraphs = [p for p in paragraphs if len(p.strip()) >= MIN_LINE]
                if paragraphs:
                    yield html.name, gzip.decompress(html.read_bytes()).decode("utf-8", "replace"), paragraphs


def measure(folder: Path) -> dict[str, dict[str, float]]:
    scores = {name: {"recall": [], "precision": [], "ms": []} for name in EXTRACTORS}
    for _, html, paragraphs in pages(folder):
        article = _norm(" ".join(paragraphs))
        for name, extract in EXTRACTORS.items():
            started = time.perf_counter()
            text = extract(html)
            scores[name]["ms"].append((time.perf_counter() - started) * 1000)
            found = _norm(text)
            scores[name]["recall"].append(sum(_norm(p)[:80] in found for p in paragraphs) / len(paragraphs))
            lines = [_norm(line) for line in text.splitlines() if len(line.strip()) >= MIN_LINE]
            scores[name]["precision"].append(sum(line[:80] in article for line in lines) / len(lines) if lines else 0)
    return {name: {k: statistics.mean(v) for k, v in s.items()} | {"pages": len(s["ms"])} for name, s in scores.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="fundus' tests/resources/parser/test_data")
    for name, result in measure(parser.parse_args().folder).items():
        print(f"{name:12} pages {result['pages']:3}  recall {result['recall']:.3f}  precision {result['precision']:.3f}"
              f"  {result['ms']:.1f} ms/page")


if __name__ == "__main__":
    main()
