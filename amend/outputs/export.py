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
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from amend.engine.acts import in_force_date
from amend.engine.amounts import parse_amount
from amend.engine.language import in_russian
from amend.engine.model import Plan, Row, executor_codes
from amend.engine.numbers import RowNumber
from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN, Unknown
from amend.language import interface as words
from amend.outputs.markdown import UNKNOWN_MARK, UNKNOWN_MARK_RU
from amend.outputs.ooxml import reproducible
from amend.store.serialize import unknowns

__all__ = ["CODES_SEPARATOR", "Export", "export_rows", "neutralise", "sort_keys", "to_csv", "to_json", "to_xlsx"]

# Executor codes within one cell: "; " because a code may itself hold a space ("БП ҚСАЕАК").
CODES_SEPARATOR = "; "

# XLSX column widths, in characters: wide enough for the longest line, within bounds.
_MIN_WIDTH, _MAX_WIDTH = 6, 60

# First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
_FORMULA_START = frozenset("=+@\t\r")
# A "-" starts a formula when what follows its dashes and blanks is a number, an operator, a bracket,
# a quote, or a Latin name used as a function, a reference or a DDE link (cmd|..., A1, SUM(...),
# Sheet!A1). A letter of another script there opens a dash-list item, which no spreadsheet evaluates.
_DASHES = re.compile(r"[-\s]*")
_FORMULA_AFTER_DASH = re.compile(r"[\d(=+@\"'.$]|[A-Za-z_][A-Za-z0-9_.]*\s*[(!|:$\d]")
# A DDE payload needs "|" (program) and "!" (topic): any cell that starts with "-" and holds one is cut.
_DDE = re.compile(r"[|!]")


@dataclass(frozen=True)
class Export:
    """The rows of one version as records with the same fields, in document order."""

    plan: str
    at: dt.date
    version: Version
    fields: tuple[str, ...]
    records: tuple[dict[str, Any], ...]
    lang: str = "kk"  # ru: the Russian texts (unknown where no source gives them), Russian heads and marks
    # The note a repealed plan's last text stands under ("Ескерту. Күші жойылды - ..."); None while in force.
    note: str | None = None


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
            record[f"{c.id}_codes"] = UNKNOWN if isinstance(text, Unknown) else executor_codes(text, plan.abbreviations)
    for c in plan.columns:
        text = row.cells[c.id]
        if c.role == "amount":
            # An unknown cell has an unknown amount; a known cell that states no figure ("-") has none.
            record[f"{c.id}_amount"] = UNKNOWN if isinstance(text, Unknown) else parse_amount(text)
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
            last_in_force=UNKNOWN if isinstance(eif, Unknown) else in_force_date(plan.act, eif),
            last_change="enacted",
        )
    record["unknown"] = unknowns(row)
    return record


def export_rows(version: Version, at: dt.date, lang: str = "kk", note: str | None = None) -> Export:
    """The records of the version that stands on ``at`` (the caller finds it with ``Timeline.shown_at``);
    ``lang="ru"``: of its Russian view (``language.in_russian``: never a Kazakh text in a Russian cell);
    ``note``: the note of the plan's repeal, where it is repealed by then."""
    plan = in_russian(version.plan) if lang == "ru" else version.plan
    return Export(plan.plan, at, version, _fields(plan), tuple(_record(plan, r) for r in plan.rows), lang, note)


def _plan(export: Export) -> Plan:
    return in_russian(export.version.plan) if export.lang == "ru" else export.version.plan


def _text(value: Any, mark: str = UNKNOWN_MARK) -> str:
    """A value as CSV/XLSX text: unknown visible (``mark``), none blank, lists joined, dates ISO."""
    if value is UNKNOWN:
        return mark
    if value is None:
        return ""
    if isinstance(value, list):
        return CODES_SEPARATOR.join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet must show it: a ``'`` before a formula's first character, else as is."""
    if not text:
        return text
    first = text[0]
    if first in _FORMULA_START:
        return "'" + text
    if first == "-" and (_FORMULA_AFTER_DASH.match(text, _DASHES.match(text).end()) or _DDE.search(text)):  # type: ignore[union-attr]
        return "'" + text
    return text


def _csv_cell(value: Any, mark: str = UNKNOWN_MARK) -> str:
    # Only texts can carry a formula; figures and dates are written by us and stay as they are.
    text = _text(value, mark)
    return neutralise(text) if isinstance(value, str) else text


def to_csv(export: Export, *, excel: bool = False) -> str:
    """RFC 4180 CSV with a header row of field names; multi-line cells are quoted; formulas neutralised.

    ``excel``: begin with a UTF-8 byte order mark, without which Excel reads the Kazakh letters as
    another encoding's (mojibake)."""
    out = io.StringIO()
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(export.fields)
    mark = UNKNOWN_MARK_RU if export.lang == "ru" else UNKNOWN_MARK
    for record in export.records:
        writer.writerow([_csv_cell(record[f], mark) for f in export.fields])
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
        "status": "repealed" if export.note else "in_force",
        "note": export.note,
        "fields": list(export.fields),
        "rows": [{f: _json_value(r[f]) for f in export.fields} for r in export.records],
    }
    if export.lang != "kk":
        data["lang"] = export.lang
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Number formats: figures with a thousands separator and as many decimals as they have (up to three),
# dates as the Kazakh documents write them.
_AMOUNT_FORMAT = "#,##0.0##"
_DATE_FORMAT = "DD.MM.YYYY"
_SORT_KEY = "sort_key"


def sort_keys(export: Export) -> dict[str, int]:
    """Each row number's rank in natural order (23 < 23-1 < 24), from 1: a number column sorts right,
    where the row numbers themselves, as text, sort 1, 10, 11, 2."""
    numbers = sorted((RowNumber(str(r["number"])) for r in export.records), key=lambda n: n.parts)
    return {str(n): k for k, n in enumerate(numbers, start=1)}


def _xlsx_value(value: Any, mark: str = UNKNOWN_MARK) -> Any:
    # Figures stay numbers and dates dates (sums, filters and sorting work); a value that is absent
    # stays an empty cell; everything else is text.
    if isinstance(value, Decimal | dt.date) or value is None:
        return value
    return _text(value, mark)


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    """One cell, typed: a text is a string cell even when it reads "=..." (openpyxl would make it a formula)."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        # Excel turns a string that looks like a formula into one when the cell is edited; the quote
        # prefix (what typing a leading ' sets) keeps it text.
        if value[:1] in _FORMULA_START or value[:1] == "-":
            cell.quotePrefix = True
    elif isinstance(value, Decimal):
        cell.number_format = _AMOUNT_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = _DATE_FORMAT
    return cell


def to_xlsx(export: Export) -> bytes:
    """A workbook: the rows under Kazakh heads, and a second sheet that names each column's field.

    Texts are typed strings, figures numbers and dates dates, each with its format; a sort-key column
    orders the rows by number; the header row is bold, frozen, filtered and repeated on every printed
    page; texts wrap in columns as wide as their longest line (within bounds); pages are A4 landscape,
    fitted to the width."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    from amend.outputs.labels import field_headings

    heads = field_headings(_plan(export), export.lang)
    russian = export.lang == "ru"
    mark = UNKNOWN_MARK_RU if russian else UNKNOWN_MARK
    fields = [export.fields[0], _SORT_KEY, *export.fields[1:]]
    keys = sort_keys(export)
    wb = Workbook()
    ws = wb.active
    ws.title = f"{export.plan} {export.at.isoformat()}"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for k, field in enumerate(fields, start=1):
        cell = _put(ws, 1, k, heads[field])
        cell.font, cell.alignment = bold, wrap
    for r, record in enumerate(export.records, start=2):
        for k, field in enumerate(fields, start=1):
            value = keys[str(record["number"])] if field == _SORT_KEY else _xlsx_value(record[field], mark)
            cell = _put(ws, r, k, value)
            cell.alignment = wrap
    for k, field in enumerate(fields, start=1):
        longest = max(len(word) for word in heads[field].split())  # a head wraps, but no word breaks
        for (cell,) in ws.iter_rows(min_row=2, min_col=k, max_col=k):
            text = "" if cell.value is None else str(cell.value)
            longest = max(longest, *(len(line) for line in text.split("\n")))
        ws.column_dimensions[get_column_letter(k)].width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)
    ws.freeze_panes = "B2"  # the header row and the row number stay in view
    ws.auto_filter.ref = ws.dimensions
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.print_title_rows = "1:1"

    if export.note:  # a repealed plan: the badge and the bank's note, on a sheet of their own
        status = wb.create_sheet(words.SHEET_STATUS[russian])
        _put(status, 1, 1, words.STATUS_REPEALED[russian]).font = bold
        _put(status, 2, 1, export.note)
        status.column_dimensions["A"].width = _MAX_WIDTH
    names = wb.create_sheet(words.SHEET_FIELDS[russian])  # the machine names, for scripts and for the JSON
    titles = words.FIELDS_HEADER[russian]
    for k, text in enumerate(titles, start=1):
        _put(names, 1, k, text).font = bold
    for r, field in enumerate(fields, start=2):
        _put(names, r, 1, get_column_letter(r - 1))
        _put(names, r, 2, heads[field])
        _put(names, r, 3, field)
    for letter, width in (("A", 8), ("B", 60), ("C", 24)):
        names.column_dimensions[letter].width = width
    names.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return reproducible(out.getvalue(), export.at)
