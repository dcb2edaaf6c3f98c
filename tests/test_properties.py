"""Properties on generated plans and amendment histories (hypothesis; seeded, so failures replay)."""

from __future__ import annotations

import copy
import datetime as dt
import random
import tempfile
from pathlib import Path

from builders import amendment, plan, row, source
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from pydantic import TypeAdapter

from amend import Operation, Repository, RowNumber, apply, consolidate
from amend.ci.check import check
from amend.engine.timeline import FiledAmendment
from amend.errors import AmendError
from amend.outputs.consolidated import build
from amend.store.serialize import version_data
from amend.store.yaml_io import dump_yaml

OP = TypeAdapter(Operation)
WORDS = ["балалар", "ата-ана", "мектеп", "ақпарат", "шара", "жоспар", "қорғау", "денсаулық"]


def cells(rng: random.Random) -> dict[str, str]:
    return {"measure": " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))), "executors": "ОМ"}


def random_history(seed: int, n_rows: int, n_acts: int) -> tuple[dict, list[dict]]:
    """A base plan (as file data) and amendments (as file data), valid by construction."""
    rng = random.Random(seed)
    numbers = list(range(1, n_rows + 1))
    base_rows = [row(str(n), "1" if n <= n_rows // 2 else "2", None, cells(rng)["measure"]) for n in numbers]
    base = plan(base_rows, sections=[{"number": "1", "title": "Бірінші"}, {"number": "2", "title": "Екінші"}])
    data = base.model_dump(mode="python")
    data["rows"] = base_rows
    data["abbreviations"] = {"ОМ": "Оқу-ағарту министрлігі"}
    for key in ("notes", "deleted_rows", "repealed"):
        data.pop(key)
    current = {str(n): r["section"] for n, r in zip(numbers, base_rows)}
    acts = []
    day = dt.date(2024, 1, 1)
    for k in range(n_acts):
        ops = []
        for _ in range(rng.randint(1, 4)):
            target = rng.choice(sorted(current, key=RowNumber))
            kind = rng.choice(["replace_row", "insert_rows", "replace_cells"])
            if kind == "insert_rows":
                sub = 1
                while f"{target}-{sub}" in current:
                    sub += 1
                number = f"{target}-{sub}"
                current[number] = current[target]
                ops.append(
                    {"op": "insert_rows", "section": current[target], "rows": [{"number": number, "cells": cells(rng)}]}
                )
            elif kind == "replace_row":
                ops.append({"op": "replace_row", "row": target, "cells": cells(rng)})
            else:
                ops.append({"op": "replace_cells", "row": target, "cells": {"measure": cells(rng)["measure"]}})
        # Days never go back, and acts of one day are numbered in order, so by the order rule the
        # acts take effect in the order they were generated in (on which their targets depend).
        day += dt.timedelta(days=rng.choice([0, 0, 1, 30, 365]))
        a = amendment(ops, str(100 + k), day)
        acts.append(a.model_dump(mode="python", exclude_defaults=False))
    return data, acts


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None and v != ()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, RowNumber):
        return str(value)
    return value


def write_repo(root: Path, base: dict, acts: list[dict]) -> None:
    (root / "plans/base").mkdir(parents=True)
    (root / "plans/amendments").mkdir(parents=True)
    (root / "plans/base/100.yaml").write_text(dump_yaml(_clean(base)), encoding="utf-8")
    for a in acts:
        a = _clean(a)
        (root / f"plans/amendments/{a['act']['number']}.yaml").write_text(dump_yaml(a), encoding="utf-8")


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n_rows=st.integers(2, 15), n_acts=st.integers(1, 6))
def test_build_twice_gives_the_same_bytes_and_check_passes(seed, n_rows, n_acts):
    base, acts = random_history(seed, n_rows, n_acts)
    outputs = []
    for _ in range(2):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            write_repo(root, base, acts)
            repo = Repository(root)
            build(repo)
            outputs.append({str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()})
            assert check(Repository(root)) == []
    assert outputs[0] == outputs[1]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n_rows=st.integers(2, 12), n_acts=st.integers(1, 6))
def test_the_order_of_files_does_not_change_the_result(seed, n_rows, n_acts):
    from amend import Amendment, Plan

    base_data, acts_data = random_history(seed, n_rows, n_acts)
    base = Plan.model_validate(_clean(base_data))
    filed = [FiledAmendment(Amendment.model_validate(_clean(a)), Path(f"{i}.yaml")) for i, a in enumerate(acts_data)]
    shuffled = filed[:]
    random.Random(seed).shuffle(shuffled)
    a, b = consolidate(base, filed), consolidate(base, shuffled)
    assert [dump_yaml(version_data(a, v)) for v in a.versions] == [dump_yaml(version_data(b, v)) for v in b.versions]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), st.integers(1, 4)), min_size=1, max_size=15, unique=True))
def test_inserted_numbers_always_stand_in_natural_order(subnumbers):
    p = plan(
        rows=[row(str(n), "1" if n <= 3 else "2") for n in range(1, 7)],
        sections=[{"number": "1", "title": "А"}, {"number": "2", "title": "Б"}],
    )
    for parent, sub in subnumbers:
        number = f"{parent}-{sub}"
        section = "1" if parent <= 3 else "2"
        p = apply(
            p,
            OP.validate_python(
                {
                    "op": "insert_rows",
                    "section": section,
                    "rows": [{"number": number, "cells": {"measure": "x", "executors": "ОМ"}}],
                }
            ),
            source(),
        )
    found = [r.number for r in p.rows]
    assert found == sorted(found)
    assert len(found) == 6 + len(subnumbers)


class PlanMachine(RuleBasedStateMachine):
    """The real engine beside a list-based model of the rows: they must agree after every step."""

    def __init__(self) -> None:
        super().__init__()
        self.plan = plan(
            rows=[row(str(n), "1" if n <= 5 else "2") for n in range(1, 11)],
            sections=[{"number": "1", "title": "А"}, {"number": "2", "title": "Б"}],
        )
        self.model: list[tuple[tuple[int, ...], str, str]] = [
            ((n,), "1" if n <= 5 else "2", f"шара {n}") for n in range(1, 11)
        ]

    def step(self, data: dict) -> None:
        before = self.plan
        frozen = copy.deepcopy(before.model_dump())
        self.plan = apply(before, OP.validate_python(data), source())
        assert before.model_dump() == frozen, "apply mutated its input"
        touched = {data.get("row")} | {r["number"] for r in data.get("rows", [])}
        old = {str(r.number): r for r in before.rows}
        for r in self.plan.rows:
            if str(r.number) not in touched and str(r.number) in old:
                assert r is old[str(r.number)], "an unchanged row was copied, not shared"

    @rule(index=st.integers(0, 1000), measure=st.sampled_from(WORDS))
    def replace(self, index, measure):
        number, section, _ = self.model[index % len(self.model)]
        text = "-".join(map(str, number))
        self.step({"op": "replace_row", "row": text, "cells": {"measure": measure, "executors": "ОМ"}})
        self.model[index % len(self.model)] = (number, section, measure)

    @rule(index=st.integers(0, 1000), measure=st.sampled_from(WORDS))
    def insert(self, index, measure):
        number, section, _ = self.model[index % len(self.model)]
        sub = 1
        while (*number, sub) in {m[0] for m in self.model}:
            sub += 1
        new = (*number, sub)
        self.step(
            {
                "op": "insert_rows",
                "section": section,
                "rows": [{"number": "-".join(map(str, new)), "cells": {"measure": measure, "executors": "ОМ"}}],
            }
        )
        self.model = sorted(self.model + [(new, section, measure)])

    @precondition(lambda self: len(self.model) > 1)
    @rule(index=st.integers(0, 1000))
    def delete(self, index):
        number, _, _ = self.model.pop(index % len(self.model))
        self.step({"op": "delete_row", "row": "-".join(map(str, number))})

    @rule(index=st.integers(0, 1000))
    def insert_taken_number_fails_and_changes_nothing(self, index):
        number, section, _ = self.model[index % len(self.model)]
        before = self.plan
        try:
            apply(
                before,
                OP.validate_python(
                    {
                        "op": "insert_rows",
                        "section": section,
                        "rows": [{"number": "-".join(map(str, number)), "cells": {"measure": "x", "executors": "ОМ"}}],
                    }
                ),
                source(),
            )
        except AmendError as err:
            assert err.rule == "number-taken"
        else:
            raise AssertionError("a taken number was accepted")
        assert self.plan is before

    @invariant()
    def rows_agree_with_the_model(self):
        assert [(r.number.parts, r.section, r.cells["measure"]) for r in self.plan.rows] == [
            (n, s, m) for n, s, m in self.model
        ]


PlanMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=30, deadline=None)
TestPlanMachine = PlanMachine.TestCase
