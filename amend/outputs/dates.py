"""Dates as Kazakh legal texts write them: "2025 жылғы 30 мамыр", "2025 жылғы 30 мамырдағы".

The forms are those of the acts themselves (392's heading reads "2023 жылғы 31 тамыздағы № 748
қаулысына", 156's "2020 жылғы 30 наурыздағы № 156 қаулысы", its preamble "2019 жылғы 2 қыркүйектегі").
The reference bank's notes keep their own short form, DD.MM.YYYY (``amend.engine.acts.citation``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from amend.engine.acts import Act
from amend.importer.wording import MONTH_LOCATIVE, MONTHS

__all__ = ["MONTHS", "act_name", "long_date", "long_date_of", "parse_day"]

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# The form Kazakh and Russian users type, and the reference bank's notes print: 30.05.2025.
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_day(value: str) -> dt.date:
    """A day a person typed, as YYYY-MM-DD or DD.MM.YYYY (every command's ``--at``, the web API's ``at``).

    ``ValueError`` says what is wrong: not a date in either form, or an impossible day."""
    text = value.strip()
    iso, dotted = _ISO.fullmatch(text), _DOTTED.fullmatch(text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dotted:
            return dt.date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a date: {exc}") from None
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD or DD.MM.YYYY)")


# The month forms are the wording the importer reads and the generator writes: one table for both.
_LOCATIVE = MONTH_LOCATIVE


def long_date(day: dt.date) -> str:
    """ "2025 жылғы 30 мамыр": the long form, for headings and running text."""
    return f"{day.year} жылғы {day.day} {MONTHS[day.month - 1]}"


def long_date_of(day: dt.date) -> str:
    """ "2025 жылғы 30 мамырдағы": the form that qualifies an act ("... № 392 қаулысы")."""
    return f"{day.year} жылғы {day.day} {_LOCATIVE[day.month - 1]}"


# How an act's own text names an act: its issuer in the genitive ("Қазақстан Республикасы Үкіметінің
# 2025 жылғы 30 мамырдағы № 392 қаулысы", 392's heading; "... № 748 қаулысына").
_ISSUER_OF: dict[str, str] = {
    "Қазақстан Республикасының Үкіметі": "Қазақстан Республикасы Үкіметінің",
    "Қазақстан Республикасының Президенті": "Қазақстан Республикасы Президентінің",
}
_KIND: dict[str, dict[str, str]] = {
    # nominative with the possessive (… қаулысы), instrumental (… қаулысымен)
    "nominative": {"қаулы": "қаулысы", "бұйрық": "бұйрығы", "жарлық": "Жарлығы", "заң": "Заңы"},
    "instrumental": {"қаулы": "қаулысымен", "бұйрық": "бұйрығымен", "жарлық": "Жарлығымен", "заң": "Заңымен"},
}


def act_name(act: Act, case: Literal["nominative", "instrumental"] = "nominative") -> str:
    """ "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысы" (or "... қаулысымен")."""
    issuer = _ISSUER_OF.get(act.issuer, act.issuer)
    return f"{issuer} {long_date_of(act.date)} № {act.number} {_KIND[case][act.kind]}"
