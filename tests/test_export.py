"""`amend export`: each format read back (csv module, openpyxl, json) and compared with `show --format json`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from amend.cli.app import app
from amend.engine.model import executor_codes
from amend.engine.numbers import RowNumber
from amend.outputs.markdown import UNKNOWN_MARK

runner = CliRunner()

# 748 after 392 (mostly unknown base rows, complete new ones); 156 (complete, with cost figures).
CASES = [("748", "2025-06-01"), ("748", "2025-05-29"), ("156", "2021-01-01")]


def run(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    return result


def show(plan: str, at: str) -> dict[str, Any]:
    return json.loads(run("show", plan, "--at", at, "--format", "json").stdout)


def expected_records(plan: str, at: str, repo) -> list[dict[str, Any]]:
    """What each exported record must say, derived from `show --format json` alone (None: unknown)."""
    data = show(plan, at)
    base = repo.plan(plan)
    codes_of = set(data["abbreviations"])
    out = []
    for r in data["rows"]:
        rec: dict[str, Any] = {
            "number": r["number"],
            "section": r["section"],
            "subsection": None if "subsection" in r["unknown"] else (r["subsection"] or ""),
        }
        for c in data["columns"]:
            text = r["cells"][c["id"]]
            rec[c["id"]] = text
            if c["role"] == "executors":
                rec[f"{c['id']}_codes"] = None if text is None else executor_codes(text, codes_of)
            if c["role"] == "amount":
                rec[f"{c['id']}_amount"] = None if text is None else r["amounts"].get(c["id"], "")
        last = r["history"][-1] if r["history"] else None
        rec["last_act"] = last["act"] if last else base.act.number
        rec["last_act_date"] = last["act_date"] if last else base.act.date.isoformat()
        rec["unknown"] = r["unknown"]
        out.append(rec)
    return out


def as_text(value: Any) -> str:
    """How CSV and XLSX write an expected value: unknown as the visible mark, code lists joined."""
    if value is None:
        return UNKNOWN_MARK
    if isinstance(value, list):
        return "; ".join(value)
    return value


@pytest.mark.parametrize("plan,at", CASES)
def test_csv_read_back_says_what_show_says(plan: str, at: str, tmp_path: Path, repo):
    out = tmp_path / "rows.csv"
    run("export", plan, "--at", at, "--to", "csv", "-o", str(out))
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = expected_records(plan, at, repo)
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected):
        for field, value in want.items():
            if field == "unknown":
                assert got[field] == "; ".join(value)
            else:
                assert got[field] == as_text(value), (want["number"], field)


@pytest.mark.parametrize("plan,at", CASES)
def test_json_read_back_says_what_show_says(plan: str, at: str, repo):
    data = json.loads(run("export", plan, "--at", at, "--to", "json").stdout)
    expected = expected_records(plan, at, repo)
    assert data["plan"] == plan and data["at"] == at
    assert [r["number"] for r in data["rows"]] == [r["number"] for r in expected]
    for got, want in zip(data["rows"], expected):
        # JSON has null for "in no subsection" and "no figure" too; `unknown` tells them from unknowns.
        want = {k: None if v == "" else v for k, v in want.items()}
        for field, value in want.items():
            assert got[field] == value, (want["number"], field)
        assert list(got) == data["fields"]


def xlsx_records(path: Path) -> tuple[Any, list[dict[str, Any]], list[str]]:
    """The first sheet's rows by machine field name (taken from the second sheet), and the Kazakh heads."""
    wb = load_workbook(path)
    ws, names = wb.worksheets[0], wb.worksheets[1]
    heads = [c.value for c in ws[1]]
    by_head = {row[1]: row[2] for row in names.iter_rows(min_row=2, values_only=True)}
    fields = [by_head[h] for h in heads]
    body = [dict(zip(fields, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    return ws, body, heads


def shown(value: Any) -> str:
    """A cell as a reader sees it: dates in their DD.MM.YYYY format."""
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y}"
    return str(value or "")


@pytest.mark.parametrize("plan,at", CASES)
def test_xlsx_read_back_says_what_show_says_with_typed_cells_and_kazakh_heads(plan: str, at: str, tmp_path: Path, repo):
    out = tmp_path / "rows.xlsx"
    run("export", plan, "--at", at, "--to", "xlsx", "-o", str(out))
    ws, body, heads = xlsx_records(out)
    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "B2"
    # Kazakh heads, never a machine id; the machine names are in the second sheet.
    ids = set(repo.plan(plan).column_ids)
    assert not ids & set(heads) and "number" not in heads
    assert all(any("Ѐ" <= ch <= "ӿ" for ch in h) for h in heads)
    expected = expected_records(plan, at, repo)
    assert len(body) == len(expected)
    for got, want in zip(body, expected):
        for field, value in want.items():
            if field == "unknown":
                assert (got[field] or "") == "; ".join(value)
            elif field.endswith("_amount") and value not in (None, ""):
                assert Decimal(str(got[field])) == Decimal(value), (want["number"], field)  # a number, not text
                assert isinstance(got[field], (int, float))
            elif field == "last_act_date":
                assert got[field].date().isoformat() == value  # a date, not text
            elif value == "":
                assert got[field] is None  # stated no figure / in no subsection: an empty cell, never for unknown
            else:
                assert got[field] == as_text(value), (want["number"], field)
    for k, head in enumerate(heads, start=1):
        width = ws.column_dimensions[ws.cell(1, k).column_letter].width
        longest = max(len(line) for r in body for line in shown(list(r.values())[k - 1]).split("\n"))
        assert min(longest + 2, 60) <= width <= 60, head
        assert width >= min(max(len(w) for w in head.split()) + 2, 60), head  # no word of a head breaks


def test_xlsx_cells_are_typed_with_number_formats_and_a_print_setup(tmp_path: Path):
    out = tmp_path / "rows.xlsx"
    run("export", "156", "--at", "2021-01-01", "--to", "xlsx", "-o", str(out))
    ws, body, _ = xlsx_records(out)
    fields = list(body[0])
    amount = fields.index("cost_total_amount") + 1
    date = fields.index("last_act_date") + 1
    measure = fields.index("measure") + 1
    for r in range(2, ws.max_row + 1):
        assert ws.cell(r, measure).data_type == "s"
        if isinstance(ws.cell(r, amount).value, (int, float)):
            assert ws.cell(r, amount).number_format == "#,##0.0##"
        assert ws.cell(r, date).is_date and ws.cell(r, date).number_format == "DD.MM.YYYY"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    assert ws.auto_filter.ref == ws.dimensions


def test_the_sort_key_orders_rows_by_natural_number_where_the_text_sorts_1_10_11_2(tmp_path: Path):
    out = tmp_path / "rows.xlsx"
    run("export", "748", "--at", "2025-06-01", "--to", "xlsx", "-o", str(out))
    _, body, _ = xlsx_records(out)
    by_key = [r["number"] for r in sorted(body, key=lambda r: r["sort_key"])]
    assert by_key == sorted(by_key, key=lambda n: RowNumber(n).parts)
    assert by_key != sorted(by_key)  # as text, 23-1 and the two-digit rows would come out of order
    assert all(isinstance(r["sort_key"], int) for r in body)


def test_the_last_change_of_a_row_392_replaced_and_of_one_it_left_alone(repo):
    data = json.loads(run("export", "748", "--at", "2025-06-01", "--to", "json").stdout)
    by_number = {r["number"]: r for r in data["rows"]}
    assert (
        by_number["6"]["last_act"],
        by_number["6"]["last_act_date"],
        by_number["6"]["last_in_force"],
        by_number["6"]["last_change"],
    ) == ("392", "2025-05-30", "2025-05-30", "replaced")
    # Row 23 is as 748 enacted it; 748's entry into force is not in our sources, so that date is unknown.
    assert (
        by_number["23"]["last_act"],
        by_number["23"]["last_act_date"],
        by_number["23"]["last_in_force"],
        by_number["23"]["last_change"],
    ) == ("748", "2023-08-31", None, "enacted")
    assert by_number["6"]["executors_codes"] == ["ОМ", "МАМ", "ЖАО"]
    assert by_number["23"]["executors_codes"] is None


def test_amounts_of_156_are_parsed_figures():
    data = json.loads(run("export", "156", "--at", "2021-01-01", "--to", "json").stdout)
    row16 = next(r for r in data["rows"] if r["number"] == "16")
    assert (row16["cost_total"], row16["cost_total_amount"], row16["cost_2022"], row16["cost_2022_amount"]) == (
        "80,0",
        "80.0",
        "-",
        None,
    )


def test_csv_to_standard_output_is_rfc_4180_with_multi_line_cells_quoted():
    text = run("export", "156", "--at", "2021-01-01", "--to", "csv").stdout
    rows = list(csv.reader(io.StringIO(text, newline="")))
    multi = [r for r in rows[1:] if any("\n" in c for c in r)]
    assert multi, "156 has dash-list measures over several lines"
    assert all(len(r) == len(rows[0]) for r in rows)


def test_xlsx_needs_a_file_and_a_day_before_the_plan_is_an_error(tmp_path: Path):
    result = runner.invoke(app, ["export", "748", "--at", "2025-06-01", "--to", "xlsx", "--root", str(ROOT)])
    assert result.exit_code == 2
    result = runner.invoke(app, ["export", "748", "--at", "2020-01-01", "--to", "csv", "--root", str(ROOT)])
    assert result.exit_code == 1 and "not-in-force" in result.stderr


def test_the_workbook_is_the_same_bytes_whenever_it_is_written(repo, monkeypatch):
    import datetime as dt
    import time

    from amend.outputs.export import export_rows, to_xlsx

    version = repo.timeline("156").in_force_at(dt.date(2021, 1, 1))
    first = to_xlsx(export_rows(version, dt.date(2021, 1, 1)))
    time.sleep(1.1)  # the writer's clock moves on; the bytes must not
    assert to_xlsx(export_rows(version, dt.date(2021, 1, 1))) == first


# -- spreadsheets never run a cell ---------------------------------------------------------------------

# Classic payloads (OWASP, CSV injection) and what a plan's cells really begin with.
PAYLOADS = [
    "=1+1",
    "+2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "-2+3",
    "-cmd|' /C calc'!A0",
    "- cmd|' /C calc'!A0",
    '-HYPERLINK("http://x")',
    "-A1",
    '=HYPERLINK("http://x","click")',
]
READABLE = ["- ата-аналардың (заңды өкілдерінің) жауапкершілігі", "-", "-\n- бірінші\n- екінші", "ата-ана", "2020-2023"]


@pytest.mark.parametrize("text", PAYLOADS)
def test_a_formula_payload_gets_a_leading_quote(text: str):
    from amend.outputs.export import neutralise

    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", READABLE)
def test_dash_lists_a_lone_dash_and_plain_text_stay_as_written(text: str):
    from amend.outputs.export import neutralise

    assert neutralise(text) == text


@given(st.text(max_size=30))
def test_neutralising_only_ever_prefixes_a_quote_and_is_idempotent(text: str):
    from amend.outputs.export import neutralise

    out = neutralise(text)
    assert out in (text, "'" + text)
    assert neutralise(out) == out
    if text[:1] in ("=", "+", "@", "\t", "\r"):
        assert out == "'" + text


def payload_plan_version():
    """A generated plan whose cells are the payloads and the readable dash-lists (one row each)."""
    import builders

    from amend.engine.timeline import consolidate

    texts = PAYLOADS + READABLE
    rows = [builders.row(str(k), "1", "1.1", measure=t) for k, t in enumerate(texts, start=1)]
    return consolidate(builders.plan(rows=rows), []).latest, texts


def test_csv_neutralises_the_payload_rows_and_keeps_the_dash_lists():
    import datetime as dt

    from amend.outputs.export import export_rows, to_csv

    version, _ = payload_plan_version()
    rows = list(csv.DictReader(io.StringIO(to_csv(export_rows(version, version.valid_from)), newline="")))
    got = [r["measure"] for r in rows]
    assert got == ["'" + t for t in PAYLOADS] + READABLE
    assert isinstance(version.valid_from, dt.date)


def test_excel_csv_begins_with_a_utf8_bom_and_plain_csv_does_not(tmp_path: Path):
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    run("export", "156", "--at", "2021-01-01", "--to", "csv", "-o", str(plain))
    run("export", "156", "--at", "2021-01-01", "--to", "csv", "--excel", "-o", str(excel))
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel.read_bytes()[3:] == plain.read_bytes()
    assert excel.read_text(encoding="utf-8-sig").startswith("number,")


def test_excel_is_only_for_csv():
    result = runner.invoke(app, ["export", "156", "--at", "2021-01-01", "--to", "json", "--excel", "--root", str(ROOT)])
    assert result.exit_code == 2


def test_xlsx_payload_texts_are_string_cells_never_formulas(tmp_path: Path):
    from amend.outputs.export import export_rows, to_xlsx

    version, texts = payload_plan_version()
    path = tmp_path / "p.xlsx"
    path.write_bytes(to_xlsx(export_rows(version, version.valid_from)))
    ws = load_workbook(path).worksheets[0]
    column = [c.value for c in ws[1]].index("Іс-шара") + 1
    cells = [ws.cell(r, column) for r in range(2, ws.max_row + 1)]
    assert [c.value for c in cells] == texts  # as written: no quote is needed in a typed cell
    assert all(c.data_type == "s" for c in cells)
    # Typed, and quote-prefixed where editing the cell in Excel would otherwise turn it into a formula.
    assert all(c.quotePrefix for c in cells if c.value[:1] in "=+@\t\r-")


def test_libreoffice_opens_every_exported_xlsx_cell_as_the_text_written(tmp_path: Path):
    from office import convert

    from amend.outputs.export import export_rows, to_xlsx

    version, texts = payload_plan_version()
    path = tmp_path / "p.xlsx"
    path.write_bytes(to_xlsx(export_rows(version, version.valid_from)))
    # LibreOffice opens the workbook and saves it again: a formula would come back as a formula cell,
    # or (in the CSV of what it shows) as its result.
    again = load_workbook(convert(path, "xlsx", tmp_path / "lo")).worksheets[0]
    column = [c.value for c in again[1]].index("Іс-шара") + 1
    cells = [again.cell(r, column) for r in range(2, again.max_row + 1)]
    assert [c.value for c in cells] == texts
    assert all(c.data_type == "s" for c in cells)
    assert not [c for row in again.iter_rows() for c in row if c.data_type == "f"]
    shown = convert(path, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "csv")
    rows = list(csv.DictReader(io.StringIO(shown.read_text(encoding="utf-8"), newline="")))
    # CSV writers turn a carriage return inside a cell into a line feed; the text is otherwise as written.
    assert [r["Іс-шара"] for r in rows] == [t.replace("\r", "\n") for t in texts]


def test_libreoffice_opens_the_neutralised_csv_without_running_a_formula(tmp_path: Path):
    from office import convert

    from amend.outputs.export import export_rows, to_csv

    version, _ = payload_plan_version()
    path = tmp_path / "p.csv"
    path.write_text(to_csv(export_rows(version, version.valid_from), excel=True), encoding="utf-8")
    # UTF-8, comma-separated, formulas evaluated (LibreOffice's default: the case an attacker counts on).
    book = load_workbook(convert(path, "xlsx", tmp_path, infilter="CSV:44,34,76,1")).worksheets[0]
    column = [c.value for c in book[1]].index("measure") + 1
    cells = [book.cell(r, column) for r in range(2, book.max_row + 1)]
    assert not [c for row in book.iter_rows() for c in row if c.data_type == "f"]
    assert [str(c.value) for c in cells] == [("'" + t).replace("\r", "\n") for t in PAYLOADS] + READABLE


def test_libreoffice_would_run_the_payloads_if_they_were_not_neutralised(tmp_path: Path):
    """The control: the same file without neutralisation gives formula cells, so the test above can fail."""
    from office import convert

    path = tmp_path / "raw.csv"
    path.write_text("measure\r\n" + "".join(f'"{t}"\r\n' for t in PAYLOADS[:3]), encoding="utf-8")
    book = load_workbook(convert(path, "xlsx", tmp_path, infilter="CSV:44,34,76,1")).worksheets[0]
    assert [c for row in book.iter_rows() for c in row if c.data_type == "f"]
