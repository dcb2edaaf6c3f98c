"""The other direction: from an amendment's operations to the text of the amending resolution (``amend draft-text``).

The text is composed from the formulas of ``wording`` in the official order: the title, the act's
name, the enacting words, one point per group of operations that enter into force together (its
lead-in, then the changes to the annex in document order, grouped as drafters group them: the
section named once before its rows, consecutive rows of one section in one sentence), and the
closing point on entry into force. Quoted rows are laid out as the reference bank prints them: the
row number, then each cell, parted by empty lines. A text no source gives is written ``⟨белгісіз⟩``,
which the importer reads back as unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning
from amend.engine.amendment import Amendment
from amend.engine.model import Plan
from amend.engine.operations import (
    AddAbbreviations,
    AddSection,
    AddSubsection,
    DeleteAbbreviation,
    DeleteRow,
    DeleteSection,
    DeleteText,
    InsertRows,
    InsertText,
    Operation,
    RepealPlan,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceText,
    ReplaceWords,
    ReplaceWordsIn,
    SetTitle,
)
from amend.engine.unknown import Text
from amend.importer import wording as w

__all__ = ["UNKNOWN_TEXT", "Block", "DraftText", "draft_text", "locative", "render_text"]

UNKNOWN_TEXT = w.UNKNOWN_TEXT
_INDENT = "      "


def text_of(value: Text) -> str:
    """A text as drafted: itself, or the unknown mark."""
    return value if isinstance(value, str) else UNKNOWN_TEXT


_BACK = set("аоұыуя")
_FRONT = set("әеөүіиэю")
_VOICELESS = set("кқпстфхцчшщ")


def locative(phrase: str) -> str:
    """The locative of a noun phrase, on its last word: "жоспар" -> "жоспарда", "картасы" -> "картасында"."""
    word = phrase.rstrip()
    vowels = [c for c in word.lower() if c in _BACK or c in _FRONT]
    front = bool(vowels) and vowels[-1] in _FRONT
    last = word[-1].lower()
    if word.lower().endswith(("сы", "сі")) or (last in "ыі" and len(word) > 2):
        # A possessive ending takes the pronominal n: "картасы" -> "картасында".
        return word + ("нде" if front else "нда")
    if last in _VOICELESS:
        return word + ("те" if front else "та")
    return word + ("де" if front else "да")


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
    adds = sum(isinstance(o, (InsertRows, AddAbbreviations, AddSection, AddSubsection, InsertText)) for o in ops)
    changes = len(ops) - adds
    if adds and changes:
        return "өзгерістер мен толықтырулар"
    if adds:
        return "толықтырулар" if adds > 1 else "толықтыру"
    return "өзгерістер" if changes > 1 else "өзгеріс"


def _title_quote(title: str) -> str:
    return f'"{title}"'


def _quoted(first: str, text: str, items: Sequence[tuple[str, str]] = ()) -> tuple[str, ...]:
    """The quoted lines of a new wording: ``first`` ("2." or "1)") before the text, each item a line of its own,
    the closing ``";`` on the last line."""
    lines = [f"{first} {line}" if k == 0 and first else line for k, line in enumerate(text.split("\n"))]
    for number, item in items:
        lines.extend(f"{number}) {line}" if k == 0 else line for k, line in enumerate(item.split("\n")))
    lines[0] = '"' + lines[0]
    lines[-1] += '";'
    return tuple(lines)


def _resolution_level(op: Operation) -> bool:
    """No plan frame before it: the resolution's own title and points, and the annex's title (its sentence
    names the plan itself)."""
    if isinstance(op, (ReplaceText, InsertText, DeleteText)):
        return op.element == "title" or op.element.startswith("point ") or op.element == "annex_title"
    return False


class _Writer:
    """Writes the operations of one point, keeping the context (section, note) the sentences stand in."""

    def __init__(self, plan: Plan, out: list[Block]) -> None:
        self.plan = plan
        self.out = out
        self.context: tuple[str, str | None] = ("plan", None)
        self.notes = {code: a.expansion for code, a in plan.abbreviations.items()}

    def para(self, text: str, **kw: object) -> None:
        self.out.append(Block(text, **kw))  # type: ignore[arg-type]

    def plan_context(self) -> None:
        if self.context != ("plan", None):
            self.para(f"{w.PLAN_FRAME} {locative(text_of(self.plan.title))}:")
            self.context = ("plan", None)

    def section_context(self, section: str | None) -> None:
        if section is None:
            self.plan_context()
            return
        if self.context == ("section", section):
            return
        found = self.plan.section(section)
        if found is not None and isinstance(found.title, str):
            self.para(f'"{found.title}" {w.SAID} {section}-бөлімде:')
        else:
            self.para(f"{section}-бөлімде:")
        self.context = ("section", section)

    def note_context(self) -> None:
        if self.context != ("note", None):
            self.para(w.NOTE_CONTEXT)
            self.context = ("note", None)

    def _note_line(self, code: str) -> str:
        old = self.notes.get(code)
        return f"{code} – {old}" if isinstance(old, str) else code

    def write(self, ops: Sequence[Operation]) -> None:
        i = 0
        while i < len(ops):
            op = ops[i]
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
        return tuple(text_of(cells[c]) for c in self.plan.column_ids if c in cells)

    def _column_number(self, column: str) -> int:
        # The table numbers its columns from the row number ("1") on.
        return self.plan.column_ids.index(column) + 2

    def _one(self, op: Operation) -> None:
        match op:
            case InsertRows():
                self.section_context(op.section)
                rows = tuple((str(r.number), self._cells(r.cells)) for r in op.rows)
                listing = w.row_listing([str(r.number) for r in op.rows], "мен")
                if op.subsection is not None:
                    found = self.plan.section(op.section)
                    sub = found.subsection(op.subsection) if found else None
                    if sub is not None and isinstance(sub.title, str):
                        head = f'"{op.subsection}. {sub.title}" {w.SAID} кіші бөлім'
                    else:
                        head = f"{op.subsection} кіші бөлім"
                    self.para(f"{head} {w.WITH_CONTENT} {listing} {w.SUPPLEMENTED}:", rows=rows)
                elif op.rows[0].number.parent is not None:
                    after = w.row_listing([str(op.rows[0].number.parent)], "дан")
                    self.para(f"{after} кейін {w.WITH_CONTENT} {listing} {w.SUPPLEMENTED}:", rows=rows)
                else:
                    self.para(f"{w.WITH_CONTENT} {listing} {w.SUPPLEMENTED}:", rows=rows)
            case ReplaceCells():
                self.section_context(op.section)
                columns = [c for c in self.plan.column_ids if c in op.cells]
                numbers = [self._column_number(c) for c in columns]
                head = w.row_listing([str(op.row)], "дың")
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
                self.para(f'"{self._note_line(op.code)}" {w.SAID} жол {w.STRUCK_OUT};')
                self.notes.pop(op.code, None)
            case ReplaceAbbreviation():
                self.note_context()
                self.para(
                    f'"{self._note_line(op.code)}" {w.SAID} жол {w.IN_NEW_WORDING}:',
                    lines=(f'"{op.code} – {text_of(op.expansion)}";',),
                )
                self.notes[op.code] = op.expansion
            case SetTitle():
                head = f"{op.subsection} кіші бөлімнің" if op.subsection else f"{op.section}-бөлімнің"
                self.para(f"{head} атауы {w.IN_NEW_WORDING}:", lines=(f"{_title_quote(text_of(op.title))};",))
            case AddSection():
                after = f"{op.after}-бөлімнен кейін " if op.after else ""
                self.para(
                    f"{after}{w.WITH_CONTENT} {op.number}-бөліммен {w.SUPPLEMENTED}:",
                    lines=(f"{_title_quote(text_of(op.title))};",),
                )
            case AddSubsection():
                after = f"{op.after} кіші бөлімнен кейін " if op.after else ""
                self.para(
                    f"{op.section}-бөлім {after}{w.WITH_CONTENT} {op.number} кіші бөліммен {w.SUPPLEMENTED}:",
                    lines=(f"{_title_quote(text_of(op.title))};",),
                )
            case ReplaceText() | InsertText() | DeleteText():
                self._text(op)
            case DeleteSection():
                found = self.plan.section(op.number)
                said = f'"{found.title}" {w.SAID} ' if found is not None and isinstance(found.title, str) else ""
                self.para(f"{said}{op.number}-бөлім {w.STRUCK_OUT};")
            case ReplaceWordsIn() if op.element.startswith("abbreviation "):
                # Words in one line of the note: the importer finds the one line that holds them.
                self.note_context()
                self._word_pair("", op.old, op.new)
                code = op.element.removeprefix("abbreviation ")
                old = self.notes.get(code)
                if isinstance(old, str):
                    self.notes[code] = old.replace(op.old, op.new)
            case _:
                raise AssertionError(f"no formula for {type(op).__name__}")

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
                self.para(f"{w.point_name(key)} {w.IN_NEW_WORDING}:", lines=_quoted(first, text_of(op.text), items))
            case ReplaceText() if op.element == "title":
                self.para(f"{w.TITLE_WORD} {w.IN_NEW_WORDING}:", lines=_quoted("", text_of(op.text)))
            case ReplaceText() if op.element == "annex_title":
                plan = w.genitive(text_of(self.plan.title))
                self.para(
                    f"{w.PLAN_FRAME} {plan} {w.ANNEX_TITLE_WORD} {w.IN_NEW_WORDING}:",
                    lines=_quoted("", text_of(op.text)),
                )
            case InsertText() if op.element.startswith("point ") and sub:
                after = f"{w.subpoint_case(op.after, 'дан')} {w.AFTER} " if op.after else ""
                head = f"{point}-тармақ {after}{w.WITH_CONTENT} {w.subpoint_case(sub, 'мен')} {w.SUPPLEMENTED}:"
                self.para(head, lines=_quoted(first, text_of(op.text)))
            case InsertText() if op.element.startswith("point "):
                after = f"{w.point_case(op.after, 'дан')} {w.AFTER} " if op.after else ""
                head = f"{after}{w.WITH_CONTENT} {w.point_case(point, 'мен')} {w.SUPPLEMENTED}:"
                self.para(head, lines=_quoted(first, text_of(op.text)))
            case _:
                raise AssertionError(f"no formula for {op.op} of {op.element}")

    def _word_pair(self, scope: str, old: str, new: str) -> None:
        if new:
            self.para(f'{scope}"{old}" {w.SAID} {w.WORDS_OLD} "{new}" {w.SAID} {w.WORDS_NEW} {w.REPLACED};')
        else:
            self.para(f'{scope}"{old}" {w.SAID} {w.WORDS_OLD} {w.STRUCK_OUT};')

    def _words(self, op: ReplaceWords) -> None:
        if op.row is not None:
            self.section_context(op.section)
            if op.column is not None:
                scope = f"{w.row_listing([str(op.row)], 'дың')} {self._column_number(op.column)}-бағанындағы "
            else:
                scope = f"{w.row_listing([str(op.row)], 'дағы')} "
        else:
            self.section_context(op.section)
            scope = f"{self._column_number(op.column)}-бағанындағы " if op.column is not None else ""
        self._word_pair(scope, op.old, op.new)


def _rule_phrase(rule: OnSigning | OnDate | AfterPublication) -> str:
    match rule:
        case OnSigning():
            return w.ON_SIGNING
        case OnDate(date=date):
            return f"{w.date_ablative(date)} бастап"
        case AfterPublication(days=days):
            return w.AFTER_PUBLICATION.format(days=w.days_phrase(days))
    raise AssertionError(rule)


def draft_text(amendment: Amendment, plan: Plan) -> DraftText:
    """The amending resolution's text for ``amendment``; ``plan`` is the plan as it stands just before the act."""
    act = amendment.act
    out: list[Block] = []
    if isinstance(act.title, str):
        out.append(Block(act.title, heading=True))
    out.append(Block(w.act_reference(act.issuer, act.kind, act.number, act.date, dative=False), heading=True))
    out.append(Block(f"{act.issuer} {w.ENACTING}"))
    base = plan.act
    reference = w.act_reference(base.issuer, base.kind, base.number, base.date, dative=True)
    quoted = f"{_title_quote(base.title)} " if isinstance(base.title, str) else ""
    writer = _Writer(plan, out)
    point = 0
    later: dict[dt.date, list[int]] = {}
    # One point per run of operations that enter into force together (staggered commencement).
    for in_force, run in groupby(amendment.operations, key=lambda o: (o.in_force, isinstance(o, RepealPlan))):
        ops = list(run)
        day, repeal = in_force
        point += 1
        if day is not None:
            later.setdefault(day, []).append(point)
        if repeal:
            genitive = reference.removesuffix(w.KIND_DATIVE[base.kind]) + w.KIND_GENITIVE[base.kind]
            out.append(Block(f"{point}. {quoted}{genitive} {w.REPEALED}."))
            continue
        out.append(Block(f"{point}. {quoted}{reference} мынадай {_changes_phrase(ops)} енгізілсін:"))
        # The resolution's own changes come right after the lead-in; the annex's under the plan's frame.
        writer.context = ("point", None)
        writer.write(ops)
    point += 1
    excepted = sorted(p for points in later.values() for p in points)
    main = _rule_phrase(amendment.entry_into_force)
    own = w.KIND_SELF[act.kind]
    if excepted:
        sentence = f"{point}. Осы {own} {w.point_listing(excepted, accusative=True)} {w.EXCEPT}, {main} {w.IN_FORCE}"
        for day, points in sorted(later.items()):
            sentence += f"; {w.point_listing(points, accusative=False)} {w.date_ablative(day)} бастап {w.IN_FORCE}"
        out.append(Block(sentence + "."))
    else:
        out.append(Block(f"{point}. Осы {own} {main} {w.IN_FORCE}."))
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
