"""A plan's legal facts apart from its text: its period, what is declared of its amending acts, citations.

Legal force and a plan's period are different facts. A resolution stays in force until an act repeals it
("Күші жойылды деп танылсын"); the plan it approves covers a period ("2023 – 2025 жылдарға"), which may
end while the resolution stays in force. The period comes from an explicit ``period`` in the plan file
(with its source) or, failing that, from the years in the title, which is an assumption (``gaps`` lists
it). This module imports only ``acts`` and ``base``, so that the model and provenance can use it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import ConfigDict, Field

from amend.engine.acts import Act
from amend.engine.base import Frozen
from amend.engine.unknown import NonBlank
from amend.language.cases import bank_citation, bank_citation_ru
from amend.language.interface import (
    CURRENCY_KK,
    CURRENCY_RU,
    NONE_KK,
    NONE_RU,
    OTHER_ACTS_KK,
    OTHER_ACTS_RU,
    TITLE_YEARS,
)

__all__ = [
    "AmendingActs",
    "DeclaredPeriod",
    "Period",
    "act_in_case",
    "currency_english",
    "currency_kazakh",
    "currency_russian",
    "period_from_title",
    "plan_period",
]

# "2023 – 2025 жылдарға арналған": the years a plan's title names (dash, en dash or hyphen).
_TITLE_YEARS = re.compile(TITLE_YEARS)


def act_in_case(act: Act, case: Literal["nominative", "instrumental", "dative"]) -> str:
    """The act cited as the bank does, in a grammatical case: ``ҚР Үкіметінің 30.05.2025 № 392 қаулысы``."""
    return bank_citation(act.issuer, act.kind, act.number, act.date, case)


class DeclaredPeriod(Frozen):
    """A plan's period as a plan file states it, with the source that gives it."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")
    source: NonBlank


class AmendingActs(Frozen):
    """What a plan file declares of its amending acts: ``complete: true`` only with a source saying so."""

    complete: bool
    source: NonBlank


@dataclass(frozen=True)
class Period:
    """The period a plan covers, from and to (inclusive), and where that comes from."""

    start: dt.date
    end: dt.date
    source: str  # "title" (inferred: an assumption) or the declared source

    @property
    def inferred(self) -> bool:
        """True when the period was read off the title's years, not stated with a source."""
        return self.source == "title"

    def ended(self, day: dt.date) -> bool:
        """True once ``day`` is after the period's last day."""
        return day > self.end


def period_from_title(title: object) -> Period | None:
    """The period a title's years give (``2023 – 2025 жылдарға``: 2023-01-01..2025-12-31), or None."""
    if not isinstance(title, str):
        return None
    found = _TITLE_YEARS.search(title)
    if found is None:
        return None
    first, last = int(found.group(1)), int(found.group(2))
    if last < first:
        return None
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "title")


def plan_period(declared: DeclaredPeriod | None, title: object) -> Period | None:
    """The declared period, else the one the title gives, else None (unknown)."""
    if declared is not None:
        return Period(declared.start, declared.end, declared.source)
    return period_from_title(title)


def currency_kazakh(known_on: dt.date, acts: Sequence[Act], complete: bool) -> str:
    """The currency statement of a rendering, in Kazakh."""
    listed = "; ".join(act_in_case(a, "nominative") for a in acts) or NONE_KK
    text = CURRENCY_KK.format(day=f"{known_on:%d.%m.%Y}", acts=listed)
    if not complete:
        text += OTHER_ACTS_KK
    return text


def currency_russian(known_on: dt.date, acts: Sequence[Act], complete: bool) -> str:
    """The currency statement of a rendering, in Russian (the acts cited as the bank's Russian notes cite them)."""
    listed = "; ".join(bank_citation_ru(a.issuer, a.kind, a.number, a.date, "nominative") for a in acts) or NONE_RU
    text = CURRENCY_RU.format(day=f"{known_on:%d.%m.%Y}", acts=listed)
    if not complete:
        text += OTHER_ACTS_RU
    return text


def currency_english(known_on: dt.date, acts: Sequence[Act], complete: bool) -> str:
    """The currency statement in English (the JSON field ``currency``)."""
    listed = ", ".join(f"No. {a.number} of {a.date.isoformat()}" for a in acts) or "none"
    text = f"consolidated with the amending acts known up to {known_on.isoformat()}: {listed}"
    if not complete:
        text += "; other amending acts may exist"
    return text
