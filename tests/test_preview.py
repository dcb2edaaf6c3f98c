"""amend preview: a draft applied on top of a version, nothing written, the table and the validation."""

from __future__ import annotations

from pathlib import Path

from conftest import snapshot
from typer.testing import CliRunner

from amend.cli.app import app

runner = CliRunner()

ROW_6 = '  - op: replace_cells\n    row: "6"\n    cells: {deadline: "жыл сайын маусым"}\n'


def draft_file(folder: Path, operations: str, *, date: str = "2025-09-01", status: str = "draft") -> Path:
    path = folder / "draft.yaml"
    path.write_text(
        f'act: {{issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "900", date: {date}, '
        f'title: "Жоба"}}\namends: "748"\nstatus: {status}\nentry_into_force: {{rule: on_signing}}\noperations:\n'
        + operations,
        encoding="utf-8",
    )
    return path


def preview(root: Path, *args: str):
    return runner.invoke(app, ["preview", *args, "--root", str(root)])


def test_a_draft_that_applies_prints_its_table_and_ok_and_writes_nothing(repo_copy, tmp_path):
    draft = draft_file(repo_copy / "plans" / "amendments", ROW_6)
    before = snapshot(repo_copy)
    result = preview(repo_copy, str(draft))
    assert result.exit_code == 0, result.output
    assert "**САЛЫСТЫРМАЛЫ КЕСТЕ**" in result.stdout
    assert "Қолданыстағы редакция: 2025 жылғы 30 мамырдағы редакция" in result.stdout
    assert "Орындау мерзімі [атауы ресми емес]: жыл сайын ~~**желтоқсан**~~" in result.stdout
    assert "Орындау мерзімі [атауы ресми емес]: жыл сайын **маусым**" in result.stdout
    assert "validation: ok: the draft applies to plan 748 as of 2025-05-30 (1 change(s))" in result.stdout
    assert snapshot(repo_copy) == before


def test_a_draft_is_applied_where_its_own_dates_place_it(repo_copy):
    draft = draft_file(repo_copy, ROW_6, date="2024-01-01")
    result = preview(repo_copy, str(draft))
    assert result.exit_code == 0, result.output
    assert "Қолданыстағы редакция: 2023 жылғы 31 тамыздағы редакция" in result.stdout
    # Row 6 as enacted is not in our sources: the table says so instead of showing it empty.
    assert (
        "| 1 | 1-бөлім, 6-жол | ⟨белгісіз⟩: қолданыстағы редакцияның мәтіні дереккөздерде берілмеген |" in result.stdout
    )


def test_a_draft_that_does_not_apply_fails_with_file_line_and_column(repo_copy):
    draft = draft_file(repo_copy, '  - op: delete_row\n    row: "23-9"\n')
    result = preview(repo_copy, str(draft))
    assert result.exit_code == 1
    assert "validation: the draft does not apply to plan 748 in force 2025-09-01" in result.stderr
    assert f"{draft}:7:10: error [target-missing]: row 23-9 does not exist" in result.stderr
    assert "САЛЫСТЫРМАЛЫ КЕСТЕ" not in result.stdout


def test_a_draft_with_a_schema_error_fails_at_its_place(repo_copy):
    draft = draft_file(repo_copy, '  - op: rewrite_row\n    row: "6"\n')
    result = preview(repo_copy, str(draft))
    assert result.exit_code == 1
    assert f"{draft}:6:9: error [schema]" in result.stderr


def test_a_draft_that_applies_today_but_breaks_a_later_act_fails_validation(repo_copy):
    # Dated before 392, inserting the 23-1 that 392 inserts: fine on the latest text, wrong where it falls.
    draft = draft_file(
        repo_copy,
        '  - op: insert_rows\n    section: "1"\n    subsection: "1.2"\n    rows:\n'
        '      - number: "23-2"\n        cells: {measure: "а", form: "б", deadline: "в", '
        'executors: "ОМ", cost: "-", funding: "-"}\n'
        '  - op: delete_row\n    row: "6"\n',
        date="2024-02-01",
    )
    result = preview(repo_copy, str(draft))
    assert result.exit_code == 1
    assert "**САЛЫСТЫРМАЛЫ КЕСТЕ**" in result.stdout
    assert "392.yaml" in result.stderr and "error [target-deleted]" in result.stderr
    assert "validation: 1 problem(s)" in result.stderr


def test_an_adopted_act_already_filed_is_previewed_without_itself(repo_copy):
    result = preview(repo_copy, str(repo_copy / "plans" / "amendments" / "392.yaml"))
    assert result.exit_code == 0, result.output
    assert "has status adopted; previewed as a draft" in result.stderr
    assert "Қолданыстағы редакция: 2023 жылғы 31 тамыздағы редакция" in result.stdout
    assert "(21 change(s))" in result.stdout


def test_a_draft_that_does_not_apply_is_placed_by_operation_counted_from_1():
    from conftest import ROOT, internal_words

    from amend.errors import TargetMissing
    from amend.importer.act.preview import _describe
    from amend.store.loading import load_amendment

    act = load_amendment(ROOT / "plans" / "amendments" / "392.yaml")
    said = _describe(
        TargetMissing("row 99 does not exist", path=("operations", 2, "row")),
        "does not apply",
        act.model_dump(mode="json", by_alias=True),
    )
    assert said.startswith("the draft does not apply (at operation 3 (replace_row), row 28")
    assert internal_words(said) == []
