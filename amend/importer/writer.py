"""A draft amendment as YAML text in the project's format, with the source sentences and review notes as comments."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from amend.engine.unknown import Unknown
from amend.importer.draft import Draft, DraftOp, Review

__all__ = ["REVIEW_MARK", "render_draft"]

REVIEW_MARK = "REVIEW:"


def _scalar(value: Any) -> str:
    if isinstance(value, Unknown):
        return "!unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(str(value), ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _review(note: Review, indent: str) -> str:
    where = f" (line {note.line})" if note.line else ""
    return f"{indent}# {REVIEW_MARK} {_comment(note.message)}{where}"


def _entry(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, str) and "\n" in value:
        # A multi-line text (a dash-list) as a literal block, one item a line, as the format asks.
        return [f"{indent}{key}: |-", *(f"{indent}  {line}" for line in value.split("\n"))]
    return [f"{indent}{key}: {_scalar(value)}"]


def _cells(cells: dict[str, Any], notes: dict[str, list[Review]], indent: str) -> list[str]:
    out = []
    for column, value in cells.items():
        out.extend(_review(n, indent) for n in notes.get(column, []))
        out.extend(_entry(column, value, indent))
    return out


def _operation(op: DraftOp) -> list[str]:
    out = [f"  # {_comment(s)}" for s in op.source]
    out.extend(_review(n, "  ") for n in op.notes)
    if op.data is None:
        return out
    data = op.data
    first = True
    for key, value in data.items():
        lead = "  - " if first else "    "
        first = False
        if key == "cells":
            notes = {col: ns for (row, col), ns in op.cell_notes.items() if row is None and col}
            out.extend(
                _review(n, "    ") for (row, col), ns in op.cell_notes.items() if row is None and not col for n in ns
            )
            out.append(f"{lead}cells:")
            out.extend(_cells(value, notes, "      "))
        elif key == "rows":
            out.append(f"{lead}rows:")
            for row in value:
                number = row["number"]
                out.extend(
                    _review(n, "      ")
                    for (r, col), ns in op.cell_notes.items()
                    if r == number and not col
                    for n in ns
                )
                out.append(f"      - number: {_scalar(number)}")
                out.append("        cells:")
                notes = {col: ns for (r, col), ns in op.cell_notes.items() if r == number and col}
                out.extend(_cells(row["cells"], notes, "          "))
        elif key == "entries":
            out.append(f"{lead}entries:")
            for code, expansion in value.items():
                out.append(f"      {_scalar(code)}: {_scalar(expansion)}")
        elif key in ("op", "column"):
            out.append(f"{lead}{key}: {value}")  # identifiers, written bare as in the hand transcriptions
        else:
            out.append(f"{lead}{key}: {_scalar(value)}")
    return out


def _entry_into_force(draft: Draft) -> list[str]:
    entry = draft.entry
    out = [f"# {_comment(entry.text)}"] if entry.text else []
    out.extend(_review(n, "") for n in draft.notes if n.where == "entry_into_force")
    match entry.rule:
        case "on_signing":
            out.append("entry_into_force: {rule: on_signing}")
        case "on_date":
            out.append(f"entry_into_force: {{rule: on_date, date: {entry.date.isoformat()}}}")
        case "after_publication":
            # The format needs the publication date, which the act's own text never gives: it stays
            # unknown, and the draft does not load until a person fills it in.
            out.extend(
                ["entry_into_force:", "  rule: after_publication", f"  days: {entry.days}", "  published: !unknown"]
            )
        case _:
            out.append("entry_into_force: !unknown")
    return out


def render_draft(draft: Draft) -> str:
    """The draft as YAML text: loads with ``amend.load_amendment`` once its REVIEW places are settled."""
    out = [
        f"# Draft imported by `amend import` from {draft.source}.",
        "# Every value is read from that text; each place marked REVIEW is a reading to check.",
        "# Set `status: adopted` once it is checked.",
        "act:",
    ]
    out.extend(f"  {key}: {_scalar(value)}" for key, value in draft.act.items())
    if draft.signatory:  # the act's own element (issue 15): data, not a comment
        position, name = draft.signatory
        out += ["  signatory:", f"    position: {_scalar(position)}", f"    name: {_scalar(name)}"]
    out.extend(_review(n, "") for n in draft.notes if n.where == "amends")
    out.append(f"amends: {_scalar(draft.amends)}")
    out.append("status: draft")
    out.extend(_entry_into_force(draft))
    out.extend(_review(n, "") for n in draft.notes if n.where not in ("amends", "entry_into_force"))
    out.append("operations:")
    for op in draft.operations:
        out.extend(_operation(op))
    return "\n".join(out) + "\n"
