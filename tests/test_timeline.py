from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import amendment, plan

from amend import consolidate
from amend.engine.timeline import FiledAmendment
from amend.errors import AbbreviationInUse, AbbreviationUndefined, DateOrder, NotInForce, OrderAmbiguous

D = dt.date


def filed(*amendments):
    return [FiledAmendment(a, Path(f"plans/amendments/{a.act.number}.yaml")) for a in amendments]


def replace(number, measure, **extra):
    return {"op": "replace_row", "row": number, "cells": {"measure": measure, "executors": "ОМ"}, **extra}


def test_one_version_per_day_each_valid_until_the_day_before_the_next():
    t = consolidate(
        plan(),
        filed(amendment([replace("1", "a")], "5", D(2024, 1, 10)), amendment([replace("2", "b")], "6", D(2024, 3, 1))),
    )
    assert [(v.valid_from, v.valid_to, v.acts) for v in t.versions] == [
        (D(2023, 1, 1), D(2024, 1, 9), ()),
        (D(2024, 1, 10), D(2024, 2, 29), ("5",)),
        (D(2024, 3, 1), None, ("6",)),
    ]


def test_in_force_at_finds_the_version_of_a_day_and_refuses_days_before_the_plan():
    t = consolidate(plan(), filed(amendment([replace("1", "a")], "5", D(2024, 1, 10))))
    assert t.in_force_at(D(2024, 1, 9)).plan.rows[0].cells["measure"] == "шара 1"
    assert t.in_force_at(D(2024, 1, 10)).plan.rows[0].cells["measure"] == "a"
    assert t.in_force_at(D(2999, 1, 1)).valid_from == D(2024, 1, 10)
    with pytest.raises(NotInForce, match="not yet in force on 2022-12-31"):
        t.in_force_at(D(2022, 12, 31))


def test_order_is_entry_into_force_then_adoption_then_number_then_file_order():
    # Adopted first but in force later: applied later, whatever the file order.
    late = amendment([replace("1", "late")], "2", D(2024, 1, 1), {"rule": "on_date", "date": D(2024, 6, 1)})
    early = amendment([replace("1", "early")], "9", D(2024, 2, 1))
    same_day_low = amendment([replace("2", "low")], "10", D(2024, 2, 1))
    t = consolidate(plan(), filed(late, same_day_low, early))
    v = t.in_force_at(D(2024, 2, 1))
    assert v.acts == ("9", "10")  # natural number order: 9 before 10
    assert t.latest.plan.rows[0].cells["measure"] == "late"


def test_staggered_operations_take_effect_on_their_own_dates():
    a = amendment([replace("1", "now"), replace("2", "later", in_force=D(2025, 1, 1))], "5", D(2024, 1, 10))
    t = consolidate(plan(), filed(a))
    assert [v.valid_from for v in t.versions] == [D(2023, 1, 1), D(2024, 1, 10), D(2025, 1, 1)]
    assert t.in_force_at(D(2024, 6, 1)).plan.rows[1].cells["measure"] == "шара 2"
    assert t.in_force_at(D(2025, 1, 1)).plan.rows[1].cells["measure"] == "later"


def test_drafts_and_other_plans_amendments_are_not_consolidated():
    t = consolidate(
        plan(),
        filed(amendment([replace("1", "x")], "5", status="draft"), amendment([replace("1", "y")], "6", amends="999")),
    )
    assert len(t.versions) == 1


def test_two_acts_with_the_same_number_and_date_cannot_be_ordered():
    with pytest.raises(OrderAmbiguous):
        consolidate(plan(), filed(amendment([replace("1", "x")], "5"), amendment([replace("2", "y")], "5")))


def test_an_act_cannot_take_effect_before_the_plan():
    a = amendment([replace("1", "x")], "5", D(2024, 1, 10), {"rule": "on_date", "date": D(2022, 1, 1)})
    with pytest.raises(DateOrder):
        consolidate(plan(), filed(a))


def test_repeal_ends_the_last_version_the_day_before():
    t = consolidate(plan(), filed(amendment([{"op": "repeal_plan"}], "5", D(2024, 1, 10))))
    assert t.repealed_on == D(2024, 1, 10)
    assert t.latest.valid_to == D(2024, 1, 9)
    with pytest.raises(NotInForce, match="repealed"):
        t.in_force_at(D(2024, 1, 10))


def test_executor_codes_must_be_defined_on_the_day_not_op_by_op():
    # A row naming a code and the note line adding it, in one act: fine, whatever their order.
    ops = [
        {"op": "replace_row", "row": "1", "cells": {"measure": "x", "executors": "ОМ, КМ"}},
        {"op": "add_abbreviations", "entries": {"КМ": "Көлік министрлігі"}},
    ]
    t = consolidate(plan(), filed(amendment(ops, "5")))
    assert "КМ" in t.latest.plan.abbreviations
    with pytest.raises(AbbreviationUndefined, match="row 1 names КМ"):
        consolidate(plan(), filed(amendment(ops[:1], "5")))


def test_deleting_a_code_still_in_use_is_refused():
    with pytest.raises(AbbreviationInUse, match="abbreviation ОМ is deleted \\(operation 1\\) while row 1"):
        consolidate(plan(), filed(amendment([{"op": "delete_abbreviation", "code": "ОМ"}], "5")))


@pytest.mark.parametrize("column", ["executors", None])
def test_words_replaced_in_one_row_cannot_bring_in_an_undefined_code(column):
    # One row's replacement whose scope holds the executors column: the day's check reads that row.
    words = {"op": "replace_words", "old": "ОМ", "new": "ХМ", "occurrences": 1, "row": "2", "column": column}
    with pytest.raises(AbbreviationUndefined, match="row 2 names ХМ"):
        consolidate(plan(), filed(amendment([words], "5")))


def test_words_replaced_plan_wide_cannot_bring_in_an_undefined_code():
    words = {"op": "replace_words", "old": "ОМ", "new": "ХМ", "occurrences": 4, "column": "executors"}
    with pytest.raises(AbbreviationUndefined, match="names ХМ"):
        consolidate(plan(), filed(amendment([words], "5")))
