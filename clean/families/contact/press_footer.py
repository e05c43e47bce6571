"""Python rule for press-contact footers: phones, fax, e-mail, accreditation lines.

A press release ends with who to call: ``Пресс-секретарь ОДКБ Владимир
Зайнетдинов`` then ``+7-495-795-27-10``, or one line ``Аккредитация СМИ: +7(727)
244-24-17 …``. Such a line is contact data, not news; it leaves the text and is
kept in the audit. A phone number inside a news sentence stays. The decision:

1. a line is *contact data* when it holds a phone number or an e-mail address, does
   not end like a sentence (a word and a full stop once the contacts are taken out), and either opens with a contact keyword (table ``contact_keywords``: Тел., Факс,
   E-mail, Аккредитация, Пресс-служба, Contact…) or has at most
   :data:`MAX_CONTACT_WORDS` words once the phones and addresses are taken out; a line
   that reads as prose (:func:`_reads_as_prose`: a sentence to the reader with its
   contact, ``Пишите нам на адрес letters@example.org.``) is not contact data;
2. a line is a *contact heading* when it opens with a contact keyword, has at most
   :data:`MAX_HEADING_WORDS` words, no closing punctuation, and the next kept line
   is contact data or another contact heading (``Пресс-секретарь ОДКБ Владимир Зайнетдинов``), or a
   short name line (:func:`_is_name`) over contact data (``Media contact:`` / ``Jane Doe`` / ``jane@…``),
   which then goes too.

Only lines that hold an ``@`` or a piece of a phone number (:data:`PHONE_PIECES`)
are tried as contact data; a page without either is left at once.

>>> from clean.catalog import shipped_rules
>>> rules = shipped_rules()
>>> doc = Document.from_text("Новость.\\nПресс-служба МВД\\nТел.: +7 (717) 271-00-00")
>>> [line.removed for line in press_footer(doc, rules.get("contact.press-footer"), rules).lines]
[None, 'contact.press-footer', 'contact.press-footer']
"""

from __future__ import annotations

import regex

from clean.model.document import Document, PageView
from clean.engine.registry import python_rule
from clean.engine.ruleset import Rule, RuleSet
from clean.engine.line_marks import remove_lines

MAX_CONTACT_WORDS = 6
MIN_PROSE_WORDS = 3  # lowercase words that make a line without a keyword a sentence to a reader
MIN_KEYWORD_PROSE_WORDS = 5  # the same for a line that opens with a contact keyword
MIN_OPEN_PROSE_WORDS = 6  # words of a prose line that ends without punctuation
MAX_HEADING_WORDS = 8
MAX_NAME_WORDS = 5  # 'Jane Doe', 'Анна Иванова, пресс-секретарь' between a contact heading and the contacts
CLOSING = ".!?…"

PHONE = regex.compile(
    r"""(?x) (?<![\w.]) (?! \d{4}-\d{1,2}-\d )      # not an ISO date
    (?: \+\d{1,3} [\s-]? \(?\d{2,5}\)? [\s-]? \d{1,4} (?: [\s-]? \d{2,4} ){1,3}   # +7 (727) 244-24-17
      | \(\d{3,5}\) [\s-]? \d{1,4} (?: [\s-] \d{2,4} ){1,3}                     # (72533) 5-12-40
      | 8 [\s-]? \(?\d{3}\)? [\s-]? \d{3} [\s-]? \d{2} [\s-]? \d{2}              # 8 800 555 35 35
      | \d{1,4} (?: -\d{2,4} ){2,4} )                                       # 244-24-17
    (?![\w.])"""
)
EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Each form of PHONE holds one of these (same flags, literal first characters, so each
# is a fast scan of the page); they never cross a line end, so a hit lies inside one line.
PHONE_PIECES = (
    regex.compile(r"\+\d"),  # +7 (727) …
    regex.compile(r"\(\d{3,5}\)"),  # (72533) …
    regex.compile(r"8(?:[^\S\n]|-)?\(?\d{3}\)?(?:[^\S\n]|-)?\d{3}(?:[^\S\n]|-)?\d{2}(?:[^\S\n]|-)?\d{2}"),  # 8 800 …
    regex.compile(r"-\d{2,4}-\d{2}"),  # 244-24-17
)
PIECE_MARKS = ("+", "(", "8", "-")  # the literal first character of each of PHONE_PIECES, in its every match
WORD = regex.compile(r"\w+")
SENTENCE_END = regex.compile(r"\p{L}{2,}[.!?…]$")


def _keywords(rules: RuleSet) -> regex.Pattern:
    words = [w for lang in rules.table("contact_keywords").values() for w in lang]
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"^\W*(?:{alternatives})", regex.IGNORECASE)


def is_contact_data(text: str, keyword: regex.Pattern) -> bool:
    """A phone or e-mail, on a keyword line or a line that is little else.

    Phones have at least 6 digits; an e-mail counts on its own. Each pattern scans the line once.
    """
    email = EMAIL.search(text)
    phones = list(PHONE.finditer(text))
    if not email and not any(sum(c.isdigit() for c in m.group(0)) >= 6 for m in phones):
        return False
    rest = EMAIL.sub(" ", _blank_out(text, phones)).rstrip()
    if SENTENCE_END.search(rest) and _words_after_contacts(text, phones):
        return False  # "Телефон доверия 8-800-… работает круглосуточно." is news; "тел. (032) 297-57-95" is not
    keyed = bool(keyword.search(text))
    if _reads_as_prose(text, rest, keyed):
        return False  # "Вопросы присылайте на адрес letters@example.org." is for the reader
    return keyed or len(WORD.findall(rest)) <= MAX_CONTACT_WORDS


def _words_after_contacts(text: str, phones: list) -> bool:
    """Does a word follow the line's last phone or address? (A line ending in its contact ends in no
    sentence, whatever dot the words before it end with: ``тел. (032) 297-57-95``.)"""
    ends = [m.end() for m in phones] + [m.end() for m in EMAIL.finditer(text)]
    return WORD.search(text, max(ends)) is not None


def _reads_as_prose(text: str, rest: str, keyed: bool) -> bool:
    """A sentence that gives the reader a contact: enough lowercase words, and a closing mark or length.

    ``rest`` is ``text`` without its phones and addresses. A keyword line needs more
    words and its closing mark; a footer (``Тел.: +7 … .``, ``По вопросам рекламы: …``) has neither.
    """
    words = WORD.findall(rest)
    prose = sum(1 for w in words if len(w) > 1 and w.islower() and not w.isdigit())
    closed = text.rstrip()[-1:] in CLOSING
    if keyed:
        return closed and prose >= MIN_KEYWORD_PROSE_WORDS
    return prose >= MIN_PROSE_WORDS and (closed or len(words) >= MIN_OPEN_PROSE_WORDS)


def _blank_out(text: str, matches) -> str:
    """``text`` with each match replaced by a space (``PHONE.sub(" ", text)`` from its ``finditer``)."""
    pieces, end = [], 0
    for m in matches:
        pieces += (text[end : m.start()], " ")
        end = m.end()
    return "".join(pieces) + text[end:]


@python_rule("contact.press-footer")
def press_footer(doc: Document, rule: Rule, rules: RuleSet) -> Document:
    """Remove contact-data lines and the headings that introduce them."""
    view = doc.view()
    candidates = contact_candidates(view)
    if not candidates:
        return doc  # most pages: no contact data, so no heading either
    return footer_lines(doc, rule, rules, [view.index[k] for k in candidates])


def contact_candidates(view: PageView) -> list[int]:
    """The kept lines (positions k in ``view``) that may be contact data, in order.

    A contact-data line holds a PHONE match or an e-mail address (an ``@``);
    every PHONE match holds one of :data:`PHONE_PIECES`, which stay inside a line.
    """
    page = view.text
    # a piece whose first character is not on the page has no match there (a substring test is a faster scan)
    hits = [m.start() for mark, piece in zip(PIECE_MARKS, PHONE_PIECES) if mark in page for m in piece.finditer(page)]
    at = page.find("@")
    while at >= 0:
        hits.append(at)
        at = page.find("@", at + 1)
    return sorted({view.position(hit) for hit in hits})


def footer_lines(doc: Document, rule: Rule, rules: RuleSet, candidates) -> Document:
    """:func:`press_footer` on the kept lines, trying only ``candidates`` (line indices) as contact data."""
    kept = doc.kept_indices()
    keyword = rules.derived("contact_keywords", _keywords)
    data = {i for i in candidates if is_contact_data(doc.lines[i].text, keyword)}
    marked = set(data)
    for n in range(len(kept) - 2, -1, -1):  # backwards, so a heading may stand on a heading
        if kept[n + 1] not in marked or kept[n] in marked:
            continue
        text = doc.lines[kept[n]].text
        if _is_heading(text, keyword) or (n and _is_name(text) and _is_heading(doc.lines[kept[n - 1]].text, keyword)):
            marked.add(kept[n])  # a heading, or a name between a heading and its contacts ('Media contact:' / 'Jane Doe')
    return remove_lines(doc, rule.id, marked)


def _is_name(text: str) -> bool:
    """A short line that may name the contact person or office: at most :data:`MAX_NAME_WORDS` words, no digit,
    no address, no closing punctuation."""
    text = text.strip()
    return (bool(text) and len(text.split()) <= MAX_NAME_WORDS and text[-1] not in CLOSING
            and not any(c.isdigit() or c == "@" for c in text))


def _is_heading(text: str, keyword: regex.Pattern) -> bool:
    return bool(keyword.search(text)) and len(text.split()) <= MAX_HEADING_WORDS and text[-1] not in CLOSING
