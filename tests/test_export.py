"""`amend export`: each format read back (csv module, openpyxl, json) and compared with `show --format json`."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from openpyxl import load_workbook
from typer.testing import CliRunner

from amend.cli.app import app
from amend.engine.model import executor_codes
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


@pytest.mark.parametrize("plan,at", CASES)
def test_xlsx_read_back_says_what_show_says_with_header_frozen_panes_and_widths(
    plan: str, at: str, tmp_path: Path, repo
):
    out = tmp_path / "rows.xlsx"
    run("export", plan, "--at", at, "--to", "xlsx", "-o", str(out))
    ws = load_workbook(out).active
    values = list(ws.iter_rows(values_only=True))
    header, body = list(values[0]), values[1:]
    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "B2"
    expected = expected_records(plan, at, repo)
    assert len(body) == len(expected)
    for got_row, want in zip(body, expected):
        got = dict(zip(header, got_row))
        for field, value in want.items():
            if field == "unknown":
                assert (got[field] or "") == "; ".join(value)
            elif field.endswith("_amount") and value not in (None, ""):
                assert Decimal(str(got[field])) == Decimal(value), (want["number"], field)  # a number, not text
                assert isinstance(got[field], (int, float))
            elif value == "":
                assert got[field] is None  # stated no figure / in no subsection: an empty cell, never for unknown
            else:
                assert got[field] == as_text(value), (want["number"], field)
    for k, field in enumerate(header, start=1):
        width = ws.column_dimensions[ws.cell(1, k).column_letter].width
        longest = max(len(line) for v in [field, *(r[k - 1] for r in body)] for line in str(v or "").split("\n"))
        assert min(longest + 2, 60) <= width <= 60, field


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
