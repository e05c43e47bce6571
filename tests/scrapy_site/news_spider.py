"""A news spider as a scraper team writes one: follow the links of an index page and keep the text
of each article's paragraphs, one line each. tests/test_scrapy.py runs it against a local server."""

import scrapy


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, start: str = "", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start]

    def parse(self, response):
        yield from response.follow_all(css="a.news", callback=self.parse_page)

    def parse_page(self, response):
        paragraphs = ["".join(p.css("::text").getall()) for p in response.css("div.content p")]
        yield {"url": response.url, "page_title": response.css("title::text").get(), "text": "\n".join(paragraphs)}
