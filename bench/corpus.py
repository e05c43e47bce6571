"""A reproducible corpus of scraped news pages, for the benchmark.

Pages are made from a fixed seed with :class:`random.Random`, so the same
``seed`` and ``megabytes`` give the same bytes on any machine. They look like
what scrapers of the region's news sites save, at rates chosen to be realistic
rather than kind to the pipeline:

- articles (a title with a site suffix, a rubric, the title repeated, paragraphs,
  sometimes a press-contact footer) and listing pages (many short items, each
  with a date lead or a date stamp glued to the body, separators between some);
- PHP/WordPress notices at the top of some pages, HTML entities, non-breaking
  spaces, soft hyphens, runs of spaces, lines broken mid-sentence;
- mojibake (UTF-8 read as cp1251 or cp1252) in a few pages, cp1251-encoded files;
- mostly Russian, with some Kazakh, Ukrainian and English sentences.

>>> page(random.Random(1))[:1] in "NКВЗСМПОТРАГИ<[Ð"
True
"""

from __future__ import annotations

import random
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs used for mojibake)

LISTING_SHARE = 0.3  # listing pages among all pages
NOTICE_SHARE = 0.05  # pages that open with PHP notices
MOJIBAKE_SHARE = 0.02  # pages with a paragraph of mojibake
CP1251_SHARE = 0.03  # files saved in cp1251 instead of UTF-8
ENTITY_SHARE = 0.05  # paragraphs with HTML entities left in
NBSP_SHARE = 0.10  # paragraphs with a non-breaking or thin space
SOFT_HYPHEN_SHARE = 0.02  # paragraphs with a soft hyphen
BROKEN_LINE_SHARE = 0.05  # paragraphs broken mid-sentence by the scraper
CONTACT_SHARE = 0.15  # articles with a press-contact footer
GLUED_STAMP_SHARE = 0.5  # listing items whose date stamp is glued to the body
OTHER_LANGUAGE_SHARE = 0.08  # sentences in Kazakh, Ukrainian or English

SUBJECTS = (
    "Генеральный секретарь ОДКБ", "Министр иностранных дел", "Президент Казахстана", "Глава правительства",
    "Заместитель министра обороны", "Председатель Постоянного совета", "Делегация парламента",
    "Руководитель пресс-службы", "Аким города", "Губернатор области", "Посол Российской Федерации",
    "Участники совещания", "Представители правоохранительных органов", "Эксперты Всемирного банка",
)
VERBS = (
    "провёл встречу с", "принял участие в заседании совместно с", "обсудил вопросы сотрудничества с",
    "выступил на конференции вместе с", "подписал соглашение с", "посетил объекты вместе с",
    "встретился с", "направил приветствие", "провёл переговоры с", "обсудил итоги года с",
)
OBJECTS = (
    "министрами обороны государств – членов Организации", "руководством Объединённого штаба",
    "представителями деловых кругов", "делегацией Кыргызской Республики", "главами диппредставительств",
    "Постоянным представителем Республики Беларусь", "экспертами в сфере безопасности",
    "руководителями компетентных органов", "журналистами ведущих изданий", "молодёжными организациями",
)
PLACES = (
    "в Минске", "в Астане", "в Бишкеке", "в Москве", "в Душанбе", "в Ереване", "в Алматы", "в Санкт-Петербурге",
    "в режиме видеоконференцсвязи", "в Конгрессно-выставочном центре «Патриот»", "на площадке форума «Армия-2024»",
)
TAILS = (
    "Стороны обсудили актуальные вопросы региональной безопасности и перспективы взаимодействия.",
    "В ходе встречи были рассмотрены вопросы подготовки к предстоящей сессии Совета коллективной безопасности.",
    "По итогам переговоров подписан меморандум о взаимопонимании на 2024–2026 годы.",
    "Особое внимание уделено противодействию незаконному обороту наркотиков и торговле людьми.",
    "Участники отметили высокий уровень двустороннего сотрудничества и договорились продолжить диалог.",
    "Мероприятие прошло в конструктивной и доброжелательной атмосфере, сообщает пресс-служба.",
    "Объём финансирования программы составит 12,5 млрд тенге, из них 3 млрд — из местного бюджета.",
    "«Мы будем продолжать эту работу, и уровень, который установили наши руководители, высокий», — сказал он.",
)
OTHER = (
    "Мемлекет басшысы халықаралық ынтымақтастық мәселелерін талқылады.",
    "Сарапшылар өңірдегі қауіпсіздік жағдайын бағалады.",
    "Під час зустрічі сторони обговорили питання безпеки та співпраці.",
    "Учасники наради погодили план спільних дій на наступний рік.",
    "The ministers discussed regional security and agreed to meet again in spring.",
    "According to the press office, the talks were held in a constructive atmosphere.",
)
TITLES = (
    "Состоялось заседание Совета министров обороны", "Казахстан возглавил ОДКБ",
    "В Бишкеке прошла встреча секретарей советов безопасности", "Итоги антинаркотической операции «Канал»",
    "Парламентская Ассамблея обсудила гармонизацию законодательства", "Учения «Эшелон-2024» завершились",
    "Министры иностранных дел обсудили повестку саммита", "Новые правила въезда вступают в силу",
)
SITES = ("Semeinews.kz", "Tengrinews.kz", "Odkb-csto.org", "Kazinform.kz", "24.kg", "Belta.by", "Ukrinform.ua")
RUBRICS = ("Политика", "Общество", "Экономика", "В мире", "Происшествия", "Новости")
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")
NOTICE = (
    "Notice: Function _load_textdomain_just_in_time was called incorrectly. Translation loading for the "
    "cyr2lat domain was triggered too early. This is usually an indicator for some code in the plugin or theme "
    "running too early. (This message was added in version 6.7.0.) in "
    "/var/www/vhosts/{site}/httpdocs/wp-includes/functions.php on line 6114"
)
CONTACTS = ("Пресс-служба ОДКБ", "Тел.: +7 (495) 795-27-10", "E-mail: press@odkb-csto.org")
ENTITIES = (("«", "&laquo;"), ("»", "&raquo;"), ("—", "&mdash;"), (" ", "&nbsp;"))


def sentence(rng: random.Random) -> str:
    """One sentence of news prose."""
    if rng.random() < OTHER_LANGUAGE_SHARE:
        return rng.choice(OTHER)
    if rng.random() < 0.3:
        return rng.choice(TAILS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}."


def paragraph(rng: random.Random, sentences: int) -> str:
    """A paragraph with the scraping damage of :data:`ENTITY_SHARE` and its neighbours."""
    text = " ".join(sentence(rng) for _ in range(sentences))
    if rng.random() < ENTITY_SHARE:
        plain, entity = rng.choice(ENTITIES)
        text = text.replace(plain, entity, 2)
    if rng.random() < NBSP_SHARE:
        text = text.replace(" ", rng.choice("\u00a0\u202f\u2009"), 1)
    if rng.random() < SOFT_HYPHEN_SHARE:
        cut = text.find("ство")
        text = text if cut < 0 else text[:cut] + "\u00ad" + text[cut:]
    if rng.random() < BROKEN_LINE_SHARE:
        cut = text.find(" ", len(text) // 2)
        text = text if cut < 0 else text[:cut] + "\n" + text[cut + 1 :]
    return text


def date_words(rng: random.Random) -> tuple[int, int, int, str]:
    """A date as day, month, year and its words: ``14 августа 2023 года``."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025)
    return day, month, year, f"{day} {MONTHS[month - 1]} {year} года"


def article(rng: random.Random) -> list[str]:
    """An article: title with site suffix, rubric, title again, body, maybe a contact footer."""
    title, site = rng.choice(TITLES), rng.choice(SITES)
    lines = [f"{title} — {site} — главные новости", rng.choice(RUBRICS), "", title, ""]
    for _ in range(rng.randint(3, 9)):
        lines += [paragraph(rng, rng.randint(2, 6)), ""]
    if rng.random() < CONTACT_SHARE:
        lines += list(CONTACTS)
    return lines


def listing(rng: random.Random) -> list[str]:
    """A listing page: short items, each opened by a date lead or a glued stamp."""
    lines: list[str] = []
    for _ in range(rng.randint(5, 20)):
        day, month, year, words = date_words(rng)
        body = f"{words} {paragraph(rng, rng.randint(1, 3))}"
        if rng.random() < GLUED_STAMP_SHARE:
            lines.append(rng.choice(TITLES))
            body = f"{day:02d}.{month:02d}.{year}{body}"
        lines.append(body)
        if rng.random() < 0.2:
            lines.append("_" * rng.randint(10, 40))
    return lines


def page(rng: random.Random) -> str:
    """The text of one page, before encoding."""
    lines = listing(rng) if rng.random() < LISTING_SHARE else article(rng)
    if rng.random() < MOJIBAKE_SHARE:
        k = rng.randrange(len(lines))
        codec = rng.choice(("sloppy-windows-1251", "sloppy-windows-1252"))
        lines[k] = lines[k].encode("utf-8").decode(codec)
    if rng.random() < NOTICE_SHARE:
        lines = [NOTICE.format(site=rng.choice(SITES).lower()), ""] + lines
    return "\n".join(lines) + "\n"


def page_bytes(rng: random.Random) -> bytes:
    """One page as the file a scraper would save: UTF-8, or cp1251 at :data:`CP1251_SHARE`."""
    text = page(rng)
    if rng.random() < CP1251_SHARE:
        return text.encode("cp1251", errors="replace")
    return text.encode("utf-8")


def generate(folder: Path, megabytes: float, seed: int = 0, per_folder: int = 1000) -> tuple[int, int]:
    """Write pages into ``folder`` until ``megabytes`` are written; the number of files and bytes."""
    rng = random.Random(seed)
    target, total, n = int(megabytes * 1_000_000), 0, 0
    while total < target:
        sub = folder / f"{n // per_folder:04d}"
        if n % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        raw = page_bytes(rng)
        (sub / f"{n:07d}.txt").write_bytes(raw)
        total += len(raw)
        n += 1
    return n, total
