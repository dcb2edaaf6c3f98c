"""A change as data: how a written change (in a consolidated file) is validated, and its JSON schema.

The engine's own ``provenance.Change`` is a lean record (``__slots__``, notes built when read); this
model is what pydantic validates a change against and describes it with, under the same name.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from amend.engine.base import Frozen

__all__ = ["Change", "ChangeKind"]


class ChangeKind(str, Enum):
    """What an act did to an element (Akoma Ntoso: substitution, insertion, repeal)."""

    REPLACED = "replaced"  # the whole row in new wording
    INSERTED = "inserted"
    CELLS_REPLACED = "cells_replaced"
    WORDS_REPLACED = "words_replaced"
    DELETED = "deleted"
    ADDED = "added"  # an abbreviation, section or subsection
    TITLE_SET = "title_set"
    REPEALED = "repealed"
    RESCHEDULED = "rescheduled"  # another act's entry into force moved (acts that amend acts)
    SUSPENDED = "suspended"  # the plan's force suspended (its text stands)
    RESUMED = "resumed"
    RENUMBERED = "renumbered"  # the element keeps its identity (and history) under a new number
    MOVED = "moved"  # a row moved to another section or subsection


class Change(Frozen):
    """One change to one element: which act, in force from when, what kind, and the generated note."""

    act: str
    act_date: dt.date
    in_force: dt.date
    kind: ChangeKind
    citation: str  # the act as cited, e.g. "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"
    note: str
    # Acts that amend acts: the acts that moved or corrected the operation behind this change, and, for a
    # correction that takes effect after the corrected act, the act whose text it corrects.
    amended_by: tuple[str, ...] = ()
    corrects: str | None = None
    # The same note in Russian ("Сноска. ..."), generated from the same facts; None only in hand-built changes.
    note_ru: str | None = None
