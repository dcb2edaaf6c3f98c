"""The benchmark's comparison with python-json-patch compares the same work: its day patches give our versions."""

from __future__ import annotations

from pathlib import Path

import jsonpatch
import pytest

from amend import Repository
from amend.engine.timeline import consolidate
from bench.corpus import CorpusSize, write_corpus
from bench.patch import as_json_patch


@pytest.mark.parametrize("seed", [3, 8])
def test_one_json_patch_per_version_day_gives_each_of_our_dated_versions(tmp_path: Path, seed: int):
    write_corpus(tmp_path, CorpusSize(3, 10, 5, 20), seed)
    repo = Repository(tmp_path)
    for pid, (plan, _) in sorted(repo.plans.items()):
        acts = repo.acts_of(pid)
        timeline = consolidate(plan, list(acts))
        doc, patches = as_json_patch(plan, [f.amendment for f in acts], by_day=True)
        # One patch per version that acts made (an act in force on the plan's own day makes the first).
        made = [v for v in timeline.versions if v.acts]
        assert len(patches) == len(made) >= 5
        for version, patch in zip(made, patches):
            doc = jsonpatch.apply_patch(doc, patch, in_place=False)
            ours = version.plan
            assert [r["number"] for r in doc["rows"]] == [str(r.number) for r in ours.rows]
            assert [r["cells"] for r in doc["rows"]] == [dict(r.cells) for r in ours.rows]
            assert doc["abbreviations"] == {c: a.expansion for c, a in ours.abbreviations.items()}


def test_the_yaml_figures_time_the_lean_readers_against_ruamels_loaders_on_the_same_files(tmp_path: Path):
    from bench.figures import _yaml

    write_corpus(tmp_path, CorpusSize(1, 1, 40, 30))
    act = next((tmp_path / "plans/amendments").glob("*.yaml"))
    plan = next((tmp_path / "plans/base").glob("*.yaml"))
    out = _yaml(act, plan)
    for name in ("act_100k", "big_plan"):
        assert out[f"{name}_yaml_lean_speedup"] == out[f"{name}_yaml_safe_load_s"] / out[f"{name}_yaml_lean_load_s"]
        assert (
            out[f"{name}_positions_speedup"] == out[f"{name}_positions_round_trip_s"] / out[f"{name}_positions_lean_s"]
        )
    assert out["yaml_lean_speedup"] == out["act_100k_yaml_lean_speedup"]
    assert out["positions_speedup"] == out["act_100k_positions_speedup"]
    assert out["plans_yaml_lean_speedup"] > 0 and out["plans_positions_speedup"] > 0


def test_the_corpus_figures_put_the_cold_check_beside_both_parse_floors(tmp_path: Path):
    from bench.figures import _corpus_checks

    out = _corpus_checks(tmp_path, CorpusSize(5, 3, 3, 10), "national")
    assert out["national_input_files"] == 5 + 5 * 3
    assert out["national_cold_vs_parse_floor"] == out["national_cold_s"] / out["national_parse_floor_s"]
    assert out["national_cold_vs_safe_load_floor"] == out["national_cold_s"] / out["national_safe_load_floor_s"]
    assert out["national_warm_s"] > 0 and out["national_peak_rss_mb"] > 0
    # Cores the cold check would need, used as fully as here, to come within 1.2x of the parse floor:
    # with as many, its wall time would be 1.2 floors.
    cores, use = out["national_cold_cores_for_1_2x_parse_floor"], out["national_cold_core_use"]
    assert use > 0 and out["national_cold_cpu_s"] > 0
    assert abs(out["national_cold_cpu_s"] / (cores * use) - 1.2 * out["national_parse_floor_s"]) < 1e-9


def test_the_benchmark_refuses_a_group_of_figures_it_does_not_have():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "bench", "--json", "--only", "national,speed"],
        check=False,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 2 and "no group speed" in done.stderr


def test_the_big_plan_is_measured_in_turns_with_the_small_plans_it_is_compared_with(tmp_path: Path):
    from bench.figures import _big_plan

    write_corpus(tmp_path / "small", CorpusSize(3, 3, 3, 10))
    out = _big_plan(tmp_path / "big", CorpusSize(1, 5, 3, 300), tmp_path / "small")
    assert out["big_plan_vs_small_plans"] == out["big_plan_us_per_op"] / out["big_plan_small_plans_us_per_op"]
    assert set(out["big_plan_spread"]) == {"ours", "small", "reference"}
    assert out["big_plan_reference_us_per_op"] > 0
