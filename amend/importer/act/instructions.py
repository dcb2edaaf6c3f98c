"""The instruction sentences of an amending act, in Kazakh, read as data.

The amending text is formulaic: "реттік нөмірі 6-жол мынадай редакцияда жазылсын:" followed by the
row in quotes, "... деген 1-бөлімде:" setting the section the next sentences speak of, and so on.
This module splits the text into paragraphs and quoted tables, and matches each paragraph against
the formulas. A paragraph no formula matches is kept as ``Unrecognized`` so it is reported, never
dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from amend.importer.act.document import Document, Paragraph, Table
from amend.importer.act.grammar import parse_paragraph
from amend.importer.act.passages import Passage, read_passages
from amend.importer.act.sentences import (
    CellsRewording,
    Clause,
    ColumnAddition,
    ColumnDeletion,
    ColumnRenaming,
    ColumnsRewording,
    Commencement,
    Correction,
    EnactingWords,
    LeadIn,
    NoteFrame,
    NoteLineDeletion,
    NoteLineRewording,
    NoteLinesAddition,
    PlanFrame,
    Repealing,
    Rescheduling,
    Resumption,
    RowFrame,
    RowMove,
    RowsAddition,
    RowsDeletion,
    RowsRewording,
    SectionAddition,
    SectionDeletion,
    SectionHeading,
    SectionTitleRewording,
    Sentence,
    SignatoryRewording,
    Signing,
    SubsectionAddition,
    SubsectionDeletion,
    SubsectionHeading,
    SubsectionTitleRewording,
    Suspension,
    TextDeletion,
    TextInsertion,
    TextRewording,
    WordsReplacement,
)
from amend.importer.text import Lexicon
from amend.language.lexicon import ENTRY_WORDS, FROM_DATE
from amend.language.phrases import kazakh_date, row_numbers

__all__ = [
    "AbbreviationDeleted",
    "AbbreviationReworded",
    "AbbreviationsAdded",
    "ActChange",
    "ActTextReworded",
    "CellsReworded",
    "ColumnAdded",
    "ColumnDeleted",
    "ColumnRenamed",
    "EntryIntoForceClause",
    "Framing",
    "Instruction",
    "NoteContext",
    "PlanContext",
    "PointAdded",
    "PointDeleted",
    "Repeal",
    "RowContext",
    "RowMoved",
    "RowsAdded",
    "RowsDeleted",
    "RowsReworded",
    "SectionAdded",
    "SectionContext",
    "SectionDeleted",
    "SignatoryReworded",
    "Signature",
    "Subpoint",
    "SubsectionContext",
    "SubsectionDeleted",
    "TitleReworded",
    "Unrecognized",
    "WordsReplaced",
    "note_line",
    "read_instructions",
    "row_numbers",
]


# -- the formulas ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Instruction:
    """A paragraph read as one formula."""

    paragraph: Paragraph


@dataclass(frozen=True)
class SectionContext(Instruction):
    """'"<title>" деген N-бөлімде:': the sentences after it speak of section N (None: found by its title)."""

    section: str | None
    title: str | None


@dataclass(frozen=True)
class SubsectionContext(Instruction):
    """'"N.M. <title>" деген кіші бөлімде:': the sentences after it speak of subsection N.M."""

    subsection: str
    title: str | None  # None: named by its number only ("2.1 кіші бөлімде:")


@dataclass(frozen=True)
class PlanContext(Instruction):
    """'көрсетілген қаулымен бекітілген ... :': the sentences after it speak of the whole plan."""


@dataclass(frozen=True)
class RowsReworded(Instruction):
    """'реттік нөмірі N-жол мынадай редакцияда жазылсын:' (one or more rows), with the quoted table."""

    rows: tuple[str, ...]
    table: Table | None = None


@dataclass(frozen=True)
class RowsAdded(Instruction):
    """'... мынадай мазмұндағы реттік нөмірі N-жолмен толықтырылсын:', into a subsection or after a row."""

    rows: tuple[str, ...]
    subsection: str | None = None
    subsection_title: str | None = None
    after: str | None = None
    table: Table | None = None
    section: str | None = None  # '"ІІ. <title>" деген бөлім мынадай мазмұндағы ...'
    section_title: str | None = None


@dataclass(frozen=True)
class RowsDeleted(Instruction):
    """'реттік нөмірі N-жол алып тасталсын'."""

    rows: tuple[str, ...]


@dataclass(frozen=True)
class CellsReworded(Instruction):
    """'реттік нөмірі N-жолдың 4 және 5-бағандары мынадай редакцияда жазылсын:', with the quoted cells."""

    row: str
    columns: tuple[int, ...]
    table: Table | None = None


@dataclass(frozen=True)
class RowContext(Instruction):
    """'реттік нөмірі N-жолда:': the column sentences after it ("3-бағандағы ...") speak of row N."""

    row: str


@dataclass(frozen=True)
class WordsReplaced(Instruction):
    """'"X" деген сөздер "Y" деген сөздермен ауыстырылсын' (or struck out: new is empty)."""

    pairs: tuple[tuple[str, str], ...]
    row: str | None = None
    column_number: int | None = None
    whole_text: bool = False
    element: str | None = None  # words in one text that is not a cell: "title", "point 2", "note 1", ...
    column_title: int | None = None  # words in a column's title (the column by its number in the table)
    line: str | None = None  # words in the named line of the note ('"КОД – ..." деген жолдағы')
    number_of: str | None = None  # "section 3": the section's (subsection's) number itself: renumbered
    rows: tuple[str, ...] = ()  # "реттік нөмірлері 5 және 6-жолдардағы": every row named (``row`` the first)
    columns: tuple[int, ...] = ()  # "4 және 5-бағандарындағы": every column named (``column_number`` the first)


@dataclass(frozen=True)
class SignatoryReworded(Instruction):
    """'қол қоюшының лауазымы мен аты-жөні мынадай редакцияда жазылсын: "<position> / <name>"'."""

    position: str
    name: str
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class ColumnAdded(Instruction):
    """'[K-бағаннан кейін] мынадай мазмұндағы M-бағанмен толықтырылсын: "<title>"'."""

    number: int
    after: int | None
    title: str
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class ColumnDeleted(Instruction):
    """'M-баған алып тасталсын'."""

    number: int


@dataclass(frozen=True)
class ColumnRenamed(Instruction):
    """'M-бағанның атауы мынадай редакцияда жазылсын: "<title>"'."""

    number: int
    title: str
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class SubsectionDeleted(Instruction):
    """'"N.M. <title>" деген кіші бөлім алып тасталсын'."""

    subsection: str
    title: str | None = None


@dataclass(frozen=True)
class RowMoved(Instruction):
    """'реттік нөмірі N-жол [реттік нөмірі M-жол болып] K-бөлімнің K.L кіші бөліміне ауыстырылсын'."""

    row: str
    section: str
    subsection: str | None = None
    to: str | None = None


@dataclass(frozen=True)
class ActChange(Instruction):
    """A point on another act of the plan (its changes moved, corrected or repealed) or on the plan's force.

    ``kind``: "reschedule" (``date``), "correct" (``operation``, ``pairs``), "repeal" (some ``operations``),
    "suspend" (``until``, or open), "resume".
    """

    kind: str
    number: str | None  # the act the point names ("№ 392")
    point: int | None = None
    operations: tuple[int, ...] | None = None
    date: dt.date | None = None  # the date of a new entry into force (reschedule) or of the suspension's end
    pairs: tuple[tuple[str, str], ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class NoteContext(Instruction):
    """'Ескертпеде:' or 'аббревиатуралардың толық жазылуында:': the sentences after it speak of the note."""


@dataclass(frozen=True)
class AbbreviationsAdded(Instruction):
    """The note supplemented with lines 'КОД – толық жазылуы'."""

    entries: tuple[tuple[str, str], ...]
    quote: tuple[Paragraph, ...] = ()
    after: str | None = None  # '"КОД – ..." деген жолдан кейін': where the lines are to stand


@dataclass(frozen=True)
class AbbreviationDeleted(Instruction):
    """'"КОД – ..." деген жол алып тасталсын'."""

    code: str


@dataclass(frozen=True)
class AbbreviationReworded(Instruction):
    """'"КОД – ..." деген жол мынадай редакцияда жазылсын: "КОД – ..."'."""

    code: str
    expansion: str
    quote: tuple[Paragraph, ...] = ()
    renamed: str | None = None


@dataclass(frozen=True)
class TitleReworded(Instruction):
    """'N-бөлімнің атауы мынадай редакцияда жазылсын: "..."' (or a subsection's)."""

    section: str
    subsection: str | None
    title: str
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class SectionAdded(Instruction):
    """'мынадай мазмұндағы N-бөліммен толықтырылсын: "..."' (a section, or a subsection of one)."""

    section: str
    subsection: str | None
    title: str
    after: str | None = None
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class ActTextReworded(Instruction):
    """'2-тармақ мынадай редакцияда жазылсын: "2. ..."' (or a sub-point, the title, the annex's title), with
    the quoted new wording; a point's quoted ``1) ...`` items are its new sub-points."""

    element: str  # the engine's element: "point 2", "point 2.1", "title", "annex_title"
    text: str
    subpoints: tuple[tuple[str, str], ...] = ()  # (number, text) of each sub-point of a point in new wording
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class PointAdded(Instruction):
    """'[4-тармақтан кейін] мынадай мазмұндағы 5-тармақпен толықтырылсын: "5. ..."' (or a sub-point:
    '2-тармақ мынадай мазмұндағы 3) тармақшамен толықтырылсын: "3) ..."')."""

    element: str  # "point 5" or "point 2.3"
    text: str
    after: str | None = None
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class PointDeleted(Instruction):
    """'3-тармақ алып тасталсын' (or a sub-point: '2-тармақтың 1) тармақшасы алып тасталсын')."""

    element: str  # "point 3" or "point 2.1"


@dataclass(frozen=True)
class SectionDeleted(Instruction):
    """'"<title>" деген N-бөлім алып тасталсын': the section struck out with its rows."""

    section: str
    title: str | None = None


@dataclass(frozen=True)
class Framing(Instruction):
    """A sentence that frames the changes and asks for no operation (the enacting words, point 1's lead-in)."""

    point: int | None = None


@dataclass(frozen=True)
class Repeal(Instruction):
    """'... қаулысының күші жойылды деп танылсын': the plan ceases to have effect, or (``number`` naming
    another act) an amending act of the plan is repealed."""

    point: int | None = None
    number: str | None = None  # "№ 392": the repealed act's number, where the lead gives it


@dataclass(frozen=True)
class EntryIntoForceClause(Instruction):
    """The closing point: when the act enters into force (``clause`` None: no formula recognised)."""

    clause: Clause | None = None


@dataclass(frozen=True)
class Subpoint(Instruction):
    """ "3) ...": a numbered subpoint of the current point begins (the sentence after the number follows)."""

    number: int


@dataclass(frozen=True)
class Signature(Instruction):
    """Who signed the act."""

    position: str
    name: str


@dataclass(frozen=True)
class Unrecognized(Instruction):
    """A paragraph that matches no formula (or a table that follows no instruction): reported."""

    table: Table | None = None
    why: str = "matches no formula"


_NOTE_LINE = re.compile(r'^"?(?P<code>[^\s"–]+(?:\s[^\s"–]+)?)\s+[–-]\s+(?P<expansion>.+?)[;.]?"?[;.]?$')


def note_line(text: str) -> tuple[str, str] | None:
    """ "КОД – толық жазылуы;" as (code, expansion), or None if the line has no dash after a code."""
    m = _NOTE_LINE.match(text)
    if not m:
        return None
    return m.group("code"), m.group("expansion").strip().rstrip('";.').strip()


def _note_entries(quote: tuple[Paragraph, ...]) -> tuple[tuple[str, str], ...] | None:
    entries = []
    for p in quote:
        entry = note_line(p.text)
        if entry is None:
            return None
        entries.append(entry)
    return tuple(entries)


def _quoted_title(quote: tuple[Paragraph, ...]) -> str | None:
    if not quote:
        return None
    text = " ".join(p.text for p in quote).strip()
    text = re.sub(r'^"|"\s*[;.]?$', "", text).strip()
    return text or None


def _point_wording(quote: tuple[Paragraph, ...], number: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """A quoted point's text and its ``1) ...`` items: the quotes, the closing ``";`` and the leading "N." (or
    "N)") taken off. A paragraph that is no numbered item continues the text before it on a new line."""
    texts = [p.text for p in quote]
    texts[0] = re.sub(r'^"\s*', "", texts[0])
    texts[-1] = re.sub(r'"\s*[;.]?$', "", texts[-1])
    texts[0] = re.sub(rf"^{re.escape(number)}[.)]\s+", "", texts[0])
    text = texts[0].strip()
    items: list[tuple[str, str]] = []
    for part in texts[1:]:
        item = re.match(r"^(\d+)\)\s+(.*)$", part.strip())
        if item is not None:
            items.append((item.group(1), item.group(2)))
        elif items:
            items[-1] = (items[-1][0], f"{items[-1][1]}\n{part.strip()}")
        else:
            text = f"{text}\n{part.strip()}"
    if not text:
        return None
    return text, tuple(items)


def _own_number(element: str) -> str:
    """The number a quoted new wording starts with: "2" for point 2 ("2. ..."), "1" for point 2.1 ("1) ...")
    and note 1 ("1. ..."); "" for the title, the preamble and the annex's title (no number)."""
    kind, _, key = element.partition(" ")
    return key.rsplit(".", 1)[-1] if kind in ("point", "note") else ""


def _joined(wording: tuple[str, tuple[tuple[str, str], ...]]) -> str:
    """A quoted text with its "1) ..." lines kept as lines of the text (a note, a preamble)."""
    text, items = wording
    return "\n".join([text, *(f"{n}) {t}" for n, t in items)])


def _quoted_day(quote: tuple[Paragraph, ...]) -> dt.date | None:
    """The date of a quoted '"2025 жылғы 1 қыркүйектен бастап"' (None if it is no date)."""
    text = " ".join(q.text for q in quote)
    m = re.search(FROM_DATE, text)
    return kazakh_date(m.group(1), m.group(2), m.group(3)) if m else None


def _point(lead: str) -> int | None:
    m = re.match(r"^(\d+)\.\s", lead)
    return int(m.group(1)) if m else None


def _act_number(lead: str) -> str | None:
    m = re.search(r"№\s*(\S+)\s+\S+$", lead)
    return m.group(1) if m else None


_ENTRY_WORDS = re.compile(ENTRY_WORDS)


def read_instructions(
    document: Document, lexicon: Lexicon | None = None, parse: Callable[[str], Sentence | None] = parse_paragraph
) -> list[Instruction]:
    """Every paragraph and table of the body, each read as an instruction (or ``Unrecognized``).

    The passages (``passages.read_passages``: each paragraph's sentence and the quoted block it took) are
    read here in order, with the one piece of context a sentence leaves to the next: the row named by
    "реттік нөмірі N-жолда:", for the column sentences after it. ``lexicon`` and ``parse`` as there.
    """
    out: list[Instruction] = []
    row: str | None = None
    for passage in read_passages(document, lexicon, parse):
        if isinstance(passage, Table):
            out.append(Unrecognized(Paragraph('"', passage.first_line, passage.last_line), passage, _STRAY_TABLE))
            continue
        if passage.opening is not None and passage.subpoint is not None:
            out.append(Subpoint(passage.opening, passage.subpoint))
            row = None
        p, sentence = passage.paragraph, passage.sentence
        if sentence is None:
            out.append(EntryIntoForceClause(p, None) if _ENTRY_WORDS.match(p.text) else Unrecognized(p))
            continue
        # A row named for the sentences after it holds for the sentences that name a column and no row.
        if isinstance(sentence, RowFrame):
            row = sentence.row
        elif not isinstance(sentence, ColumnsRewording) and not (
            isinstance(sentence, WordsReplacement) and "column" in sentence.scope and "row" not in sentence.scope
        ):
            row = None
        out.append(_instruction(passage, sentence, row))
    return out


_STRAY_TABLE = "a quoted table that no instruction introduces"


def _instruction(passage: Passage, sentence: Sentence, row: str | None) -> Instruction:
    """The instruction a passage's sentence gives, its quoted block read (``row``: the row named before it)."""
    p, table, quote = passage.paragraph, passage.table, passage.quote
    match sentence:
        case RowsRewording():
            return RowsReworded(p, tuple(sentence.rows), table)
        case RowsAddition():
            return RowsAdded(
                p,
                tuple(sentence.rows),
                sentence.subsection,
                sentence.subsection_title,
                sentence.after,
                table,
                sentence.section,
                sentence.section_title,
            )
        case CellsRewording():
            return CellsReworded(p, sentence.row, tuple(sentence.columns), table)
        case RowFrame():
            return RowContext(p, sentence.row)
        case ColumnsRewording():
            if row is None:
                return Unrecognized(p, table, "a column in new wording, and no row named before it")
            return CellsReworded(p, row, tuple(sentence.columns), table)
        case RowsDeletion():
            return RowsDeleted(p, tuple(sentence.rows))
        case SectionHeading():
            return SectionContext(p, sentence.section, sentence.title)
        case SubsectionHeading():
            return SubsectionContext(p, sentence.subsection, sentence.title)
        case PlanFrame():
            return PlanContext(p)
        case NoteFrame():
            return NoteContext(p)
        case WordsReplacement():
            scope = sentence.scope
            if row is not None and "row" not in scope:
                scope = {**scope, "row": row, "rows": [row]}
            pairs = tuple((old, new or "") for old, new in sentence.pairs)
            if len({new is None for _, new in sentence.pairs}) > 1:
                return Unrecognized(p, None, "words both replaced and struck out in one sentence")
            return WordsReplaced(
                p,
                pairs,
                scope.get("row"),
                scope.get("column"),
                bool(scope.get("whole_text")),
                scope.get("element"),
                scope.get("column_title"),
                scope.get("line"),
                scope.get("number_of"),
                tuple(scope.get("rows", ())),
                tuple(scope.get("columns", ())),
            )
        case NoteLinesAddition():
            entries = _note_entries(quote)
            if entries:
                return AbbreviationsAdded(p, entries, quote, sentence.after)
            else:
                return Unrecognized(p, None, "the lines added to the note could not be read")
        case NoteLineDeletion():
            entry = note_line(sentence.line) or (sentence.line.strip(), "")
            return AbbreviationDeleted(p, entry[0])
        case NoteLineRewording():
            code = (note_line(sentence.line) or (sentence.line.strip(), ""))[0]
            entries = _note_entries(quote)
            if entries and len(entries) == 1:
                # A new code in the new wording renames the line (``renamed`` is the old code).
                new_code, expansion = entries[0]
                return AbbreviationReworded(p, new_code, expansion, quote, code if new_code != code else None)
            else:
                return Unrecognized(p, None, "the new wording of the note's line could not be read")
        case SectionTitleRewording() | SubsectionTitleRewording():
            title = _quoted_title(quote)
            sub = sentence.subsection if isinstance(sentence, SubsectionTitleRewording) else None
            section = sentence.section if isinstance(sentence, SectionTitleRewording) else (sub or "").split(".")[0]
            if title is None:
                return Unrecognized(p, None, "the new title could not be read")
            else:
                return TitleReworded(p, section, sub, title, quote)
        case SectionAddition() | SubsectionAddition():
            title = _quoted_title(quote)
            if title is None:
                return Unrecognized(p, None, "the title of the new heading could not be read")
            elif isinstance(sentence, SectionAddition):
                return SectionAdded(p, sentence.number, None, title, sentence.after, quote)
            else:
                return SectionAdded(p, sentence.section, sentence.number, title, sentence.after, quote)
        case TextRewording():
            element = sentence.element
            wording = _point_wording(quote, _own_number(element)) if quote else None
            if wording is not None and element.startswith("note "):
                wording = (_joined(wording), ())  # a note's own "1) ..." lines are its text
            if wording is None:
                return Unrecognized(p, None, "the new wording could not be read")
            elif element.startswith("point ") and "." not in element:
                return ActTextReworded(p, element, wording[0], wording[1], quote)
            elif wording[1]:
                return Unrecognized(p, None, f"numbered items in the new wording of {element}")
            else:
                return ActTextReworded(p, element, wording[0], (), quote)
        case TextInsertion():
            wording = _point_wording(quote, sentence.number) if quote else None
            if wording is not None and not sentence.element.startswith("point "):
                wording = (_joined(wording), ())
            if wording is None:
                return Unrecognized(p, None, "the text of the new point could not be read")
            elif wording[1]:
                # insert_text takes a text only: a new point's own items need the operations by hand.
                return Unrecognized(p, None, "the new point has numbered items; insert_text takes none")
            else:
                return PointAdded(p, sentence.element, wording[0], sentence.after, quote)
        case TextDeletion():
            return PointDeleted(p, sentence.element)
        case SectionDeletion():
            return SectionDeleted(p, sentence.section, sentence.title)
        case SubsectionDeletion():
            return SubsectionDeleted(p, sentence.subsection, sentence.title)
        case RowMove():
            return RowMoved(p, sentence.row, sentence.section, sentence.subsection, sentence.to)
        case SignatoryRewording():
            texts = [re.sub(r'^"\s*|"\s*[;.]?$', "", q.text).strip() for q in quote]
            if len(texts) < 2 or not all(texts):
                return Unrecognized(p, None, "the signatory's position and name could not be read")
            else:
                return SignatoryReworded(p, "\n".join(texts[:-1]), texts[-1], quote)
        case ColumnAddition() | ColumnRenaming():
            title = _quoted_title(quote)
            if title is None:
                return Unrecognized(p, None, "the column's title could not be read")
            elif isinstance(sentence, ColumnAddition):
                return ColumnAdded(p, sentence.number, sentence.after, title, quote)
            else:
                return ColumnRenamed(p, sentence.number, title, quote)
        case ColumnDeletion():
            return ColumnDeleted(p, sentence.number)
        case Rescheduling(lead=lead):
            day = _quoted_day(quote)
            ops = tuple(sentence.operations) if sentence.operations else None
            problem = None if day is not None else "the new date of entry into force could not be read"
            return ActChange(p, "reschedule", _act_number(lead), _point(lead), ops, day, (), problem)
        case Correction(lead=lead):
            pairs = tuple((old, new or "") for old, new in sentence.pairs)
            number = _act_number(lead)
            return ActChange(p, "correct", number, _point(lead), (sentence.operation,), None, pairs)
        case Suspension(lead=lead):
            problem = (
                "the date the suspension ends could not be read" if sentence.dated and sentence.until is None else None
            )
            number = _act_number(lead)
            return ActChange(p, "suspend", number, _point(lead), None, sentence.until, (), problem)
        case Resumption(lead=lead):
            return ActChange(p, "resume", _act_number(lead), _point(lead))
        case EnactingWords():
            return Framing(p)
        case LeadIn():
            return Framing(p, sentence.point)
        case Repealing(lead=lead, operations=operations) if operations:
            return ActChange(p, "repeal", _act_number(lead), _point(lead), tuple(operations))
        case Repealing(lead=lead):
            return Repeal(p, _point(lead), _act_number(lead))
        case Commencement():
            return EntryIntoForceClause(p, sentence.clause)
        case Signing():
            return Signature(p, sentence.position, sentence.name)
        case _:
            return Unrecognized(p)
