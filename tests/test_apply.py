from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import amendment, plan, row, source
from pydantic import TypeAdapter

from amend import UNKNOWN, Operation, apply
from amend.engine.editor import PlanEditor
from amend.engine.step import apply_day, apply_each
from amend.engine.timeline import FiledAmendment, schedule
from amend.errors import (
    AbbreviationTaken,
    ColumnsMismatch,
    NumberTaken,
    OccurrencesMismatch,
    ParentMissing,
    Repealed,
    RowOrder,
    TargetDeleted,
    TargetMissing,
)

OP = TypeAdapter(Operation)


def op(**data):
    return OP.validate_python(data)


def numbers(p):
    return [str(r.number) for r in p.rows]


def cells(measure, executors="ОМ"):
    return {"measure": measure, "executors": executors}


def test_replace_row_gives_new_wording_and_leaves_the_input_alone():
    before = plan()
    snapshot = before.model_dump()
    after = apply(before, op(op="replace_row", row="2", cells=cells("жаңа")), source())
    assert after.row(after.rows[1].number).cells["measure"] == "жаңа"
    assert before.model_dump() == snapshot
    assert after.rows[1].history[-1].note.startswith("Ескерту. 2-жол жаңа редакцияда - ҚР Үкіметінің 10.01.2024 № 1")


def test_unchanged_rows_are_shared_not_copied():
    before = plan()
    after = apply(before, op(op="replace_row", row="2", cells=cells("жаңа")), source())
    assert all(a is b for a, b in zip(before.rows, after.rows) if str(a.number) != "2")
    assert after.abbreviations is before.abbreviations or after.abbreviations == before.abbreviations


def test_replace_row_in_the_wrong_section_is_refused():
    with pytest.raises(TargetMissing, match="row 4 is in section 2, not in section 1"):
        apply(plan(), op(op="replace_row", row="4", section="1", cells=cells("x")), source())


def test_replace_row_of_a_missing_row_names_the_row_and_the_date():
    with pytest.raises(TargetMissing, match="row 9 does not exist in plan 100 as of 2024-01-10"):
        apply(plan(), op(op="replace_row", row="9", cells=cells("x")), source())


def test_a_new_wording_must_give_every_column():
    with pytest.raises(ColumnsMismatch, match="missing column executors"):
        apply(plan(), op(op="replace_row", row="2", cells={"measure": "x"}), source())


def test_inserted_rows_go_right_after_their_parent_in_number_order():
    p = apply(
        plan(),
        op(
            op="insert_rows",
            section="1",
            subsection="1.2",
            rows=[{"number": "2-2", "cells": cells("b")}, {"number": "2-1", "cells": cells("a")}],
        ),
        source(),
    )
    assert numbers(p) == ["1", "2", "2-1", "2-2", "3", "4"]
    assert p.row(p.rows[2].number).subsection == "1.2"
    assert p.rows[2].history[0].note.startswith("Ескерту. Жоспар 2-1-жолмен толықтырылды")


def test_inserting_a_taken_number_is_refused():
    with pytest.raises(NumberTaken, match="row 3 already exists"):
        apply(plan(), op(op="insert_rows", section="1", rows=[{"number": "3", "cells": cells("x")}]), source())


def test_inserting_after_a_parent_in_another_subsection_is_refused():
    with pytest.raises(ParentMissing, match=r"row 1-1 goes after row 1, which is not in subsection 1\.2"):
        apply(
            plan(),
            op(op="insert_rows", section="1", subsection="1.2", rows=[{"number": "1-1", "cells": cells("x")}]),
            source(),
        )


def test_inserting_without_the_parent_is_refused():
    with pytest.raises(ParentMissing, match="needs row 7 before it"):
        apply(plan(), op(op="insert_rows", section="2", rows=[{"number": "7-1", "cells": cells("x")}]), source())


def test_a_top_level_number_must_fit_the_section_order():
    p = plan(rows=[row("1", "1", "1.1"), row("5", "2")])
    q = apply(
        p, op(op="insert_rows", section="1", subsection="1.2", rows=[{"number": "3", "cells": cells("x")}]), source()
    )
    assert numbers(q) == ["1", "3", "5"]
    with pytest.raises(RowOrder, match="row 6 would stand between rows of other"):
        apply(p, op(op="insert_rows", section="1", rows=[{"number": "6", "cells": cells("x")}]), source())


def test_inserting_into_a_missing_subsection_is_refused():
    with pytest.raises(TargetMissing, match=r"subsection 1\.9 does not exist in section 1"):
        apply(
            plan(),
            op(op="insert_rows", section="1", subsection="1.9", rows=[{"number": "2-1", "cells": cells("x")}]),
            source(),
        )


def test_delete_row_removes_it_and_remembers_by_which_act():
    p = apply(plan(), op(op="delete_row", row="3"), source("7"))
    assert numbers(p) == ["1", "2", "4"]
    with pytest.raises(TargetDeleted, match="act 7 deleted it"):
        apply(p, op(op="replace_row", row="3", cells=cells("x")), source())


def test_replace_cells_keeps_the_other_cells():
    p = apply(plan(), op(op="replace_cells", row="1", cells={"measure": "жаңа"}), source())
    assert p.rows[0].cells == {"measure": "жаңа", "executors": "ОМ"}


def test_replace_words_checks_the_number_of_occurrences():
    p = plan(rows=[row("1", "1", "1.1", "ата-ана және ата-ана"), row("2", "1", "1.2", "ата-ана")])
    q = apply(p, op(op="replace_words", old="ата-ана", new="заңды өкіл", occurrences=3), source())
    assert [r.cells["measure"] for r in q.rows] == ["заңды өкіл және заңды өкіл", "заңды өкіл"]
    with pytest.raises(OccurrencesMismatch, match="occurs 2 time\\(s\\) in row 1"):
        apply(p, op(op="replace_words", old="ата-ана", new="x", occurrences=1, row="1"), source())


def test_replace_words_only_touches_rows_whose_text_changes():
    p = plan()
    q = apply(p, op(op="replace_words", old="шара 2", new="шара екі", occurrences=1, column="measure"), source())
    assert q.rows[0] is p.rows[0] and q.rows[1] is not p.rows[1]


def test_replace_words_cannot_be_disproved_by_unknown_text_but_too_many_is_an_error():
    p = plan(
        rows=[
            {"number": "1", "section": "2", "cells": {"measure": UNKNOWN, "executors": "ОМ"}},
            row("2", "2", None, "аа"),
        ]
    )
    q = apply(p, op(op="replace_words", old="ата", new="ана", occurrences=1, column="measure"), source())
    assert q.rows[0].cells["measure"] is UNKNOWN  # still unknown: the words may be in it, or not
    with pytest.raises(OccurrencesMismatch, match="occurs 2 time"):
        apply(p, op(op="replace_words", old="а", new="б", occurrences=1, column="measure"), source())


def test_abbreviations_are_added_in_order_replaced_and_deleted():
    p = apply(plan(), op(op="add_abbreviations", entries={"КМ": "Көлік министрлігі", "МАМ": UNKNOWN}), source())
    assert list(p.abbreviations) == ["ОМ", "КМ", "МАМ"]
    assert p.abbreviations["МАМ"].expansion is UNKNOWN
    with pytest.raises(AbbreviationTaken):
        apply(p, op(op="add_abbreviations", entries={"КМ": "x"}), source())
    q = apply(p, op(op="replace_abbreviation", code="КМ", expansion="Көлік министрлігі (жаңа)"), source())
    assert q.abbreviations["КМ"].expansion == "Көлік министрлігі (жаңа)"
    r = apply(q, op(op="delete_abbreviation", code="КМ"), source())
    assert "КМ" not in r.abbreviations
    with pytest.raises(TargetMissing):
        apply(r, op(op="delete_abbreviation", code="КМ"), source())


def test_titles_sections_and_subsections():
    p = apply(plan(), op(op="set_title", section="1", subsection="1.2", title="Жаңа"), source())
    assert p.sections[0].subsections[1].title == "Жаңа"
    p = apply(p, op(op="add_section", number="3", title="Үшінші"), source())
    p = apply(p, op(op="add_subsection", section="1", number="1.3", title="В", after="1.2"), source())
    assert [s.number for s in p.sections] == ["1", "2", "3"]
    assert [s.number for s in p.sections[0].subsections] == ["1.1", "1.2", "1.3"]
    with pytest.raises(NumberTaken):
        apply(p, op(op="add_section", number="2", title="x"), source())


def test_a_repealed_plan_takes_no_more_operations():
    p = apply(plan(), op(op="repeal_plan"), source())
    with pytest.raises(Repealed):
        apply(p, op(op="delete_row", row="1"), source())


def test_a_section_is_inserted_with_its_subsections_and_rows():
    p = apply(
        plan(),
        op(
            op="add_section",
            number="3",
            title="Үшінші",
            subsections=[{"number": "3.1", "title": "В"}],
            rows=[
                {"number": "5", "cells": cells("шара 5")},
                {"number": "6", "subsection": "3.1", "cells": cells("шара 6"), "cells_ru": {"measure": "мера 6"}},
            ],
        ),
        source(),
    )
    assert [s.number for s in p.sections] == ["1", "2", "3"]
    assert [s.number for s in p.sections[2].subsections] == ["3.1"]
    assert [(str(r.number), r.section, r.subsection) for r in p.rows][-2:] == [("5", "3", None), ("6", "3", "3.1")]
    assert p.row(p.rows[-1].number).cells_ru == {"measure": "мера 6"}


def test_a_new_section_s_rows_must_keep_the_row_order_and_errors_point_at_the_row():
    with pytest.raises(RowOrder) as caught:
        apply(
            plan(),
            op(op="add_section", number="3", title="Үшінші", after="1", rows=[{"number": "9", "cells": cells("ш")}]),
            source(),
        )
    assert caught.value.path == ("rows", 0, "number")
    with pytest.raises(TargetMissing) as caught:
        apply(
            plan(),
            op(
                op="add_section",
                number="3",
                title="Ү",
                rows=[{"number": "9", "subsection": "3.9", "cells": cells("ш")}],
            ),
            source(),
        )
    assert caught.value.path == ("rows", 0, "subsection")


def test_a_subsection_is_inserted_with_its_rows():
    base = plan(rows=[row("1", "1", "1.1"), row("2", "1", "1.2"), row("10", "2")])
    p = apply(
        base,
        op(op="add_subsection", section="1", number="1.3", title="В", rows=[{"number": "5", "cells": cells("ш")}]),
        source(),
    )
    assert [(str(r.number), r.subsection) for r in p.rows] == [("1", "1.1"), ("2", "1.2"), ("5", "1.3"), ("10", None)]


def test_one_editor_refuses_an_operation_after_the_repeal_it_applied_the_same_day():
    editor = PlanEditor(plan())
    editor.apply(op(op="repeal_plan"), source())
    with pytest.raises(Repealed) as caught:
        editor.apply(op(op="delete_row", row="1"), source())
    assert caught.value.path == ("op",)
    with pytest.raises(TypeError, match=r"timeline\.schedule resolves it"):
        PlanEditor(plan()).apply(op(op="suspend_plan"), source())


def test_the_touches_of_an_operation_after_a_new_column_name_that_column():
    # One editor for the day: the operation after add_column is told from the plan as it then stands.
    act = amendment(
        [
            {"op": "add_column", "id": "extra", "title": "Қосымша"},
            {"op": "replace_row", "row": "1", "cells": {"measure": "м", "executors": "ОМ", "extra": "қ"}},
        ],
        "5",
        dt.date(2024, 1, 10),
    )
    base = plan()
    batch = schedule(base, [FiledAmendment(act, Path("5.yaml"))])
    day, each = apply_day(base, batch), apply_each(base, batch)
    assert day.findings == each.findings == ()
    assert [a.touches for a in day.applied] == [a.touches for a in each.applied]
    assert day.applied[1].touches[0].columns == ("measure", "executors", "extra")
