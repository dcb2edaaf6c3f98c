"""The reference template of every Word document we write: ``templates/reference.docx``.

Styles, not run-by-run formatting, carry the look of an official document: Times New Roman at the
official sizes (14 pt text, bold black centred headings), black text, Kazakh as the language (so
Word spell-checks Kazakh, not English), A4 landscape (plans are wide tables) and page numbers centred in
the footer. A drafter who wants another look edits the template in Word; the renderers only name
styles. The template is built by ``build_reference`` and shipped; a test checks that the shipped file is
what this module builds, so the file and its source never drift apart.

    python -m amend.outputs.docx_template      # rewrite templates/reference.docx
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from amend.language import interface
from amend.outputs.ooxml import reproducible

__all__ = [
    "BODY_PT",
    "LANGUAGE",
    "NOTE_STYLE",
    "REFERENCE",
    "TABLE_STYLE",
    "TABLE_TEXT_STYLE",
    "build_reference",
]

REFERENCE = Path(__file__).with_name("templates") / "reference.docx"
LANGUAGE = "kk-KZ"
FONT = "Times New Roman"
BODY_PT = 14  # the text of acts and their annexes
TABLE_TEXT_STYLE = interface.TABLE_TEXT_STYLE  # table cells; its size is set per table (see ``amend.outputs.docx``)
NOTE_STYLE = interface.NOTE_STYLE  # the reference bank's notes
TABLE_STYLE = "Table Grid"
_TABLE_PT = 10
_NOTE_PT = 10
# A fixed day for the template's own metadata: the template does not change with the clock.
_TEMPLATE_DAY = dt.date(2026, 1, 1)


def _set_fonts(rpr: Any, *, size_pt: int | None, lang: str = LANGUAGE) -> None:
    """Times New Roman for every script (no theme font), a size, the language, black."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for tag in ("w:rFonts", "w:color", "w:sz", "w:szCs", "w:lang"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    rpr.insert(0, fonts)
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "000000")
    rpr.append(color)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), str(size_pt * 2))
            rpr.append(size)
    language = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attr), lang)
    rpr.append(language)


def _page_number_footer(section: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run._r.append(shown)


def build_reference() -> bytes:
    """The reference template, byte for byte reproducible."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    styles = doc.styles
    # Document defaults: what every run inherits, whatever style it has.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, size_pt=BODY_PT)
    normal = styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), size_pt=BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = styles[name]
        _set_fonts(style.element.get_or_add_rPr(), size_pt=BODY_PT)
        style.font.bold = True
        style.font.italic = False
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        # The built-in heading styles draw a coloured rule or use theme colours: none of that.
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    table_text = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    _set_fonts(table_text.element.get_or_add_rPr(), size_pt=_TABLE_PT)
    table_text.paragraph_format.space_after = Pt(0)
    note = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    _set_fonts(note.element.get_or_add_rPr(), size_pt=_NOTE_PT)
    note.font.italic = True

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.5)
    section.footer_distance = Cm(0.8)
    _page_number_footer(section)

    props = doc.core_properties
    stamp = dt.datetime(_TEMPLATE_DAY.year, _TEMPLATE_DAY.month, _TEMPLATE_DAY.day, tzinfo=dt.UTC)
    props.title, props.author, props.last_modified_by, props.comments = "amend", "amend", "amend", ""
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    props.language = LANGUAGE
    raw = io.BytesIO()
    doc.save(raw)
    return reproducible(raw.getvalue(), _TEMPLATE_DAY)


def main() -> None:
    """Rewrite the shipped template."""
    REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    REFERENCE.write_bytes(build_reference())
    print(f"wrote {REFERENCE}")


if __name__ == "__main__":
    main()
