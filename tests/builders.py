"""Small plans and acts for unit tests, built through the real models (so they are validated)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from amend import Act, Amendment, Plan
from amend.engine.provenance import Source

COLUMNS = [{"id": "measure", "title": "Іс-шара"}, {"id": "executors", "title": "Орындаушылар", "role": "executors"}]


def act(number: str = "1", date: dt.date = dt.date(2024, 1, 10)) -> Act:
    return Act(issuer="Қазақстан Республикасының Үкіметі", kind="қаулы", number=number, date=date, title="т")


def row(
    number: str, section: str = "1", subsection: str | None = None, measure: str | None = None, executors: str = "ОМ"
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": number,
        "section": section,
        "cells": {"measure": measure or f"шара {number}", "executors": executors},
    }
    if subsection is not None:
        data["subsection"] = subsection
    return data


def plan(
    rows: list[dict[str, Any]] | None = None,
    sections: list[dict[str, Any]] | None = None,
    abbreviations: dict[str, Any] | None = None,
) -> Plan:
    return Plan.model_validate(
        {
            "plan": "100",
            "act": act("100", dt.date(2023, 1, 1)).model_dump(),
            "entry_into_force": {"rule": "on_signing"},
            "title": "Жоспар",
            "columns": COLUMNS,
            "sections": sections
            or [
                {
                    "number": "1",
                    "title": "Бірінші",
                    "subsections": [{"number": "1.1", "title": "А"}, {"number": "1.2", "title": "Б"}],
                },
                {"number": "2", "title": "Екінші"},
            ],
            "rows": rows
            if rows is not None
            else [row("1", "1", "1.1"), row("2", "1", "1.2"), row("3", "1", "1.2"), row("4", "2")],
            "abbreviations": abbreviations if abbreviations is not None else {"ОМ": "Оқу-ағарту министрлігі"},
        }
    )


def source(number: str = "1", day: dt.date = dt.date(2024, 1, 10)) -> Source:
    return Source(act(number, day), day)


def amendment(
    operations: list[dict[str, Any]],
    number: str = "1",
    date: dt.date = dt.date(2024, 1, 10),
    entry: dict[str, Any] | None = None,
    amends: str = "100",
    status: str = "adopted",
) -> Amendment:
    return Amendment.model_validate(
        {
            "act": act(number, date).model_dump(),
            "amends": amends,
            "status": status,
            "entry_into_force": entry or {"rule": "on_signing"},
            "operations": operations,
        }
    )
