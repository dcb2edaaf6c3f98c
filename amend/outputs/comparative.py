"""The standard comparative table (салыстырмалы кесте), laid out once for Markdown, HTML and DOCX.

The form Kazakh drafters send with a draft: five columns, № р/с, Құрылымдық элемент, Қолданыстағы
редакция, Ұсынылып отырған редакция, Негіздеме. Changes are marked inside the two wording columns,
not in a column of their own and not by colour: the words an act deletes are bold and struck through
in the current wording, the words it adds are bold in the proposed wording. An element the act
creates reads "Жоқ." on the left, one it removes "Алып тасталсын." on the right. One line per element
per act, with the act's final wording (``amend.queries.compare`` already gives one entry per element).
The rationale comes from the operation's or the act's ``reason:``; without one it is unknown, shown
as such, never made up.

The heading is the act's own title (392's reads "... қаулысына өзгерістер мен толықтырулар енгізу
туралы"), then "САЛЫСТЫРМАЛЫ КЕСТЕ"; dates are in the long Kazakh form ("2025 жылғы 30 мамыр").

In Russian (``russian_comparison``, then ``standard_table(..., lang="ru")``): Russian headings and the
Russian wording of each part where a source gives it (the ``*_ru`` texts, ``in_russian``), UNKNOWN
otherwise, never a translation. Only a row's cells have Russian texts in the model; every other part
(titles, abbreviations), the instructions and the rationale are UNKNOWN in Russian.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from amend.engine.acts import Act
from amend.engine.base import evolve
from amend.engine.language import in_russian
from amend.engine.model import Column, Plan
from amend.engine.provenance import ChangeKind
from amend.engine.unknown import UNKNOWN, UNKNOWN_MARK, Text
from amend.language import interface as words
from amend.language.cases import KIND_HEAD_RU
from amend.outputs.dates import act_name, long_date, long_date_of
from amend.outputs.labels import column_heading
from amend.queries.compare import Comparison, Entry, PartChange
from amend.queries.redline import Mark, redline

__all__ = [
    "ABSENT",
    "HEADS",
    "HEADS_RU",
    "REMOVED",
    "REPEALED",
    "TITLE",
    "UNKNOWN_CURRENT",
    "UNKNOWN_REASON",
    "Piece",
    "Run",
    "StandardRow",
    "StandardTable",
    "act_line",
    "russian_comparison",
    "standard_table",
]

HEADS = words.COMPARISON_HEADS
TITLE = words.COMPARISON_TITLE
ABSENT, REMOVED, REPEALED = (
    words.COMPARISON_FORM_KK["absent"],
    words.COMPARISON_FORM_KK["removed"],
    words.COMPARISON_FORM_KK["repealed"],
)
UNKNOWN_CURRENT = words.COMPARISON_FORM_KK["unknown_current"].format(mark=UNKNOWN_MARK)
UNKNOWN_REASON = words.COMPARISON_FORM_KK["unknown_reason"].format(mark=UNKNOWN_MARK)
HEADS_RU = words.COMPARISON_HEADS_RU
TITLE_RU = words.COMPARISON_TITLE_RU
_WORDS_RU = {key: text.format(mark=UNKNOWN_MARK) for key, text in words.COMPARISON_FORM_RU.items()}
_WORDS_KK = {key: text.format(mark=UNKNOWN_MARK) for key, text in words.COMPARISON_FORM_KK.items()}


@dataclass(frozen=True)
class Run:
    """A stretch of text with one mark: plain, deleted (bold, struck), added (bold), unknown, or a remark."""

    text: str
    mark: Literal["plain", "deleted", "added", "unknown", "remark"] = "plain"


@dataclass(frozen=True)
class Piece:
    """One paragraph of a cell: an optional label (the column, the code) and its runs."""

    label: str | None
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class StandardRow:
    """One line of the table."""

    number: int
    element: str
    entry: Entry
    current: tuple[Piece, ...]
    proposed: tuple[Piece, ...]
    reason: tuple[Piece, ...]


@dataclass(frozen=True)
class StandardTable:
    """The whole document: heading lines, the facts under them, and the rows."""

    title: tuple[Run, ...]
    act: str  # "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысы", or "... (жоба)"
    facts: tuple[str, ...]
    heads: tuple[str, ...]
    rows: tuple[StandardRow, ...]
    draft: bool


def _runs(value: Text | str) -> tuple[Run, ...]:
    """A text as runs, UNKNOWN and the unknown mark inside prose marked as unknown."""
    if value is UNKNOWN:
        return (Run(UNKNOWN_MARK, "unknown"),)
    out: list[Run] = []
    for k, piece in enumerate(str(value).split(UNKNOWN_MARK)):
        if k:
            out.append(Run(UNKNOWN_MARK, "unknown"))
        if piece:
            out.append(Run(piece))
    return tuple(out)


def act_line(act: Act, *, draft: bool) -> str:
    """The act as its own text names it; a draft has no number or date of its own yet, so it says so."""
    line = act_name(act)
    return line + words.DRAFT_MARK["kk"] if draft else line


def _label(part: PartChange, form: dict[str, str] | None = None) -> str | None:
    if part.title is not None and form is _WORDS_RU and part.title is UNKNOWN:
        # Our descriptive labels are Kazakh: in Russian the column id, its name marked unknown.
        return words.TITLE_UNKNOWN_RU.format(id=part.key, mark=UNKNOWN_MARK)
    if part.title is not None:  # a cell: the column's title, or our description marked as ours
        return column_heading(Column(id=part.key or "x", title=part.title))
    return part.key  # an abbreviation's code; a whole title has no label


def _side_runs(part: PartChange, side: Literal["old", "new"], absent: str = ABSENT) -> tuple[Run, ...]:
    value = part.old if side == "old" else part.new
    if value is None:
        return (Run(absent),)
    if part.redline is None:  # one side unknown: no marks can be drawn
        return _runs(value)
    keep = Mark.DELETED if side == "old" else Mark.INSERTED
    runs: list[Run] = []
    for s in part.redline:
        if s.mark is Mark.SAME:
            runs.append(Run(s.text))
        elif s.mark is keep:
            runs.append(Run(s.text, "deleted" if side == "old" else "added"))
    return tuple(runs)


def _current(entry: Entry, form: dict[str, str] = _WORDS_KK) -> tuple[Piece, ...]:
    if entry.old_absent:
        return (Piece(None, (Run(form["absent"]),)),)
    if entry.old_unknown:
        return (Piece(None, _runs(form["unknown_current"])),)
    return tuple(Piece(_label(p, form), _side_runs(p, "old", form["absent"])) for p in entry.parts)


def _proposed(entry: Entry, form: dict[str, str] = _WORDS_KK) -> tuple[Piece, ...]:
    if entry.new_absent:
        return (Piece(None, (Run(form["repealed" if entry.kind is ChangeKind.REPEALED else "removed"]),)),)
    pieces = [Piece(_label(p, form), _side_runs(p, "new", form["absent"])) for p in entry.parts]
    if entry.old_unknown and entry.remark:
        # Words replaced in a text no source gives: the new wording is unknown too; the act's
        # instruction is all the table can show.
        pieces = [Piece(None, (Run(entry.remark, "remark"),))]
    elif entry.remark:
        pieces.append(Piece(None, (Run(entry.remark, "remark"),)))
    return tuple(pieces)


def _reason(entry: Entry, form: dict[str, str] = _WORDS_KK) -> tuple[Piece, ...]:
    return (Piece(None, _runs(form["unknown_reason"] if entry.reason is UNKNOWN else entry.reason)),)


def _russian_part(part: PartChange, old: dict[str, Text] | None, new: dict[str, Text] | None) -> PartChange:
    # A row's cell in Russian where a source gives it; any other part has no Russian text in the model.
    def side(value: Text | None, cells: dict[str, Text] | None) -> Text | None:
        if value is None:
            return None  # absent on that side in either language
        return cells.get(part.key, UNKNOWN) if cells is not None and part.key is not None else UNKNOWN

    o, n = side(part.old, old), side(part.new, new)
    marks = None if o is UNKNOWN or n is UNKNOWN else redline(str(o or ""), str(n or ""))
    return PartChange(key=part.key, title=part.title, old=o, new=n, redline=marks)


def russian_comparison(comparison: Comparison, before: Plan, after: Plan) -> Comparison:
    """The same comparison with every text in Russian: the Russian wording of ``before`` and ``after``
    (the versions around the act) where a source gives it, UNKNOWN otherwise; never a translation."""
    ru_before, ru_after = in_russian(before), in_russian(after)
    titles = {c.id: c.title for c in ru_after.columns} | {c.id: c.title for c in ru_before.columns}
    entries = []
    for e in comparison.entries:
        old_row = ru_before.row(e.row) if e.row is not None else None
        new_row = ru_after.row(e.row) if e.row is not None else None
        parts = tuple(
            evolve(
                _russian_part(p, old_row.cells if old_row else None, new_row.cells if new_row else None),
                title=titles.get(p.key or "", UNKNOWN) if p.title is not None else None,
            )
            for p in e.parts
        )
        entries.append(
            evolve(
                e,
                # "Строка N", as the engine's Russian notes name a row; other elements have no Russian name here.
                element=words.ROW_RU.format(number=e.row) if e.row is not None else UNKNOWN_MARK,
                parts=parts,
                remark=None if e.remark is None else UNKNOWN_MARK,
                reason=UNKNOWN,
            )
        )
    act = evolve(comparison.act, title=comparison.act.title_ru)
    return evolve(comparison, act=act, plan_title=ru_after.title, entries=tuple(entries))


def _russian_act_line(act: Act, *, draft: bool) -> str:
    line = words.ACT_HEAD_RU.format(
        kind=KIND_HEAD_RU.get(act.kind, UNKNOWN_MARK), number=act.number, day=f"{act.date:%d.%m.%Y}"
    )
    return line + words.DRAFT_MARK["ru"] if draft else line


def standard_table(comparison: Comparison, *, lang: str = "kk") -> StandardTable:
    """The comparative table of one act in the standard form; ``lang="ru"``: the Russian headings and
    words of the form (the comparison's texts are given in Russian by ``russian_comparison``)."""
    act = comparison.act
    draft = comparison.status == "draft"
    if lang == "ru":
        form = _WORDS_RU
        heads = HEADS_RU
        line = _russian_act_line(act, draft=draft)
        before, in_force = f"{comparison.before:%d.%m.%Y}", f"{comparison.in_force:%d.%m.%Y}"
        facts: tuple[str, ...] = tuple(
            f.format(plan=comparison.plan, before=before, in_force=in_force) for f in words.COMPARISON_FACTS_RU
        )
    else:
        form, heads, line = _WORDS_KK, HEADS, act_line(act, draft=draft)
        facts = _facts_kk(comparison)
    rows = tuple(
        StandardRow(
            number=e.number,
            element=e.element,
            entry=e,
            current=_current(e, form),
            proposed=_proposed(e, form),
            reason=_reason(e, form),
        )
        for e in comparison.entries
    )
    return StandardTable(title=_runs(act.title), act=line, facts=facts, heads=heads, rows=rows, draft=draft)


def _facts_kk(comparison: Comparison) -> tuple[str, ...]:
    before, in_force = long_date_of(comparison.before), long_date(comparison.in_force)
    return tuple(f.format(plan=comparison.plan, before=before, in_force=in_force) for f in words.COMPARISON_FACTS_KK)
