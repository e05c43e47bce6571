"""A Scrapy spider middleware that cleans items as they leave the spider, splitting listing pages.

One response becoming several items is what a spider's output is for, so a
listing page split into one item per news item (``CLEAN_SPLIT_ITEMS=True``)
is split here, and every part goes through the item pipelines once, like
any scraped item: a pipeline that drops duplicate URLs sees each part with
its own URL (``…#item-N``, see :mod:`clean.scrapy_items`)::

    SPIDER_MIDDLEWARES = {"clean.scrapy_middleware.CleanSpiderMiddleware": 800}
    CLEAN_SPLIT_ITEMS = True

Requests pass through untouched; an item without text left is dropped with a
log line and counted (``clean/dropped_empty``). The settings are those of
:mod:`clean.scrapy_pipeline`; the item pipeline is then not needed (it passes
cleaned items on untouched when also enabled).

>>> CleanSpiderMiddleware.__name__
'CleanSpiderMiddleware'
"""

from __future__ import annotations

from clean.scrapy_items import ItemCleaner


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
