"""The rows in force on a day as a table for auditors: CSV, XLSX or JSON, one record a row.

Each record has the row's place (number, section, subsection), every column of the plan as written,
each executors column split into codes, each amount column parsed, and the act that last changed
the row (the approving act where the row is as enacted). The same records feed every format, so the
three files say the same thing; only the encoding of an unknown differs: ``null`` in JSON, the
visible mark ``⟨белгісіз⟩`` in CSV and XLSX (never a blank cell, which would read as "empty").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from amend.engine.acts import in_force_date
from amend.engine.amounts import parse_amount
from amend.engine.model import Plan, Row, executor_codes
from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN
from amend.outputs.markdown import UNKNOWN_MARK
from amend.outputs.ooxml import reproducible
from amend.store.serialize import unknowns

__all__ = ["CODES_SEPARATOR", "Export", "export_rows", "to_csv", "to_json", "to_xlsx"]

# Executor codes within one cell: "; " because a code may itself hold a space ("БП ҚСАЕАК").
CODES_SEPARATOR = "; "

# XLSX column widths, in characters: wide enough for the longest line, within bounds.
_MIN_WIDTH, _MAX_WIDTH = 6, 60


@dataclass(frozen=True)
class Export:
    """The rows of one version as records with the same fields, in document order."""

    plan: str
    at: dt.date
    version: Version
    fields: tuple[str, ...]
    records: tuple[dict[str, Any], ...]


def _fields(plan: Plan) -> tuple[str, ...]:
    ids = plan.column_ids
    codes = tuple(f"{c.id}_codes" for c in plan.columns if c.role == "executors")
    amounts = tuple(f"{c.id}_amount" for c in plan.columns if c.role == "amount")
    return (
        "number",
        "section",
        "subsection",
        *ids,
        *codes,
        *amounts,
        "last_act",
        "last_act_date",
        "last_in_force",
        "last_change",
        "unknown",
    )


def _record(plan: Plan, row: Row) -> dict[str, Any]:
    record: dict[str, Any] = {"number": str(row.number), "section": row.section, "subsection": row.subsection}
    record.update(row.cells)
    for c in plan.columns:
        text = row.cells[c.id]
        if c.role == "executors":
            record[f"{c.id}_codes"] = UNKNOWN if text is UNKNOWN else executor_codes(text, plan.abbreviations)
    for c in plan.columns:
        text = row.cells[c.id]
        if c.role == "amount":
            # An unknown cell has an unknown amount; a known cell that states no figure ("-") has none.
            record[f"{c.id}_amount"] = UNKNOWN if text is UNKNOWN else parse_amount(text)
    if row.history:
        last = row.history[-1]
        record.update(
            last_act=last.act, last_act_date=last.act_date, last_in_force=last.in_force, last_change=last.kind.value
        )
    else:
        # As enacted: the approving act. Its entry into force may be unknown; then so is this date.
        eif = plan.entry_into_force
        record.update(
            last_act=plan.act.number,
            last_act_date=plan.act.date,
            last_in_force=UNKNOWN if eif is UNKNOWN else in_force_date(plan.act, eif),
            last_change="enacted",
        )
    record["unknown"] = unknowns(row)
    return record


def export_rows(version: Version, at: dt.date) -> Export:
    """The records of the version in force on ``at`` (the caller finds it with ``Timeline.in_force_at``)."""
    plan = version.plan
    return Export(plan.plan, at, version, _fields(plan), tuple(_record(plan, r) for r in plan.rows))


def _text(value: Any) -> str:
    """A value as CSV/XLSX text: unknown visible, none blank, lists joined, dates ISO."""
    if value is UNKNOWN:
        return UNKNOWN_MARK
    if value is None:
        return ""
    if isinstance(value, list):
        return CODES_SEPARATOR.join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_csv(export: Export) -> str:
    """RFC 4180 CSV with a header row of field names; multi-line cells are quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(export.fields)
    for record in export.records:
        writer.writerow([_text(record[f]) for f in export.fields])
    return out.getvalue()


def _json_value(value: Any) -> Any:
    if value is UNKNOWN:
        return None
    if isinstance(value, Decimal):
        return str(value)  # as in `show --format json`: text, so that no figure is rounded
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_json(export: Export) -> str:
    """``{plan, at, valid_from, valid_to, fields, rows}``; unknown is null, amounts are decimal strings."""
    v = export.version
    data = {
        "plan": export.plan,
        "at": export.at.isoformat(),
        "valid_from": v.valid_from.isoformat(),
        "valid_to": v.valid_to.isoformat() if v.valid_to else None,
        "fields": list(export.fields),
        "rows": [{f: _json_value(r[f]) for f in export.fields} for r in export.records],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _xlsx_value(value: Any) -> Any:
    # Figures stay numbers (sums and filters work); a value that is absent stays an empty cell.
    if isinstance(value, Decimal) or value is None:
        return value
    return _text(value)


def to_xlsx(export: Export) -> bytes:
    """A workbook with one sheet: a bold header row, panes frozen below it and right of the number,
    figures as numbers, and column widths that fit the longest line (long texts wrap)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = f"{export.plan} {export.at.isoformat()}"
    ws.append(list(export.fields))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for record in export.records:
        ws.append([_xlsx_value(record[f]) for f in export.fields])
    wrap = Alignment(wrap_text=True, vertical="top")
    for k, field in enumerate(export.fields, start=1):
        longest = len(field)
        for (cell,) in ws.iter_rows(min_row=2, min_col=k, max_col=k):
            text = "" if cell.value is None else str(cell.value)
            longest = max(longest, *(len(line) for line in text.split("\n")))
            if "\n" in text or len(text) > _MAX_WIDTH:
                cell.alignment = wrap
        ws.column_dimensions[get_column_letter(k)].width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)
    ws.freeze_panes = "B2"  # the header row and the row number stay in view
    ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    wb.save(out)
    return reproducible(out.getvalue(), export.at)
