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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from amend.engine.acts import Act
from amend.engine.model import Column
from amend.engine.provenance import ChangeKind
from amend.engine.unknown import UNKNOWN, UNKNOWN_MARK, Text
from amend.outputs.dates import long_date, long_date_of
from amend.outputs.labels import column_heading
from amend.queries.compare import Comparison, Entry, PartChange
from amend.queries.redline import Mark

__all__ = [
    "ABSENT",
    "HEADS",
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
    "standard_table",
]

HEADS: tuple[str, ...] = (
    "№ р/с",
    "Құрылымдық элемент",
    "Қолданыстағы редакция",
    "Ұсынылып отырған редакция",
    "Негіздеме",
)
TITLE = "САЛЫСТЫРМАЛЫ КЕСТЕ"
ABSENT = "Жоқ."
REMOVED = "Алып тасталсын."
REPEALED = "Күші жойылды деп танылсын."
UNKNOWN_CURRENT = f"{UNKNOWN_MARK}: қолданыстағы редакцияның мәтіні дереккөздерде берілмеген"
UNKNOWN_REASON = f"{UNKNOWN_MARK}: негіздеме берілмеген"

# How the heading names an act: its issuer in the genitive, as the acts themselves write it
# ("Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысы").
_ISSUER_OF: dict[str, str] = {
    "Қазақстан Республикасының Үкіметі": "Қазақстан Республикасы Үкіметінің",
    "Қазақстан Республикасының Президенті": "Қазақстан Республикасы Президентінің",
}
_KIND_OF: dict[str, str] = {"қаулы": "қаулысы", "бұйрық": "бұйрығы", "жарлық": "Жарлығы", "заң": "Заңы"}


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
    issuer = _ISSUER_OF.get(act.issuer, act.issuer)
    line = f"{issuer} {long_date_of(act.date)} № {act.number} {_KIND_OF[act.kind]}"
    return f"{line} (жоба)" if draft else line


def _label(part: PartChange) -> str | None:
    if part.title is not None:  # a cell: the column's title, or our description marked as ours
        return column_heading(Column(id=part.key or "x", title=part.title))
    return part.key  # an abbreviation's code; a whole title has no label


def _side_runs(part: PartChange, side: Literal["old", "new"]) -> tuple[Run, ...]:
    value = part.old if side == "old" else part.new
    if value is None:
        return (Run(ABSENT),)
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


def _current(entry: Entry) -> tuple[Piece, ...]:
    if entry.old_absent:
        return (Piece(None, (Run(ABSENT),)),)
    if entry.old_unknown:
        return (Piece(None, _runs(UNKNOWN_CURRENT)),)
    return tuple(Piece(_label(p), _side_runs(p, "old")) for p in entry.parts)


def _proposed(entry: Entry) -> tuple[Piece, ...]:
    if entry.new_absent:
        return (Piece(None, (Run(REPEALED if entry.kind is ChangeKind.REPEALED else REMOVED),)),)
    pieces = [Piece(_label(p), _side_runs(p, "new")) for p in entry.parts]
    if entry.old_unknown and entry.remark:
        # Words replaced in a text no source gives: the new wording is unknown too; the act's
        # instruction is all the table can show.
        pieces = [Piece(None, (Run(entry.remark, "remark"),))]
    elif entry.remark:
        pieces.append(Piece(None, (Run(entry.remark, "remark"),)))
    return tuple(pieces)


def _reason(entry: Entry) -> tuple[Piece, ...]:
    return (Piece(None, _runs(UNKNOWN_REASON if entry.reason is UNKNOWN else entry.reason)),)


def standard_table(comparison: Comparison) -> StandardTable:
    """The comparative table of one act in the standard form."""
    act = comparison.act
    draft = comparison.status == "draft"
    facts = (
        f"Жоспар: № {comparison.plan}",
        f"Қолданыстағы редакция: {long_date_of(comparison.before)} редакция",
        f"Қолданысқа енгізілетін күні: {long_date(comparison.in_force)}",
    )
    rows = tuple(
        StandardRow(
            number=e.number,
            element=e.element,
            entry=e,
            current=_current(e),
            proposed=_proposed(e),
            reason=_reason(e),
        )
        for e in comparison.entries
    )
    return StandardTable(
        title=_runs(act.title),
        act=act_line(act, draft=draft),
        facts=facts,
        heads=HEADS,
        rows=rows,
        draft=draft,
    )
