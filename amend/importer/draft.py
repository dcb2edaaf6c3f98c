"""From the text of an amending act to a draft amendment: operations as data, with review notes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amend.engine.model import Plan
from amend.engine.unknown import UNKNOWN, Text
from amend.importer.instructions import (
    AddAbbreviations,
    DeleteAbbreviation,
    DeletePoint,
    DeleteRows,
    DeleteSection,
    Document,
    EntryIntoForceClause,
    Framing,
    InsertPoint,
    InsertRows,
    Instruction,
    NoteContext,
    Paragraph,
    ReplaceAbbreviation,
    ReplacePoint,
    ReplaceRows,
    ReplaceWords,
    SectionContext,
    Signature,
    SubsectionContext,
    Unrecognized,
    read_instructions,
    split_document,
)
from amend.importer.metadata import EntryReading, Heading, ImportTextError, read_entry_into_force, read_heading
from amend.importer.rows import column_kinds, read_rows
from amend.importer.text import Lexicon, read_lines
from amend.store.yaml_io import read_yaml

__all__ = ["Draft", "DraftOp", "Review", "amended_plan", "import_text", "plan_lexicon"]


@dataclass(frozen=True)
class Review:
    """A place where the importer chose a reading that a person should check."""

    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        place = f"line {self.line}: " if self.line else ""
        return f"{place}{self.where}: {self.message}"


@dataclass
class DraftOp:
    """One operation as YAML data (keys in the format's order), the sentence it came from, and its notes.

    ``data`` None: no operation, only a comment (a paragraph that matched no formula).
    """

    data: dict[str, Any] | None
    source: list[str]
    notes: list[Review] = field(default_factory=list)
    # (row number or None, column id) -> notes on that cell
    cell_notes: dict[tuple[str | None, str], list[Review]] = field(default_factory=dict)


@dataclass
class Draft:
    """A draft amendment read from an act's text."""

    source: str
    act: dict[str, Any]
    amends: str
    entry: EntryReading
    operations: list[DraftOp]
    notes: list[Review] = field(default_factory=list)  # notes on the act as a whole
    signature: str | None = None
    signatory: tuple[str, str] | None = None  # (position, name): the act's signatory, as data

    @property
    def reviews(self) -> list[Review]:
        """Every review note, in the order of the draft."""
        out = list(self.notes)
        for op in self.operations:
            out.extend(op.notes)
            for notes in op.cell_notes.values():
                out.extend(notes)
        return out


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


def _same(a: str, b: Text) -> bool:
    return isinstance(b, str) and re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


class _Builder:
    """Walks the instructions in order, keeping the section (or the note) they speak of."""

    def __init__(self, plan: Plan, lexicon: Lexicon, codes: set[str]) -> None:
        self.plan = plan
        self.lexicon = lexicon
        self.codes = codes
        self.kinds = column_kinds(plan)
        self.section: str | None = None
        self.subsection: str | None = None
        self.in_note = False
        self.ops: list[DraftOp] = []
        # The first operation after a context sentence carries that sentence as its comment, as the
        # hand transcriptions do ("... деген 1-бөлімде:" above "реттік нөмірі 6-жол ...").
        self.pending: list[str] = []
        self.context_notes: list[Review] = []

    def _source(self, i: Instruction) -> list[str]:
        return [i.paragraph.text]

    def _rows(self, i: ReplaceRows | InsertRows, op: DraftOp) -> dict[str, dict[str, Text]]:
        """The cells of the rows ``i`` quotes; their notes go on ``op``, by (row, column)."""
        table, numbers = i.table, i.rows
        if table is None:
            op.notes.append(
                Review(i.paragraph.first_line, "rows", "the instruction quotes no table; every cell is left unknown")
            )
            return {n: {k.id: UNKNOWN for k in self.kinds} for n in numbers}
        out = {}
        for reading in read_rows(table.lines, numbers, self.kinds, self.codes, self.lexicon):
            out[reading.number] = reading.cells
            for column, line, message in reading.notes:
                key = (reading.number, column or "")
                op.cell_notes.setdefault(key, []).append(
                    Review(line, f"row {reading.number}" + (f", {column}" if column else ""), message)
                )
            executors = [k.id for k in self.kinds if k.kind == "executors"]
            for column in executors:
                value = reading.cells.get(column)
                if isinstance(value, str):
                    for code in re.split(r"\s*,\s*", value):
                        code = re.sub(r"\s*\(.*\)$", "", code)
                        if code and code not in self.codes:
                            key = (reading.number, column)
                            op.cell_notes.setdefault(key, []).append(
                                Review(
                                    table.first_line,
                                    f"row {reading.number}, {column}",
                                    f"'{code}' is neither in the plan's note nor added by this act",
                                )
                            )
        return out

    def _check_section(self, i: Instruction, number: str, title: str | None, op_notes: list[Review]) -> None:
        section = self.plan.section(number)
        line = i.paragraph.first_line
        if section is None:
            op_notes.append(Review(line, f"section {number}", f"plan {self.plan.plan} has no section {number}"))
        elif title is not None and not isinstance(section.title, str):
            pass  # the plan does not know the title: nothing to compare
        elif title is not None and not _same(title, section.title):
            op_notes.append(
                Review(line, f"section {number}", f'the act names it "{title}", the plan "{section.title}"')
            )

    def _check_subsection(
        self, i: Instruction, section: str, number: str, title: str | None, notes: list[Review]
    ) -> None:
        found = self.plan.section(section)
        sub = next((s for s in found.subsections if s.number == number), None) if found else None
        line = i.paragraph.first_line
        if sub is None:
            notes.append(Review(line, f"subsection {number}", f"plan {self.plan.plan} has no subsection {number}"))
        elif title is not None and isinstance(sub.title, str) and not _same(title, sub.title):
            notes.append(Review(line, f"subsection {number}", f'the act names it "{title}", the plan "{sub.title}"'))

    def add(self, i: Instruction) -> None:
        match i:
            case SectionContext():
                self.section, self.subsection, self.in_note = i.section, None, False
                self.pending = [i.paragraph.text]
                notes: list[Review] = []
                self._check_section(i, i.section, i.title, notes)
                self.context_notes = notes
            case SubsectionContext():
                self.section = i.subsection.split(".")[0]
                self.subsection, self.in_note = i.subsection, False
                self.pending = [i.paragraph.text]
                notes = []
                self._check_subsection(i, self.section, i.subsection, i.title, notes)
                self.context_notes = notes
            case NoteContext():
                self.in_note = True
                self.pending = [i.paragraph.text]
                self.context_notes = []
            case ReplaceRows():
                self._replace_rows(i)
            case InsertRows():
                self._insert_rows(i)
            case DeleteRows():
                for number in i.rows:
                    data: dict[str, Any] = {"op": "delete_row"}
                    if self.section:
                        data["section"] = self.section
                    data["row"] = number
                    source = i.paragraph.text if len(i.rows) == 1 else f"{i.paragraph.text} (row {number})"
                    self._emit(DraftOp(data, [source]))
            case ReplaceWords() if self.in_note:
                self._note_words(i)
            case ReplacePoint():
                data = {"op": "replace_text", "element": f"point {i.point}", "text": i.text}
                self._emit(DraftOp(data, self._source(i)))
            case InsertPoint():
                data = {"op": "insert_text", "element": f"point {i.point}"}
                if i.after:
                    data["after"] = i.after
                data["text"] = i.text
                self._emit(DraftOp(data, self._source(i)))
            case DeleteSection():
                notes = []
                self._check_section(i, i.section, i.title, notes)
                op = DraftOp({"op": "delete_section", "number": i.section}, self._source(i), notes)
                self._emit(op)
            case DeletePoint():
                self._emit(DraftOp({"op": "delete_text", "element": f"point {i.point}"}, self._source(i)))
            case ReplaceWords():
                self._replace_words(i)
            case AddAbbreviations():
                self._emit(DraftOp({"op": "add_abbreviations", "entries": dict(i.entries)}, self._source(i)))
            case DeleteAbbreviation():
                self._emit(DraftOp({"op": "delete_abbreviation", "code": i.code}, self._source(i)))
            case ReplaceAbbreviation():
                self._emit(
                    DraftOp({"op": "replace_abbreviation", "code": i.code, "expansion": i.expansion}, self._source(i))
                )
            case Unrecognized():
                where = "table" if i.table is not None else "paragraph"
                self._emit(
                    DraftOp(
                        None,
                        [i.paragraph.text],
                        [
                            Review(
                                i.paragraph.first_line,
                                where,
                                f'{i.why}; no operation was made from: "{i.paragraph.text}"',
                            )
                        ],
                    )
                )
            case Framing() | EntryIntoForceClause() | Signature():
                pass
            case _:
                raise AssertionError(f"unhandled instruction {type(i).__name__}")

    def _note_words(self, i: ReplaceWords) -> None:
        """Words replaced in the note: in the one expansion that holds them (replace_words_in), else a review."""
        for old, new in i.pairs:
            holders = [
                (code, a.expansion.count(old))
                for code, a in self.plan.abbreviations.items()
                if isinstance(a.expansion, str) and old in a.expansion
            ]
            if len(holders) == 1:
                code, count = holders[0]
                data = {
                    "op": "replace_words_in",
                    "element": f"abbreviation {code}",
                    "old": old,
                    "new": new,
                    "occurrences": count,
                }
                self._emit(DraftOp(data, [i.paragraph.text]))
                continue
            why = "no expansion of the note holds them" if not holders else f"{len(holders)} expansions hold them"
            message = f'words "{old}" replaced in the note: {why}; write the operation by hand'
            self._emit(DraftOp(None, [i.paragraph.text], [Review(i.paragraph.first_line, "note", message)]))

    def _emit(self, op: DraftOp) -> None:
        op.source = self.pending + op.source
        op.notes = self.context_notes + op.notes
        self.pending, self.context_notes = [], []
        self.ops.append(op)

    def _replace_rows(self, i: ReplaceRows) -> None:
        collected = DraftOp(None, [])
        cells = self._rows(i, collected)
        if self.section is None:
            collected.notes.append(
                Review(
                    i.paragraph.first_line,
                    "section",
                    "no section is named before this instruction; the rows are replaced wherever they are",
                )
            )
        for k, number in enumerate(i.rows):
            data: dict[str, Any] = {"op": "replace_row"}
            if self.section:
                data["section"] = self.section
            data["row"] = number
            data["cells"] = cells[number]
            source = i.paragraph.text if len(i.rows) == 1 else f"{i.paragraph.text} (row {number})"
            # One operation per row: each takes the notes on its own row's cells.
            cell_notes = {
                (None, column): notes for (row, column), notes in collected.cell_notes.items() if row == number
            }
            self._emit(DraftOp(data, [source], collected.notes if k == 0 else [], cell_notes))

    def _insert_rows(self, i: InsertRows) -> None:
        op = DraftOp(None, self._source(i))
        section = self.section
        if i.subsection is not None:
            from_sub = i.subsection.split(".")[0]
            if section is not None and section != from_sub:
                op.notes.append(
                    Review(
                        i.paragraph.first_line,
                        f"subsection {i.subsection}",
                        f"named while section {section} is being amended; section {from_sub} assumed",
                    )
                )
            section = from_sub
            self._check_subsection(i, section, i.subsection, i.subsection_title, op.notes)
        elif self.subsection is not None:
            op.notes.append(
                Review(
                    i.paragraph.first_line,
                    "subsection",
                    f"no subsection named; the rows go into subsection {self.subsection} (the context)",
                )
            )
        if section is None:
            section = "1"
            op.notes.append(
                Review(
                    i.paragraph.first_line, "section", "no section is named before this instruction; section 1 assumed"
                )
            )
        cells = self._rows(i, op)
        data: dict[str, Any] = {"op": "insert_rows", "section": section}
        subsection = i.subsection or self.subsection
        if subsection:
            data["subsection"] = subsection
        data["rows"] = [{"number": n, "cells": cells[n]} for n in i.rows]
        op.data = data
        self._emit(op)

    def _replace_words(self, i: ReplaceWords) -> None:
        column = None
        notes: list[Review] = []
        line = i.paragraph.first_line
        if i.column_number is not None:
            # Kazakh plans number their columns from the row number ("1") on, so column k of the
            # table is the plan's column k - 1.
            index = i.column_number - 2
            if 0 <= index < len(self.plan.columns):
                column = self.plan.columns[index].id
                notes.append(
                    Review(
                        line,
                        "column",
                        f"column {i.column_number} of the table read as '{column}' (the row number is column 1)",
                    )
                )
            else:
                notes.append(
                    Review(line, "column", f"the plan has no column {i.column_number}; the whole row is the scope")
                )
        for old, new in i.pairs:
            data: dict[str, Any] = {"op": "replace_words", "old": old, "new": new, "occurrences": 1}
            if i.row is not None:
                data["row"] = i.row
            if column is not None:
                data["column"] = column
            if self.section and i.row is not None:
                data["section"] = self.section
            op_notes = list(notes) + [
                Review(line, "occurrences", "the text does not say how often the words occur; 1 is assumed")
            ]
            if i.row is None and column is None:
                op_notes.append(Review(line, "scope", "no row named: the words are replaced throughout the plan"))
            self._emit(DraftOp(data, self._source(i), op_notes))


def import_text(
    text: str, plan: Plan, lexicon: Lexicon | None = None, source: str = "<text>", plan_id: str | None = None
) -> Draft:
    """Read an amending act's text into a draft amendment of ``plan``."""
    document: Document = split_document(text)
    instructions = read_instructions(document)
    enacting = next((i.paragraph.text for i in instructions if isinstance(i, Framing)), None)
    heading: Heading = read_heading(document.heading, enacting)
    lex = Lexicon()
    if lexicon is not None:
        lex.add(lexicon.words)
    lex.add_whole_words(read_lines(enumerate(text.split("\n"), 1)))
    codes = set(plan.abbreviations)
    for i in instructions:
        if isinstance(i, AddAbbreviations):
            codes.update(code for code, _ in i.entries)
    builder = _Builder(plan, lex, codes)
    for i in instructions:
        builder.add(i)
    act = {
        "issuer": heading.issuer,
        "kind": heading.kind,
        "number": heading.number,
        "date": heading.date,
        "title": heading.title,
    }
    notes: list[Review] = []
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
    if clauses:
        entry = read_entry_into_force(clauses[-1].paragraph.text, clauses[-1].paragraph.first_line)
    else:
        entry = EntryReading(None)
    if entry.rule is None:
        notes.append(
            Review(
                entry.line,
                "entry_into_force",
                "no formula of entry into force was recognised"
                + (f' in "{entry.text}"' if entry.text else "")
                + "; fill it in",
            )
        )
    elif entry.rule == "after_publication":
        notes.append(
            Review(
                entry.line,
                "entry_into_force",
                "in force after publication: the text does not give the publication date; fill in `published`",
            )
        )
    signed = next((i for i in instructions if isinstance(i, Signature)), None)
    signature = f"{signed.position} {signed.name}" if signed else None
    if not any(op.data for op in builder.ops):
        raise ImportTextError("no amending instruction was recognised in the text", file=source)
    signatory = (signed.position, signed.name) if signed else None
    return Draft(source, act, amends, entry, builder.ops, notes, signature, signatory)
