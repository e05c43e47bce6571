"""A Scrapy item pipeline that cleans a text field of every scraped item.

Install with ``pip install clean[scrapy]`` and enable it in the project's
settings, before the pipelines that store items::

    ITEM_PIPELINES = {"clean.integrations.scrapy.CleanPipeline": 100}

Settings (all optional):

- ``CLEAN_TEXT_FIELD`` (``"text"``): the scraped page text; replaced by the clean text.
- ``CLEAN_URL_FIELD`` (``"url"``): the page URL, recorded as the source of the provenance.
- ``CLEAN_TITLE_FIELD`` / ``CLEAN_DATE_FIELD`` (``"title"`` / ``"date"``): set from the
  headline and date clean finds (``None`` leaves the field alone).
- ``CLEAN_RECORD_FIELD`` (``"clean"``): the list of clean records (``items.jsonl``
  lines: id, source, removed, edits...) that the item was made from.
- ``CLEAN_SPLIT_ITEMS`` (``False``): a listing page becomes one scraped item per
  news item (copies of the page's item); otherwise the texts are joined with a blank line.
- ``CLEAN_RULES``, ``CLEAN_DISABLE``, ``CLEAN_SHIPPED_RULES``: rule folders,
  ids or families to switch off, and whether to load the shipped rules, as for ``clean run``.

An item whose text is missing or ends up empty is dropped with a log line and
counted in the stats (``clean/dropped_empty``). The extra items of a split page
go through all item pipelines again from the first (this one passes them on),
so they reach feeds and later pipelines as any scraped item does.

>>> joined([{"text": "One."}, {"text": "Two."}])
'One.\\n\\nTwo.'
"""

from __future__ import annotations

import copy
import logging

from clean.pipeline import Pipeline

logger = logging.getLogger(__name__)
ITEM_SEPARATOR = "\n\n"  # between the texts of several items kept in one scraped item
DEFAULTS = {
    "CLEAN_TEXT_FIELD": "text", "CLEAN_URL_FIELD": "url", "CLEAN_TITLE_FIELD": "title",
    "CLEAN_DATE_FIELD": "date", "CLEAN_RECORD_FIELD": "clean",
}


def joined(records: list[dict]) -> str:
    """The texts of several clean records as one text."""
    return ITEM_SEPARATOR.join(r["text"] for r in records)


class CleanPipeline:
    """Cleans ``CLEAN_TEXT_FIELD`` of each item; splits listing pages when ``CLEAN_SPLIT_ITEMS`` is on."""

    def __init__(self, pipeline: Pipeline, fields: dict, split: bool, crawler=None):
        self.pipeline, self.fields, self.split, self.crawler = pipeline, fields, split, crawler

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        pipeline = Pipeline(
            rule_dirs=settings.getlist("CLEAN_RULES"), disable=settings.getlist("CLEAN_DISABLE"),
            shipped=settings.getbool("CLEAN_SHIPPED_RULES", True),
        )
        fields = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
        return cls(pipeline, fields, settings.getbool("CLEAN_SPLIT_ITEMS", False), crawler)

    async def process_item(self, item, spider=None):
        from itemadapter import ItemAdapter

        page = ItemAdapter(item)
        if page.get(self.fields["CLEAN_RECORD_FIELD"]) is not None:
            return item  # a part of a split page coming round again
        url = page.get(self.fields["CLEAN_URL_FIELD"])
        text = page.get(self.fields["CLEAN_TEXT_FIELD"])
        records = []
        if isinstance(text, str) and text.strip():
            found = self.pipeline.clean_text(text, source=url or "<scrapy>")
            records = [r.model_dump() for r in found if r.text.strip()]
        self._count("clean/pages")
        if not records:
            self._drop(url)
        if not self.split or len(records) == 1:
            return self._fill(item, records, whole_page=True)
        self._count("clean/split_pages")
        for record in records[:-1]:
            part = self._fill(copy.deepcopy(item), [record], whole_page=False)
            await self.crawler.engine.scraper.start_itemproc_async(part, response=None)
        return self._fill(item, records[-1:], whole_page=False)

    def _fill(self, item, records: list[dict], whole_page: bool):
        """Write the clean text, title, date and records into ``item``."""
        from itemadapter import ItemAdapter

        adapter = ItemAdapter(item)
        values = {
            "CLEAN_TEXT_FIELD": joined(records), "CLEAN_RECORD_FIELD": records,
            "CLEAN_TITLE_FIELD": records[0]["title"], "CLEAN_DATE_FIELD": records[0]["date"],
        }
        for setting, value in values.items():
            name = self.fields[setting]
            # the page's own title or date stays unless clean found one; a part of a split page gets its own
            if name is None or (value is None and whole_page and setting != "CLEAN_RECORD_FIELD"):
                continue
            try:
                adapter[name] = value
            except KeyError:
                raise KeyError(f"{type(item).__name__} has no field {name!r}: declare it or set {setting}") from None
        self._count("clean/items")
        return item

    def _drop(self, url) -> None:
        from scrapy.exceptions import DropItem

        logger.info("clean: dropped %s: no text left after cleaning", url)
        self._count("clean/dropped_empty")
        raise DropItem(f"clean: no text left after cleaning {url}")

    def _count(self, key: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)
