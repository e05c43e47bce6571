"""Listings as sites lay them out: runs of cards, their dates and titles, lists of headlines, counters.

The pages here are written for these tests (no real page's text). Each table row is a page and what a
careful reader gives for it; the near misses are pages the card signals must leave alone.
"""

import pytest

from clean.families.items.cards import find_cards, line_cards
from clean.pipeline import Pipeline

PIPELINE = Pipeline()


def items(page: str):
    return PIPELINE.clean_text(page)


def summary(page: str):
    return [(i.title, i.date) for i in items(page)]


@pytest.mark.parametrize("symbols, starts, date_at, closes", [
    ("WTTDTTDTTDW", [1, 4, 7], 3, True),  # teaser, then the date under it
    ("WDTTDTTDTTW", [1, 4, 7], 1, False),  # the date over the headline
    ("TUTDUTUTDUTUTDU", [0, 5, 10], 3, True),  # a feed: title, link, description, date, guid
    ("WTDTTDTTDTW", [1, 4, 7], 2, True),  # the date between headline and teaser
])
def test_cards_tile_the_run_and_place_its_dates(symbols, starts, date_at, closes):
    cards = find_cards(symbols)
    assert sorted(cards.starts) == starts
    assert cards.closes[date_at] is closes


@pytest.mark.parametrize("symbols", [
    "TTTTTTTTT",  # no date lines
    "TDTTTTTDT",  # two dated paragraphs of an article
    "TTDTTTTTTTTTTTTDTTTTTTTTTTTTTD",  # dates further apart than a card
])
def test_no_cards_without_a_run_of_dated_cards(symbols):
    assert not find_cards(symbols).starts


def test_a_stamped_line_shows_its_date_first():
    cards = line_cards(["Заголовок первой новости", "Текст.", "Заголовок второй новости", "Текст.",
                        "Заголовок третьей новости", "Текст."], [False] * 6, [False, True] * 3, [3, 1] * 3)
    assert sorted(cards.starts) == [0, 2, 4]


DATE_UNDER_CARD = """Новости области
В Павлодаре открыли новый мост через Иртыш
Движение по мосту запустили в субботу, на открытии был аким области.
14 ноября 2025, 18:40
В Экибастузе отремонтировали три школы
Ремонт шёл всё лето, в школах заменили окна и крыши.
13 ноября 2025, 16:15
В Аксу построят ледовую арену
Арену на 500 мест откроют к следующей зиме.
12 ноября 2025, 11:05
Архив новостей области за год"""

DATE_OVER_CARD = """Новости области
14 ноября 2025, 18:40
В Павлодаре открыли новый мост через Иртыш
Движение по мосту запустили в субботу, на открытии был аким области.
13 ноября 2025, 16:15
В Экибастузе отремонтировали три школы
Ремонт шёл всё лето, в школах заменили окна и крыши.
12 ноября 2025, 11:05
В Аксу построят ледовую арену
Арену на 500 мест откроют к следующей зиме."""

FEED = """Новости Павлодара
https://news.example.kz/
Mon, 17 Nov 2025 19:00:00 +0500
В Павлодаре открыли новый мост через Иртыш
https://news.example.kz/most-irtysh
Движение по мосту запустили в субботу, на открытии был аким области.
Sun, 16 Nov 2025 18:40:00 +0500
https://news.example.kz/most-irtysh
В Экибастузе отремонтировали три школы
https://news.example.kz/shkoly
Ремонт шёл всё лето, в школах заменили окна и крыши.
Sat, 15 Nov 2025 16:15:00 +0500
https://news.example.kz/shkoly
В Аксу построят ледовую арену
https://news.example.kz/arena
Арену на 500 мест откроют к следующей зиме.
Fri, 14 Nov 2025 11:05:00 +0500
https://news.example.kz/arena"""

EXPECTED = [
    ("В Павлодаре открыли новый мост через Иртыш", "2025-11-14"),
    ("В Экибастузе отремонтировали три школы", "2025-11-13"),
    ("В Аксу построят ледовую арену", "2025-11-12"),
]


@pytest.mark.parametrize("page", [DATE_UNDER_CARD, DATE_OVER_CARD], ids=["date-under", "date-over"])
def test_each_card_keeps_its_own_date_on_either_side(page):
    assert [s for s in summary(page) if s[0]] == EXPECTED


def test_a_feed_as_text_gives_each_entry_its_title_and_date():
    got = summary(FEED)[1:]  # the feed's own header is the first item
    assert got == [
        ("В Павлодаре открыли новый мост через Иртыш", "2025-11-16"),
        ("В Экибастузе отремонтировали три школы", "2025-11-15"),
        ("В Аксу построят ледовую арену", "2025-11-14"),
    ]


def test_relative_and_yearless_dates_are_null():
    page = """Лента
Вчера, 18:40
В Павлодаре открыли новый мост через Иртыш
2 часа назад
В Экибастузе отремонтировали три школы
12 ноября, 11:05
В Аксу построят ледовую арену"""
    got = summary(page)
    assert ("В Экибастузе отремонтировали три школы", None) in got
    assert all(date is None for _, date in got)


def test_a_list_of_headlines_gives_a_titled_item_each():
    page = """Самое читаемое
Павлодарские школьники победили в олимпиаде
Фермеры собрали рекордный урожай пшеницы
В городе появятся новые автобусные маршруты"""
    got = items(page)
    assert [i.title for i in got][-3:] == [
        "Павлодарские школьники победили в олимпиаде",
        "Фермеры собрали рекордный урожай пшеницы",
        "В городе появятся новые автобусные маршруты",
    ]


def test_counters_go_to_the_audit_and_the_headlines_stay():
    page = """Самое читаемое
» Павлодарские школьники победили в олимпиаде2210
» Фермеры собрали рекордный урожай пшеницы1874
» В городе появятся новые автобусные маршруты1501
Лента
В Павлодаре открыли новый мост через Иртыш
1520
В Экибастузе отремонтировали три школы
830
В Аксу построят ледовую арену
412"""
    got = items(page)
    titles = [i.title for i in got]
    assert "Фермеры собрали рекордный урожай пшеницы" in titles
    removed = {(r.rule, r.text) for i in got for r in i.removed}
    assert ("chrome.glued-counter", "1874") in removed and ("chrome.card-counter", "830") in removed
    assert not any("830" in i.text or "1874" in i.text for i in got)


def test_a_story_shown_again_is_flagged_not_dropped():
    page = DATE_UNDER_CARD + "\nПопулярное\nВ Экибастузе отремонтировали три школы\nРемонт шёл всё лето…"
    got = items(page)
    repeats = [i for i in got if i.title == "В Экибастузе отремонтировали три школы"]
    assert [("duplicate" in i.flags) for i in repeats] == [False, True]


NEAR_MISSES = {
    "a list inside an article": """Аким области встретился с жителями Экибастуза
В пятницу аким области провёл встречу с жителями Экибастуза.
На встрече обсудили три вопроса:
Строительство новой школы в южном микрорайоне
Ремонт дорог в старой части города
Открытие второго детского сада на сто мест
По каждому вопросу аким дал поручения и назвал сроки.""",
    "a one-line lead": """В Экибастузе отремонтировали три школы
Ремонт шёл всё лето.
В школах заменили окна, крыши и системы отопления, сообщили в отделе образования.
Следующий ремонт запланирован на весну.""",
    "numbers in a text": """Итоги года в Павлодаре
В 2025 году в области открыли 12 школ.
12
Строительство продолжится и в следующем году, план уже утверждён.""",
}


@pytest.mark.parametrize("page", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_an_article_stays_one_item(page):
    got = items(page)
    assert len(got) == 1
    assert got[0].title == page.split("\n")[0]
    assert not got[0].removed
