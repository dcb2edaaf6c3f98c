"""An amending act: which plan it amends, when it is in force, and its operations in order."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Literal

from .acts import Act, EntryIntoForce, in_force_date
from .base import Frozen
from .model import ElementNumber
from .operations import Operation

__all__ = ["Amendment"]


class Amendment(Frozen):
    """An amending act. Drafts are validated and previewed, never consolidated."""

    act: Act
    amends: ElementNumber
    status: Literal["adopted", "draft"]
    entry_into_force: EntryIntoForce
    operations: tuple[Operation, ...]

    @cached_property
    def in_force(self) -> dt.date:
        """The day the act enters into force."""
        return in_force_date(self.act, self.entry_into_force)

    def effective(self, index: int) -> dt.date:
        """The day operation ``index`` takes effect (its own date, or the act's)."""
        return self.operations[index].in_force or self.in_force
