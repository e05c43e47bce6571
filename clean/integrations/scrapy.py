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
  news item; otherwise the texts are joined with a blank line. One page becoming
  several items is a spider's output, so splitting is done by the spider
  middleware :class:`CleanSpiderMiddleware` (below), which cleans
  items as they leave the spider; this pipeline then passes them on untouched.
  With ``CLEAN_SPLIT_ITEMS`` and without the middleware, the crawl does not start.
- ``CLEAN_RULES``, ``CLEAN_DISABLE``, ``CLEAN_SHIPPED_RULES``: rule folders,
  ids or families to switch off, and whether to load the shipped rules, as for ``clean run``.

An item whose text is missing or ends up empty is dropped with a log line and
counted in the stats (``clean/dropped_empty``).

The spider middleware cleans items as they leave the spider, splitting listing
pages: one response becoming several items is what a spider's output is for,
so every part goes through the item pipelines once, like any scraped item, and a
pipeline that drops duplicate URLs sees each part with its own URL (``…#item-N``,
see :mod:`clean.integrations.scrapy_items`)::

    SPIDER_MIDDLEWARES = {"clean.integrations.scrapy.CleanSpiderMiddleware": 800}
    CLEAN_SPLIT_ITEMS = True

Requests pass through it untouched; the item pipeline is then not needed (it
passes cleaned items on untouched when also enabled).

>>> MIDDLEWARE
'clean.integrations.scrapy.CleanSpiderMiddleware'
"""

from __future__ import annotations

from clean.pipeline import Pipeline
from clean.integrations.scrapy_items import DEFAULTS, ItemCleaner, joined  # noqa: F401  (DEFAULTS, joined: part of this API)

MIDDLEWARE = "clean.integrations.scrapy.CleanSpiderMiddleware"


class CleanPipeline:
    """Cleans ``CLEAN_TEXT_FIELD`` of each item (items the spider middleware cleaned pass untouched)."""

    def __init__(self, pipeline: Pipeline, fields: dict, crawler=None):
        self.cleaner = ItemCleaner(pipeline, fields, split=False, crawler=crawler)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if settings.getbool("CLEAN_SPLIT_ITEMS", False) and MIDDLEWARE not in settings.getwithbase(
                "SPIDER_MIDDLEWARES"):
            raise ValueError(f"CLEAN_SPLIT_ITEMS=True splits pages in the spider middleware: add"
                             f" SPIDER_MIDDLEWARES = {{{MIDDLEWARE!r}: 800}} to the settings")
        cleaner = ItemCleaner.from_crawler(crawler)
        return cls(cleaner.pipeline, cleaner.fields, crawler=crawler)

    async def process_item(self, item, spider=None):
        from itemadapter import ItemAdapter
        from scrapy.exceptions import DropItem

        if self.cleaner.cleaned(item):
            return item  # cleaned (and maybe split) by the spider middleware
        found = self.cleaner.clean(item)
        if not found:
            url = ItemAdapter(item).get(self.cleaner.fields["CLEAN_URL_FIELD"])
            raise DropItem(f"clean: no text left after cleaning {url}")
        return found[0]


class CleanSpiderMiddleware:
    """Cleans (and, with ``CLEAN_SPLIT_ITEMS``, splits) the items a spider yields."""

    def __init__(self, cleaner: ItemCleaner):
        self.cleaner = cleaner

    @classmethod
    def from_crawler(cls, crawler):
        return cls(ItemCleaner.from_crawler(crawler))

    def process_spider_output(self, response, result, spider=None):
        for thing in result:
            yield from self._items(thing)

    async def process_spider_output_async(self, response, result, spider=None):
        async for thing in result:
            for item in self._items(thing):
                yield item

    def _items(self, thing) -> list:
        from scrapy import Request
        from itemadapter import is_item

        if isinstance(thing, Request) or not is_item(thing) or self.cleaner.cleaned(thing):
            return [thing]
        return self.cleaner.clean(thing)
