"""Cleaning one scraped item: what the Scrapy item pipeline and the spider middleware share.

An :class:`ItemCleaner` cleans the text field of a scraped item and gives
back the item(s) to pass on: one item with the clean text (several news items
of a listing page joined by a blank line), or, when it splits, one copy of
the item per news item. The copy of part N of a split page gets the page's URL
with the fragment ``#item-N``, so each part is an item of its own to a
pipeline that removes duplicate URLs (the page's URL stays in the records'
``source.url``). Settings are those of :mod:`clean.scrapy_pipeline`.

>>> joined([{"text": "One."}, {"text": "Two."}])
'One.\\n\\nTwo.'
>>> part_url("https://a.example/list.html#top", 2)
'https://a.example/list.html#item-2'
"""

from __future__ import annotations

import copy
import logging
from urllib.parse import urldefrag

from clean.pipeline import Pipeline

logger = logging.getLogger("clean.scrapy")
ITEM_SEPARATOR = "\n\n"  # between the texts of several items kept in one scraped item
DEFAULTS = {
    "CLEAN_TEXT_FIELD": "text", "CLEAN_URL_FIELD": "url", "CLEAN_TITLE_FIELD": "title",
    "CLEAN_DATE_FIELD": "date", "CLEAN_RECORD_FIELD": "clean",
}


def joined(records: list[dict]) -> str:
    """The texts of several clean records as one text."""
    return ITEM_SEPARATOR.join(r["text"] for r in records)


def part_url(url: str, number: int) -> str:
    """The URL of part ``number`` (1-based) of the split page at ``url``."""
    return f"{urldefrag(url)[0]}#item-{number}"


class ItemCleaner:
    """Cleans ``CLEAN_TEXT_FIELD`` of items; splits listing pages when ``split`` is on."""

    def __init__(self, pipeline: Pipeline, fields: dict, split: bool, crawler=None):
        self.pipeline, self.fields, self.split, self.crawler = pipeline, fields, split, crawler

    @classmethod
    def from_crawler(cls, crawler) -> ItemCleaner:
        settings = crawler.settings
        pipeline = Pipeline(
            rule_dirs=settings.getlist("CLEAN_RULES"), disable=settings.getlist("CLEAN_DISABLE"),
            shipped=settings.getbool("CLEAN_SHIPPED_RULES", True),
        )
        fields = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
        return cls(pipeline, fields, settings.getbool("CLEAN_SPLIT_ITEMS", False), crawler)

    def cleaned(self, item) -> bool:
        """True when ``item`` was cleaned already (it carries its clean records)."""
        from itemadapter import ItemAdapter

        return ItemAdapter(item).get(self.fields["CLEAN_RECORD_FIELD"]) is not None

    def clean(self, item) -> list:
        """The items ``item`` becomes: none when no text is left (logged and counted), one, or one per part."""
        from itemadapter import ItemAdapter

        page = ItemAdapter(item)
        url = page.get(self.fields["CLEAN_URL_FIELD"])
        text = page.get(self.fields["CLEAN_TEXT_FIELD"])
        records = []
        if isinstance(text, str) and text.strip():
            found = self.pipeline.clean_text(text, source=url or "<scrapy>")
            records = [r.model_dump() for r in found if r.text.strip()]
        self.count("clean/pages")
        if not records:
            logger.info("clean: dropped %s: no text left after cleaning", url)
            self.count("clean/dropped_empty")
            return []
        if not self.split or len(records) == 1:
            return [self._fill(item, records, whole_page=True)]
        self.count("clean/split_pages")
        return [self._part(copy.deepcopy(item), record, n, url) for n, record in enumerate(records, 1)]

    def _part(self, item, record: dict, number: int, url):
        from itemadapter import ItemAdapter

        if isinstance(url, str) and self.fields["CLEAN_URL_FIELD"]:
            ItemAdapter(item)[self.fields["CLEAN_URL_FIELD"]] = part_url(url, number)
        return self._fill(item, [record], whole_page=False)

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
        self.count("clean/items")
        return item

    def count(self, key: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)
