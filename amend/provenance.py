"""Where each element of a version came from: the changes made to it, with the bank's notes in Kazakh."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from .acts import Act, citation
from .base import Frozen

__all__ = ["ChangeKind", "Change", "note_for_row", "note_for_abbreviation", "note_for_section"]


class ChangeKind(str, Enum):
    """What an act did to an element (Akoma Ntoso: substitution, insertion, repeal)."""

    REPLACED = "replaced"            # the whole row in new wording
    INSERTED = "inserted"
    CELLS_REPLACED = "cells_replaced"
    WORDS_REPLACED = "words_replaced"
    DELETED = "deleted"
    ADDED = "added"                  # an abbreviation, section or subsection
    TITLE_SET = "title_set"
    REPEALED = "repealed"


class Change(Frozen):
    """One change to one element: which act, in force from when, what kind, and the generated note."""

    act: str
    act_date: dt.date
    in_force: dt.date
    kind: ChangeKind
    note: str


def _change(act: Act, in_force: dt.date, kind: ChangeKind, what: str) -> Change:
    return Change(act=act.number, act_date=act.date, in_force=in_force, kind=kind,
                  note=f"Ескерту. {what} - {citation(act)}.")


def note_for_row(act: Act, in_force: dt.date, kind: ChangeKind, number: str) -> Change:
    """A row's change with its note, e.g. ``Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің ... қаулысымен.``"""
    what = {
        ChangeKind.REPLACED: f"{number}-жол жаңа редакцияда",
        ChangeKind.INSERTED: f"Жоспар {number}-жолмен толықтырылды",
        ChangeKind.CELLS_REPLACED: f"{number}-жолға өзгеріс енгізілді",
        ChangeKind.WORDS_REPLACED: f"{number}-жолға өзгеріс енгізілді",
        ChangeKind.DELETED: f"{number}-жол алып тасталды",
    }[kind]
    return _change(act, in_force, kind, what)


def note_for_abbreviation(act: Act, in_force: dt.date, kind: ChangeKind) -> Change:
    """A change to the abbreviations note (Ескертпе)."""
    return _change(act, in_force, kind, "Ескертпеге өзгеріс енгізілді")


def note_for_section(act: Act, in_force: dt.date, kind: ChangeKind, number: str) -> Change:
    """A change to a section's or subsection's heading, or the plan's repeal (number ``""``)."""
    if kind is ChangeKind.REPEALED:
        return _change(act, in_force, kind, "Жоспардың күші жойылды")
    element = "кіші бөлім" if "." in number else "бөлім"  # 1.2 is a subsection, 1 a section
    what = {ChangeKind.ADDED: f"Жоспар {number}-{element}мен толықтырылды",
            ChangeKind.TITLE_SET: f"{number}-{element}ге өзгеріс енгізілді"}[kind]
    return _change(act, in_force, kind, what)
