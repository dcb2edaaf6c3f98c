"""`amend lint`: flags on the real plans, each with its rule and the place its text is written."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from conftest import ROOT
from typer.testing import CliRunner

from amend import Repository
from amend.ci.lint import LINT_RULES, SourcePlaces, _outliers, _words, lint_timeline
from amend.cli.app import app

runner = CliRunner()


def flags_of(repo: Repository, plan: str, day: str):
    base, path = repo.plans[plan]
    return lint_timeline(repo.timeline(plan), SourcePlaces(base, path, repo.timeline(plan)), dt.date.fromisoformat(day))


def summary(flags) -> list[tuple[str, str]]:
    return [(f.rule, f.element) for f in flags]


def source_line(flag) -> str:
    return Path(flag.location.file).read_text(encoding="utf-8").splitlines()[flag.location.line - 1]


def test_156_flags_its_one_unknown_cell_and_its_two_codes_named_once(repo):
    _version, flags = flags_of(repo, "156", "2021-01-01")
    assert summary(flags) == [
        ("unknown-in-force", "row 15"),
        ("executor-single-use", "row 18"),
        ("executor-single-use", "row 39"),
    ]
    unknown, msm, bp = flags
    assert "its budget_program cell" in unknown.message
    assert source_line(unknown).strip().startswith("budget_program: !unknown")
    assert "МСМ" in msm.message and "МСМ" in source_line(msm)
    assert "БП ҚСАЕАК" in bp.message and "БП ҚСАЕАК" in source_line(bp)
    assert all(Path(f.location.file) == ROOT / "plans/base/156.yaml" for f in flags)


def test_748_after_392_flags_the_rows_whose_wording_no_source_gives_and_places_392s_codes_in_392(repo):
    version, flags = flags_of(repo, "748", "2025-06-01")
    assert version.valid_from == dt.date(2025, 5, 30)
    unknown = [f.element for f in flags if f.rule == "unknown-in-force"]
    assert unknown == ["row 23", "row 29", "row 37", "row 47"]
    assert all("any of its cells" in f.message for f in flags if f.rule == "unknown-in-force")
    single = [f for f in flags if f.rule == "executor-single-use"]
    assert {f.message.split()[2] for f in single} == {"ІІМ", "ӨҚМ", "КМ", "ЦДИАӨМ"}
    for f in single:
        assert Path(f.location.file) == ROOT / "plans/amendments/392.yaml"
        assert f.message.split()[2] in source_line(f)
        assert f.message.endswith("(plan 748 records only some of its rows)")


def test_748_before_392_flags_every_recorded_row_as_unknown(repo):
    version, flags = flags_of(repo, "748", "2025-05-29")
    assert [f.element for f in flags] == [f"row {r.number}" for r in version.plan.rows]
    assert {f.rule for f in flags} == {"unknown-in-force"}


def test_a_figure_ten_times_its_neighbours_is_flagged_where_it_is_written(repo_copy: Path):
    path = repo_copy / "plans/base/156.yaml"
    text = path.read_text(encoding="utf-8")
    # Row 40 costs 5,0 a year (20,0 in all); make 2022 fifty.
    start = text.index('- number: "40"')
    end = text.index("- number:", start + 1)
    row = text[start:end]
    assert row.count('cost_2022: "5,0"') == 1
    path.write_text(text[:start] + row.replace('cost_2022: "5,0"', 'cost_2022: "50,0"') + text[end:], encoding="utf-8")
    _, flags = flags_of(Repository(repo_copy), "156", "2021-01-01")
    outliers = [f for f in flags if f.rule == "figure-outlier"]
    assert len(outliers) == 1
    assert outliers[0].message == (
        "row 40: cost_2022 is 50.0, 10.0 times the median (5.0) of the row's other "
        "figures (cost_total, cost_2020, cost_2021, cost_2023)"
    )
    assert 'cost_2022: "50,0"' in source_line(outliers[0])


def test_outliers_one_wild_figure_does_not_make_its_neighbours_look_wild():
    d = Decimal
    assert [c for c, *_ in _outliers({"a": d(5), "b": d(500), "c": d(6)})] == ["b"]
    assert [c for c, *_ in _outliers({"a": d(50), "b": d(5), "c": d(50)})] == ["b"]
    assert [c for c, *_ in _outliers({"a": d(5), "b": d(500)})] == ["b"]
    assert _outliers({"total": d(20), "a": d(5), "b": d(5), "c": d(5), "d": d(5)}) == []
    assert _outliers({"total": d(80), "a": d(40), "b": d(40), "c": None, "d": d(0)}) == []
    assert _outliers({"a": d(5), "b": d(49)}) == []


def test_mixed_words_are_those_with_both_alphabets():
    assert _words("Мемлекеттiк бағдарлама") == ["Мемлекеттiк"]  # a Latin i
    assert _words("ҚР ҚК, ЮНИСЕФ, UNICEF, 2020 ж.") == []
    assert _words(None) == []


def test_the_cli_exits_0_with_flags_in_every_format():
    text = runner.invoke(app, ["lint", "--at", "2025-06-01", "--root", str(ROOT)])
    assert text.exit_code == 0
    assert "flag [unknown-in-force]: row 23 is in force" in text.stdout
    assert "plan 156: 3 flag(s)" in text.stderr and "plan 748: 8 flag(s)" in text.stderr
    data = json.loads(
        runner.invoke(app, ["lint", "748", "--at", "2025-06-01", "--format", "json", "--root", str(ROOT)]).stdout
    )
    assert len(data["flags"]) == 8
    keys = {"file", "line", "column", "rule", "message", "hint", "plan", "element"}
    assert all(set(f) == keys for f in data["flags"])
    assert {f["rule"] for f in data["flags"]} <= set(LINT_RULES)
    github = runner.invoke(app, ["lint", "156", "--at", "2021-01-01", "--format", "github", "--root", str(ROOT)])
    assert github.exit_code == 0
    lines = github.stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("::warning file=plans/base/156.yaml,line=") for line in lines)


def test_lint_of_an_unknown_plan_is_an_error():
    result = runner.invoke(app, ["lint", "999", "--root", str(ROOT)])
    assert result.exit_code == 1 and "no plan 999" in result.stderr
