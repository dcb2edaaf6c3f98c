"""The fast path against the reference: the same versions, notes, touches and errors, on generated corpora.

Corpora come from the benchmark's generator (valid by construction); faults are then drawn into them
(a missing row, a wrong count of words, a taken number, an undefined executor code, an abbreviation
deleted while in use, ...), together with operations the fast path leaves to the reference, so that
days mix both and errors come from either side.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amend import Amendment, Plan
from amend.engine import fast, step
from amend.engine.step import fast_path, reference_day
from amend.engine.timeline import FiledAmendment, consolidate, schedule
from amend.errors import AmendError
from amend.store.yaml_io import read_yaml
from bench.corpus import CorpusSize, write_corpus

FAULTS = (
    "missing-row",
    "deleted-row",
    "wrong-section",
    "occurrences",
    "number-taken",
    "orphan",
    "undefined-code",
    "unknown-column",
    "abbreviation-taken",
    "abbreviation-in-use",
    "only-deletion",
    "abbreviation-missing",
    "plan-wide-words",
    "set-title",
    "replace-abbreviation",
)


def _corpus(root: Path, size: CorpusSize, seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    write_corpus(root, size, seed)
    plans = [read_yaml(p) for p in sorted((root / "plans/base").glob("*.yaml"))]
    acts = [read_yaml(p) for p in sorted((root / "plans/amendments").glob("*.yaml"))]
    return plans, acts


def _fault(kind: str, ops: list[dict[str, Any]], at: int) -> None:
    """Put fault ``kind`` into the act's operations at ``at`` (or next to it)."""
    op = ops[at]
    row_ops = ("replace_row", "delete_row", "replace_cells", "replace_words")
    if kind == "missing-row" and op["op"] in row_ops:
        op["row"] = "9999"
    elif kind == "deleted-row" and op["op"] in row_ops and "row" in op:  # a plan-wide replace_words names none
        ops.insert(at, {"op": "delete_row", "row": op["row"]})
    elif kind == "wrong-section" and op["op"] in row_ops:
        op["section"] = "4" if op.get("section") != "4" else "1"
    elif kind == "occurrences" and op["op"] == "replace_words":
        op["occurrences"] += 1
    elif kind == "number-taken" and op["op"] == "insert_rows":
        op["rows"][0]["number"] = "1"
    elif kind == "orphan" and op["op"] == "insert_rows":
        op["rows"][0]["number"] = "9998-1"
    elif kind == "undefined-code" and op["op"] in ("replace_row", "insert_rows"):
        cells = op["cells"] if op["op"] == "replace_row" else op["rows"][0]["cells"]
        cells["executors"] = "ЖЖЖ, ОМ"
    elif kind == "unknown-column" and op["op"] == "replace_cells":
        op["cells"] = {"nosuch": "мәтін"}
    elif kind == "abbreviation-taken":
        ops.insert(at, {"op": "add_abbreviations", "entries": {"ОМ": "қайта"}})
    elif kind == "abbreviation-in-use":
        ops.insert(at, {"op": "delete_abbreviation", "code": "ОМ"})
    elif kind == "only-deletion":  # an act that only strikes a code out of the note, which unwritten rows name
        ops[:] = [{"op": "delete_abbreviation", "code": "ОМ"}]
    elif kind == "abbreviation-missing":
        ops.insert(at, {"op": "replace_abbreviation", "code": "ЖОҚ", "expansion": "жоқ"})
    elif kind == "plan-wide-words":  # a kind the fast path leaves to the reference; may fail or not
        ops.insert(at, {"op": "replace_words", "old": "балалар", "new": "жастар", "occurrences": 1})
    elif kind == "set-title":  # another kind the reference alone applies, mixed into a fast day
        ops.insert(at, {"op": "set_title", "section": "1", "title": "Жаңа атау"})
    elif kind == "replace-abbreviation":  # valid: the note in new wording
        ops.insert(at, {"op": "replace_abbreviation", "code": "ДСМ", "expansion": "жаңа атауы"})


def _dump(plan: Plan) -> tuple[Any, ...]:
    rows = tuple(plan.rows)
    return (
        plan.model_dump(),
        plan.model_dump(exclude_unset=True),
        [r.fields() for r in rows],  # a Row is a lean record (base.Lean)
        [[c.fields() for c in r.history] for r in rows],  # a Change is a lean record: its notes joined
    )


def _outcome(base: Plan, filed: list[FiledAmendment]) -> tuple[Any, ...]:
    """Everything a consolidation gives that a view reads: versions, notes, touches; or the error."""
    try:
        t = consolidate(base, filed)
    except AmendError as err:
        return ("error", type(err).__name__, err.message, err.path, err.file, err.hint)
    return (
        "ok",
        [(v.valid_from, v.valid_to, v.acts, _dump(v.plan)) for v in t.versions],
        [(a.scheduled.filed.path, a.scheduled.index, a.scheduled.day, a.touches) for a in t.applied],
        t.repealed_on,
        t.repeal,
    )


def _both(plans: list[dict[str, Any]], acts: list[dict[str, Any]]) -> list[str]:
    """Consolidate every plan with each path; return the outcomes' kinds (after asserting they agree)."""
    filed = [
        FiledAmendment(Amendment.model_validate(a), Path(f"plans/amendments/{i}.yaml")) for i, a in enumerate(acts)
    ]
    kinds = []
    for data in plans:
        with fast_path(False):
            reference = _outcome(Plan.model_validate(data), filed)
        with fast_path(True):
            fast_ = _outcome(Plan.model_validate(data), filed)
        assert fast_ == reference
        kinds.append(reference[0])
    return kinds


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    size=st.sampled_from([CorpusSize(2, 8, 5, 30), CorpusSize(1, 12, 3, 12), CorpusSize(2, 5, 8, 60)]),
    faults=st.lists(st.tuples(st.sampled_from(FAULTS), st.integers(0, 10**6), st.integers(0, 10**6)), max_size=3),
)
def test_the_fast_path_gives_the_references_versions_notes_touches_and_errors(tmp_path_factory, seed, size, faults):
    plans, acts = _corpus(tmp_path_factory.mktemp("corpus"), size, seed)
    for kind, which, at in faults:
        ops = acts[which % len(acts)]["operations"]
        _fault(kind, ops, at % len(ops))
    _both(plans, acts)


def test_the_fast_path_takes_the_generated_days_and_meets_errors_through_the_reference(tmp_path):
    plans, acts = _corpus(tmp_path, CorpusSize(2, 10, 5, 30), 7)
    taken = []
    original = fast.fast_day

    def counting(plan: Plan, batch: Any) -> Any:
        found = original(plan, batch)
        taken.append(found is not None)
        return found

    step.fast_day = counting  # type: ignore[attr-defined]
    try:
        assert _both(plans, acts) == ["ok", "ok"]
        assert taken and all(taken)  # valid generated days: every one by the fast path
        taken.clear()
        broken = copy.deepcopy(acts)
        for i in (3, 12):  # an act of each plan (acts 0-9 amend the first, 10-19 the second)
            ops = broken[i]["operations"]
            _fault("missing-row", ops, next(k for k, op in enumerate(ops) if op["op"] in ("replace_row", "delete_row")))
        assert _both(plans, broken) == ["error", "error"]
        assert not all(taken)  # the failing day went to the reference
    finally:
        step.fast_day = original  # type: ignore[attr-defined]


@pytest.mark.parametrize("fault", [None, "undefined-code", "occurrences", "only-deletion"])
def test_the_fast_path_agrees_on_a_ten_thousand_row_plan(tmp_path_factory, fault):
    plans, acts = _big(tmp_path_factory)
    if fault is not None:
        acts = copy.deepcopy(acts)
        for act in acts[5:]:  # an act after the plan has some history
            ops = act["operations"]
            k = next((k for k, op in enumerate(ops) if op["op"] in ("replace_row", "replace_words")), None)
            if k is not None and (fault != "occurrences" or ops[k]["op"] == "replace_words"):
                _fault(fault, ops, k)
                break
        else:
            pytest.fail(f"no act to put {fault} into")
    assert _both(plans, acts) == ["ok" if fault is None else "error"]


_BIG: dict[str, Any] = {}


def _big(factory: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    if not _BIG:
        _BIG["corpus"] = _corpus(factory.mktemp("big"), CorpusSize(1, 30, 5, 10_000), 11)
    return _BIG["corpus"]


def test_each_day_alone_gives_the_references_day(tmp_path):
    plans, acts = _corpus(tmp_path, CorpusSize(1, 15, 5, 40), 3)
    base = Plan.model_validate(plans[0])
    filed = [FiledAmendment(Amendment.model_validate(a), Path(f"{i}.yaml")) for i, a in enumerate(acts)]
    plan = base
    days: dict[dt.date, list[Any]] = {}
    for s in schedule(base, filed):
        days.setdefault(s.day, []).append(s)
    for batch in days.values():
        found = fast.fast_day(plan, batch)
        assert found is not None
        reference = reference_day(plan, batch)
        assert reference.findings == ()
        assert _dump(found) == _dump(reference.plan)
        # What each operation touched, worked out lazily from the plan the day began with (step.Applied)
        lazy = tuple(step.Applied(s, plan=plan).touches for s in batch)
        assert lazy == tuple(a.touches for a in reference.applied)
        plan = reference.plan


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lifecycle"


@pytest.mark.parametrize("case", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_acts_that_amend_acts_give_the_same_timelines_by_either_path(case):
    # Postponed, corrected and repealed acts: derived operations and sources that cite other acts.
    from amend import Repository

    root = FIXTURES / case
    repo = Repository(root if (root / "plans").is_dir() else Path(__file__).resolve().parent.parent)
    extra = [FiledAmendment(Amendment.model_validate(read_yaml(p)), p) for p in sorted(root.rglob("*.yaml"))]
    assert extra  # the case's acts
    for pid, (plan, _) in sorted(repo.plans.items()):
        acts = [*repo.acts_of(pid), *(f for f in extra if f.amendment.amends == pid)]
        with fast_path(False):
            reference = _outcome(plan, acts)
        with fast_path(True):
            assert _outcome(plan, acts) == reference
