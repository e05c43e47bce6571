"""The fast path of ``repair.mojibake`` gives exactly what ftfy on every line gives."""

from __future__ import annotations

import random
from itertools import product

import ftfy
import ftfy.bad_codecs  # noqa: F401  (sloppy-windows-125x)
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.model.document import Document
from clean.families.repair.mojibake_check import NEEDS_FTFY, _alphabet, needs_ftfy
from clean.families.repair.encoding import FTFY_CONFIG, fix_mojibake

ALPHABET = _alphabet()
SENTENCES = (
    "Президент Казахстана провёл встречу с «Роснефтью» — 12,5 млрд тенге.",
    "Мемлекет басшысы халықаралық ынтымақтастық мәселелерін талқылады.",
    "Під час зустрічі сторони обговорили питання безпеки та «Ґрунт».",
    "The ministers met in Astana on 20 November 2020 for “talks”.",
    "Агентство ТАСС сообщает: «СНГ» и ОДКБ — № 1 в регионе…",
)


def test_every_bad_pair_inside_the_alphabet_is_caught():
    for a, b in product(ALPHABET, repeat=2):
        if BADNESS_RE.search(a + b):
            assert NEEDS_FTFY.search(a + b), repr(a + b)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=12))
def test_a_line_the_check_passes_is_one_ftfy_leaves_alone(text):
    if not NEEDS_FTFY.search(text):
        assert ftfy.fix_text(text, FTFY_CONFIG) == text


def test_fast_path_equals_ftfy_on_every_line_with_injected_mojibake(rules):
    rng = random.Random(7)
    lines = []
    for _ in range(400):
        line = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.2:
            a, b = sorted(rng.sample(range(len(line) + 1), 2))
            codec = rng.choice(("sloppy-windows-1251", "sloppy-windows-1252", "latin-1"))
            line = line[:a] + line[a:b].encode("utf-8").decode(codec, errors="replace") + line[b:]
        lines.append(line)
    fast = fix_mojibake(Document.from_text("\n".join(lines)), rules.get("repair.mojibake"), rules)
    expected = [ftfy.fix_text(line, FTFY_CONFIG) for line in lines]
    assert sum(a != b for a, b in zip(lines, expected)) > 20  # the corpus does hold mojibake ftfy repairs
    assert [line.text for line in fast.lines] == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET + ["é", "Ð", "\u0402", "\x85"]), min_size=0, max_size=12))
def test_the_fast_page_check_agrees_with_the_pattern(text):
    assert needs_ftfy(text) == bool(NEEDS_FTFY.search(text))


def test_pairs_with_characters_high_in_the_alphabet_are_checked():
    # "№" (U+2116) was once left out of the pair table, so this cp1251 mojibake of a Thai letter slipped through
    for text in ("а№Ґ", "Сказал: а№Ґ"):
        assert ftfy.fix_text(text, FTFY_CONFIG) != text
        assert needs_ftfy(text)


def test_the_bad_pairs_in_use_are_what_the_search_finds():
    """Read from the stored table or found again, the pairs are those ftfy's badness check gives."""
    from clean.families.repair import mojibake_check

    assert mojibake_check._PAIRS == mojibake_check.bad_pairs()


def test_the_stored_bad_pairs_are_for_this_ftfy():
    import pytest

    from clean.families.repair.bad_pairs_table import BAD_PAIRS, MADE_FOR
    from clean.families.repair.mojibake_check import bad_pairs, made_for

    if MADE_FOR != made_for():
        pytest.skip("the stored bad pairs were made for another ftfy or Python, so they are not used (a slower"
                    " start); write them again with: python -m clean.catalog.pairs_table")
    assert {first: set(partners) for first, partners in BAD_PAIRS.items()} == bad_pairs()
