"""Bad input: a clear message at file:line:col, a non-zero exit, and not a byte written.

Each case edits the real plans in a copy of the repository. ``at`` is the text the caret must point at:
the expected line and column are where it stands in the edited file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import snapshot
from typer.testing import CliRunner

from amend.cli.app import app

A392 = "plans/amendments/392.yaml"
B748 = "plans/base/748.yaml"


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    old: str | None  # replaced once by `new`; None appends `new` to the file
    new: str
    rule: str
    at: str
    message: str


CASES = [
    Case("malformed-yaml", A392, '    row: "6"\n', '    row: "6": x\n', "yaml-syntax", ": x", "mapping values"),
    Case(
        "unknown-operation",
        A392,
        "op: replace_row",
        "op: rewrite_row",
        "schema",
        "rewrite_row",
        "unknown op 'rewrite_row'",
    ),
    Case(
        "unknown-key",
        A392,
        '    row: "6"\n',
        '    row: "6"\n    colour: red\n',
        "schema",
        "colour",
        "unknown key 'colour' in operation 1 (replace_row), row 6",
    ),
    Case(
        "target-missing",
        A392,
        '    row: "6"\n',
        '    row: "7"\n',
        "target-missing",
        '"7"',
        "row 7 does not exist in section 1 of plan 748 as of 2025-05-30 (operation 1: replace_row)",
    ),
    Case(
        "wrong-section",
        A392,
        '    section: "1"\n    row: "6"',
        '    section: "2"\n    row: "6"',
        "target-missing",
        '"2"\n    row: "6"',
        "row 6 is in section 1, not in section 2",
    ),
    Case("number-taken", A392, 'number: "23-1"', 'number: "23"', "number-taken", '"23"\n', "row 23 already exists"),
    Case(
        "parent-missing",
        A392,
        'number: "29-1"',
        'number: "30-1"',
        "parent-missing",
        '"30-1"',
        "row 30-1 needs row 30 before it",
    ),
    Case(
        "abbreviation-undefined",
        A392,
        'executors: "ОМ, МАМ, ЖАО"',
        'executors: "ОМ, МАМ, ЖАО, ХХМ"',
        "abbreviation-undefined",
        '"ОМ, МАМ, ЖАО, ХХМ"',
        "row 6 names ХХМ",
    ),
    Case("impossible-date", A392, "date: 2025-05-30", "date: 2025-02-30", "schema", "2025-02-30", "act.date"),
    Case(
        "blank-cell",
        A392,
        'form: "ақпараттық науқан"',
        'form: ""',
        "schema",
        '""',
        "operation 1 (replace_row), row 6, cell `form`: empty; write the text, or `!unknown` where no source gives it",
    ),
    Case(
        "null-is-not-unknown",
        A392,
        'form: "ақпараттық науқан"',
        "form: ~",
        "schema",
        "~",
        "operation 1 (replace_row), row 6, cell `form`: empty; write the text, or `!unknown`",
    ),
    Case(
        "date-order",
        A392,
        "entry_into_force: {rule: on_signing}",
        "entry_into_force: {rule: on_date, date: 2020-01-01}",
        "date-order",
        "2020-01-01",
        "before plan 748 is in force",
    ),
    Case(
        "occurrences-mismatch",
        A392,
        None,
        '  - op: replace_words\n    old: "науқан"\n    new: "кампания"\n    occurrences: 5\n    row: "6"\n',
        "occurrences-mismatch",
        "5\n    row",
        '"науқан" occurs 2 time(s) in row 6 of plan 748 as of 2025-05-30, the operation expects 5',
    ),
    Case(
        "duplicate-row-in-base",
        B748,
        '  - number: "28"',
        '  - number: "23"',
        "row-order",
        '"23"       # replaced',
        "row 23 is listed twice",
    ),
]


def expected_location(text: str, at: str) -> tuple[int, int]:
    offset = text.index(at)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_reported_at_its_place_and_nothing_is_written(case: Case, command: str, repo_copy: Path):
    target = repo_copy / case.file
    text = target.read_text(encoding="utf-8")
    if case.old is None:
        text = text.rstrip("\n") + "\n" + case.new
    else:
        assert case.old in text, f"the case no longer matches {case.file}"
        text = text.replace(case.old, case.new, 1)
    target.write_text(text, encoding="utf-8")
    before = snapshot(repo_copy)

    result = CliRunner().invoke(app, [command, "--root", str(repo_copy)])

    assert result.exit_code == 1, result.output
    line, column = expected_location(text, case.at)
    assert f"{case.file}:{line}:{column}: error [{case.rule}]" in result.stderr
    assert case.message in result.stderr
    assert snapshot(repo_copy) == before


def test_a_stale_consolidated_file_fails_check_and_build_repairs_it(repo_copy: Path):
    stale = repo_copy / "consolidated/748/2025-05-30.yaml"
    stale.write_text(stale.read_text(encoding="utf-8").replace("жыл сайын", "ай сайын", 1), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--root", str(repo_copy)])
    assert result.exit_code == 1
    assert "error [consolidated-stale]" in result.stderr and "2025-05-30.yaml" in result.stderr
    assert runner.invoke(app, ["build", "--root", str(repo_copy)]).exit_code == 0
    assert runner.invoke(app, ["check", "--root", str(repo_copy)]).exit_code == 0


def test_an_orphan_consolidated_file_is_stale(repo_copy: Path):
    (repo_copy / "consolidated/748/2024-01-01.yaml").write_text("x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--root", str(repo_copy)])
    assert result.exit_code == 1 and "would be removed by build" in result.stderr


def test_check_reports_every_broken_file_not_just_the_first(repo_copy: Path):
    for name, old, new in [(A392, 'row: "6"', 'row: "7"'), (B748, "date: 2023-08-31", "date: 2023-02-31")]:
        path = repo_copy / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    (repo_copy / "plans/amendments/500.yaml").write_text("act: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--root", str(repo_copy), "--format", "json"])
    assert result.exit_code == 1
    import json

    rules = sorted((Path(p["file"]).name, p["rule"]) for p in json.loads(result.stdout)["problems"])
    assert rules == [("500.yaml", "yaml-syntax"), ("748.yaml", "schema")]
