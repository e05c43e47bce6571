"""Widgets told by their neighbour lines (clean/families/chrome/reading_time.py), on pages written for
these tests in en, ru, de, fr, es: each is taken where it is one, and a sentence that uses the same
words, or that a scraper cut at its links, is kept whole."""

from __future__ import annotations

import pytest

from clean.model.document import Document
from clean.pipeline import Pipeline

PIPELINE = Pipeline()
OURS = {"chrome.reading-time", "chrome.related-link", "chrome.split-follow-call"}

TAKEN = {  # lang -> (page lines, the lines our rules take)
    "en": (["Harbour ferry gets a new timetable", "Reading time", "4 minutes",
            "The ferry will run every twenty minutes from Monday, the port authority said.",
            "Related", "Council approves the budget for the new pier",
            "Evening crossings stay hourly until the summer.", "Follow Harbour Post on", "Facebook", "or", "Instagram"],
           {"Reading time", "4 minutes", "Related", "Council approves the budget for the new pier",
            "Follow Harbour Post on", "Facebook", "or", "Instagram"}),
    "ru": (["Каток откроют в субботу", "Время чтения: 2 минуты",
            "Каток у набережной откроется в субботу и будет работать до марта, сообщили в мэрии.",
            "Читайте также", "Горожане выбрали проект новой набережной", "Вход бесплатный.",
            "Читайте нас в", "Telegram", "и", "ВКонтакте"],
           {"Время чтения: 2 минуты", "Читайте также", "Горожане выбрали проект новой набережной",
            "Читайте нас в", "Telegram", "и", "ВКонтакте"}),
    "de": (["Stadt eröffnet neue Bibliothek", "3 Min. Lesezeit",
            "Die neue Stadtbibliothek öffnet am Samstag ihre Türen, teilte die Verwaltung mit.",
            "Siehe auch", "Stadtrat beschließt neuen Haushalt", "Der Bau hat zwei Jahre gedauert."],
           {"3 Min. Lesezeit", "Siehe auch", "Stadtrat beschließt neuen Haushalt"}),
    "fr": (["La ville ouvre une piscine", "Durée de lecture : 2 min",
            "La nouvelle piscine municipale ouvrira ses portes samedi, a annoncé la mairie.",
            "Voir aussi", "« Le budget 2024 adopté »", "Les travaux ont duré deux ans."],
           {"Durée de lecture : 2 min", "Voir aussi", "« Le budget 2024 adopté »"}),
    "es": (["La ciudad abre un parque", "Lectura de 3 minutos",
            "El nuevo parque municipal abrirá el sábado, informó el ayuntamiento.",
            "Ver también", "El concejo aprueba el presupuesto", "Las obras duraron dos años."],
           {"Lectura de 3 minutos", "Ver también", "El concejo aprueba el presupuesto"}),
}

KEPT = {  # lang -> a page none of whose lines our rules may take
    "en": ["Mayor quits after a post online", "Reading time at home rose by a third, the library said.",
           "The mayor wrote on", "Telegram", "and", "Facebook", "that he would step down at the end of the month.",
           "See also", "the report of the council, published on Friday."],
    "ru": ["Мэр ушёл в отставку", "На чтение доклада ушло 5 минут.", "Он написал в", "Telegram",
           ", что уходит.", "Читайте также", "интервью мэра в пятничном номере.", "5 минут",
           "Столько длилось заседание."],
    "de": ["Bürgermeister tritt zurück", "Lesezeit spielt keine Rolle, sagte der Bürgermeister.", "Siehe auch",
           "Der Bericht erscheint am Freitag.", "Er schrieb auf", "Telegram", "dass er zurücktritt."],
    "fr": ["Le maire démissionne", "Temps de lecture : le rapport compte deux cents pages, a dit le maire.",
           "Voir aussi", "le rapport du conseil, publié vendredi."],
    "es": ["El alcalde dimite", "Tiempo de lectura del informe: dos horas, dijo el alcalde.", "Ver también",
           "el informe del consejo, publicado el viernes."],
}


def removed_by_ours(lines: list[str]) -> set[str]:
    doc = PIPELINE.clean_document(Document.from_text("\n".join(lines)))
    return {r.text for r in doc.removals if r.rule in OURS}


@pytest.mark.parametrize("lang", sorted(TAKEN))
def test_neighbour_widgets_are_taken(lang):
    lines, taken = TAKEN[lang]
    assert removed_by_ours(lines) == taken


@pytest.mark.parametrize("lang", sorted(KEPT))
def test_sentences_with_the_same_words_are_kept(lang):
    assert removed_by_ours(KEPT[lang]) == set()
