"""The ftfy fast path: ftfy on the lines NEEDS_FTFY flags gives what ftfy on every line gives.

Lines of Russian, Kazakh, Ukrainian and English news text are damaged the way
real pages are (UTF-8 bytes decoded as cp1251, latin-1 or cp1252, on random
lines), then repaired both ways. Random text from the alphabet NEEDS_FTFY
calls safe must be text ftfy leaves alone.
"""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.families.repair.mojibake_check import SAFE
from clean.families.repair.encoding import FTFY_CONFIG, NEEDS_FTFY

SENTENCES = [
    "Президент Казахстана подписал закон «О средствах массовой информации» — сообщает Акорда.",
    "Ёлка на площади зажглась в 18:00, № 1 в списке — «Новогодний базар».",
    "Астанада жаңа мектеп ашылды: оқушыларға 1200 орын, әкімдік қаржыландырды.",
    "Қазақстан мен Қытай арасындағы тауар айналымы өсті… Ұлттық банк үнсіз.",
    "Уряд України виділив кошти на ремонт шкіл у Житомирі та Черкасах — «Укрінформ».",
    "Їжак, ґанок, єдність: українські літери теж мають бути цілими.",
    "The “best” café in Almaty — says the guide — is on Abai Avenue.",
    "Tokayev said: ‘We will go on’; the tenge rose 0.5% to 448.5 per dollar.",
    "Глава МВД: «Всё под контролем», — заявил он 12 марта.",
    "Жители Петропавловска обсудили тарифы — «ЖКХ» ответит до 1 мая.",
]
DAMAGE = ["cp1251", "sloppy-windows-1251", "latin-1", "sloppy-windows-1252"]


def fast(line: str) -> str:
    return ftfy.fix_text(line, FTFY_CONFIG) if NEEDS_FTFY.search(line) else line


def everywhere(line: str) -> str:
    return ftfy.fix_text(line, FTFY_CONFIG)


@st.composite
def damaged_page(draw) -> list[str]:
    """Sentences, some of them (or some words of them) decoded with a legacy code page."""
    lines = []
    for text in draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=10)):
        codec = draw(st.sampled_from([None, *DAMAGE]))
        if codec is None:
            lines.append(text)
            continue
        raw = text.encode("utf-8")
        if draw(st.booleans()):
            start = draw(st.integers(0, len(text) - 1))
            head, tail = text[:start], text[start:]
            lines.append(head + tail.encode("utf-8").decode(codec, errors="replace"))
        else:
            lines.append(raw.decode(codec, errors="replace"))
    return lines


@settings(max_examples=300, deadline=None)
@given(damaged_page())
def test_ftfy_on_flagged_lines_equals_ftfy_everywhere(lines):
    assert [fast(line) for line in lines] == [everywhere(line) for line in lines]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(set(
    chr(c) for c in range(0x20, 0x7F)
) | set("абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯёЁ«»—–…№“”„‘’"
        "әғқңөұүһіӘҒҚҢӨҰҮҺІїЇєЄґҐўЎ"))), max_size=60))
def test_lines_the_fast_path_skips_are_lines_ftfy_leaves_alone(text):
    if not NEEDS_FTFY.search(text):
        assert everywhere(text) == text


def test_the_skipped_alphabet_is_the_documented_one():
    assert "«" in SAFE and "№" in SAFE and "\u04d8" in SAFE


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
    st.sampled_from(DAMAGE),
    st.booleans(),
)
def test_equivalence_holds_on_any_text_and_its_mojibake(text, codec, damage):
    line = text.encode("utf-8").decode(codec, errors="replace") if damage else text
    assert fast(line) == everywhere(line)
