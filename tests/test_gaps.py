"""Gaps (amend/queries/gaps.py): what the sources do not give, in Kazakh and in Russian."""

from __future__ import annotations

from conftest import ROOT
from typer.testing import CliRunner

from amend.cli.app import app
from amend.queries.gaps import gaps


def test_every_russian_text_of_156_is_a_gap_and_none_of_its_kazakh_resolution_is(repo):
    plan = repo.timeline("156").latest.plan
    kk = [str(g) for g in gaps(plan)]
    assert not any(g.startswith(("resolution", "point", "signatory")) for g in kk)
    ru = [str(g) for g in gaps(plan, "ru")]
    points = [f"point {p.number}: text" for p in plan.act.points]
    assert {"resolution: title", "resolution: preamble", "signatory: position and name", *points} <= set(ru)
    assert "point 2.1: text" in ru and "plan: title" in ru
    assert sum(g.endswith("every cell") for g in ru) == len(plan.rows)
    assert len([g for g in ru if g.startswith("abbreviation")]) == len(plan.abbreviations)


def test_the_gaps_command_takes_a_language():
    result = CliRunner().invoke(app, ["gaps", "748", "--lang", "ru", "--root", str(ROOT)])
    assert result.exit_code == 0 and "resolution: title" in result.stdout
    kk = CliRunner().invoke(app, ["gaps", "748", "--root", str(ROOT)])
    assert "resolution: title" not in kk.stdout
    assert CliRunner().invoke(app, ["gaps", "748", "--lang", "both", "--root", str(ROOT)]).exit_code == 2
