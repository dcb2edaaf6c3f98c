"""Differences between two versions (amend/queries/diff.py) of the resolution and its structure."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from conftest import ROOT

from amend import Repository
from amend.queries.diff import diff_text, version_diff

STRUCTURE = Path(__file__).parent / "fixtures" / "structure"


def _timeline(tmp_path: Path, name: str, plan: str):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(STRUCTURE / name / "plans", tmp_path / "plans", dirs_exist_ok=True)
    return Repository(tmp_path).timeline(plan)


def test_a_renumbered_row_is_one_change_of_its_number(tmp_path):
    timeline = _timeline(tmp_path, "renumber", "748")
    text = diff_text(version_diff(timeline.in_force_at(dt.date(2025, 6, 1)), timeline.latest))
    assert text == "+ ['rows']['23-1']['number']: '24'"


def test_points_struck_out_and_added_are_not_a_shift_of_the_others(tmp_path):
    timeline = _timeline(tmp_path, "point-2", "156")
    data = version_diff(timeline.in_force_at(dt.date(2020, 5, 1)), timeline.latest)
    assert set(data["dictionary_item_removed"]) == {"root['resolution']['points']['3']"}
    assert set(data["dictionary_item_added"]) == {"root['resolution']['points']['5']"}
    changed = set(data["values_changed"])
    assert "root['resolution']['points']['2']['subpoints']['2']['text']" in changed
    assert "root['title']" in changed  # the annex's title
    assert not any("['points']['4']" in k for k in changed)


def test_a_column_added_and_one_renamed_are_in_the_diff(tmp_path):
    timeline = _timeline(tmp_path, "columns", "156")
    data = version_diff(timeline.versions[0], timeline.latest)
    assert "root['columns']['indicator']" in data["dictionary_item_added"]
    renamed = data["type_changes"]["root['columns']['form']"]  # from unknown (null) to a title
    assert (renamed["old_value"], renamed["new_value"]) == (None, "сынақ мәтіні: аяқталу нысаны")
    assert "root['rows']['2']['cells']['indicator']" in data["dictionary_item_added"]  # an unknown cell
