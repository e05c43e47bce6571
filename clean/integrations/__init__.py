"""``clean`` inside other tools: the Scrapy item pipeline and the pytest plugin."""
