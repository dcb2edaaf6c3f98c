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

__all__ = [
    "OUR_LABEL_MARK",
    "OUR_LABEL_MARK_RU",
    "SHORT_MARK",
    "column_heading",
    "descriptive_label",
    "field_headings",
]

# Visible on every head we wrote ourselves: "the title is not the act's".
OUR_LABEL_MARK = "[атауы ресми емес]"
# The same mark where room is short (the heads of a printed table), explained once above the table.
SHORT_MARK = "*"

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


# The same in Russian (``lang="ru"``): our interface's words, not a text of the plan (the plan's own
# Russian titles, where a source gives them, come first, as the Kazakh ones do).
OUR_LABEL_MARK_RU = "[название неофициальное]"
_DESCRIPTIONS_RU: dict[str, str] = {
    "measure": "Мероприятие",
    "form": "Форма завершения",
    "executors": "Исполнители",
    "deadline": "Срок исполнения",
    "cost": "Расходы",
    "cost_total": "Расходы, всего",
    "funding": "Источник финансирования",
    "budget_program": "Бюджетная программа",
}
_BY_ROLE_RU: dict[str, str] = {
    "executors": "Исполнители",
    "amount": "Сумма",
    "funding": "Источник финансирования",
    "text": "Текст",
}
_FIELDS: dict[str, dict[str, str]] = {
    "kk": {
        "number": "Жол №",
        "sort_key": "Жол ретінің кілті (сұрыптау үшін)",
        "section": "Бөлім",
        "subsection": "Кіші бөлім",
        "codes": "кодтар",
        "amount": "сан",
        "last_act": "Соңғы өзгерткен акт №",
        "last_act_date": "Соңғы өзгерткен актінің күні",
        "last_in_force": "Соңғы өзгерістің қолданысқа енгізілген күні",
        "last_change": "Соңғы өзгерістің түрі",
        "unknown": "Дереккөздерде берілмеген бөліктері",
    },
    "ru": {
        "number": "№ строки",
        "sort_key": "Ключ порядка строк (для сортировки)",
        "section": "Раздел",
        "subsection": "Подраздел",
        "codes": "коды",
        "amount": "число",
        "last_act": "№ акта последнего изменения",
        "last_act_date": "Дата акта последнего изменения",
        "last_in_force": "Дата введения в действие последнего изменения",
        "last_change": "Вид последнего изменения",
        "unknown": "Части, не приведенные в источниках",
    },
}


def descriptive_label(column: Column, lang: str = "kk") -> str:
    """What the column holds, in Kazakh (or Russian), without the mark: "Іс-шара", "2021 жылғы шығыстар"."""
    russian = lang == "ru"
    descriptions = _DESCRIPTIONS_RU if russian else _DESCRIPTIONS
    if column.id in descriptions:
        return descriptions[column.id]
    year = _YEAR_COST.fullmatch(column.id)
    if year:
        return f"Расходы {year.group(1)} года" if russian else f"{year.group(1)} жылғы шығыстар"
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
    words = _FIELDS["ru" if lang == "ru" else "kk"]
    heads: dict[str, str] = {k: words[k] for k in ("number", "sort_key", "section", "subsection")}
    for c in plan.columns:
        heads[c.id] = column_heading(c, lang=lang)
    for c in plan.columns:
        if c.role == "executors":
            heads[f"{c.id}_codes"] = f"{_short(c, lang)}: {words['codes']}"
    for c in plan.columns:
        if c.role == "amount":
            heads[f"{c.id}_amount"] = f"{_short(c, lang)}: {words['amount']}"
    heads.update({k: words[k] for k in ("last_act", "last_act_date", "last_in_force", "last_change", "unknown")})
    return heads
