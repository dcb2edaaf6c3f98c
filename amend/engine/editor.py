"""THE PLAN EDITOR: the one way to change a plan.

A ``PlanEditor`` (its state: ``editor_state.WorkingCopy``) is opened on a plan (a value, never changed),
takes operations one after another and ``freeze``s into a new plan that shares every row, chunk and
dictionary no operation reached. Its rows are a transient working copy (``Rows.transient``: a chunk is
copied the first time an edit reaches it, then edited in place) and the plan's dictionaries are copied
when first written, so that one editor for a whole day copies each part once, not once per operation
(the figures are in docs/performance.md).

Each kind of operation has one handler, ``handler(editor, op, source) -> None``, in a module by the
element it changes: ``editor_rows`` (rows and their cells), ``editor_note`` (the abbreviations note),
``editor_headings`` (sections and subsections), ``editor_texts`` (the resolution's own texts),
``editor_columns`` and ``editor_structure`` (renumbering and moving). A handler raises the typed errors
of ``amend.errors``, with a path inside the operation; after an error the editor is discarded.

``apply(plan, op, source)`` is one editor for one operation; the day step (``step.apply_day``) is one
editor for a day's batch.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple, NoReturn, Protocol

from amend.engine.editor_columns import add_column, delete_column, rename_column
from amend.engine.editor_headings import add_section, add_subsection, delete_section, delete_subsection, set_title
from amend.engine.editor_note import add_abbreviations, delete_abbreviation, replace_abbreviation
from amend.engine.editor_rows import delete_row, insert_rows, replace_cells, replace_row, replace_words
from amend.engine.editor_state import WorkingCopy
from amend.engine.editor_structure import move_row, renumber
from amend.engine.editor_texts import delete_text, insert_text, replace_signatory, replace_text, replace_words_in
from amend.engine.invariants import undefined_codes
from amend.engine.model import Plan, _executor_parts
from amend.engine.operations import (
    AddAbbreviations,
    AddColumn,
    AddSection,
    AddSubsection,
    DeleteAbbreviation,
    DeleteColumn,
    DeleteRow,
    DeleteSection,
    DeleteSubsection,
    DeleteText,
    InsertRows,
    InsertText,
    MoveRow,
    Operation,
    RenameColumn,
    Renumber,
    RepealPlan,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceSignatory,
    ReplaceText,
    ReplaceWords,
    ReplaceWordsIn,
    SetTitle,
)
from amend.engine.provenance import ChangeKind, Source, note_for_section
from amend.engine.unknown import UNKNOWN
from amend.errors import Repealed

__all__ = ["HANDLERS", "PlanEditor", "apply"]


def apply(plan: Plan, op: Operation, source: Source) -> Plan:
    """The plan after ``op`` (one editor for one operation); raises an ``AmendError`` if ``op`` does not fit."""
    editor = PlanEditor(plan)
    editor.apply(op, source)
    return editor.freeze()


class Step(Protocol):
    """What the editor needs of a scheduled operation (``step.Scheduled``)."""

    @property
    def op(self) -> Operation: ...

    @property
    def source(self) -> Source: ...


class _Single(NamedTuple):
    op: Operation
    source: Source


# The kinds whose touches may read the plan's rows (``touches_read_rows``), asked by exact class first.
_MAY_READ_ROWS = frozenset({ReplaceWords, Renumber, DeleteSection, DeleteSubsection})
# The kinds after which the next operations need more care: the plan repealed, or its columns changed.
_CAREFUL = _MAY_READ_ROWS | {RepealPlan, AddColumn, DeleteColumn}


class PlanEditor(WorkingCopy):
    """A working copy of a plan: operations applied in place (one handler per kind), ``freeze`` giving the
    new plan."""

    __slots__ = ()

    # -- operations --------------------------------------------------------------------------------------

    def apply(self, op: Operation, source: Source) -> None:
        """Apply ``op``; raises an ``AmendError`` subclass if it does not fit the plan as it stands."""
        self.apply_all((_Single(op, source),))

    def apply_all(self, batch: Sequence[Step]) -> dict[int, Plan]:
        """Apply a day's operations in order (as ``apply`` each); the plans, by the operation's index, that
        answer for the operations whose touches read more than the columns of the plan the day began with
        (``touches_read_rows``, or the columns changed earlier that day): the day step works their touches
        out from these, the others' from the day's first plan."""
        answering: dict[int, Plan] = {}
        handlers = _HANDLERS
        # Not repealed, no column changed: then the common kinds need no more than their handler.
        usual = self.frame.repealed is None and not self.columns_changed
        for k, s in enumerate(batch):  # ``apply``, inline: this runs once per operation of every day
            op = s.op
            kind = type(op)
            handler = handlers.get(kind)
            if handler is None or not usual or kind in _CAREFUL:
                if handler is None or self.frame.repealed is not None:
                    self._refuse(op)
                if self.columns_changed or (kind in _MAY_READ_ROWS and op.touches_read_rows()):
                    answering[k] = self.freeze()
                handler(self, op, s.source)
                usual = not self.columns_changed and self.frame.repealed is None
            else:
                handler(self, op, s.source)
        return answering

    def _refuse(self, op: Operation) -> NoReturn:
        if type(op) not in _HANDLERS:  # an exact class: a subclass is another kind
            # Resolved by the schedule (chains.py, timeline.py): they never change the plan's text.
            raise TypeError(f"{op.op} does not change the plan's text: timeline.schedule resolves it")
        repealed = self.frame.repealed
        assert repealed is not None
        raise Repealed(
            f"plan {self.frame.plan} was repealed by act {repealed.act} in force {repealed.in_force}", path=("op",)
        )

    # -- the day's invariant -----------------------------------------------------------------------------

    def codes_may_be_undefined(self, plan: Plan) -> bool:
        """True if some executor code may be undefined in ``plan`` (this editor's ``freeze``): then the exact
        check (``step``, from what each operation touched) decides.

        It reads every row written, whole (the exact check reads only the executor columns an operation
        wrote): it can only be wrong towards the exact check."""
        if self.unsure:
            return True
        if self.deletion:
            return bool(undefined_codes(plan, range(len(plan.rows))))
        if not self.written:
            return False
        executors = plan.executor_ids
        if not executors:
            return False
        note = plan.abbreviations
        for row in self.written.values():  # each row as the day left it (a deleted row is not here)
            for c in executors:
                text = row.cells[c]
                if text is UNKNOWN:
                    continue
                # model.executor_codes, asking only whether a code is missing: a part the note defines is
                # a code as it stands; otherwise each of its upper-case words is one; prose names none.
                for part, tokens in _executor_parts(text):
                    if tokens and part not in note and not all(t in note for t in tokens):
                        return True
        return False


def repeal_plan(editor: WorkingCopy, op: RepealPlan, source: Source) -> None:
    """The plan ceases to have effect: its text stays, under the note of its repeal."""
    editor.set_frame(repealed=note_for_section(source, ChangeKind.REPEALED, ""))


# One handler per kind of operation, by exact class: a dictionary, not ``match``, because a day's step
# dispatches once per operation and each ``case`` of a pydantic class is an ABC isinstance check
# (tests/test_one_engine.py checks that every kind that changes a plan's text has its handler here).
_HANDLERS: dict[type[Any], Callable[[WorkingCopy, Any, Source], None]] = {
    ReplaceRow: replace_row,
    ReplaceCells: replace_cells,
    DeleteRow: delete_row,
    InsertRows: insert_rows,
    ReplaceWords: replace_words,
    AddAbbreviations: add_abbreviations,
    ReplaceAbbreviation: replace_abbreviation,
    DeleteAbbreviation: delete_abbreviation,
    SetTitle: set_title,
    AddSection: add_section,
    AddSubsection: add_subsection,
    DeleteSection: delete_section,
    DeleteSubsection: delete_subsection,
    ReplaceText: replace_text,
    InsertText: insert_text,
    DeleteText: delete_text,
    ReplaceSignatory: replace_signatory,
    ReplaceWordsIn: replace_words_in,
    AddColumn: add_column,
    DeleteColumn: delete_column,
    RenameColumn: rename_column,
    Renumber: renumber,
    MoveRow: move_row,
    RepealPlan: repeal_plan,
}
HANDLERS: Mapping[type[Any], Callable[[WorkingCopy, Any, Source], None]] = MappingProxyType(_HANDLERS)
"""The handler of each kind of operation that changes a plan's text, read only."""
