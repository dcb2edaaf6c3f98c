"""Dates as Kazakh and Russian legal texts write them: "2025 жылғы 30 мамыр", "2025 жылғы 30 мамырдағы",
"30 мая 2025 года".

The forms are those of the acts themselves (392's heading reads "2023 жылғы 31 тамыздағы № 748
қаулысына", 156's "2020 жылғы 30 наурыздағы № 156 қаулысы", its preamble "2019 жылғы 2 қыркүйектегі").
The reference bank's notes keep their own short form, DD.MM.YYYY (``cases.day_month_year``).
"""

from __future__ import annotations

import datetime as dt

from amend.language.cases import MONTH_ABLATIVE, MONTH_DATIVE, MONTH_LOCATIVE, MONTHS, MONTHS_GENITIVE_RU

__all__ = [
    "YEAR_WORD",
    "YEAR_WORD_RU",
    "date_ablative",
    "date_dative",
    "date_locative",
    "date_ru",
    "from_day",
    "kazakh_date",
    "long_date",
    "russian_date",
]

YEAR_WORD = "жылғы"  # "2025 жылғы 30 мамыр"
_FROM = "бастап"
YEAR_WORD_RU = "года"  # "30 мая 2025 года"


def long_date(day: dt.date) -> str:
    """ "2025 жылғы 30 мамыр": the long form, for headings and running text."""
    return f"{day.year} {YEAR_WORD} {day.day} {MONTHS[day.month - 1]}"


def date_locative(day: dt.date) -> str:
    """ "2025 жылғы 30 мамырдағы": the form that qualifies an act ("... № 392 қаулысы")."""
    return f"{day.year} {YEAR_WORD} {day.day} {MONTH_LOCATIVE[day.month - 1]}"


def date_ablative(day: dt.date) -> str:
    """ "2026 жылғы 1 қаңтардан": the day from which something holds (before "бастап")."""
    return f"{day.year} {YEAR_WORD} {day.day} {MONTH_ABLATIVE[day.month - 1]}"


def date_dative(day: dt.date) -> str:
    """ "2021 жылғы 1 шілдеге": the day until which something holds (before "дейін")."""
    return f"{day.year} {YEAR_WORD} {day.day} {MONTH_DATIVE[day.month - 1]}"


def from_day(day: dt.date) -> str:
    """ "30.05.2025 бастап": from a day, in the notes' short form."""
    return f"{day:%d.%m.%Y} {_FROM}"


def kazakh_date(year: str, day: str, month_word: str) -> dt.date | None:
    """The date of "2024 жылғы 5 наурыздағы" (any case ending on the month), or None if it is no date."""
    word = month_word.lower()
    for index, stem in enumerate(MONTHS, 1):
        forms = (MONTH_LOCATIVE[index - 1], MONTH_ABLATIVE[index - 1], MONTH_DATIVE[index - 1])
        if word.startswith(stem) or word in forms:
            try:
                return dt.date(int(year), index, int(day))
            except ValueError:
                return None
    return None


def date_ru(day: dt.date) -> str:
    """ "30 мая 2025 года": the date of an act, or the day something holds from (after "с")."""
    return f"{day.day} {MONTHS_GENITIVE_RU[day.month - 1]} {day.year} {YEAR_WORD_RU}"


def russian_date(day: str, month_word: str, year: str) -> dt.date | None:
    """The date of "30 мая 2025", or None if it is no date."""
    word = month_word.lower()
    if word not in MONTHS_GENITIVE_RU:
        return None
    try:
        return dt.date(int(year), MONTHS_GENITIVE_RU.index(word) + 1, int(day))
    except ValueError:
        return None
