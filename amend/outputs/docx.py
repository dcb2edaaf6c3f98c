"""Word (DOCX) renderings, through python-docx: a version of a plan, and a comparative table.

Drafters work in Word. The layout is the one every rendering shares (``render_md.blocks``). The file
is deterministic: the core properties carry dates derived from the data (the version's or the act's),
and the package is re-zipped with fixed entry times, so one input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from contextvars import ContextVar
from typing import TYPE_CHECKING, Literal

from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN
from amend.outputs.markdown import (
    NO_REDLINE,
    UNKNOWN_MARK,
    UNKNOWN_MARK_RU,
    UNKNOWN_OLD,
    Abbreviations,
    Clause,
    DeletedRow,
    Heading,
    Para,
    Table,
    Title,
    absent_text,
    blocks,
    column_label,
    comparison_heads,
    comparison_intro,
    part_label,
)
from amend.outputs.ooxml import reproducible
from amend.queries.compare import Comparison, Entry
from amend.queries.redline import Mark

if TYPE_CHECKING:  # python-docx is imported only when a DOCX is made
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

__all__ = ["render_comparison_docx", "render_docx"]

_RED = (0xA0, 0x00, 0x00)
_GREEN = (0x00, 0x60, 0x00)


def _document(title: str, day: dt.date) -> DocxDocument:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    # Plans are wide tables: landscape A4, narrow margins.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    # Fixed metadata: python-docx would otherwise stamp the time of writing.
    stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = title
    props.author = "amend"
    props.last_modified_by = "amend"
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.comments = ""
    return doc


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    italic: bool = False,
    bold: bool = False,
    strike: bool = False,
    underline: bool = False,
    color: tuple[int, int, int] | None = None,
) -> None:
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    if italic:
        run.italic = True
    if bold:
        run.bold = True
    if strike:
        run.font.strike = True
    if underline:
        run.underline = True
    if color:
        run.font.color.rgb = RGBColor(*color)


# The unknown mark of the document being written: Kazakh, or Russian in a Russian rendering.
_MARK: ContextVar[str] = ContextVar("unknown_mark", default=UNKNOWN_MARK)


def _put(paragraph: Paragraph, value: object, *, italic: bool = False) -> None:
    """A text into a paragraph; UNKNOWN, and the unknown mark inside prose, in red italics."""
    mark = _MARK.get()
    if value is UNKNOWN:
        _run(paragraph, mark, italic=True, color=_RED)
        return
    pieces = str(value).replace(UNKNOWN_MARK, mark).split(mark)
    for k, piece in enumerate(pieces):
        if k:
            _run(paragraph, mark, italic=True, color=_RED)
        if piece:
            _run(paragraph, piece, italic=italic)


def _cell(cell, value: object, *, italic: bool = False, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if bold and value is not UNKNOWN:
        _run(paragraph, str(value), bold=True)
    else:
        _put(paragraph, value, italic=italic)


def _note_row(table, note: str) -> None:
    cells = table.add_row().cells
    merged = cells[1].merge(cells[-1]) if len(cells) > 2 else cells[1]
    _put(merged.paragraphs[0], note, italic=True)


def _table(doc: DocxDocument, block: Table) -> None:
    table = doc.add_table(rows=1, cols=len(block.columns) + 1)
    table.style = "Table Grid"
    head = table.rows[0].cells
    _cell(head[0], "№", bold=True)
    for cell, column in zip(head[1:], block.columns):
        if column.title is UNKNOWN:
            paragraph = cell.paragraphs[0]
            _run(paragraph, column.id, bold=True)
            word = "наименование" if _MARK.get() == UNKNOWN_MARK_RU else "атауы"
            _put(paragraph, f" ({word} {UNKNOWN_MARK})")
        else:
            _cell(cell, column_label(column), bold=True)
    for item in block.rows:
        cells = table.add_row().cells
        if isinstance(item, DeletedRow):
            _cell(cells[0], item.number)
            merged = cells[1].merge(cells[-1]) if len(cells) > 2 else cells[1]
            _put(merged.paragraphs[0], "исключена" if _MARK.get() == UNKNOWN_MARK_RU else "алып тасталды", italic=True)
            _note_row(table, item.change.note)
            continue
        row = item.row
        _cell(cells[0], str(row.number))
        for cell, column in zip(cells[1:], block.columns):
            _cell(cell, row.cells[column.id])
        for change in row.history:
            _note_row(table, change.note)


def _bytes(doc: DocxDocument, day: dt.date) -> bytes:
    """The package with every date in it set to ``day`` (zip entries otherwise carry the clock)."""
    raw = io.BytesIO()
    doc.save(raw)
    return reproducible(raw.getvalue(), day)


def render_docx(version: Version, lang: str = "kk", *, whole: bool = False) -> bytes:
    """One version of a plan as a Word document (``whole``: the resolution first; ``lang``: kk, ru, both)."""
    token = _MARK.set(UNKNOWN_MARK_RU if lang == "ru" else UNKNOWN_MARK)
    try:
        return _render_docx(version, lang, whole)
    finally:
        _MARK.reset(token)


def _render_docx(version: Version, lang: str, whole: bool) -> bytes:
    plan = version.plan
    doc = _document(str(plan.title) if plan.title is not UNKNOWN else plan.plan, version.valid_from)
    for block in blocks(version, lang, whole=whole):
        match block:
            case Clause(label=label, text=text, role=role, ru=ru, deleted=deleted):
                paragraph = doc.add_paragraph()
                if label:
                    _put(paragraph, f"{label} ")
                _put(paragraph, text, italic=deleted)
                if role == "title":
                    for run in paragraph.runs:
                        run.bold = True
                if ru is not None:  # both languages: the Russian text after the Kazakh
                    ru_paragraph = doc.add_paragraph()
                    _put(ru_paragraph, f"{label} " if label else "")
                    _put(ru_paragraph, ru)
            case Title(text=text):
                _put(doc.add_heading(level=1), text)
            case Para(text=text, role=role):
                _put(doc.add_paragraph(), text, italic=role in ("note", "aside"))
            case Heading(level=level, number=number, title=title):
                heading = doc.add_heading(level=level)
                _put(heading, f"{number}. ")
                _put(heading, title)
            case Table():
                _table(doc, block)
                doc.add_paragraph()
            case Abbreviations(title=title, entries=entries):
                _put(doc.add_heading(level=2), title)
                for code, a in entries:
                    paragraph = doc.add_paragraph()
                    _run(paragraph, code, bold=True)
                    _put(paragraph, " – ")
                    _put(paragraph, a.expansion)
                    for change in a.history:
                        _put(doc.add_paragraph(), change.note, italic=True)
    return _bytes(doc, version.valid_from)


# -- the comparative table ---------------------------------------------------------------------------


def _labelled(cell, first: bool, label: str | None) -> Paragraph:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    if label:
        if UNKNOWN_MARK in label:
            key, _, rest = label.partition(" ")
            _run(paragraph, key, bold=True)
            _put(paragraph, f" {rest}: ")
        else:
            _run(paragraph, f"{label}: ", bold=True)
    return paragraph


def _side(cell, entry: Entry, side: Literal["old", "new"]) -> None:
    absent = absent_text(entry, side)
    if absent is not None:
        _put(cell.paragraphs[0], absent)
        return
    if side == "old" and entry.old_unknown:
        _put(cell.paragraphs[0], UNKNOWN_OLD)
        return
    for k, part in enumerate(entry.parts):
        value = part.old if side == "old" else part.new
        _put(_labelled(cell, k == 0, part_label(part)), value if value is not None else "жоқ")


def _changes(cell, entry: Entry) -> None:
    first = True
    if entry.old_unknown and not entry.new_absent:
        _put(cell.paragraphs[0], NO_REDLINE)
        first = False
    else:
        for part in entry.parts:
            if part.redline is not None and not part.changed:
                continue
            paragraph = _labelled(cell, first, part_label(part))
            first = False
            if part.redline is None:
                _put(paragraph, NO_REDLINE)
                continue
            for s in part.redline:
                if s.mark is Mark.SAME:
                    _run(paragraph, s.text)
                elif s.mark is Mark.DELETED:
                    _run(paragraph, s.text, strike=True, color=_RED)
                else:
                    _run(paragraph, s.text, underline=True, bold=True, color=_GREEN)
    if entry.remark:
        _put(cell.paragraphs[0] if first else cell.add_paragraph(), entry.remark, italic=True)
        first = False
    if first:
        _put(cell.paragraphs[0], "-")


def render_comparison_docx(comparison: Comparison) -> bytes:
    """The comparative table as a Word document: one table row per change, redline in the last column."""
    doc = _document(f"Салыстырмалы кесте: № {comparison.act.number}", comparison.act.date)
    _put(doc.add_heading(level=1), "Салыстырмалы кесте")
    for line in comparison_intro(comparison):
        _put(doc.add_paragraph(), line)
    heads = comparison_heads(comparison)
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads):
        _cell(cell, head, bold=True)
    for entry in comparison.entries:
        cells = table.add_row().cells
        _cell(cells[0], str(entry.number))
        _cell(cells[1], entry.element)
        _side(cells[2], entry, "old")
        _side(cells[3], entry, "new")
        _changes(cells[4], entry)
    legend = doc.add_paragraph()
    _run(legend, "Белгілер: ")
    _run(legend, "сызылған", strike=True, color=_RED)
    _run(legend, " – алып тасталатын сөздер, ")
    _run(legend, "астын сызылған", underline=True, bold=True, color=_GREEN)
    _run(legend, " – енгізілетін сөздер.")
    return _bytes(doc, comparison.act.date)
