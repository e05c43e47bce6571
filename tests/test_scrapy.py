"""The Scrapy item pipeline for real: a spider crawls fixture pages (PHP notices, glued dates, a
listing page, a page of noise only) served on 127.0.0.1, and the items it writes are checked."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import ROOT

pytest.importorskip("scrapy", reason="Scrapy is an optional extra: pip install -e '.[test]' or clean[scrapy]")

SITE = ROOT / "tests" / "scrapy_site"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site():
    """The fixture pages served by a local HTTP server on 127.0.0.1, on a free port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


PIPELINE = {"clean.integrations.scrapy.CleanPipeline": 100}
MIDDLEWARE = {"clean.integrations.scrapy.CleanSpiderMiddleware": 800}
DEDUP = {"dedup.UrlDedupPipeline": 50}  # tests/scrapy_site/dedup.py, before the clean pipeline


def crawl(site, out, *settings, pipelines=PIPELINE, check=True) -> tuple[list[dict], str]:
    """Run the spider with ``pipelines`` (the clean one by default); the items written and the log."""
    command = [
        sys.executable, "-m", "scrapy", "runspider", str(SITE / "news_spider.py"), "-a", f"start={site}/index.html",
        "-O", f"{out}:jsonlines", "-s", f"ITEM_PIPELINES={json.dumps(pipelines)}",
        "-s", "TELNETCONSOLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False", "-s", "LOG_LEVEL=INFO",
        "-s", "FEED_EXPORT_ENCODING=utf-8", *[arg for s in settings for arg in ("-s", s)],
    ]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = os.pathsep.join([str(SITE), str(ROOT), env.get("PYTHONPATH", "")])
    done = subprocess.run(command, capture_output=True, text=True, cwd=out.parent, env=env, timeout=120)
    if not check:
        return [], done.stderr
    assert done.returncode == 0, done.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return sorted(items, key=lambda item: (item["url"], item["clean"][0]["source"]["line_start"])), done.stderr


@pytest.fixture(scope="module")
def pages(site, tmp_path_factory):
    return crawl(site, tmp_path_factory.mktemp("crawl") / "items.jsonl")


@pytest.fixture(scope="module")
def split(site, tmp_path_factory):
    """Pages split in the spider middleware, with a pipeline dropping duplicate URLs in place."""
    return crawl(site, tmp_path_factory.mktemp("split") / "items.jsonl", "CLEAN_SPLIT_ITEMS=True",
                 f"SPIDER_MIDDLEWARES={json.dumps(MIDDLEWARE)}", pipelines=DEDUP | PIPELINE)


def by_page(items, name):
    return [item for item in items if item["url"].split("#")[0].endswith(f"/{name}.html")]


def test_php_notices_are_removed(pages):
    [item] = by_page(pages[0], "notice")
    assert item["title"] == "Аким встретился с жителями микрорайона"
    assert item["date"] == "2025-03-03"
    assert item["text"].startswith("3 марта 2025 года аким города провёл встречу")
    assert "Warning" not in item["text"] and ".php" not in item["text"]


def test_glued_date_is_split(pages):
    [item] = by_page(pages[0], "glued")
    assert item["title"] == "Заседание совета по развитию туризма"
    assert item["date"] == "2024-04-12"
    assert item["text"].startswith("12 апреля в Туркестане")
    [record] = item["clean"]
    assert record["date_text"] == "12.04.2024" and record["source"]["url"] == item["url"]


def test_listing_page_kept_whole_by_default(pages):
    [item] = by_page(pages[0], "listing")
    assert len(item["clean"]) == 3
    assert item["text"].count("\n\n") == 2 and item["date"] == "2024-05-05"


def test_listing_page_split_when_asked(split):
    items = by_page(split[0], "listing")
    assert [item["date"] for item in items] == ["2024-05-05", "2024-05-06", "2024-05-07"]
    assert [len(item["clean"]) for item in items] == [1, 1, 1]
    assert items[1]["text"].startswith("6 мая 2024 года в Караганде")
    assert all(item["page_title"] == "Лента новостей" for item in items)  # the page's own fields travel along
    assert len({item["clean"][0]["id"] for item in items}) == 3
    assert [item["url"].split("#")[1] for item in items] == ["item-1", "item-2", "item-3"]
    assert all(item["clean"][0]["source"]["url"] == item["url"].split("#")[0] for item in items)


def test_split_parts_pass_a_url_dedup_pipeline_once_each(split):
    items, log = split
    assert "duplicate URL" not in log and "'clean/items': 5" in log and "'item_scraped_count': 5" in log


def test_split_without_the_spider_middleware_refuses_to_start(site, tmp_path):
    _, log = crawl(site, tmp_path / "items.jsonl", "CLEAN_SPLIT_ITEMS=True", check=False)
    assert "CLEAN_SPLIT_ITEMS=True splits pages in the spider middleware" in log
    assert "CleanSpiderMiddleware" in log and not (tmp_path / "items.jsonl").exists()


def test_provenance_fields_are_the_jsonl_record(pages):
    [item] = by_page(pages[0], "notice")
    [record] = item["clean"]
    assert record["text"] == item["text"] and record["source"]["url"] == item["url"]
    assert set(record) == {"id", "source", "title", "date", "date_text", "date_rule", "site", "text", "flags",
                           "boundary", "removed", "edits"}


def test_empty_page_dropped_with_log_and_stat(pages, split):
    for items, log in (pages, split):
        assert by_page(items, "empty") == []
        assert "clean: dropped" in log and "empty.html" in log
        assert "'clean/dropped_empty': 1" in log
    assert "'item_scraped_count': 3" in pages[1] and "'item_scraped_count': 5" in split[1]


def process(item, **settings):
    """One item through a CleanPipeline built from settings, outside a crawl."""
    import asyncio

    from scrapy.settings import Settings

    from clean.pipeline import Pipeline
    from clean.integrations.scrapy import DEFAULTS, CleanPipeline

    values = Settings({**DEFAULTS, **settings})
    fields = {name: values.get(name) for name in DEFAULTS}
    return asyncio.run(CleanPipeline(Pipeline(), fields).process_item(item))


def test_field_names_come_from_settings():
    page = ("Notice: Undefined index: id in /var/www/news/item.php on line 12\n"
            "Новый мост открыт\n\n1 июня 2024 года в Семее открыли новый мост через Иртыш.")
    item = process({"body": page, "link": "https://example.kz/1", "headline": "Мост"},
                   CLEAN_TEXT_FIELD="body", CLEAN_URL_FIELD="link", CLEAN_TITLE_FIELD=None,
                   CLEAN_DATE_FIELD="published", CLEAN_RECORD_FIELD="provenance")
    assert item["body"] == "1 июня 2024 года в Семее открыли новый мост через Иртыш."
    assert item["headline"] == "Мост" and item["published"] == "2024-06-01"
    assert item["provenance"][0]["source"]["url"] == "https://example.kz/1"


def test_an_item_class_without_the_field_is_named():
    import scrapy

    class Page(scrapy.Item):
        url = scrapy.Field()
        text = scrapy.Field()

    with pytest.raises(KeyError, match="Page has no field 'clean'"):
        process(Page(url="https://example.kz/2", text="Заголовок\n\nТекст новости о погоде."), CLEAN_TITLE_FIELD=None,
                CLEAN_DATE_FIELD=None)


def test_missing_text_is_dropped():
    from scrapy.exceptions import DropItem

    with pytest.raises(DropItem, match="no text left"):
        process({"url": "https://example.kz/3"})
