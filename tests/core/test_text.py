from hypothesis import given
from hypothesis import strategies as st

from hent.core.text import clean_input


def test_clean_input_removes_control_characters_and_extra_spaces():
    assert clean_input("  boulanger\x00\t\n  pâtissier\u200b ") == "boulanger pâtissier"
    assert clean_input(None) == ""


def test_clean_input_normalises_to_nfc_and_bounds_length():
    assert clean_input("e\u0301") == "é"
    assert len(clean_input("a" * 10_000)) == 200


@given(st.text())
def test_clean_input_never_keeps_a_nul_byte_or_control_character(text):
    cleaned = clean_input(text)
    assert "\x00" not in cleaned and all(c == " " or c.isprintable() for c in cleaned)
