"""Legal acts: who issued them, when, and when they enter into force."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, assert_never

from pydantic import Field, PositiveInt, StringConstraints

from amend.engine.base import Frozen
from amend.engine.unknown import UNKNOWN, Text
from amend.language.cases import Kind, bank_citation, bank_citation_ru, day_month_year

__all__ = [
    "Act",
    "ActNumber",
    "ActPoint",
    "AfterPublication",
    "EntryIntoForce",
    "OnDate",
    "OnSigning",
    "Signatory",
    "citation",
    "citation_ru",
    "day_month_year",
    "in_force_date",
]

ActNumber = Annotated[str, StringConstraints(pattern=r"^\S+$")]


class ActPoint(Frozen):
    """A numbered point of an act's own text; ``subpoints`` are its numbered sub-points (``1)``, ``2)``)."""

    number: str
    text: Text
    # The Russian text where a source gives it; never a translation of ours.
    text_ru: Text = UNKNOWN
    subpoints: tuple[ActPoint, ...] = ()


class Signatory(Frozen):
    """Who signed an act."""

    position: Text
    name: Text
    position_ru: Text = UNKNOWN
    name_ru: Text = UNKNOWN


class Act(Frozen):
    """A legal act: the approving act of a plan, or an amending act."""

    issuer: str
    kind: Kind
    number: ActNumber
    date: dt.date
    title: Text
    preamble: Text | None = None
    points: tuple[ActPoint, ...] = ()
    signatory: Signatory | None = None
    title_ru: Text = UNKNOWN
    preamble_ru: Text = UNKNOWN


class OnSigning(Frozen):
    """In force from the day it is signed ("қол қойылған күнінен бастап")."""

    rule: Literal["on_signing"]


class OnDate(Frozen):
    """In force on a date the act names."""

    rule: Literal["on_date"]
    date: dt.date


class AfterPublication(Frozen):
    """In force once N calendar days have passed after the day of first official publication."""

    rule: Literal["after_publication"]
    days: PositiveInt
    published: dt.date


EntryIntoForce = Annotated[OnSigning | OnDate | AfterPublication, Field(discriminator="rule")]


def in_force_date(act: Act, rule: OnSigning | OnDate | AfterPublication) -> dt.date:
    """The first day an act is in force under ``rule``."""
    match rule:
        case OnSigning():
            return act.date
        case OnDate(date=date):
            return date
        case AfterPublication(days=days, published=published):
            # "ten days after publication" means ten whole days pass first: published on the 1st,
            # days 2..11 pass, in force on the 12th.
            return published + dt.timedelta(days=days + 1)
        case _:
            assert_never(rule)


def citation(act: Act) -> str:
    """The act as the reference bank cites it in notes: ``ҚР Үкіметінің 30.05.2025 № 392 қаулысымен``."""
    return bank_citation(act.issuer, act.kind, act.number, act.date)


def citation_ru(act: Act, case: Literal["instrumental", "genitive"] = "instrumental") -> str:
    """The act as the bank's Russian notes cite it: ``постановлением Правительства РК от 30.05.2025 № 392``.

    An issuer with no known Russian name is cited as the act gives it (never a translation of ours).
    """
    return bank_citation_ru(act.issuer, act.kind, act.number, act.date, case)
