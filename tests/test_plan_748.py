"""End to end on the real Resolution 748 as amended by Resolution 392."""

from __future__ import annotations

import datetime as dt

from amend import UNKNOWN, RowNumber, gaps, row_history

BEFORE, ON = dt.date(2025, 5, 29), dt.date(2025, 5, 30)
ADDED_BY_392 = {"КМ", "МАМ", "ӨҚМ", "ТСМ"}


def numbers(version):
    return [str(r.number) for r in version.plan.rows]


def test_there_are_two_versions_2023_08_31_and_2025_05_30(timeline_748):
    assert [(v.valid_from, v.valid_to, v.acts) for v in timeline_748.versions] == [
        (dt.date(2023, 8, 31), BEFORE, ()),
        (ON, None, ("392",)),
    ]


def test_row_23_1_sits_between_23_and_the_next_row_only_from_2025_05_30(timeline_748):
    before, on = numbers(timeline_748.in_force_at(BEFORE)), numbers(timeline_748.in_force_at(ON))
    assert "23-1" not in before
    i = on.index("23-1")
    assert on[i - 1] == "23" and on[i + 1] == before[before.index("23") + 1]
    assert timeline_748.in_force_at(ON).plan.row(RowNumber("23-1")).subsection == "1.2"


def test_row_6_is_unknown_before_392_and_392s_wording_after(timeline_748):
    old = timeline_748.in_force_at(BEFORE).plan.row(RowNumber("6"))
    new = timeline_748.in_force_at(ON).plan.row(RowNumber("6"))
    assert all(t is UNKNOWN for t in old.cells.values())
    assert new.cells == {
        "measure": "Балаларға қатысты зорлық-зомбылық пен жәбірлеуге қарсы ұлттық ақпараттық науқан жүргізу",
        "form": "ақпараттық науқан",
        "deadline": "жыл сайын желтоқсан",
        "executors": "ОМ, МАМ, ЖАО",
        "cost": "талап етілмейді",
        "funding": "-",
    }
    assert new.history[-1].note == "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."


def test_the_four_abbreviations_appear_on_2025_05_30(timeline_748):
    before = timeline_748.in_force_at(BEFORE).plan.abbreviations
    on = timeline_748.in_force_at(ON).plan.abbreviations
    assert not ADDED_BY_392 & set(before)
    assert set(on) >= ADDED_BY_392
    assert on["КМ"].expansion == "Қазақстан Республикасы Көлік министрлігі"  # as written, without -ның


def test_392_inserts_eleven_rows_and_replaces_six(timeline_748):
    on = timeline_748.in_force_at(ON).plan
    kinds = [r.history[-1].kind.value for r in on.rows if r.history]
    assert kinds.count("inserted") == 11 and kinds.count("replaced") == 6
    assert len(on.rows) == len(timeline_748.in_force_at(BEFORE).plan.rows) + 11


def test_odd_figures_are_kept_as_written(timeline_748):
    cost = timeline_748.in_force_at(ON).plan.row(RowNumber("44")).cells["cost"]
    assert "1001355, 68 млн теңге" in cost


def test_gaps_report_what_748_does_not_give(timeline_748):
    found = [str(g) for g in gaps(timeline_748.in_force_at(BEFORE).plan)]
    assert "row 23: every cell" in found
    assert "abbreviation ОМ: expansion" in found
    assert any(g.startswith("rows: the list of rows is incomplete") for g in found)
    after = [str(g) for g in gaps(timeline_748.in_force_at(ON).plan)]
    assert "row 6: every cell" not in after and "row 6: subsection (within section 1)" in after


def test_history_of_row_28_says_when_and_by_which_act_it_changed(timeline_748):
    states = row_history(timeline_748, RowNumber("28"))
    assert [(s.valid_from, s.change.act if s.change else None) for s in states] == [
        (dt.date(2023, 8, 31), None),
        (ON, "392"),
    ]
