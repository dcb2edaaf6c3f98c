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
from amend.language import interface as words

__all__ = [
    "OUR_LABEL_MARK",
    "OUR_LABEL_MARK_RU",
    "SHORT_MARK",
    "column_heading",
    "descriptive_label",
    "field_headings",
]

# Visible on every head we wrote ourselves: "the title is not the act's" (``words.OUR_LABEL_MARK``).
OUR_LABEL_MARK = words.OUR_LABEL_MARK
OUR_LABEL_MARK_RU = words.OUR_LABEL_MARK_RU
# The same mark where room is short (the heads of a printed table), explained once above the table.
SHORT_MARK = "*"
_DESCRIPTIONS = words.COLUMN_DESCRIPTIONS
_DESCRIPTIONS_RU = words.COLUMN_DESCRIPTIONS_RU
_BY_ROLE = words.COLUMNS_BY_ROLE
_BY_ROLE_RU = words.COLUMNS_BY_ROLE_RU
_FIELDS = words.EXPORT_FIELDS
_YEAR_COST = re.compile(r"cost_(\d{4})")


def descriptive_label(column: Column, lang: str = "kk") -> str:
    """What the column holds, in Kazakh (or Russian), without the mark: "Іс-шара", "2021 жылғы шығыстар"."""
    russian = lang == "ru"
    descriptions = _DESCRIPTIONS_RU if russian else _DESCRIPTIONS
    if column.id in descriptions:
        return descriptions[column.id]
    year = _YEAR_COST.fullmatch(column.id)
    if year:
        return (words.YEAR_COST_RU if russian else words.YEAR_COST).format(year=year.group(1))
    # An id we have no description for: its role, and the id so that two such columns differ.
    return f"{(_BY_ROLE_RU if russian else _BY_ROLE)[column.role]} ({column.id})"


def column_heading(column: Column, *, short: bool = False, lang: str = "kk") -> str:
    """The column's official title, or our description visibly marked as ours (``short``: with ``*``).
    ``lang="ru"``: ``column`` is the Russian view's (its title the Russian one), our words in Russian."""
    if column.title is UNKNOWN:
        label = descriptive_label(column, lang)
        return f"{label}{SHORT_MARK}" if short else f"{label} {OUR_LABEL_MARK_RU if lang == 'ru' else OUR_LABEL_MARK}"
    return str(column.title)


def _short(column: Column, lang: str = "kk") -> str:
    # Inside a derived head ("... кодтары") the mark of the column head would be doubled: the base
    # label is the title, or our description, and the derived head carries the mark once.
    return descriptive_label(column, lang) if column.title is UNKNOWN else str(column.title)


def field_headings(plan: Plan, lang: str = "kk") -> dict[str, str]:
    """The head of every field of ``amend export`` (see ``amend.outputs.export``), by field name, in Kazakh
    (``lang="ru"``: in Russian, ``plan`` being the Russian view)."""
    names = _FIELDS["ru" if lang == "ru" else "kk"]
    heads: dict[str, str] = {k: names[k] for k in ("number", "sort_key", "section", "subsection")}
    for c in plan.columns:
        heads[c.id] = column_heading(c, lang=lang)
    for c in plan.columns:
        if c.role == "executors":
            heads[f"{c.id}_codes"] = f"{_short(c, lang)}: {names['codes']}"
    for c in plan.columns:
        if c.role == "amount":
            heads[f"{c.id}_amount"] = f"{_short(c, lang)}: {names['amount']}"
    heads.update({k: names[k] for k in ("last_act", "last_act_date", "last_in_force", "last_change", "unknown")})
    return heads
