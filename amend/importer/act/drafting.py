"""The other direction: from an amendment's operations to the text of the amending resolution (``amend draft-text``).

The text is composed from the formulas of ``language.phrases`` in the official order: the title, the act's
name, the enacting words, one point per group of operations that enter into force together (its
lead-in, then the changes to the annex in document order, grouped as drafters group them: the
section named once before its rows, consecutive rows of one section in one sentence), and the
closing point on entry into force. Quoted rows are laid out as the reference bank prints them: the
row number, then each cell, parted by empty lines. A text no source gives is written ``⟨белгісіз⟩``,
which the importer reads back as unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning
from amend.engine.amendment import Amendment
from amend.engine.model import Plan, Section
from amend.engine.operations import (
    AddAbbreviations,
    AddColumn,
    AddSection,
    AddSubsection,
    CorrectAct,
    DeleteAbbreviation,
    DeleteColumn,
    DeleteRow,
    DeleteSection,
    DeleteSubsection,
    DeleteText,
    InsertRows,
    InsertText,
    MoveRow,
    NewRow,
    Operation,
    RenameColumn,
    Renumber,
    RepealAct,
    RepealPlan,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceSignatory,
    ReplaceText,
    ReplaceWords,
    ReplaceWordsIn,
    RescheduleAct,
    ResumePlan,
    SetTitle,
    SuspendPlan,
)
from amend.engine.unknown import Text
from amend.language import phrases as w
from amend.language.cases import RESOLUTION, locative

__all__ = [
    "UNKNOWN_TEXT",
    "Block",
    "ContextWriter",
    "DraftText",
    "draft_text",
    "locative",
    "quote",
    "quoted_lines",
    "render_text",
]

UNKNOWN_TEXT = w.UNKNOWN_TEXT
_INDENT = "      "


def text_of(value: Text) -> str:
    """A text as drafted: itself, or the unknown mark."""
    return value if isinstance(value, str) else UNKNOWN_TEXT


@dataclass(frozen=True)
class Block:
    """A paragraph of the text, or a quotation (rows, cells or lines) that belongs to the paragraph before it."""

    text: str = ""
    rows: tuple[tuple[str | None, tuple[str, ...]], ...] = ()  # (row number or None, cells) of a quoted table
    lines: tuple[str, ...] = ()  # quoted lines ("КОД – ...;" or a title)
    heading: bool = False  # the act's title and name, printed flush left


@dataclass
class DraftText:
    """The amending resolution as blocks, in order."""

    act: Act
    blocks: list[Block] = field(default_factory=list)


def _changes_phrase(ops: Sequence[Operation]) -> str:
    added = (InsertRows, AddAbbreviations, AddSection, AddSubsection, InsertText, AddColumn)
    adds = sum(isinstance(o, added) for o in ops)
    changes = len(ops) - adds
    if adds and changes:
        return w.word("changes_and_additions")
    if adds:
        return w.word("additions") if adds > 1 else w.word("addition")
    return w.word("changes") if changes > 1 else w.CHANGE


def quote(text: str) -> str:
    """A text in the formulae's quotes."""
    return f'"{text}"'


def quoted_lines(first: str, text: str, items: Sequence[tuple[str, str]] = ()) -> tuple[str, ...]:
    """The quoted lines of a new wording: ``first`` ("2." or "1)") before the text, each item a line of its own,
    the closing ``";`` on the last line."""
    lines = [f"{first} {line}" if k == 0 and first else line for k, line in enumerate(text.split("\n"))]
    for number, item in items:
        lines.extend(f"{number}) {line}" if k == 0 else line for k, line in enumerate(item.split("\n")))
    lines[0] = '"' + lines[0]
    lines[-1] += '";'
    return tuple(lines)


def _resolution_level(op: Operation) -> bool:
    """No plan frame before it: the resolution's own title, preamble, points and signatory, and the annex's
    title (its sentence names the plan itself)."""
    if isinstance(op, ReplaceSignatory):
        return True
    if isinstance(op, (ReplaceText, InsertText, DeleteText, ReplaceWordsIn)):
        return op.element in ("title", "preamble", "annex_title") or op.element.startswith("point ")
    return False


# The operations that are points of their own: they name another act, or the plan's force, not its text.
_OWN_POINT = (RepealPlan, RepealAct, RescheduleAct, CorrectAct, SuspendPlan, ResumePlan)


class ContextWriter:
    """The context the drafted sentences of a point stand in (the plan, a section, the note), opened by a heading
    sentence each time it changes. Kept once for both languages; each writer gives its heading sentences' words
    (``plan_frame``, ``section_frame``, ``note_frame``)."""

    def __init__(self, plan: Plan, out: list[Block], context: tuple[str, str | None]) -> None:
        self.plan = plan
        self.out = out
        self.context = context
        # The blocks that are heading sentences (they open a scope and hold no operation).
        self.headings: set[int] = set()

    def para(self, text: str, **kw: object) -> None:
        self.out.append(Block(text, **kw))  # type: ignore[arg-type]

    def heading(self, text: str) -> None:
        self.para(text)
        self.headings.add(len(self.out) - 1)

    def plan_context(self) -> None:
        if self.context != ("plan", None):
            self.heading(self.plan_frame())
            self.context = ("plan", None)

    def section_context(self, section: str | None) -> None:
        if section is None:
            self.plan_context()
            return
        if self.context == ("section", section):
            return
        self.heading(self.section_frame(section, self.plan.section(section)))
        self.context = ("section", section)

    def note_context(self) -> None:
        if self.context != ("note", None):
            self.heading(self.note_frame())
            self.context = ("note", None)

    def plan_frame(self) -> str:
        """The heading sentence of the plan ("... бекітілген ... жоспарда:")."""
        raise NotImplementedError

    def section_frame(self, number: str, found: Section | None) -> str:
        """The heading sentence of section ``number`` (``found``: the section, None where the plan has none)."""
        raise NotImplementedError

    def note_frame(self) -> str:
        """The heading sentence of the note ("Ескертпеде:")."""
        raise NotImplementedError


class _Writer(ContextWriter):
    """Writes the operations of one point in Kazakh."""

    def __init__(self, plan: Plan, out: list[Block]) -> None:
        super().__init__(plan, out, ("plan", None))
        self.notes = {code: a.expansion for code, a in plan.abbreviations.items()}
        # The table's columns as the act's earlier operations leave them (columns are numbered from 2).
        self.columns = list(plan.column_ids)

    def plan_frame(self) -> str:
        return f"{w.PLAN_FRAME} {locative(text_of(self.plan.title))}:"

    def section_frame(self, number: str, found: Section | None) -> str:
        if found is not None and isinstance(found.title, str):
            return f'"{found.title}" {w.SAID} {w.element_case("section", number, "loc")}:'
        return f"{w.element_case('section', number, 'loc')}:"

    def note_frame(self) -> str:
        return w.NOTE_CONTEXT

    def _note_line(self, code: str) -> str:
        old = self.notes.get(code)
        return f"{code} – {old}" if isinstance(old, str) else code

    def write(self, ops: Sequence[Operation]) -> None:
        i = 0
        while i < len(ops):
            op = ops[i]
            if self.context[0] == "added" and isinstance(op, (InsertRows, AddSubsection)):
                # A separate operation on the heading just added: a context sentence keeps it apart.
                self.plan_context()
            if not _resolution_level(op) and self.context == ("point", None):
                # The annex's changes stand under "көрсетілген қаулымен бекітілген ... :", written once.
                self.plan_context()
            if isinstance(op, (ReplaceRow, DeleteRow)):
                # Consecutive rows of one section given new wording (or struck out) make one sentence.
                j = i + 1
                while (
                    j < len(ops)
                    and type(ops[j]) is type(op)
                    and ops[j].section == op.section  # type: ignore[union-attr]
                    and ops[j].in_force == op.in_force
                    and all(ops[j].row != o.row for o in ops[i:j])  # type: ignore[union-attr]
                ):
                    j += 1
                self._rows(ops[i:j])  # type: ignore[arg-type]
                i = j
                continue
            if self._renamed_throughout(ops[i : i + 3]):
                i += 3
                continue
            self._one(op)
            i += 1

    def _rows(self, ops: Sequence[ReplaceRow] | Sequence[DeleteRow]) -> None:
        self.section_context(ops[0].section)
        numbers = [str(o.row) for o in ops]
        if isinstance(ops[0], DeleteRow):
            self.para(f"{w.row_listing(numbers)} {w.STRUCK_OUT};")
            return
        rows = tuple((str(o.row), self._cells(o.cells)) for o in ops)  # type: ignore[union-attr]
        self.para(f"{w.row_listing(numbers)} {w.IN_NEW_WORDING}:", rows=rows)

    def _cells(self, cells: dict[str, Text]) -> tuple[str, ...]:
        return tuple(text_of(cells[c]) for c in self.columns if c in cells)

    def _column_number(self, column: str) -> int:
        # The table numbers its columns from the row number ("1") on.
        return self.columns.index(column) + 2

    def _not_in_note(self) -> None:
        # A sentence with its own scope must not stand under "Ескертпеде:" (it would read as the note's). The
        # heading stands until the next one: a section added under it since (context "added") does not end it.
        under_note = bool(self.headings) and self.out[max(self.headings)].text == w.NOTE_CONTEXT
        if self.context in (("note", None), ("point", None)) or under_note:
            self.plan_context()

    def _one(self, op: Operation) -> None:
        match op:
            case InsertRows():
                self.section_context(op.section)
                rows = tuple((str(r.number), self._cells(r.cells)) for r in op.rows)
                listing = w.row_listing([str(r.number) for r in op.rows], "ins")
                if op.subsection is not None:
                    found = self.plan.section(op.section)
                    sub = found.subsection(op.subsection) if found else None
                    if sub is not None and isinstance(sub.title, str):
                        head = f'"{op.subsection}. {sub.title}" {w.SAID} {w.SUBSECTION}'
                    else:
                        head = w.element_case("subsection", op.subsection, "nom")
                    self.para(f"{head} {w.WITH_CONTENT} {listing} {w.SUPPLEMENTED}:", rows=rows)
                elif op.rows[0].number.parent is not None:
                    after = w.row_listing([str(op.rows[0].number.parent)], "abl")
                    self.para(f"{after} {w.AFTER} {w.WITH_CONTENT} {listing} {w.SUPPLEMENTED}:", rows=rows)
                else:
                    self.para(f"{w.WITH_CONTENT} {listing} {w.SUPPLEMENTED}:", rows=rows)
            case ReplaceCells():
                self.section_context(op.section)
                columns = [c for c in self.columns if c in op.cells]
                numbers = [self._column_number(c) for c in columns]
                head = w.row_listing([str(op.row)], "gen")
                cells = tuple(text_of(op.cells[c]) for c in columns)
                self.para(f"{head} {w.column_listing(numbers)} {w.IN_NEW_WORDING}:", rows=((None, cells),))
            case ReplaceWords():
                self._words(op)
            case AddAbbreviations():
                items = [f"{code} – {text_of(exp)}" for code, exp in op.entries.items()]
                lines = [f'"{items[0]}' if len(items) > 1 else f'"{items[0]}".'] if items else []
                if len(items) > 1:
                    lines += [f"{x};" for x in items[1:-1]]
                    lines[0] += ";"
                    lines.append(f'{items[-1]}".')
                self.para(w.NOTE_ADD, lines=tuple(lines))
                self.notes.update(op.entries)
            case DeleteAbbreviation():
                self.note_context()
                self.para(f"{w.element_case('line', self._note_line(op.code), 'nom')} {w.STRUCK_OUT};")
                self.notes.pop(op.code, None)
            case ReplaceAbbreviation():
                self.note_context()
                self.para(
                    f"{w.element_case('line', self._note_line(op.code), 'nom')} {w.IN_NEW_WORDING}:",
                    lines=(f'"{op.code} – {text_of(op.expansion)}";',),
                )
                self.notes[op.code] = op.expansion
            case SetTitle():
                self._not_in_note()
                head = (
                    w.element_case("subsection", op.subsection, "gen")
                    if op.subsection
                    else w.element_case("section", op.section, "gen")
                )
                self.para(f"{head} {w.ANNEX_TITLE_WORD} {w.IN_NEW_WORDING}:", lines=(f"{quote(text_of(op.title))};",))
            case AddSection():
                self._after_added()
                self._not_in_note()
                after = f"{w.element_case('section', op.after, 'abl')} {w.AFTER} " if op.after else ""
                self.para(
                    f"{after}{w.WITH_CONTENT} {w.element_case('section', op.number, 'ins')} {w.SUPPLEMENTED}:",
                    lines=(f"{quote(text_of(op.title))};",),
                )
                # Its content right after it, with no context sentence between (the importer folds it in):
                # its subsections, then its rows, each run under the (sub)section it stands in.
                for new_sub in op.subsections:
                    self.para(
                        f"{w.element_case('section', op.number, 'nom')} {w.WITH_CONTENT} "
                        f"{w.element_case('subsection', new_sub.number, 'ins')} {w.SUPPLEMENTED}:",
                        lines=(f"{quote(text_of(new_sub.title))};",),
                    )
                titles = {s.number: text_of(s.title) for s in op.subsections}
                start = 0
                while start < len(op.rows):
                    end = start + 1
                    while end < len(op.rows) and op.rows[end].subsection == op.rows[start].subsection:
                        end += 1
                    run = op.rows[start:end]
                    sub_ = run[0].subsection
                    if sub_ is None:
                        head = f'"{op.number}. {text_of(op.title)}" {w.SAID} {w.SECTION_WORD}'
                    else:
                        head = f'"{sub_}. {titles.get(sub_, UNKNOWN_TEXT)}" {w.SAID} {w.SUBSECTION}'
                    self._new_rows(head, run)
                    start = end
                self.context = ("added", op.number)
            case AddSubsection():
                self._after_added()
                self._not_in_note()
                after = f"{w.element_case('subsection', op.after, 'abl')} {w.AFTER} " if op.after else ""
                self.para(
                    f"{w.element_case('section', op.section, 'nom')} {after}{w.WITH_CONTENT} "
                    f"{w.element_case('subsection', op.number, 'ins')} {w.SUPPLEMENTED}:",
                    lines=(f"{quote(text_of(op.title))};",),
                )
                if op.rows:
                    self._new_rows(f'"{op.number}. {text_of(op.title)}" {w.SAID} {w.SUBSECTION}', op.rows)
                self.context = ("added", op.number)
            case ReplaceText() | InsertText() | DeleteText():
                self._text(op)
            case DeleteSection():
                self._not_in_note()
                found = self.plan.section(op.number)
                said = f'"{found.title}" {w.SAID} ' if found is not None and isinstance(found.title, str) else ""
                self.para(f"{said}{w.element_case('section', op.number, 'nom')} {w.STRUCK_OUT};")
            case ReplaceWordsIn() if op.element.startswith("abbreviation "):
                code = op.element.removeprefix("abbreviation ")
                holders = [c for c, e in self.notes.items() if isinstance(e, str) and op.old in e]
                if holders == [code]:
                    # Words in one line of the note: the importer finds the one line that holds them.
                    self.note_context()
                    self._word_pair("", op.old, op.new)
                else:
                    # Other lines hold them too: the line is named ("... деген жолдағы").
                    self.note_context()
                    self._word_pair(f"{w.element_case('line', self._note_line(code), 'loc')} ", op.old, op.new)
                old = self.notes.get(code)
                if isinstance(old, str):
                    self.notes[code] = old.replace(op.old, op.new)
            case ReplaceWordsIn():
                self._not_in_note()
                self._word_pair(self._words_scope(op.element), op.old, op.new)
            case DeleteSubsection():
                self._not_in_note()
                found = self.plan.section(op.section)
                sub = found.subsection(op.number) if found is not None else None
                if sub is not None and isinstance(sub.title, str):
                    self.para(f'"{op.number}. {sub.title}" {w.SAID} {w.SUBSECTION} {w.STRUCK_OUT};')
                else:
                    self.para(f"{op.number} {w.SUBSECTION} {w.STRUCK_OUT};")
            case Renumber():
                self._renumber(op)
            case MoveRow():
                self._not_in_note()
                to = f"{w.row_listing([str(op.to)])} {w.AS_ROW} " if op.to is not None else ""
                if op.subsection:
                    section = w.element_case("section", op.section, "gen")
                    where = f"{section} {w.element_case('subsection', op.subsection, 'dat')}"
                else:
                    where = w.element_case("section", op.section, "dat")
                self.para(f"{w.row_listing([str(op.row)])} {to}{where} {w.MOVED};")
            case AddColumn():
                self._not_in_note()
                k = len(self.columns) if op.after is None else self.columns.index(op.after) + 1
                after = (
                    f"{w.element_case('column', self._column_number(op.after), 'abl')} {w.AFTER} "
                    if op.after is not None
                    else ""
                )
                self.columns.insert(k, op.id)
                number = self._column_number(op.id)
                self.para(
                    f"{after}{w.WITH_CONTENT} {w.element_case('column', number, 'ins')} {w.SUPPLEMENTED}:",
                    lines=(f"{quote(text_of(op.title))};",),
                )
                # The cells the act gives in the new column: each as that cell in new wording.
                for row, text in op.cells.items():
                    head = f"{w.row_listing([str(row)], 'gen')} {w.column_listing([number])}"
                    self.para(f"{head} {w.IN_NEW_WORDING}:", rows=((None, (text_of(text),)),))
            case DeleteColumn():
                self._not_in_note()
                self.para(f"{w.element_case('column', self._column_number(op.id), 'nom')} {w.STRUCK_OUT};")
                self.columns.remove(op.id)
            case RenameColumn():
                self._not_in_note()
                column = w.element_case("column", self._column_number(op.id), "gen")
                self.para(
                    f"{column} {w.ANNEX_TITLE_WORD} {w.IN_NEW_WORDING}:",
                    lines=(f"{quote(text_of(op.title))};",),
                )
            case ReplaceSignatory():
                lines = [*text_of(op.position).split("\n"), *text_of(op.name).split("\n")]
                lines[0] = '"' + lines[0]
                lines[-1] += '";'
                self.para(f"{w.SIGNATORY} {w.IN_NEW_WORDING}:", lines=tuple(lines))
            case _:
                raise AssertionError(f"no formula for {type(op).__name__}")

    def _new_rows(self, head: str, rows: Sequence[NewRow]) -> None:
        """Rows a new (sub)section comes with: "<head> мынадай мазмұндағы реттік нөмірі ... толықтырылсын:"."""
        listing = w.row_listing([str(r.number) for r in rows], "ins")
        quoted = tuple((str(r.number), self._cells(r.cells)) for r in rows)
        self.para(f"{head} {w.WITH_CONTENT} {listing} {w.SUPPLEMENTED}:", rows=quoted)

    def _after_added(self) -> None:
        # After a (sub)section just added, a sentence of another operation must not read as its content.
        if self.context[0] == "added":
            self.plan_context()

    def _words_scope(self, element: str) -> str:
        """Where words are replaced, as the sentence names it ("2-тармақтағы ", "тақырыбындағы ", ...)."""
        kind, _, key = element.partition(" ")
        match kind:
            case "title":
                return f"{self._own()}{w.TITLE_LOC} "
            case "preamble":
                return f"{w.PREAMBLE_LOC} "
            case "annex_title":
                return f"{w.PLAN_FRAME} {w.genitive(text_of(self.plan.title))} {w.ANNEX_TITLE_LOC} "
            case "point":
                point, _, sub = key.partition(".")
                return (
                    f"{w.point_case(point, 'gen')} {w.subpoint_case(sub, 'loc')} "
                    if sub
                    else f"{w.point_case(point, 'loc')} "
                )
            case "note":
                return f"{w.element_case('note', key, 'loc')} "
            case "section":
                return f"{w.element_case('section', key, 'gen')} {w.ANNEX_TITLE_LOC} "
            case "subsection":
                return f"{w.element_case('subsection', key, 'gen')} {w.ANNEX_TITLE_LOC} "
            case "column":
                return f"{w.element_case('column', self._column_number(key), 'gen')} {w.ANNEX_TITLE_LOC} "
        raise AssertionError(f"no formula for words in {element}")

    def _own(self) -> str:
        """ "көрсетілген қаулының " before the resolution's title where a bare "тақырыбы" would bind to the scope
        the text stands in (the plan, a section, the note): the importer binds it so (``scope``)."""
        return "" if self.context == ("point", None) else f"{w.OWN_ACT} "

    def _renumber(self, op: Renumber) -> None:
        """A row, section or subsection under a new number: the words formula on its number."""
        kind, _, key = op.element.partition(" ")
        self._not_in_note()
        if kind == "row":
            scope = f"{w.row_listing([key], 'loc')} "
        elif kind == "section":
            scope = f"{w.element_case('section', key, 'gen')} {w.NUMBER_LOC} "
        else:
            scope = f"{w.element_case('subsection', key, 'gen')} {w.NUMBER_LOC} "
        self.para(f'{scope}"{key}" {w.SAID} {w.NUMBERS_OLD} "{op.to}" {w.SAID} {w.NUMBERS_NEW} {w.REPLACED};')

    def _text(self, op: ReplaceText | InsertText | DeleteText) -> None:
        """The resolution's title, a point or sub-point, or the annex's title: new wording, inserted, struck out."""
        key = op.element.removeprefix("point ")
        point, _, sub = key.partition(".")
        first = f"{sub})" if sub else f"{point}."
        match op:
            case DeleteText() if op.element.startswith("point "):
                self.para(f"{w.point_name(key)} {w.STRUCK_OUT};")
            case ReplaceText() if op.element.startswith("point "):
                items = [(p.number, text_of(p.text)) for p in op.subpoints]
                self.para(
                    f"{w.point_name(key)} {w.IN_NEW_WORDING}:", lines=quoted_lines(first, text_of(op.text), items)
                )
            case ReplaceText() if op.element == "title":
                self.para(f"{self._own()}{w.TITLE_WORD} {w.IN_NEW_WORDING}:", lines=quoted_lines("", text_of(op.text)))
            case ReplaceText() if op.element == "preamble":
                self.para(f"{w.PREAMBLE} {w.IN_NEW_WORDING}:", lines=quoted_lines("", text_of(op.text)))
            case InsertText() if op.element == "preamble":
                self.para(
                    f"{w.WITH_CONTENT} {w.PREAMBLE_INS} {w.SUPPLEMENTED}:", lines=quoted_lines("", text_of(op.text))
                )
            case DeleteText() if op.element == "preamble":
                self.para(f"{w.PREAMBLE} {w.STRUCK_OUT};")
            case ReplaceText() if op.element.startswith("note "):
                self._not_in_note()
                number = op.element.removeprefix("note ")
                self.para(
                    f"{number}-{w.NOTE_WORD} {w.IN_NEW_WORDING}:", lines=quoted_lines(f"{number}.", text_of(op.text))
                )
            case InsertText() if op.element.startswith("note "):
                self._not_in_note()
                number = op.element.removeprefix("note ")
                after = f"{w.element_case('note', op.after, 'abl')} {w.AFTER} " if op.after else ""
                head = f"{after}{w.WITH_CONTENT} {w.element_case('note', number, 'ins')} {w.SUPPLEMENTED}:"
                self.para(head, lines=quoted_lines(f"{number}.", text_of(op.text)))
            case DeleteText() if op.element.startswith("note "):
                self._not_in_note()
                self.para(f"{op.element.removeprefix('note ')}-{w.NOTE_WORD} {w.STRUCK_OUT};")
            case ReplaceText() if op.element == "annex_title":
                plan = w.genitive(text_of(self.plan.title))
                self.para(
                    f"{w.PLAN_FRAME} {plan} {w.ANNEX_TITLE_WORD} {w.IN_NEW_WORDING}:",
                    lines=quoted_lines("", text_of(op.text)),
                )
            case InsertText() if op.element.startswith("point ") and sub:
                after = f"{w.subpoint_case(op.after, 'abl')} {w.AFTER} " if op.after else ""
                new = w.subpoint_case(sub, "ins")
                head = f"{w.point_case(point, 'nom')} {after}{w.WITH_CONTENT} {new} {w.SUPPLEMENTED}:"
                self.para(head, lines=quoted_lines(first, text_of(op.text)))
            case InsertText() if op.element.startswith("point "):
                after = f"{w.point_case(op.after, 'abl')} {w.AFTER} " if op.after else ""
                head = f"{after}{w.WITH_CONTENT} {w.point_case(point, 'ins')} {w.SUPPLEMENTED}:"
                self.para(head, lines=quoted_lines(first, text_of(op.text)))
            case _:
                raise AssertionError(f"no formula for {op.op} of {op.element}")

    def _word_pair(self, scope: str, old: str, new: str) -> None:
        if new:
            self.para(f'{scope}"{old}" {w.SAID} {w.WORDS_OLD} "{new}" {w.SAID} {w.WORDS_NEW} {w.REPLACED};')
        else:
            self.para(f'{scope}"{old}" {w.SAID} {w.WORDS_OLD} {w.STRUCK_OUT};')

    def _renamed_throughout(self, ops: Sequence[Operation]) -> bool:
        """A code replaced in every cell and its note's line renamed (the three operations the importer makes of
        '<plan> мәтіні бойынша "X" деген аббревиатура "Y" деген аббревиатурамен ауыстырылсын'): one sentence."""
        if len(ops) < 3:
            return False
        words, struck, added = ops
        if (
            not isinstance(words, ReplaceWords)
            or not isinstance(struck, DeleteAbbreviation)
            or not isinstance(added, AddAbbreviations)
        ):
            return False
        if (
            words.row is not None
            or words.column is not None
            or words.section is not None
            or not words.new
            or struck.code != words.old
            or words.old not in self.notes
            or added.entries != {words.new: self.notes[words.old]}
            or added.entries_ru
            or len({o.in_force for o in ops}) > 1
        ):
            return False
        self._not_in_note()
        scope = self._whole_text()
        self.para(
            f'{scope}"{words.old}" {w.SAID} {w.ABBREVIATION_OLD} "{words.new}" {w.SAID} {w.ABBREVIATION_NEW} '
            f"{w.REPLACED};"
        )
        self.notes[words.new] = self.notes.pop(words.old)
        return True

    def _whole_text(self) -> str:
        """ "<the plan in the genitive> мәтіні бойынша ": the whole plan named, so the sentence needs no frame."""
        return f"{w.PLAN_FRAME} {w.genitive(text_of(self.plan.title))} {w.WHOLE_TEXT} "

    def _words(self, op: ReplaceWords) -> None:
        if op.row is None and op.column is None and op.section is None:
            # Words replaced throughout the plan: "... жоспардың мәтіні бойынша ..." (never read as the note's).
            self._not_in_note()
            self._word_pair(self._whole_text(), op.old, op.new)
            return
        if op.row is not None:
            self.section_context(op.section)
            if op.column is not None:
                column = w.element_case("column", self._column_number(op.column), "loc")
                scope = f"{w.row_listing([str(op.row)], 'gen')} {column} "
            else:
                scope = f"{w.row_listing([str(op.row)], 'loc')} "
        else:
            self.section_context(op.section)
            scope = (
                f"{w.element_case('column', self._column_number(op.column), 'loc')} " if op.column is not None else ""
            )
        self._word_pair(scope, op.old, op.new)


def _rule_phrase(rule: OnSigning | OnDate | AfterPublication) -> str:
    match rule:
        case OnSigning():
            return w.ON_SIGNING
        case OnDate(date=date):
            return f"{w.date_ablative(date)} {w.word('from')}"
        case AfterPublication(days=days):
            return w.AFTER_PUBLICATION.format(days=w.days_phrase(days))
    raise AssertionError(rule)


def _act_genitive(number: str, acts: Mapping[str, Act]) -> str:
    """Another act of the plan named in the genitive: in full where its file is known, else by number."""
    act = acts.get(number)
    if act is None:
        return f"№ {number} {w.KIND_GENITIVE[RESOLUTION]}"
    quoted = f"{quote(act.title)} " if isinstance(act.title, str) else ""
    return quoted + w.act_genitive(act.issuer, act.kind, act.number, act.date)


def _act_changes(number: str, operations: Sequence[int], acts: Mapping[str, Act], case: str) -> str:
    """ "... № 392 қаулысымен енгізілген 2-өзгерістің": some changes of another act, by their order in it."""
    act = acts.get(number)
    if act is None:
        who = f"№ {number} {w.KIND_INSTRUMENTAL[RESOLUTION]}"
    else:
        quoted = f"{quote(act.title)} " if isinstance(act.title, str) else ""
        who = quoted + w.act_instrumental(act.issuer, act.kind, act.number, act.date)
    return f"{who} {w.INTRODUCED} {w.change_listing(operations, case)}"


def _own_point(op: Operation, plan_genitive: str, acts: Mapping[str, Act]) -> list[Block]:
    """The point of an operation that names another act or the plan's force (no "... енгізілсін" lead-in)."""
    match op:
        case RepealPlan():
            return [Block(f"{plan_genitive} {w.REPEALED}.")]
        case RepealAct(operations=None):
            return [Block(f"{_act_genitive(op.act, acts)} {w.REPEALED}.")]
        case RepealAct(operations=tuple() as ops):
            return [Block(f"{_act_changes(op.act, ops, acts, 'gen')} {w.REPEALED}.")]
        case RescheduleAct():
            who = (
                _act_genitive(op.act, acts)
                if op.operations is None
                else _act_changes(op.act, op.operations, acts, "gen")
            )
            return [
                Block(
                    f"{who} {w.ENTRY_TERM} {w.IN_NEW_WORDING}:",
                    lines=(f'"{w.date_ablative(op.date)} {w.word("from")}".',),
                )
            ]
        case CorrectAct():
            head = _act_changes(op.act, (op.operation,), acts, "loc")
            if op.new:
                text = f'{head} "{op.old}" {w.SAID} {w.WORDS_OLD} "{op.new}" {w.SAID} {w.WORDS_NEW} {w.REPLACED}.'
            else:
                text = f'{head} "{op.old}" {w.SAID} {w.WORDS_OLD} {w.STRUCK_OUT}.'
            return [Block(text)]
        case SuspendPlan():
            until = f"{w.date_dative(op.until)} {w.word('until')} " if op.until is not None else ""
            return [Block(f"{plan_genitive} {w.SUSPENDED.format(until=until)}.")]
        case ResumePlan():
            return [Block(f"{plan_genitive} {w.RESUMED}.")]
    raise AssertionError(f"no formula for {type(op).__name__}")


def _opening(act: Act, plan: Plan) -> tuple[list[Block], str, str, str]:
    """The resolution's heading and enacting words, and how its points name the amended act: its quoted title
    (or ""), the act in the dative ("... № 748 қаулысына") and in the genitive with its title."""
    out: list[Block] = []
    if isinstance(act.title, str):
        out.append(Block(act.title, heading=True))
    out.append(Block(w.act_reference(act.issuer, act.kind, act.number, act.date, dative=False), heading=True))
    out.append(Block(f"{act.issuer} {w.ENACTING}"))
    base = plan.act
    reference = w.act_reference(base.issuer, base.kind, base.number, base.date, dative=True)
    quoted = f"{quote(base.title)} " if isinstance(base.title, str) else ""
    return out, quoted, reference, quoted + w.act_genitive(base.issuer, base.kind, base.number, base.date)


def draft_text(
    amendment: Amendment, plan: Plan, acts: Mapping[str, Act] | None = None, *, paragraphs: bool = False
) -> DraftText:
    """The amending resolution's text for ``amendment``; ``plan`` is the plan as it stands just before the act.

    ``acts``: the plan's other amending acts by number, to name an act that this one repeals, postpones or
    corrects in full (without them it is named by its number). ``paragraphs``: operations with a later
    ``in_force`` stay in their point and the closing point names their paragraphs ("..., ал 1-тармақтың
    үшінші абзацы 2024 жылғы 1 шілдеден бастап қолданысқа енгізіледі"), counted as the bank counts them;
    otherwise each run of them is a point of its own.
    """
    if paragraphs:
        try:
            return _draft_by_paragraphs(amendment, plan, acts)
        except ValueError:  # a paragraph past the 99th: no ordinal word here, the points name them instead
            pass
    act = amendment.act
    others: Mapping[str, Act] = acts or {}
    out, quoted, reference, plan_genitive = _opening(act, plan)
    writer = _Writer(plan, out)
    point = 0
    later: dict[dt.date, list[int]] = {}
    # One point per run of operations that enter into force together (staggered commencement); an
    # operation on another act or on the plan's force is a point of its own.
    runs: list[list[Operation]] = []
    for op in amendment.operations:
        together = runs and not isinstance(op, _OWN_POINT) and not isinstance(runs[-1][0], _OWN_POINT)
        if together and runs[-1][0].in_force == op.in_force:
            runs[-1].append(op)
            continue
        runs.append([op])
    for ops in runs:
        point += 1
        day = ops[0].in_force
        if day is not None:
            later.setdefault(day, []).append(point)
        if isinstance(ops[0], _OWN_POINT):
            blocks = _own_point(ops[0], plan_genitive, others)
            out.append(Block(f"{point}. {blocks[0].text}", lines=blocks[0].lines))
            continue
        out.append(Block(f"{point}. {quoted}{reference} {w.word('such')} {_changes_phrase(ops)} {w.word('be_made')}:"))
        # The resolution's own changes come right after the lead-in; the annex's under the plan's frame.
        writer.context = ("point", None)
        writer.write(ops)
    point += 1
    excepted = sorted(p for points in later.values() for p in points)
    main = _rule_phrase(amendment.entry_into_force)
    own = w.KIND_SELF[act.kind]
    if excepted:
        excepted_points = w.point_listing(excepted, accusative=True)
        sentence = f"{point}. {w.word('this')} {own} {excepted_points} {w.EXCEPT}, {main} {w.IN_FORCE}"
        for day, points in sorted(later.items()):
            sentence += (
                f"; {w.point_listing(points, accusative=False)} {w.date_ablative(day)} {w.word('from')} {w.IN_FORCE}"
            )
        out.append(Block(sentence + "."))
    else:
        out.append(Block(f"{point}. {w.word('this')} {own} {main} {w.IN_FORCE}."))
    if act.signatory is not None:
        out.append(Block(f"{text_of(act.signatory.position)} {text_of(act.signatory.name)}"))
    return DraftText(act, out)


def _draft_by_paragraphs(amendment: Amendment, plan: Plan, acts: Mapping[str, Act] | None) -> DraftText:
    """``draft_text`` with a later commencement named by the paragraphs (абзац) that hold its operations."""
    act = amendment.act
    others: Mapping[str, Act] = acts or {}
    out, quoted, reference, plan_genitive = _opening(act, plan)
    writer = _Writer(plan, out)
    runs: list[list[Operation]] = []
    for op in amendment.operations:
        if runs and not isinstance(op, _OWN_POINT) and not isinstance(runs[-1][0], _OWN_POINT):
            runs[-1].append(op)
        else:
            runs.append([op])
    later: dict[dt.date, list[str]] = {}  # day -> the references that take effect on it
    for point, ops in enumerate(runs, 1):
        if isinstance(ops[0], _OWN_POINT):
            blocks = _own_point(ops[0], plan_genitive, others)
            out.append(Block(f"{point}. {blocks[0].text}", lines=blocks[0].lines))
            if ops[0].in_force is not None:
                later.setdefault(ops[0].in_force, []).append(w.point_listing([point], accusative=False))
            continue
        lead = len(out)
        out.append(Block(f"{point}. {quoted}{reference} {w.word('such')} {_changes_phrase(ops)} {w.word('be_made')}:"))
        writer.context = ("point", None)
        held: dict[dt.date, list[int]] = {}
        j = 0
        while j < len(ops):
            day = ops[j].in_force
            if day is None:
                k = j
                while k < len(ops) and ops[k].in_force is None:
                    k += 1
                writer.write(ops[j:k])
                j = k
                continue
            # One operation at a time: the paragraph its sentence is, after any heading sentence it needs.
            start = len(out)
            writer.write([ops[j]])
            own = next(b for b in range(start, len(out)) if b not in writer.headings)
            held.setdefault(day, []).append(1 + sum(1 + len(out[b].lines) for b in range(lead, own)))
            j += 1
        for day, numbers in held.items():
            later.setdefault(day, []).append(w.paragraph_listing(point, numbers, accusative=False))
    main = _rule_phrase(amendment.entry_into_force)
    sentence = f"{len(runs) + 1}. {w.word('this')} {w.KIND_SELF[act.kind]} {main} {w.IN_FORCE}"
    for k, (day, refs) in enumerate(sorted(later.items())):
        items = ", ".join(f"{ref} {w.date_ablative(day)} {w.word('from')}" for ref in refs)
        sentence += f"{', ' + w.WHEREAS if k == 0 else ';'} {items} {w.IN_FORCE}"
    out.append(Block(sentence + "."))
    if act.signatory is not None:
        out.append(Block(f"{text_of(act.signatory.position)} {text_of(act.signatory.name)}"))
    return DraftText(act, out)


def _table(rows: Sequence[tuple[str | None, Sequence[str]]]) -> list[str]:
    out = [f'{_INDENT}"', ""]
    for number, cells in rows:
        if number is not None:
            out += [f"{number}.", ""]
        for cell in cells:
            out += [*cell.split("\n"), ""]
    out.append(f'{_INDENT}";')
    return out


def render_text(text: DraftText) -> str:
    """The resolution as plain text, in the reference bank's layout (paragraphs indented, tables quoted)."""
    out: list[str] = []
    for k, block in enumerate(text.blocks):
        if block.heading:
            out.append(block.text)
            if k + 1 < len(text.blocks) and text.blocks[k + 1].heading:
                out.append("")
            continue
        out.append(_INDENT + block.text)
        if block.rows:
            out.extend(_table(block.rows))
        out.extend(_INDENT + line for line in block.lines)
    return "\n".join(out) + "\n"
