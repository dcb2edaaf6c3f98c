"""Sentences that lean on the one before: a row named for the column sentences after it ("реттік нөмірі
15-жолда:"), a cell's new text quoted in running text, a line broken after the hyphen of a number."""

from __future__ import annotations

import pytest
from conftest import ROOT

from amend import load_plan
from amend.importer import import_text, plan_lexicon
from amend.importer.act.document import split_document
from amend.importer.act.instructions import (
    CellsReworded,
    RowContext,
    Unrecognized,
    WordsReplaced,
    read_instructions,
)

HEAD = "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"


def _read(body: str) -> list[object]:
    return read_instructions(split_document(HEAD + body))


def test_a_row_named_before_holds_for_the_column_sentences_after_it():
    got = _read(
        "      реттік нөмірі 15-жолда:\n"
        '      3-бағандағы "а" деген сөздер "б" деген сөздермен ауыстырылсын;\n'
        "      5-баған мынадай редакцияда жазылсын:\n"
        '      "2022 – 2023 жылдар";\n'
    )
    kinds = [type(i) for i in got if not isinstance(i, RowContext)]
    assert kinds[-2:] == [WordsReplaced, CellsReworded]
    words, cells = [i for i in got if isinstance(i, WordsReplaced | CellsReworded)]
    assert (words.row, words.rows, words.column_number) == ("15", ("15",), 3)
    assert (cells.row, cells.columns) == ("15", (5,))
    assert cells.table is not None and "2022 – 2023 жылдар" in " ".join(line for _, line in cells.table.lines)


@pytest.mark.parametrize(
    "between",
    [
        '      "ІС-ШАРАЛАР" деген IV-бөлімде:\n',
        "      реттік нөмірі 20-жол алып тасталсын;\n",
        "      2) Ескертпеде:\n",
    ],
)
def test_the_row_named_ends_at_the_next_sentence_that_names_another_place(between):
    got = _read(
        "      реттік нөмірі 15-жолда:\n"
        + between
        + '      3-бағандағы "а" деген сөздер "б" деген сөздермен ауыстырылсын;\n'
    )
    words = [i for i in got if isinstance(i, WordsReplaced)]
    assert words and words[-1].row is None and words[-1].column_number == 3


def test_a_column_in_new_wording_with_no_row_named_is_unrecognized_not_guessed():
    got = _read('      5-баған мынадай редакцияда жазылсын:\n      "2022 – 2023 жылдар";\n')
    assert any(isinstance(i, Unrecognized) and "no row named" in i.why for i in got)
    assert not any(isinstance(i, CellsReworded) for i in got)


def test_a_cell_quoted_in_running_text_is_the_cells_new_text():
    got = _read('      реттік нөмірі 7-жолдың 5-бағаны мынадай редакцияда жазылсын:\n      "2021 жылғы желтоқсан";\n')
    cells = [i for i in got if isinstance(i, CellsReworded)]
    assert len(cells) == 1 and cells[0].table is not None
    assert [line.strip() for _, line in cells[0].table.lines] == ["2021 жылғы желтоқсан"]
    assert not any(isinstance(i, Unrecognized) for i in got)


def test_a_line_broken_after_the_hyphen_of_a_number_is_joined_without_a_blank():
    got = _read("      реттік нөмірлері 63 және 64-\nжолдар алып тасталсын;\n")
    assert not any(isinstance(i, Unrecognized) for i in got)
    assert got[-1].rows == ("63", "64")  # type: ignore[attr-defined]


def test_the_hand_written_fixtures_of_issue_17_import_and_a_column_with_no_row_is_marked_review():
    """A column sentence with no row before it makes no operation and a REVIEW note (never a guess)."""
    base = load_plan(ROOT / "plans" / "base" / "156.yaml")
    text = (ROOT / "tests" / "fixtures" / "import" / "156-2102.txt").read_text(encoding="utf-8")
    # The row named before the column sentences struck from the text: the cell sentence has no row.
    cut = text.replace("реттік нөмірі 15-жолда:", "")
    draft = import_text(cut, base, plan_lexicon(ROOT / "plans" / "base"))
    unmade = [op for op in draft.operations if op.operation is None]
    assert any("no row named" in n.message for op in unmade for n in op.notes)
    made = [op.operation for op in draft.operations if op.operation is not None]
    assert not any(op.op == "replace_cells" for op in made)


def test_a_formula_printed_in_spaced_out_letters_is_read_with_its_letters_closed_up():
    got = _read("      реттік нөмірі 20-жол а л ы п  т а с т а л с ы н;\n")
    assert not any(isinstance(i, Unrecognized) for i in got)
    assert got[-1].rows == ("20",)  # type: ignore[attr-defined]


def test_spaced_out_letters_are_closed_up_only_when_the_plain_text_derives_no_formula():
    # The quoted words are the act's own: read as printed when the sentence derives as it stands.
    got = _read('      "а б в" деген сөздер "г" деген сөздермен ауыстырылсын;\n')
    words = [i for i in got if isinstance(i, WordsReplaced)]
    assert words and words[0].pairs == (("а б в", "г"),)


def test_a_sub_point_sentence_is_re_read_from_its_printed_lines_like_any_other():
    got = _read("      2) реттік нөмірі 20-жол алып\nт а с т а л с ы н;\n")
    assert not any(isinstance(i, Unrecognized) for i in got)
    assert got[-1].rows == ("20",)  # type: ignore[attr-defined]
