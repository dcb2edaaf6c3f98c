"""The Russian text of an amending act: its grammar, its reading, and its merge with the Kazakh text.

The Russian formulae are read as the Kazakh ones are: one paragraph, one production of a lark grammar (Earley,
its text in ``grammar_ru.lark``, its phrases named there and taken from ``language.phrases_ru``), turned into the same
``sentences`` classes as ``grammar`` gives, so that ``instructions.read_instructions`` reads the
document (its quoted tables, note lines, points) the same way for both languages. The reading keeps its context
(points, headings, the scope a bare title binds to) with the Kazakh builder's walker (``context.ContextWalker``)
and makes the operations both texts give alike with the same methods (``draft._LanguageBuilder``), the Russian
texts in their ``_ru`` fields. What is Russian is then only the wording, and how its quoted tables are printed.

``read_russian`` gives the act's Russian changes in order (``RussianChange``: what the change targets, the
Russian texts it gives). ``russian_draft`` makes a draft of them alone: the Kazakh texts are ``!unknown``,
and a change whose identity is Kazakh (the words a ``replace_words`` replaces, the codes of new note lines)
is a REVIEW note with the Russian reading. ``merge_russian`` puts them into a Kazakh draft of the same act,
change by change: the same kind of change on the same target, in the same order, takes the Russian texts;
anything else is REVIEW with both readings, never a guess. Nothing is ever translated.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError

from amend.engine.acts import Act, ActPoint, Signatory
from amend.engine.model import Plan
from amend.engine.operations import Operation, ReplaceWords
from amend.engine.unknown import UNKNOWN, Text
from amend.errors import AmendError
from amend.importer.act.context import RUSSIAN
from amend.importer.act.document import Document, Table, split_document
from amend.importer.act.draft import (
    Draft,
    DraftOp,
    Review,
    _apply_clause,
    _entry_notes,
    _Invalid,
    _item,
    _LanguageBuilder,
    _revised,
    note_words,
    version_before_operation,
)
from amend.importer.act.grammar import Ref, expand
from amend.importer.act.instructions import (
    AbbreviationDeleted,
    AbbreviationReworded,
    AbbreviationsAdded,
    ActTextReworded,
    CellsReworded,
    EntryIntoForceClause,
    Instruction,
    PointAdded,
    PointDeleted,
    RowContext,
    RowsAdded,
    RowsDeleted,
    RowsReworded,
    SectionAdded,
    SectionDeleted,
    Signature,
    TitleReworded,
    Unrecognized,
    WordsReplaced,
    read_instructions,
)
from amend.importer.act.scope import SCOPED
from amend.importer.act.sentences import (
    CellsRewording,
    Clause,
    ColumnsRewording,
    Commencement,
    EnactingWords,
    LeadIn,
    NoteFrame,
    NoteLineDeletion,
    NoteLineRewording,
    NoteLinesAddition,
    PlanFrame,
    RowFrame,
    RowsAddition,
    RowsDeletion,
    RowsRewording,
    Scope,
    SectionAddition,
    SectionDeletion,
    SectionHeading,
    SectionTitleRewording,
    Sentence,
    Signing,
    SubsectionAddition,
    SubsectionHeading,
    SubsectionTitleRewording,
    TextDeletion,
    TextInsertion,
    TextRewording,
    WordsReplacement,
)
from amend.importer.metadata import EntryReading, ImportTextError
from amend.importer.rows import ColumnKind
from amend.importer.text import Lexicon, Line, fix_lookalikes, join_lines, read_lines
from amend.language import lexicon
from amend.language import lexicon as lx
from amend.language.phrases_ru import (
    ISSUER_RU,
    KIND_RU,
    UNKNOWN_TEXT_RU,
    grammar_phrases_ru,
    parse_days_ru,
    phrases_ru,
    row_numbers_ru,
    russian_date,
)

__all__ = [
    "RussianAct",
    "RussianChange",
    "RussianText",
    "count_russian_occurrences",
    "import_pair",
    "merge_russian",
    "parse_russian",
    "read_russian",
    "russian_amended_plan",
    "russian_draft",
]

# The grammar's text: package data beside this module.
_GRAMMAR = (resources.files(__package__) / "grammar_ru.lark").read_text(encoding="utf-8")


@cache
def _parser() -> Lark:
    text = expand(_GRAMMAR, grammar_phrases_ru(), source="grammar_ru.lark", language="amend.language.phrases_ru")
    return Lark(text, parser="earley", lexer="dynamic", ambiguity="resolve")


def _unquote(token: Token) -> str:
    return str(token)[1:-1].strip()


def _numbered(text: str) -> tuple[str, str | None]:
    """ "1.2. Среднесрочные меры" -> ("1.2", "Среднесрочные меры"); no number -> ("", text)."""
    m = re.match(r"^((?:\d+|[IVXLC]+)(?:\.\d+)+)\.?\s+(.+)$", text)
    return (m.group(1), m.group(2)) if m else ("", text)


_ROMAN_LOOKALIKES = lexicon.RUSSIAN_ROMAN_LOOKALIKES


def _section(token: Token) -> str:
    return str(token).translate(_ROMAN_LOOKALIKES)


class _Refs:
    """The points an exception names, and whether it names paragraphs (абзацы) of them."""

    __slots__ = ("paragraphs", "refs")

    def __init__(self, refs: tuple[Ref, ...], paragraphs: tuple[str, ...]) -> None:
        self.refs = refs
        self.paragraphs = paragraphs


@v_args(inline=True)
class _Reader(Transformer[Token, Sentence]):
    """A Russian parse tree as the ``Sentence`` the Kazakh grammar gives for the same change."""

    def rowlist(self, *items: Token) -> list[str]:
        return row_numbers_ru(", ".join(str(i) for i in items))

    def rows_acc(self, rows: list[str]) -> list[str]:
        return rows

    rows_ins = rows_acc

    def section_ctx(self, *args: Token) -> Sentence:
        number = next((_section(a) for a in args if a.type == "SECNUM"), None)
        title = next((_unquote(a) for a in args if a.type == "QUOTED"), None)
        if number is None and title is not None:
            head = re.match(rf"^([0-9{lx.ROMAN_DIGITS}]+)\.\s+(.+)$", title)
            if head:
                number, title = _section(Token("SECNUM", head.group(1))), head.group(2)
        return SectionHeading(section=number, title=title)

    def subsection_ctx(self, *args: Token) -> Sentence:
        number = next((str(a).rstrip(".") for a in args if a.type == "SUBNUM"), None)
        title = next((_unquote(a) for a in args if a.type == "QUOTED"), None)
        if number is None and title is not None:
            number, title = _numbered(title)
        return SubsectionHeading(subsection=number or "", title=title)

    def plan_ctx(self, *_frame: Token) -> Sentence:
        return PlanFrame()

    def note_ctx(self) -> Sentence:
        return NoteFrame()

    def replace_rows(self, rows: list[str]) -> Sentence:
        return RowsRewording(rows=rows)

    def insert_rows(self, *args: Any) -> Sentence:
        rows: list[str] = args[-1]
        section = next((a for a in args[:-1] if isinstance(a, dict)), None)
        if section is not None:
            return RowsAddition(rows, section=section["section"], section_title=section["section_title"])
        tokens = [a for a in args[:-1] if isinstance(a, Token)]
        if tokens and tokens[0].type == "ROWITEM":
            return RowsAddition(rows, after=str(tokens[0]))
        if tokens:
            number = next((str(t).rstrip(".") for t in tokens if t.type == "SUBNUM"), None)
            title = next((_unquote(t) for t in tokens if t.type == "QUOTED"), None)
            if number is None and title is not None:
                number, title = _numbered(title)
            return RowsAddition(rows, subsection=number or "", subsection_title=title)
        return RowsAddition(rows)

    def into_sec(self, *args: Token) -> dict[str, Any]:
        number = next((_section(a) for a in args if a.type == "SECNUM"), None)
        title = next((_unquote(a) for a in args if a.type == "QUOTED"), None)
        return {"section": number, "section_title": title}

    def collist(self, *items: Token) -> list[int]:
        return [int(i) for i in items]

    def row_ctx(self, row: Token) -> Sentence:
        return RowFrame(row=str(row))

    def replace_cells(self, columns: list[int], row: Token) -> Sentence:
        return CellsRewording(row=str(row), columns=columns)

    def col_cells(self, columns: list[int]) -> Sentence:
        return ColumnsRewording(columns=columns)

    def col_scope(self, columns: list[int]) -> dict[str, Any]:
        return {"column": columns[0], "columns": columns}

    def delete_rows(self, rows: list[str]) -> Sentence:
        return RowsDeletion(rows=rows)

    def row_scope(self, rows: list[str]) -> dict[str, Any]:
        return {"row": rows[0], "rows": rows}

    def text_scope(self) -> dict[str, Any]:
        return {"whole_text": True}

    def scope(self, *parts: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for part in parts:
            out.update(part)
        return out

    def pair(self, _noun: Token, old: Token, *new: Token) -> tuple[str, str | None]:
        # Words are quoted exactly: a blank inside the quotes is part of them.
        return (str(old)[1:-1], str(new[-1])[1:-1] if new else None)

    def pairs(self, *pairs: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        return list(pairs)

    def words(self, *args: Any) -> Sentence:
        scope = cast(Scope, args[0]) if isinstance(args[0], dict) else Scope()
        pairs = next(a for a in args if isinstance(a, list))
        return WordsReplacement(scope=scope, pairs=pairs)

    def note_add(self, *_named: Token) -> Sentence:
        return NoteLinesAddition(after=None)

    def note_replace(self, quoted: Token) -> Sentence:
        return NoteLineRewording(line=_unquote(quoted))

    def note_delete(self, quoted: Token) -> Sentence:
        return NoteLineDeletion(line=_unquote(quoted))

    def section_title(self, number: Token) -> Sentence:
        return SectionTitleRewording(section=_section(number))

    def subsection_title(self, number: Token) -> Sentence:
        return SubsectionTitleRewording(subsection=str(number).rstrip("."))

    def add_section(self, *numbers: Token) -> Sentence:
        after = _section(numbers[0]) if len(numbers) == 2 else None
        return SectionAddition(number=_section(numbers[-1]), after=after)

    def add_subsection(self, section: Token, *numbers: Token) -> Sentence:
        after = str(numbers[0]).rstrip(".") if len(numbers) == 2 else None
        return SubsectionAddition(section=_section(section), number=str(numbers[-1]).rstrip("."), after=after)

    def section_delete(self, number: Token, *title: Token) -> Sentence:
        return SectionDeletion(section=_section(number), title=_unquote(title[0]) if title else None)

    def point_text(self, ref: Token) -> Sentence:
        return TextRewording(element=_point_element(ref))

    def act_title(self) -> Sentence:
        return TextRewording(element="title")

    def point_insert(self, *points: Token) -> Sentence:
        after = str(points[0]) if len(points) == 2 else None
        return TextInsertion(element=f"point {points[-1]}", number=str(points[-1]), after=after)

    def subpoint_insert(self, point: Token, *subs: Token) -> Sentence:
        number = str(subs[-1]).rstrip(")")
        after = str(subs[0]).rstrip(")") if len(subs) == 2 else None
        return TextInsertion(element=f"point {point}.{number}", number=number, after=after)

    def point_delete(self, ref: Token) -> Sentence:
        return TextDeletion(element=_point_element(ref))

    def enacting(self, words: Token) -> Sentence:
        return EnactingWords(text=str(words))

    def lead_in(self, *args: Token) -> Sentence:
        point = int(args[0]) if len(args) == 2 else None
        return LeadIn(point=point, lead=str(args[-1]))

    def on_signing(self) -> tuple[str, Any]:
        return ("on_signing", None)

    def after_publication(self, days: Token) -> tuple[str, Any]:
        return ("after_publication", parse_days_ru(str(days)))

    def on_date(self, day: Token, month: Token, year: Token) -> tuple[str, Any]:
        return ("on_date", russian_date(str(day), str(month), str(year)))

    def rule(self, value: tuple[str, Any]) -> tuple[str, Any]:
        return value

    def ref(self, *args: Token) -> tuple[Ref, str | None]:
        paragraph = next((str(a) for a in args if a.type == "PARAGRAPH_REF"), None)
        sub = next((int(str(a).rstrip(")")) for a in args if a.type == "SUBPOINT"), None)
        return (int(args[-1]), sub), paragraph

    def refs(self, *refs: tuple[Ref, str | None]) -> _Refs:
        return _Refs(tuple(r for r, _ in refs), tuple(p for _, p in refs if p is not None))

    def exception(self, refs: _Refs, rule: tuple[str, Any]) -> tuple[_Refs, tuple[str, Any]]:
        return (refs, rule)

    def entry(self, *args: Any) -> Sentence:
        items = [a for a in args if not isinstance(a, Token)]
        rule = next(a for a in items if isinstance(a, tuple) and isinstance(a[0], str))
        exception = next((a for a in items if isinstance(a, tuple) and isinstance(a[0], _Refs)), None)
        if exception is None:
            return Commencement(clause=Clause(rule, (), ()), paragraphs=())
        refs, later = exception
        clause = Clause(rule, refs.refs, ((refs.refs, later),))
        return Commencement(clause=clause, paragraphs=refs.paragraphs)

    def signature(self, position: Token, name: Token) -> Sentence:
        return Signing(position=" ".join(str(position).split()), name=str(name))


def _point_element(ref: Token) -> str:
    """ "пункт 2" -> "point 2"; "подпункт 1) пункта 2" -> "point 2.1" (the engine's element names)."""
    numbers = re.findall(r"\d+", str(ref))
    return "point " + (f"{numbers[1]}.{numbers[0]}" if len(numbers) == 2 else numbers[0])


def parse_russian(text: str) -> Sentence | None:
    """The formula a Russian paragraph is (the same kinds and values as ``grammar.parse_paragraph``), or None."""
    try:
        tree = _parser().parse(text)
        result = _Reader().transform(tree)
    except LarkError:  # no derivation, or one whose values are none (a VisitError is a LarkError)
        return None
    if not isinstance(result, Sentence):
        return None
    if isinstance(result, SubsectionHeading) and not result.subsection:
        return None
    if isinstance(result, RowsAddition) and result.subsection == "":
        return None
    if isinstance(result, Commencement):
        clause = result.clause
        rules = [clause.rule, *(rule for _, rule in clause.later)]
        if any(value is None for kind, value in rules if kind != "on_signing"):  # a date or days that are none
            return None
    return result


# -- the heading ---------------------------------------------------------------------------------------

_KINDS_RU = {nominative.lower(): kind for kind, (nominative, *_) in KIND_RU.items()}
_ISSUERS_RU = {genitive: kind for kind, (_, genitive) in ISSUER_RU.items()}
_ACT_RU = lexicon.ACT_RU


_ACT_START = lexicon.ACT_START


@dataclass(frozen=True)
class RussianAct:
    """What the Russian heading and closing lines say of the act: the Russian title, the identity (kind,
    issuer, number, date: the format's values), the act it amends, the signatory in Russian."""

    title: str
    issuer: str
    kind: str
    number: str
    date: dt.date
    amends: str | None
    line: int


def _read_heading(heading: tuple[tuple[int, str], ...]) -> RussianAct:
    for k, (number, raw) in enumerate(heading):
        m = _ACT_RU.match(" ".join(raw.split()))
        if m is None and k + 1 < len(heading) and _ACT_START.match(raw.strip()):
            # The act's line broken by the print ("... от 30 мая 2025" / "года № 392"): the two lines together.
            m = _ACT_RU.match(" ".join(f"{raw} {heading[k + 1][1]}".split()))
        if not m:
            continue
        day = russian_date(m.group("day"), m.group("month"), m.group("year"))
        if day is None:
            raise ImportTextError(f"line {number}: '{raw.strip()}' names no valid date")
        issuer = _ISSUERS_RU.get(m.group("issuer"))
        if issuer is None:
            raise ImportTextError(f"line {number}: the issuer '{m.group('issuer')}' is not one the format names")
        title = re.sub(r"\s+", " ", " ".join(r.strip() for _, r in heading[:k])).strip()
        title = re.sub(r"([^\W\d_])- (?=[^\W\d_])", r"\1-", title)
        amends = re.search(lx.AMENDS_RU, title)
        return RussianAct(
            title=title,
            issuer=issuer,
            kind=_KINDS_RU[m.group("kind").lower()],
            number=m.group("number"),
            date=day,
            amends=amends.group(1) if amends else None,
            line=number,
        )
    raise ImportTextError(
        f'no line of the heading names the act ("{lx.HEADING_EXAMPLE_RU}")',
        hint="amend import --lang ru reads the Russian text of an amending act as the reference bank gives it",
    )


# -- the Russian changes of an act ------------------------------------------------------------------------


@dataclass
class RussianChange:
    """One change as the Russian text gives it.

    ``key``: what it is and what it targets, as the operation the Kazakh text gives for it would say
    (the kind of operation, then its target: a row, an element, a section); ``ru``: the Russian texts it
    gives, under the operation's ``_ru`` keys; ``made``: the operation with its Kazakh texts ``!unknown``
    (or why it could not be made), or None where the operation's identity is Kazakh (``why``)."""

    key: tuple[Any, ...]
    ru: dict[str, Any]
    source: list[str]
    line: int | None
    made: Operation | _Invalid | None = None
    why: str = ""
    notes: list[Review] = field(default_factory=list)
    point: tuple[int | None, int | None] = (None, None)


@dataclass
class RussianText:
    """The Russian text of an act as read: its heading, changes, entry into force and signatory."""

    act: RussianAct
    changes: list[RussianChange]
    entry: EntryReading
    clause: Clause | None
    signatory: tuple[str, str] | None
    notes: list[Review]
    unread: list[tuple[int, DraftOp]]
    codes_ru: dict[str, str] = field(
        default_factory=dict
    )  # the plan's Russian codes, by Kazakh code  # paragraphs read as no change, each with its place among the changes


def _lexicon(text: str, lexicon: Lexicon | None) -> Lexicon:
    lex = Lexicon()
    if lexicon is not None:
        lex.add(lexicon.words)
    lines = fix_lookalikes(text).split("\n")
    lex.add_whole_words(read_lines(enumerate(lines, 1)))
    # An indented line starts a paragraph: its first word is whole too.
    lex.add(m.group(1) for line in lines if (m := re.match(r"^\s{2,}([^\W\d_]{3,})\s", line)))
    lex.add(Lexicon.from_texts(phrases_ru()).words)
    return lex


_cell = RUSSIAN.text  # a quoted text as data: the unknown mark of a drafted Russian text is unknown


def _known(cells: dict[str, Text]) -> dict[str, Text]:
    return {c: t for c, t in cells.items() if t is not UNKNOWN}


_ROW_NUMBER = re.compile(r"^\s*(\d+(?:-\d+)*)\.?\s*$")


def _table_rows(
    table: Table | None, numbers: tuple[str, ...], kinds: list[ColumnKind], lexicon: Lexicon, line: int
) -> tuple[dict[str, dict[str, Text]], list[Review]]:
    """The Russian cells of the quoted rows: each row's printed cells after its number, one per column in
    column order (parted by empty lines); a row that prints another count keeps every cell unknown (REVIEW)."""
    notes: list[Review] = []
    if table is None:
        notes.append(Review(line, "rows", "the instruction quotes no table; every Russian cell is left unknown"))
        return {n: {} for n in numbers}, notes
    starts: list[tuple[int, str]] = []
    for k, (_, raw) in enumerate(table.lines):
        m = _ROW_NUMBER.match(raw)
        if m and m.group(1) in numbers and all(m.group(1) != s for _, s in starts):
            starts.append((k, m.group(1)))
    out: dict[str, dict[str, Text]] = {}
    if starts and starts[0][0] > 0 and any(raw.strip() for _, raw in table.lines[: starts[0][0]]):
        notes.append(
            Review(
                table.lines[0][0],
                f"row {starts[0][1]}",
                "text printed before the row's number (a page break?); the row's Russian cells are left unknown",
            )
        )
        starts = starts[1:]
        out[numbers[0]] = {}
    for j, (k, number) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(table.lines)
        cells, problems = _read_cells(_shared_dash(table.lines[k + 1 : end], len(kinds)), kinds, lexicon)
        notes.extend(Review(line, f"row {number}" + (f", {c}" if c else ""), m) for c, line, m in problems)
        out[number] = cells
    for number in numbers:
        if number not in out:
            notes.append(Review(table.first_line, f"row {number}", "the row is not in the quoted table"))
            out[number] = {}
    return out, notes


_VOCABULARY_RU = lexicon.VOCABULARY_RU


def _read_cells(
    lines: tuple[tuple[int, str], ...], kinds: list[ColumnKind], lexicon: Lexicon
) -> tuple[dict[str, Text], list[tuple[str | None, int, str]]]:
    """A row's Russian cells, printed one per column in column order and parted by empty lines (spaced letters
    closed up, words broken at a line end joined by the shared line-join rules; each join no rule is sure of
    noted). A row printed otherwise, or whose cells do not fit their columns, keeps every cell unknown."""
    printed = read_lines(lines)
    chunks: list[list[Line]] = []
    for line in printed:
        if not chunks or line.blanks_before:
            chunks.append([])
        chunks[-1].append(line)
    first = printed[0].number if printed else (lines[0][0] if lines else 0)
    shown = " / ".join(line.text for line in printed)
    if len(chunks) != len(kinds):
        why = f"{len(chunks)} printed cell(s) for {len(kinds)} column(s); every Russian cell is left unknown"
        return {}, [(None, first, f"{why}. Printed text: {shown}")]
    cells: dict[str, Text] = {}
    notes: list[tuple[str | None, int, str]] = []
    for kind, chunk in zip(kinds, chunks, strict=True):
        text, guesses = join_lines(chunk, lexicon)
        value = _cell(text)
        if isinstance(value, str):
            pattern = _VOCABULARY_RU.get(kind.kind)
            if re.search(r"\s-$", value) or (pattern is not None and not pattern.search(value)):
                why = f'"{value}" does not read as the column {kind.id}; every Russian cell of the row is left unknown'
                return {}, [(kind.id, chunk[0].number, f"{why}. Printed text: {shown}")]
        cells[kind.id] = value
        notes.extend((kind.id, a.number, f'"{a.text}" / "{b.text}": {j.why} (a reading)') for a, b, j in guesses)
    return _known(cells), notes


def _shared_dash(lines: tuple[tuple[int, str], ...], count: int) -> tuple[tuple[int, str], ...]:
    """Two short cells sharing a printed line ("не требуется -"): a row printed one cell short whose last line
    ends in a lone dash after a blank has that dash as its last cell (the bank prints "-" for no funding)."""
    printed = [k for k, (_, raw) in enumerate(lines) if raw.strip()]
    if not printed:
        return lines
    last = printed[-1]
    number, raw = lines[last]
    chunks = len(_chunks_of(lines))
    if chunks != count - 1 or not re.search(r"\S\s+-\s*$", raw):
        return lines
    head = re.sub(r"\s+-\s*$", "", raw)
    return (*lines[:last], (number, head), (number, ""), (number, "-"), *lines[last + 1 :])


def _chunks_of(lines: tuple[tuple[int, str], ...]) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for _, raw in lines:
        if raw.strip():
            chunks[-1].append(raw)
        elif chunks[-1]:
            chunks.append([])
    return [c for c in chunks if c]


class _Reading(_LanguageBuilder):
    """Walks the instructions of the Russian text in order (the context as ``ContextWalker`` keeps it), making
    the changes they give: the operations both languages make alike as the Kazakh builder makes them (with
    their Russian fields), the rest from the Russian texts here."""

    def __init__(self, plan: Plan, lexicon: Lexicon) -> None:
        super().__init__(plan, RUSSIAN)
        self.lexicon = lexicon
        self.changes: list[RussianChange] = []
        # Paragraphs read as no change, each with the number of changes read before it (its place among them).
        self.unread: list[tuple[int, DraftOp]] = []
        # The note's Russian codes as the plan gives them (code_ru -> the Kazakh code, the identity).
        self.codes = RUSSIAN.codes(plan)

    def _add(
        self,
        i: Instruction,
        key: tuple[Any, ...],
        ru: dict[str, Any],
        made: Operation | _Invalid | None,
        *,
        notes: Sequence[Review] = (),
        why: str = "",
    ) -> None:
        pending, context_notes = self.taken()
        source = [*pending, i.paragraph.text]
        point = (self.point, self.subpoint)
        line = i.paragraph.first_line
        self.changes.append(RussianChange(key, ru, source, line, made, why, [*context_notes, *notes], point))

    def _section_of(self, row: str) -> str | None:
        parent = row.split("-", maxsplit=1)[0]
        for r in self.plan.rows:
            if str(r.number) in (row, parent):
                return r.section
        return None

    def add(self, i: Instruction) -> None:
        line = i.paragraph.first_line
        made: Operation | _Invalid | None
        ru: dict[str, Any]
        if isinstance(i, RowContext):
            # The row's sentence stays in the comment of the Russian change after it (the Kazakh builder only
            # reads the row into the sentences after it: one pending there would stop cells folding into
            # add_column).
            self.pending.append(i.paragraph.text)
            return
        if self.follow(i):
            return
        match i:
            case CellsReworded():
                picked = [self.column_id(n) for n in i.columns]
                if None in picked or i.table is None:
                    why = "a column the plan does not have" if None in picked else "no quoted cells"
                    self._add(i, ("replace_cells", i.row), {"cells_ru": {}}, None, why=why)
                    return
                kinds = [k for k in self.kinds if k.id in picked]
                cells, problems = _read_cells(i.table.lines, kinds, self.lexicon)
                notes = [Review(n, f"row {i.row}" + (f", {c}" if c else ""), m) for c, n, m in problems]
                made = self.replace_cells(i.row, [c for c in picked if c is not None], cells)
                self._add(i, ("replace_cells", i.row), {"cells_ru": cells}, made, notes=notes)
            case RowsReworded():
                rows, notes = _table_rows(i.table, i.rows, self.kinds, self.lexicon, line)
                for number in i.rows:
                    made = self.replace_row(number, rows[number])
                    row_notes = [n for n in notes if n.where.startswith(f"row {number}") or n.where == "rows"]
                    self._add(i, ("replace_row", number), {"cells_ru": rows[number]}, made, notes=row_notes)
            case RowsAdded():
                rows, notes = _table_rows(i.table, i.rows, self.kinds, self.lexicon, line)
                subsection = i.subsection or (None if i.section else self.subsection)
                section = i.section or self.section or (i.subsection.split(".")[0] if i.subsection else None)
                section = section or self._section_of(i.after or i.rows[0])
                made = self.insert_rows(section, subsection, [(n, rows[n]) for n in i.rows]) if section else None
                ru = {"rows": [rows[n] for n in i.rows]}
                self._add(i, ("insert_rows", tuple(i.rows)), ru, made, notes=notes, why="no section")
            case RowsDeleted():
                for number, made in self.delete_rows(i):
                    self._add(i, ("delete_row", number), {}, made)
            case WordsReplaced() if self.in_note and note_words(i):
                for old, new in i.pairs:
                    self._add(
                        i,
                        ("replace_words_in",),
                        {"old_ru": old, "new_ru": new},
                        None,
                        why="words in the note: the line and the Kazakh words are not in the Russian text",
                    )
            case WordsReplaced():
                # Several rows or columns named: one change each, as the Kazakh reading makes one operation each.
                numbers = i.columns or ((i.column_number,) if i.column_number is not None else (None,))
                named: list[str | None] = list(i.rows) or [i.row]
                for row in named:
                    for _ in numbers:
                        for old, new in i.pairs:
                            self._add(
                                i,
                                ("replace_words", row),
                                {"old_ru": old, "new_ru": new},
                                None,
                                why="the Kazakh words, which the operation replaces, are not in the Russian text",
                            )
            case AbbreviationsAdded():
                self._add(
                    i,
                    ("add_abbreviations", len(i.entries)),
                    {"entries": [(c, _cell(e)) for c, e in i.entries]},
                    None,
                    why="the Kazakh codes of the new lines (the note's keys) are not in the Russian text",
                )
            case AbbreviationReworded():
                old = i.renamed or i.code
                code = self.codes.get(old)
                made = None if code is None else self.replace_abbreviation(code, i)
                ru = {"code_ru": i.code, "expansion_ru": _cell(i.expansion), "old_code_ru": old}
                self._add(
                    i, ("replace_abbreviation",), ru, made, why=f"the plan gives no line with the Russian code {old}"
                )
            case AbbreviationDeleted():
                code = self.codes.get(i.code)
                made = None if code is None else self.delete_abbreviation(code)
                ru = {"old_code_ru": i.code}
                self._add(
                    i, ("delete_abbreviation",), ru, made, why=f"the plan gives no line with the Russian code {i.code}"
                )
            case TitleReworded():
                key = ("set_title", self.title_section(i), i.subsection)
                self._add(i, key, {"title_ru": _cell(i.title)}, self.set_title(i))
            case SectionAdded():
                heading = ("add_section", i.section) if i.subsection is None else ("add_subsection", i.subsection)
                self._add(i, heading, {"title_ru": _cell(i.title)}, self.add_heading(i))
            case SectionDeleted():
                self._add(i, ("delete_section", i.section), {}, self.delete_section(i))
            case ActTextReworded() if i.element in SCOPED:
                # "заголовок" alone: the title of the scope it stands in, as the Kazakh "тақырыбы" is bound.
                target, bound = self.bound_title(i, i.element)
                if target is None:
                    pending, context_notes = self.taken()
                    unbound = DraftOp(None, [*pending, i.paragraph.text], [*context_notes, *bound])
                    self.unread.append((len(self.changes), unbound))
                    return
                retitled = self.retitle(target, i.text)
                key = _key(retitled) if not isinstance(retitled, _Invalid) else (retitled.op, target)
                ru = (
                    {"title_ru": _cell(i.text)}
                    if key[0] == "set_title"
                    else {"text_ru": _cell(i.text), "subpoints": []}
                )
                self._add(i, key, ru, retitled, notes=bound)
            case ActTextReworded():
                ru = {"text_ru": _cell(i.text), "subpoints": [_cell(t) for _, t in i.subpoints]}
                self._add(i, ("replace_text", i.element), ru, self.replace_text(i))
            case PointAdded():
                self._add(i, ("insert_text", i.element), {"text_ru": _cell(i.text)}, self.insert_text(i))
            case PointDeleted():
                self._add(i, ("delete_text", i.element), {}, self.delete_text(i))
            case EntryIntoForceClause() | Signature():
                pass  # read by read_russian
            case Unrecognized():
                why = i.why if i.table is None else "a quoted table that no instruction introduces"
                pending, context_notes = self.taken()
                op = DraftOp(None, [*pending, i.paragraph.text], [*context_notes, Review(line, "text", why)])
                self.unread.append((len(self.changes), op))
            case _:
                note = Review(line, "text", "a formula the Russian reading does not take")
                self.unread.append((len(self.changes), DraftOp(None, [i.paragraph.text], [note])))


_ENTRY_WORDS_RU = lexicon.ENTRY_WORDS_RU


def read_russian(
    text: str, plan: Plan, lexicon: Lexicon | None = None, published: dt.date | None = None
) -> RussianText:
    """The Russian text of an amending act read change by change (nothing of it translated)."""
    document: Document = split_document(text)
    lex = _lexicon(text, lexicon)
    instructions = read_instructions(document, lex, parse_russian)
    act = _read_heading(document.heading)
    reading = _Reading(plan, lex)
    notes: list[Review] = []
    entry, clause = EntryReading(None), None
    signatory = None
    for i in instructions:
        if isinstance(i, EntryIntoForceClause):
            continue
        if isinstance(i, Unrecognized) and _ENTRY_WORDS_RU.match(i.paragraph.text):
            entry = EntryReading(None, text=i.paragraph.text, line=i.paragraph.first_line)
            continue
        if isinstance(i, Signature):
            signatory = (i.position, i.name)
        reading.add(i)
    for formula_line, paragraph in _entries(instructions):
        clause, paragraphs = paragraph
        entry = EntryReading.of(clause, formula_line.text, formula_line.first_line, published)
        if paragraphs:
            notes.append(
                Review(
                    formula_line.first_line,
                    "entry_into_force",
                    f"the act excepts {', '.join(paragraphs)}: the paragraphs of a point are not operations; "
                    "give the operations of that paragraph their in_force by hand",
                )
            )
            clause = Clause(clause.rule, (), ())
    codes_ru = {code: a.code_ru for code, a in plan.abbreviations.items() if a.code_ru is not None}
    return RussianText(act, reading.changes, entry, clause, signatory, notes, reading.unread, codes_ru)


def _entries(instructions: list[Instruction]) -> list[tuple[Any, tuple[Clause, tuple[str, ...]]]]:
    """The entry-into-force sentences read (the last one counts), with the paragraphs (абзацы) they except."""
    out = []
    for i in instructions:
        if isinstance(i, EntryIntoForceClause) and i.clause is not None:
            formula = parse_russian(i.paragraph.text)
            paragraphs = formula.paragraphs if isinstance(formula, Commencement) else ()
            out.append((i.paragraph, (i.clause, paragraphs)))
    return out[-1:]


def _draft_op(change: RussianChange) -> DraftOp:
    if change.made is None:
        readings = "; ".join(f"{k}: {v!r}" for k, v in change.ru.items())
        why = f"{change.why}; the Russian text gives {readings}"
        return DraftOp(None, change.source, [*change.notes, Review(change.line, change.key[0], why)], change.point)
    if isinstance(change.made, _Invalid):
        return DraftOp(None, change.source, [*change.notes, change.made.review(change.line)], change.point)
    return DraftOp(change.made, change.source, change.notes, change.point)


def russian_draft(
    text: str,
    plan: Plan,
    lexicon: Lexicon | None = None,
    source: str = "<text>",
    plan_id: str | None = None,
    *,
    published: dt.date | None = None,
) -> Draft:
    """A draft amendment from the act's Russian text alone: its Kazakh texts ``!unknown``."""
    russian = read_russian(text, plan, lexicon, published)
    heading = russian.act
    signatory = None
    if russian.signatory is not None:
        position, name = russian.signatory
        signatory = Signatory(position=UNKNOWN, name=UNKNOWN, position_ru=position, name_ru=name)
    act = Act(
        issuer=heading.issuer,
        kind=heading.kind,  # type: ignore[arg-type]
        number=heading.number,
        date=heading.date,
        title=UNKNOWN,
        title_ru=heading.title or UNKNOWN,
        signatory=signatory,
    )
    notes = [*russian.notes, *_entry_notes(russian.entry)]
    amends = plan_id or plan.plan
    if heading.amends is not None and heading.amends != amends:
        notes.append(
            Review(
                heading.line, "amends", f"the heading amends act {heading.amends}, but the draft is for plan {amends}"
            )
        )
    ops: list[DraftOp] = []
    unread = list(russian.unread)
    for k, change in enumerate(russian.changes):
        while unread and unread[0][0] == k:
            ops.append(unread.pop(0)[1])
        ops.append(_draft_op(change))
    ops.extend(op for _, op in unread)
    if not russian.changes:
        raise ImportTextError("no amending instruction was recognised in the text", file=source)
    draft = Draft(source, act, amends, russian.entry, ops, notes, russian.signatory)
    _apply_clause(draft, russian.clause, {})  # a paragraph excepted in Russian stays REVIEW (no count of its own)
    return draft


def russian_amended_plan(text: str) -> str | None:
    """The number of the act a Russian amending text amends, from its heading (None if it names none)."""
    return _read_heading(split_document(text).heading).amends


# -- one act from two texts ---------------------------------------------------------------------------------


def _key(op: Operation) -> tuple[Any, ...]:
    """What an operation is and what it targets, as ``RussianChange.key`` says it."""
    data: dict[str, Any] = op.model_dump(mode="python")
    kind = op.op
    match kind:
        case "replace_row" | "delete_row" | "replace_cells":
            return (kind, str(data["row"]))
        case "insert_rows":
            return (kind, tuple(str(r["number"]) for r in data["rows"]))
        case "replace_words":
            return (kind, None if data["row"] is None else str(data["row"]))
        case "add_abbreviations":
            return (kind, len(data["entries"]))
        case "set_title":
            return (kind, data["section"], data["subsection"])
        case "add_section" | "delete_section":
            return (kind, data["number"])
        case "add_subsection":
            return (kind, data["number"])
        case "replace_text" | "insert_text" | "delete_text":
            return (kind, data["element"])
        case _:
            return (kind,)


def _merged(op: Operation, change: RussianChange, codes_ru: dict[str, str]) -> tuple[Operation | None, str | None]:
    """The Kazakh operation with the Russian texts of the same change; None and the reason where they disagree."""
    ru = change.ru
    update: dict[str, Any]
    match op.op:
        case "replace_row" | "replace_cells":
            update = {"cells_ru": ru["cells_ru"]}
        case "insert_rows":
            rows = [
                _item(type(r), **{**dict(r), "cells_ru": cells}) for r, cells in zip(op.rows, ru["rows"], strict=True)
            ]
            update = {"rows": tuple(rows)}
        case "replace_words" | "replace_words_in" if ru["old_ru"] == UNKNOWN_TEXT_RU:
            update = {}  # the Russian text does not give the words (a drafted text's unknown mark)
        case "replace_words" | "replace_words_in":
            update = {"old_ru": ru["old_ru"], "new_ru": ru["new_ru"]}
        case "add_abbreviations":
            codes = list(op.entries)
            lines = ru["entries"]
            update = {
                "codes_ru": {k: c for k, (c, _) in zip(codes, lines, strict=True) if c not in (k, UNKNOWN_TEXT_RU)},
                "entries_ru": {k: e for k, (_, e) in zip(codes, lines, strict=True) if e is not UNKNOWN},
            }
            if not update["codes_ru"]:
                del update["codes_ru"]
        case "replace_abbreviation":
            update = {"expansion_ru": ru["expansion_ru"]}
            # The line's Russian code as the act finds it (the plan's, else the Kazakh code standing for it):
            # a new one only where the Russian text gives another.
            current = codes_ru.get(op.code) or op.code
            if ru["code_ru"] not in (current, UNKNOWN_TEXT_RU):
                update["code_ru"] = ru["code_ru"]
        case "set_title" | "add_section" | "add_subsection":
            update = {"title_ru": ru["title_ru"]}
        case "replace_text":
            subs = op.subpoints
            if len(subs) != len(ru["subpoints"]):
                return None, f"the Kazakh text gives {len(subs)} sub-point(s), the Russian {len(ru['subpoints'])}"
            update = {
                "text_ru": ru["text_ru"],
                "subpoints": tuple(
                    _item(ActPoint, **{**dict(s), "text_ru": t}) for s, t in zip(subs, ru["subpoints"], strict=True)
                ),
            }
        case "insert_text":
            update = {"text_ru": ru["text_ru"]}
        case _:
            update = {}
    merged = _revised(op, **update)
    if isinstance(merged, _Invalid):
        return None, merged.review(change.line).message
    return merged, None


def _note_codes(op: Operation, codes: dict[str, str]) -> None:
    """The Russian codes a merged change gives to lines of the note (for the changes after it)."""
    if op.op == "add_abbreviations":
        codes.update(op.codes_ru)
    elif op.op == "replace_abbreviation" and op.code_ru is not None:
        codes[op.code] = op.code_ru


def _reading(change: RussianChange) -> str:
    what = ", ".join(str(k) for k in change.key[1:] if k is not None)
    return f"the Russian text: {change.key[0]}" + (f" ({what})" if what else "") + f', "{" ".join(change.source[-1:])}"'


def _kazakh_reading(op: DraftOp) -> str:
    assert op.operation is not None
    what = ", ".join(str(k) for k in _key(op.operation)[1:] if k is not None)
    return f"the Kazakh text: {op.operation.op}" + (f" ({what})" if what else "")


def merge_russian(draft: Draft, russian: RussianText, before: Plan | None = None) -> Draft:
    """The Kazakh draft with the Russian texts of the same act, aligned change by change (same kind, same
    target, same order). A change in one text and not in the other, or one whose readings disagree, is
    REVIEW with both readings; the Kazakh operation then keeps no Russian text.

    ``before``: the plan just before the act; the Russian words' occurrences are counted in it (as the
    Kazakh ones are), the text never giving them."""
    notes = list(draft.notes)
    act = draft.act
    ru_act = russian.act
    if (ru_act.number, ru_act.date, ru_act.kind) != (act.number, act.date, act.kind):
        notes.append(
            Review(
                ru_act.line,
                "act",
                f"the Kazakh text is act № {act.number} of {act.date}, the Russian № {ru_act.number} of {ru_act.date}: "
                "no Russian text is taken",
            )
        )
        return dataclasses.replace(draft, notes=notes)
    update: dict[str, Any] = {"title_ru": ru_act.title or UNKNOWN}
    if act.signatory is not None and russian.signatory is not None:
        position, name = russian.signatory
        update["signatory"] = act.signatory.model_copy(update={"position_ru": position, "name_ru": name})
    act = act.model_copy(update=update)
    if (draft.entry.rule, draft.entry.date, draft.entry.days) != (
        russian.entry.rule,
        russian.entry.date,
        russian.entry.days,
    ):
        notes.append(
            Review(
                russian.entry.line,
                "entry_into_force",
                f"the Kazakh text reads {draft.entry.rule} ({draft.entry.date or draft.entry.days or ''}), "
                f"the Russian {russian.entry.rule} ({russian.entry.date or russian.entry.days or ''})",
            )
        )
    ops = [dataclasses.replace(op, notes=list(op.notes)) for op in draft.operations]
    codes = dict(russian.codes_ru)  # the note's Russian codes as the act's earlier changes leave them
    kazakh = [k for k, op in enumerate(ops) if op.operation is not None]
    left = [_key(ops[k].operation) for k in kazakh]  # type: ignore[arg-type]
    right = [c.key for c in russian.changes]
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for k, change in zip(kazakh[a0:a1], russian.changes[b0:b1], strict=True):
                op = ops[k]
                assert op.operation is not None
                merged, problem = _merged(op.operation, change, codes)
                if merged is None:
                    op.notes.append(Review(change.line, op.operation.op, f"{problem}; {_reading(change)}"))
                else:
                    op.operation = merged
                    _note_codes(merged, codes)
                    op.source = [*op.source, *change.source]
                    # A note both readings make alike (the plan has no such section) is said once.
                    said = {(n.where, n.message) for n in op.notes}
                    op.notes.extend(n for n in change.notes if (n.where, n.message) not in said)
            continue
        for k in kazakh[a0:a1]:
            op = ops[k]
            assert op.operation is not None
            others = "; ".join(_reading(c) for c in russian.changes[b0:b1]) or "the Russian text gives no such change"
            op.notes.append(Review(None, op.operation.op, f"{_kazakh_reading(op)}; {others}"))
        for change in russian.changes[b0:b1] if a0 == a1 else ():
            ops.append(
                DraftOp(
                    None,
                    change.source,
                    [Review(change.line, change.key[0], f"the Kazakh text gives no such change; {_reading(change)}")],
                )
            )
    for _, op in russian.unread:
        ops.append(dataclasses.replace(op, source=[f"(Russian text) {s}" for s in op.source]))
    notes.extend(russian.notes)
    result = dataclasses.replace(draft, act=act, operations=ops, notes=notes)
    if before is not None:
        count_russian_occurrences(result, before)
    return result


def count_russian_occurrences(draft: Draft, before: Plan) -> None:
    """Set each Russian word replacement's ``occurrences_ru`` where the Russian cells of the version it amends
    hold its words another number of times than the Kazakh count (the version: ``before`` with the draft's
    earlier operations, consolidated as the engine will apply them; a Russian text no source gives may hide
    more: the count is of the known texts). Words the known Russian cells do not hold at all are REVIEW."""
    for k in draft.effect_order():  # the version before each: the operations taking effect before it
        op = draft.operations[k]
        model = op.operation
        if model is None:
            continue
        if isinstance(model, ReplaceWords) and model.old_ru is not None:
            version: Plan | None
            try:
                version = version_before_operation(draft, k, before, [], Path(draft.source))
            except AmendError:
                # The act's earlier changes do not apply alone (a code its later note line adds, checked at the
                # day's end): a row none of them touches stands as before the act; else no count is made.
                version = before if _untouched(model, draft.partial(k).operations) else None
            if version is not None:
                found, unknown = _russian_count(version, model)
                if found and found != model.occurrences:
                    model = model.model_copy(update={"occurrences_ru": found})
                    draft.operations[k].operation = model
                elif not found and not unknown:
                    op.notes.append(Review(None, "old_ru", f'"{model.old_ru}" is in no Russian cell of the scope'))


# The kinds of change that touch no row but the ones they name (by ``row``, or the rows they insert).
_ROW_KINDS = frozenset({"replace_row", "replace_cells", "insert_rows", "delete_row", "replace_words"})
_NO_ROW_KINDS = frozenset(
    {"add_abbreviations", "replace_abbreviation", "delete_abbreviation", "set_title", "replace_text", "insert_text"}
)


def _untouched(op: ReplaceWords, earlier: Sequence[Operation]) -> bool:
    """True if ``op`` names one row and no earlier change of the act touches it (or moves rows about)."""
    if op.row is None:
        return False
    named: set[str] = set()
    for o in earlier:
        if o.op in _NO_ROW_KINDS or (o.op == "delete_text"):
            continue
        if o.op not in _ROW_KINDS or getattr(o, "row", 0) is None:
            return False  # a change over many rows, or of the table's structure
        named.add(str(getattr(o, "row", "")))
        named.update(str(r.number) for r in getattr(o, "rows", ()))
    return str(op.row) not in named


def _russian_count(plan: Plan, op: ReplaceWords) -> tuple[int, int]:
    columns = (op.column,) if op.column else plan.column_ids
    if op.row is not None:
        rows = [r for r in plan.rows if r.number == op.row]
    else:
        rows = [r for r in plan.rows if op.section is None or r.section == op.section]
    found = unknown = 0
    for row in rows:
        for c in columns:
            text = row.cells_ru.get(c, UNKNOWN)
            if isinstance(text, str):
                found += text.count(op.old_ru or "")
            else:
                unknown += 1
    return found, unknown


def import_pair(draft: Draft, text: str, base: Plan, root: Path, published: dt.date | None = None) -> Draft:
    """The Kazakh ``draft`` with the act's Russian ``text`` merged into it: read against the plan as it stands
    just before the act (``base`` with the adopted acts under ``root``), where the Russian words are counted."""
    from amend.importer.act.preview import version_before

    before = base
    act = draft.partial()  # an unknown entry into force as the Kazakh counts take it
    if act.operations:
        with contextlib.suppress(AmendError):
            before = version_before(root, act, Path(draft.source))
    return merge_russian(draft, read_russian(text, before, published=published), before)
