"""Acts that amend acts (amend/engine/chains.py): moves, corrections and repeals, resolved before the order rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import amendment, plan
from hypothesis import given, settings
from hypothesis import strategies as st

from amend import consolidate
from amend.ci.conflicts import same_day_conflicts
from amend.engine.chains import correct_operation, resolve
from amend.engine.operations import InsertRows
from amend.engine.timeline import FiledAmendment
from amend.errors import AmendError, DateOrder, OccurrencesMismatch, OrderAmbiguous, SchemaError, TargetMissing

D = dt.date


def filed(*amendments):
    return [FiledAmendment(a, Path(f"plans/amendments/{a.act.number}.yaml")) for a in amendments]


def replace(number, measure, **extra):
    return {"op": "replace_row", "row": number, "cells": {"measure": measure, "executors": "ОМ"}, **extra}


def on(day):
    return {"rule": "on_date", "date": day}


def measures(version):
    return [r.cells["measure"] for r in version.plan.rows]


def test_a_move_of_the_whole_act_leaves_operations_with_their_own_dates_alone():
    target = amendment([replace("1", "a"), replace("2", "b", in_force=D(2024, 9, 1))], "5", D(2024, 1, 10))
    mover = amendment([{"op": "reschedule_act", "act": "5", "date": D(2024, 3, 1)}], "6", D(2024, 2, 1))
    t = consolidate(plan(), filed(target, mover))
    assert [v.valid_from for v in t.versions] == [D(2023, 1, 1), D(2024, 3, 1), D(2024, 9, 1)]
    record = next(r for r in t.acts if r.act.number == "5")
    assert record.days == (D(2024, 3, 1), D(2024, 9, 1))
    assert record.amended_by == ((mover.act,), ())


def test_a_move_can_bring_an_act_forward():
    target = amendment([replace("1", "a")], "5", D(2024, 1, 10), on(D(2024, 12, 1)))
    mover = amendment([{"op": "reschedule_act", "act": "5", "date": D(2024, 6, 1)}], "6", D(2024, 2, 1))
    t = consolidate(plan(), filed(target, mover))
    assert measures(t.in_force_at(D(2024, 6, 1)))[0] == "a"
    assert measures(consolidate(plan(), filed(target)).in_force_at(D(2024, 6, 1)))[0] == "шара 1"


def test_a_late_correction_of_inserted_rows_replaces_the_words_on_its_own_day():
    insert = {
        "op": "insert_rows",
        "section": "1",
        "subsection": "1.1",
        "rows": [{"number": "1-1", "cells": {"measure": "жаңа шара", "executors": "ОМ"}}],
    }
    target = amendment([insert], "5", D(2024, 1, 10))
    fix = amendment(
        [{"op": "correct_act", "act": "5", "operation": 1, "old": "жаңа", "new": "түзетілген", "occurrences": 1}],
        "6",
        D(2024, 2, 1),
        on(D(2024, 4, 1)),
    )
    t = consolidate(plan(), filed(target, fix))
    assert measures(t.in_force_at(D(2024, 3, 31)))[1] == "жаңа шара"
    assert measures(t.in_force_at(D(2024, 4, 1)))[1] == "түзетілген шара"
    change = t.latest.plan.rows[1].history[-1]
    assert (change.act, change.corrects, change.kind.value) == ("6", "5", "words_replaced")


def test_a_correction_must_find_its_words_as_often_as_it_says():
    target = amendment([replace("1", "бір сөз")], "5", D(2024, 1, 10))
    fix = amendment(
        [{"op": "correct_act", "act": "5", "operation": 1, "old": "сөз", "new": "сөйлем", "occurrences": 2}],
        "6",
        D(2024, 2, 1),
    )
    with pytest.raises(OccurrencesMismatch) as caught:
        consolidate(plan(), filed(target, fix))
    assert caught.value.path == ("operations", 0, "occurrences")


def test_a_late_correction_of_a_new_section_is_refused():
    target = amendment([{"op": "add_section", "number": "3", "title": "Үшінші бөлім"}], "5", D(2024, 1, 10))
    fix = amendment(
        [{"op": "correct_act", "act": "5", "operation": 1, "old": "Үшінші", "new": "Төртінші", "occurrences": 1}],
        "6",
        D(2024, 2, 1),
    )
    with pytest.raises(AmendError, match="must take effect with it"):
        consolidate(plan(), filed(target, fix))


def test_a_target_that_is_not_an_act_of_the_plan_or_an_operation_it_lacks_is_target_missing():
    mover = amendment([{"op": "reschedule_act", "act": "77", "date": D(2024, 3, 1)}], "6", D(2024, 2, 1))
    with pytest.raises(TargetMissing) as caught:
        consolidate(plan(), filed(mover))
    assert caught.value.path == ("operations", 0, "act")
    target = amendment([replace("1", "a")], "5", D(2024, 1, 10))
    repeal = amendment([{"op": "repeal_act", "act": "5", "operations": [1, 3]}], "6", D(2024, 2, 1))
    with pytest.raises(TargetMissing) as caught:
        consolidate(plan(), filed(target, repeal))
    assert caught.value.path == ("operations", 0, "operations", 1)


def test_acts_that_repeal_each_other_are_a_cycle_and_an_error():
    a = amendment([{"op": "repeal_act", "act": "6"}], "5", D(2024, 1, 10))
    b = amendment([{"op": "repeal_act", "act": "5"}], "6", D(2024, 2, 1))
    with pytest.raises(OrderAmbiguous, match="by itself"):
        consolidate(plan(), filed(a, b))


def test_a_moved_act_that_lands_on_another_acts_day_is_a_same_day_conflict():
    moved = amendment([replace("1", "a")], "5", D(2024, 1, 10))
    other = amendment([replace("1", "b")], "7", D(2024, 3, 1))
    mover = amendment([{"op": "reschedule_act", "act": "5", "date": D(2024, 3, 1)}], "6", D(2024, 2, 1))
    acts = filed(moved, other, mover)
    timeline = consolidate(plan(), acts)
    [conflict] = same_day_conflicts(timeline)
    assert "act 5" in conflict.message and "act 7" in conflict.message and "2024-03-01" in conflict.message
    assert same_day_conflicts(consolidate(plan(), acts[:2])) == []


def test_correct_operation_counts_the_words_in_every_text_the_operation_writes():
    op = InsertRows.model_validate(
        {
            "op": "insert_rows",
            "section": "1",
            "rows": [
                {"number": "1-1", "cells": {"measure": "а және а", "executors": "ОМ"}},
                {"number": "1-2", "cells": {"measure": "а", "executors": "ОМ"}},
            ],
        }
    )
    corrected, count = correct_operation(op, "а", "б")
    assert count == 3
    assert [r.cells["measure"] for r in corrected.rows] == ["б және б", "б"]  # type: ignore[union-attr]


def test_resolve_leaves_acts_nobody_amends_as_written():
    target = amendment([replace("1", "a"), replace("2", "b", in_force=D(2024, 9, 1))], "5", D(2024, 1, 10))
    [record] = resolve(filed(target)).records.values()
    assert record.days == (D(2024, 1, 10), D(2024, 9, 1)) and record.events == () and record.in_force == D(2024, 1, 10)


DAYS = st.dates(D(2024, 1, 10), D(2024, 12, 31))


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(st.sampled_from(["1", "2", "3", "4"]), min_size=1, max_size=4, unique=True),
    effective=DAYS,
    repeal_offset=st.integers(0, 200),
)
def test_an_act_repealed_on_or_before_its_day_leaves_every_version_as_if_it_never_was(rows, effective, repeal_offset):
    target = amendment([replace(r, f"жаңа {r}") for r in rows], "5", D(2024, 1, 10), on(effective))
    repeal_day = max(D(2024, 1, 10), effective - dt.timedelta(days=repeal_offset))
    repeal = amendment([{"op": "repeal_act", "act": "5"}], "6", D(2024, 1, 10), on(repeal_day))
    with_both = consolidate(plan(), filed(target, repeal))
    without = consolidate(plan(), [])
    assert [(v.valid_from, v.valid_to) for v in with_both.versions] == [
        (v.valid_from, v.valid_to) for v in without.versions
    ]
    assert with_both.latest.plan.rows == without.latest.plan.rows


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.sampled_from(["1", "2", "3", "4"]), min_size=1, max_size=4, unique=True), day=DAYS)
def test_a_move_to_a_day_gives_the_versions_of_an_act_written_with_that_day(rows, day):
    ops = [replace(r, f"жаңа {r}") for r in rows]
    moved = amendment(ops, "5", D(2024, 1, 10))
    mover = amendment([{"op": "reschedule_act", "act": "5", "date": day}], "6", D(2024, 1, 10))
    as_written = amendment(ops, "5", D(2024, 1, 10), on(day))
    a = consolidate(plan(), filed(moved, mover))
    b = consolidate(plan(), filed(as_written))
    assert [v.valid_from for v in a.versions] == [v.valid_from for v in b.versions]
    assert [measures(v) for v in a.versions] == [measures(v) for v in b.versions]


def test_a_move_to_before_the_plan_is_in_force_is_a_date_order_error():
    target = amendment([replace("1", "a")], "5", D(2024, 1, 10))
    mover = amendment([{"op": "reschedule_act", "act": "5", "date": D(2022, 3, 1)}], "6", D(2024, 2, 1))
    with pytest.raises(DateOrder) as caught:
        consolidate(plan(), filed(target, mover))
    assert caught.value.path == ("operations", 0, "date")


def test_a_correction_of_an_operation_the_act_lacks_points_at_its_number():
    target = amendment([replace("1", "a")], "5", D(2024, 1, 10))
    fix = amendment(
        [{"op": "correct_act", "act": "5", "operation": 2, "old": "a", "new": "b", "occurrences": 1}],
        "6",
        D(2024, 2, 1),
    )
    with pytest.raises(TargetMissing) as caught:
        consolidate(plan(), filed(target, fix))
    assert caught.value.path == ("operations", 0, "operation")


def test_two_moves_of_one_act_on_one_day_follow_the_order_rule_392_before_1005():
    # Same day, same adoption date: the act number decides, in natural order (392 < 1005, where a
    # string sort would put "1005" first). The later one in that order, 1005, sets the day that stands.
    target = amendment([replace("1", "a")], "50", D(2024, 1, 10), on(D(2024, 12, 1)))
    first = amendment([{"op": "reschedule_act", "act": "50", "date": D(2024, 6, 1)}], "392", D(2024, 2, 1))
    second = amendment([{"op": "reschedule_act", "act": "50", "date": D(2024, 8, 1)}], "1005", D(2024, 2, 1))
    for acts in ((first, second), (second, first)):
        t = consolidate(plan(), filed(target, *acts))
        record = next(r for r in t.acts if r.act.number == "50")
        assert record.days == (D(2024, 8, 1),)
        assert [e.by.number for e in record.events] == ["392", "1005"]


# -- which texts an operation writes (``texts``), and a correction of each kind ----------------------------

# One operation of each kind that writes text, each of its texts "сөз" (or an executor's code).
WRITERS = [
    replace("1", "сөз"),
    {"op": "replace_cells", "row": "1", "cells": {"measure": "сөз"}},
    {"op": "insert_rows", "section": "1", "rows": [{"number": "1-1", "cells": {"measure": "сөз", "executors": "ОМ"}}]},
    {"op": "replace_words", "old": "шара", "new": "сөз", "occurrences": 1, "row": "1"},
    {"op": "add_abbreviations", "entries": {"ЖМ": "сөз"}},
    {"op": "replace_abbreviation", "code": "ОМ", "expansion": "сөз"},
    {"op": "set_title", "section": "1", "title": "сөз"},
    {
        "op": "add_section",
        "number": "3",
        "title": "сөз",
        "subsections": [{"number": "3.1", "title": "сөз"}],
        "rows": [{"number": "90", "subsection": "3.1", "cells": {"measure": "сөз", "executors": "ОМ"}}],
    },
    {"op": "add_subsection", "section": "1", "number": "1.9", "title": "сөз"},
    {"op": "replace_text", "element": "title", "text": "сөз"},
    {"op": "insert_text", "element": "note 9", "text": "сөз"},
    {"op": "replace_signatory", "position": "сөз", "name": "сөз"},
    {"op": "replace_words_in", "element": "title", "old": "Қаулы", "new": "сөз", "occurrences": 1},
    {"op": "add_column", "id": "extra", "title": "сөз", "cells": {"1": "сөз"}},
    {"op": "rename_column", "id": "measure", "title": "сөз"},
]


@pytest.mark.parametrize("data", WRITERS, ids=lambda d: d["op"])
def test_a_correction_rewrites_every_text_an_operation_writes(data):
    op = amendment([data]).operations[0]
    texts = op.texts()
    holding = [path for path, text in texts if text == "сөз"]
    assert holding and all(text in ("сөз", "ОМ") for _, text in texts)  # the executors named are texts too
    corrected, found = correct_operation(op, "сөз", "сөйлем")
    assert found == len(holding)
    assert corrected.texts() == tuple((path, "сөйлем" if path in holding else text) for path, text in texts)
    assert type(corrected) is type(op) and op.texts() == texts  # the operation itself is a value


def test_a_correction_of_the_title_an_add_column_wrote_applies_with_it():
    target = amendment([{"op": "add_column", "id": "extra", "title": "Қосымша баған"}], "5", D(2024, 1, 10))
    fix = amendment(
        [{"op": "correct_act", "act": "5", "operation": 1, "old": "баған", "new": "бағана", "occurrences": 1}],
        "6",
        D(2024, 1, 5),
    )
    t = consolidate(plan(), filed(target, fix))
    assert [c.title for c in t.latest.plan.columns if c.id == "extra"] == ["Қосымша бағана"]


@pytest.mark.parametrize(
    "data",
    [
        {"op": "delete_row", "row": "1"},
        {"op": "move_row", "row": "1", "section": "2"},
        {"op": "delete_abbreviation", "code": "ОМ"},
        {"op": "renumber", "element": "row 1", "to": "7"},
    ],
    ids=lambda d: d["op"],
)
def test_a_correction_of_a_kind_that_writes_no_text_is_refused_naming_the_kind(data):
    op = amendment([data]).operations[0]
    assert op.texts() == ()
    target = amendment([data], "5", D(2024, 1, 10))
    fix = amendment(
        [{"op": "correct_act", "act": "5", "operation": 1, "old": "шара", "new": "іс", "occurrences": 1}],
        "6",
        D(2024, 1, 5),
    )
    with pytest.raises(SchemaError) as caught:
        consolidate(plan(), filed(target, fix))
    assert caught.value.message == (
        f"operation 1 of act 5 is a {data['op']}, which writes no text: a correction of its words cannot apply to it"
    )
    assert caught.value.path == ("operations", 0, "operation")
