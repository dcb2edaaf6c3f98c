"""What must hold of every version of a plan: checked on base plans and after each date's changes."""

from __future__ import annotations

from collections.abc import Iterable

from amend.engine.model import Plan, executor_codes
from amend.engine.unknown import UNKNOWN
from amend.errors import AbbreviationUndefined, ColumnsMismatch, RowOrder, SchemaError, TargetMissing

__all__ = ["check_executors", "check_structure", "undefined_codes"]


def check_structure(plan: Plan) -> None:
    """Rows ascending and unique, in existing (sub)sections, sections in order, every column given."""
    columns = set(plan.column_ids)
    if len(columns) != len(plan.columns):
        raise SchemaError("column ids must be unique", path=("columns",))
    seen: set[str] = set()
    for i, section in enumerate(plan.sections):
        if section.number in seen:
            raise SchemaError(f"section {section.number} is listed twice", path=("sections", i, "number"))
        seen.add(section.number)
    order = {s.number: k for k, s in enumerate(plan.sections)}
    last_section = -1
    for i, row in enumerate(plan.rows):
        if i and not plan.rows[i - 1].number < row.number:
            earlier = plan.rows[i - 1].number
            what = "is listed twice" if earlier == row.number else f"comes after row {earlier}"
            raise RowOrder(f"row {row.number} {what}", path=("rows", i, "number"))
        row_section = plan.section(row.section)
        if row_section is None:
            raise TargetMissing(
                f"row {row.number} is in section {row.section}, which the plan does not have",
                path=("rows", i, "section"),
            )
        if order[row.section] < last_section:
            raise RowOrder(
                f"row {row.number} of section {row.section} comes after a row of a later section",
                path=("rows", i, "section"),
            )
        last_section = order[row.section]
        if row.subsection not in (None, UNKNOWN) and row_section.subsection(row.subsection) is None:
            raise TargetMissing(
                f"row {row.number} is in subsection {row.subsection}, which section {row.section} does not have",
                path=("rows", i, "subsection"),
            )
        if set(row.cells) != columns:
            missing = sorted(columns - set(row.cells))
            extra = sorted(set(row.cells) - columns)
            bits = ([f"missing column {', '.join(missing)}"] if missing else []) + (
                [f"no such column {', '.join(extra)}"] if extra else []
            )
            raise ColumnsMismatch(f"row {row.number}: {'; '.join(bits)}", path=("rows", i, "cells"))
        if row.cells_ru and not set(row.cells_ru) <= columns:
            extra = sorted(set(row.cells_ru) - columns)
            raise ColumnsMismatch(f"row {row.number}: no such column {', '.join(extra)}", path=("rows", i, "cells_ru"))


def undefined_codes(plan: Plan, indices: Iterable[int]) -> list[tuple[int, str, str]]:
    """(row index, column id, code) for each executor code not in the note, in the given rows."""
    executor_columns = [c.id for c in plan.columns if c.role == "executors"]
    found: list[tuple[int, str, str]] = []
    for i in indices:
        row = plan.rows[i]
        for c in executor_columns:
            text = row.cells[c]
            if text is UNKNOWN:
                continue
            found.extend(
                (i, c, code) for code in executor_codes(text, plan.abbreviations) if code not in plan.abbreviations
            )
    return found


def check_executors(plan: Plan) -> None:
    """Every executor code of a base plan is defined in its note."""
    for i, column, code in undefined_codes(plan, range(len(plan.rows))):
        raise AbbreviationUndefined(
            f"row {plan.rows[i].number} names {code}, which the abbreviations note does not define",
            path=("rows", i, "cells", column),
        )
