"""Which line of a listing's card is its title.

A card prints its headline among labels: a rubric over it (``Политика``, ``ВСЕ О КОРОНАВИРУСЕ``), a story
label (``Дело Петрова``), an author under it. The title is the card's first headline-shaped line that
looks like a headline rather than a label: not all capitals, and at least :data:`MIN_TITLE_WORDS` words;
failing that, the first headline-shaped line; failing that, the first line cut short with an ellipsis
(``Более 300 семей получили новые квартиры к зиме…``), which a lead block prints for a headline.

>>> title_line(["ПОЛИТИКА", "Дело Петрова", "Суд вынес приговор по делу Петрова", "Приговор огласили в среду."],
...            [True, True, True, False])
2
>>> title_line(["Общество", "Более 300 семей в Павлодаре получили новые квартиры к зиме…"], [False, False])
1
>>> title_line(["Текст без заголовка."], [False]) is None
True
"""

from __future__ import annotations

MIN_TITLE_WORDS = 3  # 'Дело Петрова' is a story label; a headline says what happened
MAX_CUT_TITLE_WORDS = 20
ELLIPSIS = ("…", "...")


def title_line(texts: list[str], headline: list[bool]) -> int | None:
    """The index of the card's title among its lines (``headline[k]``: line ``k`` has a headline's
    shape; date lines are not), or None (see module docstring)."""
    candidates = [k for k, h in enumerate(headline) if h]
    for k in candidates:
        if not _label(texts[k]):
            return k
    if candidates:
        return candidates[0]
    return next((k for k, t in enumerate(texts) if _cut_short(t)), None)


def _label(text: str) -> bool:
    """All capitals, or too few words to tell what happened: a rubric or a story label."""
    return text.isupper() or len(text.split()) < MIN_TITLE_WORDS


def _cut_short(text: str) -> bool:
    """A headline cut short by the template: a capital, a few words, an ellipsis at the end."""
    return text[:1].isupper() and text.endswith(ELLIPSIS) and len(text.split()) <= MAX_CUT_TITLE_WORDS
