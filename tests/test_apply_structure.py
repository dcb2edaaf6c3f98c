"""The whole resolution and its structure (the plan editor's handlers in amend/engine/editor_texts.py,
editor_columns.py, editor_structure.py, editor_headings.py), on the scenarios of tests/fixtures/structure/
laid over the real plans 748, 156 and act 392, and on generated plans."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import builders
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from amend import Repository
from amend.engine.acts import Act
from amend.engine.editor import apply
from amend.engine.elements import Element, ElementKind
from amend.engine.numbers import RowNumber
from amend.engine.operations import (
    AddColumn,
    DeleteColumn,
    DeleteSubsection,
    DeleteText,
    InsertText,
    MoveRow,
    Renumber,
    ReplaceSignatory,
    ReplaceText,
    ReplaceWordsIn,
)
from amend.engine.provenance import ChangeKind, Source
from amend.engine.unknown import UNKNOWN
from amend.errors import (
    ColumnsMismatch,
    NumberTaken,
    OccurrencesMismatch,
    RowOrder,
    SubsectionUnknown,
    TargetMissing,
)
from amend.queries.history import row_history

SCENARIOS = Path(__file__).parent / "fixtures" / "structure"


def scenario(name: str, root: Path) -> Repository:
    """The real plans and act 392, with the scenario's acts beside them."""
    shutil.copytree(ROOT / "plans", root / "plans")
    shutil.copytree(SCENARIOS / name / "plans", root / "plans", dirs_exist_ok=True)
    return Repository(root)


def latest(repo: Repository, plan: str):
    return repo.timeline(plan).latest.plan


def _source(number: str = "9100", day: dt.date = dt.date(2025, 7, 1)) -> Source:
    act = Act(issuer="Қазақстан Республикасының Үкіметі", kind="қаулы", number=number, date=day, title="сынақ")
    return Source(act, day)


# -- the resolution's own text ----------------------------------------------------------------------


def test_point_2_of_156_in_new_wording_with_its_sub_points(tmp_path):
    repo = scenario("point-2", tmp_path)
    timeline = repo.timeline("156")
    before = timeline.in_force_at(dt.date(2020, 5, 31)).plan
    after = timeline.latest.plan
    points = {p.number: p for p in after.act.points}
    assert points["2"].text.startswith("сынақ мәтіні: облыстардың")
    assert points["2"].text_ru.startswith("тестовый текст")
    assert [s.number for s in points["2"].subpoints] == ["1", "2"]
    assert points["2"].subpoints[1].text == "сынақ мәтіні: екінші тармақша, жаңа редакция."
    # the sub-point replaced without a Russian text has none: never the old one, never ours
    assert points["2"].subpoints[1].text_ru is UNKNOWN
    assert [p.number for p in after.act.points] == ["1", "2", "4", "5"]
    assert after.title == "сынақ мәтіні: жол картасының жаңа атауы"
    assert before.title != after.title and "3" in {p.number for p in before.act.points}
    notes = after.texts_history
    assert notes["point 2"][0].note == "Ескерту. 2-тармақ жаңа редакцияда - ҚР Үкіметінің 01.06.2020 № 9001 қаулысымен."
    assert notes["point 2"][0].note_ru == (
        "Сноска. Пункт 2 - в редакции постановления Правительства РК от 01.06.2020 № 9001."
    )
    assert notes["point 2.2"][0].note_ru.startswith("Сноска. Подпункт 2) пункта 2 - в редакции")
    assert notes["point 3"][0].kind is ChangeKind.DELETED
    assert notes["point 3"][0].note_ru.startswith("Сноска. Пункт 3 исключен постановлением")
    assert notes["annex_title"][0].note.startswith("Ескерту. Жоспардың атауы жаңа редакцияда")
    assert notes["point 5"][0].kind is ChangeKind.INSERTED


def test_a_point_the_plan_does_not_have_is_target_missing():
    plan = builders.plan()
    with pytest.raises(TargetMissing, match="point 7 does not exist"):
        apply(plan, ReplaceText(op="replace_text", element="point 7", text="x"), _source())


def test_inserting_a_point_that_exists_is_number_taken(repo):
    plan = repo.plan("156")
    with pytest.raises(NumberTaken):
        apply(plan, InsertText(op="insert_text", element="point 2", text="x"), _source())


def test_the_preamble_can_be_struck_out_and_given_again(repo):
    plan = repo.plan("156")
    gone = apply(plan, DeleteText(op="delete_text", element="preamble"), _source())
    assert gone.act.preamble is None
    again = apply(gone, InsertText(op="insert_text", element="preamble", text="сынақ мәтіні"), _source())
    assert again.act.preamble == "сынақ мәтіні"
    assert [c.kind for c in again.texts_history["preamble"]] == [ChangeKind.DELETED, ChangeKind.INSERTED]


def test_the_signatory_in_new_wording(repo):
    plan = repo.plan("156")
    op = ReplaceSignatory(op="replace_signatory", position="сынақ лауазымы", name="сынақ аты")
    after = apply(plan, op, _source())
    assert (after.act.signatory.position, after.act.signatory.name) == ("сынақ лауазымы", "сынақ аты")
    assert after.act.signatory.name_ru is UNKNOWN
    assert after.texts_history["signatory"][0].kind is ChangeKind.REPLACED


def test_the_resolution_title_words_replaced_and_counted(repo):
    plan = repo.plan("156")
    op = ReplaceWordsIn(op="replace_words_in", element="title", old="жол картасын", new="сынақ", occurrences=1)
    after = apply(plan, op, _source())
    assert "сынақ бекіту туралы" in after.act.title
    wrong = op.model_copy(update={"occurrences": 2})
    with pytest.raises(OccurrencesMismatch, match="occurs 1 time"):
        apply(plan, wrong, _source())


# -- structure ------------------------------------------------------------------------------------------


def test_renumbering_23_1_to_24_keeps_its_history(tmp_path):
    repo = scenario("renumber", tmp_path)
    timeline = repo.timeline("748")
    plan = timeline.latest.plan
    assert plan.row(RowNumber("23-1")) is None
    row = plan.row(RowNumber("24"))
    assert row is not None and row.identity == "23-1" and row.subsection == "1.2"
    assert [c.act for c in row.history] == ["392", "9002"]
    assert row.history[-1].note == (
        "Ескерту. 23-1-жолдың нөмірі 24 болып өзгертілді - ҚР Үкіметінің 01.07.2025 № 9002 қаулысымен."
    )
    assert plan.row_by_identity("23-1") is row
    # the history of row 24 is that of the row inserted as 23-1, by either number
    states = row_history(timeline, RowNumber("24"))
    assert [s.change.act if s.change else None for s in states] == ["392", "9002"]
    assert row_history(timeline, RowNumber("23-1")) == states


def test_a_row_moved_to_another_subsection(tmp_path):
    repo = scenario("move", tmp_path)
    timeline = repo.timeline("748")
    before = timeline.in_force_at(dt.date(2025, 6, 30)).plan.row(RowNumber("29-3"))
    after = timeline.latest.plan.row(RowNumber("29-3"))
    assert (before.subsection, after.subsection) == ("2.1", "2.2")
    assert after.cells == before.cells
    assert after.history[-1].kind is ChangeKind.MOVED
    assert "2.2-кіші бөлімге ауыстырылды" in after.history[-1].note
    assert "перенесена в подраздел 2.2" in after.history[-1].note_ru


def test_a_move_that_breaks_the_order_of_rows_is_refused(repo):
    plan = repo.timeline("748").latest.plan
    op = MoveRow(op="move_row", row="23", section="3", subsection="3.1")
    with pytest.raises(RowOrder):
        apply(plan, op, _source())


def test_a_column_added_leaves_old_rows_unknown_and_one_renamed(tmp_path):
    repo = scenario("columns", tmp_path)
    plan = latest(repo, "156")
    assert plan.column_ids[:3] == ("measure", "indicator", "form")
    assert plan.row(RowNumber("1")).cells["indicator"] == "сынақ мәтіні: 1-жолдың көрсеткіші"
    assert all(r.cells["indicator"] is UNKNOWN for r in plan.rows if str(r.number) != "1")
    assert list(plan.row(RowNumber("2")).cells) == list(plan.column_ids)  # cells kept in column order
    form = plan.columns[plan.column_ids.index("form")]
    assert form.title == "сынақ мәтіні: аяқталу нысаны" and form.title_ru is UNKNOWN
    assert [c.kind for c in plan.texts_history["column form"]] == [ChangeKind.TITLE_SET]
    assert [c.kind for c in plan.texts_history["column indicator"]] == [ChangeKind.ADDED]


def test_a_column_deleted_takes_its_cells_and_an_existing_id_is_refused(repo):
    plan = repo.plan("156")
    after = apply(plan, DeleteColumn(op="delete_column", id="budget_program"), _source())
    assert "budget_program" not in after.column_ids
    assert all("budget_program" not in r.cells for r in after.rows)
    with pytest.raises(NumberTaken):
        apply(plan, AddColumn(op="add_column", id="form", title="x"), _source())
    with pytest.raises(ColumnsMismatch):
        apply(plan, DeleteColumn(op="delete_column", id="nothing"), _source())


def test_a_section_deleted_with_its_rows(tmp_path):
    repo = scenario("delete-section", tmp_path)
    plan = latest(repo, "156")
    assert [s.number for s in plan.sections] == ["I", "II", "III", "IV"]
    assert [str(r.number) for r in plan.rows][-1] == "67"
    assert set(plan.deleted_rows) == {"68", "69", "70"}
    assert plan.deleted_rows["68"].note.startswith("Ескерту. 68-жол алып тасталды")
    assert plan.texts_history["section V"][-1].note.startswith("Ескерту. V-бөлім алып тасталды")


def test_deleting_a_subsection_with_rows_of_unknown_subsection_is_refused(repo):
    plan = repo.timeline("748").latest.plan  # rows 42-44 of section 3 are in a subsection no source gives
    with pytest.raises(SubsectionUnknown, match="42, 43, 44, 49"):
        apply(plan, DeleteSubsection(op="delete_subsection", section="3", number="3.1"), _source())


def test_words_replaced_in_an_abbreviation_expansion(tmp_path):
    repo = scenario("abbreviation-words", tmp_path)
    plan = latest(repo, "156")
    assert plan.abbreviations["БҒМ"].expansion == "Қазақстан Республикасы Білім және ғылым министрлігі"
    assert plan.abbreviations["БҒМ"].history[-1].act == "9006"


def test_renumbering_a_subsection_and_a_section_moves_their_rows(tmp_path):
    repo = scenario("renumber-section", tmp_path)
    plan = latest(repo, "748")
    assert [s.number for s in plan.sections] == ["1", "2", "4"]
    assert [s.number for s in plan.sections[1].subsections] == ["2.1", "2.3"]
    assert plan.sections[1].subsections[1].uid == "2.2"
    assert {r.subsection for r in plan.rows if str(r.number).startswith("37")} == {"2.3"}
    assert {r.section for r in plan.rows if r.number.parts[0] >= 42} == {"4"}


def test_words_in_unknown_text_leave_it_unknown_and_the_russian_unknown():
    plan = builders.plan()
    plan = apply(plan, ReplaceText(op="replace_text", element="title", text=UNKNOWN, text_ru="тест"), _source())
    op = ReplaceWordsIn(op="replace_words_in", element="title", old="а", new="б", occurrences=3)
    after = apply(plan, op, _source())
    assert after.act.title is UNKNOWN and after.act.title_ru is UNKNOWN


def test_russian_words_replaced_where_the_act_gives_them():
    plan = builders.plan()
    plan = apply(
        plan, ReplaceText(op="replace_text", element="title", text="сынақ жоспар", text_ru="тест план"), _source()
    )
    op = ReplaceWordsIn(
        op="replace_words_in",
        element="title",
        old="жоспар",
        new="бағдарлама",
        occurrences=1,
        old_ru="план",
        new_ru="программа",
    )
    after = apply(plan, op, _source())
    assert (after.act.title, after.act.title_ru) == ("сынақ бағдарлама", "тест программа")


# -- generated: identity survives any sequence of renumberings ----------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=6))
def test_a_row_keeps_its_identity_through_renumberings(choices):
    """Row 2 of a generated plan renumbered again and again (within its place): always found by identity,
    its history one change longer each time, its cells untouched."""
    plan = builders.plan(rows=[builders.row("1", "1"), builders.row("2", "1"), builders.row("9", "1")])
    targets = ["2", "2-1", "3", "8"]
    cells = plan.row(RowNumber("2")).cells
    current = "2"
    for k, choice in enumerate(choices):
        to = targets[choice]
        if to == current:
            with pytest.raises(NumberTaken):
                apply(plan, Renumber(op="renumber", element=f"row {current}", to=to), _source())
            continue
        plan = apply(plan, Renumber(op="renumber", element=f"row {current}", to=to), _source(f"9{k}"))
        current = to
        row = plan.row_by_identity("2")
        assert row is not None and str(row.number) == current and row.cells == cells
    assert plan.row(RowNumber(current)).identity == "2"
    assert len(plan.rows) == 3


def test_elements_are_named_by_kind_and_key():
    assert str(Element(ElementKind.POINT, "2")) == "point 2"
    assert str(Element(ElementKind.TITLE, "")) == "title"


def test_a_section_inserted_with_its_rows_and_a_note_added_to_the_annex(tmp_path):
    repo = scenario("insert-section", tmp_path)
    version = repo.timeline("156").latest
    plan = version.plan
    assert [s.number for s in plan.sections][-1] == "VI" and plan.sections[-1].title_ru.startswith("тестовый")
    assert [(str(r.number), r.section, r.subsection) for r in plan.rows][-2:] == [
        ("71", "VI", None),
        ("72", "VI", "VI.1"),
    ]
    assert [(n.number, n.text, n.text_ru) for n in plan.annex_notes] == [
        ("1", "сынақ мәтіні: бірінші ескертпе", UNKNOWN)
    ]
    from amend.outputs.markdown import render_markdown

    text = render_markdown(version, whole=True)
    assert text.index("## VI. сынақ мәтіні: алтыншы бөлім") < text.index("| 72 | сынақ мәтіні: 72-жол")
    assert text.index("Ескертпелер") < text.index("1. сынақ мәтіні: бірінші ескертпе")
    assert "*Ескерту. Жоспардың 1-ескертпесі енгізілді - ҚР Үкіметінің 01.03.2021 № 9009 қаулысымен.*" in text


# -- generated: any sequence of structural operations leaves a version that satisfies the invariants -----

_STRUCTURAL = st.one_of(
    st.builds(
        lambda n, to: {"op": "renumber", "element": f"row {n}", "to": to},
        st.sampled_from(["1", "2", "3", "4"]),
        st.sampled_from(["1-1", "2-1", "3-1", "5", "9"]),
    ),
    st.builds(
        lambda n, s, sub: {"op": "move_row", "row": n, "section": s, **({"subsection": sub} if sub else {})},
        st.sampled_from(["1", "2", "3", "4"]),
        st.sampled_from(["1", "2"]),
        st.sampled_from([None, "1.1", "1.2"]),
    ),
    st.builds(lambda i: {"op": "add_column", "id": i, "title": "сынақ"}, st.sampled_from(["extra", "measure"])),
    st.builds(lambda i: {"op": "delete_column", "id": i}, st.sampled_from(["extra", "measure"])),
    st.builds(lambda i: {"op": "rename_column", "id": i, "title": "жаңа"}, st.sampled_from(["extra", "executors"])),
    st.builds(lambda n: {"op": "delete_section", "number": n}, st.sampled_from(["1", "2"])),
    st.builds(lambda n: {"op": "delete_subsection", "section": "1", "number": n}, st.sampled_from(["1.1", "1.2"])),
    st.builds(lambda n: {"op": "renumber", "element": f"section {n}", "to": "7"}, st.sampled_from(["1", "2"])),
    st.builds(lambda n: {"op": "renumber", "element": f"subsection {n}", "to": "1.9"}, st.sampled_from(["1.1", "1.2"])),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_STRUCTURAL, min_size=1, max_size=8))
def test_structural_operations_keep_every_invariant(ops):
    from pydantic import TypeAdapter

    from amend.engine.invariants import check_structure
    from amend.engine.operations import Operation
    from amend.errors import AmendError

    adapter = TypeAdapter(Operation)
    plan = builders.plan()
    for k, data in enumerate(ops):
        numbers = {r.identity: str(r.number) for r in plan.rows}
        try:
            after = apply(plan, adapter.validate_python(data), _source(f"9{k}"))
        except AmendError:
            continue  # refused: the plan is as it was (apply is pure)
        check_structure(after)  # rows ascending, in existing (sub)sections, every column given
        assert after.column_ids == tuple(dict.fromkeys(after.column_ids))
        for row in after.rows:
            assert after.row_by_identity(row.identity) is row  # every row is found by its identity
            assert list(row.cells) == list(after.column_ids)
        gone = set(numbers) - {r.identity for r in after.rows}
        assert all(numbers[i] in after.deleted_rows for i in gone)  # a row leaves only as deleted
        assert len(after.rows) == len(numbers) - len(gone)  # and none appears from nowhere
        plan = after
