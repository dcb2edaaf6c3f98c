"""A Word file (.docx) as the plain text the importer reads: one function for the CLI and the workbench.

``read_docx(path_or_bytes)`` gives the text in the layout of ``amend draft-text`` (``drafting.render_text``):
the heading (every paragraph before the enacting words) flush left, each body paragraph on an indented line,
a table as a quoted table (its rows: the row number, then each cell, parted by empty lines). So the DOCX
that ``draft-text --to docx`` writes reads back to the very text ``draft-text`` prints, and the same draft
as .txt and as .docx imports to the same YAML. A document whose paragraphs are the printed lines of a
text (a plain text opened in Word or LibreOffice and saved: its lines keep their leading blanks) is read
line for line.

What Word holds that the text shows otherwise:
- numbers Word generates for a numbered list (``w:numPr``, on the paragraph or its style) are computed
  from ``word/numbering.xml``: the level's ``numFmt``, ``lvlText``, ``start`` (and a ``startOverride``),
  counting per list and level, a level's count restarting after a higher level;
- a run struck through (``w:strike``, ``w:dstrike``) or a tracked deletion (``w:del``) is text the
  drafter took out: it is not read; a tracked insertion (``w:ins``) is;
- a bold, centred paragraph before the enacting words is the heading (as any paragraph before them).

Hostile files are refused before python-docx opens them, from the zip directory alone: more than
``MAX_ENTRIES`` entries, or more than ``MAX_UNCOMPRESSED`` bytes once inflated (a zip bomb; CPython's
zipfile never inflates a member beyond the size the directory declares, so the declared sizes bound the
read). A document of more than ``MAX_PARAGRAPHS`` paragraphs (table cells' included) is refused, and a
table inside a table is an error that says where: the reader never runs unbounded.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from amend.errors import FileRefused, InputLimit
from amend.language.lexicon import ENACTING
from amend.store.inputs import MAX_BYTES, decode, read_bytes

__all__ = ["MAX_ENTRIES", "MAX_PARAGRAPHS", "MAX_UNCOMPRESSED", "is_docx", "read_docx"]

MAX_ENTRIES = 500  # a Word file has a few dozen parts; a bomb of many small ones is refused
MAX_UNCOMPRESSED = 64 * 1024 * 1024  # the parts inflated, in all
MAX_PARAGRAPHS = 5000  # an amending act has some hundreds; the grammar reads each paragraph
_INDENT = "      "
_ENACTING = re.compile(ENACTING)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def is_docx(data: bytes) -> bool:
    """Whether the bytes are a zip holding a Word document's main part."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def _checked(data: bytes, name: str) -> None:
    """Refuse a file that is no Word document, or whose parts inflate past the limits (from the directory)."""
    if len(data) > MAX_BYTES:
        raise InputLimit(f"{name}: the file is larger than {MAX_BYTES // (1024 * 1024)} MiB", file=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            entries = z.infolist()
    except zipfile.BadZipFile:
        raise FileRefused(
            f"{name}: not a Word file (.docx is a zip archive)", file=name, hint="save the draft as .docx"
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise InputLimit(f"{name}: {len(entries)} parts in the archive, more than {MAX_ENTRIES}", file=name)
    inflated = sum(e.file_size for e in entries)
    if inflated > MAX_UNCOMPRESSED:
        raise InputLimit(
            f"{name}: the parts inflate to {inflated} bytes, more than {MAX_UNCOMPRESSED} (a zip bomb?)", file=name
        )
    if not any(e.filename == "word/document.xml" for e in entries):
        raise FileRefused(f"{name}: the archive holds no word/document.xml", file=name, hint="save as .docx")


# -- numbering --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


def _roman(n: int) -> str:
    out = ""
    for value, letters in zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"),
        strict=True,
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word's letter numbering: a ... z, then aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(fmt: str, n: int) -> str:
    match fmt:
        case "decimal" | "decimalZero":
            return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
        case "lowerLetter":
            return _letters(n)
        case "upperLetter":
            return _letters(n).upper()
        case "lowerRoman":
            return _roman(n).lower()
        case "upperRoman":
            return _roman(n)
        case "none":
            return ""
    return str(n)


@dataclass
class _Numbering:
    """The lists of ``word/numbering.xml`` and the counters of the lists read so far."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId -> ilvl -> count

    @classmethod
    def read(cls, document: Any) -> _Numbering:
        out = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return out
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = _level(lvl, _Level("decimal", "%1.", 1))
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            abstract_id = ref.get(f"{_W}val", "") if ref is not None else ""
            levels = dict(abstract.get(abstract_id, {}))
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                base = levels.get(ilvl, _Level("decimal", f"%{ilvl + 1}.", 1))
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    base = _level(lvl, base)
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    base = _Level(base.fmt, base.text, int(start.get(f"{_W}val", "1")))
                levels[ilvl] = base
            out.levels[num_id] = levels
            # Overridden lists count on their own; others share their abstract list's counters, as Word does.
            own = num.find(f"{_W}lvlOverride") is not None
            out.abstract_of[num_id] = f"num {num_id}" if own else f"abstract {abstract_id}"
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """The number Word shows before the next paragraph of list ``num_id`` at level ``ilvl``."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counts = self.counters.setdefault(key, {})
        level = levels.get(ilvl, _Level("decimal", f"%{ilvl + 1}.", 1))
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level's next item restarts the levels below it
        if level.fmt == "bullet":
            return "-"

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            at = levels.get(k, _Level("decimal", "", 1))
            return _format(at.fmt, counts.get(k, at.start))

        return re.sub(r"%(\d)", value, level.text)


def _level(lvl: Any, base: _Level) -> _Level:
    def val(tag: str) -> str | None:
        node = lvl.find(f"{_W}{tag}")
        return None if node is None else node.get(f"{_W}val")

    start = val("start")
    return _Level(val("numFmt") or base.fmt, val("lvlText") or base.text, int(start) if start else base.start)


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The list and level of a paragraph: its own ``w:numPr``, else its style's (a numbered style)."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        s_pr = style.element.pPr
        num_pr = s_pr.numPr if s_pr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), int(ilvl)


# -- text of paragraphs and cells ---------------------------------------------------------------------


def _struck(run: Any) -> bool:
    r_pr = run.find(f"{_W}rPr")
    if r_pr is None:
        return False
    for tag in ("strike", "dstrike"):
        node = r_pr.find(f"{_W}{tag}")
        if node is not None and node.get(f"{_W}val", "true") not in ("0", "false", "off"):
            return True
    return False


def _runs_text(element: Any) -> str:
    """The text of a paragraph's runs: struck-through runs and tracked deletions left out, breaks as lines."""
    out: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}r":
            if _struck(node) or node.getparent().tag == f"{_W}del":
                continue
            for child in node:
                if child.tag == f"{_W}t":
                    out.append(child.text or "")
                elif child.tag == f"{_W}tab":
                    out.append("\t")
                elif child.tag in (f"{_W}br", f"{_W}cr"):
                    out.append("\n")
                elif child.tag == f"{_W}noBreakHyphen":
                    out.append("-")
    return "".join(out)


class _Reader:
    """Walks the body in order, counting paragraphs against the limit."""

    def __init__(self, document: Any, name: str) -> None:
        self.document = document
        self.name = name
        self.numbering = _Numbering.read(document)
        self.count = 0

    def _tick(self) -> None:
        self.count += 1
        if self.count > MAX_PARAGRAPHS:
            raise InputLimit(f"{self.name}: more than {MAX_PARAGRAPHS} paragraphs", file=self.name)

    def paragraph(self, paragraph: Any) -> str:
        self._tick()
        text = _runs_text(paragraph._p)
        numbered = _num_pr(paragraph)
        if numbered is not None:
            label = self.numbering.label(*numbered)
            if label:
                text = f"{label} {text.lstrip()}"
        return text

    def cell(self, cell: Any, where: str) -> str:
        if cell._tc.find(f".//{_W}tbl") is not None:
            raise FileRefused(
                f"{self.name}: {where} holds a table inside it; a quoted row is one table row",
                file=self.name,
                hint="copy the inner table's text into the cell",
            )
        lines = [self.paragraph(p) for p in cell.paragraphs]
        return "\n".join(line for line in lines if line.strip())

    def blocks(self) -> Iterator[tuple[str, Any]]:
        """("p", text) and ("table", rows of cell texts), in the order of the body."""
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        body = self.document.element.body
        for k, child in enumerate(body.iterchildren()):
            if child.tag == f"{_W}p":
                yield "p", self.paragraph(Paragraph(child, self.document))
            elif child.tag == f"{_W}tbl":
                table = Table(child, self.document)
                rows = []
                for r, row in enumerate(table.rows, 1):
                    cells = []
                    seen: set[int] = set()
                    for c, cell in enumerate(row.cells, 1):
                        if id(cell._tc) in seen:
                            continue  # a merged cell is listed once per grid column it spans
                        seen.add(id(cell._tc))
                        cells.append(self.cell(cell, f"table {k + 1}, row {r}, cell {c}"))
                    rows.append(cells)
                yield "table", rows


def _column_numbers(cells: list[str]) -> bool:
    """A table's header row of column numbers ("1", "2", ...): not a row of the act."""
    return len(cells) > 2 and [c.strip() for c in cells] == [str(k) for k in range(1, len(cells) + 1)]


def _table(rows: list[list[str]]) -> list[str]:
    """A quoted table as ``drafting.render_text`` prints one: the number, then each cell, empty lines between."""
    out = [f'{_INDENT}"', ""]
    for cells in rows:
        if _column_numbers(cells):
            continue
        number, rest = (cells[0], cells[1:]) if cells else ("", [])
        if number.strip():
            out += [number.strip(), ""]
        for cell in rest:
            out += [*(cell.split("\n") if cell else [""]), ""]
    out.append(f'{_INDENT}";')
    return out


def _source(path_or_bytes: Path | str | bytes) -> tuple[bytes, str]:
    if isinstance(path_or_bytes, bytes):
        return path_or_bytes, "<docx>"
    path = Path(path_or_bytes)
    return read_bytes(path), str(path)


def read_docx(path_or_bytes: Path | str | bytes, name: str | None = None) -> str:
    """The text of a Word file, in the layout ``amend import`` reads (see the module's docstring).

    Raises ``InputLimit`` or ``FileRefused`` (``amend.errors``) for a file that is no Word document, too
    large once inflated, too long, or holds a table inside a table.
    """
    data, default = _source(path_or_bytes)
    name = name or default
    _checked(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises many kinds on a damaged package
        raise FileRefused(f"{name}: not a readable Word file ({type(err).__name__})", file=name) from None
    blocks = list(_Reader(document, name).blocks())
    texts = [b for kind, b in blocks if kind == "p"]
    if any(re.match(r"^\s{2,}\S", t) for t in texts):
        # The paragraphs are a text's printed lines (indented where a paragraph starts): read line for line.
        lines: list[str] = []
        for kind, block in blocks:
            lines.extend(block.split("\n") if kind == "p" else _table(block))
        return _checked_text("\n".join(lines).rstrip("\n") + "\n", name)
    out: list[str] = []
    enacted = not any(_ENACTING.search(t) for t in texts)  # no enacting words: no heading to keep apart
    previous_heading = False
    for k, (kind, block) in enumerate(blocks):
        if kind == "table":
            table = _table(block)
            if out and out[-1].strip() == '"':
                table = table[1:]  # the drafter typed the opening quote as a paragraph of its own
            following = next((b for kd, b in blocks[k + 1 :] if kd != "p" or b.strip()), None)
            if isinstance(following, str) and following.strip() in ('";', '".'):
                table = table[:-1]
            out.extend(table)
            previous_heading = False
            continue
        text = block.strip()
        if not text:
            continue
        if not enacted and _ENACTING.search(text):
            enacted = True
        if not enacted:
            if previous_heading:
                out.append("")  # heading paragraphs stand apart, as draft-text prints them
            out.extend(text.split("\n"))
            previous_heading = True
            continue
        previous_heading = False
        out.extend(_INDENT + line.strip() for line in text.split("\n"))
    return _checked_text("\n".join(out) + "\n", name)


# What Word puts in a text that a plain text has otherwise: a no-break space, a tab, a soft hyphen.
_WORD_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\t": " ", "\u00ad": None})


def _checked_text(text: str, name: str) -> str:
    """The text with Word's spaces made plain, then checked as any text file is (no control characters)."""
    return decode(name, text.translate(_WORD_SPACES).encode("utf-8"))
