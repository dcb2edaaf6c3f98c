"""The importer's instruction formulas, text repairs and cell rebuilding, on small texts written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from amend import FiledAmendment, RowNumber, load_amendment, load_plan
from amend.cli.app import app
from amend.engine.amendment import ActStatus
from amend.engine.timeline import consolidate
from amend.importer import ImportTextError, Lexicon, import_text, render_draft
from amend.importer.act.document import Table, split_document
from amend.importer.act.instructions import (
    AbbreviationDeleted,
    AbbreviationReworded,
    AbbreviationsAdded,
    ActTextReworded,
    EntryIntoForceClause,
    Framing,
    NoteContext,
    PointAdded,
    PointDeleted,
    Repeal,
    RowsAdded,
    RowsDeleted,
    RowsReworded,
    SectionContext,
    SectionDeleted,
    Signature,
    SubsectionContext,
    Unrecognized,
    WordsReplaced,
    read_instructions,
    row_numbers,
)
from amend.importer.act.writer import operation_data
from amend.importer.metadata import kazakh_date, read_entry_into_force
from amend.importer.text import Line, close_up, is_ending, join_lines, join_prose

DATA = Path(__file__).parent / "data" / "import"
PLAN_748 = ROOT / "plans" / "base" / "748.yaml"


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_748)


def read(*paragraphs: str):
    """The instructions of a body made of indented paragraphs (no heading needed)."""
    text = "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n" + "\n".join(f"      {p}" for p in paragraphs)
    return read_instructions(split_document(text))[1:]


def lines(*texts: str, open_end: bool = False) -> list[Line]:
    return [Line(t, open_end, n, 0) for n, t in enumerate(texts, 1)]


# -- text repairs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, closed",
    [
        ("т а л а п  етілмейді", "талап  етілмейді"),
        ("О М - г е  ", "ОМ-ге  "),
        ("Р Б  (", "РБ  ("),
        ("а  ж ә н е  ", "а  және  "),
        ("ы қосымша", "ы қосымша"),  # one letter is a word's broken end, not a spaced word
        ("100 % қамту", "100 % қамту"),
        ("2024 жылы – 150", "2024 жылы – 150"),
    ],
)
def test_spaced_out_letters_are_closed_up(raw, closed):
    assert close_up(raw) == closed


@pytest.mark.parametrize(
    "printed, joined",
    [
        (["мемлекет", "тік бағдарлама"], "мемлекеттік бағдарлама"),  # an ending continues the word
        (["кітапханалар", "дағы,"], "кітапханалардағы,"),  # a chain of endings
        (["баспана", "және жұмыс"], "баспана және жұмыс"),  # a word that stands alone
        (["оқулықт", "ы"], "оқулықты"),  # one letter is no word
        (["бюджет", ", 5 млн"], "бюджет, 5 млн"),  # a comma starting a line
        (["жүргізу (", "жоспар бойынша)"], "жүргізу (жоспар бойынша)"),  # an opening bracket at the end
        (['мектеп "', 'Болашақ" бағдарламасы'], 'мектеп "Болашақ" бағдарламасы'),  # an opening quote at the end
        (['"Болашақ"', '"Өркен"'], '"Болашақ" "Өркен"'),  # a closing quote, then an opening one
        (["әлеуметтік-", "педагогикалық"], "әлеуметтік-педагогикалық"),  # a compound broken at its hyphen
        (["Республикасы", "Заңы"], "Республикасы Заңы"),  # a capital starts a word
        (["берумен", "100 %"], "берумен 100 %"),  # a figure is a word of its own
    ],
)
def test_printed_lines_join_by_general_rules(printed, joined):
    text, _ = join_lines(lines(*printed), Lexicon())
    assert text == joined


@pytest.mark.parametrize(
    "printed, joined",
    [
        (["2023 - 2025 жылдарға", "арналған"], "2023 - 2025 жылдарға арналған"),  # lines part words
        (["реттік нөмірлері 63 және 64-", "жолдар"], "реттік нөмірлері 63 және 64-жолдар"),  # a number's case ending
        (["әлеуметтік-", "педагогикалық"], "әлеуметтік-педагогикалық"),  # a compound
        (["  бірінші  ", "", "екінші   сөз"], "бірінші екінші сөз"),  # blank lines and runs of blanks
        (["бөлім -", "2"], "бөлім - 2"),  # a dash between words is no break
    ],
)
def test_running_text_joins_its_lines_by_one_rule_in_headings_paragraphs_and_base_plans(printed, joined):
    """One join of prose for an act's paragraphs, its heading and a base plan's preamble (importer.text)."""
    assert join_prose(printed) == joined


def test_a_line_ending_in_a_blank_ends_its_word():
    assert join_lines(lines("мемлекет", "тік", open_end=True), Lexicon())[0] == "мемлекет тік"


def test_a_join_neither_rule_nor_lexicon_decides_is_reported_as_a_guess():
    text, guesses = join_lines(lines("шығармашылық", "байқауларын"), Lexicon())
    assert text == "шығармашылық байқауларын"
    assert len(guesses) == 1 and not guesses[0][2].glue
    known = Lexicon(["шығармашылық", "байқауларын"])
    assert join_lines(lines("шығармашылық", "байқауларын"), known)[1] == []


def test_the_lexicon_joins_a_word_split_inside_its_stem():
    lexicon = Lexicon.from_texts(["ақпараттық-түсіндіру жұмысы"])
    assert join_lines(lines("ақпараттық-тү", "сіндіру"), lexicon)[0] == "ақпараттық-түсіндіру"
    assert join_lines(lines("ақпараттық-тү", "сіндіру"), Lexicon())[0] == "ақпараттық-тү сіндіру"


@pytest.mark.parametrize(
    "fragment, ending",
    [
        ("лардың", True),
        ("рдың", True),
        ("ағы", True),
        ("ына", True),
        ("жұмыс", False),
        ("орындары", False),
        ("анықтау", False),
    ],
)
def test_word_endings_are_recognised(fragment, ending):
    assert is_ending(fragment) is ending


# -- the formulas --------------------------------------------------------------------------------------


def test_row_listings():
    assert row_numbers("29-1, 29-2 және 29-3") == ["29-1", "29-2", "29-3"]
    assert row_numbers("42, 43 және 44") == ["42", "43", "44"]
    assert row_numbers("10 – 12") == ["10", "11", "12"]


def test_section_and_subsection_context():
    section, subsection = read(
        '"Бірінші бөлімнің атауы" деген 1-бөлімде:', '"1.2. Орта мерзімді шаралар" деген кіші бөлімде:'
    )
    assert isinstance(section, SectionContext) and (section.section, section.title) == ("1", "Бірінші бөлімнің атауы")
    assert isinstance(subsection, SubsectionContext) and subsection.subsection == "1.2"


def test_replace_rows_one_and_several():
    one, several = read(
        "реттік нөмірі 6-жол мынадай редакцияда жазылсын:",
        "реттік нөмірлері 42, 43 және 44-жолдар мынадай редакцияда жазылсын:",
    )
    assert isinstance(one, RowsReworded) and one.rows == ("6",)
    assert isinstance(several, RowsReworded) and several.rows == ("42", "43", "44")


def test_insert_rows_into_a_subsection_after_a_row_or_into_the_section():
    sub, after, plain = read(
        '"2.1. Қысқа мерзімді шаралар" деген кіші бөлім мынадай мазмұндағы реттік нөмірлері 29-1 және 29-2-жолдармен '
        "толықтырылсын:",
        "реттік нөмірі 23-жолдан кейін мынадай мазмұндағы реттік нөмірі 23-1-жолмен толықтырылсын:",
        "мынадай мазмұндағы реттік нөмірі 49-1-жолмен толықтырылсын:",
    )
    assert isinstance(sub, RowsAdded) and (sub.subsection, sub.rows) == ("2.1", ("29-1", "29-2"))
    assert sub.subsection_title == "Қысқа мерзімді шаралар"
    assert isinstance(after, RowsAdded) and (after.after, after.rows, after.subsection) == ("23", ("23-1",), None)
    assert isinstance(plain, RowsAdded) and plain.rows == ("49-1",)


def test_the_quoted_table_belongs_to_the_instruction_before_it():
    text = (
        "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        '      реттік нөмірі 6-жол мынадай редакцияда жазылсын:\n      "\n\n6.\n\nшара\n\n"\nатауы\n      ";\n'
    )
    _, replace = read_instructions(split_document(text))
    assert isinstance(replace, RowsReworded) and isinstance(replace.table, Table)
    # The lone quote inside the table is text of the row, not the table's end.
    assert [raw for _, raw in replace.table.lines if raw.strip()] == ["6.", "шара", '"', "атауы"]


def test_delete_rows():
    (deleted,) = read("реттік нөмірлері 12 және 13-жолдар алып тасталсын;")
    assert isinstance(deleted, RowsDeleted) and deleted.rows == ("12", "13")


def test_an_acts_repeal_is_read_with_the_repealed_acts_number():
    (repeal, point) = read(
        "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысының күші жойылды деп танылсын;",
        "2. Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысының күші жойылды деп танылсын.",
    )
    assert isinstance(repeal, Repeal) and repeal.number == "392"
    assert isinstance(point, Repeal) and (point.number, point.point) == ("748", 2)


def test_a_repeal_of_the_plans_own_act_or_of_an_amending_act_becomes_its_operation(plan):
    text = (
        "Қазақстан Республикасы Үкіметінің 2026 жылғы 3 ақпандағы № 55 қаулысы\n"
        "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        "      1. Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысының "
        "күші жойылды деп танылсын.\n"
        "      2. Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысының "
        "күші жойылды деп танылсын.\n"
        "      3. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.\n"
    )
    draft = import_text(text, plan, Lexicon(), source="repeal.txt")
    assert [operation_data(op.operation) for op in draft.operations] == [
        {"op": "repeal_act", "act": "392"},
        {"op": "repeal_plan"},
    ]


def test_replace_words_in_a_row_a_column_or_the_plan_and_strike_words_out():
    in_row, in_column, plan_wide, struck = read(
        'реттік нөмірі 6-жолдағы "маусым" деген сөз "қараша" деген сөзбен ауыстырылсын;',
        'реттік нөмірі 7-жолдың 4-бағанындағы "2024" деген цифрлар "2025" деген цифрлармен ауыстырылсын;',
        '"БҒМ" деген сөздер "ОМ" деген сөздермен ауыстырылсын;',
        'реттік нөмірі 8-жолдағы "және ДСМ" деген сөздер алып тасталсын;',
    )
    assert isinstance(in_row, WordsReplaced) and (in_row.row, in_row.pairs) == ("6", (("маусым", "қараша"),))
    assert isinstance(in_column, WordsReplaced) and (in_column.row, in_column.column_number) == ("7", 4)
    assert isinstance(plan_wide, WordsReplaced) and plan_wide.row is None and plan_wide.pairs == (("БҒМ", "ОМ"),)
    assert isinstance(struck, WordsReplaced) and struck.pairs == (("және ДСМ", ""),)


def test_the_note_supplemented_a_line_struck_out_and_a_line_reworded():
    added, context, deleted, reworded = read(
        "Ескертпе: Аббревиатуралардың толық жазылуы мынадай мазмұндағы жолдармен толықтырылсын:",
        '"КМ – Қазақстан Республикасы Көлік министрлігі;',
        'ҰБ – Ұлттық банк".',
        "Ескертпеде:",
        '"ТЖМ – Төтенше жағдайлар министрлігі" деген жол алып тасталсын;',
        '"ДСМ – Денсаулық министрлігі" деген жол мынадай редакцияда жазылсын:',
        '"ДСМ – Қазақстан Республикасы Денсаулық сақтау министрлігі";',
    )
    assert isinstance(added, AbbreviationsAdded)
    assert added.entries == (("КМ", "Қазақстан Республикасы Көлік министрлігі"), ("ҰБ", "Ұлттық банк"))
    assert isinstance(context, NoteContext)
    assert isinstance(deleted, AbbreviationDeleted) and deleted.code == "ТЖМ"
    assert isinstance(reworded, AbbreviationReworded)
    assert (reworded.code, reworded.expansion) == ("ДСМ", "Қазақстан Республикасы Денсаулық сақтау министрлігі")


def test_framing_entry_into_force_and_signature_ask_for_no_operation():
    framing, entry, signature = read(
        "1. Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысына мынадай өзгерістер енгізілсін:",
        "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
        "Қазақстан Республикасының Премьер-Министрі А. Смағұлов",
    )
    assert isinstance(framing, Framing) and isinstance(entry, EntryIntoForceClause)
    assert isinstance(signature, Signature) and signature.name == "А. Смағұлов"


def test_a_paragraph_that_matches_no_formula_is_kept_as_unrecognized():
    (odd,) = read("реттік нөмірі 6-жол бұрынғы мәтінімен қалдырылсын;")
    assert isinstance(odd, Unrecognized) and odd.paragraph.text.startswith("реттік нөмірі 6-жол")


@pytest.mark.parametrize(
    "clause, rule, extra",
    [
        ("Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.", "on_signing", {}),
        (
            "Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
            "after_publication",
            {"days": 10},
        ),
        (
            "Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік 21 күн өткен соң қолданысқа енгізіледі.",
            "after_publication",
            {"days": 21},
        ),
        ("Осы қаулы 2026 жылғы 1 шілдеден бастап қолданысқа енгізіледі.", "on_date", {"date": dt.date(2026, 7, 1)}),
        ("Осы қаулы заң күшіне енген күннен бастап қолданысқа енгізіледі.", None, {}),
    ],
)
def test_entry_into_force_formulas(clause, rule, extra):
    reading = read_entry_into_force(clause)
    assert reading.rule == rule
    for key, value in extra.items():
        assert getattr(reading, key) == value


def test_kazakh_dates():
    assert kazakh_date("2025", "30", "мамырдағы") == dt.date(2025, 5, 30)
    assert kazakh_date("2023", "31", "тамыздағы") == dt.date(2023, 8, 31)
    assert kazakh_date("2024", "5", "қыркүйектегі") == dt.date(2024, 9, 5)
    assert kazakh_date("2025", "30", "ақпандағы") is None  # no 30 February


# -- whole small acts ----------------------------------------------------------------------------------


def _import(name: str, plan):
    return import_text((DATA / name).read_text(encoding="utf-8"), plan, Lexicon(), source=name)


def test_rows_are_rebuilt_with_a_displaced_number_and_a_tail_after_a_page_break(plan, tmp_path):
    draft = _import("replace_and_insert.txt", plan)
    assert (draft.act.number, draft.act.date, draft.amends) == ("901", dt.date(2025, 11, 12), "748")
    replace, insert = [operation_data(op.operation) for op in draft.operations]
    assert replace == {
        "op": "replace_row",
        "section": "3",
        "row": "42",
        "cells": {
            "measure": "Мектеп оқушыларына арналған спорттық жарыстар өткізу",
            "form": "ОМ-ге ақпарат",
            "deadline": "жыл сайын қыркүйек",
            "executors": "ЖАО, ОМ",
            "cost": "талап етілмейді",
            "funding": "-",
        },
    }
    assert (insert["section"], insert["subsection"]) == ("3", "3.1")
    first, second = insert["rows"]
    assert first["cells"]["measure"] == "Ауылдық мектептерде кітапхана қорын толықтыру және жаңарту"
    assert (first["cells"]["executors"], first["cells"]["cost"], first["cells"]["funding"]) == (
        "ОМ, ЖАО",
        "-",
        "РБ (бюджет қаражаты шегінде)",
    )
    assert second["cells"]["measure"] == "Жасөспірімдерге арналған кеңес беру орталықтарын ашу мәселесін пысықтау"
    assert {r.where for r in draft.reviews} == {"row 47-4, measure", "row 47-5, measure"}
    path = tmp_path / "901.yaml"
    path.write_text(render_draft(draft), encoding="utf-8")
    amendment = load_amendment(path)
    latest = consolidate(plan, [FiledAmendment(amendment.model_copy(update={"status": "adopted"}), path)]).latest
    assert latest.plan.row(RowNumber("47-5")).cells["form"] == "ақпарат"


def test_words_deletions_and_the_note_become_operations(plan):
    draft = _import("words_delete_note.txt", plan)
    ops = [operation_data(op.operation) for op in draft.operations]
    assert [op["op"] for op in ops] == [
        "replace_words",
        "replace_words",
        "replace_words",
        "delete_row",
        "delete_row",
        "replace_words",
        "delete_abbreviation",
        "add_abbreviations",
    ]
    assert ops[0] == {
        "op": "replace_words",
        "old": "маусым, желтоқсан",
        "new": "желтоқсан",
        "occurrences": 1,
        "row": "28",
        "section": "2",
    }
    assert (ops[1]["row"], ops[1]["column"]) == ("29", "deadline")
    assert ops[2]["new"] == "" and [ops[3]["row"], ops[4]["row"]] == ["37-1", "37-2"]
    # Under a section's heading, words replaced in no row are replaced in that section's rows.
    assert (
        "row" not in ops[5]
        and ops[5]["section"] == "2"
        and ops[7]["entries"] == {"ҒЖМ": "Қазақстан Республикасының Ғылым және жоғары білім министрлігі"}
    )
    # The text never says how often the words occur: they are counted in the version amended, and
    # where 748's unknown texts (or a row it does not have yet) leave the count open, it is marked.
    assert sum(r.where == "occurrences" for r in draft.reviews) == 4


def test_an_unknown_publication_date_stays_unknown_and_blocks_loading(plan, tmp_path):
    draft = _import("words_delete_note.txt", plan)
    text = render_draft(draft)
    assert "  rule: after_publication\n  days: 10\n  published: !unknown\n" in text
    assert any(r.where == "entry_into_force" for r in draft.reviews)
    out = tmp_path / "55.yaml"
    result = CliRunner().invoke(
        app, ["import", str(DATA / "words_delete_note.txt"), "-o", str(out), "--root", str(ROOT)]
    )
    assert result.exit_code == 1
    assert "does not load" in result.stderr and "published" in result.stderr
    assert out.exists()  # written for the person to complete


def test_text_that_matches_no_formula_is_reported_not_dropped(plan):
    draft = _import("unmatched.txt", plan)
    (review,) = [r for r in draft.reviews if r.where == "paragraph"]
    assert "жаңа нысанмен толықтырылып" in review.message and review.line == 13
    text = render_draft(draft)
    assert "# REVIEW: matches no formula; no operation was made from:" in text
    assert [op.operation.op for op in draft.operations if op.operation] == ["delete_row"]
    assert draft.entry.rule == "on_date" and draft.entry.date == dt.date(2026, 1, 1)
    result = CliRunner().invoke(app, ["import", str(DATA / "unmatched.txt"), "--root", str(ROOT)])
    assert result.exit_code == 0 and "matches no formula" in result.stderr


def test_a_text_with_no_instruction_is_an_error(plan):
    text = "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 желтоқсандағы № 7 қаулысы\n      Бір сөйлем ғана.\n"
    with pytest.raises(ImportTextError):
        import_text(text, plan)


def test_subpoints_and_their_own_commencement_words_in_the_note():
    plan = load_plan(ROOT / "plans" / "base" / "156.yaml")
    text = (
        "Қазақстан Республикасы Үкіметінің 2026 жылғы 3 ақпандағы № 56 қаулысы\n"
        "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        "      1. Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысына мынадай өзгерістер "
        "енгізілсін:\n"
        "      1) реттік нөмірі 12-жол алынып тасталсын;\n"
        "      2) Ескертпеде:\n"
        '      "Қазақстан Республикасы Денсаулық" деген сөздер "Қазақстан Республикасының Денсаулық" деген '
        "сөздермен ауыстырылсын;\n"
        "      2. Осы қаулы 1-тармағының 2) тармақшасын қоспағанда, қол қойылған күнінен бастап қолданысқа "
        "енгізіледі; 1-тармақтың 2) тармақшасы 2026 жылғы 1 шілдеден бастап қолданысқа енгізіледі.\n"
    )
    draft = import_text(text, plan, Lexicon())
    ops = [op.operation for op in draft.operations if op.operation]
    assert [op.op for op in ops] == ["delete_row", "replace_words_in"]
    assert ops[0].in_force is None and ops[1].in_force == dt.date(2026, 7, 1)
    # The words are in one line of the note (ДСМ): that expansion gets them, as the act says.
    assert (ops[1].element, ops[1].occurrences) == ("abbreviation ДСМ", 1)
    amendment = draft.amendment(status=ActStatus.ADOPTED)
    latest = consolidate(plan, [FiledAmendment(amendment, Path("56.yaml"))]).latest.plan
    assert latest.abbreviations["ДСМ"].expansion == "Қазақстан Республикасының Денсаулық сақтау министрлігі"


def test_a_section_named_by_its_numbered_title_and_the_closing_words_on_publication():
    plan = load_plan(ROOT / "plans" / "base" / "156.yaml")
    text = (
        "Қазақстан Республикасы Үкіметінің 2021 жылғы 3 ақпандағы № 57 қаулысы\n"
        "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        "      1. Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысына мынадай өзгерістер "
        "енгізілсін:\n"
        '      "ІV. ІС-ШАРАЛАР" деген бөлімде:\n'
        "      реттік нөмірі 45-жол алып тасталсын;\n"
        '      "БАҒДАРЛАМАЛЫҚ ҚАМТАМАСЫЗ ЕТУ ЖӘНЕ ӘДІСТЕМЕЛІК СҮЙЕМЕЛДЕУ" деген бөлімде:\n'
        "      реттік нөмірі 21-жол алып тасталсын;\n"
        "      Ескертпеде: аббревиатуралардың толық жазылуында:\n"
        '      "ЖКО – жол-көлік оқиғасы" деген жол алып тасталсын;\n'
        "      2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі және ресми жариялануға тиіс.\n"
    )
    draft = import_text(text, plan, Lexicon())
    ops = [op.operation for op in draft.operations if op.operation]
    assert [(op.op, op.section if op.op == "delete_row" else None) for op in ops] == [
        ("delete_row", "IV"),
        ("delete_row", "II"),
        ("delete_abbreviation", None),
    ]
    assert draft.entry.rule == "on_signing" and [r.where for r in draft.reviews] == ["amends"]  # no title line


def test_a_code_renamed_in_the_note_is_struck_out_and_added_under_its_new_code():
    plan = load_plan(ROOT / "plans" / "base" / "156.yaml")
    text = (
        "Қазақстан Республикасы Үкіметінің 2021 жылғы 3 ақпандағы № 58 қаулысы\n"
        "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        "      1. Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысына мынадай өзгерістер "
        "енгізілсін:\n"
        '      "МСМ" деген сөздер "МАМ" деген сөздермен ауыстырылсын;\n'
        "      Ескертпеде:\n"
        '      "ТЖ" деген аббревиатура "ТЖЖ" деген аббревиатурамен ауыстырылсын;\n'
        '      "МСМ – Қазақстан Республикасы Мәдениет және спорт министрлігі" деген жол мынадай редакцияда жазылсын:\n'
        '      "МАМ – Қазақстан Республикасының Мәдениет және ақпарат министрлігі";\n'
        "      2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.\n"
    )
    draft = import_text(text, plan, Lexicon())
    ops = [op.operation for op in draft.operations if op.operation]
    assert [op.op for op in ops] == [
        "replace_words",
        "delete_abbreviation",
        "add_abbreviations",
        "delete_abbreviation",
        "add_abbreviations",
    ]
    assert ops[2].entries == {"ТЖЖ": "төтенше жағдайлар"}
    assert ops[4].entries == {"МАМ": "Қазақстан Республикасының Мәдениет және ақпарат министрлігі"}
    assert sum("renamed" in r.message for r in draft.reviews) == 2


def test_the_resolution_s_points_and_words_in_the_note_become_operations(tmp_path):
    """Issue 15's vocabulary: "2-тармақ мынадай редакцияда жазылсын", "3-тармақ алып тасталсын",
    "... 5-тармақпен толықтырылсын", a section struck out, and words replaced in the one expansion of the
    note that holds them; the signatory is the act's data."""
    plan_156 = load_plan(ROOT / "plans" / "base" / "156.yaml")
    draft = _import("points.txt", plan_156)
    ops = [operation_data(op.operation) for op in draft.operations]
    assert ops == [
        {
            "op": "replace_text",
            "element": "point 2",
            "text": "сынақ мәтіні: облыстардың әкімдіктері Жол картасын іске асыру жөнінде қажетті шаралар қабылдасын.",
        },
        {"op": "delete_text", "element": "point 3"},
        {"op": "insert_text", "element": "point 5", "after": "4", "text": "сынақ мәтіні: бесінші тармақ."},
        {"op": "delete_section", "number": "V"},
        {
            "op": "replace_words_in",
            "element": "abbreviation БҒМ",
            "old": "министлігі",
            "new": "министрлігі",
            "occurrences": 1,
        },
    ]
    assert draft.signatory == ("Қазақстан Республикасының Премьер-Министрі", "А. Мамин")
    path = tmp_path / "9010.yaml"
    rendered = render_draft(draft)
    assert "# signed" not in rendered  # data, not a comment
    path.write_text(rendered, encoding="utf-8")
    amendment = load_amendment(path)
    assert amendment.act.signatory is not None and amendment.act.signatory.name == "А. Мамин"
    latest = consolidate(plan_156, [FiledAmendment(amendment.model_copy(update={"status": "adopted"}), path)]).latest
    assert [p.number for p in latest.plan.act.points] == ["1", "2", "4", "5"]
    # Point 2 in new wording is the whole point: its old sub-points go.
    assert latest.plan.act.points[1].subpoints == ()
    assert [s.number for s in latest.plan.sections] == ["I", "II", "III", "IV"]
    assert not [r for r in draft.reviews if r.where == "section V"]  # its title agrees with the plan's
    assert latest.plan.abbreviations["БҒМ"].expansion.endswith("ғылым министрлігі")


def test_words_in_the_note_that_no_single_expansion_holds_are_left_for_review():
    document = split_document(
        "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 желтоқсандағы № 7 қаулысы\n"
        "      Ескертпеде:\n"
        '      "Қазақстан Республикасы" деген сөздер "ҚР" деген сөздермен ауыстырылсын;\n'
        '      "жоқ сөздер" деген сөздер "ҚР" деген сөздермен ауыстырылсын.\n'
    )
    plan_156 = load_plan(ROOT / "plans" / "base" / "156.yaml")
    from amend.importer.act.draft import _Builder

    builder = _Builder(plan_156, Lexicon(), set(plan_156.abbreviations))
    for instruction in read_instructions(document):
        builder.add(instruction)
    several, none = builder.ops
    assert several.operation is None and "expansions hold them" in several.notes[0].message
    assert none.operation is None and "no expansion of the note holds them" in none.notes[0].message


def test_a_point_in_new_wording_keeps_its_items_as_sub_points_and_sub_points_are_inserted_and_struck_out():
    (replace, insert, delete, section) = read(
        "2-тармақ мынадай редакцияда жазылсын:",
        '"2. Облыстардың әкімдіктері:',
        "1) шаралар қабылдасын;",
        '2) ақпарат берсін.";',
        "2-тармақ 2) тармақшадан кейін мынадай мазмұндағы 3) тармақшамен толықтырылсын:",
        '"3) есеп берсін.";',
        "2-тармақтың 1) тармақшасы алып тасталсын;",
        "ІІ-бөлім алып тасталсын;",
    )
    assert isinstance(replace, ActTextReworded) and (replace.element, replace.text) == (
        "point 2",
        "Облыстардың әкімдіктері:",
    )
    assert replace.subpoints == (("1", "шаралар қабылдасын;"), ("2", "ақпарат берсін."))
    assert isinstance(insert, PointAdded) and (insert.element, insert.after, insert.text) == (
        "point 2.3",
        "2",
        "есеп берсін.",
    )
    assert isinstance(delete, PointDeleted) and delete.element == "point 2.1"
    assert isinstance(section, SectionDeleted) and (section.section, section.title) == ("II", None)


def test_a_new_point_with_numbered_items_is_left_for_review_never_cut():
    (insert,) = read(
        "мынадай мазмұндағы 5-тармақпен толықтырылсын:",
        '"5. Облыстардың әкімдіктері:',
        '1) шаралар қабылдасын.";',
    )
    assert isinstance(insert, Unrecognized) and "numbered items" in insert.why


HEAD_748 = (
    "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 желтоқсандағы № 905 қаулысы\n"
    "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
    "      1. Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысына мынадай өзгерістер "
    "енгізілсін:\n"
    "      2-бөлімде:\n"
)
TAIL = "      2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.\n"


def _import_748(body: str):
    from amend.importer.act.preview import adopted_acts

    adopted = adopted_acts(ROOT, "748")
    return import_text(HEAD_748 + body + TAIL, load_plan(PLAN_748), Lexicon(), adopted=adopted)


def test_words_in_several_rows_or_columns_make_one_operation_each_counted_in_its_own_scope():
    draft = _import_748(
        '      реттік нөмірлері 29-1 және 29-3-жолдардың 5-бағанындағы "ОМ" деген сөз "ҒЖБМ" деген сөзбен '
        "ауыстырылсын;\n"
    )
    ops = [operation_data(op.operation) for op in draft.operations]
    assert [(op["row"], op["column"], op["occurrences"]) for op in ops] == [
        ("29-1", "executors", 1),
        ("29-3", "executors", 1),
    ]


def test_guillemets_are_quotes_and_a_formula_word_broken_at_a_line_end_is_rejoined():
    draft = _import_748("      реттік нөмірі 29-3-жолдағы «ОМ» деген сөз «ҒЖБМ» деген сөзбен ауыс\nтырылсын;\n")
    (op,) = [operation_data(op.operation) for op in draft.operations]
    assert (op["op"], op["row"], op["old"], op["new"]) == ("replace_words", "29-3", "ОМ", "ҒЖБМ")


def test_a_row_number_the_engine_refuses_leaves_a_review_in_the_words_of_check():
    # The builder makes the engine's operations directly: a value read from the text that fails the
    # operation's checks is a review, not a crash, and it is worded as `amend check` words the fault.
    plan = load_plan(ROOT / "plans" / "base" / "156.yaml")
    text = (
        "Қазақстан Республикасы Үкіметінің 2026 жылғы 3 ақпандағы № 56 қаулысы\n"
        "      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n"
        "      1. Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысына мынадай өзгерістер "
        "енгізілсін:\n"
        "      реттік нөмірі 012 және 13-жолдар алынып тасталсын;\n"
        "      2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.\n"
    )
    draft = import_text(text, plan, Lexicon())
    assert [op.operation.row if op.operation else None for op in draft.operations] == [None, RowNumber("13")]
    assert [r.message for r in draft.operations[0].notes] == [
        "no operation could be made (`row`: '012' is not a row number (expected digits such as 6 or 23-1, "
        "no leading zeros))"
    ]
    assert draft.operations[0].notes[0].where == "delete_row"
