"""``clean learn``: a site's template lines learned over a batch, written as a rule file, used one page at a time.

The pages are written here: two made-up sites sharing a header and a footer
across their pages, one given by URL (JSONL records), one by folder (.txt pages).
"""

from __future__ import annotations

import json
import tomllib

import pytest
from click.testing import CliRunner

from clean.catalog import load_rules
from clean.cli import main
from clean.model.errors import RuleError
from clean.pipeline import Pipeline
from clean.run import learn

HEADER = ["Главная", "Новости города", "Происшествия", "Культура", "Войти в личный кабинет"]
FOOTER = ["Редакция не несёт ответственности за мнения читателей", "Карта сайта", "Наши партнёры"]
STORIES = [
    ("Мост через реку открыли после ремонта", "Мост через реку открыли после ремонта в понедельник. Движение восстановлено."),
    ("В школе открыли новый спортзал", "В школе номер пять открыли новый спортзал. Занятия начнутся в сентябре."),
    ("Фермеры собрали рекордный урожай", "Фермеры области собрали рекордный урожай пшеницы. Цены на хлеб не изменятся."),
    ("Театр показал премьеру", "Городской театр показал премьеру новой пьесы. Билеты распроданы на месяц вперёд."),
    ("В парке высадили сто лип", "Волонтёры высадили в парке сто лип. Работы продолжатся весной."),
]
EN_HEADER = ["Home", "World", "Business", "Reader panel"]  # lines no shipped rule removes: the template learns them
EN_FOOTER = ["Terms of use", "Advertise with us"]
EN_STORIES = [
    ("Council approves new budget", "The city council approved the new budget on Monday after a long debate."),
    ("Library extends opening hours", "The central library will stay open until nine in the evening from May."),
    ("Rail line reopens after floods", "Trains are running again on the northern line after two weeks of repairs."),
]
PAGE_URL = "https://news.example.org/{n}"


def _page(title, body, header, footer, extra=()):
    return "\n".join([title, *header, title, body, *extra, *footer])


@pytest.fixture()
def batch(tmp_path):
    """A folder with a JSONL crawl of news.example.org and a folder of .txt pages of one English site."""
    crawl = tmp_path / "in"
    crawl.mkdir()
    with (crawl / "crawl.jsonl").open("w", encoding="utf-8") as f:
        for n, (title, body) in enumerate(STORIES):
            f.write(json.dumps({"url": PAGE_URL.format(n=n), "text": _page(title, body, HEADER, FOOTER)},
                               ensure_ascii=False) + "\n")
    site = crawl / "citypost"
    site.mkdir()
    for n, (title, body) in enumerate(EN_STORIES):
        (site / f"p{n}.txt").write_text(_page(title, body, EN_HEADER, EN_FOOTER), encoding="utf-8")
    return crawl


def _learn(batch, out, workers=1):
    rules = Pipeline().rules
    counts = learn.count_templates(rules, [str(batch)], workers)
    return learn.write_rules(rules, counts.templates(), counts.pages, out)


def test_learn_writes_one_readable_rule_file_per_site(batch, tmp_path):
    written = _learn(batch, tmp_path / "rules")
    assert sorted(p.name for p in written) == ["citypost.toml", "news-example-org.toml"]
    rule = tomllib.loads((tmp_path / "rules" / "news-example-org.toml").read_text(encoding="utf-8"))["rules"][0]
    assert rule["kind"] == "template" and rule["site"] == "news.example.org"
    assert set(rule["lines"]) == set(HEADER + FOOTER)  # no headline, no body line: each stands on one page
    assert any(e["before"] != e["after"] for e in rule["examples"])
    assert any(e["before"] == e["after"] for e in rule["examples"])


def test_learned_rules_load_and_their_examples_hold(batch, tmp_path):
    _learn(batch, tmp_path / "rules")
    rules = load_rules([tmp_path / "rules"])
    assert {r.id for r in rules.rules} == {"template.news-example-org", "template.citypost"}
    Pipeline(rule_dirs=[tmp_path / "rules"])  # runs the examples; a failing one raises RuleError


def test_one_page_at_a_time_gets_the_batch_result(batch, tmp_path):
    _learn(batch, tmp_path / "rules")
    pipeline = Pipeline(rule_dirs=[tmp_path / "rules"])
    pipeline.run([str(batch)], tmp_path / "out")
    batch_items = [json.loads(line) for line in (tmp_path / "out" / "items.jsonl").read_text().splitlines()]
    by_url = {}
    for item in batch_items:
        by_url.setdefault(item["source"]["url"], []).append(item["text"])
    for n, (title, body) in enumerate(STORIES):
        url = PAGE_URL.format(n=n)
        items = pipeline.clean_text(_page(title, body, HEADER, FOOTER), source=url)
        assert [i.text for i in items] == by_url[url]
        text = "\n".join(i.text for i in items)
        assert body in text and not any(line in text.splitlines() for line in HEADER + FOOTER)


def test_template_lines_stay_on_other_sites_and_inside_sentences(batch, tmp_path):
    _learn(batch, tmp_path / "rules")
    pipeline = Pipeline(rule_dirs=[tmp_path / "rules"])
    page = "Карта сайта\nНовый мост открыли.\nКарта сайта появилась в мэрии: на ней отмечены все мосты."
    other = pipeline.clean_text(page, source="https://other.example.net/1")
    assert "Карта сайта" in [other[0].title, *other[0].text.splitlines()]
    own = pipeline.clean_text(page, source=PAGE_URL.format(n=99))
    assert [line for i in own for line in [i.title, *i.text.splitlines()] if line] == [
        "Новый мост открыли.", "Карта сайта появилась в мэрии: на ней отмечены все мосты."]


def test_a_folder_is_the_site_of_pages_without_a_url(batch, tmp_path):
    _learn(batch, tmp_path / "rules")
    pipeline = Pipeline(rule_dirs=[tmp_path / "rules"])
    title, body = EN_STORIES[0]
    template = set(EN_HEADER + EN_FOOTER)

    def template_lines(items):
        return template & {line for i in items for line in [i.title, *i.text.splitlines()]}

    assert template_lines(pipeline.clean_file(batch / "citypost" / "p0.txt")) == set()
    assert template_lines(pipeline.clean_text(_page(title, body, EN_HEADER, EN_FOOTER), source="citypost/p9.txt")) == set()
    assert template_lines(pipeline.clean_text(_page(title, body, EN_HEADER, EN_FOOTER), source="elsewhere/p0.txt"))


def test_learning_is_the_same_with_any_number_of_workers(batch, tmp_path):
    one = [p.read_text() for p in _learn(batch, tmp_path / "one", workers=1)]
    two = [p.read_text() for p in _learn(batch, tmp_path / "two", workers=2)]
    assert one == two


def test_too_few_pages_or_too_rare_a_line_is_not_a_template():
    counts = learn.TemplateCounts()
    for n in range(2):
        counts.add("tiny.example", ["Главная"])
    for n in range(10):
        counts.add("big.example", ["Главная"] + (["Реклама"] if n < 4 else []))
    assert counts.templates() == {"big.example": [("Главная", 10)]}


def test_counts_stay_bounded_and_keep_lines_seen_twice(monkeypatch):
    monkeypatch.setattr(learn, "MAX_KEYS", 10)
    counts = learn.TemplateCounts()
    for n in range(8):
        counts.add("a.example", ["Главная", f"unique line {n}", f"another unique line {n}"])
    assert len(counts.lines) <= 10 + 3
    assert counts.lines[("a.example", "Главная")] == 8


def test_a_template_rule_needs_a_site_and_lines(tmp_path):
    (tmp_path / "bad.toml").write_text(
        'stage = "strip_noise"\n[[rules]]\nid = "template.bad"\nsummary = "s"\nwhy = "w"\nkind = "template"\n'
        'site = "bad.example"\n[[rules.examples]]\nbefore = "a"\nafter = "b"\n'
        '[[rules.examples]]\nbefore = "a"\nafter = "a"\n', encoding="utf-8")
    with pytest.raises(RuleError, match="needs a site and its lines"):
        load_rules([tmp_path])


def test_cli_learn_then_run_with_the_rules(batch, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["learn", str(batch), "-o", str(tmp_path / "rules")])
    assert result.exit_code == 0, result.output
    assert "news-example-org.toml" in result.output
    result = runner.invoke(main, ["run", str(batch), "-o", str(tmp_path / "out"), "--rules", str(tmp_path / "rules"),
                                  "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    texts = [json.loads(line)["text"] for line in (tmp_path / "out" / "items.jsonl").read_text().splitlines()]
    assert not any(line in HEADER + FOOTER + EN_HEADER + EN_FOOTER for t in texts for line in t.splitlines())


def test_pages_without_a_url_are_told_apart_by_the_site_name_in_their_title_line(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for n, (title, body) in enumerate(STORIES[:3]):
        (folder / f"a{n}.txt").write_text(_page(f"{title} — Новости Примерска", body, HEADER, FOOTER), encoding="utf-8")
    for n, (title, body) in enumerate(EN_STORIES):
        (folder / f"b{n}.txt").write_text(_page(f"{title} | Citypost News", body, EN_HEADER, EN_FOOTER), encoding="utf-8")
    rules = Pipeline().rules
    counts = learn.count_templates(rules, [str(folder)])
    assert set(counts.templates()) == {"новости примерска", "citypost news"}
    assert set(dict(counts.templates()["citypost news"])) == set(EN_HEADER + EN_FOOTER)


def test_the_scrapy_pipeline_uses_the_learned_rules(batch, tmp_path):
    pytest.importorskip("itemadapter", reason="the Scrapy pipeline needs Scrapy: pip install -e '.[test]'")
    import asyncio

    from clean.integrations.scrapy import DEFAULTS, CleanPipeline

    _learn(batch, tmp_path / "rules")
    stage = CleanPipeline(Pipeline(rule_dirs=[tmp_path / "rules"]), dict(DEFAULTS))
    title, body = STORIES[1]
    item = asyncio.run(stage.process_item({"url": PAGE_URL.format(n=42), "text": _page(title, body, HEADER, FOOTER)}))
    assert body in item["text"] and not set(HEADER + FOOTER) & set(item["text"].splitlines())


def _shared_real():
    """The real-page dev set beside the repository (../shared/real), or None (a fresh clone has none)."""
    import os
    from pathlib import Path

    from tests.conftest import ROOT

    for base in (os.environ.get("CLEAN_SHARED"), ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if base and (Path(base) / "real" / "pages").is_dir():
            return Path(base) / "real"
    return None


def test_rules_learned_from_real_pages_cut_a_sites_chrome_and_keep_its_content(tmp_path):
    """Learned without the main-content pass (``--disable content``), which takes most of it by itself."""
    real = _shared_real()
    if real is None:
        pytest.skip("the real-page dev set ../shared/real is not here (it is not part of the repository)")
    # without the main-content pass, which already takes most of a whole page's chrome by itself
    learn_rules = Pipeline(disable={"content"}).rules
    counts = learn.count_templates(learn_rules, [str(real / "pages")])
    learn.write_rules(learn_rules, counts.templates(), counts.pages, tmp_path / "rules")
    plain, learned = Pipeline(disable={"content"}), Pipeline(rule_dirs=[tmp_path / "rules"], disable={"content"})
    gold = json.loads((real / "gold-A.json").read_text(encoding="utf-8"))["files"]
    shrunk = 0
    for page in sorted((real / "pages").glob("rA*.txt")):
        before, after = plain.clean_file(page), learned.clean_file(page)
        text = "\n".join(f"{i.title or ''}\n{i.text}" for i in after)
        for item in gold[page.name]["items"]:
            assert all(c in text for c in item.get("contains", [])), page.name  # no content lost
        shrunk += len(after) <= len(before) // 2
    assert shrunk >= 3  # the three pages of the one site with three pages in the set


def test_clean_rules_show_prints_a_learned_rules_site_and_lines(batch, tmp_path):
    _learn(batch, tmp_path / "rules")
    result = CliRunner().invoke(main, ["rules", "--rules", str(tmp_path / "rules"), "show", "template.news-example-org"])
    assert result.exit_code == 0, result.output
    assert "site: news.example.org" in result.output and "Войти в личный кабинет" in result.output


def test_a_page_that_cannot_be_read_is_skipped_and_named(batch, tmp_path):
    (batch / "citypost" / "broken.txt").write_bytes(b"")  # an empty file: an error for clean run too
    runner = CliRunner()
    result = runner.invoke(main, ["learn", str(batch), "-o", str(tmp_path / "rules")])
    assert result.exit_code == 0, result.output
    assert "broken.txt" in result.output and "1 pages skipped" in result.output
    assert (tmp_path / "rules" / "citypost.toml").exists()


def test_the_prune_floor_rises_while_pruning_is_not_enough(monkeypatch):
    monkeypatch.setattr(learn, "MAX_KEYS", 6)
    counts = learn.TemplateCounts()
    for n in range(6):
        counts.add("a.example", [f"line {k}" for k in range(n, n + 5)] + ["Главная"])
    assert counts.floor > 1 and len(counts.lines) <= 6 + 6
    assert counts.lines[("a.example", "Главная")] == 6
