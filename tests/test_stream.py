"""Reading plan by plan: the survey's grouping by the head of each file, and what reading a group gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amend.store.repository import Repository
from amend.store.stream import HEAD_BYTES, head_key, read_group, read_problems, regroup, survey
from amend.store.yaml_io import read_yaml
from bench.corpus import CorpusSize, write_corpus
from tests.conftest import ROOT

_IDS = st.from_regex(r"[0-9A-Za-zА-Яа-яҚқӘә]{1,6}(-[0-9A-Za-z]{1,3})?", fullmatch=True)
_VALUES = st.one_of(
    _IDS.map(lambda s: f"'{s}'"),
    _IDS.map(lambda s: f'"{s}"'),
    _IDS,
    st.sampled_from(["0748", "748", "0x1A", "true", "null", "~", "1e3", "'a'  # a comment", "[748]", "{a: 1}"]),
)


def test_the_head_of_the_real_files_names_their_plan():
    assert head_key(ROOT / "plans/base/748.yaml", "plan") == "748"
    assert head_key(ROOT / "plans/base/156.yaml", "plan") == "156"
    assert head_key(ROOT / "plans/amendments/392.yaml", "amendment") == "748"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_VALUES, before=st.sampled_from(["", "# a comment\n", "act:\n  number: '1'\n", "\ufeff"]))
def test_a_key_read_off_the_head_is_the_string_the_yaml_holds(tmp_path, value, before):
    path = tmp_path / "a.yaml"
    path.write_text(f"{before}amends: {value}\nstatus: adopted\n", encoding="utf-8")
    key = head_key(path, "amendment")
    held = read_yaml(path)["amends"]
    if key is not None:
        assert held == key
    if value[0] in "'\"" and "#" not in value:  # a quoted id is always read off the head
        assert key == value[1:-1]


def test_a_key_past_the_head_or_in_quotes_is_left_to_the_loader(tmp_path):
    late = tmp_path / "late.yaml"
    late.write_text("act:\n  title: '" + "x" * HEAD_BYTES + "'\namends: '748'\n", encoding="utf-8")
    quoted = tmp_path / "quoted.yaml"
    quoted.write_text("\"amends\": '748'\n", encoding="utf-8")
    assert head_key(late, "amendment") is None
    assert head_key(quoted, "amendment") is None
    assert head_key(tmp_path / "absent.yaml", "amendment") is None


def test_the_survey_groups_every_file_by_its_plan_in_listing_order(tmp_path):
    write_corpus(tmp_path, CorpusSize(4, 3, 2, 12), 3)
    repo = Repository(tmp_path)
    found = survey(repo)
    assert found.reads == {} and found.clean  # every head said its plan: nothing was read whole
    assert sorted(found.groups) == sorted(repo.plans)
    for pid, group in found.groups.items():
        assert group.bases == (repo.plans[pid][1],)
        assert group.acts == tuple(f.path for f in repo.acts_of(pid))


def test_reading_a_group_gives_the_plan_and_its_acts_as_the_repository_reads_them(tmp_path):
    write_corpus(tmp_path, CorpusSize(3, 3, 2, 12), 4)
    repo = Repository(tmp_path)
    found = survey(repo)
    pid = sorted(found.groups)[1]
    reads, scoped = read_group(repo, found.groups[pid])
    assert scoped is not None and list(scoped.plans) == [pid]
    assert scoped.plan(pid) == repo.plan(pid)
    assert [f.amendment for f in scoped.acts_of(pid)] == [f.amendment for f in repo.acts_of(pid)]
    assert {r.key for r in reads.values()} == {pid} and all(r.error is None for r in reads.values())
    assert (
        read_problems(found, reads | {p: r for g in found.groups.values() for p, r in read_group(repo, g)[0].items()})
        == []
    )


def test_a_file_whose_head_misleads_is_found_and_regrouped(tmp_path):
    write_corpus(tmp_path, CorpusSize(2, 2, 2, 12), 5)
    act = sorted((tmp_path / "plans/amendments").glob("*.yaml"))[0]
    data = act.read_text(encoding="utf-8")
    real = read_yaml(act)["amends"]
    other = next(pid for pid in ("10000", "10001") if pid != real)
    # A double-quoted title running onto a line that looks like the key: YAML reads one title.
    title = next(line for line in data.splitlines() if line.startswith("  title: "))
    act.write_text(data.replace(title, f"{title[:9]}\"{title[9:]}\namends: '{other}'\n  end\"", 1), encoding="utf-8")
    assert head_key(act, "amendment") == other
    repo = Repository(tmp_path)
    found = survey(repo)
    assert act in found.groups[other].acts
    reads, scoped = read_group(repo, found.groups[other])
    assert scoped is None and reads[act].key != other
    groups = regroup(found, reads)
    assert act in groups[reads[act].key].acts and act not in groups[other].acts


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_that_does_not_read_is_reported_in_its_place_among_stray_files(tmp_path):
    write_corpus(tmp_path, CorpusSize(2, 2, 2, 12), 6)
    _write(tmp_path / "plans/amendments/1001-bad.yaml", "amends: '10000'\nact: [unclosed\n")
    _write(tmp_path / "plans/amendments/1001-note.txt", "stray")
    _write(tmp_path / "plans/extra.yaml", "stray")
    repo = Repository(tmp_path)
    found = survey(repo)
    reads = dict(found.reads)
    for group in found.groups.values():
        reads.update(read_group(repo, group)[0])
    expected = []
    Repository(tmp_path)._load(expected)
    assert [e.format() for e in read_problems(found, reads)] == [e.format() for e in expected]
    assert len(expected) == 3
