"""Word-level redline: whole words struck or inserted, and the two wordings recoverable from it."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from amend.queries.redline import Mark, redline, tokens


def marks(old: str, new: str) -> list[tuple[str, str]]:
    return [(s.mark.value, s.text) for s in redline(old, new)]


def test_an_inserted_word_is_marked_and_the_rest_kept():
    assert marks("жыл сайын желтоқсан", "жыл сайын маусым, желтоқсан") == [
        ("same", "жыл сайын "),
        ("inserted", "маусым, "),
        ("same", "желтоқсан"),
    ]


def test_a_replaced_word_is_struck_then_inserted():
    assert marks("ОМ, ЖАО", "ОМ, ДСМ") == [("same", "ОМ, "), ("deleted", "ЖАО"), ("inserted", "ДСМ")]


def test_changes_separated_only_by_a_blank_read_as_one_phrase():
    assert marks("бір екі үш", "төрт бес алты") == [("deleted", "бір екі үш"), ("inserted", "төрт бес алты")]


def test_a_word_is_never_split():
    # "Республикасы" -> "Республикасының": the whole word changes, not its ending.
    assert marks("Қазақстан Республикасы Көлік", "Қазақстан Республикасының Көлік") == [
        ("same", "Қазақстан "),
        ("deleted", "Республикасы"),
        ("inserted", "Республикасының"),
        ("same", " Көлік"),
    ]


def test_hyphenated_words_and_row_numbers_are_one_token():
    assert tokens("23-1-жол іс-шара") == ["23-1-жол", " ", "іс-шара"]


def test_from_nothing_everything_is_inserted_and_to_nothing_everything_struck():
    assert marks("", "жаңа мәтін") == [("inserted", "жаңа мәтін")]
    assert marks("ескі мәтін", "") == [("deleted", "ескі мәтін")]
    assert marks("бірдей", "бірдей") == [("same", "бірдей")]


words = st.lists(
    st.sampled_from(["ОМ", "ДСМ", "жыл", "сайын", "желтоқсан", "23-1", ",", "(", ")", " ", "\n", "-"]), max_size=25
).map("".join)


@settings(max_examples=200, deadline=None)
@given(words, words)
def test_kept_and_struck_give_the_old_wording_kept_and_inserted_the_new(old, new):
    segments = redline(old, new)
    assert "".join(s.text for s in segments if s.mark is not Mark.INSERTED) == old
    assert "".join(s.text for s in segments if s.mark is not Mark.DELETED) == new
    assert all(s.text for s in segments)
    # Two segments of one kind never stand side by side: each change is one struck and one inserted run.
    assert all(a.mark is not b.mark for a, b in itertools.pairwise(segments))
