"""A plan's standing on a day (amend/queries/status.py): force, since, basis, period, acts, the badge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builders import amendment, plan

from amend import consolidate
from amend.engine.base import evolve
from amend.engine.legal import AmendingActs
from amend.engine.timeline import FiledAmendment
from amend.engine.unknown import UNKNOWN
from amend.queries.status import plan_status, standing, status_json

D = dt.date


def filed(*amendments):
    return [FiledAmendment(a, Path(f"plans/amendments/{a.act.number}.yaml")) for a in amendments]


def test_before_entry_into_force_in_force_and_after_repeal():
    repeal = amendment([{"op": "repeal_plan"}], "9", D(2024, 5, 1))
    t = consolidate(plan(), filed(repeal))  # in force on signing, 2023-01-01
    assert plan_status(t, D(2022, 12, 31)).status == "not_yet_in_force"
    found = plan_status(t, D(2024, 4, 30))
    assert (found.status, found.since) == ("in_force", D(2023, 1, 1))
    gone = plan_status(t, D(2024, 5, 1))
    assert (gone.status, gone.since) == ("repealed", D(2024, 5, 1))
    assert "№ 9 қаулысымен" in gone.basis
    shown = standing(t, D(2024, 5, 1))
    assert shown.lines[0] == "Мәртебесі: Күшін жойған"
    assert shown.note == "Ескерту. Күші жойылды - ҚР Үкіметінің 01.05.2024 № 9 қаулысымен."
    assert gone.note == shown.note and found.note is None


def test_the_standing_lines_in_russian_say_the_same_facts_in_russian_words():
    repeal = amendment([{"op": "repeal_plan"}], "9", D(2024, 5, 1))
    t = consolidate(plan(), filed(repeal))
    kk, ru = standing(t, D(2024, 4, 30)), standing(t, D(2024, 4, 30), "ru")
    assert ru.lines[0] == "Статус: действует (по известным актам)" and kk.lines[0].startswith("Мәртебесі: қолданыста")
    assert ru.lines[2].startswith("Учтены известные акты о внесении изменений по состоянию на ")
    assert ru.lines[2].endswith(": нет. Могут быть и другие акты о внесении изменений.")
    gone = standing(t, D(2024, 5, 1), "ru")
    assert gone.lines[0] == "Статус: утративший силу"
    assert gone.note is not None and gone.note.startswith("Сноска. Утратил силу") and "№ 9" in gone.note
    # No Cyrillic letter of Kazakh alone (ә, ғ, қ, ң, ө, ұ, ү, һ, і) in the Russian lines.
    assert not [line for line in gone.lines + ru.lines if set(line) & set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")]


def test_an_unknown_entry_into_force_gives_no_since_and_says_why():
    t = consolidate(evolve(plan(), entry_into_force=UNKNOWN), [])
    found = plan_status(t, D(2023, 6, 1))
    assert found.status == "in_force" and found.since is None and "entry into force is unknown" in found.basis
    assert plan_status(t, D(2022, 6, 1)).status == "not_yet_in_force"


def test_acts_are_listed_once_in_force_and_completeness_only_when_declared():
    a = amendment(
        [{"op": "replace_row", "row": "1", "cells": {"measure": "а", "executors": "ОМ"}}], "5", D(2024, 1, 10)
    )
    t = consolidate(plan(), filed(a))
    assert plan_status(t, D(2024, 1, 9)).acts == ()
    data = status_json(plan_status(t, D(2024, 1, 10)))
    assert data["acts"] == [{"number": "5", "date": "2024-01-10", "in_force": "2024-01-10"}]
    assert data["acts_complete"] is False and data["period"] is None and data["period_ended"] is False
    declared = evolve(plan(), amending_acts=AmendingActs(complete=True, source="реестр"))
    complete = plan_status(consolidate(declared, filed(a)), D(2024, 2, 1))
    assert complete.acts_complete and not complete.currency.endswith("may exist")
    assert standing(consolidate(declared, filed(a)), D(2024, 2, 1)).lines[0] == "Мәртебесі: қолданыста"


def test_the_day_acts_are_known_up_to_is_the_asked_one_or_the_latest_adoption():
    a = amendment(
        [{"op": "replace_row", "row": "1", "cells": {"measure": "а", "executors": "ОМ"}}], "5", D(2024, 1, 10)
    )
    assert plan_status(consolidate(plan(), filed(a)), D(2025, 1, 1)).known_on == D(2024, 1, 10)
    known = plan_status(consolidate(plan(), filed(a), known_on=D(2024, 1, 1)), D(2025, 1, 1))
    assert known.known_on == D(2024, 1, 1) and known.acts == ()
