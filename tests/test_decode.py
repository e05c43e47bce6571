"""The cheap control-character bound of decoding never lets through a page the exact count refuses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.model.errors import InputError
from clean.io import decode

# ASCII, Cyrillic, the 0xC2-led characters news text is full of (« » no-break space), C0 and C1 controls
ALPHABET = st.sampled_from(list("ab \t\n\rПри«»\u00a0\u00ad©°\x00\x01\x07\x0b\x0c\x1b\x7f\x80\x85\x9f"))


@settings(max_examples=500, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_few_controls_is_a_safe_bound(text):
    if decode._few_controls(text.encode("utf-8"), len(text)):
        decode._refuse_control_noise(text, "x.txt")  # must not raise


def test_decoding_refuses_control_noise_with_and_without_c1():
    for noise in ("\x01\x02\x03\x04" * 10, "\x85\x86\x87\x88" * 10):
        with pytest.raises(InputError, match="binary file"):
            decode.decode_bytes(("Текст " + noise).encode("utf-8"), "x.txt")


def test_a_legacy_page_full_of_mojibake_is_kept_when_the_detector_gives_up():
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1251)
    from charset_normalizer import from_bytes

    from clean.pipeline import Pipeline

    # a cp1251 file with a paragraph of UTF-8 read as cp1251 in it (mixed, so no decoder reads it all cleanly)
    body = "Президент Казахстана провёл встречу с министрами. «Мы продолжим работу», — сказал он.\n" * 3
    plain = "Губернатор области обсудил вопросы сотрудничества с главами диппредставительств.\n\n"
    raw = ("Новости дня\n\n" + plain + body.encode("utf-8").decode("sloppy-windows-1251")).encode("cp1251")
    assert from_bytes(raw).best() is None  # the case: the detector finds nothing it trusts
    doc = Pipeline().clean_bytes(raw, "page.txt")
    assert doc.source.encoding == "cp1251" and "read as cp1251" in doc.errors[0]
    assert "Президент Казахстана провёл встречу" in doc.items[0].text  # decoded, then the mojibake repaired


@pytest.mark.parametrize("text", [
    "Правительство приняло программу поддержки фермеров.\nЕё реализация продлится три года, сообщили в министерстве.\n",
    "Үкімет фермерлерді қолдау бағдарламасын қабылдады.\nОны іске асыру үш жылға созылады.\n",
    "Café owner says “prices will rise” — again.\nThe café’s owner said prices would rise next month.\n",
])
def test_utf8_read_as_latin1_is_mojibake_to_repair_not_binary(text):
    from clean.pipeline import Pipeline

    garbled = text.encode("utf-8").decode("latin-1")  # full of C1 controls: 0x80-0x9F continuation bytes
    assert len(decode.CONTROLS.findall(garbled)) > decode.MAX_CONTROL_SHARE * len(garbled)
    doc = Pipeline().clean_bytes(garbled.encode("utf-8"), "page.txt")
    assert doc.source.encoding == "utf-8" and not doc.errors
    assert "\n".join(item.text for item in doc.items).replace("\n", " ") in text.replace("\n", " ")
    assert any(edit.rule == "repair.mojibake" for edit in doc.edits)  # mended in the audit, not silently


def test_ascii_control_noise_is_still_binary_though_it_reads_as_utf8_under_latin1():
    with pytest.raises(InputError, match="binary file"):
        decode.decode_bytes(("Text " + "\x01\x02\x03\x04" * 10).encode("utf-8"), "x.txt")


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=200))
def test_any_text_read_as_latin1_is_not_refused(text):
    decode._refuse_control_noise(text.encode("utf-8").decode("latin-1"), "x.txt")  # must not raise
