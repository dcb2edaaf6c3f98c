"""The plan editor's working copy (``editor.PlanEditor`` is one): the state every handler edits.

Apart from ``editor.py`` so that the handlers' modules, which ``editor.py`` dispatches to, can name its type
without an import circle.
"""

from __future__ import annotations

from typing import Any

from amend.engine.base import evolve
from amend.engine.lookup import as_of
from amend.engine.model import Abbreviation, Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change, ChangeFacts, ChangeKind, Source
from amend.engine.rows import Transient
from amend.errors import TargetDeleted, TargetMissing

__all__ = ["WorkingCopy"]


class WorkingCopy:
    """A plan being edited: its rows a transient copy, its dictionaries copied when first written, its other
    parts a plan value (``frame``); ``freeze`` gives the new plan. The state the handlers edit."""

    __slots__ = (
        "_abbreviations",
        "_deleted_rows",
        "_renumbered",
        "columns_changed",
        "deletion",
        "frame",
        "rows",
        "unsure",
        "written",
    )

    def __init__(self, plan: Plan) -> None:
        # Rows written (by number, as last written) and whether an abbreviation was deleted: the day's
        # executor-code check reads them (``codes_may_be_undefined``).
        self.written: dict[tuple[int, ...], Row] = {}
        self.deletion = False
        # Set where a handler rebuilt rows the editor does not follow (``reset``): then only the exact
        # check can say whether a code is undefined.
        self.unsure = False
        # Set by a handler that changes the columns' ids: the day step then works out later operations'
        # touches from the plan as it stands, not as the day began.
        self.columns_changed = False
        self._open(plan)

    def _open(self, plan: Plan) -> None:
        # The plan's parts other than its rows, note, deleted rows and renumbered rows (read those from the
        # editor): its columns, sections, structure and resolution as they stand. Read only: ``set_frame``.
        self.frame = plan
        self.rows: Transient[Row] = plan.rows.transient()
        self._abbreviations: dict[str, Abbreviation] | None = None
        self._deleted_rows: dict[str, Change] | None = None
        self._renumbered: dict[str, str] | None = None

    # -- the plan as it stands ----------------------------------------------------------------------

    def set_frame(self, **changes: Any) -> None:
        """Change parts of the plan other than its rows and its three dictionaries (sections, act, ...)."""
        self.frame = evolve(self.frame, **changes)

    def freeze(self) -> Plan:
        """The plan as edited so far, immutable (the editor stays usable: it goes on from that plan)."""
        changes: dict[str, Any] = {"rows": self.rows.freeze()}
        if self._abbreviations is not None:
            changes["abbreviations"] = self._abbreviations
        if self._deleted_rows is not None:
            changes["deleted_rows"] = self._deleted_rows
        if self._renumbered is not None:
            changes["renumbered"] = self._renumbered
        plan = evolve(self.frame, **changes)
        # The dictionaries now belong to the frozen plan: copied again on the next write. The transient rows
        # go on (a chunk the frozen rows share is copied again on the next edit that reaches it).
        self.frame = plan
        self._abbreviations = self._deleted_rows = self._renumbered = None
        return plan

    def reset(self, plan: Plan, *, rows_rebuilt: bool = False) -> None:
        """Go on from ``plan`` (a handler that computed a whole new plan from ``freeze``'s)."""
        self._open(plan)
        self.unsure = self.unsure or rows_rebuilt

    @property
    def note(self) -> dict[str, Abbreviation]:
        """The abbreviations note as it stands (read only: write through ``note_to_write``)."""
        return self.frame.abbreviations if self._abbreviations is None else self._abbreviations

    def note_to_write(self) -> dict[str, Abbreviation]:
        """The abbreviations note, this editor's own copy."""
        if self._abbreviations is None:
            self._abbreviations = dict(self.frame.abbreviations)
        return self._abbreviations

    @property
    def deleted_rows(self) -> dict[str, Change]:
        """The deleted rows' numbers and changes as they stand (read only)."""
        return self.frame.deleted_rows if self._deleted_rows is None else self._deleted_rows

    def deleted_rows_to_write(self) -> dict[str, Change]:
        """The deleted rows, this editor's own copy."""
        if self._deleted_rows is None:
            self._deleted_rows = dict(self.frame.deleted_rows)
        return self._deleted_rows

    @property
    def renumbered(self) -> dict[str, str]:
        """Renumbered rows, identity -> number, as they stand (read only)."""
        return self.frame.renumbered if self._renumbered is None else self._renumbered

    def set_renumbered(self, renumbered: dict[str, str]) -> None:
        """Renumbered rows in new wording."""
        self._renumbered = renumbered

    # -- reading rows ----------------------------------------------------------------------------------

    def find_row(
        self, number: RowNumber, section: str | None, source: Source, path: tuple[Any, ...]
    ) -> tuple[Row, int, int]:
        """An existing row (checked to be in ``section`` when the operation names one) and its place."""
        c, j, row = self.rows.place(number.parts)
        if row is None:
            where = f" in section {section} of" if section else " in"
            deleted = self.deleted_rows.get(str(number))
            if deleted:
                raise TargetDeleted(
                    f"row {number} does not exist{where} {as_of(self.frame, source)}: act {deleted.act} "
                    f"deleted it, in force {deleted.in_force}",
                    path=path,
                )
            raise TargetMissing(f"row {number} does not exist{where} {as_of(self.frame, source)}", path=path)
        if section is not None and row.section != section:
            raise TargetMissing(
                f"row {number} is in section {row.section}, not in section {section}, of {as_of(self.frame, source)}",
                path=("section",),
            )
        return row, c, j

    # -- notes -------------------------------------------------------------------------------------------

    @staticmethod
    def row_change(source: Source, kind: ChangeKind, number: str) -> Change:
        """A row's change (``note_for_row``), its facts shared by the act's changes of the kind and its notes
        formatted when first read (``ChangeFacts.of_rows``)."""
        # Kept on the source itself (one per act, day and amending acts, made by the schedule), so that
        # every operation of the act reuses it.
        by_kind: dict[ChangeKind, ChangeFacts] | None = source.__dict__.get("_fast_facts")
        if by_kind is None:
            by_kind = source.__dict__["_fast_facts"] = {}
        facts = by_kind.get(kind)
        if facts is None:
            facts = by_kind[kind] = ChangeFacts.of_rows(source, kind)
        return Change.of_row(facts, number)
