"""The plan editor's handlers for the abbreviations note (Ескертпе): lines added, in new wording, struck out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amend.engine.base import construct, evolve
from amend.engine.lookup import as_of
from amend.engine.model import Abbreviation
from amend.engine.operations import AddAbbreviations, DeleteAbbreviation, ReplaceAbbreviation
from amend.engine.provenance import ChangeKind, Source, note_for_abbreviation, with_change
from amend.engine.unknown import UNKNOWN
from amend.errors import AbbreviationTaken, TargetMissing

if TYPE_CHECKING:
    from amend.engine.editor_state import WorkingCopy

__all__ = ["add_abbreviations", "delete_abbreviation", "replace_abbreviation"]


def add_abbreviations(editor: WorkingCopy, op: AddAbbreviations, source: Source) -> None:
    """Lines appended to the note, in the order given."""
    for key, codes in (("entries_ru", op.entries_ru), ("codes_ru", op.codes_ru)):
        for code in codes:
            if code not in op.entries:
                raise TargetMissing(f"abbreviation {code} has a Russian text but no entry", path=(key, code))
    change = note_for_abbreviation(source, ChangeKind.ADDED)
    note = editor.note_to_write()  # (an error leaves the editor to be discarded)
    for code, expansion in op.entries.items():
        if code in note:
            raise AbbreviationTaken(
                f"abbreviation {code} is already in the note of {as_of(editor.frame, source)}", path=("entries", code)
            )
        note[code] = construct(
            Abbreviation,
            expansion=expansion,
            history=(change,),
            expansion_ru=op.entries_ru.get(code, UNKNOWN),
            code_ru=op.codes_ru.get(code),
        )


def _existing(editor: WorkingCopy, code: str, source: Source) -> Abbreviation:
    found = editor.note.get(code)
    if found is None:
        raise TargetMissing(f"abbreviation {code} is not in the note of {as_of(editor.frame, source)}", path=("code",))
    return found


def replace_abbreviation(editor: WorkingCopy, op: ReplaceAbbreviation, source: Source) -> None:
    """A line of the note in new wording (its Russian code kept unless the act gives one)."""
    old = _existing(editor, op.code, source)
    change = note_for_abbreviation(source, ChangeKind.REPLACED)
    editor.note_to_write()[op.code] = evolve(
        old,
        expansion=op.expansion,
        expansion_ru=op.expansion_ru,
        code_ru=old.code_ru if op.code_ru is None else op.code_ru,
        history=with_change(old.history, change),
    )


def delete_abbreviation(editor: WorkingCopy, op: DeleteAbbreviation, source: Source) -> None:
    """A line of the note struck out (the day then checks every row for the code)."""
    _existing(editor, op.code, source)
    del editor.note_to_write()[op.code]
    editor.deletion = True
