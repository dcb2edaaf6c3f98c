"""DOCX rendering: opened back with python-docx and checked cell by cell; the same input, the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import docx
import pytest
from conftest import ROOT

from amend import Repository, load_amendment
from amend.engine.amendment import FiledAmendment
from amend.outputs.docx import DOCX_UNKNOWN, render_comparison_docx, render_docx
from amend.queries.compare import compare
from amend.queries.status import standing

# Official titles unknown: our Kazakh descriptions, each marked "*" as ours (explained above the tables).
HEAD = ["№", "Іс-шара*", "Аяқталу нысаны*", "Орындау мерзімі*", "Орындаушылар*", "Шығыстар*", "Қаржыландыру көзі*"]
# In print the unknown mark is in brackets every official font has.
UNKNOWN_MARK = DOCX_UNKNOWN


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def texts(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def doc_2025(timeline_748):
    return open_docx(render_docx(timeline_748.in_force_at(dt.date(2025, 5, 30))))


@pytest.fixture(scope="module")
def comparison_392(repo):
    path = ROOT / "plans" / "amendments" / "392.yaml"
    act = load_amendment(path)
    return compare(repo.plan("748"), repo.amendments, FiledAmendment(act, path))


def test_each_table_has_the_plans_columns_with_unknown_titles_marked(doc_2025):
    assert doc_2025.tables and all(texts(t)[0] == HEAD for t in doc_2025.tables)


def test_row_23_1_reads_as_392_worded_it_with_its_note_under_it(doc_2025, timeline_748):
    row = timeline_748.latest.plan.row(next(r.number for r in timeline_748.latest.plan.rows if str(r.number) == "23-1"))
    table = next(t for t in doc_2025.tables if any(r.cells[0].text == "23-1" for r in t.rows))
    rows = texts(table)
    i = next(k for k, r in enumerate(rows) if r[0] == "23-1")
    assert rows[i][1:] == [row.cells[c] for c in ("measure", "form", "deadline", "executors", "cost", "funding")]
    note = "Ескерту. Жоспар 23-1-жолмен толықтырылды - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."
    assert rows[i + 1][0] == "" and rows[i + 1][1:] == [note] * 6  # one cell merged across the columns
    assert rows[i - 1] == ["23"] + [UNKNOWN_MARK] * 6


def test_headings_and_the_abbreviations_note_are_in_the_document(doc_2025):
    paragraphs = [p.text for p in doc_2025.paragraphs]
    assert "1.2. Орта мерзімді шаралар" in paragraphs
    assert paragraphs.index("Ескертпе: аббревиатуралардың толық жазылуы") < paragraphs.index(f"ОМ – {UNKNOWN_MARK}")
    assert f"Кіші бөлімі {DOCX_UNKNOWN}" in paragraphs
    assert not [p for p in paragraphs if "⟨" in p or "⟩" in p]  # no glyph for these in Times New Roman


def test_the_metadata_comes_from_the_data_not_the_clock(doc_2025):
    props = doc_2025.core_properties
    assert props.created == props.modified == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert props.author == "amend" and props.revision == 1


def test_the_same_version_gives_the_same_bytes_whatever_the_time(timeline_748, monkeypatch):
    version = timeline_748.latest
    first = render_docx(version)
    later = time.time() + 86400 * 400  # a zip entry or core property stamped with the clock would differ
    monkeypatch.setattr(time, "time", lambda: later)
    assert render_docx(version) == first


def test_the_comparative_table_of_392_cell_by_cell(comparison_392):
    doc = open_docx(render_comparison_docx(comparison_392))
    rows = texts(doc.tables[0])
    assert rows[0] == ["№ р/с", "Құрылымдық элемент", "Қолданыстағы редакция", "Ұсынылып отырған редакция", "Негіздеме"]
    assert len(rows) == 1 + 21
    assert rows[1][:2] == ["1", "1-бөлім, 6-жол"]
    assert rows[1][2] == f"{UNKNOWN_MARK}: қолданыстағы редакцияның мәтіні дереккөздерде берілмеген"
    assert rows[1][3].startswith("Іс-шара [атауы ресми емес]: Балаларға қатысты зорлық-зомбылық")
    assert rows[1][4] == f"{UNKNOWN_MARK}: негіздеме берілмеген"  # 392 gives no reason: unknown, not made up
    assert rows[2][:3] == ["2", "1.2-кіші бөлім, 23-1-жол", "Жоқ."]
    assert rows[18][1:4] == ["Ескертпе, КМ", "Жоқ.", "КМ: Қазақстан Республикасы Көлік министрлігі"]


def test_deleted_words_are_bold_and_struck_on_the_left_and_added_words_bold_on_the_right(repo, tmp_path: Path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        'act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "900", date: 2025-09-01, '
        'title: "Жоба"}\namends: "748"\nstatus: draft\nentry_into_force: {rule: on_signing}\noperations:\n'
        '  - op: replace_cells\n    row: "23-1"\n    cells: {deadline: "2026 жылғы маусым"}\n',
        encoding="utf-8",
    )
    act = load_amendment(draft)
    comparison = compare(repo.plan("748"), repo.amendments, FiledAmendment(act, draft))
    row = open_docx(render_comparison_docx(comparison)).tables[0].rows[1].cells

    def runs(cell):
        return [(r.text, bool(r.bold), bool(r.font.strike)) for p in cell.paragraphs for r in p.runs]

    current, proposed = runs(row[2]), runs(row[3])
    assert ("2025", True, True) in current and ("желтоқсан", True, True) in current
    assert ("2026", True, False) in proposed and ("маусым", True, False) in proposed
    assert (" жылғы ", False, False) in current and (" жылғы ", False, False) in proposed
    assert not [t for t, _, _ in current if "2026" in t] and not [t for t, _, _ in proposed if "2025" in t]
    # Marked by weight and strike only: no colour, no underline.
    for cell in (row[2], row[3]):
        assert all(r.font.color.rgb is None and not r.underline for p in cell.paragraphs for r in p.runs)


def test_the_render_command_writes_docx_only_to_a_file(tmp_path, timeline_748):
    from typer.testing import CliRunner

    from amend.cli.app import app

    runner = CliRunner()
    result = runner.invoke(app, ["render", "748", "--to", "docx", "--root", str(ROOT)])
    assert result.exit_code == 2 and "give -o FILE" in result.output
    out = tmp_path / "748.docx"
    result = runner.invoke(app, ["render", "748", "--to", "docx", "-o", str(out), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    amendments = [f.amendment for f in Repository(ROOT).amendments]
    assert out.read_bytes() == render_docx(
        timeline_748.latest,
        amendments,
        whole=True,
        standing=standing(timeline_748, timeline_748.latest.valid_from),
    )


# -- print-ready -----------------------------------------------------------------------------------

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def doc_156(repo):
    return open_docx(render_docx(repo.timeline("156").latest))


def test_every_table_repeats_its_header_row_and_no_row_splits_across_pages(doc_156, doc_2025):
    for doc in (doc_156, doc_2025):
        for table in doc.tables:
            trs = table._tbl.findall(f"{W_NS}tr")
            assert trs[0].find(f"{W_NS}trPr/{W_NS}tblHeader") is not None
            assert all(tr.find(f"{W_NS}trPr/{W_NS}cantSplit") is not None for tr in trs)
            assert not [tr for tr in trs[1:] if tr.find(f"{W_NS}trPr/{W_NS}tblHeader") is not None]


def test_widths_follow_the_content_narrow_number_wide_measure_and_the_same_in_every_table(doc_156):
    widths = {tuple(round(c.width.cm, 2) for c in t.columns) for t in doc_156.tables}
    assert len(widths) == 1  # the tables of one document line up
    [w] = widths
    assert w[0] == min(w) and w[1] == max(w)  # № narrowest, the measure widest
    assert len(set(w)) > 3  # not Word's equal shares
    assert all(t._tbl.tblPr.find(f"{W_NS}tblLayout").get(f"{W_NS}type") == "fixed" for t in doc_156.tables)


def test_no_head_is_a_machine_id_and_long_kazakh_dates_head_the_document(doc_156, repo):
    heads = {c.text for t in doc_156.tables for c in t.rows[0].cells}
    assert not heads & set(repo.plan("156").column_ids)
    assert "Іс-шара*" in heads
    paragraphs = [p.text for p in doc_156.paragraphs]
    assert "Редакция: 2020 жылғы 30 наурыз – (белгілі актілер бойынша соңғы)" in paragraphs  # status only where known
    assert "Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысымен бекітілген." in paragraphs
    assert any("белгісі бар баған атауларын" in p for p in paragraphs)  # the "*" is explained


def test_headings_use_the_templates_heading_styles(doc_156):
    styles = {p.style.name for p in doc_156.paragraphs if p.text.startswith(("I. ", "II. "))}
    assert styles == {"Heading 2"}
    assert doc_156.paragraphs[0].style.name == "Heading 1"


def rendered_pdf(data: bytes, tmp_path: Path, name: str) -> Path:
    from office import convert

    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    return convert(source, "pdf", tmp_path)


def vocabulary(doc) -> tuple[set[str], set[str]]:
    """Every word the document holds, and the pieces a line may legitimately break a compound into."""
    from amend.outputs.widths import _PIECES

    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    words = {w for t in texts for w in t.split()}
    pieces = {piece for w in words for piece in _PIECES.findall(w)}
    return words, pieces


@pytest.mark.parametrize("plan", ["156", "748"])
def test_libreoffice_prints_the_plan_without_breaking_a_word_across_lines(plan: str, repo, tmp_path: Path):
    from office import page_count, pdftotext

    data = render_docx(repo.timeline(plan).latest)
    pdf = rendered_pdf(data, tmp_path, plan)
    words, pieces = vocabulary(open_docx(data))
    printed_tokens = pdftotext(pdf).split()
    broken = [t for t in printed_tokens if t not in words and t not in pieces and not t.isdigit()]
    assert broken == [], broken[:20]
    # 156 took 54 pages with equal column widths; by content it takes 12 (LibreOffice 7.4, Liberation Serif).
    limit = {"156": 16, "748": 9}[plan]
    assert page_count(pdf) <= limit


def test_the_control_a_squeezed_column_does_break_words(tmp_path: Path):
    """The check above can fail: the same kind of text in a column too narrow for its words breaks them."""
    from office import pdftotext

    doc = docx.Document()
    table = doc.add_table(rows=1, cols=8)
    for cell in table.rows[0].cells:
        cell.text = "Республикасының Үкіметінің қаулысымен бекітілген"
    buf = io.BytesIO()
    doc.save(buf)
    pdf = rendered_pdf(buf.getvalue(), tmp_path, "squeezed")
    words, pieces = vocabulary(open_docx(buf.getvalue()))
    assert [t for t in pdftotext(pdf).split() if t not in words and t not in pieces]


def test_the_comparative_table_prints_with_its_header_repeated(comparison_392, tmp_path: Path):
    from office import page_count

    data = render_comparison_docx(comparison_392)
    table = open_docx(data).tables[0]
    assert table._tbl.findall(f"{W_NS}tr")[0].find(f"{W_NS}trPr/{W_NS}tblHeader") is not None
    assert page_count(rendered_pdf(data, tmp_path, "392")) <= 9


def test_notes_in_the_banks_form_one_under_the_title_and_one_for_the_abbreviations_not_four(repo):
    amendments = [f.amendment for f in repo.amendments]
    doc = open_docx(render_docx(repo.timeline("748").latest, amendments))
    notes = [p.text for p in doc.paragraphs if p.text.startswith("Ескерту.")]
    assert notes == [
        "Ескерту. Жоспарға өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
        "Ескерту. Ескертпеге өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
    ]
    assert notes[0] == doc.paragraphs[1].text  # right under the heading


def test_row_notes_are_an_option(repo):
    amendments = [f.amendment for f in repo.amendments]
    version = repo.timeline("748").latest
    with_rows = open_docx(render_docx(version, amendments))
    without = open_docx(render_docx(version, amendments, row_notes=False))

    def row_notes(doc):
        return [c.text for t in doc.tables for r in t.rows for c in r.cells[1:2] if c.text.startswith("Ескерту.")]

    assert len(row_notes(with_rows)) == 17 and row_notes(without) == []


def test_748_whole_in_russian_marks_unknowns_in_russian_and_keeps_the_kazakh_out(timeline_748):
    doc = open_docx(render_docx(timeline_748.latest, lang="ru", whole=True))
    paragraphs = [p.text for p in doc.paragraphs]
    cells = [c for t in doc.tables for row in texts(t) for c in row]
    # Times New Roman has no ⟨ ⟩: the printed mark is bracketed, in the document's language.
    assert paragraphs[0] == "Постановление № 748 от 31.08.2023" and paragraphs[1] == "[неизвестно]"
    assert not any(UNKNOWN_MARK in t or "[белгісіз]" in t for t in paragraphs + cells)
    assert "measure (наименование [неизвестно])" in cells
    assert not any(p.startswith("Ескерту.") for p in paragraphs)
    assert any(c.startswith("Сноска. Строка 6 - в редакции") for c in cells)
    kk = open_docx(render_docx(timeline_748.latest, whole=True))
    assert kk.paragraphs[1].text == timeline_748.latest.plan.act.title  # the resolution's title first
