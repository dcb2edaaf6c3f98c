"""amend import-base: plan 156 read from its seed text and compared with the hand-checked plans/base/156.yaml."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SOURCES
from typer.testing import CliRunner

from amend import UNKNOWN, load_plan
from amend.cli.app import app
from amend.importer.base_plan.base import import_base, render_base, score_cells
from amend.importer.text import Lexicon

SEED = SOURCES / "156.txt"
HAND = ROOT / "plans" / "base" / "156.yaml"
# Synthetic resolutions of the same kind, in the same extracted layout, each with its expected reading:
# other numbers and agencies, other column sets, page breaks in other columns, first rows on one line.
SYNTHETIC = ROOT / "tests" / "fixtures" / "base"


@pytest.fixture(scope="module")
def hand():
    return load_plan(HAND)


@pytest.fixture(scope="module")
def imported(hand):
    # No lexicon: 156's own words must not help read 156.
    return import_base(SEED.read_text(encoding="utf-8"), hand.columns, Lexicon(), "156")


def test_the_act_its_points_signatory_and_entry_into_force_are_read_exactly(imported, hand):
    act = imported.data["act"]
    assert act["issuer"] == hand.act.issuer and act["kind"] == hand.act.kind
    assert (act["number"], act["date"], act["title"]) == (hand.act.number, hand.act.date, hand.act.title)
    assert act["preamble"] == hand.act.preamble
    assert [(p["number"], p["text"]) for p in act["points"]] == [(p.number, p.text) for p in hand.act.points]
    assert [[(s["number"], s["text"]) for s in p.get("subpoints", [])] for p in act["points"]] == [
        [(s.number, s.text) for s in p.subpoints] for p in hand.act.points
    ]
    assert act["signatory"] == hand.act.signatory.model_dump()
    assert imported.data["entry_into_force"] == hand.entry_into_force.model_dump()
    assert imported.data["title"] == hand.title


def test_sections_rows_and_the_note_are_read_exactly(imported, hand):
    assert [(s["number"], s["title"]) for s in imported.data["sections"]] == [
        (s.number, s.title) for s in hand.sections
    ]
    assert [(r["number"], r["section"]) for r in imported.data["rows"]] == [
        (str(r.number), r.section) for r in hand.rows
    ]
    assert imported.data["abbreviations"] == {c: a.expansion for c, a in hand.abbreviations.items()}


def test_no_cell_is_guessed_every_unread_cell_is_marked_and_the_share_read_is_measured(imported, hand):
    read = wrong = total = 0
    for row, want in zip(imported.data["rows"], hand.rows, strict=True):
        for column, value in row["cells"].items():
            total += 1
            if value is UNKNOWN:
                assert row["number"] in imported.row_notes, row["number"]
                continue
            read += 1
            wrong += value != want.cells[column]
    print(f"\n156 import-base: {read}/{total} cells read ({read / total:.0%}), {wrong} wrong; the rest marked REVIEW")
    assert wrong == 0
    # Every cell but budget_program of row 15 (five dashes printed for six cells) is read.
    assert read >= 765


def test_156_is_read_cell_for_cell_with_at_least_99_percent_exact(imported, hand):
    score = score_cells(imported, hand)
    print("\n" + score.report())
    assert score.total == 770
    assert score.share >= 0.99, score.report()
    # Each miss is in a row whose review notes say what was chosen or left unknown.
    assert all(row in imported.row_notes for row, *_ in score.misses)


def test_the_cell_score_counts_each_miss_per_column(imported, hand):
    altered = hand.model_copy(
        update={"rows": (hand.rows[0].evolve(cells={**hand.rows[0].cells, "form": "x"}), *hand.rows[1:])}
    )
    score = score_cells(imported, altered)
    assert score.per_column["form"][0] == score_cells(imported, hand).per_column["form"][0] - 1
    assert ("1", "form", imported.data["rows"][0]["cells"]["form"], "x") in score.misses


def _synthetic(number: str):
    want = load_plan(SYNTHETIC / f"{number}.yaml")
    text = (SYNTHETIC / f"{number}.txt").read_text(encoding="utf-8")
    return text, want, import_base(text, want.columns, Lexicon(), number)


@pytest.mark.parametrize("number", ["412", "87", "605", "231", "318", "444"])
def test_synthetic_resolutions_are_read_cell_for_cell(number):
    _, want, draft = _synthetic(number)
    score = score_cells(draft, want)
    assert score.share == 1.0, score.report()
    assert [(s["number"], s["title"]) for s in draft.data["sections"]] == [(s.number, s.title) for s in want.sections]
    assert [[(u["number"], u["title"]) for u in s.get("subsections", [])] for s in draft.data["sections"]] == [
        [(u.number, u.title) for u in s.subsections] for s in want.sections
    ]
    assert [(r["number"], r["section"], r.get("subsection")) for r in draft.data["rows"]] == [
        (str(r.number), r.section, r.subsection) for r in want.rows
    ]
    assert [(p["number"], p["text"]) for p in draft.data["act"]["points"]] == [
        (p.number, p.text) for p in want.act.points
    ]
    assert draft.data["abbreviations"] == {c: a.expansion for c, a in want.abbreviations.items()}
    assert draft.data["title"] == want.title
    act = draft.data["act"]
    assert (act["number"], act["date"], act["title"]) == (want.act.number, want.act.date, want.act.title)
    assert act["signatory"] == want.act.signatory.model_dump()


@pytest.mark.parametrize("number", ["412", "87", "605", "231", "318", "444", "156"])
def test_every_choice_and_every_unknown_cell_is_marked_with_the_source_line_it_quotes(number, imported):
    if number == "156":
        text, draft = SEED.read_text(encoding="utf-8"), imported
    else:
        text, _, draft = _synthetic(number)
    lines = text.split("\n")
    for row in draft.data["rows"]:
        notes = draft.row_notes.get(row["number"], [])
        if any(v is UNKNOWN for v in row["cells"].values()):
            assert any("left unknown" in n.message for n in notes), row["number"]
        for note in notes:
            assert note.line is not None and 1 <= note.line <= len(lines)
            # A quoted printed line ("...", line N) is the source's line N, blanks aside.
            for quoted, at in re.findall(r'"([^"]+)" \(line (\d+)\)', note.message):
                assert " ".join(quoted.split()) == " ".join(lines[int(at) - 1].split()), note.message


def test_measure_and_form_parted_by_the_verbal_noun_are_marked_as_choices(imported):
    parted = [n for n, notes in imported.row_notes.items() if any("verbal noun" in x.message for x in notes)]
    assert len(parted) >= 19
    for number in parted:
        row = imported.data["rows"][int(number) - 1]
        assert isinstance(row["cells"]["measure"], str) and isinstance(row["cells"]["form"], str)


def test_cli_import_base_writes_a_plan_that_loads(tmp_path):
    out = tmp_path / "156.yaml"
    result = CliRunner().invoke(
        app, ["import-base", str(SEED), "--columns", str(HAND), "-o", str(out), "--root", str(ROOT)]
    )
    assert result.exit_code == 0, result.output
    assert "70 row(s)" in result.stderr
    plan = load_plan(out)
    assert len(plan.rows) == 70 and plan.plan == "156"
    assert out.read_text(encoding="utf-8").count("# REVIEW:") >= 1


def test_render_base_marks_each_row_it_could_not_read(imported):
    text = render_base(imported)
    assert text.count("# REVIEW:") == len(imported.notes) + sum(len(n) for n in imported.row_notes.values())


def test_cli_import_base_compare_reports_the_share_of_exact_cells(tmp_path):
    result = CliRunner().invoke(
        app,
        [
            "import-base",
            str(SYNTHETIC / "87.txt"),
            "--columns",
            str(SYNTHETIC / "87.yaml"),
            "--compare",
            str(SYNTHETIC / "87.yaml"),
            "-o",
            str(tmp_path / "87.yaml"),
            "--root",
            str(ROOT),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "cells exact: 28/28 (100.00%)" in result.stderr


def _resolution(table: str, note: str = "") -> str:
    """A short resolution in the bank's layout (a blank line between printed lines) around ``table``."""
    head = [
        "Сынақ жоспарын бекіту туралы ",
        "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 наурыздағы № 501 қаулысы. ",
        "       Қазақстан Республикасының Үкіметі  ҚАУЛЫ ЕТЕДІ: ",
        "       1. Қоса беріліп отырған Сынақ жоспары бекітілсін. ",
        "       2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі. ",
        "       Қазақстан Республикасының ",
        "Премьер-Министрі ",
        "О. Бектенов ",
    ]
    body = table.strip("\n").split("\n")
    tail = ["       Аббревиатуралардың толық жазылуы: ", *note.strip("\n").split("\n")] if note else []
    return "\n\n".join([*head, *body, *tail]) + "\n"


_ROW = "\n".join(
    ["{n}. ", "Жоспар", "әзірлеу ", "бұйрық ", "2025 жылғы ", "наурыз ", "ОМ ", "талап ", "етілмейді ", "- "]
)


def _shape():
    return load_plan(SYNTHETIC / "605.yaml").columns


def test_a_section_numbered_in_figures_is_told_from_row_one_by_the_subsection_after_it():
    table = "\n".join(["1. Бірінші бөлім ", "1.1. Қысқа мерзімді шаралар ", _ROW.format(n=1), _ROW.format(n=2)])
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    assert draft.data["sections"] == [
        {"number": "1", "title": "Бірінші бөлім", "subsections": [{"number": "1.1", "title": "Қысқа мерзімді шаралар"}]}
    ]
    assert [(r["number"], r["section"], r["subsection"]) for r in draft.data["rows"]] == [
        ("1", "1", "1.1"),
        ("2", "1", "1.1"),
    ]


def test_a_figure_due_as_a_row_number_without_a_subsection_after_it_stays_a_row():
    table = "\n".join(["І. БІРІНШІ БӨЛІМ ", _ROW.format(n=1), _ROW.format(n=2)])
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    assert [r["number"] for r in draft.data["rows"]] == ["1", "2"]
    assert all("subsection" not in r for r in draft.data["rows"])
    assert draft.data["rows"][0]["cells"]["measure"] == "Жоспар әзірлеу"


def test_a_subsection_heading_broken_across_lines_is_joined_and_the_rows_after_it_take_it():
    table = "\n".join(
        [
            "1. Бөлім ",
            "1.1. Қысқа ",
            "мерзімді шаралар ",
            _ROW.format(n=1),
            "1.2. Орта мерзімді шаралар ",
            _ROW.format(n=2),
        ]
    )
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    assert draft.data["sections"][0]["subsections"] == [
        {"number": "1.1", "title": "Қысқа мерзімді шаралар"},
        {"number": "1.2", "title": "Орта мерзімді шаралар"},
    ]
    assert [r["subsection"] for r in draft.data["rows"]] == ["1.1", "1.2"]


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_note_line_is_read_whatever_dash_parts_code_and_expansion(dash):
    note = f"       ОМ {dash} Қазақстан Республикасы Оқу-ағарту министрлігі "
    draft = import_base(_resolution("І. БӨЛІМ \n" + _ROW.format(n=1), note), _shape(), Lexicon(), "501")
    assert draft.data["abbreviations"] == {"ОМ": "Қазақстан Республикасы Оқу-ағарту министрлігі"}


def test_a_note_expansion_over_two_lines_is_joined_and_a_closing_rule_ends_the_note():
    note = "\n".join(
        [
            "       ОМ – Қазақстан Республикасы Оқу- ",
            "ағарту министрлігі ",
            "       ЖБ – жергілікті бюджет ",
            "_____________ ",
            "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 наурыздағы № 501 қаулысына қосымша ",
        ]
    )
    draft = import_base(_resolution("І. БӨЛІМ \n" + _ROW.format(n=1), note), _shape(), Lexicon(), "501")
    assert draft.data["abbreviations"] == {
        "ОМ": "Қазақстан Республикасы Оқу-ағарту министрлігі",
        "ЖБ": "жергілікті бюджет",
    }


def test_the_annex_heading_between_the_signature_and_the_table_is_neither_signature_nor_point():
    table = "\n".join(
        [
            "Қазақстан Республикасы ",
            "Үкіметінің 2025 жылғы 1 наурыздағы ",
            "№ 501 қаулысымен бекітілген ",
            "Сынақ жоспары ",
            "1 2 3 4 5 6 7 ",
            "І. БӨЛІМ ",
            _ROW.format(n=1),
        ]
    )
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    assert draft.data["act"]["signatory"]["name"] == "О. Бектенов"
    assert [p["number"] for p in draft.data["act"]["points"]] == ["1", "2"]
    assert draft.data["rows"][0]["cells"]["measure"] == "Жоспар әзірлеу"


def test_page_furniture_is_left_out_of_a_row_split_across_pages_and_marked_for_review():
    page = "\n\n\n\n- {p} - \n\n1 2 3 4 5 6 7 "
    row = _ROW.format(n=1).split("\n")
    table = "\n".join(
        ["І. БӨЛІМ ", *row[:6], page.format(p=2), *row[6:], _ROW.format(n=2), page.format(p=3), _ROW.format(n=3)]
    )
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    first = draft.data["rows"][0]["cells"]
    assert (first["executors"], first["cost"], first["funding"]) == ("ОМ", "талап етілмейді", "-")
    assert [r["cells"] == first for r in draft.data["rows"]] == [True, True, True]
    assert any("page furniture" in n.message for n in draft.notes)


@pytest.mark.parametrize(
    "head",
    [
        "Аббревиатуралардың толық жазылуы:",
        "Ескертпе: аббревиатуралардың толық жазылуы:",
        "ҚЫСҚАРТУЛАРДЫҢ ТОЛЫҚ ЖАЗЫЛУЫ:",
    ],
)
def test_the_note_is_found_under_each_printed_form_of_its_heading_and_ends_the_table(head):
    text = _resolution("І. БӨЛІМ \n" + _ROW.format(n=1), "       ОМ – Қазақстан Республикасы Оқу-ағарту министрлігі ")
    draft = import_base(text.replace("Аббревиатуралардың толық жазылуы:", head), _shape(), Lexicon(), "501")
    assert draft.data["abbreviations"] == {"ОМ": "Қазақстан Республикасы Оқу-ағарту министрлігі"}
    assert draft.data["rows"][0]["cells"]["funding"] == "-"


def test_a_subsection_number_printed_without_its_closing_dot_is_still_a_subsection():
    table = "\n".join(["1. Бөлім ", "1.1 Қысқа мерзімді шаралар ", _ROW.format(n=1)])
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    assert draft.data["sections"][0]["subsections"] == [{"number": "1.1", "title": "Қысқа мерзімді шаралар"}]
    assert draft.data["rows"][0]["subsection"] == "1.1"


def test_an_acting_signatory_after_the_bare_country_line_is_read_whole():
    text = _resolution("І. БӨЛІМ \n" + _ROW.format(n=1)).replace(
        "Қазақстан Республикасының \n\nПремьер-Министрі \n\nО. Бектенов",
        "Қазақстан Республикасы \n\nПремьер-Министрінің міндетін атқарушы \n\nР. Скляр",
    )
    draft = import_base(text, _shape(), Lexicon(), "501")
    assert draft.data["act"]["signatory"] == {
        "position": "Қазақстан Республикасы Премьер-Министрінің міндетін атқарушы",
        "name": "Р. Скляр",
        "position_ru": UNKNOWN,
        "name_ru": UNKNOWN,
    }


def test_sections_numbered_in_roman_numerals_in_ordinary_case_are_read_in_turn():
    table = "\n".join(
        ["I. Нормативтік базаны ", "жетілдіру ", _ROW.format(n=1), "II. Ақпараттық жұмыс ", _ROW.format(n=2)]
    )
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    assert draft.data["sections"] == [
        {"number": "I", "title": "Нормативтік базаны жетілдіру"},
        {"number": "II", "title": "Ақпараттық жұмыс"},
    ]
    assert [(r["number"], r["section"]) for r in draft.data["rows"]] == [("1", "I"), ("2", "II")]
    assert draft.data["rows"][1]["cells"]["measure"] == "Жоспар әзірлеу"


def test_a_note_word_printed_alone_above_the_notes_heading_is_left_out_of_the_last_row():
    text = _resolution("І. БӨЛІМ \n" + _ROW.format(n=1), "       ОМ – Қазақстан Республикасы Оқу-ағарту министрлігі ")
    text = text.replace("       Аббревиатуралардың", "       Ескертпе: \n\n       Аббревиатуралардың")
    draft = import_base(text, _shape(), Lexicon(), "501")
    assert draft.data["rows"][0]["cells"]["funding"] == "-"
    assert draft.data["abbreviations"] == {"ОМ": "Қазақстан Республикасы Оқу-ағарту министрлігі"}


def test_sections_in_figures_without_subsections_take_their_rows():
    table = "\n".join(["1. Бірінші бөлім ", _ROW.format(n=1), "2. Екінші бөлім ", _ROW.format(n=2), _ROW.format(n=3)])
    draft = import_base(_resolution(table), _shape(), Lexicon(), "501")
    assert draft.data["sections"] == [
        {"number": "1", "title": "Бірінші бөлім"},
        {"number": "2", "title": "Екінші бөлім"},
    ]
    assert [(r["number"], r["section"]) for r in draft.data["rows"]] == [("1", "1"), ("2", "2"), ("3", "2")]
    assert all(r["cells"]["measure"] == "Жоспар әзірлеу" for r in draft.data["rows"])
