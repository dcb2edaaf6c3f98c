"""The input boundary (amend.store.inputs): decoding, characters, limits, texts, identifiers, NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from amend.errors import EncodingError, IdentifierError, InputLimit, InvisibleCharacter, UnsafeText
from amend.store.inputs import MAX_BYTES, check_tree, decode, formula_like, printable, read_bytes, scan_structure
from amend.store.yaml_io import read_yaml


def test_utf8_with_and_without_a_bom_reads_the_same():
    text = "plan: '748'\nтақырып: Қазақстан\n"
    assert decode("f.yaml", text.encode()) == decode("f.yaml", b"\xef\xbb\xbf" + text.encode()) == text


@pytest.mark.parametrize(
    ("bom", "name"), [(b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"), (b"\xff\xfe\x00\x00", "UTF-32")]
)
def test_other_byte_order_marks_are_named_at_the_first_byte(bom: bytes, name: str):
    with pytest.raises(EncodingError) as info:
        decode("f.yaml", bom + "a: b\n".encode("utf-16-le"))
    assert name in info.value.message and (info.value.location.line, info.value.location.column) == (1, 1)
    assert "UTF-8" in info.value.hint


def test_the_first_bad_byte_is_placed_in_characters_not_bytes():
    data = "a: 1\nтақырып: Қаз".encode() + b"\xff" + b"\nb: 2\n"
    with pytest.raises(EncodingError) as info:
        decode("f.yaml", data)
    loc = info.value.location
    assert (loc.line, loc.column) == (2, 13)
    assert loc.source_line == "тақырып: Қаз\ufffd"
    assert "0xff" in info.value.message


def test_a_nul_byte_is_placed_and_utf16_without_a_bom_is_suspected():
    with pytest.raises(EncodingError) as info:
        decode("f.yaml", "plan: '748'\n".encode("utf-16-le"))
    assert info.value.message == "a NUL byte (UTF-16?)"
    assert (info.value.location.line, info.value.location.column) == (1, 2)


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f", "\x9b"])
def test_control_characters_are_refused_at_their_place(char: str):
    with pytest.raises(EncodingError) as info:
        decode("f.yaml", f"a: 1\nb: x{char}y\n".encode())
    assert (info.value.location.line, info.value.location.column) == (2, 5)


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad"])
def test_invisible_characters_are_refused_and_never_echoed(char: str):
    with pytest.raises(InvisibleCharacter) as info:
        decode("f.yaml", f"row: '6{char}'\n".encode())
    assert (info.value.location.line, info.value.location.column) == (1, 8)
    assert char not in info.value.format()


@given(st.text(max_size=50))
def test_printable_keeps_the_length_so_carets_stay_put(line: str):
    shown = printable(line)
    assert len(shown) == len(line)
    assert all(unicodedata.category(c) != "Cc" or c == "\t" for c in shown if c not in "\n\r")


def test_tabs_line_ends_and_kazakh_letters_are_fine():
    assert decode("f.yaml", "a: 'x\ty'\r\nb: ӘҒҚҢӨҰҮҺІ\n".encode()) == "a: 'x\ty'\r\nb: ӘҒҚҢӨҰҮҺІ\n"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read_whole(tmp_path: Path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(InputLimit, match="larger than"):
        read_bytes(big)


def test_anchors_aliases_and_merge_keys_are_refused_at_their_place():
    with pytest.raises(InputLimit) as info:
        scan_structure("f.yaml", "a: 1\nb:\n  <<: {c: 1}\n")
    assert (info.value.location.line, info.value.location.column) == (3, 3)
    with pytest.raises(InputLimit, match=r"an alias \(\*x\)"):
        scan_structure("f.yaml", "a: [1]\nb: *x\n")
    with pytest.raises(InputLimit, match=r"an anchor \(&x\)"):
        scan_structure("f.yaml", "a: &x [1]\n")
    scan_structure("f.yaml", "a: '<<'\nb: 'x & y * z'\n'<<': 1\n")  # quoted, these are texts


def test_nesting_is_bounded_where_building_the_tree_would_recurse_too_deep():
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    with pytest.raises(InputLimit) as info:
        scan_structure("f.yaml", text)
    assert (info.value.location.line, info.value.location.column) == (1, 4 + 31)


DASH_LISTS = ["-", "- ата-аналардың", "-\n- екі", "--", "- 5", "—"]
FORMULAS = ["=1+1", "+7", "@SUM(A1)", "\tx", "\rx", "-2+3", "-cmd|' /C calc'!A0", "-x"]


@pytest.mark.parametrize("text", DASH_LISTS)
def test_dash_lists_and_dash_cells_are_not_formulas(text: str):
    assert not formula_like(text)


@pytest.mark.parametrize("text", FORMULAS)
def test_owasp_formula_starts_are_formulas(text: str):
    assert formula_like(text)


@given(st.sampled_from("=+@\t\r"), st.text(max_size=20))
def test_every_text_starting_with_a_formula_character_is_a_formula(first: str, rest: str):
    assert formula_like(first + rest)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30))
def test_a_dash_and_a_blank_start_a_list_item_never_a_formula(rest: str):
    assert not formula_like("- " + rest)


def test_every_text_of_the_shipped_plans_passes_the_input_rules():
    for path in sorted((ROOT / "plans").rglob("*.yaml")):
        read_yaml(path)  # raises on any text, identifier or character the rules refuse


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"plan": "../748"}, IdentifierError),
        ({"plan": "a/b"}, IdentifierError),
        ({"amends": "748\\x"}, IdentifierError),
        ({"operations": [{"row": "6/7"}]}, IdentifierError),
        ({"operations": [{"section": ".."}]}, IdentifierError),
        ({"operations": [{"code": "К М /"}]}, IdentifierError),
        ({"abbreviations": {"К/М": "x"}}, IdentifierError),
        ({"rows": [{"cells": {"measure": "=1"}}]}, UnsafeText),
        ({"title": "<i>x</i>"}, UnsafeText),
        ({"notes": ["&amp;"]}, UnsafeText),
    ],
)
def test_bad_identifiers_and_texts_carry_their_document_path(data: dict, error: type):
    with pytest.raises(error) as info:
        check_tree("f.yaml", data)
    assert info.value.path and info.value.file == "f.yaml"


def test_act_numbers_may_hold_a_slash_plan_ids_may_not():
    check_tree("f.yaml", {"act": {"number": "216-н/қ"}, "plan": "216-н"})
    with pytest.raises(IdentifierError, match="plan id"):
        check_tree("f.yaml", {"plan": "216-н/қ"})


def test_texts_and_keys_are_nfc_normalised():
    decomposed = unicodedata.normalize("NFD", "Йод ЁЁ")
    assert decomposed != "Йод ЁЁ"
    data = check_tree("f.yaml", {"abbreviations": {"Й": decomposed}, "title": decomposed})
    assert data == {"abbreviations": {"Й": "Йод ЁЁ"}, "title": "Йод ЁЁ"}
    keyed = check_tree("f.yaml", {"abbreviations": {unicodedata.normalize("NFD", "Й"): "x"}})
    assert list(keyed["abbreviations"]) == ["Й"]
