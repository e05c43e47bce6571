"""The main-content pass (``content.boilerplate``): whole pages written for these tests, in en, ru, de, fr, es, tr.

Each page is an article with its site around it: a menu, a list of other
headlines, a share bar, a comment form with reader comments, a footer. The
article must come out as one item with every sentence kept, and each chrome
line must be in the audit under the rule id. Near misses: a page with little
around its text, a listing of cards, and the short lines an article holds (a
one-line lead, a list, a short last paragraph) are kept.
"""

from __future__ import annotations

import json

import pytest

from clean.model.document import Document
from clean.pipeline import Pipeline
from clean.catalog import shipped_rules
from clean.families.content.line_features import describe, language, paragraphs, stopword_sets
from clean.families.content.stopword_table import TOP_WORDS, first_words, stoplist_dir

RULE = "content.boilerplate"
PIPELINE = Pipeline()

MENU = {
    "en": ["Sign in", "Subscribe", "Home", "News", "Local", "Business", "Sport", "Opinion", "Culture", "Weather",
           "Jobs", "Search"],
    "ru": ["Вход", "Регистрация", "Главная", "Новости", "Политика", "Экономика", "Общество", "Спорт", "Культура",
           "Афиша", "Погода", "Поиск"],
    "de": ["Anmelden", "Abonnieren", "Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Wetter",
           "Panorama", "Ratgeber", "Karriere", "Suche"],
    "fr": ["Se connecter", "S'abonner", "Accueil", "Politique", "Économie", "Sport", "Culture", "Météo",
           "Société", "Régions", "Vidéos", "Recherche"],
    "es": ["Iniciar sesión", "Suscríbete", "Portada", "Política", "Economía", "Deportes", "Cultura", "Tiempo",
           "Sociedad", "Opinión", "Vídeos", "Buscar"],
    "tr": ["Giriş yap", "Abone ol", "Ana sayfa", "Gündem", "Ekonomi", "Spor", "Kültür", "Hava durumu",
           "Dünya", "Yazarlar", "Video", "Ara"],
}
OTHER_HEADLINES = {
    "en": ["Council approves new budget for schools", "Storm damages pier on the east side"],
    "ru": ["В парке высадили двести лип", "Новый маршрут свяжет два района"],
    "de": ["Stadtrat beschließt neuen Haushalt", "Sturm beschädigt den alten Hafen"],
    "fr": ["Le conseil vote le budget des écoles", "La tempête abîme la jetée du port"],
    "es": ["El pleno aprueba el presupuesto escolar", "El temporal daña el muelle del puerto"],
    "tr": ["Belediye okul bütçesini onayladı", "Fırtına limandaki iskeleye zarar verdi"],
}
SHARE = {
    "en": ["Share this article", "Facebook", "Twitter", "Email", "Tags", "ferry", "council"],
    "ru": ["Поделиться", "ВКонтакте", "Telegram", "Теги:", "мост", "город"],
    "de": ["Artikel teilen", "Facebook", "Twitter", "Drucken", "Schlagworte", "Brücke", "Verkehr"],
    "fr": ["Partager l'article", "Facebook", "Twitter", "Imprimer", "Mots-clés", "pont", "transport"],
    "es": ["Compartir", "Facebook", "Twitter", "Imprimir", "Etiquetas", "puente", "tráfico"],
    "tr": ["Haberi paylaş", "Facebook", "Twitter", "Yazdır", "Etiketler", "köprü", "ulaşım"],
}
COMMENTS = {
    "en": ["Comments", "Log in to comment", "Tom R.", "March 3, 2022 09:15",
           "Good news for everyone who works on the other side of the water, the bus would have been a pain.",
           "Anna", "March 3, 2022 10:02",
           "I wonder how long the old engine will last until the money comes through, it broke down twice."],
    "ru": ["Комментарии", "Оставить комментарий", "Сергей", "12 мая 2023, 11:02",
           "Наконец-то! Я каждый день стоял в этой пробке по сорок минут, теперь хоть высплюсь.",
           "Гость", "12 мая 2023, 11:40",
           "А про старую переправу что-нибудь решили? Её ведь тоже давно пора ремонтировать."],
    "de": ["Kommentare", "Zum Kommentieren bitte anmelden", "Peter K.", "4. Mai 2021, 10:12",
           "Endlich ist die Brücke fertig, ich musste jeden Morgen eine halbe Stunde an der Fähre warten.",
           "Maria", "4. Mai 2021, 11:30",
           "Schön wäre jetzt noch ein Radweg an der Uferstraße, dort ist es am Abend sehr gefährlich."],
    "fr": ["Commentaires", "Connectez-vous pour commenter", "Paul D.", "4 mai 2021, 10:12",
           "Enfin ce pont est ouvert, je devais attendre le bac une demi-heure chaque matin pour aller au travail.",
           "Marie", "4 mai 2021, 11:30",
           "Il faudrait maintenant une piste cyclable le long du quai, le soir c'est vraiment dangereux."],
    "es": ["Comentarios", "Inicia sesión para comentar", "Pedro G.", "4 de mayo de 2021, 10:12",
           "Por fin han abierto el puente, yo tenía que esperar el transbordador media hora cada mañana.",
           "Lucía", "4 de mayo de 2021, 11:30",
           "Ahora haría falta un carril bici junto al río, por la noche es muy peligroso ir por la carretera."],
    "tr": ["Yorumlar", "Yorum yapmak için giriş yapın", "Ahmet K.", "4 Mayıs 2021, 10:12",
           "Sonunda köprü açıldı, her sabah işe gitmek için yarım saat vapur bekliyordum ve çok yoruluyordum.",
           "Ayşe", "4 Mayıs 2021, 11:30",
           "Şimdi de nehir boyunca bir bisiklet yolu yapılsa çok iyi olur, akşamları yol gerçekten tehlikeli."],
}
FOOTER = {
    "en": ["Most read", "About us", "Contact", "Advertise", "Privacy policy", "Terms of use", "Cookie settings",
           "© 2022 Coastline Herald. All rights reserved."],
    "ru": ["Читайте также", "О редакции", "Реклама на сайте", "Политика конфиденциальности", "Обратная связь",
           "© 2010–2023 Вести Заречья", "18+"],
    "de": ["Weitere Artikel", "Impressum", "Datenschutz", "Kontakt", "Mediadaten", "Cookie-Einstellungen",
           "© 2021 Stadtanzeiger"],
    "fr": ["À lire aussi", "Mentions légales", "Confidentialité", "Contact", "Publicité", "Gestion des cookies",
           "© 2021 Le Courrier du Val"],
    "es": ["Te puede interesar", "Aviso legal", "Privacidad", "Contacto", "Publicidad", "Configurar cookies",
           "© 2021 Diario del Valle"],
    "tr": ["İlginizi çekebilir", "Künye", "Gizlilik politikası", "İletişim", "Reklam", "Çerez ayarları",
           "© 2021 Vadi Gazetesi"],
}
ARTICLE = {
    "en": ("Harbour town votes to keep its ferry running", "March 3, 2022", [
        "Residents of Port Alder voted on Wednesday to keep the town's only ferry running for another ten years, "
        "after a campaign that split the community for most of the winter.",
        "The council had proposed to replace the ferry with a bus link over the new bridge, saying the boat cost "
        "too much to repair. Opponents argued that the crossing takes twenty minutes by water and an hour by road.",
        "The council will now look for a grant to pay for:",
        "a new engine;",
        "a second landing stage.",
        '"We listened, and the answer was clear," the mayor said.',
    ]),
    "ru": ("В Заречном открыли новый мост через реку", "12 мая 2023", [
        "Мост открыли в пятницу утром.",
        "Строительство шло два года и обошлось бюджету области в полтора миллиарда рублей. Мост длиной триста "
        "метров связал центр города с микрорайоном Южный, где живут около сорока тысяч человек.",
        "По словам мэра, раньше жителям Южного приходилось ехать в центр через старую переправу, на которой в "
        "часы пик собирались пробки. Теперь дорога займёт не больше десяти минут.",
        "Летом на мосту откроют велосипедную дорожку.",
    ]),
    "de": ("Neue Brücke über den Fluss eröffnet", "4. Mai 2021", [
        "Die neue Brücke über die Saale ist am Dienstag für den Verkehr freigegeben worden. Nach zwei Jahren "
        "Bauzeit können Autos und Radfahrer nun direkt vom Zentrum in den Süden der Stadt fahren.",
        "Die Kosten lagen nach Angaben der Stadt bei rund zwölf Millionen Euro und damit etwas unter dem Plan. "
        "Die alte Fähre, die bisher die einzige Verbindung war, soll im Sommer noch für Ausflüge fahren.",
        "Der Bürgermeister sprach von einem guten Tag.",
    ]),
    "fr": ("Le nouveau pont sur la rivière est ouvert", "4 mai 2021", [
        "Le nouveau pont sur la Saône a été ouvert à la circulation mardi matin. Après deux ans de travaux, les "
        "voitures et les vélos peuvent désormais aller directement du centre-ville vers les quartiers du sud.",
        "Selon la mairie, le chantier a coûté environ douze millions d'euros, un peu moins que prévu. Le bac, "
        "qui était jusqu'ici la seule liaison, continuera de circuler l'été pour les promeneurs.",
        "Le maire a parlé d'une belle journée pour toute la région.",
    ]),
    "es": ("Abre el nuevo puente sobre el río", "4 de mayo de 2021", [
        "El nuevo puente sobre el Ebro se abrió al tráfico el martes por la mañana. Después de dos años de obras, "
        "los coches y las bicicletas pueden ir directamente del centro de la ciudad a los barrios del sur.",
        "Según el ayuntamiento, la obra costó unos doce millones de euros, algo menos de lo previsto. El "
        "transbordador, que hasta ahora era la única conexión, seguirá funcionando en verano para los paseantes.",
        "El alcalde habló de un buen día para toda la comarca.",
    ]),
    "tr": ("Nehir üzerindeki yeni köprü açıldı", "4 Mayıs 2021", [
        "Nehir üzerindeki yeni köprü salı sabahı trafiğe açıldı. İki yıl süren çalışmaların ardından araçlar ve "
        "bisikletler artık şehir merkezinden güneydeki mahallelere doğrudan gidebiliyor.",
        "Belediyenin açıklamasına göre inşaat yaklaşık on iki milyon avroya mal oldu ve bu rakam planlanandan "
        "biraz daha az. Şimdiye kadar tek bağlantı olan vapur, yaz aylarında gezinti için çalışmaya devam edecek.",
        "Belediye başkanı bunun bütün bölge için güzel bir gün olduğunu söyledi.",
    ]),
}
SITE = {"en": "Coastline Herald", "ru": "Вести Заречья", "de": "Stadtanzeiger", "fr": "Le Courrier du Val",
        "es": "Diario del Valle", "tr": "Vadi Gazetesi"}


def whole_page(lang: str) -> tuple[str, list[str], list[str]]:
    """The page text, the article's lines, and the chrome lines."""
    headline, date, body = ARTICLE[lang]
    before = MENU[lang] + OTHER_HEADLINES[lang]
    after = SHARE[lang] + COMMENTS[lang] + FOOTER[lang]
    lines = [f"{headline} | {SITE[lang]}", *before, headline, date, *body, *after]
    return "\n".join(lines), [headline, date, *body], before + after


@pytest.mark.parametrize("lang", sorted(ARTICLE))
def test_whole_page_is_one_item_with_every_sentence(lang):
    text, article, _ = whole_page(lang)
    items = PIPELINE.clean_text(text)
    assert len(items) == 1
    headline, _, body = ARTICLE[lang]
    assert items[0].title == headline
    for line in body:
        assert line in items[0].text


@pytest.mark.parametrize("lang", sorted(ARTICLE))
def test_chrome_of_a_whole_page_goes_into_the_audit(lang):
    text, _, chrome = whole_page(lang)
    doc = PIPELINE.clean_document(Document.from_text(text))
    gone = {line.text for line in doc.lines if line.removed is not None}
    assert set(chrome) <= gone
    by_pass = {r.text for r in doc.removals if r.rule == RULE}
    assert set(COMMENTS[lang][2:]) <= by_pass  # reader comments: no rule names them by their words
    kept = "\n".join(item.text for item in doc.items)
    assert not any(comment in kept for comment in COMMENTS[lang][4::3])


@pytest.mark.parametrize("lang", sorted(ARTICLE))
def test_one_page_at_a_time_gives_what_a_batch_gives(lang, tmp_path):
    text, _, _ = whole_page(lang)
    page = tmp_path / "pages" / f"{lang}.txt"
    page.parent.mkdir()
    page.write_text(text, encoding="utf-8")
    PIPELINE.run([page.parent], tmp_path / "out", workers=1)
    lines = (tmp_path / "out" / "items.jsonl").read_text(encoding="utf-8").splitlines()
    batch = [json.loads(line) for line in lines]
    single = PIPELINE.clean_text(text)
    assert [(r["title"], r["date"], r["text"]) for r in batch] == [(i.title, i.date, i.text) for i in single]


def test_a_short_page_is_left_alone():
    text = "Мэрия выбрала подрядчика\nРемонт начнётся в июне.\nРаботы продлятся до осени.\n"
    doc = PIPELINE.clean_document(Document.from_text(text))
    assert not [r for r in doc.removals if r.rule == RULE]


def test_a_listing_of_cards_is_left_alone():
    cards = []
    for n in range(16):
        cards += [f"March {n + 1}, 2022", f"Headline number {n + 1} about the harbour works",
                  f"The works on pier {n + 1} went on this week, the port authority said in a statement."]
    doc = PIPELINE.clean_document(Document.from_text("\n".join(cards)))
    assert not [r for r in doc.removals if r.rule == RULE]
    assert len(doc.items) == 16


def test_a_record_of_long_paragraphs_is_left_alone():
    para = ("The new flood wall along the river was finished on Friday, two months before the winter storms "
            "usually begin, the city engineers said at a meeting with residents.")
    lines = ["Download the app", para, "Photo: city hall", para.replace("Friday", "Monday")] * 10
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    assert not [r for r in doc.removals if r.rule == RULE]


def test_sentences_cut_at_links_make_one_paragraph():
    assert paragraphs(["Об этом сообщает", "пресс-служба", "ведомства.", "Новости", "Спорт"]) == [
        (0, 2), (3, 3), (4, 4)]
    assert paragraphs(["Polish figures by district:", "Kyiv", "– 20,", "Lviv", "– 12."]) == [(0, 0), (1, 4)]


@pytest.mark.parametrize("lang, names", [("en", ("English", "Simple_English")), ("ru", ("Russian",)),
                                         ("de", ("German",)), ("fr", ("French",)), ("es", ("Spanish",)),
                                         ("tr", ("Turkish",))])
def test_the_page_language_picks_its_stop_words(lang, names):
    text, _, _ = whole_page(lang)
    rules = shipped_rules()
    tokens = [line.casefold().split() for line in text.splitlines()]
    lists = dict(stopword_sets(rules))
    assert language(tokens, rules) in [lists[name] for name in names]


def test_line_classes_follow_the_ladder():
    rules = shipped_rules()
    text = ("The committee said that it would publish the full report on the state of the roads in the spring, "
            "and that the work would start as soon as the money was there, which it hoped would be by the end of the summer.")
    classes = [i.cls for i in describe(["Home", "12.05.2021 10:30", text, "Tags: roads, bridges, budget"], rules)]
    assert classes == ["short", "stamp", "good", "short"]


def test_stopword_table_matches_the_installed_justext_lists():
    folder = stoplist_dir()
    if folder is None:
        pytest.skip("justext is not installed (pip install clean[stoplists]): nothing to check the table against")
    table = shipped_rules().table("stopwords")["languages"]
    source = sorted(p.stem for p in folder.glob("*.txt"))
    assert sorted(table) == source
    for name in source:
        words = (folder / f"{name}.txt").read_text(encoding="utf-8").split()
        assert table[name].split() == first_words(words, TOP_WORDS), name


def listing(cards: int, head: list[str], foot: list[str]) -> tuple[str, list[str]]:
    """A listing page: ``head``, then ``cards`` cards of date, headline and teaser, then ``foot``."""
    body = []
    for n in range(cards):
        body += [f"June {n + 1}, 2022", f"Headline number {n + 1} about the valley works",
                 f"The works at site {n + 1} went on this week, the council said in a statement."]
    return "\n".join(head + body + foot), body


LISTING_HEAD = ["Valley Gazette", "Log in", "Register", "Home", "News", "Local", "Sport", "Business", "Arts",
                "Weather", "Travel", "Jobs", "Search", "Friday, June 10, 2022"]
LISTING_FOOT = ["About the Gazette", "Contact the newsroom", "Advertise with us", "Privacy", "Terms and conditions"]


def test_the_frame_of_a_listing_goes_and_every_card_stays():
    text, body = listing(8, LISTING_HEAD, LISTING_FOOT)
    doc = PIPELINE.clean_document(Document.from_text(text))
    framed = {r.text for r in doc.removals if r.rule == "content.listing-frame"}
    assert set(LISTING_HEAD[1:]) | set(LISTING_FOOT) <= framed
    assert len(doc.items) == 8
    kept = "\n".join(f"{item.title}\n{item.text}" for item in doc.items)
    assert all(line in kept for line in body if not line.startswith("June"))


def test_a_story_above_the_cards_stops_the_frame():
    story = ["Flood defences finished ahead of the winter storms"]
    text, _ = listing(8, LISTING_HEAD + story, LISTING_FOOT)
    doc = PIPELINE.clean_document(Document.from_text(text))
    assert story[0] not in {r.text for r in doc.removals}


def test_a_page_of_few_cards_keeps_its_frame():
    text, _ = listing(4, LISTING_HEAD + ["Travel", "Food", "Cars", "Homes", "Puzzles", "Events"], LISTING_FOOT)
    doc = PIPELINE.clean_document(Document.from_text(text))
    assert not [r for r in doc.removals if r.rule == "content.listing-frame"]


def test_a_button_printed_under_each_picture_goes_a_caption_printed_twice_stays():
    headline, date, body = ARTICLE["en"]
    button, caption = "Expand to full screen", "The ferry at the north landing"
    inside = [body[0], caption, button, caption, body[1], button, body[2], button, *body[3:]]
    text, _, _ = whole_page("en")
    text = text.replace("\n".join(body), "\n".join(inside))
    doc = PIPELINE.clean_document(Document.from_text(text))
    assert {r.text for r in doc.removals if r.rule == RULE} >= {button}
    assert button not in doc.items[0].text and caption in doc.items[0].text


def test_a_counter_under_the_headline_goes_figures_inside_the_text_stay():
    headline, date, body = ARTICLE["ru"]
    figures = ["Южный", "40 000", "Центр", "25 000"]
    text, _, _ = whole_page("ru")
    text = text.replace(f"{headline}\n{date}\n", f"{headline}\n{date}\n1204\n")
    text = text.replace(body[2], "\n".join([body[2], *figures, body[1]]))
    doc = PIPELINE.clean_document(Document.from_text(text))
    assert "1204" in {r.text for r in doc.removals if r.rule == RULE}
    assert all(f in doc.items[0].text for f in figures)


def test_a_reader_comment_longer_than_the_article_is_not_the_article():
    headline, date, body = ARTICLE["en"]
    long_comment = [
        "I have taken that ferry every working day for the last twenty years, and I can tell you that the "
        "council never once asked the people who use it what they thought of the plan to close it.",
        "The bus would have taken an hour each way in the summer and longer in the winter, when the bridge "
        "road is often closed by snow, and the people in the villages on the north shore would have lost "
        "their only quick way to the hospital and the schools in town.",
        "So I am glad that the vote went the way it did, and I hope that the money for the new engine is found "
        "before the old one breaks down again in the middle of the channel, as it did last March.",
    ]
    text, _, _ = whole_page("en")
    text = text.replace("\n".join(body), "\n".join(body[:2]))
    text = text.replace(COMMENTS["en"][4], "\n".join(long_comment))
    doc = PIPELINE.clean_document(Document.from_text(text))
    assert len(doc.items) == 1
    assert body[0] in doc.items[0].text and long_comment[0] not in doc.items[0].text


def test_a_legal_notice_longer_than_the_article_is_not_an_article():
    legal = [
        "All material on this site is protected by copyright law and may not be reproduced, distributed, "
        "transmitted or otherwise used, except with the prior written permission of the publisher of the paper.",
        "The newspaper is not responsible for the content of external sites and the opinions of readers "
        "published in the comments, which are the responsibility of their authors and may be removed.",
        "By using this site you agree to the terms of use and to the privacy policy, which explain how we "
        "collect and use the information you give us when you register, comment or subscribe to our letters.",
    ]
    text, _, _ = whole_page("en")
    text = text.replace(f"{ARTICLE['en'][0]} | {SITE['en']}", f"{SITE['en']}: local news")  # no echo
    text = text.replace(FOOTER["en"][-1], "\n".join(legal))
    doc = PIPELINE.clean_document(Document.from_text(text))
    assert len(doc.items) == 1 and doc.items[0].title == ARTICLE["en"][0]
    assert set(legal) <= {r.text for r in doc.removals if r.rule == RULE}


SHORT_PAGES = {  # an aggregator's copy: headline, byline, text, a link to the source, a line the server printed
    "en": ["Ferry to run through the winter", "Harbour Post 5 hours ago 12",
           "The harbour ferry will keep running through the winter, the port authority said on Tuesday after a vote.",
           "The council found the money for a new engine, which the old boat has needed for years.",
           "Crossings will be hourly until March and every twenty minutes after that.",
           "Read more at: Harbour Post", "Query cache unavailable (code 2002)"],
    "ru": ["Паром будет ходить всю зиму", "Вести Заречья 5 часов назад 12",
           "Паром через залив будет ходить всю зиму, сообщили во вторник в администрации порта после долгого голосования.",
           "Городской совет нашёл деньги на новый двигатель, который старому судну нужен уже несколько лет.",
           "До марта рейсы будут раз в час, а потом каждые двадцать минут.",
           "Читать продолжение в источнике: Вести Заречья", "Query cache unavailable (code 2002)"],
    "de": ["Fähre fährt den ganzen Winter", "Stadtanzeiger vor 5 Stunden 12",
           "Die Hafenfähre fährt auch im Winter weiter, teilte die Hafenbehörde am Dienstag nach einer Abstimmung mit.",
           "Der Stadtrat hat das Geld für einen neuen Motor gefunden, den das alte Schiff seit Jahren braucht.",
           "Bis März fährt sie stündlich, danach alle zwanzig Minuten.",
           "Weiterlesen bei: Stadtanzeiger", "Query cache unavailable (code 2002)"],
    "fr": ["Le bac circulera tout l'hiver", "Le Courrier du Val il y a 5 heures 12",
           "Le bac du port continuera de circuler tout l'hiver, a annoncé mardi la capitainerie après un vote.",
           "Le conseil a trouvé l'argent pour un nouveau moteur, dont le vieux bateau a besoin depuis des années.",
           "Les traversées auront lieu toutes les heures jusqu'en mars, puis toutes les vingt minutes.",
           "Lire la suite sur: Le Courrier du Val", "Query cache unavailable (code 2002)"],
    "es": ["El ferry navegará todo el invierno", "Diario del Valle hace 5 horas 12",
           "El ferry del puerto seguirá navegando todo el invierno, informó el martes la autoridad portuaria tras una votación.",
           "El pleno encontró el dinero para un motor nuevo, que el viejo barco necesita desde hace años.",
           "Habrá un cruce cada hora hasta marzo y después uno cada veinte minutos.",
           "Seguir leyendo en: Diario del Valle", "Query cache unavailable (code 2002)"],
}


@pytest.mark.parametrize("lang", sorted(SHORT_PAGES))
def test_a_short_aggregator_page_is_one_story_without_what_follows_it(lang):
    headline, _byline, *body, link, stray = SHORT_PAGES[lang]
    doc = PIPELINE.clean_document(Document.from_text("\n".join(SHORT_PAGES[lang])))
    assert len(doc.items) == 1
    assert doc.items[0].title == headline
    assert all(line in doc.items[0].text for line in body)
    assert {r.text for r in doc.removals if r.rule == RULE} == {stray}
    assert any(r.text == link and r.rule.startswith("chrome.") for r in doc.removals)


def test_a_short_page_whose_lines_under_the_text_may_be_its_own_is_left_alone():
    """Names under the quotes of an interview, and no sign of a page around it: nothing goes."""
    _, byline, *body, _, _ = SHORT_PAGES["en"]
    lines = ["Two captains on the winter ferry", byline, *body, "Tom Reed, captain", "Anna Berg, first mate"]
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    assert not [r for r in doc.removals if r.rule == RULE]
    assert "Anna Berg, first mate" in doc.items[-1].text


def test_a_short_page_with_a_sentence_under_its_source_link_is_left_alone():
    headline, byline, *body, link, _ = SHORT_PAGES["ru"]
    lines = [headline, byline, *body, link, "Мост откроют весной, добавили в мэрии."]
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    assert not [r for r in doc.removals if r.rule == RULE]
    assert "Мост откроют весной, добавили в мэрии." in "\n".join(item.text for item in doc.items)


@pytest.mark.parametrize("lang", ["en"])  # the one article long enough to be sure of without a title echo
def test_a_visible_headline_over_its_authors_and_date_is_the_title(lang):
    """The <title> line words it otherwise; two names lie between the headline and its date line."""
    headline, date, body = ARTICLE[lang]
    lines = [f"Everything about the harbour vote | {SITE[lang]}", *MENU[lang], *OTHER_HEADLINES[lang],
             headline, "Tom Reed", "Anna Berg", date, *body, *SHARE[lang], *COMMENTS[lang], *FOOTER[lang]]
    items = PIPELINE.clean_text("\n".join(lines))
    assert items[0].title == headline
    assert all(line in items[0].text for line in body)


def test_the_folded_form_of_a_line_is_the_widget_fold():
    from clean.families.chrome.widgets import fold

    texts = [line for lang in ARTICLE for line in whole_page(lang)[0].splitlines()]
    texts += ["Ещё — ПО ТЕМЕ!", "İlgili Haberler", "Straße 5: Öffnungszeiten", "  x  ", "", "Қазақстан, 2024 ж."]
    infos = describe(texts, PIPELINE.rules)
    assert [info.folded for info in infos] == [fold(text.strip()) for text in texts]
