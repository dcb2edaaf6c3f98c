"""Plans on a pool of processes: the same files, the same problems and warnings as one process gives."""

from __future__ import annotations

import shutil

from amend.ci.check import check, check_all
from amend.ci.conflicts import repository_conflicts
from amend.outputs.consolidated import build_summarised
from amend.outputs.parallel import default_jobs, map_plans
from amend.store.cache import caching
from amend.store.repository import Repository
from amend.store.yaml_io import dump_yaml, read_yaml
from bench.corpus import CorpusSize, write_corpus
from tests.conftest import snapshot


def _pid(repo: Repository, pid: str) -> tuple[int, str]:
    import os

    return os.getpid(), pid


def test_the_map_keeps_plan_order_and_uses_other_processes(tmp_path):
    write_corpus(tmp_path, CorpusSize(6, 1, 1, 12), 1)
    repo = Repository(tmp_path)
    ids = sorted(repo.plans)
    serial = map_plans(_pid, repo, ids, 1)
    pooled = map_plans(_pid, repo, ids, 2)
    assert [p for _, p in pooled] == [p for _, p in serial] == ids
    assert {pid for pid, _ in pooled} != {pid for pid, _ in serial}
    assert default_jobs() >= 1


def test_build_writes_the_same_bytes_with_one_job_or_several(tmp_path):
    write_corpus(tmp_path / "one", CorpusSize(6, 4, 5, 20), 5)
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    one, lines_one = build_summarised(Repository(tmp_path / "one"), jobs=1)
    two, lines_two = build_summarised(Repository(tmp_path / "two"), jobs=3)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert lines_one == lines_two and len(lines_one) == 6
    assert one.written == two.written
    assert check_all(Repository(tmp_path / "two"), 3) == ([], [])


def test_check_reports_the_same_problems_in_the_same_order_with_one_job_or_several(tmp_path):
    write_corpus(tmp_path, CorpusSize(6, 4, 5, 20), 9)
    build_summarised(Repository(tmp_path), jobs=1)
    acts = sorted((tmp_path / "plans/amendments").glob("*.yaml"))
    original = {path: path.read_bytes() for path in (acts[2], acts[13])}
    for path in original:  # two plans' acts now fail
        data = read_yaml(path)
        data["operations"][-1] = {"op": "delete_row", "row": "9999"}
        path.write_text(dump_yaml(data), encoding="utf-8")
    (
        tmp_path / "consolidated" / sorted(p.name for p in (tmp_path / "consolidated").iterdir())[0] / "x.yaml"
    ).write_text("stray", encoding="utf-8")
    serial = (check(Repository(tmp_path)), [])
    pooled = check_all(Repository(tmp_path), 2)
    assert [e.format() for e in serial[0]] == [e.format() for e in pooled[0]]
    assert len(serial[0]) == 2 and all(e.rule == "target-missing" for e in serial[0])
    for path, content in original.items():
        path.write_bytes(content)
    serial = (check(Repository(tmp_path)), [])
    pooled = check_all(Repository(tmp_path), 2)
    assert [e.format() for e in serial[0]] == [e.format() for e in pooled[0]]
    assert {e.rule for e in serial[0]} == {"consolidated-stale"}


def test_a_warm_check_gives_the_cold_result_and_a_changed_file_is_checked_again(tmp_path):
    write_corpus(tmp_path / "repo", CorpusSize(5, 6, 5, 20), 21)
    build_summarised(Repository(tmp_path / "repo"), jobs=1)
    reference = repository_conflicts(Repository(tmp_path / "repo"))
    assert check(Repository(tmp_path / "repo")) == []
    with caching(True, tmp_path / "cache"):
        cold = check_all(Repository(tmp_path / "repo"), 2)
        warm = check_all(Repository(tmp_path / "repo"), 1)
    assert cold[0] == warm[0] == []
    assert [w.format() for w in cold[1]] == [w.format() for w in warm[1]] == [w.format() for w in reference]
    act = sorted((tmp_path / "repo/plans/amendments").glob("*.yaml"))[7]
    data = read_yaml(act)
    data["operations"][0] = {"op": "delete_row", "row": "9999"}
    act.write_text(dump_yaml(data), encoding="utf-8")
    with caching(True, tmp_path / "cache"):
        broken = check_all(Repository(tmp_path / "repo"), 1)
    assert [e.format() for e in broken[0]] == [e.format() for e in check(Repository(tmp_path / "repo"))]
    assert broken[0] and broken[0][0].rule == "target-missing" and broken[0][0].location.line is not None
