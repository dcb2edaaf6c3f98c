"""Plans on a pool of processes: the same files, the same problems and warnings as one process gives."""

from __future__ import annotations

import gc
import shutil
import weakref

import pytest

from amend.ci.check import check, check_all
from amend.ci.conflicts import repository_conflicts
from amend.errors import AmendError
from amend.outputs.consolidated import build_summarised, consolidated_files, plan_files
from amend.outputs.parallel import default_jobs, map_plans
from amend.store import stream
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
        with pytest.MonkeyPatch.context() as patch:
            loads = _Loads(stream.load_plan)
            patch.setattr(stream, "load_plan", loads)
            warm = check_all(Repository(tmp_path / "repo"), 1)
    assert cold[0] == warm[0] == []
    assert loads.loaded == []  # a plan checked clean before, with the same files, is not read again
    assert [w.format() for w in cold[1]] == [w.format() for w in warm[1]] == [w.format() for w in reference]
    act = sorted((tmp_path / "repo/plans/amendments").glob("*.yaml"))[7]
    data = read_yaml(act)
    data["operations"][0] = {"op": "delete_row", "row": "9999"}
    act.write_text(dump_yaml(data), encoding="utf-8")
    with caching(True, tmp_path / "cache"):
        broken = check_all(Repository(tmp_path / "repo"), 1)
    assert [e.format() for e in broken[0]] == [e.format() for e in check(Repository(tmp_path / "repo"))]
    assert broken[0] and broken[0][0].rule == "target-missing" and broken[0][0].location.line is not None


# Ways to break a repository: each changes what check reports and what build raises. The streamed
# reader must give exactly what reading every file first gives (``check``, ``Repository``).
def _bad_yaml(root):
    (root / "plans/amendments/1003-bad.yaml").write_text("amends: '10001'\nact: [unclosed\n", encoding="utf-8")


def _stray_files(root):
    (root / "plans/notes.txt").write_text("stray", encoding="utf-8")
    (root / "plans/amendments/1002.txt").write_text("stray", encoding="utf-8")
    (root / "plans/base/sub").mkdir()


def _act_of_no_plan(root):
    act = root / "plans/amendments/1004.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace("amends: '1000", "amends: '9000"), encoding="utf-8")


def _broken_plan_file(root):
    plan = root / "plans/base/10002.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")


def _plan_defined_twice(root):
    shutil.copy(root / "plans/base/10001.yaml", root / "plans/base/10001-copy.yaml")


def _key_in_quotes(root):
    act = root / "plans/amendments/1006.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace("\namends:", '\n"amends":'), encoding="utf-8")


def _misleading_head(root):
    # A double-quoted title runs onto a line that looks like `amends:` of another plan.
    act = root / "plans/amendments/1003.yaml"
    data = act.read_text(encoding="utf-8")
    title = next(line for line in data.splitlines() if line.startswith("  title: "))
    act.write_text(data.replace(title, f"{title[:9]}\"{title[9:]}\namends: '10003'\n  end\"", 1), encoding="utf-8")


def _failing_operation(root):
    act = root / "plans/amendments/1008.yaml"
    data = read_yaml(act)
    data["operations"][-1] = {"op": "delete_row", "row": "9999"}
    act.write_text(dump_yaml(data), encoding="utf-8")


def _failing_draft(root):
    act = root / "plans/amendments/1010.yaml"
    data = read_yaml(act)
    data["status"] = "draft"
    data["operations"][0] = {"op": "delete_row", "row": "9999"}
    act.write_text(dump_yaml(data), encoding="utf-8")


_BREAKAGES = [
    _bad_yaml,
    _stray_files,
    _act_of_no_plan,
    _broken_plan_file,
    _plan_defined_twice,
    _key_in_quotes,
    _misleading_head,
    _failing_operation,
    _failing_draft,
]


def _first_error_reading_everything(root):
    # What build raised before it streamed: every file read first, then references, then timelines.
    repo = Repository(root)
    try:
        repo.check_references()
        for pid, timeline in repo.timelines.items():
            plan_files(repo, pid, timeline)
    except AmendError as err:
        return err.format()
    return None


@pytest.mark.parametrize(
    "breakages", [[b] for b in _BREAKAGES] + [_BREAKAGES], ids=lambda bs: "+".join(b.__name__ for b in bs)
)
def test_streamed_check_and_build_report_what_reading_every_file_first_reports(tmp_path, breakages):
    root = tmp_path / "repo"
    write_corpus(root, CorpusSize(5, 3, 4, 16), 31)
    build_summarised(Repository(root), jobs=1)
    for breakage in breakages:
        breakage(root)
    expected = [e.format() for e in check(Repository(root))]
    # every breakage is a problem, except a head that says its plan in another way than the scan reads
    assert bool(expected) != (breakages in ([_key_in_quotes], [_misleading_head]))
    for jobs in (1, 3):
        problems, _ = check_all(Repository(root), jobs)
        assert [e.format() for e in problems] == expected
    before = snapshot(root)
    first = _first_error_reading_everything(root)
    for jobs in (1, 3):
        if first is None:
            continue
        with pytest.raises(AmendError) as raised:
            build_summarised(Repository(root), jobs=jobs)
        assert raised.value.format() == first
        assert snapshot(root) == before  # nothing written


def test_a_misleading_head_changes_no_byte_that_build_writes(tmp_path):
    write_corpus(tmp_path / "one", CorpusSize(5, 3, 4, 16), 32)
    _misleading_head(tmp_path / "one")
    _key_in_quotes(tmp_path / "one")
    misled = tmp_path / "one/plans/amendments/1003.yaml"
    assert stream.head_key(misled, "amendment") != read_yaml(misled)["amends"]
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    reference = Repository(tmp_path / "one")
    expected = consolidated_files(reference, reference.timelines)
    build_summarised(Repository(tmp_path / "two"), jobs=3)
    out = (tmp_path / "two/consolidated").rglob("*")
    written = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in out if p.is_file()}
    assert written == {p.relative_to(tmp_path / "one"): b for p, b in expected.items()}
    assert check_all(Repository(tmp_path / "two"), 1)[0] == check(Repository(tmp_path / "two")) == []


class _Loads:
    """Counts plan models loaded in this process, and the most of them still alive when another is loaded."""

    def __init__(self, load):
        self.load, self.loaded, self.most_alive = load, [], 0

    def __call__(self, path):
        gc.collect()  # only what is still referenced counts as held
        self.most_alive = max(self.most_alive, sum(1 for ref in self.loaded if ref() is not None))
        plan = self.load(path)
        self.loaded.append(weakref.ref(plan))
        return plan


def test_the_main_process_never_holds_every_plan(tmp_path, monkeypatch):
    write_corpus(tmp_path, CorpusSize(8, 3, 4, 16), 33)
    loads = _Loads(stream.load_plan)
    monkeypatch.setattr(stream, "load_plan", loads)
    build_summarised(Repository(tmp_path), jobs=2)
    assert loads.loaded == []  # with a pool, every plan is read in a worker
    assert check_all(Repository(tmp_path), 2) == check_all(Repository(tmp_path), 1)
    # In turn, in this process: one plan read at a time, and none still held when the next is read.
    assert len(loads.loaded) == 8 and loads.most_alive == 0
    # (the test can fail: reading every file first holds them all)
    monkeypatch.setattr(stream, "load_plan", held := _Loads(stream.load_plan))
    plans = [stream.load_plan(path) for path in sorted((tmp_path / "plans/base").glob("*.yaml"))]
    assert held.most_alive == len(plans) - 1


@pytest.mark.parametrize("cache", [False, True])
def test_files_the_workers_compare_are_reported_stale_as_a_serial_check_reports_them(tmp_path, cache):
    # The workers compare each plan's files with consolidated/; a changed, a missing and a stray file are
    # reported as the serial check reports them, cold and with the cache filled by a clean run first.
    write_corpus(tmp_path, CorpusSize(6, 4, 5, 20), 5)
    build_summarised(Repository(tmp_path), jobs=1)
    with caching(cache, tmp_path / "cache"):
        assert check_all(Repository(tmp_path), 2) == ([], check_all(Repository(tmp_path), 1)[1])
        folders = sorted((tmp_path / "consolidated").iterdir())
        changed = sorted(folders[1].glob("*.md"))[-1]
        changed.write_bytes(changed.read_bytes() + b" ")
        sorted(folders[4].glob("*.yaml"))[0].unlink()
        (folders[2] / "stray.md").write_text("stray", encoding="utf-8")
        serial = [e.format() for e in check(Repository(tmp_path))]
        assert len(serial) == 3
        for jobs in (1, 2):
            problems, warnings = check_all(Repository(tmp_path), jobs)
            assert [e.format() for e in problems] == serial and warnings == []


def test_the_survey_finds_the_same_groups_with_heads_read_on_a_pool(tmp_path, monkeypatch):
    from functools import partial

    from amend.outputs import parallel

    write_corpus(tmp_path, CorpusSize(6, 4, 5, 20), 13)
    (tmp_path / "plans/amendments/stray.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(parallel, "_FEWEST_FILES", 1)
    serial = stream.survey(Repository(tmp_path))
    pooled = stream.survey(Repository(tmp_path), partial(parallel._head_keys_on, 2))
    assert pooled.groups == serial.groups and len(serial.groups) == 6
    assert [str(s) for s in pooled.slots] == [str(s) for s in serial.slots]
