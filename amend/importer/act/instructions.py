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

from amend.importer.act.grammar import parse_paragraph
from amend.importer.act.scope import heading_split
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
from amend.importer.text import Lexicon, fix_lookalikes, join_lines, read_lines
from amend.language.lexicon import ENACTING, ENTRY_WORDS, FROM_DATE
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
    "Document",
    "EntryIntoForceClause",
    "Framing",
    "Instruction",
    "NoteContext",
    "Paragraph",
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
    "Table",
    "TitleReworded",
    "Unrecognized",
    "WordsReplaced",
    "normalize_quotes",
    "note_line",
    "read_instructions",
    "row_numbers",
    "split_document",
]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text: its lines joined, and where it stands in the source."""

    text: str
    first_line: int
    last_line: int
    lines: tuple[tuple[int, str], ...] = ()  # the printed lines (number, raw text)
    joined: bool = False  # read with words broken at line ends joined (no formula derived the plain join)


@dataclass(frozen=True)
class Table:
    """The printed lines of a quoted table (between a lone opening quote and the closing ``";``)."""

    lines: tuple[tuple[int, str], ...]
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Document:
    """An act's text: the heading lines, then paragraphs and quoted tables in order."""

    heading: tuple[tuple[int, str], ...]
    body: tuple[Paragraph | Table, ...]


_ENACTING = re.compile(ENACTING)


def _join_prose(lines: list[str]) -> str:
    # Running text breaks lines between words; a line ending in a hyphen breaks a compound, or a number
    # from its case ending ("64-" / "жолдар", "29-" / "1-жолмен": the print breaks after a hyphen).
    out = ""
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        if out and not re.search(r"[^\W_]-$", out):
            out += " "
        out += text
    return re.sub(r"\s+", " ", out)


# Quotation marks as printed: guillemets and typographic quotes are the formulae's one quote, '"'.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


def normalize_quotes(text: str) -> str:
    """Every kind of quotation mark as '"' (the bank prints guillemets in some texts, straight quotes in others)."""
    return text.translate(_QUOTES)


def split_document(text: str) -> Document:
    """Split the extracted text into heading, paragraphs (an indented line starts one) and quoted tables."""
    lines = list(enumerate(fix_lookalikes(normalize_quotes(text.replace("\r\n", "\n"))).split("\n"), 1))
    start = next((i for i, (_, raw) in enumerate(lines) if _ENACTING.search(raw)), None)
    if start is None:
        start = next((i for i, (_, raw) in enumerate(lines) if re.match(r"^\s{2,}\S", raw)), len(lines))
    heading = tuple(lines[:start])
    body: list[Paragraph | Table] = []
    current: list[tuple[int, str]] = []

    def close() -> None:
        if current:
            body.append(Paragraph(_join_prose([r for _, r in current]), current[0][0], current[-1][0], tuple(current)))
            current.clear()

    i = start
    while i < len(lines):
        number, raw = lines[i]
        stripped = raw.strip()
        if stripped == '"' and (not current or current[-1][1].rstrip().endswith(":")):
            # A lone quote after an instruction opens a table; a lone `";` (or `".`) closes it.
            close()
            j = i + 1
            while j < len(lines) and lines[j][1].strip() not in ('";', '".'):
                j += 1
            body.append(Table(tuple(lines[i + 1 : j]), number, lines[min(j, len(lines) - 1)][0]))
            i = j + 1
            continue
        if not stripped:
            i += 1
            continue
        indented = re.match(r"^\s{2,}\S", raw) is not None
        closed = bool(current) and current[-1][1].rstrip().endswith((":", ";", "."))
        if indented or not current or closed:
            close()
        current.append((number, raw))
        i += 1
    close()
    return Document(heading, tuple(body))


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


def _quote_lines(body: tuple[Paragraph | Table, ...], start: int) -> tuple[tuple[Paragraph, ...], int]:
    """The paragraphs of an inline quotation beginning at ``start`` (up to the one ending in a closing quote)."""
    found: list[Paragraph] = []
    i = start
    first = body[i] if i < len(body) else None
    if not isinstance(first, Paragraph) or not first.text.startswith('"'):
        return (), start
    while i < len(body):
        block = body[i]
        if not isinstance(block, Paragraph):
            break
        found.append(block)
        if re.search(r'"\s*[;.]?$', block.text) and not (len(found) == 1 and block.text == '"'):
            return tuple(found), i + 1
        i += 1
    return tuple(found), i


_NOTE_LINE = re.compile(r'^"?(?P<code>[^\s"–]+(?:\s[^\s"–]+)?)\s+[–-]\s+(?P<expansion>.+?)[;.]?"?[;.]?$')


def _inline_cells(body: tuple[Paragraph | Table, ...], start: int) -> tuple[Table | None, int]:
    """One cell's new text quoted in running text ('"2026 жылғы желтоқсан";'), as the lines of a one-cell table."""
    quote, end = _quote_lines(body, start)
    lines = [line for q in quote for line in q.lines]
    if not quote or not lines or not re.search(r'"\s*[;.]?\s*$', lines[-1][1]):
        return None, start
    first, last = lines[0], lines[-1]
    lines[0] = (first[0], re.sub(r'^(\s*)"', r"\1", first[1], count=1))
    last = lines[-1]
    lines[-1] = (last[0], re.sub(r'"\s*[;.]?\s*$', "", last[1]))
    return Table(tuple(lines), quote[0].first_line, quote[-1].last_line), end


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


def _rejoined(p: Paragraph, lexicon: Lexicon) -> Paragraph | None:
    """The paragraph with its lines joined by the line-join rules (a word broken at a line end with no
    hyphen is glued where the lexicon knows it), if that reads otherwise than the plain join."""
    if len(p.lines) < 2:
        return None
    text, _ = join_lines(read_lines(p.lines), lexicon)
    text = re.sub(r"\s+", " ", text).strip()
    return None if text == p.text else Paragraph(text, p.first_line, p.last_line, p.lines, True)


# Letters printed spaced out ("а л ы п  т а с т а л с ы н"): three or more single letters, one blank apart
# (two or more blanks part the words).
_SPACED = re.compile(r"(?<!\w)(?:[^\W\d_] ){2,}[^\W\d_](?!\w)")


def _unspaced(p: Paragraph) -> Paragraph | None:
    """The paragraph with words printed in spaced-out letters closed up, if it has any."""
    lines = tuple((n, _SPACED.sub(lambda m: m.group(0).replace(" ", ""), raw)) for n, raw in p.lines)
    if lines == p.lines:
        return None
    return Paragraph(_join_prose([raw for _, raw in lines]), p.first_line, p.last_line, lines, True)


def read_instructions(
    document: Document, lexicon: Lexicon | None = None, parse: Callable[[str], Sentence | None] = parse_paragraph
) -> list[Instruction]:
    """Every paragraph and table of the body, each read as an instruction (or ``Unrecognized``).

    ``lexicon``: word forms to rejoin a paragraph whose words the print broke at a line end, tried when
    the plain join derives no sentence. ``parse``: the grammar of one paragraph (the Russian one reads the
    same formulae, ``amend/importer/act/russian.py``).
    """
    out: list[Instruction] = []
    body = document.body
    row: str | None = None  # the row named by "реттік нөмірі N-жолда:", for the column sentences after it
    i = 0
    while i < len(body):
        block = body[i]
        i += 1
        if isinstance(block, Table):
            out.append(
                Unrecognized(
                    Paragraph('"', block.first_line, block.last_line),
                    block,
                    "a quoted table that no instruction introduces",
                )
            )
            continue
        p = block
        marker = re.match(r"^(\d+)\)\s+(\S.*)$", p.text)
        if marker:
            # "3) реттік нөмірі ..." : a subpoint, read as its own sentence after the number.
            out.append(Subpoint(p, int(marker.group(1))))
            # The printed lines less the number, so that the sentence can be re-read from them as any other.
            lines = p.lines
            if lines:
                lines = ((lines[0][0], re.sub(r"^(\s*)\d+\)\s+", r"\1", lines[0][1], count=1)), *lines[1:])
            p = Paragraph(marker.group(2), p.first_line, p.last_line, lines)
            row = None
        nxt = body[i] if i < len(body) else None
        table = nxt if isinstance(nxt, Table) else None
        sentence = parse(p.text)
        if sentence is None and lexicon is not None and (again := _rejoined(p, lexicon)) is not None:
            sentence = parse(again.text)
            p = again if sentence is not None or _ENTRY_WORDS.match(again.text) else p
        if sentence is None and (closed := _unspaced(p)) is not None:
            sentence = parse(closed.text)
            p = closed if sentence is not None or _ENTRY_WORDS.match(closed.text) else p
        if sentence is None and (cut := heading_split(p.text)) is not None:
            # A heading sentence and the sentence after it in one paragraph: read as two, the second next.
            rest = Paragraph(p.text[cut:].strip(), p.first_line, p.last_line)
            body = (*body[:i], rest, *body[i:])
            p = Paragraph(p.text[:cut], p.first_line, p.first_line)
            sentence = parse(p.text)
        if sentence is None:
            if _ENTRY_WORDS.match(p.text):
                out.append(EntryIntoForceClause(p, None))
            else:
                out.append(Unrecognized(p))
            continue
        # A row named for the sentences after it holds for the sentences that name a column and no row.
        if not isinstance(sentence, RowFrame | ColumnsRewording) and not (
            isinstance(sentence, WordsReplacement) and "column" in sentence.scope and "row" not in sentence.scope
        ):
            row = None
        match sentence:
            case RowsRewording():
                i += table is not None
                out.append(RowsReworded(p, tuple(sentence.rows), table))
            case RowsAddition():
                i += table is not None
                out.append(
                    RowsAdded(
                        p,
                        tuple(sentence.rows),
                        sentence.subsection,
                        sentence.subsection_title,
                        sentence.after,
                        table,
                        sentence.section,
                        sentence.section_title,
                    )
                )
            case CellsRewording():
                i += table is not None
                if table is None and len(sentence.columns) == 1:
                    table, i = _inline_cells(body, i)
                out.append(CellsReworded(p, sentence.row, tuple(sentence.columns), table))
            case RowFrame():
                row = sentence.row
                out.append(RowContext(p, row))
            case ColumnsRewording():
                if row is None:
                    out.append(Unrecognized(p, None, "a column in new wording, and no row named before it"))
                    continue
                i += table is not None
                if table is None and len(sentence.columns) == 1:
                    table, i = _inline_cells(body, i)
                out.append(CellsReworded(p, row, tuple(sentence.columns), table))
            case RowsDeletion():
                out.append(RowsDeleted(p, tuple(sentence.rows)))
            case SectionHeading():
                out.append(SectionContext(p, sentence.section, sentence.title))
            case SubsectionHeading():
                out.append(SubsectionContext(p, sentence.subsection, sentence.title))
            case PlanFrame():
                out.append(PlanContext(p))
            case NoteFrame():
                out.append(NoteContext(p))
            case WordsReplacement():
                scope = sentence.scope
                if row is not None and "row" not in scope:
                    scope = {**scope, "row": row, "rows": [row]}
                pairs = tuple((old, new or "") for old, new in sentence.pairs)
                if len({new is None for _, new in sentence.pairs}) > 1:
                    out.append(Unrecognized(p, None, "words both replaced and struck out in one sentence"))
                    continue
                out.append(
                    WordsReplaced(
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
                )
            case NoteLinesAddition():
                quote, i = _quote_lines(body, i)
                entries = _note_entries(quote)
                if entries:
                    out.append(AbbreviationsAdded(p, entries, quote, sentence.after))
                else:
                    out.append(Unrecognized(p, None, "the lines added to the note could not be read"))
            case NoteLineDeletion():
                entry = note_line(sentence.line) or (sentence.line.strip(), "")
                out.append(AbbreviationDeleted(p, entry[0]))
            case NoteLineRewording():
                code = (note_line(sentence.line) or (sentence.line.strip(), ""))[0]
                quote, i = _quote_lines(body, i)
                entries = _note_entries(quote)
                if entries and len(entries) == 1:
                    # A new code in the new wording renames the line (``renamed`` is the old code).
                    new_code, expansion = entries[0]
                    out.append(AbbreviationReworded(p, new_code, expansion, quote, code if new_code != code else None))
                else:
                    out.append(Unrecognized(p, None, "the new wording of the note's line could not be read"))
            case SectionTitleRewording() | SubsectionTitleRewording():
                quote, i = _quote_lines(body, i)
                title = _quoted_title(quote)
                sub = sentence.subsection if isinstance(sentence, SubsectionTitleRewording) else None
                section = sentence.section if isinstance(sentence, SectionTitleRewording) else (sub or "").split(".")[0]
                if title is None:
                    out.append(Unrecognized(p, None, "the new title could not be read"))
                else:
                    out.append(TitleReworded(p, section, sub, title, quote))
            case SectionAddition() | SubsectionAddition():
                quote, i = _quote_lines(body, i)
                title = _quoted_title(quote)
                if title is None:
                    out.append(Unrecognized(p, None, "the title of the new heading could not be read"))
                elif isinstance(sentence, SectionAddition):
                    out.append(SectionAdded(p, sentence.number, None, title, sentence.after, quote))
                else:
                    out.append(SectionAdded(p, sentence.section, sentence.number, title, sentence.after, quote))
            case TextRewording():
                quote, i = _quote_lines(body, i)
                element = sentence.element
                wording = _point_wording(quote, _own_number(element)) if quote else None
                if wording is not None and element.startswith("note "):
                    wording = (_joined(wording), ())  # a note's own "1) ..." lines are its text
                if wording is None:
                    out.append(Unrecognized(p, None, "the new wording could not be read"))
                elif element.startswith("point ") and "." not in element:
                    out.append(ActTextReworded(p, element, wording[0], wording[1], quote))
                elif wording[1]:
                    out.append(Unrecognized(p, None, f"numbered items in the new wording of {element}"))
                else:
                    out.append(ActTextReworded(p, element, wording[0], (), quote))
            case TextInsertion():
                quote, i = _quote_lines(body, i)
                wording = _point_wording(quote, sentence.number) if quote else None
                if wording is not None and not sentence.element.startswith("point "):
                    wording = (_joined(wording), ())
                if wording is None:
                    out.append(Unrecognized(p, None, "the text of the new point could not be read"))
                elif wording[1]:
                    # insert_text takes a text only: a new point's own items need the operations by hand.
                    out.append(Unrecognized(p, None, "the new point has numbered items; insert_text takes none"))
                else:
                    out.append(PointAdded(p, sentence.element, wording[0], sentence.after, quote))
            case TextDeletion():
                out.append(PointDeleted(p, sentence.element))
            case SectionDeletion():
                out.append(SectionDeleted(p, sentence.section, sentence.title))
            case SubsectionDeletion():
                out.append(SubsectionDeleted(p, sentence.subsection, sentence.title))
            case RowMove():
                out.append(RowMoved(p, sentence.row, sentence.section, sentence.subsection, sentence.to))
            case SignatoryRewording():
                quote, i = _quote_lines(body, i)
                texts = [re.sub(r'^"\s*|"\s*[;.]?$', "", q.text).strip() for q in quote]
                if len(texts) < 2 or not all(texts):
                    out.append(Unrecognized(p, None, "the signatory's position and name could not be read"))
                else:
                    out.append(SignatoryReworded(p, "\n".join(texts[:-1]), texts[-1], quote))
            case ColumnAddition() | ColumnRenaming():
                quote, i = _quote_lines(body, i)
                title = _quoted_title(quote)
                if title is None:
                    out.append(Unrecognized(p, None, "the column's title could not be read"))
                elif isinstance(sentence, ColumnAddition):
                    out.append(ColumnAdded(p, sentence.number, sentence.after, title, quote))
                else:
                    out.append(ColumnRenamed(p, sentence.number, title, quote))
            case ColumnDeletion():
                out.append(ColumnDeleted(p, sentence.number))
            case Rescheduling(lead=lead):
                quote, i = _quote_lines(body, i)
                day = _quoted_day(quote)
                ops = tuple(sentence.operations) if sentence.operations else None
                problem = None if day is not None else "the new date of entry into force could not be read"
                out.append(ActChange(p, "reschedule", _act_number(lead), _point(lead), ops, day, (), problem))
            case Correction(lead=lead):
                pairs = tuple((old, new or "") for old, new in sentence.pairs)
                number = _act_number(lead)
                out.append(ActChange(p, "correct", number, _point(lead), (sentence.operation,), None, pairs))
            case Suspension(lead=lead):
                problem = (
                    "the date the suspension ends could not be read"
                    if sentence.dated and sentence.until is None
                    else None
                )
                number = _act_number(lead)
                out.append(ActChange(p, "suspend", number, _point(lead), None, sentence.until, (), problem))
            case Resumption(lead=lead):
                out.append(ActChange(p, "resume", _act_number(lead), _point(lead)))
            case EnactingWords():
                out.append(Framing(p))
            case LeadIn():
                out.append(Framing(p, sentence.point))
            case Repealing(lead=lead, operations=operations) if operations:
                out.append(ActChange(p, "repeal", _act_number(lead), _point(lead), tuple(operations)))
            case Repealing(lead=lead):
                out.append(Repeal(p, _point(lead), _act_number(lead)))
            case Commencement():
                out.append(EntryIntoForceClause(p, sentence.clause))
            case Signing():
                out.append(Signature(p, sentence.position, sentence.name))
            case _:
                out.append(Unrecognized(p))
    return out
