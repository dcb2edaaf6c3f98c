"""Conflicts between amending acts, on the real plan 748 and act 392."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from amend import Repository
from amend.ci.check import check
from amend.ci.conflicts import repository_conflicts
from amend.cli.app import app

runner = CliRunner()

HEADER = """act: {{issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "{number}", date: {date},
      title: "сынақ актісі"}}
amends: "748"
status: {status}
entry_into_force: {entry}
operations:
"""


def write_act(
    root: Path, number: str, date: str, ops: str, *, status: str = "adopted", entry: str = "{rule: on_signing}"
) -> Path:
    path = root / "plans" / "amendments" / f"{number}.yaml"
    path.write_text(HEADER.format(number=number, date=date, status=status, entry=entry) + ops, encoding="utf-8")
    return path


REPLACE_6 = """  - op: replace_cells
    row: "6"
    cells: {deadline: "жыл сайын қараша"}
"""


def test_the_shipped_acts_have_no_conflict(repo):
    assert repository_conflicts(repo) == []


def test_two_acts_in_force_on_one_day_changing_row_6_are_reported_with_both_files(repo_copy: Path):
    first = write_act(repo_copy, "500", "2025-09-01", REPLACE_6)
    second = write_act(repo_copy, "501", "2025-09-01", REPLACE_6.replace("қараша", "қазан"))
    repo = Repository(repo_copy)
    found = repository_conflicts(repo)
    assert [c.rule for c in found] == ["same-day-conflict"]
    c = found[0]
    # Same day, same adoption date: act 500 goes first by number, so 501's change stands; it is 501 that is marked.
    assert c.location.file == str(second) and c.location.line == 8
    assert f"{first}:8:10" in c.message
    assert "act 500" in c.message and "act 501" in c.message and "2025-09-01" in c.message


def test_acts_on_different_days_or_on_different_rows_do_not_conflict(repo_copy: Path):
    write_act(repo_copy, "500", "2025-09-01", REPLACE_6)
    write_act(repo_copy, "501", "2025-09-02", REPLACE_6.replace("қараша", "қазан"))
    write_act(repo_copy, "502", "2025-09-01", REPLACE_6.replace('"6"', '"23-1"'))
    assert repository_conflicts(Repository(repo_copy)) == []


def test_one_act_changing_a_row_twice_is_no_conflict(repo_copy: Path):
    write_act(repo_copy, "500", "2025-09-01", REPLACE_6 + REPLACE_6.replace("қараша", "қазан"))
    assert repository_conflicts(Repository(repo_copy)) == []


def test_a_plan_wide_word_replacement_conflicts_with_a_change_to_a_row_it_touches(repo_copy: Path):
    # "жыл сайын желтоқсан" is the deadline of rows 6, 42, 43 and 49 as 392 words them.
    words = """  - op: replace_words
    old: "жыл сайын желтоқсан"
    new: "жыл сайын қараша"
    occurrences: 4
    column: deadline
"""
    write_act(repo_copy, "500", "2025-09-01", words)
    write_act(repo_copy, "501", "2025-09-01", REPLACE_6.replace("қараша", "қазан"))
    found = repository_conflicts(Repository(repo_copy))
    assert len(found) == 1 and "row 6 " in found[0].message and "replace_words" in found[0].message


def test_a_draft_is_checked_for_conflicts_as_if_adopted(repo_copy: Path):
    write_act(repo_copy, "500", "2025-09-01", REPLACE_6)
    draft = write_act(repo_copy, "501", "2025-09-01", REPLACE_6.replace("қараша", "қазан"), status="draft")
    found = repository_conflicts(Repository(repo_copy))
    assert len(found) == 1 and found[0].location.file == str(draft)


def test_check_prints_the_conflict_as_a_warning_and_fails_only_when_strict(repo_copy: Path):
    write_act(repo_copy, "500", "2025-09-01", REPLACE_6)
    write_act(repo_copy, "501", "2025-09-01", REPLACE_6.replace("қараша", "қазан"))
    assert runner.invoke(app, ["build", "--root", str(repo_copy)]).exit_code == 0
    result = runner.invoke(app, ["check", "--root", str(repo_copy)])
    assert result.exit_code == 0, result.output
    assert "warning [same-day-conflict]" in result.stderr
    assert result.stdout.startswith("ok: ") and "(1 warning(s))" in result.stdout
    assert runner.invoke(app, ["check", "--strict", "--root", str(repo_copy)]).exit_code == 1
    data = json.loads(runner.invoke(app, ["check", "--format", "json", "--root", str(repo_copy)]).stdout)
    assert data["ok"] is True and data["problems"] == []
    assert [w["rule"] for w in data["warnings"]] == ["same-day-conflict"]
    github = runner.invoke(app, ["check", "--format", "github", "--root", str(repo_copy)]).stdout.splitlines()
    assert github[0].startswith("::warning file=") and ",title=same-day-conflict::" in github[0]


def test_an_act_amending_a_row_an_earlier_act_deleted_is_target_deleted(repo_copy: Path):
    write_act(repo_copy, "500", "2025-09-01", '  - op: delete_row\n    row: "6"\n')
    later = write_act(repo_copy, "501", "2025-10-01", REPLACE_6)
    problems = check(Repository(repo_copy))
    assert [p.rule for p in problems] == ["target-deleted"]
    p = problems[0]
    assert p.location.file == str(later) and (p.location.line, p.location.column) == (8, 10)
    assert "act 500 deleted it, in force 2025-09-01" in p.message


def test_deleting_a_code_that_row_6_still_names_is_abbreviation_in_use(repo_copy: Path):
    # 392 names МАМ in row 6 and adds МАМ to the note.
    act = write_act(repo_copy, "500", "2025-09-01", '  - op: delete_abbreviation\n    code: "МАМ"\n')
    problems = check(Repository(repo_copy))
    assert [p.rule for p in problems] == ["abbreviation-in-use"]
    assert problems[0].location.file == str(act) and problems[0].location.line == 8
    assert "МАМ" in problems[0].message and "row 6" in problems[0].message
