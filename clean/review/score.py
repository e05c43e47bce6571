"""Score predicted items against hand-labelled gold items.

A labelled page is ``NAME.txt`` beside ``NAME.gold.json``, which holds
``{"items": [{"line_start": 1, "line_end": 3, "title": "…" or null, "date": "YYYY-MM-DD" or null}, …]}``
with 1-based inclusive source lines, as in ``items.jsonl``.

What is measured:

- **boundaries**: a boundary is an item's ``line_start``. A predicted boundary
  equal to a gold one is a hit; precision, recall and F1 are over all pages;
- **title** and **date accuracy**: over the items whose boundary is a hit, the
  share whose title (spaces folded) and date equal the gold (null equals null).

``line_end`` is read but not scored: where an item ends follows from where the
next one starts, apart from the page footer, which the invariant tests cover.

>>> gold = [GoldItem(line_start=1, line_end=1), GoldItem(line_start=2, line_end=3, title="Заголовок")]
>>> pred = [Predicted(1, None, None), Predicted(2, "Заголовок", None), Predicted(3, None, None)]
>>> page = score_page("p", pred, gold)
>>> page.hits, page.false_starts, page.missed, page.title_ok, page.date_ok
(2, [3], [], 2, 2)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

GOLD_SUFFIX = ".gold.json"


class GoldItem(BaseModel):
    """One item as a reader marks it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line_start: int
    line_end: int
    title: str | None = None
    date: str | None = None


class GoldPage(BaseModel):
    """The gold items of one page, in page order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    items: list[GoldItem]


@dataclass(frozen=True, slots=True)
class Predicted:
    """What scoring needs of a predicted item."""

    line_start: int
    title: str | None
    date: str | None


@dataclass
class PageScore:
    """Counts for one page, and what went wrong, for the report."""

    name: str
    hits: int = 0
    false_starts: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    title_ok: int = 0
    date_ok: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when anything on the page differs from the gold."""
        return bool(self.false_starts or self.missed or self.wrong)


@dataclass
class Score:
    """Totals over pages: boundary precision, recall, F1; title and date accuracy."""

    pages: list[PageScore]

    @property
    def hits(self) -> int:
        """Predicted boundaries that are gold boundaries (also: matched items)."""
        return sum(p.hits for p in self.pages)

    @property
    def precision(self) -> float:
        """Share of predicted boundaries that are gold boundaries."""
        predicted = self.hits + sum(len(p.false_starts) for p in self.pages)
        return self.hits / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of gold boundaries that were predicted."""
        gold = self.hits + sum(len(p.missed) for p in self.pages)
        return self.hits / gold if gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def title_accuracy(self) -> float:
        """Share of matched items with the gold title."""
        return sum(p.title_ok for p in self.pages) / self.hits if self.hits else 1.0

    @property
    def date_accuracy(self) -> float:
        """Share of matched items with the gold date."""
        return sum(p.date_ok for p in self.pages) / self.hits if self.hits else 1.0

    def summary(self) -> str:
        """One line of figures."""
        return (f"pages {len(self.pages)}  boundaries P {self.precision:.3f} R {self.recall:.3f} "
                f"F1 {self.f1:.3f}  title {self.title_accuracy:.3f}  date {self.date_accuracy:.3f}")


def _fold(title: str | None) -> str | None:
    return " ".join(title.split()) if title is not None else None


def score_page(name: str, predicted: list[Predicted], gold: list[GoldItem]) -> PageScore:
    """Compare one page's predicted items with its gold items."""
    page = PageScore(name)
    by_start = {p.line_start: p for p in predicted}
    gold_starts = {g.line_start for g in gold}
    page.false_starts = sorted(s for s in by_start if s not in gold_starts)
    for g in gold:
        p = by_start.get(g.line_start)
        if p is None:
            page.missed.append(g.line_start)
            continue
        page.hits += 1
        if _fold(p.title) == _fold(g.title):
            page.title_ok += 1
        else:
            page.wrong.append(f"line {g.line_start}: title {p.title!r}, gold {g.title!r}")
        if p.date == g.date:
            page.date_ok += 1
        else:
            page.wrong.append(f"line {g.line_start}: date {p.date!r}, gold {g.date!r}")
    return page


def labelled_pages(gold_dir: Path) -> list[tuple[Path, Path]]:
    """``(page, gold)`` pairs in ``gold_dir``, sorted by name; a page without gold is skipped."""
    pairs = []
    for gold in sorted(Path(gold_dir).glob(f"*{GOLD_SUFFIX}")):
        page = gold.with_name(gold.name[: -len(GOLD_SUFFIX)] + ".txt")
        if page.exists():
            pairs.append((page, gold))
    return pairs


def score_dir(pipeline, gold_dir: Path) -> Score:
    """Run ``pipeline`` over every labelled page in ``gold_dir`` and score it."""
    pages = []
    for page, gold_path in labelled_pages(gold_dir):
        gold = GoldPage.model_validate(json.loads(gold_path.read_text(encoding="utf-8")))
        items = pipeline.clean_file(page)
        predicted = [Predicted(i.source.line_start, i.title, i.date) for i in items]
        pages.append(score_page(page.stem, predicted, gold.items))
    return Score(pages)


def report(score: Score) -> list[str]:
    """The figures, then one block per page that differs from its gold."""
    lines = [score.summary()]
    for page in score.pages:
        if not page.failed:
            continue
        lines.append(f"{page.name}:")
        lines += [f"  false start at line {s}" for s in page.false_starts]
        lines += [f"  missed start at line {s}" for s in page.missed]
        lines += [f"  {w}" for w in page.wrong]
    return lines
