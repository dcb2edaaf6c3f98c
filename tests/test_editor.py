"""One plan editor per day against one editor per operation: the same versions, notes, touches and errors,
on generated corpora (the day step, ``step.apply_day``, against ``step.apply_each``).

Corpora come from the benchmark's generator (valid by construction); faults are then drawn into them
(a missing row, a wrong count of words, a taken number, an undefined executor code, an abbreviation
deleted while in use, ...), together with operations on headings, texts, columns and the structure, so
that one editor meets every kind of handler and errors come from each.
"""

from __future__ import annotations

import copy
import datetime as dt
from itertools import groupby
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amend import Amendment, Plan
from amend.engine import step
from amend.engine.step import DayResult, apply_day, apply_each
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
    "renumber-row",
    "move-row",
    "section-words",
    "add-column",
    "rename-column",
    "delete-section",
    "insert-note",
    "add-section",
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
    elif kind == "plan-wide-words":  # over the whole plan: may fail or not
        ops.insert(at, {"op": "replace_words", "old": "балалар", "new": "жастар", "occurrences": 1})
    elif kind == "set-title":  # a heading, mixed into a day of rows
        ops.insert(at, {"op": "set_title", "section": "1", "title": "Жаңа атау"})
    elif kind == "replace-abbreviation":  # valid: the note in new wording
        ops.insert(at, {"op": "replace_abbreviation", "code": "ДСМ", "expansion": "жаңа атауы"})
    elif kind == "renumber-row" and "row" in op:  # its identity kept; later operations name the old number
        ops.insert(at, {"op": "renumber", "element": f"row {op['row']}", "to": "9000"})
    elif kind == "move-row" and "row" in op:
        ops.insert(at, {"op": "move_row", "row": op["row"], "section": "2"})
    elif kind == "section-words":  # a word replacement over a section: its touches read the rows
        ops.insert(at, {"op": "replace_words", "old": "балалар", "new": "жастар", "occurrences": 2, "section": "1"})
    elif kind == "add-column":  # an executors column: every row gets an unknown cell, one row a code
        ops.insert(
            at, {"op": "add_column", "id": "extra", "title": "Қосымша", "role": "executors", "cells": {"1": "ЖЖЖ"}}
        )
    elif kind == "rename-column":
        ops.insert(at, {"op": "rename_column", "id": "form", "title": "Аяқтау нысаны"})
    elif kind == "delete-section":
        ops.insert(at, {"op": "delete_section", "number": "2"})
    elif kind == "insert-note":
        ops.insert(at, {"op": "insert_text", "element": "note 1", "text": "Ескертпе мәтіні"})
    elif kind == "add-section":  # with a row, inserted as an insertion into it would be
        new_row = {"number": "9500", "cells": {"measure": "жаңа", "form": "бұйрық", "executors": "ОМ"}}
        ops.insert(at, {"op": "add_section", "number": "99", "title": "Жаңа бөлім", "rows": [new_row]})


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


def _day_outcome(result: DayResult) -> tuple[Any, ...]:
    return (
        _dump(result.plan),
        [(a.scheduled, a.touches) for a in result.applied],
        [(type(e).__name__, e.message, e.path, e.file, e.hint) for e in result.findings],
    )


def _each_day_agrees(base: Plan, filed: list[FiledAmendment]) -> str:
    """Walk the schedule day by day as consolidation does, asserting that one editor for the day gives what
    one editor per operation gives; the outcome's kind ("ok", or "error" at the first failing day)."""
    try:
        steps = schedule(base, filed)
    except AmendError:
        return "error"
    plan = base
    for _, batch in groupby(steps, key=lambda s: s.day):
        ops = list(batch)
        day = apply_day(plan, ops)
        assert _day_outcome(day) == _day_outcome(apply_each(plan, ops))
        if day.findings:
            return "error"
        plan = day.plan
    return "ok"


def _both(plans: list[dict[str, Any]], acts: list[dict[str, Any]]) -> list[str]:
    """Every plan's days by both; the outcomes' kinds (consolidation agreeing with the day walk)."""
    filed = [
        FiledAmendment(Amendment.model_validate(a), Path(f"plans/amendments/{i}.yaml")) for i, a in enumerate(acts)
    ]
    kinds = []
    for data in plans:
        base = Plan.model_validate(data)
        kind = _each_day_agrees(base, filed)
        assert _outcome(base, filed)[0] == kind
        kinds.append(kind)
    return kinds


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    size=st.sampled_from([CorpusSize(2, 8, 5, 30), CorpusSize(1, 12, 3, 12), CorpusSize(2, 5, 8, 60)]),
    faults=st.lists(st.tuples(st.sampled_from(FAULTS), st.integers(0, 10**6), st.integers(0, 10**6)), max_size=3),
)
def test_one_editor_per_day_gives_what_one_editor_per_operation_gives(tmp_path_factory, seed, size, faults):
    plans, acts = _corpus(tmp_path_factory.mktemp("corpus"), size, seed)
    for kind, which, at in faults:
        ops = acts[which % len(acts)]["operations"]
        _fault(kind, ops, at % len(ops))
    _both(plans, acts)


def test_one_editor_takes_each_valid_day_and_an_error_is_placed_one_operation_at_a_time(tmp_path, monkeypatch):
    plans, acts = _corpus(tmp_path, CorpusSize(2, 10, 5, 30), 7)
    again = []
    original = step.apply_each

    def counting(plan: Plan, batch: Any) -> DayResult:
        again.append(len(batch))
        return original(plan, batch)

    monkeypatch.setattr(step, "apply_each", counting)
    filed = [FiledAmendment(Amendment.model_validate(a), Path(f"{i}.yaml")) for i, a in enumerate(acts)]
    assert [_outcome(Plan.model_validate(p), filed)[0] for p in plans] == ["ok", "ok"]
    assert again == []  # valid generated days: one editor each, never run again
    broken = copy.deepcopy(acts)
    for i in (3, 12):  # an act of each plan (acts 0-9 amend the first, 10-19 the second)
        ops = broken[i]["operations"]
        _fault("missing-row", ops, next(k for k, op in enumerate(ops) if op["op"] in ("replace_row", "delete_row")))
    filed = [FiledAmendment(Amendment.model_validate(a), Path(f"{i}.yaml")) for i, a in enumerate(broken)]
    outcomes = [_outcome(Plan.model_validate(p), filed) for p in plans]
    assert [o[0] for o in outcomes] == ["error", "error"]
    assert len(again) == 2  # each failing day, once more one operation at a time, to place its error
    assert all(o[1] == "TargetMissing" and o[3][0] == "operations" for o in outcomes)


@pytest.mark.parametrize("fault", [None, "undefined-code", "occurrences", "only-deletion"])
def test_one_editor_per_day_agrees_on_a_ten_thousand_row_plan(tmp_path_factory, fault):
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


def test_touches_worked_out_lazily_are_those_of_the_plan_each_operation_applied_to(tmp_path):
    plans, acts = _corpus(tmp_path, CorpusSize(1, 15, 5, 40), 3)
    base = Plan.model_validate(plans[0])
    filed = [FiledAmendment(Amendment.model_validate(a), Path(f"{i}.yaml")) for i, a in enumerate(acts)]
    plan = base
    days: dict[dt.date, list[Any]] = {}
    for s in schedule(base, filed):
        days.setdefault(s.day, []).append(s)
    for batch in days.values():
        day = apply_day(plan, batch)
        each = apply_each(plan, batch)
        assert day.findings == each.findings == ()
        assert _dump(day.plan) == _dump(each.plan)
        assert tuple(a.touches for a in day.applied) == tuple(a.touches for a in each.applied)
        plan = day.plan


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lifecycle"


@pytest.mark.parametrize("case", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_acts_that_amend_acts_give_the_same_days_by_one_editor_per_day_or_per_operation(case):
    # Postponed, corrected and repealed acts: derived operations and sources that cite other acts.
    from amend import Repository

    root = FIXTURES / case
    repo = Repository(root if (root / "plans").is_dir() else Path(__file__).resolve().parent.parent)
    extra = [FiledAmendment(Amendment.model_validate(read_yaml(p)), p) for p in sorted(root.rglob("*.yaml"))]
    assert extra  # the case's acts
    for pid, (plan, _) in sorted(repo.plans.items()):
        acts = [*repo.acts_of(pid), *(f for f in extra if f.amendment.amends == pid)]
        assert _each_day_agrees(plan, acts) == _outcome(plan, acts)[0]
