"""What every command shares (amend.cli.common): --root, dates, --from/--to, unknown plans; and how
commands meet missing inputs and unwritable outputs."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

import pytest
from conftest import ROOT, snapshot
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from amend.cli.app import app

runner = CliRunner()


def plain(output: str) -> str:
    """A usage error as one line of words: the box and the line breaks of the terminal's rendering removed."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_a_day_may_be_typed_as_dd_mm_yyyy(day: dt.date):
    from amend.cli.common import parse_date

    assert parse_date(f"{day:%d.%m.%Y}", "--at") == parse_date(day.isoformat(), "--at") == day


def test_show_accepts_the_dotted_form():
    dotted = runner.invoke(app, ["show", "748", "--at", "30.05.2025", "--root", str(ROOT)])
    iso = runner.invoke(app, ["show", "748", "--at", "2025-05-30", "--root", str(ROOT)])
    assert dotted.exit_code == 0 and dotted.stdout == iso.stdout


@pytest.mark.parametrize("day", ["2025-02-30", "30.02.2025", "31.04.2025", "2025-13-01", "tomorrow", "2025/05/30"])
def test_an_impossible_or_unreadable_date_is_a_usage_error(day: str):
    result = runner.invoke(app, ["show", "748", "--at", day, "--root", str(ROOT)])
    assert result.exit_code == 2
    assert "is not a date" in plain(result.output)
    no_traceback(result)


def test_from_later_than_to_is_a_usage_error_not_silently_swapped():
    result = runner.invoke(app, ["diff", "748", "--from", "2025-06-01", "--to", "2025-01-01", "--root", str(ROOT)])
    assert result.exit_code == 2
    assert "--from 2025-06-01 is later than --to 2025-01-01" in plain(result.output)


def test_root_is_accepted_before_the_command():
    before = runner.invoke(app, ["--root", str(ROOT), "versions", "748"])
    after = runner.invoke(app, ["versions", "748", "--root", str(ROOT)])
    assert before.exit_code == 0 and before.stdout == after.stdout


def test_a_root_that_does_not_exist_is_exit_2(tmp_path: Path):
    result = runner.invoke(app, ["check", "--root", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "does not exist" in plain(result.output)


def test_a_root_that_is_not_a_repository_is_exit_2_never_ok(tmp_path: Path):
    for args in (["check", "--root", str(tmp_path)], ["--root", str(tmp_path), "check"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "is not an amend repository" in plain(result.output)
        assert "ok" not in result.stdout


def test_check_in_a_folder_that_is_not_a_repository_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2 and "the current folder is not an amend repository" in plain(result.output)


def test_an_unknown_plan_is_exit_1_naming_the_plans_there_are():
    result = runner.invoke(app, ["versions", "999", "--root", str(ROOT)])
    assert result.exit_code == 1
    assert "no plan 999" in result.stderr and "plans: 156, 748" in result.stderr


def test_history_of_a_row_a_partial_plan_does_not_record_says_so():
    partial = runner.invoke(app, ["history", "748", "99", "--root", str(ROOT)])
    assert partial.exit_code == 1
    assert "row 99 is not among the rows our sources give for plan 748" in partial.stderr
    assert "never" not in partial.stderr
    complete = runner.invoke(app, ["history", "156", "99", "--root", str(ROOT)])
    assert complete.exit_code == 1 and "row 99 has never been in plan 156" in complete.stderr


@pytest.mark.parametrize("command", ["preview", "compare"])
def test_a_missing_amendment_file_is_a_located_error(command: str, tmp_path: Path):
    missing = tmp_path / "draft.yaml"
    result = runner.invoke(app, [command, str(missing), "--root", str(ROOT)])
    assert result.exit_code == 1
    assert f"{missing}: error [file-refused]: cannot read {missing}" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("command", ["preview", "compare"])
def test_an_amendment_in_cp1251_is_a_located_encoding_error(command: str, tmp_path: Path):
    draft = tmp_path / "draft.yaml"
    draft.write_bytes((ROOT / "plans/amendments/392.yaml").read_text(encoding="utf-8").encode("cp1251", "replace"))
    result = runner.invoke(app, [command, str(draft), "--root", str(ROOT)])
    assert result.exit_code == 1
    assert f"{draft}:6:13: error [encoding]" in result.stderr
    no_traceback(result)


def test_output_into_a_missing_folder_creates_it_with_the_umasks_mode(tmp_path: Path):
    target = tmp_path / "new" / "folder" / "748.docx"
    old = os.umask(0o022)
    try:
        result = runner.invoke(app, ["render", "748", "--to", "docx", "-o", str(target), "--root", str(ROOT)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    "args",
    [
        ["render", "748", "--to", "md", "-o", "{blocked}/out.md"],
        ["render", "748", "--to", "docx", "-o", "{blocked}/out.docx"],
        ["compare", str(ROOT / "plans/amendments/392.yaml"), "--to", "html", "-o", "{blocked}/c.html"],
        ["export", "748", "--at", "2025-05-30", "--to", "csv", "-o", "{blocked}/rows.csv"],
        ["export", "748", "--at", "2025-05-30", "--to", "xlsx", "-o", "{blocked}/rows.xlsx"],
        ["site", "{blocked}/site"],
        ["import", str(ROOT / "sources/392.txt"), "-o", "{blocked}/392.yaml"],
    ],
    ids=["md", "docx", "compare", "csv", "xlsx", "site", "import"],
)
def test_an_unwritable_output_is_exit_1_with_a_message_naming_it(args: list[str], tmp_path: Path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder must go\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = runner.invoke(app, [a.format(blocked=blocked) for a in args] + ["--root", str(ROOT)])
    assert result.exit_code == 1, result.output
    assert "error [output]" in result.stderr and str(blocked) in result.stderr
    no_traceback(result)
    assert snapshot(tmp_path) == before


def test_the_site_is_written_with_the_umasks_mode(tmp_path: Path):
    old = os.umask(0o022)
    try:
        result = runner.invoke(app, ["site", str(tmp_path / "site"), "--root", str(ROOT)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert modes == {0o644}
