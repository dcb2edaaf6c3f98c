"""The formulae of the whole text on small texts: words and codes replaced throughout the plan, later paragraphs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT

from amend import load_plan
from amend.importer import Lexicon, import_text
from amend.language.phrases import ordinal, paragraph_listing, parse_ordinal

PLAN = load_plan(ROOT / "plans" / "base" / "156.yaml")
HEAD = (
    "Қазақстан Республикасы Үкіметінің 2022 жылғы 1 наурыздағы № 41 қаулысы\n"
    "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
    "      1. Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысына мынадай өзгерістер "
    "енгізілсін:\n"
)


def _import(body: str, entry: str = "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.") -> object:
    lines = "".join(f"      {line}\n" for line in [*body.strip().split("\n"), entry])
    return import_text(HEAD + lines, PLAN, Lexicon(), source=Path("41.txt").name)


def test_words_throughout_the_plan_are_counted_in_every_cell_and_titles_holding_them_are_marked():
    draft = _import('жол картасының мәтіні бойынша "ҚҰҚЫҚТЫҚ" деген сөз "құқықтық" деген сөзбен ауыстырылсын;')
    (op,) = [o for o in draft.operations if o.operation is not None]
    assert op.operation.op == "replace_words" and op.operation.section is None
    # The words are in section I's title, which replace_words does not change: marked, never guessed.
    assert any(n.where == "scope" and "section I's title" in n.message for n in op.notes)


def test_a_code_replaced_throughout_renames_its_line_in_the_note_and_a_code_inside_another_is_marked():
    draft = _import('жол картасының мәтіні бойынша "БП" деген аббревиатура "ПП" деген аббревиатурамен ауыстырылсын;')
    made = [o for o in draft.operations if o.operation is not None]
    assert [o.operation.op for o in made] == ["replace_words", "delete_abbreviation", "add_abbreviations"]
    assert made[2].operation.entries == {"ПП": PLAN.abbreviations["БП"].expansion}
    words = made[0]
    assert words.operation.occurrences == sum(
        t.count("БП") for r in PLAN.rows for t in r.cells.values() if isinstance(t, str)
    )


def test_a_code_replaced_throughout_under_the_notes_heading_is_still_replaced_in_every_cell():
    # The sentence names the whole plan ("... мәтіні бойынша"): its own scope, under "Ескертпеде:" too (it was
    # read as the note's words: the line renamed, the cells' replacement lost; hypothesis, seed 570480).
    draft = _import(
        "Ескертпеде:\n"
        '"ББ" деген жол алып тасталсын;\n'
        'жол картасының мәтіні бойынша "БП" деген аббревиатура "ПП" деген аббревиатурамен ауыстырылсын;'
    )
    made = [o.operation for o in draft.operations if o.operation is not None]
    assert [op.op for op in made] == [
        "delete_abbreviation",
        "replace_words",
        "delete_abbreviation",
        "add_abbreviations",
    ]
    assert (made[1].old, made[1].new, made[1].section, made[1].row) == ("БП", "ПП", None, None)


@pytest.mark.parametrize(
    ("scope", "row", "column"),
    [("реттік нөмірі 1-жолдағы ", "1", None), ("2-бағандағы ", None, "measure")],
)
def test_words_in_a_row_or_column_named_under_the_notes_heading_are_the_tables(scope, row, column):
    # The note has no numbered rows or columns: a sentence naming one has its own scope (it was read as words
    # of the note, a REVIEW that 15 lines hold them).
    draft = _import(
        f'Ескертпеде:\n"ББ" деген жол алып тасталсын;\n{scope}"Қазақстан" деген сөз "Ж" деген сөзбен ауыстырылсын;'
    )
    made = [o.operation for o in draft.operations if o.operation is not None]
    assert [op.op for op in made] == ["delete_abbreviation", "replace_words"]
    assert (made[1].old, made[1].new, made[1].row and str(made[1].row), made[1].column) == (
        "Қазақстан",
        "Ж",
        row,
        column,
    )


def test_a_code_inside_a_longer_code_is_named_since_the_replacement_changes_it_too():
    draft = _import('жол картасының мәтіні бойынша "ЖБ" деген аббревиатура "ЖЕБ" деген аббревиатурамен ауыстырылсын;')
    words = next(o for o in draft.operations if o.operation is not None)
    assert any("inside longer words (ЖББ)" in n.message for n in words.notes)


def test_a_code_the_note_lacks_changes_the_cells_only_and_says_so():
    draft = _import('жол картасының мәтіні бойынша "ДСМ" деген аббревиатура "ББ" деген аббревиатурамен ауыстырылсын;')
    made = [o for o in draft.operations if o.operation is not None]
    assert [o.operation.op for o in made] == ["replace_words"]  # "ББ" is in the note already
    assert any("has a line ББ already" in n.message for n in made[0].notes)


def test_the_third_paragraph_of_point_1_is_its_third_printed_paragraph():
    body = """көрсетілген қаулымен бекітілген жол картасында:
"ІС-ШАРАЛАР" деген IV-бөлімде:
реттік нөмірі 45-жол алып тасталсын;
реттік нөмірі 46-жол алып тасталсын;"""
    entry = (
        "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі, ал 1-тармақтың төртінші абзацы "
        "2023 жылғы 1 шілдеден бастап қолданысқа енгізіледі."
    )
    draft = _import(body, entry)
    made = {str(o.operation.row): o.operation.in_force for o in draft.operations if o.operation is not None}
    assert made == {"45": dt.date(2023, 7, 1), "46": None}


def test_a_later_paragraph_that_is_a_heading_sentence_sets_no_date_and_is_marked():
    body = """көрсетілген қаулымен бекітілген жол картасында:
"ІС-ШАРАЛАР" деген IV-бөлімде:
реттік нөмірі 45-жол алып тасталсын;"""
    entry = (
        "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі, ал 1-тармақтың үшінші абзацы "
        "2023 жылғы 1 шілдеден бастап қолданысқа енгізіледі."
    )
    draft = _import(body, entry)
    assert all(o.operation.in_force is None for o in draft.operations if o.operation is not None)
    assert any("point 1, paragraph 3 holds no operation" in n.message for n in draft.notes)


def test_ordinals_both_ways():
    assert [ordinal(n) for n in (1, 3, 10, 11, 20, 45, 99)] == [
        "бірінші",
        "үшінші",
        "оныншы",
        "он бірінші",
        "жиырмасыншы",
        "қырық бесінші",
        "тоқсан тоғызыншы",
    ]
    assert all(parse_ordinal(ordinal(n)) == n for n in range(1, 100))
    assert paragraph_listing(1, [3], accusative=False) == "1-тармақтың үшінші абзацы"
