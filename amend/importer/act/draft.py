"""From the text of an amending act to a draft amendment: the engine's Operation models, review notes beside them."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

from pydantic import BaseModel, ValidationError

from amend.engine import operations
from amend.engine.acts import Act, ActPoint, AfterPublication, EntryIntoForce, OnSigning, Signatory, in_force_date
from amend.engine.amendment import ActStatus, Amendment, FiledAmendment
from amend.engine.base import Frozen
from amend.engine.chains import correct_operation
from amend.engine.editor_texts import element_texts
from amend.engine.elements import parse_element
from amend.engine.model import Plan
from amend.engine.numbers import RowNumber
from amend.engine.operations import Operation
from amend.engine.timeline import act_bounds, consolidate
from amend.engine.unknown import UNKNOWN, Text
from amend.errors import AmendError
from amend.importer.act.cells import CellConventions, repair_cells
from amend.importer.act.context import KAZAKH, ContextWalker, Language, Review
from amend.importer.act.document import Document, Paragraph, split_document
from amend.importer.act.grammar import Clause
from amend.importer.act.instructions import (
    AbbreviationDeleted,
    AbbreviationReworded,
    AbbreviationsAdded,
    ActChange,
    ActTextReworded,
    CellsReworded,
    ColumnAdded,
    ColumnDeleted,
    ColumnRenamed,
    EntryIntoForceClause,
    Framing,
    Instruction,
    PointAdded,
    PointDeleted,
    Repeal,
    RowMoved,
    RowsAdded,
    RowsDeleted,
    RowsReworded,
    SectionAdded,
    SectionDeleted,
    SignatoryReworded,
    Signature,
    SubsectionDeleted,
    TitleReworded,
    Unrecognized,
    WordsReplaced,
    note_line,
    read_instructions,
)
from amend.importer.act.paragraphs import point_paragraphs
from amend.importer.act.scope import SCOPED, bind_title
from amend.importer.metadata import EntryReading, Heading, ImportTextError, read_heading
from amend.importer.rows import column_kinds, read_cells, read_rows
from amend.importer.text import LOOKALIKE, Lexicon, join_lines, read_lines
from amend.language.lexicon import ABBREVIATION_NAMED
from amend.language.phrases import phrases
from amend.store.validation import describe
from amend.store.yaml_io import read_yaml

__all__ = ["Draft", "DraftOp", "Review", "amended_plan", "import_text", "plan_lexicon"]


@dataclass
class DraftOp:
    """One engine operation (None: only a comment, for a paragraph no formula matched), its sentence and notes."""

    operation: Operation | None
    source: list[str]
    notes: list[Review] = field(default_factory=list)
    point: tuple[int | None, int | None] = (None, None)  # the point and subpoint it stands in (staggered entry)
    line: int | None = None  # the first line of the sentence it was read from (its paragraph, for "абзацы")


@dataclass
class Draft:
    """A draft amendment read from an act's text."""

    source: str
    act: Act
    amends: str
    entry: EntryReading
    operations: list[DraftOp]
    notes: list[Review] = field(default_factory=list)  # notes on the act as a whole
    signatory: tuple[str, str] | None = None  # (position, name): the act's signatory, as data

    @property
    def reviews(self) -> list[Review]:
        """Every review note, in the order of the draft."""
        out = list(self.notes)
        for op in self.operations:
            out.extend(op.notes)
        return out

    @property
    def entry_into_force(self) -> EntryIntoForce | None:
        """The entry-into-force rule as a model; None while the text leaves part of it unknown."""
        return self.entry.model()

    def amendment(self, status: ActStatus = ActStatus.DRAFT) -> Amendment | None:
        """The draft as the engine's ``Amendment`` (None while its entry into force is not fully known)."""
        entry = self.entry_into_force
        if entry is None:
            return None
        ops = tuple(op.operation for op in self.operations if op.operation is not None)
        return Amendment(act=self.act, amends=self.amends, status=status, entry_into_force=entry, operations=ops)

    def effect_order(self) -> list[int]:
        """The indices of the operations in the order the engine applies them: by the day each takes effect (its
        own ``in_force``, else the act's), then in the act's order (the order rule, engine/timeline.py). Where
        the act's day is unknown (published on a day no source gives) they stay in the act's order."""
        entry = self.entry_into_force or OnSigning(rule="on_signing")
        if isinstance(entry, AfterPublication) and not isinstance(entry.published, dt.date):
            return list(range(len(self.operations)))
        day = in_force_date(self.act, entry)
        ops = [op.operation for op in self.operations]
        return sorted(range(len(ops)), key=lambda k: ((op.in_force if (op := ops[k]) is not None else None) or day, k))

    def partial(self, k: int | None = None) -> Amendment:
        """The operations that take effect before the ``k``-th (``effect_order``; every one where None), in the
        act's order, as a draft Amendment, an entry into force the text leaves unknown taken as on signing: the
        version operation ``k`` counts its words in is made from it."""
        entry = self.entry_into_force or OnSigning(rule="on_signing")
        order = self.effect_order()
        before = set(order[: order.index(k)]) if k is not None else set(order)
        ops = tuple(op.operation for j, op in enumerate(self.operations) if j in before and op.operation is not None)
        return Amendment(
            act=self.act, amends=self.amends, status=ActStatus.DRAFT, entry_into_force=entry, operations=ops
        )


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def plan_lexicon(base_dir: Path) -> Lexicon:
    """The word forms of every base plan in ``base_dir``: vocabulary for telling split words from two words.

    Amendments are left out on purpose: an act being imported again must not be read with its own
    transcription's help.
    """
    texts: list[str] = []
    for path in sorted(base_dir.glob("*.yaml")):
        texts.extend(_strings(read_yaml(path)))
    return Lexicon.from_texts(texts)


def amended_plan(text: str) -> str | None:
    """The number of the act an amending text amends, from its heading (None if it names none)."""
    document = split_document(text)
    enacting = next((b.text for b in document.body if isinstance(b, Paragraph)), None)
    return read_heading(document.heading, enacting).amends


_text = KAZAKH.text  # a quoted text as data: the unknown mark of a drafted text is unknown


_P = ParamSpec("_P")
_V = TypeVar("_V", bound=BaseModel)


@dataclass(frozen=True)
class _Invalid:
    """An operation that could not be made: its name and why, in the words of `amend check`."""

    op: str
    said: str

    def review(self, line: int | None) -> Review:
        return Review(line, self.op, f"no operation could be made ({self.said})")


def _invalid(err: ValidationError, data: dict[str, Any]) -> _Invalid:
    # The operation alone, in the words `amend check` would use for it (store/validation).
    problems = describe(err.errors(include_url=False), _as_read(data), tuple)
    return _Invalid(str(data.get("op")), "; ".join(p.message for p in problems))


def _build(cls: Callable[_P, Operation], /, *args: _P.args, **kwargs: _P.kwargs) -> Operation | _Invalid:
    """The operation ``cls(**kwargs)``; values read from the text may fail its checks (then the reason)."""
    try:
        return cls(*args, **kwargs)
    except ValidationError as err:
        return _invalid(err, dict(kwargs))


def _row(text: str) -> RowNumber:
    """The row number ``text`` gives; one the engine refuses goes on as it is, for _build to name its fault."""
    try:
        return RowNumber(text)
    except ValueError:
        return cast(RowNumber, text)  # pydantic refuses it inside _build, in the words of `amend check`


def _revised(op: Operation, **update: Any) -> Operation | _Invalid:
    """``op`` with ``update`` (values read from the text, rows or points from _item), checked as ``op`` is."""
    return _build(type(op), **{**dict(op), **update})


def _item(cls: Callable[_P, _V], /, *args: _P.args, **kwargs: _P.kwargs) -> _V:
    """A row or point of an operation; one the engine refuses goes on as its values, for _build to name its fault
    in its place ("row 6, cell `f`")."""
    try:
        return cls(*args, **kwargs)
    except ValidationError:
        return cast(_V, dict(kwargs))  # pydantic refuses it again inside _build, in the words of `amend check`


def _as_read(value: Any) -> Any:
    """``value`` as the text gave it, row numbers as strings: what `amend check` names a fault's place by."""
    value = _plain(value)
    if isinstance(value, RowNumber):
        return str(value)
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    """Plain data of a model's dump (nested models too): the operation as `amend check` would read it."""
    if isinstance(value, Frozen):
        return _plain(value.model_dump(mode="python", exclude_defaults=True))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _LanguageBuilder(ContextWalker):
    """The context walker with the operations a sentence gives alike in either language: the texts it quotes go
    to the fields of the text's language (``title`` or ``title_ru``, the other left unknown). The Kazakh builder
    and the Russian reading make these operations here; what each reads in its own way stays with it."""

    def __init__(self, plan: Plan, language: Language) -> None:
        super().__init__(plan, language)
        # The table's columns as the act's earlier operations leave them (the text numbers them from 2).
        self.columns = [c.id for c in plan.columns]
        self.kinds = column_kinds(plan)

    def column_id(self, number: int) -> str | None:
        """The plan's column that the text's column ``number`` is, if the table has it."""
        # Kazakh plans number their columns from the row number ("1") on, so column k of the
        # table is the plan's column k - 1.
        index = number - 2
        return self.columns[index] if 0 <= index < len(self.columns) else None

    def _subpoint(self, number: str, text: str) -> ActPoint:
        kazakh, russian = self.language.texts(text)
        return _item(ActPoint, number=number, text=kazakh, text_ru=russian)

    def title_section(self, i: TitleReworded) -> str:
        """The section whose title (or whose subsection's title) ``i`` gives."""
        return i.section if i.subsection is None else self.section_of_subsection(i.subsection)

    def set_title(self, i: TitleReworded) -> Operation | _Invalid:
        title, title_ru = self.language.texts(i.title)
        return _build(
            operations.SetTitle,
            op="set_title",
            section=self.title_section(i),
            subsection=i.subsection,
            title=title,
            title_ru=title_ru,
        )

    def add_heading(self, i: SectionAdded) -> Operation | _Invalid:
        """A new section, or a new subsection of one."""
        title, title_ru = self.language.texts(i.title)
        if i.subsection is None:
            return _build(
                operations.AddSection, op="add_section", number=i.section, title=title, title_ru=title_ru, after=i.after
            )
        return _build(
            operations.AddSubsection,
            op="add_subsection",
            section=i.section,
            number=i.subsection,
            title=title,
            title_ru=title_ru,
            after=i.after,
        )

    def replace_text(self, i: ActTextReworded) -> Operation | _Invalid:
        text, text_ru = self.language.texts(i.text)
        return _build(
            operations.ReplaceText,
            op="replace_text",
            element=i.element,
            text=text,
            text_ru=text_ru,
            subpoints=tuple(self._subpoint(n, t) for n, t in i.subpoints),
        )

    def insert_text(self, i: PointAdded) -> Operation | _Invalid:
        text, text_ru = self.language.texts(i.text)
        return _build(
            operations.InsertText, op="insert_text", element=i.element, text=text, text_ru=text_ru, after=i.after
        )

    def delete_text(self, i: PointDeleted) -> Operation | _Invalid:
        return _build(operations.DeleteText, op="delete_text", element=i.element)

    def replace_row(self, number: str, cells: dict[str, Text]) -> Operation | _Invalid:
        """Row ``number`` in new wording, in the section the context names (else wherever the row is)."""
        kazakh, russian = self.language.cells(self.columns, cells)
        return _build(
            operations.ReplaceRow,
            op="replace_row",
            row=_row(number),
            section=self.section or None,
            cells=kazakh,
            cells_ru=russian,
        )

    def new_row(self, number: str, cells: dict[str, Text]) -> operations.NewRow:
        kazakh, russian = self.language.cells(self.columns, cells)
        return _item(operations.NewRow, number=_row(number), cells=kazakh, cells_ru=russian)

    def insert_rows(
        self, section: str, subsection: str | None, cells: Iterable[tuple[str, dict[str, Text]]]
    ) -> Operation | _Invalid:
        """The rows ``cells`` gives (number and cells, in order) added to ``section`` (its ``subsection``)."""
        rows = tuple(self.new_row(n, c) for n, c in cells)
        return _build(
            operations.InsertRows, op="insert_rows", section=section, subsection=subsection or None, rows=rows
        )

    def replace_cells(self, row: str, columns: list[str], cells: dict[str, Text]) -> Operation | _Invalid:
        """Cells of ``columns`` of ``row`` in new wording, in the section the context names."""
        kazakh, russian = self.language.cells(columns, cells)
        return _build(
            operations.ReplaceCells,
            op="replace_cells",
            row=_row(row),
            section=self.section or None,
            cells=kazakh,
            cells_ru=russian,
        )

    def bound_title(self, i: Instruction, element: str) -> tuple[str | None, list[Review]]:
        """The element a title named alone ("тақырыбы", "атауы", "заголовок") binds to: the scope it stands in
        (scope.py), with a review where the text allows another reading; None where it binds to none."""
        reading = bind_title(
            element, self.scope, self.section, self.subsection, immediate=bool(self.pending), line=self.scope_line
        )
        return reading.target, [Review(i.paragraph.first_line, "target", reading.review)] if reading.review else []

    def retitle(self, target: str, value: str) -> Operation | _Invalid:
        """The title of ``target`` (an element ``bound_title`` gives) in new wording: a section's or subsection's
        title (set_title), else the element's text (replace_text)."""
        text, text_ru = self.language.texts(value)
        if target.startswith(("section ", "subsection ")):
            kind, _, number = target.partition(" ")
            section = number if kind == "section" else self.section_of_subsection(number)
            subsection = number if kind == "subsection" else None
            return _build(
                operations.SetTitle,
                op="set_title",
                section=section,
                subsection=subsection,
                title=text,
                title_ru=text_ru,
            )
        return _build(operations.ReplaceText, op="replace_text", element=target, text=text, text_ru=text_ru)

    def replace_abbreviation(self, code: str, i: AbbreviationReworded) -> Operation | _Invalid:
        """The note's line ``code`` (its key) in the new wording ``i`` gives; where the language writes the note's
        codes in a field of their own (``code_ru``), the code the text gives goes there."""
        expansion, expansion_ru = self.language.texts(i.expansion)
        return _build(
            operations.ReplaceAbbreviation,
            op="replace_abbreviation",
            code=code,
            expansion=expansion,
            expansion_ru=expansion_ru,
            code_ru=i.code if self.language.code is not None else None,
        )

    def delete_abbreviation(self, code: str) -> Operation | _Invalid:
        """The note's line ``code`` (its key) struck out."""
        return _build(operations.DeleteAbbreviation, op="delete_abbreviation", code=code)

    def delete_rows(self, i: RowsDeleted) -> list[tuple[str, Operation | _Invalid]]:
        """Each row struck out, in the section the context names (else wherever the row is)."""
        return [
            (n, _build(operations.DeleteRow, op="delete_row", row=_row(n), section=self.section or None))
            for n in i.rows
        ]

    def delete_section(self, i: SectionDeleted) -> Operation | _Invalid:
        return _build(operations.DeleteSection, op="delete_section", number=i.section)


class _Builder(_LanguageBuilder):
    """Walks the instructions of the Kazakh text in order (the context as ``ContextWalker`` keeps it), making
    the operations they give."""

    def __init__(
        self, plan: Plan, lexicon: Lexicon, codes: set[str], acts: dict[str, FiledAmendment] | None = None
    ) -> None:
        super().__init__(plan, KAZAKH)
        # The plan's other acts by number: an act that corrects one counts the words in it.
        self.acts = acts or {}
        # A section or subsection just added: the sentences right after it that give its subsections and
        # rows (no context sentence between) are its content (add_section's subsections and rows).
        self.open: DraftOp | None = None
        # The note as it stands while the act is read (for words replaced in it).
        self.note: dict[str, Text] = {c: a.expansion for c, a in plan.abbreviations.items()}
        self.lexicon = lexicon
        self.codes = codes
        # What the plan writes in each kind of column: to mend blanks the extraction put inside short cells.
        self.conventions = CellConventions.of(plan, self.kinds, codes)
        self.line: int | None = None  # the sentence being read
        self.ops: list[DraftOp] = []

    def _rows(self, i: RowsReworded | RowsAdded, notes: list[Review]) -> dict[str, dict[str, Text]]:
        """The cells of the rows ``i`` quotes; their notes go to ``notes`` as "row N, column"."""
        table, numbers = i.table, i.rows
        if table is None:
            notes.append(
                Review(i.paragraph.first_line, "rows", "the instruction quotes no table; every cell is left unknown")
            )
            return {n: {k.id: UNKNOWN for k in self.kinds} for n in numbers}
        out = {}
        executors = [k.id for k in self.kinds if k.kind == "executors"]
        for reading in read_rows(table.lines, numbers, self.kinds, self.codes, self.lexicon):
            out[reading.number] = {
                c: (self._cyrillic_codes(t) if c in executors else t) for c, t in reading.cells.items()
            }
            out[reading.number], mended = repair_cells(out[reading.number], self.kinds, self.conventions)
            notes.extend(Review(table.first_line, f"row {reading.number}, {c}", m) for c, m in mended)
            for column, line, message in reading.notes:
                notes.append(Review(line, f"row {reading.number}" + (f", {column}" if column else ""), message))
            for column in executors:
                value = reading.cells.get(column)
                if isinstance(value, str):
                    for code in re.split(r"\s*,\s*", value):
                        code = re.sub(r"\s*\(.*\)$", "", code)
                        if code and code not in self.codes:
                            notes.append(
                                Review(
                                    table.first_line,
                                    f"row {reading.number}, {column}",
                                    f"'{code}' is neither in the plan's note nor added by this act",
                                )
                            )
        return out

    def _cyrillic_codes(self, value: Text) -> Text:
        """Codes printed wholly in Latin look-alike letters ("OM") read as the note's Cyrillic codes ("ОМ")."""
        if not isinstance(value, str):
            return value

        def code(m: re.Match[str]) -> str:
            cyrillic = m.group(0).translate(LOOKALIKE)
            return cyrillic if cyrillic in self.codes and m.group(0) not in self.codes else m.group(0)

        return re.sub(r"(?<![^\W\d_])[A-Z]{2,}(?![^\W\d_])", code, value)

    def add(self, i: Instruction) -> None:
        self.line = i.paragraph.first_line
        if self.open is not None and not self.pending and self._fold(i):
            return
        self.open = None
        if self.follow(i):
            return
        match i:
            case RowsReworded():
                self._replace_rows(i)
            case RowsAdded():
                self._insert_rows(i)
            case CellsReworded():
                self._replace_cells(i)
            case RowsDeleted():
                for number, made in self.delete_rows(i):
                    source = i.paragraph.text if len(i.rows) == 1 else f"{i.paragraph.text} (row {number})"
                    self._emit(made, [source], i.paragraph.first_line)
            case ActTextReworded() if i.element in SCOPED:
                target, bound = self.bound_title(i, i.element)
                retitled = None if target is None else self.retitle(target, i.text)
                self._emit(retitled, [i.paragraph.text], i.paragraph.first_line, bound)
            case WordsReplaced() if i.element in SCOPED:
                self._scoped_words(i, i.element)
            case WordsReplaced() if i.element or i.column_title is not None or i.line or i.number_of:
                self._words_in(i)
            case WordsReplaced() if i.row is not None and _renumbers(i):
                # "реттік нөмірі 23-1-жолдағы "23-1" деген сандар "24" деген сандармен": the row's own number.
                old, new = i.pairs[0]
                renumbered: list[Review] = []
                row = next((r for r in self.plan.rows if str(r.number) == i.row), None)
                if row is not None and any(isinstance(t, str) and old in t for t in row.cells.values()):
                    renumbered.append(
                        Review(
                            i.paragraph.first_line,
                            f"row {i.row}",
                            f'"{old}" is also in the row\'s cells: read as the row renumbered {new}',
                        )
                    )
                made = _build(operations.Renumber, op="renumber", element=f"row {i.row}", to=new)
                self._emit(made, [i.paragraph.text], i.paragraph.first_line, renumbered)
            case WordsReplaced() if self.in_note and note_words(i):
                self._note_words(i)
            case WordsReplaced():
                self._replace_words(i)
            case AbbreviationsAdded():
                self.note.update({c: _text(e) for c, e in i.entries})
                placed = (
                    [
                        Review(
                            i.paragraph.first_line, "note", f'the lines go after "{i.after}"; they are added at the end'
                        )
                    ]
                    if i.after
                    else []
                )
                self._emit(
                    _build(
                        operations.AddAbbreviations, op="add_abbreviations", entries={c: _text(e) for c, e in i.entries}
                    ),
                    [i.paragraph.text],
                    None,
                    placed,
                )
            case AbbreviationDeleted():
                self.note.pop(i.code, None)
                self._emit(self.delete_abbreviation(i.code), [i.paragraph.text], None)
            case AbbreviationReworded() if i.renamed is not None:
                self._rename(i.renamed, i.code, _text(i.expansion), i.paragraph.text, i.paragraph.first_line)
            case AbbreviationReworded():
                self.note[i.code] = _text(i.expansion)
                self._emit(self.replace_abbreviation(i.code, i), [i.paragraph.text], None)
            case TitleReworded():
                self._emit(self.set_title(i), [i.paragraph.text], i.paragraph.first_line)
            case SectionAdded():
                self._emit(self.add_heading(i), [i.paragraph.text], i.paragraph.first_line)
                self.open = self.ops[-1] if self.ops[-1].operation is not None else None
            case ActTextReworded():
                self._emit(self.replace_text(i), [i.paragraph.text], i.paragraph.first_line)
            case PointAdded():
                self._emit(self.insert_text(i), [i.paragraph.text], i.paragraph.first_line)
            case PointDeleted():
                self._emit(self.delete_text(i), [i.paragraph.text], i.paragraph.first_line)
            case SectionDeleted():
                notes: list[Review] = []
                self.check_section(i, i.section, i.title, notes)
                self._emit(self.delete_section(i), [i.paragraph.text], i.paragraph.first_line, notes)
            case Repeal() if i.number is not None and i.number != self.plan.plan:
                # Another act: an amending act of the plan is repealed (check tells whether it is one).
                self.enter_point(i.point)
                made = _build(operations.RepealAct, op="repeal_act", act=i.number)
                self._emit(made, [i.paragraph.text], i.paragraph.first_line)
            case Repeal():
                self.enter_point(i.point)
                made = _build(operations.RepealPlan, op="repeal_plan")
                self._emit(made, [i.paragraph.text], i.paragraph.first_line)
            case SignatoryReworded():
                made = _build(
                    operations.ReplaceSignatory,
                    op="replace_signatory",
                    position=_text(i.position),
                    name=_text(i.name),
                )
                self._emit(made, [i.paragraph.text], i.paragraph.first_line)
            case ColumnAdded():
                self._add_column(i)
            case ColumnDeleted() | ColumnRenamed():
                self._column_change(i)
            case SubsectionDeleted():
                found: list[Review] = []
                section = self.section_of_subsection(i.subsection)
                self.check_subsection(i, section, i.subsection, i.title, found)
                made = _build(operations.DeleteSubsection, op="delete_subsection", section=section, number=i.subsection)
                self._emit(made, [i.paragraph.text], i.paragraph.first_line, found)
            case RowMoved():
                made = _build(
                    operations.MoveRow,
                    op="move_row",
                    row=_row(i.row),
                    section=i.section,
                    subsection=i.subsection,
                    to=None if i.to is None else _row(i.to),
                )
                self._emit(made, [i.paragraph.text], i.paragraph.first_line)
            case ActChange():
                self._act_change(i)
            case Unrecognized():
                where = "table" if i.table is not None else "paragraph"
                note = Review(
                    i.paragraph.first_line, where, f'{i.why}; no operation was made from: "{i.paragraph.text}"'
                )
                self._emit(None, [i.paragraph.text], i.paragraph.first_line, [note])
            case EntryIntoForceClause() | Signature():
                pass
            case _:
                raise AssertionError(f"unhandled instruction {type(i).__name__}")

    def _scoped_words(self, i: WordsReplaced, element: str) -> None:
        """Words in a title named by "тақырыбы" / "атауы" alone: the title the scope it stands in binds it to."""
        line = i.paragraph.first_line
        target, notes = self.bound_title(i, element)
        if target is None:
            self._emit(None, [i.paragraph.text], line, notes)
            return
        for old, new in i.pairs:
            # The occurrences are counted against the version being amended once every operation is read.
            words = _build(
                operations.ReplaceWordsIn, op="replace_words_in", element=target, old=old, new=new, occurrences=1
            )
            self._emit(words, [i.paragraph.text], line, list(notes))

    def _emit(
        self, made: Operation | _Invalid | None, source: list[str], line: int | None, notes: Sequence[Review] = ()
    ) -> None:
        operation, problems = (None, [made.review(line)]) if isinstance(made, _Invalid) else (made, [])
        pending, context_notes = self.taken()
        op = DraftOp(
            operation, pending + source, context_notes + list(notes) + problems, (self.point, self.subpoint), self.line
        )
        self.ops.append(op)

    def _fold(self, i: Instruction) -> bool:
        """Whether ``i`` gives content of the section (subsection) just added, and if so fold it into that op."""
        assert self.open is not None
        op = self.open.operation
        if not isinstance(op, operations.AddSection | operations.AddSubsection):
            return False
        new_subs = [s.number for s in op.subsections] if isinstance(op, operations.AddSection) else []
        line = i.paragraph.first_line
        made: Operation | _Invalid
        if (
            isinstance(i, SectionAdded)
            and isinstance(op, operations.AddSection)
            and i.subsection
            and i.section == op.number
        ):
            if i.subsection in new_subs or i.after is not None:
                return False
            subsection = _item(operations.NewSubsection, number=i.subsection, title=_text(i.title))
            made = _revised(op, subsections=(*op.subsections, subsection))
        elif isinstance(i, RowsAdded) and isinstance(op, operations.AddSection):
            number = i.section or (None if i.subsection is None else self.section_of_subsection(i.subsection))
            if i.subsection is not None and i.subsection in new_subs:
                number = op.number
            if number != op.number or i.after is not None or (i.subsection and i.subsection not in new_subs):
                return False
            notes: list[Review] = []
            cells = self._rows(i, notes)
            self.open.notes.extend(notes)
            placed = (
                _item(operations.PlacedRow, number=_row(n), cells=cells[n], subsection=i.subsection or None)
                for n in i.rows
            )
            made = _revised(op, rows=(*op.rows, *placed))
        elif isinstance(i, RowsAdded) and isinstance(op, operations.AddSubsection):
            if i.subsection != op.number or i.after is not None:
                return False
            notes = []
            cells = self._rows(i, notes)
            self.open.notes.extend(notes)
            made = _revised(op, rows=(*op.rows, *(self.new_row(n, cells[n]) for n in i.rows)))
        else:
            return False
        if isinstance(made, _Invalid):
            self.open.notes.append(made.review(line))
            return True
        self.open.operation = made
        self.open.source.append(i.paragraph.text)
        return True

    def _words_in(self, i: WordsReplaced) -> None:
        """Words in one text that is not a cell (replace_words_in), or a (sub)section's number (renumber)."""
        line = i.paragraph.first_line
        for old, new in i.pairs:
            notes: list[Review] = []
            if i.number_of is not None:
                key = i.number_of.partition(" ")[2]
                if old != key:
                    notes.append(Review(line, i.number_of, f'the words "{old}" are not its number {key}'))
                if i.number_of.startswith("section "):
                    self.renumbered[key] = new
                made = _build(operations.Renumber, op="renumber", element=i.number_of, to=new)
                self._emit(made, [i.paragraph.text], line, notes)
                continue
            if i.line is not None:
                entry = note_line(i.line)
                code = entry[0] if entry else i.line.strip()
                element = f"abbreviation {code}"
                text = self.note.get(code)
                if isinstance(text, str):
                    self.note[code] = text.replace(old, new)
            elif i.column_title is not None:
                column = self._column(i.column_title, line, notes)
                if column is None:
                    self._emit(None, [i.paragraph.text], line, notes)
                    continue
                element = f"column {column}"
            else:
                element = str(i.element)
            # The occurrences are counted against the version being amended once every operation is read.
            made = _build(
                operations.ReplaceWordsIn, op="replace_words_in", element=element, old=old, new=new, occurrences=1
            )
            self._emit(made, [i.paragraph.text], line, notes)

    def _column_change(self, i: ColumnDeleted | ColumnRenamed) -> None:
        """A column struck out or renamed: the text names it by its number in the table."""
        notes: list[Review] = []
        column = self._column(i.number, i.paragraph.first_line, notes)
        made: Operation | _Invalid | None = None
        if column is not None and isinstance(i, ColumnDeleted):
            self.columns.remove(column)
            made = _build(operations.DeleteColumn, op="delete_column", id=column)
        elif column is not None and isinstance(i, ColumnRenamed):
            made = _build(operations.RenameColumn, op="rename_column", id=column, title=_text(i.title))
        self._emit(made, [i.paragraph.text], i.paragraph.first_line, notes)

    def _add_column(self, i: ColumnAdded) -> None:
        """A new column: the text gives its number and title, not the identifier nor the role the data need."""
        line = i.paragraph.first_line
        notes: list[Review] = []
        after = None
        if i.after is not None:
            after = self._column(i.after, line, notes)
        k = len(self.columns) if after is None else self.columns.index(after) + 1
        if k + 2 != i.number:
            notes.append(Review(line, "column", f"column {i.number} is said to follow column {i.after}"))
        ident = f"column_{i.number}"
        while ident in self.columns:
            ident += "_new"
        notes.append(
            Review(
                line,
                f"column {i.number}",
                f"the text gives no identifier nor role for the new column: named {ident}, role text; check both",
            )
        )
        self.columns.insert(k, ident)
        made = _build(operations.AddColumn, op="add_column", id=ident, title=_text(i.title), after=after)
        self._emit(made, [i.paragraph.text], line, notes)

    def _act_change(self, i: ActChange) -> None:
        """A point on another act (moved, corrected, partly repealed) or on the plan's force (suspended, resumed)."""
        line = i.paragraph.first_line
        self.enter_point(i.point)
        notes: list[Review] = [] if i.problem is None else [Review(line, i.kind, i.problem)]
        made: Operation | _Invalid | None
        if i.kind in ("suspend", "resume"):
            if i.number is not None and i.number != self.plan.plan:
                notes.append(
                    Review(line, i.kind, f"the point names act {i.number}, the draft is for plan {self.plan.plan}")
                )
            if i.kind == "suspend":
                made = _build(operations.SuspendPlan, op="suspend_plan", until=i.date)
            else:
                made = _build(operations.ResumePlan, op="resume_plan")
            self._emit(made, [i.paragraph.text], line, notes)
            return
        if i.number is None:
            notes.append(Review(line, i.kind, "the point names no act by number; write the operation by hand"))
            self._emit(None, [i.paragraph.text], line, notes)
            return
        match i.kind:
            case "reschedule":
                made = None
                if i.date is not None:
                    made = _build(
                        operations.RescheduleAct,
                        op="reschedule_act",
                        act=i.number,
                        date=i.date,
                        operations=tuple(i.operations) if i.operations else None,
                    )
                self._emit(made, [i.paragraph.text], line, notes)
            case "repeal":
                made = _build(operations.RepealAct, op="repeal_act", act=i.number, operations=tuple(i.operations or ()))
                self._emit(made, [i.paragraph.text], line, notes)
            case "correct":
                target = self.acts.get(i.number)
                k = (i.operations or (1,))[0]
                for old, new in i.pairs:
                    count = 1
                    if target is None or not 0 < k <= len(target.amendment.operations):
                        notes.append(
                            Review(
                                line, "occurrences", f"act {i.number} or its change {k} is not at hand; 1 is assumed"
                            )
                        )
                    else:
                        _, count = correct_operation(target.amendment.operations[k - 1], old, new)
                        if count == 0:
                            notes.append(Review(line, "occurrences", f'"{old}" is not in change {k} of act {i.number}'))
                            count = 1
                    made = _build(
                        operations.CorrectAct,
                        op="correct_act",
                        act=i.number,
                        operation=k,
                        old=old,
                        new=new,
                        occurrences=count,
                    )
                    self._emit(made, [i.paragraph.text], line, list(notes))

    def _rename(self, old: str, new: str, expansion: Text, source: str, line: int | None) -> None:
        """A line of the note under a new code: no operation renames, so the old line goes and a new one comes."""
        note = Review(
            line,
            "note",
            f"{old} renamed {new}: written as the line {old} struck out and {new} added at the end of the note",
        )
        self.note.pop(old, None)
        self.note[new] = expansion
        self._emit(self.delete_abbreviation(old), [source], line, [note])
        self._emit(
            _build(operations.AddAbbreviations, op="add_abbreviations", entries={new: expansion}), [source], line
        )

    def _note_words(self, i: WordsReplaced) -> None:
        """Words replaced in the note: in the one expansion that holds them (replace_words_in), else a review."""
        line = i.paragraph.first_line
        for old, new in i.pairs:
            if old in self.note and new and new not in self.note:
                self._rename(old, new, self.note[old], i.paragraph.text, line)
                continue
            holders = [c for c, e in self.note.items() if isinstance(e, str) and old in e]
            if len(holders) != 1:
                # Which line the act means is not said: the importer does not choose.
                why = "no expansion of the note holds them" if not holders else f"{len(holders)} expansions hold them"
                message = f'words "{old}" replaced in the note: {why}; write the operation by hand'
                self._emit(None, [i.paragraph.text], line, [Review(line, "note", message)])
                continue
            code = holders[0]
            expansion = str(self.note[code])
            self.note[code] = expansion.replace(old, new)
            made = _build(
                operations.ReplaceWordsIn,
                op="replace_words_in",
                element=f"abbreviation {code}",
                old=old,
                new=new,
                occurrences=expansion.count(old),
            )
            self._emit(made, [i.paragraph.text], line)

    def _replace_rows(self, i: RowsReworded) -> None:
        notes: list[Review] = []
        cells = self._rows(i, notes)
        if self.section is None:
            notes.append(
                Review(
                    i.paragraph.first_line,
                    "section",
                    "no section is named before this instruction; the rows are replaced wherever they are",
                )
            )
        for k, number in enumerate(i.rows):
            made = self.replace_row(number, cells[number])
            source = i.paragraph.text if len(i.rows) == 1 else f"{i.paragraph.text} (row {number})"
            # One operation per row: each takes the notes on its own row's cells.
            mine = [n for n in notes if n.where == f"row {number}" or n.where.startswith(f"row {number},")]
            general = [n for n in notes if not n.where.startswith("row ")] if k == 0 else []
            self._emit(made, [source], i.paragraph.first_line, general + mine)

    def _insert_rows(self, i: RowsAdded) -> None:
        notes: list[Review] = []
        line = i.paragraph.first_line
        section = self.section
        subsection = i.subsection
        if i.section is not None or i.section_title is not None:
            section = i.section or self.section_by_title(i.section_title)
            if section is not None:
                self.check_section(i, section, i.section_title, notes)
        if i.subsection is not None:
            from_sub = self.section_of_subsection(i.subsection)
            if section is not None and section != from_sub:
                notes.append(
                    Review(
                        line,
                        f"subsection {i.subsection}",
                        f"named while section {section} is being amended; section {from_sub} assumed",
                    )
                )
            section = from_sub
            self.check_subsection(i, section, i.subsection, i.subsection_title, notes)
        elif self.subsection is not None:
            subsection = self.subsection
            notes.append(
                Review(
                    line, "subsection", f"no subsection named; the rows go into subsection {subsection} (the context)"
                )
            )
        parent = i.after or (i.rows[0].rsplit("-", 1)[0] if "-" in i.rows[0] else None)
        if i.after is not None and "-" in i.rows[0] and not _follows(i.after, i.rows[0]):
            notes.append(Review(line, "rows", f"row {i.rows[0]} is said to follow row {i.after}, not its parent"))
        if section is None:
            found = next((r for r in self.plan.rows if str(r.number) == parent), None) if parent else None
            if found is not None:
                section = found.section
            else:
                section = self.plan.sections[0].number
                notes.append(
                    Review(line, "section", f"no section is named before this instruction; section {section} assumed")
                )
        cells = self._rows(i, notes)
        made = self.insert_rows(section, subsection, [(n, cells[n]) for n in i.rows])
        self._emit(made, [i.paragraph.text], line, notes)

    def _column(self, number: int, line: int | None, notes: list[Review]) -> str | None:
        column = self.column_id(number)
        if column is None:
            notes.append(Review(line, "column", f"the plan has no column {number}"))
        return column

    def _replace_cells(self, i: CellsReworded) -> None:
        notes: list[Review] = []
        line = i.paragraph.first_line
        columns = [self._column(n, line, notes) for n in i.columns]
        texts: list[Text] = [UNKNOWN] * len(columns)
        if i.table is None:
            notes.append(Review(line, "cells", "the instruction quotes no text; the cells are left unknown"))
        else:
            read, problem = read_cells(i.table.lines, len(columns), self.lexicon)
            if problem:
                notes.append(Review(i.table.first_line, f"row {i.row}", problem))
            texts = list(read)
        executors = {k.id for k in self.kinds if k.kind == "executors"}
        cells = {
            c: (self._cyrillic_codes(t) if c in executors else t)
            for c, t in zip(columns, texts, strict=True)
            if c is not None
        }
        cells, mended = repair_cells(cells, self.kinds, self.conventions)
        notes.extend(Review(line, f"row {i.row}, {column}", message) for column, message in mended)
        last = self.ops[-1].operation if self.ops else None
        if isinstance(last, operations.AddColumn) and list(cells) == [last.id] and not self.pending:
            # A cell of the column just added: given with the column (add_column's cells).
            folded = _revised(last, cells={**last.cells, _row(i.row): cells[last.id]})
            if isinstance(folded, _Invalid):
                self.ops[-1].notes.append(folded.review(line))
                return
            self.ops[-1].operation = folded
            self.ops[-1].source.append(i.paragraph.text)
            self.ops[-1].notes.extend(notes)
            return
        made = self.replace_cells(i.row, list(cells), cells)
        self._emit(made, [i.paragraph.text], line, notes)

    def _replace_words(self, i: WordsReplaced) -> None:
        notes: list[Review] = []
        line = i.paragraph.first_line
        numbers = i.columns or ((i.column_number,) if i.column_number is not None else ())
        columns: list[str | None] = [self._column(n, line, notes) for n in numbers] or [None]
        rows: list[str | None] = list(i.rows) or [i.row]
        if self.section and not i.whole_text and i.row is None and self.subpoint != self.scope_subpoint:
            # A new sub-point names no scope of its own: the section's scope is carried over, but the drafter
            # may have meant the whole plan.
            notes.append(
                Review(
                    line,
                    "target",
                    f"read in section {self.section}, the scope opened at line {self.scope_line}; this sub-point "
                    "names no scope of its own, so it may mean the whole plan",
                )
            )
        # Several rows or columns named: the words are replaced in each, one operation each.
        for row in rows:
            for column in columns:
                for old, new in i.pairs:
                    # The occurrences are counted against the version being amended once every operation is read.
                    made = _build(
                        operations.ReplaceWords,
                        op="replace_words",
                        old=old,
                        new=new,
                        occurrences=1,
                        row=None if row is None else _row(row),
                        column=column,
                        section=None if i.whole_text else self.section or None,
                    )
                    self._emit(made, [i.paragraph.text], line, list(notes))
        if (
            _ABBREVIATION.search(i.paragraph.text)
            and i.row is None
            and not numbers
            and (i.whole_text or not self.section)
        ):
            # An abbreviation replaced throughout the plan: the note's line is the plan's text too.
            for old, new in i.pairs:
                self._renamed_throughout(old, new, i.paragraph.text, line)

    def _renamed_throughout(self, old: str, new: str, source: str, line: int | None) -> None:
        """The note's line of a code replaced throughout the plan, renamed (or a review where it cannot be)."""
        if old not in self.note:
            why = f"the note has no line {old}; only the table's cells are changed"
        elif not new:
            why = f"{old} is struck out of the plan's text; its line in the note is left (strike it by hand)"
        elif new in self.note:
            why = f"the note has a line {new} already; the line {old} is left (strike it by hand if it goes)"
        else:
            self._rename(old, new, self.note[old], source, line)
            return
        self.ops[-1].notes.append(Review(line, "note", why))


# The abbreviation formula ('"X" деген аббревиатура "Y" деген аббревиатурамен ауыстырылсын'): a code of the note.
_ABBREVIATION = re.compile(ABBREVIATION_NAMED)


def _follows(after: str, row: str) -> bool:
    """Row ``row`` may be said to come after row ``after``: its parent, or an earlier sibling ("29-3" before
    "29-4": the row after the last one inserted before)."""
    parent = row.rsplit("-", 1)[0]
    if after == parent:
        return True
    if after.rsplit("-", 1)[0] != parent or "-" not in after:
        return False
    try:
        return RowNumber(after) < RowNumber(row)
    except ValueError:
        return False


def note_words(i: WordsReplaced) -> bool:
    """Words read under the note's heading are the note's unless the sentence names a scope of its own: the whole
    plan ("... мәтіні бойынша", "по всему тексту"), a row or a column of the table (the note has neither)."""
    return not i.whole_text and i.row is None and i.column_number is None


def _renumbers(i: WordsReplaced) -> bool:
    """The words of a row's scope are its own number, replaced by a row number: the row is renumbered."""
    if len(i.pairs) != 1 or i.column_number is not None or len(i.rows) > 1:
        return False
    old, new = i.pairs[0]
    return old == i.row and re.fullmatch(r"\d+(?:-\d+)*", new) is not None


def _scope_texts(plan: Plan, op: operations.ReplaceWords) -> tuple[int, int]:
    """How often ``op.old`` occurs in the known texts of its scope in ``plan`` (``op.scope``, the engine's own
    reading of it), and how many texts there are unknown."""
    rows, columns = op.scope(plan)
    count = unknown = 0
    for row in rows:
        for c in columns:
            text = row.cells.get(c, UNKNOWN)
            if isinstance(text, str):
                count += text.count(op.old)
            else:
                unknown += 1
    return count, unknown


def _other_texts(plan: Plan, op: Any) -> list[str]:
    """The texts of the plan that are not cells and hold ``op.old``, for words replaced throughout the plan."""
    if op.row is not None or op.section is not None or op.column is not None:
        return []
    found = []
    if isinstance(plan.title, str) and op.old in plan.title:
        found.append("the plan's title")
    for s in plan.sections:
        if isinstance(s.title, str) and op.old in s.title:
            found.append(f"section {s.number}'s title")
        found.extend(
            f"subsection {x.number}'s title" for x in s.subsections if isinstance(x.title, str) and op.old in x.title
        )
    found.extend(
        f"the note's line {code}"
        for code, a in plan.abbreviations.items()
        if isinstance(a.expansion, str) and op.old in a.expansion
    )
    return found


def _inside_words(plan: Plan, op: operations.ReplaceWords) -> list[str]:
    """The longer words of the scope's known texts that hold ``op.old`` (a code inside another: "БП" in "БПҚ")."""
    rows, columns = op.scope(plan)
    found: set[str] = set()
    pattern = re.compile(rf"[\w-]*{re.escape(op.old)}[\w-]*")
    for row in rows:
        for c in columns:
            text = row.cells.get(c, UNKNOWN)
            if isinstance(text, str):
                found.update(
                    w for w in pattern.findall(text) if w != op.old and not re.fullmatch(rf"{re.escape(op.old)}-\w+", w)
                )
    return sorted(found)


def version_before_operation(draft: Draft, k: int, plan: Plan, adopted: Sequence[FiledAmendment], path: Path) -> Plan:
    """``plan`` after the ``adopted`` acts and the draft's operations before its ``k``-th, consolidated as the
    engine will apply them (until the act's bounds): the version operation ``k`` counts its words in.
    AmendError where it cannot be made."""
    partial = draft.partial(k)
    filed = FiledAmendment(partial, path)
    return consolidate(plan, adopted, drafts=[filed], until=act_bounds(partial)[1]).latest.plan


def count_occurrences(draft: Draft, plan: Plan, adopted: Sequence[FiledAmendment], path: Path) -> None:
    """Set each ``replace_words`` operation's ``occurrences`` from the version it amends (the text never says).

    The version is the plan with the adopted acts and the draft's operations that take effect before it applied,
    as the engine will apply them (a later operation of an earlier day included, an earlier one of a later day
    not). Where that version cannot be made, or unknown texts may hold more of the words, the count is marked
    for review.
    """
    for k in draft.effect_order():  # each in the version its own day gives: the operations taking effect before it
        op = draft.operations[k]
        model = op.operation
        if model is None:
            continue
        if isinstance(model, (operations.ReplaceWords, operations.ReplaceWordsIn)):
            line = next((n.line for n in op.notes if n.line), None)
            version: Plan | None
            try:
                version = version_before_operation(draft, k, plan, adopted, path)
            except AmendError as err:
                version = None
                op.notes.append(
                    Review(
                        line,
                        "occurrences",
                        f"the version before this operation cannot be made ({err.message}); 1 is assumed",
                    )
                )
            if version is not None and isinstance(model, operations.ReplaceWordsIn):
                texts = element_texts(version, parse_element(model.element))
                text = texts[0] if texts is not None else None
                if isinstance(text, str) and model.old in text:
                    model = model.model_copy(update={"occurrences": text.count(model.old)})
                else:
                    why = "is unknown" if texts is not None else "is not in the version amended"
                    if isinstance(text, str):
                        why = f'does not hold "{model.old}"'
                    op.notes.append(Review(line, "occurrences", f"{model.element} {why}; 1 is assumed"))
            elif version is not None and isinstance(model, operations.ReplaceWords):
                count, unknown = _scope_texts(version, model)
                if count and not unknown:
                    model = model.model_copy(update={"occurrences": count})
                    if getattr(model, "row", None) is None and not version.rows_complete:
                        op.notes.append(
                            Review(
                                line,
                                "occurrences",
                                f'"{model.old}" occurs {count} time(s) in the rows plan {version.plan} lists; it lists '
                                "only some of its rows, and the rows not at hand may hold more",
                            )
                        )
                elif count:
                    model = model.model_copy(update={"occurrences": count})
                    op.notes.append(
                        Review(
                            line,
                            "occurrences",
                            f'"{model.old}" occurs {count} time(s) in the known texts of the scope; '
                            f"{unknown} text(s) there are unknown and may hold more",
                        )
                    )
                else:
                    op.notes.append(
                        Review(
                            line,
                            "occurrences",
                            f'"{model.old}" occurs in no known text of the scope in the version amended; 1 is assumed',
                        )
                    )
            if version is not None and isinstance(model, operations.ReplaceWords):
                elsewhere = _other_texts(version, model)
                if elsewhere:
                    op.notes.append(
                        Review(
                            line,
                            "scope",
                            f'"{model.old}" is also in {", ".join(elsewhere)}: the words are replaced in the table\'s '
                            "cells only; if the act means those texts too, add replace_words_in for each",
                        )
                    )
                inside = _inside_words(version, model)
                if inside and any(_ABBREVIATION.search(s) for s in op.source):
                    op.notes.append(
                        Review(
                            line,
                            "occurrences",
                            f'"{model.old}" is also inside longer words ({", ".join(inside)}): the replacement '
                            "changes them too; check that the act means them",
                        )
                    )
            op.operation = model


def _ref(ref: tuple[int | None, ...]) -> str:
    if len(ref) == 3:
        return f"point {ref[0]}, paragraph {ref[2]}"
    return f"point {ref[0]}" + (f", subpoint {ref[1]})" if ref[1] is not None else "")


def _apply_clause(draft: Draft, clause: Clause | None, paragraphs: dict[int, tuple[int, int]]) -> None:
    """Staggered entry into force: operations of an excepted point (sub-point, paragraph) take effect on their own
    date. ``paragraphs``: each paragraph's first line -> (point, paragraph number), as the bank counts them."""
    if clause is None:
        return
    later: dict[tuple[int | None, ...], Any] = {ref: rule for refs, rule in clause.later for ref in refs}
    for excepted in clause.exceptions:
        if excepted not in later:
            draft.notes.append(
                Review(
                    draft.entry.line, "entry_into_force", f"{_ref(excepted)} is excepted but no date is given for it"
                )
            )
    held: set[tuple[int | None, ...]] = set()
    for op in draft.operations:
        point, subpoint = op.point
        where = paragraphs.get(op.line) if op.line is not None else None
        by_paragraph = (where[0], None, where[1]) if where is not None else None
        if by_paragraph is not None and by_paragraph in later and op.operation is not None:
            ref: tuple[int | None, ...] = by_paragraph
            held.add(ref)
        else:
            ref = (point, subpoint) if (point, subpoint) in later else (point, None)
        if op.operation is None or point is None or ref not in later:
            continue
        kind, value = later[ref]
        if kind == "on_date" and isinstance(value, dt.date):
            op.operation = op.operation.model_copy(update={"in_force": value})
        else:
            op.notes.append(
                Review(
                    draft.entry.line,
                    "in_force",
                    f"{_ref(ref)} enters into force by a rule that is no date ({kind}); the act's date is used",
                )
            )
    for ref in later:
        if len(ref) == 3 and ref not in held:
            # The paragraph is a heading sentence, a quoted line or no paragraph at all: which operations it
            # means is not certain, so none takes the later date.
            draft.notes.append(
                Review(
                    draft.entry.line,
                    "in_force",
                    f"{_ref(ref)} holds no operation of its own (a heading sentence, a quoted line, or beyond the "
                    "point); no operation takes its date: set `in_force` by hand on the operations it means",
                )
            )


def _entry_notes(entry: EntryReading) -> list[Review]:
    """What the entry into force read leaves to fill in (the rule, the publication date), for either language."""
    if entry.rule is None:
        return [
            Review(
                entry.line,
                "entry_into_force",
                "no formula of entry into force was recognised"
                + (f' in "{entry.text}"' if entry.text else "")
                + "; fill it in",
            )
        ]
    if entry.rule == "after_publication" and entry.published is None:
        return [
            Review(
                entry.line,
                "entry_into_force",
                "in force after publication: the text does not give the publication date; fill in `published`",
            )
        ]
    return []


# The words of the formulae's fixed phrases: a formula word broken at a line end is rejoined by them.
FORMULA_WORDS = Lexicon.from_texts(phrases())


def _rejoined_title(document: Document, heading: Heading, lex: Lexicon, notes: list[Review]) -> Heading:
    """The heading's title with words the print broke at a line end (no blank, no hyphen) glued again."""
    lines = []
    for number, raw in document.heading:
        if number >= heading.line:
            break
        lines.append((number, raw))
    while lines and not lines[-1][1].strip():
        lines.pop()
    joined, guesses = join_lines(read_lines(lines), lex)
    title = re.sub(r"\s+", " ", joined).strip()
    if not title or title == heading.title or title.replace(" ", "") != heading.title.replace(" ", ""):
        return heading  # only words glued again, nothing else read otherwise
    for a, b, j in guesses:
        notes.append(
            Review(
                b.number,
                "act.title",
                f'"{a.text} / {b.text}": {j.why}; read as {"one word" if j.glue else "two words"}',
            )
        )
    return dataclasses.replace(heading, title=title)


def import_text(
    text: str,
    plan: Plan,
    lexicon: Lexicon | None = None,
    source: str = "<text>",
    plan_id: str | None = None,
    *,
    adopted: Sequence[FiledAmendment] = (),
    published: dt.date | None = None,
) -> Draft:
    """Read an amending act's text into a draft amendment of ``plan``.

    ``adopted``: the plan's acts already in force, to count word occurrences against the version the
    act amends. ``published``: the day of first official publication, which the text itself never gives.
    """
    document: Document = split_document(text)
    lex = Lexicon()
    if lexicon is not None:
        lex.add(lexicon.words)
    lex.add_whole_words(read_lines(enumerate(text.split("\n"), 1)))
    lex.add(FORMULA_WORDS.words)
    instructions = read_instructions(document, lex)
    enacting = next((i.paragraph.text for i in instructions if isinstance(i, Framing)), None)
    heading: Heading = read_heading(document.heading, enacting)
    title_notes: list[Review] = []
    if heading.title:
        heading = _rejoined_title(document, heading, lex, title_notes)
    codes = set(plan.abbreviations)
    codes.update(c for a in adopted for op in a.amendment.operations for c in getattr(op, "entries", {}))
    for i in instructions:
        if isinstance(i, AbbreviationsAdded):
            codes.update(code for code, _ in i.entries)
    current = plan
    if adopted:
        # If the acts in force do not apply, the base plan is read against (the draft check will say why).
        with contextlib.suppress(AmendError):
            current = consolidate(plan, adopted).latest.plan
    acts = {f.amendment.act.number: f for f in adopted}
    builder = _Builder(current, lex, codes, acts)
    for i in instructions:
        builder.add(i)
    signed = next((i for i in instructions if isinstance(i, Signature)), None)
    act = Act(
        issuer=heading.issuer,
        kind=heading.kind,  # type: ignore[arg-type]
        number=heading.number,
        date=heading.date,
        title=heading.title or UNKNOWN,  # a heading with no title lines: the title is not in the text
        # The signatory is the act's own element (data, as in the hand transcriptions), not a comment.
        signatory=Signatory(position=signed.position, name=signed.name) if signed else None,
    )
    notes: list[Review] = list(title_notes)
    amends = plan_id or plan.plan
    if heading.amends is None:
        notes.append(Review(heading.line, "amends", f"the heading names no amended act; plan {amends} assumed"))
    elif heading.amends != amends:
        notes.append(
            Review(
                heading.line, "amends", f"the heading amends act {heading.amends}, but the draft is for plan {amends}"
            )
        )
    clauses = [i for i in instructions if isinstance(i, EntryIntoForceClause)]
    clause = clauses[-1].clause if clauses else None
    if clauses:
        entry = EntryReading.of(clause, clauses[-1].paragraph.text, clauses[-1].paragraph.first_line, published)
    else:
        entry = EntryReading(None)
    notes.extend(_entry_notes(entry))
    if not any(op.operation for op in builder.ops):
        raise ImportTextError("no amending instruction was recognised in the text", file=source)
    draft = Draft(source, act, amends, entry, builder.ops, notes, (signed.position, signed.name) if signed else None)
    _apply_clause(draft, clause, point_paragraphs(document))
    count_occurrences(draft, plan, adopted, Path(source))
    return draft
