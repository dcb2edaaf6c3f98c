"""Days as people type them, and acts as the renderings name them; the Kazakh forms themselves are
``amend.language.dates`` (long dates) and ``amend.language.cases`` (an act's name in a case).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from amend.engine.acts import Act
from amend.language.cases import MONTHS, act_text_name
from amend.language.dates import date_locative as long_date_of
from amend.language.dates import long_date

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


def act_name(act: Act, case: Literal["nominative", "instrumental"] = "nominative") -> str:
    """ "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысы" (or "... қаулысымен")."""
    return act_text_name(act.issuer, act.kind, act.number, act.date, case)
