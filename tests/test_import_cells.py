"""Blanks the extraction put inside short cells, mended by the column's kind and the plan's own vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from amend import FiledAmendment, load_amendment, load_plan
from amend.engine.timeline import consolidate
from amend.importer.act.cells import CellConventions, repair_cells
from amend.importer.rows import column_kinds

P156 = load_plan(ROOT / "plans" / "base" / "156.yaml")
K156 = column_kinds(P156)
C156 = CellConventions.of(P156, K156, P156.abbreviations)
# 748 as 392 leaves it: its amounts are written "22870, 23" (a blank after the comma).
P748 = consolidate(
    load_plan(ROOT / "plans" / "base" / "748.yaml"),
    [FiledAmendment(load_amendment(ROOT / "plans" / "amendments" / "392.yaml"), Path("392.yaml"))],
).latest.plan
K748 = column_kinds(P748)
C748 = CellConventions.of(P748, K748, P748.abbreviations)


def _mend(cells: dict[str, str], kinds=K156, conventions=C156) -> dict[str, object]:
    return repair_cells(cells, kinds, conventions)[0]


@pytest.mark.parametrize(
    ("column", "printed", "read"),
    [
        ("cost_total", "35, 5", "35,5"),
        ("cost_2021", "40, 0", "40,0"),
        ("cost_total", "талап етілмейді", "талап етілмейді"),
        ("cost_total", "35, 55", "35, 55"),  # 156 writes one decimal: two are no decimal of its
        ("budget_program", "10 2", "102"),
        ("budget_program", "1 02", "102"),
        ("budget_program", "001 104", "001 104"),  # two codes in one cell, as 156 writes them
        ("budget_program", "00 1 104", "001 104"),
        ("funding", "Ж Б", "ЖБ"),
        ("funding", "Р Б, Ж Б", "РБ, ЖБ"),
        ("funding", "РБ ЖБ", "РБ ЖБ"),  # both are codes: two codes
        ("executors", "ЖА О, ДСМ", "ЖАО, ДСМ"),
        ("executors", "ДСМ ЖАО", "ДСМ ЖАО"),  # both are codes
        ("measure", "әлеуметтік-педагог тарына арналған", "әлеуметтік-педагогтарына арналған"),
        ("measure", "балалар мен ата-аналар", "балалар мен ата-аналар"),  # a conjunction, not an ending
        ("measure", "мектеп тер", "мектептер"),  # front vowels both: an ending
        ("measure", "мектеп тар", "мектеп тар"),  # "тар" after a front-vowelled word breaks vowel harmony
        ("measure", "ақпарат беру", "ақпарат беру"),  # "беру" is a word of the plan, not an ending
        ("form", "Мыналар: - ВАК-қа ақпарат;\n- БҒМ-ге ақпарат", "Мыналар:\n- ВАК-қа ақпарат;\n- БҒМ-ге ақпарат"),
        ("form", "Ақпарат - ВАК-қа", "Ақпарат - ВАК-қа"),  # a dash that starts no list
    ],
)
def test_a_blank_the_extraction_put_in_a_short_cell_is_mended_by_the_column_and_the_plan(column, printed, read):
    assert _mend({column: printed})[column] == read


def test_an_executors_code_split_in_two_is_joined_only_where_no_piece_is_a_code():
    assert _mend({"executors": "Ж АО, ДСМ"})["executors"] == "ЖАО, ДСМ"
    assert _mend({"executors": "ЖС ЖАО"})["executors"] == "ЖС ЖАО"  # "ЖСЖАО" is no code


def test_a_plan_that_writes_a_blank_after_the_decimal_comma_keeps_it():
    assert C748.tight_decimals == 0
    assert _mend({"cost": "2023 жылы – 35, 5 млн теңге"}, K748, C748)["cost"] == "2023 жылы – 35, 5 млн теңге"


def test_every_mend_is_returned_as_a_note_for_review():
    cells, notes = repair_cells({"cost_total": "35, 5", "funding": "Ж Б", "measure": "шара"}, K156, C156)
    assert cells == {"cost_total": "35,5", "funding": "ЖБ", "measure": "шара"}
    assert [c for c, _ in notes] == ["cost_total", "funding"]
