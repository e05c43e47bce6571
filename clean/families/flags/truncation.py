"""Python rule ``flags.truncated``: an item whose text stops in mid-word or mid-sentence.

Scrapers cut teasers at a character limit and page templates cut long texts,
so an item can end ``…подготовки юбилейной сессии Парламентской Ассамб``. The
decision, on the last paragraph of the item:

1. it ends with an ellipsis (``…``, ``...``) after a word of more than
   :data:`MIN_CUT_WORDS` words: a template cut it and said so (a listing's teaser ``С такой…``):
   truncated; an ellipsis inside a closing quote is the speaker's pause;
2. it ends with closing punctuation (. ! ? or a closing quote or bracket after
   one): not truncated;
3. it is an attribution line (``Имангали Тасмагамбетов, Генеральный секретарь
   ОДКБ``) or a short line of at most :data:`MAX_UNPUNCTUATED_WORDS` words (a
   signature, a caption): not truncated;
4. otherwise: truncated. Separately, a quote or bracket opened in the last
   paragraph and never closed flags ``truncated`` too.

>>> ends_truncated("Также обсуждались вопросы подготовки юбилейной сессии Парламентской Ассамб")
True
>>> ends_truncated("Имангали Тасмагамбетов, Генеральный секретарь ОДКБ")
False
>>> ends_truncated("Президент одобрил идею снять санкции с предприятий. С такой…"), ends_truncated("«Мы ещё вернёмся…»")
(True, False)
"""

from __future__ import annotations

from clean.model.document import Document
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.families.items.paragraphs import is_attribution, words_upto

MAX_UNPUNCTUATED_WORDS = 6
CLOSING = ".!?…»”\"')]"  # a paragraph (stripped) ending with one of these ends closed
PAIRS = (("«", "»"), ("(", ")"))
ELLIPSES = ("…", "...")
MIN_CUT_WORDS = 6  # 'Итак...' or 'И так далее…' alone is a style; a teaser cut short has more words


def ends_truncated(paragraph: str) -> bool:
    """Does this last paragraph stop before its end?"""
    text = paragraph.rstrip()
    if not text:
        return False
    if _unclosed(text):
        return True
    if text.endswith(ELLIPSES) and words_upto(text, MIN_CUT_WORDS) > MIN_CUT_WORDS:
        return True  # a template's cut, marked
    if text[-1] in CLOSING:
        return False
    return not (is_attribution(text) or words_upto(text, MAX_UNPUNCTUATED_WORDS) <= MAX_UNPUNCTUATED_WORDS)


def _unclosed(text: str) -> bool:
    for open_, close in PAIRS:
        if open_ in text and text.count(open_) > text.count(close):
            return True
    return '"' in text and text.count('"') % 2 == 1


@python_rule("flags.truncated")
def truncated(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Add the flag ``truncated`` to items whose last paragraph is cut."""
    items, changed = [], False
    for item in doc.items:
        text = item.text
        if text and ends_truncated(text[text.rfind("\n") + 1 :]) and "truncated" not in item.flags:
            item, changed = item.model_copy(update={"flags": [*item.flags, "truncated"]}), True
        items.append(item)
    return doc.replace(items=tuple(items)) if changed else doc
