from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, snapshot
from typer.testing import CliRunner

from amend import __version__
from amend.cli.app import app

runner = CliRunner()


def run(*args: str, root: Path = ROOT):
    return runner.invoke(app, [*args, "--root", str(root)])


def test_show_json_follows_the_contract():
    result = run("show", "748", "--at", "2025-05-30", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"plan", "at", "rows", "abbreviations"} <= data.keys()
    assert data["plan"] == "748" and data["at"] == "2025-05-30"
    numbers = [r["number"] for r in data["rows"]]
    assert numbers[numbers.index("23") + 1] == "23-1"
    row23 = data["rows"][numbers.index("23")]
    assert row23["cells"]["measure"] is None and row23["subsection"] == "1.2"
    row6 = data["rows"][numbers.index("6")]
    assert row6["subsection"] is None and "subsection" in row6["unknown"]
    assert row6["history"][0]["act"] == "392"
    assert data["abbreviations"]["ОМ"] is None
    assert data["abbreviations"]["ТСМ"] == "Қазақстан Республикасының Туризм және спорт министрлігі"
    assert all({"number", "section", "subsection", "cells", "history"} <= r.keys() for r in data["rows"])


def test_show_before_the_plan_existed_is_an_error_not_an_empty_plan():
    result = run("show", "748", "--at", "2023-08-30")
    assert result.exit_code == 1
    assert "error [not-in-force]: plan 748 was not yet in force on 2023-08-30" in result.stderr


def test_an_impossible_date_on_the_command_line_is_a_usage_error():
    result = run("show", "748", "--at", "2025-02-30")
    assert result.exit_code == 2
    assert "is not a date" in result.output


def test_an_unknown_plan_is_named():
    result = run("show", "999", "--at", "2025-01-01")
    assert result.exit_code == 1 and "no plan 999" in result.stderr


def test_show_markdown_marks_unknowns_visibly():
    result = run("show", "748", "--at", "2025-05-29", "--format", "md")
    assert result.exit_code == 0
    assert "| 23 | ⟨белгісіз⟩ |" in result.stdout
    assert "23-1" not in result.stdout


def test_show_yaml_is_the_consolidated_file():
    result = run("show", "748", "--at", "2025-06-01")
    assert result.stdout == (ROOT / "consolidated/748/2025-05-30.yaml").read_text(encoding="utf-8")


def test_versions_lists_intervals_and_acts():
    result = run("versions", "748")
    assert result.stdout.splitlines() == [
        "2023-08-31 – 2025-05-29  748 (as enacted, as far as the known acts say)",
        "2025-05-30 – …  392",
    ]


def test_history_tells_when_and_by_which_act_a_row_changed():
    result = run("history", "748", "28")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "2023-08-31 – 2025-05-29  wording unknown: as enacted by act 748 (other amending acts may exist)"
    )
    assert lines[1].startswith("2025-05-30 – …  in force: Ескерту. 28-жол жаңа редакцияда")


def test_diff_shows_inserted_rows_and_new_wording():
    result = run("diff", "748", "--from", "2025-05-29", "--to", "2025-05-30", "--format", "json")
    data = json.loads(result.stdout)
    assert "root['rows']['23-1']" in data["dictionary_item_added"]
    assert "root['abbreviations']['КМ']" in data["dictionary_item_added"]
    text = run("diff", "748", "--from", "2025-05-29", "--to", "2025-05-30").stdout
    assert "+ ['rows']['23-1']" in text
    assert "~ ['rows']['6']['cells']['form']: None -> 'ақпараттық науқан'" in text


def test_gaps_lists_every_unknown():
    result = run("gaps", "748", "--at", "2023-08-31")
    assert "row 23: every cell" in result.stdout
    assert "entry into force of act 748" in result.stdout


def test_check_passes_on_the_repository():
    result = run("check")
    assert result.exit_code == 0, result.output
    data = json.loads(run("check", "--format", "json").stdout)
    assert data == {"ok": True, "problems": []}


def test_build_twice_changes_nothing(repo_copy: Path):
    before = snapshot(repo_copy)
    first = run("build", root=repo_copy)
    assert first.exit_code == 0 and "0 file(s) written" in first.stdout
    assert snapshot(repo_copy) == before


def test_build_from_nothing_writes_the_shipped_files(repo_copy: Path):
    import shutil

    shutil.rmtree(repo_copy / "consolidated")
    assert run("build", root=repo_copy).exit_code == 0
    assert snapshot(repo_copy / "consolidated") == snapshot(ROOT / "consolidated")


def test_version_flag():
    assert runner.invoke(app, ["--version"]).stdout.strip() == f"amend {__version__}"
