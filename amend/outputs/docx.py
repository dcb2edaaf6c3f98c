"""Word (DOCX) renderings, through python-docx: a version of a plan, and a comparative table.

Drafters work in Word. The layout is the one every rendering shares (``render_md.blocks``). The file
is deterministic: the core properties carry dates derived from the data (the version's or the act's),
and the package is re-zipped with fixed entry times, so one input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN
from amend.outputs.markdown import (
    UNKNOWN_MARK,
    Abbreviations,
    Clause,
    DeletedRow,
    Heading,
    Para,
    Table,
    Title,
    blocks,
    column_label,
)
from amend.outputs.ooxml import reproducible
from amend.queries.compare import Comparison
from amend.queries.status import Standing

if TYPE_CHECKING:  # python-docx is imported only when a DOCX is made
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

    from amend.outputs.comparative import Piece, Run

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


def _put(paragraph: Paragraph, value: object, *, italic: bool = False) -> None:
    """A text into a paragraph; UNKNOWN, and the unknown mark inside prose, in red italics."""
    if value is UNKNOWN:
        _run(paragraph, UNKNOWN_MARK, italic=True, color=_RED)
        return
    pieces = str(value).split(UNKNOWN_MARK)
    for k, piece in enumerate(pieces):
        if k:
            _run(paragraph, UNKNOWN_MARK, italic=True, color=_RED)
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
            _put(paragraph, f" (атауы {UNKNOWN_MARK})")
        else:
            _cell(cell, column_label(column), bold=True)
    for item in block.rows:
        cells = table.add_row().cells
        if isinstance(item, DeletedRow):
            _cell(cells[0], item.number)
            merged = cells[1].merge(cells[-1]) if len(cells) > 2 else cells[1]
            _put(merged.paragraphs[0], "алып тасталды", italic=True)
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


def render_docx(version: Version, lang: str = "kk", *, whole: bool = False, standing: Standing | None = None) -> bytes:
    """One version of a plan as a Word document (``whole``: the resolution first; ``lang``: kk, ru, both;
    with its standing lines when given)."""
    plan = version.plan
    doc = _document(str(plan.title) if plan.title is not UNKNOWN else plan.plan, version.valid_from)
    for block in blocks(version, lang, whole=whole, standing=standing):
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


def _runs_docx(paragraph: Paragraph, runs: tuple[Run, ...]) -> None:
    for r in runs:
        if r.mark == "deleted":
            _run(paragraph, r.text, bold=True, strike=True)
        elif r.mark == "added":
            _run(paragraph, r.text, bold=True)
        elif r.mark == "remark":
            _run(paragraph, r.text, italic=True)
        else:
            _put(paragraph, r.text)


def _pieces(cell: Any, pieces: tuple[Piece, ...]) -> None:
    for k, piece in enumerate(pieces):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if piece.label:
            _put(paragraph, f"{piece.label}: ")
        _runs_docx(paragraph, piece.runs)


def _centred(doc: DocxDocument, runs: tuple[Run, ...], *, bold: bool = True) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r in runs:
        if r.mark == "unknown":
            _put(paragraph, r.text)
        else:
            _run(paragraph, r.text, bold=bold)


def render_comparison_docx(comparison: Comparison) -> bytes:
    """The comparative table in the standard form as a Word document: deleted words bold and struck
    through in the current wording, added words bold in the proposed one, black throughout."""
    from amend.outputs.comparative import TITLE, Run, standard_table

    table = standard_table(comparison)
    doc = _document(f"Салыстырмалы кесте: № {comparison.act.number}", comparison.act.date)
    _centred(doc, table.title)
    _centred(doc, (Run(table.act),), bold=False)
    _centred(doc, (Run(TITLE),))
    for fact in table.facts:
        _put(doc.add_paragraph(), fact)
    grid = doc.add_table(rows=1, cols=len(table.heads))
    grid.style = "Table Grid"
    for cell, head in zip(grid.rows[0].cells, table.heads):
        _cell(cell, head, bold=True)
    for row in table.rows:
        cells = grid.add_row().cells
        _cell(cells[0], str(row.number))
        _cell(cells[1], row.element)
        _pieces(cells[2], row.current)
        _pieces(cells[3], row.proposed)
        _pieces(cells[4], row.reason)
    legend = doc.add_paragraph()
    _run(legend, "Белгілер: ")
    _run(legend, "сызылған қалың", bold=True, strike=True)
    _run(legend, " – алып тасталатын сөздер, ")
    _run(legend, "қалың", bold=True)
    _run(legend, " – енгізілетін сөздер.")
    return _bytes(doc, comparison.act.date)
