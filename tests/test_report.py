"""The formats of `amend check`: GitHub annotations line by line, the stable JSON report, text."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amend.ci.report import ReportFormat, check_report, github_annotation
from amend.cli.app import app
from amend.errors import Location, SchemaError, TargetMissing

runner = CliRunner()

TARGET_MISSING = (
    "::error file=plans/amendments/392.yaml,line=21,col=10,title=target-missing::row 7 does not exist "
    "in section 1 of plan 748 as of 2025-05-30 (operation 1: replace_row)%0Ahint: check the row or "
    "element number against the version the operation applies to (amend show)"
)


@pytest.fixture
def broken(repo_copy: Path, monkeypatch) -> Path:
    """A copy of the repository whose act 392 replaces row 7 instead of 6 (a row 748 does not record)."""
    path = repo_copy / "plans/amendments/392.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[20] == '    row: "6"'
    path.write_text(text.replace('    row: "6"', '    row: "7"', 1), encoding="utf-8")
    monkeypatch.chdir(repo_copy)  # as in a workflow step: the checkout is the working directory
    return repo_copy


def test_github_format_is_one_annotation_a_problem_on_standard_output(broken: Path):
    result = runner.invoke(app, ["check", "--format", "github", "--root", "."])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [TARGET_MISSING]
    assert result.stderr == "1 problem(s), 0 warning(s)\n"


def test_github_paths_are_relative_to_the_checkout_even_for_an_absolute_root(broken: Path):
    result = runner.invoke(app, ["check", "--format", "github", "--root", str(broken)])
    assert result.stdout.splitlines() == [TARGET_MISSING]


def test_github_format_of_a_syntax_error_and_of_a_problem_without_a_line(broken: Path):
    (broken / "plans/amendments/392.yaml").write_text("act: [unclosed\n", encoding="utf-8")
    lines = runner.invoke(app, ["check", "--format", "github", "--root", "."]).stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=plans/amendments/392.yaml,line=2,col=1,title=yaml-syntax::")
    (broken / "plans/amendments/392.yaml").unlink()
    assert runner.invoke(app, ["build", "--root", "."]).exit_code == 0
    (broken / "consolidated/748/index.yaml").unlink()
    result = runner.invoke(app, ["check", "--format", "github", "--root", "."])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=consolidated/748/index.yaml,title=consolidated-stale::consolidated/748/index.yaml is missing"
        "%0Ahint: run `amend build` and commit consolidated/"
    ]


def test_annotation_escapes_what_would_end_a_property_or_the_message():
    err = SchemaError(
        "100% wrong,\nsecond line: here", file="odd,name:1.yaml", location=Location("odd,name:1.yaml", 3, 4)
    )
    err.hint = None
    assert github_annotation("error", err) == (
        "::error file=odd%2Cname%3A1.yaml,line=3,col=4,title=schema::100%25 wrong,%0Asecond line: here"
    )


def test_annotation_without_a_line_leaves_line_and_col_out():
    err = TargetMissing("gone", file="plans/base/748.yaml")
    assert github_annotation("warning", err).startswith("::warning file=plans/base/748.yaml,title=target-missing::gone")


def test_json_report_is_stable(broken: Path):
    result = runner.invoke(app, ["check", "--format", "json", "--root", "."])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["ok", "problems"]  # "warnings" only when there are some
    assert data["ok"] is False
    assert data["problems"] == [
        {
            "file": "plans/amendments/392.yaml",
            "line": 21,
            "column": 10,
            "rule": "target-missing",
            "message": "row 7 does not exist in section 1 of plan 748 as of 2025-05-30 (operation 1: replace_row)",
            "hint": "check the row or element number against the version the operation applies to (amend show)",
        }
    ]


def test_text_report_shows_the_line_and_a_caret_on_standard_error(broken: Path):
    result = runner.invoke(app, ["check", "--root", "."])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines()[:3] == [
        "plans/amendments/392.yaml:21:10: error [target-missing]: row 7 does not exist in section 1 of plan 748 "
        "as of 2025-05-30 (operation 1: replace_row)",
        '        row: "7"',
        "             ^",
    ]


def test_no_problems_is_ok_in_every_format():
    for fmt in ReportFormat:
        report = check_report([], fmt)
        if fmt is ReportFormat.json:
            assert json.loads(report.stdout) == {"ok": True, "problems": []}
        else:
            assert report.stdout == "ok: plans, amendments and consolidated/ are consistent\n"
        assert report.stderr == ""


def _amend_commands(text: str) -> list[list[str]]:
    """The `amend ...` command lines of a workflow or hooks file, shell values filled in."""
    found = []
    for line in text.splitlines():
        line = line.strip().removeprefix("- ").removeprefix("run: ").removeprefix("entry: ")
        if line.startswith("amend "):
            line = line.replace('"$plan"', "748").replace("$plan", "748").replace('"$(date +%F)"', "2025-06-01")
            found.append(shlex.split(line)[1:])
    return found


def test_the_example_workflow_and_the_hooks_call_real_commands_with_real_options():
    import click
    import typer.main
    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parent.parent
    workflow = (root / "docs/examples/github-workflow.yml").read_text(encoding="utf-8")
    hooks = (root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    YAML(typ="safe").load(workflow)
    assert {h["id"] for h in YAML(typ="safe").load(hooks)} == {"amend-check", "amend-lint"}
    commands = _amend_commands(workflow) + _amend_commands(hooks)
    assert [c[0] for c in commands] == ["check", "lint", "schema", "export", "check", "lint"]
    group = typer.main.get_command(app)
    parent = click.Context(group, info_name="amend")
    for name, *args in commands:
        group.get_command(parent, name).make_context(name, args, parent=parent)  # raises on a bad option
    with pytest.raises(Exception):  # noqa: B017  (click raises its own usage error types)
        group.get_command(parent, "check").make_context("check", ["--format", "yaml"], parent=parent)
