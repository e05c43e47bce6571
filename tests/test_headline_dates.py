"""``dates.headline-date``: a whole page's article takes the date line printed beside its headline (over it,
under it past short lines, or beside the headline's entry in the page's feed), and no other date.

Each page is written here: a ``<title>`` line, a menu, the article's head, three paragraphs, and a footer, the
shape the main-content pass recognises as an article among the page around it.
"""

from __future__ import annotations

import pytest

from clean.pipeline import Pipeline

PIPELINE = Pipeline()
MENU = ["Главная", "Новости", "Политика", "Экономика", "Общество", "Спорт", "Культура", "Происшествия", "Фото",
        "Видео", "Контакты", "Подписка", "Поиск", "Войти", "Архив", "Погода", "Афиша", "Авто", "Недвижимость",
        "Здоровье", "Образование", "Туризм"]
FOOTER = ["Поделиться", "ВКонтакте", "Telegram", "О редакции", "Реклама на сайте", "Политика конфиденциальности",
          "Правила комментирования", "Карта сайта", "Вакансии"]
HEADLINE = "В Томске открыли новый мост через реку Ушайку"
BODY = [
    "Новый мост через реку Ушайку открыли в Томске в понедельник после двух лет строительства, сообщили в мэрии.",
    "По словам мэра, мост позволит разгрузить центральные улицы и сократить время в пути для жителей южных районов.",
    "Строительство обошлось городскому бюджету примерно в восемьсот миллионов рублей, что меньше, чем планировали.",
    "Старый деревянный мост, который стоял на этом месте с середины прошлого века, разберут до конца будущего года.",
]


def page_item(head: list[str], top: list[str] = (), after: list[str] = (), body: list[str] = BODY,
              title: str = f"{HEADLINE} - Томские вести"):
    """The one item of a page whose article opens with ``head`` lines."""
    [item] = PIPELINE.clean_text("\n".join([title, *top, *MENU, *head, *body, *after, *FOOTER]))
    return item


def dated(head: list[str], top: list[str] = (), after: list[str] = (), body: list[str] = BODY):
    """(title, date, date_rule) of the one item of a page whose article opens with ``head`` lines."""
    item = page_item(head, top, after, body)
    return item.title, item.date, item.date_rule


@pytest.mark.parametrize("head, date", [
    (["12.10.20 14:05 | Общество | 245", HEADLINE], "2020-10-12"),  # over the headline: a two-digit year, fields
    (["Понедельник, 12 октября 2020", HEADLINE], "2020-10-12"),
    ([HEADLINE, "Анна Петрова", "Иван Сидоров", "Фото автора", "Томск", "12.10.2020"], "2020-10-12"),  # past 4 lines
])
def test_a_date_line_beside_the_headline_dates_the_article(head, date):
    assert dated(head) == (HEADLINE, date, "dates.headline-date")


def feed(*cards: tuple[str, str]) -> list[str]:
    """A feed of latest news as a scraper leaves it: date, time, headline for each card."""
    return ["Лента новостей", *(line for day, headline in cards for line in (day, "10:15", headline))]


def test_the_headlines_entry_in_the_pages_feed_dates_the_article():
    cards = feed(("13 октября 2020", "Ремонт набережной завершат к зиме"), ("12 октября 2020", HEADLINE),
                 ("12 октября 2020", "Новые автобусы вышли на городские маршруты"))
    assert dated([HEADLINE], after=cards) == (HEADLINE, "2020-10-12", "dates.headline-date")


@pytest.mark.parametrize("head, top, after", [
    # the crawl-time date under the <title> line, nothing beside the headline
    ([HEADLINE], ["Четверг, 15 октября 2020"], []),
    # a feed entry between two cards of other days: whose date is whose, the sides cannot tell
    ([HEADLINE], [], feed(("13 октября 2020", "Ремонт набережной завершат к зиме"), ("12 октября 2020", HEADLINE),
                          ("11 октября 2020", "Новые автобусы вышли на городские маршруты"))),
    # a date in a related-links list, next to another headline
    ([HEADLINE], [], ["Читайте также", "Ремонт набережной завершат к зиме", "11 октября 2020",
                      "Новые автобусы вышли на городские маршруты", "10 октября 2020"]),
    # a calendar widget
    ([HEADLINE], [], ["Календарь", "Октябрь 2020", "Пн", "Вт", "Ср", "Чт", "Пт", "1", "2", "5", "6", "7"]),
    # no year, or a relative date, beside the headline
    (["12 октября, 14:05", HEADLINE], [], []),
    ([HEADLINE, "2 часа назад"], [], []),
    # too far under the headline, past a line of text
    ([HEADLINE, "Анна Петрова", "Фото пресс-службы мэрии Томска для новостей", "12.10.2020"], [], []),
])
def test_no_date_near_the_headline_leaves_the_article_undated(head, top, after):
    assert dated(head, top, after)[1:] == (None, None)


def test_the_crawl_time_date_of_the_pages_header_is_not_the_articles_date_even_right_over_its_headline():
    lines = [f"{HEADLINE} - Томские вести", "Четверг, 15 октября 2020", HEADLINE, *LONGER, *MENU, *FOOTER]
    [item] = PIPELINE.clean_text("\n".join(lines))
    assert (item.title, item.date) == (HEADLINE, None)


def test_a_date_inside_a_sentence_or_deep_in_the_text_is_not_the_articles_date():
    body = [*BODY[:2], "Подрядчик получил разрешение мэрии на начало работ 12 октября 2018 года, сообщили в мэрии.",
            BODY[2]]
    assert dated([HEADLINE], body=body)[1:] == (None, None)


LONGER = [*BODY, "Движение по мосту будет открыто для всех видов транспорта, кроме грузовиков больше десяти тонн."]
OTHER_TITLE = "Мэр открыл мост: репортаж с церемонии - Томские вести"  # a <title> that is not the headline


def test_a_date_line_over_a_kicker_opens_the_article_and_the_kicker_is_its_title():
    item = page_item(["12.10.2020, 14:05", "Мост готов", HEADLINE], body=LONGER, title=OTHER_TITLE)
    assert (item.title, item.date, item.date_rule) == ("Мост готов", "2020-10-12", "dates.headline-date")
    assert item.text.startswith(HEADLINE + "\n")  # the headline under the kicker opens the text; no <title> line


def test_a_one_word_rubric_over_the_headline_is_no_kicker():
    item = page_item(["12.10.2020, 14:05", "Общество", HEADLINE], body=LONGER, title=OTHER_TITLE)
    assert item.title != "Общество" and "Общество" not in item.text.split("\n")  # a rubric of the menu stays out


def test_a_date_under_a_related_links_headline_after_the_text_is_not_the_articles_date():
    after = ["Читайте также", "Ремонт набережной завершат к зиме", "11 октября 2020"]
    assert dated([HEADLINE], after=after)[1:] == (None, None)


EN_MENU = ["Home", "News", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Travel",
           "Opinion", "Video", "Podcasts", "Newsletters", "Sign in", "Subscribe", "Search", "Weather", "Markets"]
EN_FOOTER = ["Share", "Facebook", "Twitter", "Email", "About us", "Advertise", "Privacy policy", "Terms of use",
             "Careers"]
EN_HEADLINE = "Regional council approves new bus routes for the valley"
EN_BODY = [
    ("The regional council approved three new bus routes on Tuesday that will connect the villages of the upper "
     "valley with the hospital and the railway station, officials said."),
    ("The routes will run every thirty minutes on weekdays and every hour at weekends, and the first buses are "
     "expected to start in the spring."),
    ("Residents had asked for better connections for years, and a petition signed by two thousand people was "
     "handed to the council last autumn."),
]


@pytest.mark.parametrize("head, date", [
    (["Politics | March 3, 2021", EN_HEADLINE], "2021-03-03"),  # the rubric first, then the date
    (["Published: March 3, 2021 | By Jane Doe", EN_HEADLINE], "2021-03-03"),
    ([EN_HEADLINE, "By Jane Doe", "5 min read", "Wednesday, 3 March 2021"], "2021-03-03"),
    (["Politics | March 3 | 10:15", EN_HEADLINE], None),  # no year
    (["Politics | The council met on March 3, 2021 to vote on the routes.", EN_HEADLINE], None),  # a sentence
])
def test_an_english_page_dated_beside_its_headline(head, date):
    lines = [f"{EN_HEADLINE} | Valley Times", *EN_MENU, *head, *EN_BODY, *EN_FOOTER]
    [item] = PIPELINE.clean_text("\n".join(lines))
    assert (item.title, item.date) == (EN_HEADLINE, date)


def test_a_date_line_closing_the_text_dates_it_even_with_a_teaser_of_the_next_story_under_it():
    after = ["12 октября 2020", "Следующая статья: ремонт набережной завершат к зиме"]
    assert dated([HEADLINE], after=after)[1] == "2020-10-12"


def test_counters_between_a_long_headline_of_many_stop_words_near_text_and_the_text_go():
    headline = "Мэр сказал, что новый мост через реку у нас в городе откроют для всех до конца года"
    lines = [f"{headline} - Томские вести", *MENU, headline, "12", "0", "Анна Петрова", *LONGER, *FOOTER]
    [item] = PIPELINE.clean_text("\n".join(lines))
    assert item.title == headline and item.text.split("\n")[:2] == ["Анна Петрова", LONGER[0]]
