"""`amend in-force`: yes, no or unknown, with the wording and the act that gave it, on the real plans."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import ROOT
from typer.testing import CliRunner

from amend import Repository, RowNumber
from amend.cli.app import app
from amend.outputs.markdown import UNKNOWN_MARK
from amend.queries.in_force import row_in_force

runner = CliRunner()


def run(*args: str, root: Path = ROOT):
    return runner.invoke(app, [*args, "--root", str(root)])


def ask(timeline, row: str, day: str):
    return row_in_force(timeline, RowNumber(row), dt.date.fromisoformat(day))


def test_row_6_after_392_is_in_force_in_392s_wording(timeline_748):
    answer = ask(timeline_748, "6", "2025-06-01")
    assert answer.in_force is True
    assert answer.source.act == "392" and answer.source.kind == "replaced"
    assert answer.source.citation == "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"
    assert answer.source.in_force == dt.date(2025, 5, 30)
    assert answer.wording.cells["executors"] == "ОМ, МАМ, ЖАО"


def test_row_6_the_day_before_392_is_in_force_as_748_enacted_it_with_its_wording_unknown(timeline_748):
    answer = ask(timeline_748, "6", "2025-05-29")
    assert answer.in_force is True and answer.source.kind == "enacted"
    assert answer.source.act == "748" and answer.source.citation == "ҚР Үкіметінің 31.08.2023 № 748 қаулысымен"
    assert answer.source.in_force is None  # 748's entry into force is not in our sources


def test_row_23_1_is_not_yet_in_force_before_392_inserts_it(timeline_748):
    answer = ask(timeline_748, "23-1", "2025-05-29")
    assert answer.in_force is False
    assert "act 392 inserts it with effect from 2025-05-30" in answer.reason


def test_a_row_748_does_not_record_is_unknown_not_absent(timeline_748):
    answer = ask(timeline_748, "7", "2025-06-01")
    assert answer.in_force is None and "only some of its rows" in answer.reason


def test_a_row_a_complete_plan_lacks_is_not_in_force(repo):
    answer = ask(repo.timeline("156"), "71", "2021-01-01")
    assert answer.in_force is False and answer.reason == "plan 156 has no row 71 on 2021-01-01"


def test_a_day_before_the_plan_is_answered_no(timeline_748):
    answer = ask(timeline_748, "6", "2023-08-30")
    assert answer.in_force is False and "not yet in force" in answer.reason


def test_a_deleted_row_names_the_deleting_act_and_its_note(repo_copy: Path):
    (repo_copy / "plans/amendments/500.yaml").write_text(
        'act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "500", date: 2025-09-01, '
        'title: "сынақ актісі"}\namends: "748"\nstatus: adopted\nentry_into_force: {rule: on_signing}\n'
        'operations:\n  - op: delete_row\n    row: "6"\n',
        encoding="utf-8",
    )
    timeline = Repository(repo_copy).timeline("748")
    assert ask(timeline, "6", "2025-08-31").in_force is True
    answer = ask(timeline, "6", "2025-09-01")
    assert answer.in_force is False
    assert "act 500 deleted it with effect from 2025-09-01" in answer.reason
    assert "Ескерту. 6-жол алып тасталды - ҚР Үкіметінің 01.09.2025 № 500 қаулысымен." in answer.reason


def test_the_text_answer_cites_the_act_and_marks_unknown_cells():
    result = run("in-force", "748", "6", "--at", "2025-06-01")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "yes: row 6 of plan 748 is in force on 2025-06-01, in the wording of act 392 of "
        "2025-05-30, in force from 2025-05-30"
    )
    assert lines[1] == "wording: replaced – ҚР Үкіметінің 30.05.2025 № 392 қаулысымен, in force from 2025-05-30"
    assert lines[2] == "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."
    assert lines[3] == f"section 1, subsection {UNKNOWN_MARK}"
    assert "  executors: ОМ, МАМ, ЖАО" in lines
    before = run("in-force", "748", "6", "--at", "2025-05-29").stdout.splitlines()
    assert f"  measure: {UNKNOWN_MARK}" in before


def test_the_json_answer_has_the_row_as_show_gives_it():
    data = json.loads(run("in-force", "748", "23-1", "--at", "2025-06-01", "--format", "json").stdout)
    shown = json.loads(run("show", "748", "--at", "2025-06-01", "--format", "json").stdout)
    assert data["in_force"] is True
    assert data["wording"] == next(r for r in shown["rows"] if r["number"] == "23-1")
    assert data["wording_from"]["act"] == "392" and data["wording_from"]["kind"] == "inserted"
    unknown = json.loads(run("in-force", "748", "7", "--at", "2025-06-01", "--format", "json").stdout)
    assert unknown["in_force"] is None and unknown["wording"] is None


def test_a_bad_row_number_is_a_usage_error_and_an_unknown_plan_an_error():
    assert run("in-force", "748", "06", "--at", "2025-06-01").exit_code == 2
    result = run("in-force", "999", "6", "--at", "2025-06-01")
    assert result.exit_code == 1 and "no plan 999" in result.stderr


def test_as_enacted_is_claimed_only_where_the_plan_declares_its_amending_acts_complete(timeline_748):
    from builders import plan

    from amend import consolidate
    from amend.engine.base import evolve
    from amend.engine.legal import AmendingActs

    assert ask(timeline_748, "6", "2025-05-29").reason.endswith(", as enacted, as far as the known acts say")
    declared = evolve(plan(), amending_acts=AmendingActs(complete=True, source="реестр"))
    assert ask(consolidate(declared, []), "1", "2024-01-01").reason.endswith("is in force on 2024-01-01, as enacted")
    assert ask(consolidate(plan(), []), "1", "2024-01-01").reason.endswith("as far as the known acts say")
