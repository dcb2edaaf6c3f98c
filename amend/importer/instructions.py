"""The instruction sentences of an amending act, in Kazakh, read as data.

The amending text is formulaic: "реттік нөмірі 6-жол мынадай редакцияда жазылсын:" followed by the
row in quotes, "... деген 1-бөлімде:" setting the section the next sentences speak of, and so on.
This module splits the text into paragraphs and quoted tables, and matches each paragraph against
the formulas. A paragraph no formula matches is kept as ``Unrecognized`` so it is reported, never
dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AddAbbreviations",
    "DeleteAbbreviation",
    "DeletePoint",
    "DeleteRows",
    "DeleteSection",
    "Document",
    "EntryIntoForceClause",
    "Framing",
    "InsertPoint",
    "InsertRows",
    "Instruction",
    "NoteContext",
    "Paragraph",
    "ReplaceAbbreviation",
    "ReplacePoint",
    "ReplaceRows",
    "ReplaceWords",
    "SectionContext",
    "Signature",
    "SubsectionContext",
    "Table",
    "Unrecognized",
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


_ENACTING = re.compile(r"(ҚАУЛЫ ЕТЕДІ|БҰЙЫРАМЫН|ҚАУЛЫ ЕТЕМІН)\s*:")


def _join_prose(lines: list[str]) -> str:
    # Running text breaks lines between words; a line ending in a hyphen breaks a compound.
    out = ""
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        if out and not re.search(r"[^\W\d_]-$", out):
            out += " "
        out += text
    return re.sub(r"\s+", " ", out)


def split_document(text: str) -> Document:
    """Split the extracted text into heading, paragraphs (an indented line starts one) and quoted tables."""
    lines = list(enumerate(text.replace("\r\n", "\n").split("\n"), 1))
    start = next((i for i, (_, raw) in enumerate(lines) if _ENACTING.search(raw)), None)
    if start is None:
        start = next((i for i, (_, raw) in enumerate(lines) if re.match(r"^\s{2,}\S", raw)), len(lines))
    heading = tuple(lines[:start])
    body: list[Paragraph | Table] = []
    current: list[tuple[int, str]] = []

    def close() -> None:
        if current:
            body.append(Paragraph(_join_prose([r for _, r in current]), current[0][0], current[-1][0]))
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

_NUM = r"\d+(?:-\d+)?"
_ITEM = rf"(?:\d+\s*–\s*\d+|{_NUM})"
_LIST = rf"{_ITEM}(?:\s*,\s*{_ITEM})*(?:\s+және\s+{_ITEM})?"
_ROWS_WORD = r"реттік\s+нөмір(?:і|лері)"


def row_numbers(listing: str) -> list[str]:
    """Row numbers of a listing: ``29-1, 29-2 және 29-3`` -> three numbers; ``10 – 12`` -> 10, 11, 12."""
    out = []
    for item in re.split(r"\s*,\s*|\s+және\s+", listing.strip()):
        span = re.fullmatch(r"(\d+)\s*–\s*(\d+)", item)
        if span and int(span.group(1)) < int(span.group(2)):
            out.extend(str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1))
        elif item:
            out.append(item)
    return out


@dataclass(frozen=True)
class Instruction:
    """A paragraph read as one formula."""

    paragraph: Paragraph


@dataclass(frozen=True)
class SectionContext(Instruction):
    """'"<title>" деген N-бөлімде:': the sentences after it speak of section N."""

    section: str
    title: str


@dataclass(frozen=True)
class SubsectionContext(Instruction):
    """'"N.M. <title>" деген кіші бөлімде:': the sentences after it speak of subsection N.M."""

    subsection: str
    title: str


@dataclass(frozen=True)
class ReplaceRows(Instruction):
    """'реттік нөмірі N-жол мынадай редакцияда жазылсын:' (one or more rows), with the quoted table."""

    rows: tuple[str, ...]
    table: Table | None = None


@dataclass(frozen=True)
class InsertRows(Instruction):
    """'... мынадай мазмұндағы реттік нөмірі N-жолмен толықтырылсын:', into a subsection or after a row."""

    rows: tuple[str, ...]
    subsection: str | None = None
    subsection_title: str | None = None
    after: str | None = None
    table: Table | None = None


@dataclass(frozen=True)
class DeleteRows(Instruction):
    """'реттік нөмірі N-жол алып тасталсын'."""

    rows: tuple[str, ...]


@dataclass(frozen=True)
class ReplaceWords(Instruction):
    """'"X" деген сөздер "Y" деген сөздермен ауыстырылсын' (or struck out: new is empty)."""

    pairs: tuple[tuple[str, str], ...]
    row: str | None = None
    column_number: int | None = None


@dataclass(frozen=True)
class NoteContext(Instruction):
    """'Ескертпеде:' or 'аббревиатуралардың толық жазылуында:': the sentences after it speak of the note."""


@dataclass(frozen=True)
class AddAbbreviations(Instruction):
    """The note supplemented with lines 'КОД – толық жазылуы'."""

    entries: tuple[tuple[str, str], ...]
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class DeleteAbbreviation(Instruction):
    """'"КОД – ..." деген жол алып тасталсын'."""

    code: str


@dataclass(frozen=True)
class ReplaceAbbreviation(Instruction):
    """'"КОД – ..." деген жол мынадай редакцияда жазылсын: "КОД – ..."'."""

    code: str
    expansion: str
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class ReplacePoint(Instruction):
    """'2-тармақ мынадай редакцияда жазылсын: "2. ..."' (``point`` "2", or "2.1" for '2-тармақтың 1)
    тармақшасы'), with the quoted new wording."""

    point: str
    text: str
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class InsertPoint(Instruction):
    """'мынадай мазмұндағы 5-тармақпен толықтырылсын: "5. ..."' (after 'N-тармақтан кейін' if said)."""

    point: str
    text: str
    after: str | None = None
    quote: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class DeletePoint(Instruction):
    """'3-тармақ алып тасталсын' (or a sub-point: '2-тармақтың 1) тармақшасы алып тасталсын')."""

    point: str


@dataclass(frozen=True)
class DeleteSection(Instruction):
    """'"<title>" деген N-бөлім алып тасталсын': the section struck out with its rows."""

    section: str
    title: str | None = None


@dataclass(frozen=True)
class Framing(Instruction):
    """A sentence that frames the changes and asks for no operation (the enacting words, point 1's lead-in)."""


@dataclass(frozen=True)
class EntryIntoForceClause(Instruction):
    """The closing point: when the act enters into force."""


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


_F_SECTION = re.compile(r'^"(?P<title>.+)"\s+деген\s+(?P<number>[\dIVXLC]+)-бөлімде:$')
_F_SUBSECTION = re.compile(r'^"(?P<number>\d+(?:\.\d+)+)\.?\s+(?P<title>.+)"\s+деген\s+кіші\s+бөлімде:$')
_F_REPLACE = re.compile(rf"^{_ROWS_WORD}\s+(?P<rows>{_LIST})-жол(?:дар)?\s+мынадай\s+редакцияда\s+жазылсын:$")
_INSERT_TAIL = rf"мынадай\s+мазмұндағы\s+{_ROWS_WORD}\s+(?P<rows>{_LIST})-жол(?:мен|дармен)\s+толықтырылсын:$"
_F_INSERT_SUB = re.compile(rf'^"(?P<sub>\d+(?:\.\d+)+)\.?\s+(?P<title>.+)"\s+деген\s+кіші\s+бөлім\s+{_INSERT_TAIL}')
_F_INSERT_AFTER = re.compile(rf"^реттік\s+нөмірі\s+(?P<after>{_NUM})-жол(?:дан)?\s+кейін\s+{_INSERT_TAIL}")
_F_INSERT = re.compile(rf"^{_INSERT_TAIL}")
_F_DELETE = re.compile(rf"^{_ROWS_WORD}\s+(?P<rows>{_LIST})-жол(?:дар)?\s+алып\s+тасталсын[;.]$")
_WORDS_OLD = r'"(?P<old>[^"]+)"\s+деген\s+(?:сөз|сөздер|сан|сандар|цифр|цифрлар|белгі|таңба|сөйлем)'
_WORDS_NEW = (
    r'"(?P<new>[^"]+)"\s+деген\s+(?:сөзбен|сөздермен|санмен|сандармен|цифрмен|цифрлармен|белгімен|таңбамен|сөйлеммен)'
)
_F_WORDS_SCOPE = re.compile(
    rf"^(?:{_ROWS_WORD}\s+(?P<row>{_NUM})-жол(?:дағы|да|дың)\s*)?"
    r"(?:(?P<col>\d+)-баған(?:ындағы|ында|дағы|да)\s*)?(?P<rest>.+)$"
)
_F_PAIR_REPLACE = re.compile(rf"{_WORDS_OLD}\s+{_WORDS_NEW}")
_F_PAIR_DELETE = re.compile(rf"{_WORDS_OLD}\s+алып\s+тасталсын")
_F_NOTE_CONTEXT = re.compile(r"^(?:Ескертпеде|ескертпеде|Ескертпе|[Аа]ббревиатуралардың)(?:\s+.*жазылуында)?\s*:$")
_F_NOTE_ADD = re.compile(
    r"^(?:(?:Ескертпе|ескертпе)(?:де)?\s*:?\s*)?(?:[Аа]ббревиатуралардың\s+толық\s+жазылуы\s+)?"
    r"мынадай\s+мазмұндағы\s+(?:жолдармен|жолмен|абзацтармен|абзацпен)\s+толықтырылсын:$"
)
_F_NOTE_LINE = re.compile(r'^"?(?P<code>[^\s"–]+(?:\s[^\s"–]+)?)\s+[–-]\s+(?P<expansion>.+?)[;.]?"?[;.]?$')
_F_NOTE_DELETE = re.compile(r'^"(?P<code>[^\s"–]+)\s+[–-]\s+[^"]+"\s+деген\s+жол\s+алып\s+тасталсын[;.]$')
_F_NOTE_REPLACE = re.compile(r'^"(?P<code>[^\s"–]+)\s+[–-]\s+[^"]+"\s+деген\s+жол\s+мынадай\s+редакцияда\s+жазылсын:$')
_F_FRAMING = [
    re.compile(r".*(?:ҚАУЛЫ ЕТЕДІ|БҰЙЫРАМЫН|ҚАУЛЫ ЕТЕМІН)\s*:$"),
    re.compile(r"^\d+\.\s.*(?:өзгерістер|өзгеріс|толықтырулар|толықтыру).*енгізілсін:$"),
    re.compile(r"^(?:көрсетілген|аталған)\s+(?:қаулымен|бұйрықпен|Жарлықпен)\s+бекітілген\s+.+:$"),
]
# The resolution's own points (issue 15): "2-тармақ", "2-тармақтың 1) тармақшасы".
_POINT = r"(?P<point>\d+(?:-\d+)?)-тармақ(?:тың\s+(?P<sub>\d+)\)\s+тармақшасы)?"
_F_SECTION_DELETE = re.compile(r'^(?:"(?P<title>.+)"\s+деген\s+)?(?P<number>[\dIVXLC]+)-бөлім\s+алып\s+тасталсын[;.]$')
_F_POINT_REPLACE = re.compile(rf"^(?:\d+\)\s+)?{_POINT}\s+мынадай\s+редакцияда\s+жазылсын:$")
_F_POINT_DELETE = re.compile(rf"^(?:\d+\)\s+)?{_POINT}\s+алып\s+тасталсын[;.]$")
_F_POINT_INSERT = re.compile(
    r"^(?:\d+\)\s+)?(?:(?P<after>\d+(?:-\d+)?)-тармақтан\s+кейін\s+)?мынадай\s+мазмұндағы\s+"
    r"(?P<point>\d+(?:-\d+)?)-тармақпен\s+толықтырылсын:$"
)
_F_ENTRY = re.compile(r"^(?:\d+\.\s+)?Осы\s+(?:қаулы|бұйрық|Жарлық).*қолданысқа\s+енгізіледі\.?$")
_F_SIGNATURE = re.compile(
    r"^(?P<position>.*(?:Министрі|министрі|Президенті|Төрағасы|Басшысы))\s+"
    r"(?P<name>(?:[А-ЯӘҒҚҢӨҰҮҺІ]\.\s*){1,2}[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)$"
)


def _quote_lines(body: tuple[Paragraph | Table, ...], start: int) -> tuple[tuple[Paragraph, ...], int]:
    """The paragraphs of an inline quotation beginning at ``start`` (up to the one ending in a closing quote)."""
    found: list[Paragraph] = []
    i = start
    if i >= len(body) or not isinstance(body[i], Paragraph) or not body[i].text.startswith('"'):
        return (), start
    while i < len(body) and isinstance(body[i], Paragraph):
        found.append(body[i])
        if re.search(r'"\s*[;.]?$', body[i].text) and not (len(found) == 1 and body[i].text == '"'):
            return tuple(found), i + 1
        i += 1
    return tuple(found), i


def _quoted_text(quote: tuple[Paragraph, ...], number: str) -> str | None:
    """The text of a quoted point: the quotes, a leading "N." or "N)" and the closing ``";`` taken off."""
    if not quote:
        return None
    text = "\n".join(p.text for p in quote).strip()
    text = re.sub(r'^"\s*', "", text)
    text = re.sub(r'"\s*[;.]?$', "", text).strip()
    text = re.sub(rf"^{re.escape(number)}[.)]\s*", "", text)
    return text or None


def _point_key(m: re.Match[str]) -> str:
    return m.group("point") + (f".{m.group('sub')}" if m.group("sub") else "")


def _note_entries(quote: tuple[Paragraph, ...]) -> tuple[tuple[str, str], ...] | None:
    entries = []
    for p in quote:
        m = _F_NOTE_LINE.match(p.text)
        if not m:
            return None
        entries.append((m.group("code"), m.group("expansion").strip().rstrip('";.').strip()))
    return tuple(entries)


def read_instructions(document: Document) -> list[Instruction]:
    """Every paragraph and table of the body, each read as an instruction (or ``Unrecognized``)."""
    out: list[Instruction] = []
    body = document.body
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
        p, text = block, block.text
        table = body[i] if i < len(body) and isinstance(body[i], Table) else None
        if m := _F_REPLACE.match(text):
            i += table is not None
            out.append(ReplaceRows(p, tuple(row_numbers(m.group("rows"))), table))
        elif m := _F_INSERT_SUB.match(text):
            i += table is not None
            out.append(
                InsertRows(p, tuple(row_numbers(m.group("rows"))), m.group("sub"), m.group("title"), None, table)
            )
        elif m := _F_INSERT_AFTER.match(text):
            i += table is not None
            out.append(InsertRows(p, tuple(row_numbers(m.group("rows"))), None, None, m.group("after"), table))
        elif m := _F_INSERT.match(text):
            i += table is not None
            out.append(InsertRows(p, tuple(row_numbers(m.group("rows"))), None, None, None, table))
        elif m := _F_SECTION.match(text):
            out.append(SectionContext(p, m.group("number"), m.group("title")))
        elif m := _F_SUBSECTION.match(text):
            out.append(SubsectionContext(p, m.group("number"), m.group("title")))
        elif m := _F_DELETE.match(text):
            out.append(DeleteRows(p, tuple(row_numbers(m.group("rows")))))
        elif m := _F_NOTE_DELETE.match(text):
            out.append(DeleteAbbreviation(p, m.group("code")))
        elif m := _F_NOTE_REPLACE.match(text):
            quote, i = _quote_lines(body, i)
            entries = _note_entries(quote)
            if entries and len(entries) == 1 and entries[0][0] == m.group("code"):
                out.append(ReplaceAbbreviation(p, m.group("code"), entries[0][1], quote))
            else:
                out.append(Unrecognized(p, None, "the new wording of the note's line could not be read"))
        elif _F_NOTE_ADD.match(text):
            quote, i = _quote_lines(body, i)
            entries = _note_entries(quote)
            if entries:
                out.append(AddAbbreviations(p, entries, quote))
            else:
                out.append(Unrecognized(p, None, "the lines added to the note could not be read"))
        elif _F_NOTE_CONTEXT.match(text):
            out.append(NoteContext(p))
        elif m := _F_POINT_REPLACE.match(text):
            quote, i = _quote_lines(body, i)
            quoted = _quoted_text(quote, m.group("sub") or m.group("point"))
            if quoted:
                out.append(ReplacePoint(p, _point_key(m), quoted, quote))
            else:
                out.append(Unrecognized(p, None, "the new wording of the point could not be read"))
        elif m := _F_POINT_INSERT.match(text):
            quote, i = _quote_lines(body, i)
            quoted = _quoted_text(quote, m.group("point"))
            if quoted:
                out.append(InsertPoint(p, m.group("point"), quoted, m.group("after"), quote))
            else:
                out.append(Unrecognized(p, None, "the text of the new point could not be read"))
        elif m := _F_SECTION_DELETE.match(text):
            out.append(DeleteSection(p, m.group("number"), m.group("title")))
        elif m := _F_POINT_DELETE.match(text):
            out.append(DeletePoint(p, _point_key(m)))
        elif _F_ENTRY.match(text):
            out.append(EntryIntoForceClause(p))
        elif m := _F_SIGNATURE.match(text):
            out.append(Signature(p, m.group("position"), m.group("name")))
        elif any(f.match(text) for f in _F_FRAMING):
            out.append(Framing(p))
        else:
            out.append(_words(p) or Unrecognized(p))
    return out


def _words(p: Paragraph) -> ReplaceWords | None:
    scope = _F_WORDS_SCOPE.match(p.text)
    if scope is None:
        return None
    rest = scope.group("rest")
    replaced = [(m.group("old"), m.group("new")) for m in _F_PAIR_REPLACE.finditer(rest)]
    struck = [(m.group("old"), "") for m in _F_PAIR_DELETE.finditer(rest)]
    if replaced and re.search(r"ауыстырылсын[;.]?$", rest) and not struck:
        pairs = replaced
    elif struck and re.search(r"алып\s+тасталсын[;.]?$", rest) and not replaced:
        pairs = struck
    else:
        return None
    column = int(scope.group("col")) if scope.group("col") else None
    return ReplaceWords(p, tuple(pairs), scope.group("row"), column)
