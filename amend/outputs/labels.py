"""Kazakh labels for what a reader sees: column heads where the official title is unknown, export fields.

No source gives the official titles of 748's and 156's columns. A reader must not see a machine id
(``measure``), nor a title we made up passing for the act's own. So a column with no known title is
headed by a short Kazakh description of what it holds, followed by ``OUR_LABEL_MARK``, which says the
words are ours. The descriptions name the content only (measure, executors, deadline, cost of a year);
they never claim an official wording.
"""

from __future__ import annotations

import re

from amend.engine.model import Column, Plan
from amend.engine.unknown import UNKNOWN

__all__ = ["OUR_LABEL_MARK", "column_heading", "descriptive_label", "field_headings"]

# Visible on every head we wrote ourselves: "the title is not the act's".
OUR_LABEL_MARK = "[атауы ресми емес]"

# What the column ids of the shipped plans hold (read off their cells, not off an official head).
_DESCRIPTIONS: dict[str, str] = {
    "measure": "Іс-шара",
    "form": "Аяқталу нысаны",
    "executors": "Орындаушылар",
    "deadline": "Орындау мерзімі",
    "cost": "Шығыстар",
    "cost_total": "Шығыстар, барлығы",
    "funding": "Қаржыландыру көзі",
    "budget_program": "Бюджеттік бағдарлама",
}
_YEAR_COST = re.compile(r"cost_(\d{4})")
_BY_ROLE: dict[str, str] = {
    "executors": "Орындаушылар",
    "amount": "Сома",
    "funding": "Қаржыландыру көзі",
    "text": "Мәтін",
}


def descriptive_label(column: Column) -> str:
    """What the column holds, in Kazakh, without the mark: "Іс-шара", "2021 жылғы шығыстар"."""
    if column.id in _DESCRIPTIONS:
        return _DESCRIPTIONS[column.id]
    year = _YEAR_COST.fullmatch(column.id)
    if year:
        return f"{year.group(1)} жылғы шығыстар"
    # An id we have no description for: its role, and the id so that two such columns differ.
    return f"{_BY_ROLE[column.role]} ({column.id})"


def column_heading(column: Column) -> str:
    """The column's official title, or our description visibly marked as ours."""
    if column.title is UNKNOWN:
        return f"{descriptive_label(column)} {OUR_LABEL_MARK}"
    return str(column.title)


def _short(column: Column) -> str:
    # Inside a derived head ("... кодтары") the mark of the column head would be doubled: the base
    # label is the title, or our description, and the derived head carries the mark once.
    return descriptive_label(column) if column.title is UNKNOWN else str(column.title)


def field_headings(plan: Plan) -> dict[str, str]:
    """The Kazakh head of every field of ``amend export`` (see ``amend.outputs.export``), by field name."""
    heads: dict[str, str] = {
        "number": "Жол №",
        "sort_key": "Жол ретінің кілті (сұрыптау үшін)",
        "section": "Бөлім",
        "subsection": "Кіші бөлім",
    }
    for c in plan.columns:
        heads[c.id] = column_heading(c)
    for c in plan.columns:
        if c.role == "executors":
            heads[f"{c.id}_codes"] = f"{_short(c)}: кодтар"
    for c in plan.columns:
        if c.role == "amount":
            heads[f"{c.id}_amount"] = f"{_short(c)}: сан"
    heads.update(
        last_act="Соңғы өзгерткен акт №",
        last_act_date="Соңғы өзгерткен актінің күні",
        last_in_force="Соңғы өзгерістің қолданысқа енгізілген күні",
        last_change="Соңғы өзгерістің түрі",
        unknown="Дереккөздерде берілмеген бөліктері",
    )
    return heads
