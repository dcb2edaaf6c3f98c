"""DOCX rendering: opened back with python-docx and checked cell by cell; the same input, the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import docx
import pytest
from conftest import ROOT

from amend import load_amendment
from amend.engine.amendment import FiledAmendment
from amend.outputs.docx import render_comparison_docx, render_docx
from amend.outputs.markdown import UNKNOWN_MARK
from amend.queries.compare import compare

HEAD = ["№"] + [f"{c} (атауы {UNKNOWN_MARK})" for c in ("measure", "form", "deadline", "executors", "cost", "funding")]


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
    assert "Кіші бөлімі ⟨белгісіз⟩" in paragraphs


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
    assert rows[0] == ["№", "Құрылымдық элемент", "Қолданыстағы редакция", "Жаңа редакция", "Өзгерістер"]
    assert len(rows) == 1 + 21
    assert rows[1][:2] == ["1", "1-бөлім, 6-жол"]
    assert rows[1][2] == f"{UNKNOWN_MARK}: қолданыстағы редакцияның мәтіні дереккөздерде берілмеген"
    assert rows[1][3].startswith(f"measure (атауы {UNKNOWN_MARK}): Балаларға қатысты зорлық-зомбылық")
    assert rows[1][4] == f"{UNKNOWN_MARK}: мәтіні белгісіз болғандықтан салыстыру мүмкін емес"
    assert rows[2][:3] == ["2", "1.2-кіші бөлім, 23-1-жол", "жоқ"]
    assert rows[18][1:4] == ["Ескертпе, КМ", "жоқ", "КМ: Қазақстан Республикасы Көлік министрлігі"]


def test_inserted_words_are_underlined_and_struck_words_struck(repo, tmp_path: Path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        'act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "900", date: 2025-09-01, '
        'title: "Жоба"}\namends: "748"\nstatus: draft\nentry_into_force: {rule: on_signing}\noperations:\n'
        '  - op: replace_cells\n    row: "23-1"\n    cells: {deadline: "2026 жылғы маусым"}\n',
        encoding="utf-8",
    )
    act = load_amendment(draft)
    comparison = compare(repo.plan("748"), repo.amendments, FiledAmendment(act, draft))
    cell = open_docx(render_comparison_docx(comparison)).tables[0].rows[1].cells[4]
    runs = [(r.text, bool(r.font.strike), bool(r.underline)) for p in cell.paragraphs for r in p.runs]
    assert ("2025", True, False) in runs and ("2026", False, True) in runs
    assert (" жылғы ", False, False) in runs


def test_the_render_command_writes_docx_only_to_a_file(tmp_path, timeline_748):
    from typer.testing import CliRunner

    from amend.cli.app import app

    runner = CliRunner()
    result = runner.invoke(app, ["render", "748", "--to", "docx", "--root", str(ROOT)])
    assert result.exit_code == 2 and "give -o FILE" in result.output
    out = tmp_path / "748.docx"
    result = runner.invoke(app, ["render", "748", "--to", "docx", "-o", str(out), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == render_docx(timeline_748.latest, whole=True)


def test_748_whole_in_russian_marks_unknowns_in_russian_and_keeps_the_kazakh_out(timeline_748):
    doc = open_docx(render_docx(timeline_748.latest, "ru", whole=True))
    paragraphs = [p.text for p in doc.paragraphs]
    cells = [c for t in doc.tables for row in texts(t) for c in row]
    assert paragraphs[0] == "Постановление № 748 от 31.08.2023" and paragraphs[1] == "⟨неизвестно⟩"
    assert not any(UNKNOWN_MARK in t for t in paragraphs + cells)
    assert "measure (наименование ⟨неизвестно⟩)" in cells
    assert any(c.startswith("Сноска. Строка 6 - в редакции") for c in cells)
    kk = open_docx(render_docx(timeline_748.latest, whole=True))
    assert kk.paragraphs[1].text == timeline_748.latest.plan.act.title  # the resolution's title first
