"""The shipped reference template: what docx_template builds, with the official look in its styles."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from amend.outputs.docx_template import LANGUAGE, NOTE_STYLE, REFERENCE, TABLE_TEXT_STYLE, build_reference


def test_the_shipped_template_is_what_the_module_builds():
    assert REFERENCE.read_bytes() == build_reference()


def test_kazakh_times_new_roman_black_at_14_pt_by_default():
    doc = docx.Document(str(REFERENCE))
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:lang")).get(qn("w:val")) == LANGUAGE == "kk-KZ"
    assert rpr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "28"
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14


def test_headings_are_bold_black_centred_times_new_roman_without_theme_fonts():
    doc = docx.Document(str(REFERENCE))
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[name]
        assert style.font.bold and style.font.name == "Times New Roman" and style.font.size.pt == 14
        assert str(style.font.color.rgb) == "000000"
        assert style.paragraph_format.alignment == 1  # centred
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None


def test_a4_landscape_with_a_page_number_in_the_footer_and_the_table_styles():
    doc = docx.Document(str(REFERENCE))
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 29.7 and round(section.page_height.cm, 1) == 21.0
    assert "PAGE" in "".join(t.text or "" for t in section.footer._element.iter(qn("w:instrText")))
    assert doc.styles[TABLE_TEXT_STYLE].font.size.pt == 10 and doc.styles[NOTE_STYLE].font.italic
