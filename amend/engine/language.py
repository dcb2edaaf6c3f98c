"""The two languages of a plan: Kazakh (the texts we hold) and Russian (only where a source gives it).

Every text of a plan belongs to a language: ``title`` / ``title_ru``, ``cells`` / ``cells_ru``, ``note`` /
``note_ru``, and so on. ``in_russian(plan)`` is the same plan with each text in Russian: the Russian text
where a source gives it, UNKNOWN otherwise (never a translation of ours), and the notes in Russian
("Сноска. ..."). Every view in Russian (show, render, the site) reads this one projection, so none of them
can fall back to Kazakh text by mistake.
"""

from __future__ import annotations

from enum import StrEnum

from amend.engine.acts import Act, ActPoint, Signatory
from amend.engine.base import evolve
from amend.engine.model import Abbreviation, AnnexNote, Column, Plan, Row, Section, Subsection
from amend.engine.provenance import Change
from amend.engine.rows import Rows
from amend.engine.unknown import UNKNOWN

__all__ = ["Lang", "in_russian", "row_in_russian", "russian_change", "russian_code"]


class Lang(StrEnum):
    """Which language a view shows: Kazakh, Russian, or both side by side."""

    kk = "kk"
    ru = "ru"
    both = "both"


def russian_change(change: Change) -> Change:
    """The change with its note in Russian ("Сноска. ..."); a hand-built change without one keeps its own."""
    return change if change.note_ru is None else evolve(change, note=change.note_ru)


def _changes(history: tuple[Change, ...]) -> tuple[Change, ...]:
    return tuple(russian_change(c) for c in history)


def _point(point: ActPoint) -> ActPoint:
    return evolve(point, text=point.text_ru, subpoints=tuple(_point(p) for p in point.subpoints))


def _signatory(signatory: Signatory | None) -> Signatory | None:
    if signatory is None:
        return None
    return evolve(signatory, position=signatory.position_ru, name=signatory.name_ru)


def _act(act: Act) -> Act:
    return evolve(
        act,
        title=act.title_ru,
        preamble=None if act.preamble is None else act.preamble_ru,
        points=tuple(_point(p) for p in act.points),
        signatory=_signatory(act.signatory),
    )


def row_in_russian(row: Row, columns: tuple[str, ...]) -> Row:
    """One row with its cells in Russian (UNKNOWN where no source gives them) and its notes in Russian."""
    return evolve(row, cells={c: row.cells_ru.get(c, UNKNOWN) for c in columns}, history=_changes(row.history))


def _subsection(sub: Subsection) -> Subsection:
    return evolve(sub, title=sub.title_ru, history=_changes(sub.history))


def _section(section: Section) -> Section:
    return evolve(
        section,
        title=section.title_ru,
        subsections=tuple(_subsection(s) for s in section.subsections),
        history=_changes(section.history),
    )


def _column(column: Column) -> Column:
    return evolve(column, title=column.title_ru)


def _abbreviation(a: Abbreviation) -> Abbreviation:
    return evolve(a, expansion=a.expansion_ru, history=_changes(a.history))


def russian_code(code: str, a: Abbreviation) -> str:
    """The code the Russian note gives the abbreviation; where no source gives one, the Kazakh code (its
    identity), which is a name, not a text to translate."""
    return code if a.code_ru is None else a.code_ru


def _note_in_russian(note: dict[str, Abbreviation]) -> dict[str, Abbreviation]:
    keys = [russian_code(code, a) for code, a in note.items()]
    if len(set(keys)) < len(keys):  # two lines would share a Russian code: the identities keep them apart
        keys = list(note)
    return {key: _abbreviation(a) for key, a in zip(keys, note.values(), strict=True)}


def _note(note: AnnexNote) -> AnnexNote:
    return evolve(note, text=note.text_ru)


def in_russian(plan: Plan) -> Plan:
    """The plan with every text in Russian: given by a source, or UNKNOWN; notes in Russian."""
    columns = plan.column_ids
    return evolve(
        plan,
        act=_act(plan.act),
        title=plan.title_ru,
        columns=tuple(_column(c) for c in plan.columns),
        sections=tuple(_section(s) for s in plan.sections),
        rows=Rows([row_in_russian(r, columns) for r in plan.rows]),
        abbreviations=_note_in_russian(plan.abbreviations),
        annex_notes=tuple(_note(n) for n in plan.annex_notes),
        deleted_rows={n: russian_change(c) for n, c in plan.deleted_rows.items()},
        repealed=None if plan.repealed is None else russian_change(plan.repealed),
        texts_history={k: _changes(v) for k, v in plan.texts_history.items()},
    )
