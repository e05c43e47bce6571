"""Fuzzing the decoder and the pipeline: no crash, nothing lost, idempotent, deterministic.

Hypothesis generates arbitrary bytes, arbitrary Unicode and news-like pages
(title, date, noise, broken lines, mojibake, in Russian, Kazakh, Ukrainian and
English, mixed with random text). CI runs a bounded, reproducible number of
examples per property (``FUZZ_EXAMPLES``); a release check runs many more with
fresh randomness (see docs/reliability.md)::

    CLEAN_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clean.model.document import Document
from clean.model.errors import CleanError, InputError
from clean.run.executor import LocalExecutor, run
from clean.engine.kinds import apply_kind
from clean.pipeline import Pipeline
from clean.stages import repair_unicode
from clean.io.decode import read_and_decode

LONG_RUN = "CLEAN_FUZZ_EXAMPLES" in os.environ
FUZZ_EXAMPLES = int(os.environ.get("CLEAN_FUZZ_EXAMPLES", 400))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=not LONG_RUN, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PIPELINE = Pipeline()
CLONE = pickle.loads(pickle.dumps(PIPELINE))  # what a worker process gets
RULES = PIPELINE.rules

FRAGMENTS = (
    "Новость дня", "Tokayev meets Putin | Astanatimes.com", "Казахстан возглавил ОДКБ — Semeinews.kz — главные новости",
    "14 августа 2023 года", "12.03.2024 10:15", "2023-08-14", "Вчера, 10:15", "14 серпня 2023 року",
    "2023 жылғы 14 тамыз", "August 14, 2023", "Notice: Undefined variable x in /var/www/a.php on line 3",
    "-----", "* * *", "Читайте также:", "Пресс-служба акимата", "Тел.: +7 (727) 123-45-67", "E-mail: press@gov.kz",
    "Политика", "World news", "Президент подписал закон о бюджете на 2024 год.", "Ел Президенті заңға қол қойды.",
    "Президент підписав закон про бюджет.", "The president signed the budget law on Monday.", "сообщил пре-",
    "зидент страны.", "В Алматы прошла встреча", "министров иностранных дел.", "", "  ",
    "\u00a0Текст\u00ad с мягким\u200b переносом.", "РџСЂРµР·РёРґРµРЅС‚ СЃРєР°Р·Р°Р»", "&quot;Цитата&quot; &amp; ещё",
    "«Мы готовы», — сказал он.", "12:45", "Источник: Kazinform", "Подробнее...", "Фото: пресс-служба",
    "14.08.2023Президент выступил с речью.", "ПРЕЗИДЕНТ ВЫСТУПИЛ", "№ 5 (1234)",
)
LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖӘҒҚҢӨҰҮҺІЇЄҐabcxyzQW"
NEWS_ALPHABET = st.sampled_from(list(LETTERS + " .,:;!?—–-«»()№%0123456789"))
NEWS_LINE = st.one_of(st.sampled_from(FRAGMENTS), st.text(NEWS_ALPHABET, max_size=60))
NEWS_PAGE = st.lists(NEWS_LINE, max_size=30).map("\n".join)
ANY_PAGE = st.lists(st.one_of(NEWS_LINE, st.text(max_size=40)), max_size=30).map("\n".join)


def accounted(doc: Document) -> set[int]:
    """Source lines an item's span, a removal, or an edit that emptied the line accounts for."""
    covered = {r.line for r in doc.removals}
    edited = {e.line for e in doc.edits}
    covered.update(line.start for line in doc.lines if not line.text.strip() and line.start in edited)
    for item in doc.items:
        covered.update(range(item.source.line_start, item.source.line_end + 1))
    return covered


def clean_or_refuse(raw: bytes) -> Document | None:
    """The cleaned document, or None when the input is refused with an :class:`InputError`."""
    try:
        return PIPELINE.clean_bytes(raw, "fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return None


@FUZZ
@given(st.binary(max_size=4000))
def test_decoder_accepts_or_refuses_any_bytes(raw):
    try:
        doc = read_and_decode(raw, "fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    assert doc.source.sha256 == hashlib.sha256(raw).hexdigest() and doc.source.encoding
    assert [line.start for line in doc.lines] == list(range(1, len(doc.lines) + 1))


@FUZZ
@given(NEWS_PAGE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r", "utf-16-le", "utf-16-be"]))
def test_decoder_on_news_text_in_any_encoding(text, encoding):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:  # Kazakh letters have no place in koi8-r
        return
    doc = clean_or_refuse(raw)
    if doc is not None and encoding in ("utf-8", "utf-8-sig", "utf-16"):
        expected = text[:-1] if text.endswith("\n") else text  # a last line end ends the last line
        assert "\n".join(line.text for line in read_and_decode(raw, "f").lines) == expected


@FUZZ
@given(st.binary(max_size=4000))
def test_pipeline_survives_any_bytes(raw):
    try:
        PIPELINE.clean_bytes(raw, "fuzz.txt")
    except CleanError:
        pass


@FUZZ
@given(ANY_PAGE)
def test_nothing_is_lost_on_any_text(text):
    raw = text.encode("utf-8", "surrogatepass")
    doc = clean_or_refuse(raw)
    if doc is None:
        return
    content = {line.start for line in read_and_decode(raw, "fuzz.txt").lines if line.text.strip()}
    assert not content - accounted(doc), "source lines lost without a record"
    spans = sorted((i.source.line_start, i.source.line_end) for i in doc.items)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), "item spans overlap"


@FUZZ
@given(NEWS_PAGE)
def test_cleaning_an_item_text_again_changes_nothing(text):
    """Repairs and line-noise rules find nothing left to do in clean text.

    (Page-level rules are left out on purpose: an item's text fed back as a
    page has a new first line, which the title rules rightly treat as a title.)
    """
    doc = clean_or_refuse(text.encode())
    line_rules = [r for r in RULES.for_stage("strip_noise") if r.kind != "python"]
    for item in doc.items if doc else ():
        again = repair_unicode(Document.from_text(item.text), RULES)
        for rule in line_rules:
            again = apply_kind(again, rule, RULES)
        assert not again.edits and not again.removals, (item.text, again.edits, again.removals)


@FUZZ
@given(ANY_PAGE)
def test_same_input_same_output(text):
    raw = text.encode("utf-8", "surrogatepass")
    first = clean_or_refuse(raw)
    if first is not None:
        assert CLONE.clean_bytes(raw, "fuzz.txt").items == first.items == PIPELINE.clean_bytes(raw, "fuzz.txt").items


def test_same_bytes_whatever_the_worker_count(tmp_path, monkeypatch):
    """A generated corpus of news-like, random and broken pages: 1 and 2 workers write the same bytes."""
    monkeypatch.chdir(tmp_path)
    rng = random.Random(8)
    (tmp_path / "corpus").mkdir()
    for n in range(40):
        lines = [rng.choice(FRAGMENTS) for _ in range(rng.randrange(30))]
        raw = "\n".join(lines).encode(rng.choice(["utf-8", "utf-16", "cp1251"]), "replace")
        if n % 10 == 9:
            raw = bytes(rng.randrange(256) for _ in range(300))
        (tmp_path / "corpus" / f"{n:02d}.txt").write_bytes(raw)
    outputs = []
    for workers in (1, 2):
        run(PIPELINE, ["corpus"], tmp_path / str(workers), LocalExecutor(workers))
        outputs.append([(tmp_path / str(workers) / name).read_bytes() for name in ("items.jsonl", "sources.jsonl")])
    assert outputs[0] == outputs[1]


SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
WITH_SURROGATES = st.lists(st.one_of(NEWS_LINE, SURROGATES), max_size=12).map("".join)


@FUZZ
@given(st.lists(st.tuples(WITH_SURROGATES, NEWS_PAGE, st.booleans()), min_size=1, max_size=5))
def test_jsonl_records_with_lone_surrogates_cost_at_most_an_error_each(records):
    """Scraped JSON holds lone surrogates (half an emoji): each record is still cleaned, none stops the file."""
    from clean.io.inputs import Reader
    from clean.io.page_records import dumped

    lines = [json.dumps({"url": f"https://x/{url}", "text": (url + "\n" + text) if mixed else text})
             for url, text, mixed in records]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "crawl.jsonl")
        with open(path, "w", encoding="ascii") as f:
            f.write("\n".join(lines) + "\n")
        pages = dumped(Reader().clean(PIPELINE, path))
    assert [record["path"] for record, _ in pages] == [f"{path}:{n}" for n in range(1, len(records) + 1)]
    for (record, items), (url, text, mixed) in zip(pages, records):
        json.dumps(record, ensure_ascii=False).encode("utf-8")  # every record can be written
        items.data.decode("utf-8")
        read = json.loads(json.dumps(url))  # as a JSON parser reads it: a high and a low surrogate make one pair
        has_surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in read)
        assert has_surrogate == any("lone surrogate" in e for e in record["errors"])


NEAR_MISSES = (  # shapes that start like noise and fail late: the slow near-misses of issue 17
    "[caption ", "<!-- ", "Notice: x in /var/www/a.php, ", "/home/bitrix/www/bitrix/m/", "Теги: мир. ",
    "<b>Warning</b>: y in <b>/srv/a.php</b> ", "[14-Jul-2026 03:11:07 UTC] PHP Deprecated: ", "👁 ",
)


@settings(FUZZ, max_examples=max(FUZZ_EXAMPLES // 10, 20))
@given(st.lists(st.tuples(st.sampled_from(NEAR_MISSES), st.integers(1, 2000)), min_size=1, max_size=8),
       st.booleans())
def test_pages_of_slow_near_miss_lines_never_run_out_of_time(shapes, with_notices):
    """Lines of thousands of near-miss repeats, each maybe followed by a real notice: no rule runs out of time
    (under a budget cut to a fifth of a second per rule: a quadratic pattern would)."""
    from clean.engine import budget

    notice = "Notice: Undefined variable x in /var/www/a.php on line 3"
    lines = [part for shape, n in shapes for part in ([shape * n, notice] if with_notices else [shape * n])]
    saved = budget.PATTERN_TIMEOUT
    budget.PATTERN_TIMEOUT = 0.2
    try:
        doc = PIPELINE.clean_document(Document.from_text("Заголовок\n\n" + "\n".join(lines), path="slow.txt"))
    finally:
        budget.PATTERN_TIMEOUT = saved
    assert not [e for e in doc.errors if "out of time" in e]
    if with_notices:
        assert any(r.rule == "noise.php-notice" for r in doc.removals)
