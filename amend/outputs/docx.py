"""Word (DOCX) renderings, through python-docx: a version of a plan, and a comparative table.

Drafters work in Word. The layout is the one every rendering shares (``render_md.blocks``). The file
is deterministic: the core properties carry dates derived from the data (the version's or the act's),
and the package is re-zipped with fixed entry times, so one input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from amend.engine.amendment import Amendment
from amend.engine.provenance import Change
from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN
from amend.language import interface as words
from amend.outputs.docx_template import LANGUAGE, NOTE_STYLE, REFERENCE, TABLE_STYLE, TABLE_TEXT_STYLE
from amend.outputs.labels import OUR_LABEL_MARK, column_heading
from amend.outputs.markdown import (
    UNKNOWN_MARK,
    UNKNOWN_MARK_RU,
    Abbreviations,
    Clause,
    DeletedRow,
    Heading,
    Para,
    Table,
    Title,
    blocks,
)
from amend.outputs.notes import all_changes, element_notes
from amend.outputs.ooxml import reproducible
from amend.outputs.widths import CELL_MARGIN_CM, Layout, fit_columns, text_width_cm
from amend.queries.compare import Comparison
from amend.queries.status import Standing

if TYPE_CHECKING:  # python-docx is imported only when a DOCX is made
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

    from amend.outputs.comparative import Piece, Run

__all__ = ["DOCX_UNKNOWN", "plan_layout", "printed", "render_comparison_docx", "render_docx"]

_RED = (0xA0, 0x00, 0x00)
# The unknown mark in print: square brackets, which every official font has (the angle brackets of
# ``UNKNOWN_MARK``, U+27E8/U+27E9, are missing from Times New Roman and print as boxes).
DOCX_UNKNOWN = words.DOCX_UNKNOWN
DOCX_UNKNOWN_RU = words.DOCX_UNKNOWN_RU
# The printable width of the reference template's landscape A4 page (29.7 cm less 2.0 + 1.5 cm margins).
_TEXT_WIDTH_CM = 26.2


def _document(title: str, day: dt.date) -> DocxDocument:
    from docx import Document

    # Everything the look depends on (fonts, sizes, language, page, page numbers) is in the template.
    doc = Document(str(REFERENCE))
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
    if _PRINTED_UNKNOWN.get() == DOCX_UNKNOWN_RU:
        # A Russian document is spell-checked as Russian: the template's Kazakh language, in every style.
        from docx.oxml.ns import qn

        for element in doc.styles.element.iter(qn("w:lang")):
            for attr in ("w:val", "w:eastAsia", "w:bidi"):
                if element.get(qn(attr)) == LANGUAGE:
                    element.set(qn(attr), "ru-RU")
        props.language = "ru-RU"
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
    size: float | None = None,
) -> None:
    from docx.shared import Pt, RGBColor

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
    if size is not None:
        run.font.size = Pt(size)


# The printed unknown mark of the document being written: Kazakh, or Russian in a Russian rendering.
_PRINTED_UNKNOWN: ContextVar[str] = ContextVar("printed_unknown", default=DOCX_UNKNOWN)


def printed(value: object) -> str:
    """A text as printed: the unknown mark in glyphs that official fonts have."""
    if value is UNKNOWN:
        return DOCX_UNKNOWN
    return str(value).replace(UNKNOWN_MARK, DOCX_UNKNOWN)


def _put(
    paragraph: Paragraph, value: object, *, italic: bool = False, bold: bool = False, size: float | None = None
) -> None:
    """A text into a paragraph; UNKNOWN, and the unknown mark inside prose, in red italics (in the
    document's language: see ``_PRINTED_UNKNOWN``)."""
    mark = _PRINTED_UNKNOWN.get()
    if value is UNKNOWN:
        _run(paragraph, mark, italic=True, color=_RED, size=size)
        return
    pieces = str(value).replace(UNKNOWN_MARK_RU, UNKNOWN_MARK).split(UNKNOWN_MARK)
    for k, piece in enumerate(pieces):
        if k:
            _run(paragraph, mark, italic=True, color=_RED, size=size)
        if piece:
            _run(paragraph, piece, italic=italic, bold=bold, size=size)


def _cell(cell: Any, value: object, *, italic: bool = False, bold: bool = False, size: float | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = TABLE_TEXT_STYLE
    _put(paragraph, value, italic=italic, bold=bold, size=size)


def _head_cell(cell: Any, text: str, size: float, *, turned: bool = False) -> None:
    """A column head, bold and centred; our own description's mark in plain italics. A turned head
    reads upwards (bottom to top), as official tables set the heads of narrow columns of figures."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if turned:
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "btLr")
        cell._tc.get_or_add_tcPr().append(direction)
    paragraph = cell.paragraphs[0]
    paragraph.style = TABLE_TEXT_STYLE
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    label, mark, _ = text.partition(OUR_LABEL_MARK)
    _put(paragraph, label.rstrip() if mark else label, bold=True, size=size)
    if mark:
        _run(paragraph, f" {mark}", italic=True, size=size)


def _row_options(row: Any, *, header: bool = False) -> None:
    """A row that does not split across pages (where it fits on one); a header row repeats on each page."""
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _row_height(row: Any, cm: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row.height = Cm(cm)


def _cell_margins(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(round(CELL_MARGIN_CM / 2.54 * 1440)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)


def _grid(doc: DocxDocument, heads: list[str], layout: Layout) -> Any:
    """A table with a fixed layout, the given widths, a repeated header row."""
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=len(heads))
    table.style = TABLE_STYLE
    table.autofit = False  # a fixed layout: the widths below, not Word's equal shares
    _cell_margins(table)
    for column, width in zip(table.columns, layout.widths):
        column.width = Cm(width)
    for cell, width in zip(table.rows[0].cells, layout.widths):
        cell.width = Cm(width)
    _row_options(table.rows[0], header=True)
    return table


def _add_row(table: Any) -> Any:
    from docx.shared import Cm

    row = table.add_row()
    _row_options(row)
    for cell, column in zip(row.cells, table.columns):
        cell.width = Cm(column.width.cm)
    return row


def _note_row(table: Any, note: str, size: float) -> None:
    cells = _add_row(table).cells
    merged = cells[1].merge(cells[-1]) if len(cells) > 2 else cells[1]
    paragraph = merged.paragraphs[0]
    paragraph.style = NOTE_STYLE
    _put(paragraph, note, italic=True, size=size)


def _plan_heads(version: Version) -> list[str]:
    if _PRINTED_UNKNOWN.get() == DOCX_UNKNOWN_RU:
        # A Russian rendering: the Russian titles where a source gives them; else the column's id, marked
        # unknown in Russian (our descriptive labels are Kazakh, and no Russian text is invented).
        return ["№"] + [
            c.title_ru if isinstance(c.title_ru, str) else words.TITLE_UNKNOWN_RU.format(id=c.id, mark=DOCX_UNKNOWN_RU)
            for c in version.plan.columns
        ]
    return ["№"] + [column_heading(c, short=True) for c in version.plan.columns]


def plan_layout(version: Version) -> Layout:
    """One set of widths for every table of a version, fitted to all its rows (the tables line up)."""
    plan = version.plan
    columns: list[list[str]] = [[str(r.number) for r in plan.rows] + list(plan.deleted_rows)]
    columns += [[printed(r.cells[c.id]) for r in plan.rows] for c in plan.columns]
    return fit_columns(columns, [printed(h) for h in _plan_heads(version)], _TEXT_WIDTH_CM)


def _table(doc: DocxDocument, block: Table, heads: list[str], layout: Layout, *, row_notes: bool = True) -> None:
    table = _grid(doc, heads, layout)
    size = layout.size_pt
    for cell, head, turned in zip(table.rows[0].cells, heads, layout.upright):
        _head_cell(cell, head, size, turned=turned)
    if any(layout.upright):
        # Word and LibreOffice do not grow a row for upward text: the head row is as tall as the
        # longest turned head on one line (within bounds).
        line_cm = size * 1.2 * 2.54 / 72
        tallest = 0.0
        for head, up, width in zip(heads, layout.upright, layout.widths):
            if up:  # as many lines side by side as the column's width holds; a wrapped line wastes some
                lines = max(1, int((width - 2 * CELL_MARGIN_CM) / line_cm))
                length = text_width_cm(printed(head), size, bold=True)[1]
                tallest = max(tallest, length / lines * (1.25 if lines > 1 else 1.0))
        _row_height(table.rows[0], min(tallest + 0.4, 7.0))
    for item in block.rows:
        cells = _add_row(table).cells
        if isinstance(item, DeletedRow):
            _cell(cells[0], item.number, size=size)
            merged = cells[1].merge(cells[-1]) if len(cells) > 2 else cells[1]
            _cell(merged, words.DELETED, italic=True, size=size)
            _note_row(table, item.change.note, size)
            continue
        row = item.row
        _cell(cells[0], str(row.number), size=size)
        for cell, column in zip(cells[1:], block.columns):
            _cell(cell, row.cells[column.id], size=size)
        if row_notes:
            for change in row.history:
                _note_row(table, change.note, size)


def _bytes(doc: DocxDocument, day: dt.date) -> bytes:
    """The package with every date in it set to ``day`` (zip entries otherwise carry the clock)."""
    raw = io.BytesIO()
    doc.save(raw)
    return reproducible(raw.getvalue(), day)


def _heading(doc: DocxDocument, level: int, *texts: object) -> None:
    paragraph = doc.add_paragraph(style=f"Heading {level}")
    for text in texts:
        _put(paragraph, text)


def _cumulative(element_dative: str, changes: Sequence[Change], amendments: Sequence[Amendment]) -> list[str]:
    """The element's footnotes (``amend.outputs.notes.element_notes``), in the document's language."""
    return element_notes(element_dative, changes, amendments, russian=_PRINTED_UNKNOWN.get() == DOCX_UNKNOWN_RU)


def render_docx(
    version: Version,
    amendments: Sequence[Amendment] = (),
    *,
    row_notes: bool = True,
    lang: str = "kk",
    whole: bool = False,
    standing: Standing | None = None,
) -> bytes:
    """One version of a plan as a print-ready Word document (see ``amend.outputs.docx_template``);
    ``whole``: the resolution's own text first; ``lang``: kk, ru or both; ``standing``: its status lines.

    Notes in the reference bank's form (``amend.outputs.notes``): one cumulative footnote under the
    title for every act that amended the plan, and one under the abbreviations note, never one per
    abbreviation. ``amendments``: the acts, to cite each with its commencement clause; ``row_notes``:
    keep a note under each changed row (not confirmed as the bank's practice, see docs/notes.md)."""
    token = _PRINTED_UNKNOWN.set(DOCX_UNKNOWN_RU if lang == "ru" else DOCX_UNKNOWN)
    try:
        return _render_docx(version, amendments, row_notes, lang, whole, standing)
    finally:
        _PRINTED_UNKNOWN.reset(token)


def _render_docx(  # noqa: PLR0917  (the wrapper passes its arguments through)
    version: Version,
    amendments: Sequence[Amendment],
    row_notes: bool,
    lang: str,
    whole: bool,
    standing: Standing | None,
) -> bytes:
    plan = version.plan
    doc = _document(str(plan.title) if plan.title is not UNKNOWN else plan.plan, version.valid_from)
    heads, layout = _plan_heads(version), plan_layout(version)
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
                _heading(doc, 1, text)
                for note in _cumulative(words.PLAN_DATIVE, all_changes(plan), amendments):
                    _put(doc.add_paragraph(style=NOTE_STYLE), note, italic=True)
            case Para(text=text, role=role, formal=formal):
                paragraph = doc.add_paragraph(style=NOTE_STYLE if role in ("note", "aside") else None)
                _put(paragraph, formal or text, italic=role in ("note", "aside"))
            case Heading(level=level, number=number, title=title):
                _heading(doc, level, f"{number}. ", title)
            case Table():
                _table(doc, block, heads, layout, row_notes=row_notes)
                doc.add_paragraph()
            case Abbreviations(title=title, entries=entries):
                _heading(doc, 2, title)
                changes = [c for _, a in entries for c in a.history]
                for note in _cumulative(words.NOTE_DATIVE, changes, amendments):
                    _put(doc.add_paragraph(style=NOTE_STYLE), note, italic=True)
                for code, a in entries:
                    paragraph = doc.add_paragraph()
                    _run(paragraph, code, bold=True)
                    _put(paragraph, " – ")
                    _put(paragraph, a.expansion)
    return _bytes(doc, version.valid_from)


# -- the comparative table ---------------------------------------------------------------------------


def _runs_docx(paragraph: Paragraph, runs: tuple[Run, ...], size: float | None = None) -> None:
    for r in runs:
        if r.mark == "deleted":
            _run(paragraph, r.text, bold=True, strike=True, size=size)
        elif r.mark == "added":
            _run(paragraph, r.text, bold=True, size=size)
        elif r.mark == "remark":
            _put(paragraph, r.text, italic=True, size=size)
        else:
            _put(paragraph, r.text, size=size)


def _pieces(cell: Any, pieces: tuple[Piece, ...], size: float) -> None:
    for k, piece in enumerate(pieces):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        paragraph.style = TABLE_TEXT_STYLE
        if piece.label:
            _put(paragraph, f"{piece.label}: ", size=size)
        _runs_docx(paragraph, piece.runs, size)


def _pieces_text(pieces: tuple[Piece, ...]) -> str:
    return "\n".join((f"{p.label}: " if p.label else "") + "".join(printed(r.text) for r in p.runs) for p in pieces)


def _centred(doc: DocxDocument, runs: tuple[Run, ...], *, bold: bool = True) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = doc.add_paragraph(style="Heading 1" if bold else None)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r in runs:
        if r.mark == "unknown":
            _put(paragraph, r.text)
        else:
            _run(paragraph, r.text, bold=bold)


def render_comparison_docx(comparison: Comparison, lang: str = "kk") -> bytes:
    """The comparative table in the standard form as a Word document: deleted words bold and struck
    through in the current wording, added words bold in the proposed one, black throughout
    (``lang="ru"``: the Russian form; give a ``russian_comparison``)."""
    token = _PRINTED_UNKNOWN.set(DOCX_UNKNOWN_RU if lang == "ru" else DOCX_UNKNOWN)
    try:
        return _render_comparison_docx(comparison, lang)
    finally:
        _PRINTED_UNKNOWN.reset(token)


def _render_comparison_docx(comparison: Comparison, lang: str) -> bytes:
    from amend.outputs.comparative import TITLE, TITLE_RU, Run, standard_table

    ru = lang == "ru"
    table = standard_table(comparison, lang=lang)
    name = words.COMPARISON_RU if ru else words.COMPARISON
    doc = _document(f"{name}: № {comparison.act.number}", comparison.act.date)
    _centred(doc, table.title)
    _centred(doc, (Run(table.act),), bold=False)
    _centred(doc, (Run(TITLE_RU if ru else TITLE),))
    for fact in table.facts:
        _put(doc.add_paragraph(), fact)
    columns = [
        [str(r.number) for r in table.rows],
        [r.element for r in table.rows],
        [_pieces_text(r.current) for r in table.rows],
        [_pieces_text(r.proposed) for r in table.rows],
        [_pieces_text(r.reason) for r in table.rows],
    ]
    layout = fit_columns(columns, list(table.heads), _TEXT_WIDTH_CM, sizes_pt=(12, 11, 10))
    grid, size = _grid(doc, list(table.heads), layout), layout.size_pt
    for cell, head in zip(grid.rows[0].cells, table.heads):
        _head_cell(cell, head, size)
    for row in table.rows:
        cells = _add_row(grid).cells
        _cell(cells[0], str(row.number), size=size)
        _cell(cells[1], row.element, size=size)
        _pieces(cells[2], row.current, size)
        _pieces(cells[3], row.proposed, size)
        _pieces(cells[4], row.reason, size)
    legend = doc.add_paragraph()
    legend_words = words.LEGEND_RU if ru else words.LEGEND
    _run(legend, legend_words[0])
    _run(legend, legend_words[1], bold=True, strike=True)
    _run(legend, legend_words[2])
    _run(legend, legend_words[3], bold=True)
    _run(legend, legend_words[4])
    return _bytes(doc, comparison.act.date)
