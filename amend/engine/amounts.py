"""Cost figures: the amounts written in a plan's amount columns, parsed as decimals (million tenge)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from amend.engine.model import Plan, Row
from amend.engine.unknown import UNKNOWN, UNKNOWN_MARK

__all__ = ["CostTotals", "cost_totals", "parse_amount", "row_amounts"]

# "80,0", "40", "1 234,5", "1234.5": digits with optional thousands spaces and a decimal comma or point.
_AMOUNT = re.compile(r"\d{1,3}(?: \d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?")


def parse_amount(text: object) -> Decimal | None:
    """The figure a cell states, or None where it states none ("-", "талап етілмейді", unknown)."""
    if text is UNKNOWN or not isinstance(text, str):
        return None
    text = text.strip()
    if not _AMOUNT.fullmatch(text):
        return None
    return Decimal(text.replace(" ", "").replace(",", "."))


def row_amounts(plan: Plan, row: Row) -> dict[str, Decimal | None]:
    """The parsed amount of each amount column of a row (None where the cell states no figure)."""
    return {c.id: parse_amount(row.cells[c.id]) for c in plan.columns if c.role == "amount"}


@dataclass(frozen=True)
class CostTotals:
    """Sums of the stated figures: per amount column, and per funding source and amount column."""

    columns: tuple[str, ...]
    total: dict[str, Decimal]
    by_funding: dict[str, dict[str, Decimal]]
    rows_with_figures: int
    unknown_cells: int  # amount cells no source gives: the totals cannot include them


def cost_totals(plan: Plan) -> CostTotals:
    """Totals over the rows of one version, where the amounts are numbers."""
    columns = tuple(c.id for c in plan.columns if c.role == "amount")
    funding = next((c.id for c in plan.columns if c.role == "funding"), None)
    total = {c: Decimal(0) for c in columns}
    by_funding: dict[str, dict[str, Decimal]] = {}
    counted = unknown = 0
    for row in plan.rows:
        amounts = row_amounts(plan, row)
        unknown += sum(1 for c in columns if row.cells[c] is UNKNOWN)
        if not any(a is not None for a in amounts.values()):
            continue
        counted += 1
        source = row.cells[funding] if funding else None
        key = UNKNOWN_MARK if source is UNKNOWN or source is None else str(source)
        bucket = by_funding.setdefault(key, {c: Decimal(0) for c in columns})
        for c, a in amounts.items():
            if a is not None:
                total[c] += a
                bucket[c] += a
    return CostTotals(columns, total, dict(sorted(by_funding.items())), counted, unknown)
