"""An item pipeline as scraper teams write one: drop an item whose URL was already scraped."""

from scrapy.exceptions import DropItem


class UrlDedupPipeline:
    def __init__(self):
        self.seen = set()

    def process_item(self, item, spider=None):
        if item["url"] in self.seen:
            raise DropItem(f"duplicate URL {item['url']}")
        self.seen.add(item["url"])
        return item
