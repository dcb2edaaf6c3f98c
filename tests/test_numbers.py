from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amend import RowNumber


def test_natural_order_puts_sub_numbers_between_their_parent_and_the_next_row():
    numbers = [RowNumber(t) for t in ["100", "24", "23-2", "23", "23-1", "9", "23-1-1"]]
    assert [str(n) for n in sorted(numbers)] == ["9", "23", "23-1", "23-1-1", "23-2", "24", "100"]


def test_parent_of_a_sub_number_is_the_number_it_extends():
    assert RowNumber("23-1").parent == RowNumber("23")
    assert RowNumber("23-1-4").parent == RowNumber("23-1")
    assert RowNumber("23").parent is None


def test_integer_input_is_accepted_and_printed_as_written():
    assert str(RowNumber(6)) == "6"
    assert RowNumber(6) == RowNumber("6")
    assert hash(RowNumber(6)) == hash(RowNumber("6"))


@pytest.mark.parametrize("text", ["", "06", "6.", "23-", "-1", "23--1", "a", "23-0", "6 1"])
def test_malformed_numbers_are_refused(text):
    with pytest.raises(ValueError):
        RowNumber(text)


@given(st.lists(st.lists(st.integers(1, 300), min_size=1, max_size=3), min_size=2, max_size=20))
def test_order_is_the_order_of_the_integer_parts(parts):
    numbers = [RowNumber("-".join(map(str, p))) for p in parts]
    assert [n.parts for n in sorted(numbers)] == sorted(tuple(p) for p in parts)
