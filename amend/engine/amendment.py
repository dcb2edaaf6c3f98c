"""An amending act: which plan it amends, when it is in force, and its operations in order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from amend.engine.acts import Act, EntryIntoForce, in_force_date
from amend.engine.base import Frozen
from amend.engine.operations import Operation
from amend.engine.records import ElementNumber
from amend.engine.unknown import Text

__all__ = ["ActStatus", "Amendment", "FiledAmendment"]


class ActStatus(StrEnum):
    """An act's standing: adopted acts take effect; drafts are validated and previewed, never consolidated."""

    ADOPTED = "adopted"
    DRAFT = "draft"


class Amendment(Frozen):
    """An amending act. Drafts are validated and previewed, never consolidated."""

    act: Act
    amends: ElementNumber
    status: ActStatus
    entry_into_force: EntryIntoForce
    # Why the act is made (the comparative table's "Негіздеме" where an operation gives none).
    reason: Text | None = None
    operations: tuple[Operation, ...]

    @cached_property
    def in_force(self) -> dt.date:
        """The day the act enters into force."""
        return in_force_date(self.act, self.entry_into_force)

    def effective(self, index: int) -> dt.date:
        """The day operation ``index`` takes effect (its own date, or the act's)."""
        return self.operations[index].in_force or self.in_force

    @property
    def takes_effect(self) -> bool:
        """True for an adopted act: the one place that says which acts consolidation applies."""
        return self.status == _ADOPTED


_ADOPTED = ActStatus.ADOPTED  # read once: an enum's member is looked up through its class each time


@dataclass(frozen=True)
class FiledAmendment:
    """An amendment with the file it was read from (errors point into it)."""

    amendment: Amendment
    path: Path
