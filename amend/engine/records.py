"""The lean records as data: how a written change or row is validated, and its JSON schema.

The engine's own ``provenance.Change`` and ``model.Row`` are lean records (``__slots__``; a change's
notes built when read): it makes one of each per operation, and every version keeps them. These models
are what pydantic validates them against and describes them with, under the same names.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import StringConstraints

from amend.engine.base import Frozen
from amend.engine.numbers import RowNumber
from amend.engine.unknown import Text, Unknown

__all__ = ["Change", "ChangeKind", "ElementNumber", "Identifier", "Row"]

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
ElementNumber = Annotated[str, StringConstraints(pattern=r"^\S+$")]


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


class Row(Frozen):
    """A numbered measure: where it sits, its cells by column id, and how it came to read so."""

    number: RowNumber
    section: ElementNumber
    # None: the row is in no subsection; UNKNOWN: the sources do not say which.
    subsection: ElementNumber | Unknown | None = None
    cells: dict[Identifier, Text]
    history: tuple[Change, ...] = ()
    # The Russian cells a source gives, by column id; a column missing here is UNKNOWN in Russian.
    cells_ru: dict[Identifier, Text] = {}  # noqa: RUF012
    # The stable identity, set once the row is renumbered (see Subsection.uid); history follows it.
    uid: str | None = None
