"""Word files: ``amend import DRAFT.docx`` reads what ``amend import DRAFT.txt`` reads, and hostile files are refused.

Four sources of .docx: the file ``amend draft-text --to docx`` writes; LibreOffice's conversion of our text
fixtures (a text opened in an office suite and saved: one paragraph a printed line); a file written with
python-docx whose point and sub-point numbers Word generates from numbering.xml; hostile files (a zip bomb,
too many parts, 10,000 paragraphs, a table in a table, no zip at all).
"""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from typer.testing import CliRunner

from amend import load_amendment
from amend.cli.app import app
from amend.errors import FileRefused, InputLimit
from amend.importer.act.docx_text import MAX_PARAGRAPHS, read_docx
from amend.importer.act.drafting import draft_text, render_text
from amend.importer.act.preview import plan_acts, version_before

TARGETS = ROOT / "tests" / "fixtures" / "targets"
IMPORT = ROOT / "tests" / "fixtures" / "import"
ACTS = [ROOT / "plans" / "amendments" / "392.yaml", *sorted(IMPORT.glob("*.yaml"))]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true" or os.environ.get("AMEND_REQUIRE_OFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is needed for this test in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def _libreoffice_docx(texts: list[Path], outdir: Path) -> list[Path]:
    """Each text converted to .docx by LibreOffice headless, in one run."""
    profile = outdir / "lo-profile"
    cmd = [_soffice(), "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}"]
    cmd += ["--convert-to", "docx", "--outdir", str(outdir), *map(str, texts)]
    subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    out = [outdir / f"{t.stem}.docx" for t in texts]
    assert all(p.exists() for p in out), [p for p in out if not p.exists()]
    return out


def _import_cli(path: Path, tmp: Path) -> str:
    target = tmp / f"{path.name}.yaml"
    result = CliRunner().invoke(app, ["import", str(path), "-o", str(target), "--root", str(ROOT)])
    assert target.exists(), result.output
    return target.read_text(encoding="utf-8")


# -- the DOCX draft-text writes -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ACTS, ids=lambda p: p.stem)
def test_the_docx_draft_text_writes_reads_back_to_the_text_it_prints(path: Path, tmp_path: Path):
    act = load_amendment(path)
    before = version_before(ROOT, act, path)
    text = draft_text(act, before, plan_acts(ROOT, act.amends))
    out = tmp_path / "act.docx"
    result = CliRunner().invoke(app, ["draft-text", str(path), "--to", "docx", "-o", str(out), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert read_docx(out) == render_text(text)
    assert read_docx(out.read_bytes()) == render_text(text)  # bytes, as the workbench's upload gives them


def test_a_drafted_docx_and_its_text_import_to_byte_identical_yaml(tmp_path: Path):
    path = ROOT / "plans" / "amendments" / "392.yaml"
    runner = CliRunner()
    for to, name in (("text", "draft.txt"), ("docx", "draft.docx")):
        args = ["draft-text", str(path), "--to", to, "-o", str(tmp_path / name), "--root", str(ROOT)]
        assert runner.invoke(app, args).exit_code == 0
    assert _import_cli(tmp_path / "draft.txt", tmp_path) == _import_cli(tmp_path / "draft.docx", tmp_path)


# -- DOCX made by LibreOffice from our texts ------------------------------------------------------------


def test_libreoffice_docx_of_the_text_fixtures_read_line_for_line_and_import_to_byte_identical_yaml(tmp_path: Path):
    texts = [
        *sorted(TARGETS.glob("*.txt")),
        IMPORT / "748-2101.txt",
        IMPORT / "156-2104.txt",
        ROOT / "sources" / "392.txt",
    ]
    copies = []
    for t in texts:
        copy = tmp_path / t.name
        copy.write_bytes(t.read_bytes())
        copies.append(copy)
    converted = _libreoffice_docx(copies, tmp_path / "out")
    for text, made in zip(copies, converted, strict=True):
        assert read_docx(made) == text.read_text(encoding="utf-8").rstrip("\n") + "\n", made.name
        assert _import_cli(text, tmp_path) == _import_cli(made, tmp_path), made.name


# -- numbers Word generates --------------------------------------------------------------------------------

_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>'
    "</w:abstractNum>"
)


def _numbered_docx(text: str) -> bytes:
    """The clean text as Word holds it: heading paragraphs bold and centred, body paragraphs with no typed
    number where Word numbers them ("1. " points at level 0, "1) " sub-points at level 1 of one list)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    lines = text.rstrip("\n").split("\n")
    body = next(k for k, line in enumerate(lines) if line.startswith(" "))
    for line in lines[:body]:
        if line:
            run = document.add_paragraph().add_run(line)
            run.bold = True
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in lines[body:]:
        m = re.match(r"^\s+(?:(\d+)\.|(\d+)\))\s+(.*)$", line)
        paragraph = document.add_paragraph(m.group(3) if m else line.strip())
        if m:
            level = 0 if m.group(1) else 1
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def test_numbers_word_generates_are_computed_from_the_numbering_definitions(tmp_path: Path):
    source = TARGETS / "156-3003.txt"  # points "1." and "2.", sub-points "1)" to "3)" with paragraphs between
    text = source.read_text(encoding="utf-8")
    data = _numbered_docx(text)
    assert b"1) " not in data and "2. Осы".encode() not in data  # Word holds no typed number
    assert read_docx(data) == text
    (tmp_path / "3003.docx").write_bytes(data)
    (tmp_path / "3003.txt").write_text(text, encoding="utf-8")
    assert _import_cli(tmp_path / "3003.txt", tmp_path) == _import_cli(tmp_path / "3003.docx", tmp_path)


def test_struck_through_runs_and_tracked_deletions_are_not_read():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("реттік нөмірі 6-жол ")
    paragraph.add_run("алып тасталсын").font.strike = True
    paragraph.add_run("мынадай редакцияда жазылсын:")
    deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>ескі</w:delText></w:r></w:del>')
    paragraph._p.append(deleted)
    raw = io.BytesIO()
    document.save(raw)
    assert read_docx(raw.getvalue()) == "      реттік нөмірі 6-жол мынадай редакцияда жазылсын:\n"


def test_a_table_row_is_a_quoted_row_and_a_header_of_column_numbers_is_not():
    document = docx.Document()
    document.add_paragraph("мынадай мазмұндағы реттік нөмірі 49-1-жолмен толықтырылсын:")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["1", "2", "3"], strict=True):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["49-1.", "Шара:\n- бір;", "ОМ"], strict=True):
        cell.text = value
    raw = io.BytesIO()
    document.save(raw)
    head = "      мынадай мазмұндағы реттік нөмірі 49-1-жолмен толықтырылсын:\n"
    want = head + '      "\n\n49-1.\n\nШара:\n- бір;\n\nОМ\n\n      ";\n'
    assert read_docx(raw.getvalue()) == want


# -- hostile files -----------------------------------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return raw.getvalue()


def test_a_zip_bomb_is_refused_from_the_directory_before_anything_is_inflated():
    bomb = _zip({"word/document.xml": b"<" + b"0" * (80 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small on disk
    start = time.perf_counter()
    with pytest.raises(InputLimit, match="zip bomb"):
        read_docx(bomb, "bomb.docx")
    assert time.perf_counter() - start < 1.0


def test_an_archive_of_too_many_parts_is_refused():
    many = _zip({f"word/media/{k}.bin": b"" for k in range(1000)} | {"word/document.xml": b""})
    with pytest.raises(InputLimit, match="parts in the archive"):
        read_docx(many, "many.docx")


def test_a_file_that_is_no_zip_or_no_word_document_is_refused_clearly():
    with pytest.raises(FileRefused, match="not a Word file"):
        read_docx(b"plain text, not a zip", "draft.docx")
    with pytest.raises(FileRefused, match=r"no word/document\.xml"):
        read_docx(_zip({"content.xml": b"<x/>"}), "draft.docx")


def test_ten_thousand_paragraphs_are_refused_quickly():
    document = docx.Document()
    body = document.element.body
    paragraph = parse_xml(f"<w:p {nsdecls('w')}><w:r><w:t>сөз</w:t></w:r></w:p>")
    for _ in range(10_000):
        body.append(copy.deepcopy(paragraph))
    raw = io.BytesIO()
    document.save(raw)
    start = time.perf_counter()
    with pytest.raises(InputLimit, match=f"more than {MAX_PARAGRAPHS} paragraphs"):
        read_docx(raw.getvalue(), "long.docx")
    assert time.perf_counter() - start < 10.0


def test_a_table_in_a_table_is_a_clear_error_naming_the_cell():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.rows[0].cells[1].add_table(rows=1, cols=1)
    raw = io.BytesIO()
    document.save(raw)
    with pytest.raises(FileRefused, match=r"table 1, row 1, cell 2 holds a table inside it"):
        read_docx(raw.getvalue(), "nested.docx")


def test_the_cli_refuses_a_hostile_docx_with_its_rule_and_exit_code(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"word/document.xml": b"<" + b"0" * (80 * 1024 * 1024)}))
    result = CliRunner().invoke(app, ["import", str(path), "--plan", "748", "--root", str(ROOT)])
    assert result.exit_code != 0 and "input-limit" in result.output


def test_a_numbered_style_numbers_its_paragraphs_as_word_does():
    document = docx.Document()
    document.add_paragraph("Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:")
    for text in ("бірінші", "екінші", "үшінші"):
        document.add_paragraph(text, style="List Number")  # the number comes from the style's numPr
    raw = io.BytesIO()
    document.save(raw)
    lines = read_docx(raw.getvalue()).splitlines()
    assert lines[1:] == ["      1. бірінші", "      2. екінші", "      3. үшінші"]
