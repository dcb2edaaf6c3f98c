"""Dates as Kazakh legal texts write them: "2025 жылғы 30 мамыр", "2025 жылғы 30 мамырдағы".

The forms are those of the acts themselves (392's heading reads "2023 жылғы 31 тамыздағы № 748
қаулысына", 156's "2020 жылғы 30 наурыздағы № 156 қаулысы", its preamble "2019 жылғы 2 қыркүйектегі").
The reference bank's notes keep their own short form, DD.MM.YYYY (``amend.engine.acts.citation``).
"""

from __future__ import annotations

import datetime as dt

__all__ = ["MONTHS", "long_date", "long_date_of"]

# Month names, nominative, January first.
MONTHS: tuple[str, ...] = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)

# The locative-attributive suffix (-дағы/-дегі/-тағы/-тегі) by the month's last sound and vowel
# harmony: мамырдағы, тамыздағы, наурыздағы, қыркүйектегі, сәуірдегі, шілдедегі, қарашадағы.
_LOCATIVE: tuple[str, ...] = (
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
)


def long_date(day: dt.date) -> str:
    """ "2025 жылғы 30 мамыр": the long form, for headings and running text."""
    return f"{day.year} жылғы {day.day} {MONTHS[day.month - 1]}"


def long_date_of(day: dt.date) -> str:
    """ "2025 жылғы 30 мамырдағы": the form that qualifies an act ("... № 392 қаулысы")."""
    return f"{day.year} жылғы {day.day} {_LOCATIVE[day.month - 1]}"
