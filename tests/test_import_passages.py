"""The passages stage: each paragraph read as a sentence, the quoted block its sentence takes attached to it."""

from __future__ import annotations

import dataclasses

import pytest

from amend.importer.act import sentences
from amend.importer.act.document import Paragraph, Table, split_document
from amend.importer.act.instructions import CellsReworded, Unrecognized, WordsReplaced, _instruction, read_instructions
from amend.importer.act.passages import Passage, read_passages
from amend.importer.act.russian import parse_russian
from amend.importer.act.sentences import Sentence

HEAD = "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"


def _passages(body: str, parse=None) -> list[Passage | Table]:
    document = split_document(HEAD + body)
    return list(read_passages(document) if parse is None else read_passages(document, parse=parse))


def test_a_quote_after_a_sentence_that_takes_one_is_attached_and_not_read_as_a_sentence():
    got = _passages(
        '      "Бірінші" деген 1-бөлімнің атауы мынадай редакцияда жазылсын:\n'
        '      "Жаңа атау";\n'
        "      реттік нөмірі 20-жол алып тасталсын;\n"
    )
    passages = [p for p in got if isinstance(p, Passage) and p.sentence is not None]
    title, deletion = passages[-2:]
    assert [q.text for q in title.quote] == ['"Жаңа атау";']
    assert isinstance(deletion.sentence, sentences.RowsDeletion) and deletion.quote == ()


def test_a_paragraph_opening_with_a_quote_is_a_sentence_of_its_own_after_a_sentence_that_takes_none():
    got = _passages(
        "      реттік нөмірі 20-жол алып тасталсын;\n"
        '      "ОМ" деген аббревиатура "ОАМ" деген аббревиатурамен ауыстырылсын;\n'
    )
    last = got[-1]
    assert isinstance(last, Passage) and isinstance(last.sentence, sentences.WordsReplacement)


def test_a_table_that_no_sentence_takes_is_given_as_it_is_and_reported():
    body = '      Ескертпеде:\n"\n1 | а | б\n";\n'
    got = _passages(body)
    assert isinstance(got[-1], Table)
    stray = read_instructions(split_document(HEAD + body))[-1]
    assert isinstance(stray, Unrecognized) and stray.table == got[-1] and "no instruction introduces" in stray.why


def test_the_rows_of_a_row_in_new_wording_are_its_table():
    got = _passages('      реттік нөмірі 6-жол мынадай редакцияда жазылсын:\n"\n6 | а | б\n";\n')
    last = got[-1]
    assert (
        isinstance(last, Passage) and last.table is not None and [line for _, line in last.table.lines] == ["6 | а | б"]
    )


def test_a_column_sentence_with_no_row_named_keeps_its_quoted_cell_with_the_report():
    instructions = read_instructions(
        split_document(HEAD + '      5-баған мынадай редакцияда жазылсын:\n      "2022 жыл";\n')
    )
    assert not any(isinstance(i, CellsReworded) for i in instructions)
    unread = [i for i in instructions if isinstance(i, Unrecognized)]
    assert len(unread) == 1 and unread[0].table is not None and "no row named" in unread[0].why


def test_a_russian_heading_printed_with_the_next_sentence_is_read_as_two():
    got = _passages('      в разделе 1 "Бірінші": строку, порядковый номер 12, исключить;\n', parse=parse_russian)
    kinds = [type(p.sentence) for p in got if isinstance(p, Passage)]
    assert kinds[-2:] == [sentences.SectionHeading, sentences.RowsDeletion]


def _takers() -> list[type[Sentence]]:
    found = [c for c in vars(sentences).values() if isinstance(c, type) and issubclass(c, Sentence)]
    return sorted((c for c in found if c.takes == "quote"), key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", _takers(), ids=lambda c: c.__name__)
def test_a_sentence_that_takes_quoted_lines_and_finds_none_makes_no_change(cls: type[Sentence]):
    """Every kind that takes a quote reads its new text from it: without one it is reported (or, for a new
    date of entry into force, carries the problem), never made from nothing."""
    values = {
        "section": "1",
        "subsection": "1.1",
        "number": "2",
        "after": None,
        "element": "point 2",
        "line": "ОМ",
        "lead": "1. № 9001 қаулысына",
        "operations": None,
    }
    fields = {f.name: values.get(f.name) for f in dataclasses.fields(cls)}
    sentence = cls(**fields)
    passage = Passage(Paragraph("...", 1, 1), sentence)
    made = _instruction(passage, sentence, None)
    assert isinstance(made, Unrecognized) or getattr(made, "problem", None), type(made).__name__


def test_the_sentences_that_take_a_quote_are_those_whose_instructions_read_one():
    """``takes`` is the one statement of what a sentence takes: the instruction kinds that carry a quote are
    made from exactly these sentences."""
    assert {c.__name__ for c in _takers()} == {
        "ColumnAddition",
        "ColumnRenaming",
        "NoteLineRewording",
        "NoteLinesAddition",
        "Rescheduling",
        "SectionAddition",
        "SectionTitleRewording",
        "SignatoryRewording",
        "SubsectionAddition",
        "SubsectionTitleRewording",
        "TextInsertion",
        "TextRewording",
    }


def test_words_replaced_in_a_named_row_read_through_the_passages():
    got = read_instructions(
        split_document(
            HEAD
            + '      реттік нөмірі 15-жолда:\n      3-бағандағы "а" деген сөздер "б" деген сөздермен ауыстырылсын;\n'
        )
    )
    words = [i for i in got if isinstance(i, WordsReplaced)]
    assert words and words[0].row == "15"
