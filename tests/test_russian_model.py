"""The Russian side of the model: Russian word replacements in cells and Russian codes in the note."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import builders
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from amend import Repository
from amend.cli.app import app
from amend.engine.editor import PlanEditor, apply
from amend.engine.language import in_russian
from amend.engine.numbers import RowNumber
from amend.engine.operations import AddAbbreviations, ReplaceAbbreviation, ReplaceRow, ReplaceWords
from amend.engine.unknown import UNKNOWN
from amend.errors import OccurrencesMismatch, TargetMissing
from amend.store.loading import load_amendment
from amend.store.serialize import show_json

runner = CliRunner()
SRC = builders.source("2")


def _with_russian(measure_ru: str = "мера образования, мера") -> object:
    op = ReplaceRow(
        op="replace_row",
        row="1",
        cells={"measure": "шара білім, шара", "executors": "ОМ"},
        cells_ru={"measure": measure_ru, "executors": "МП"},
    )
    return apply(builders.plan(), op, SRC)


def _words(**kw: object) -> ReplaceWords:
    return ReplaceWords.model_validate({"op": "replace_words", "old": "шара", "new": "іс-шара", "occurrences": 2, **kw})


def test_replace_words_with_russian_words_changes_the_russian_cell_as_the_russian_text_says():
    plan = _with_russian()
    after = apply(plan, _words(row="1", old_ru="мера", new_ru="мероприятие", occurrences_ru=2), SRC)
    row = after.row(RowNumber("1"))
    assert row.cells["measure"] == "іс-шара білім, іс-шара"
    assert row.cells_ru == {"measure": "мероприятие образования, мероприятие", "executors": "МП"}
    assert in_russian(after).row(RowNumber("1")).cells["measure"] == "мероприятие образования, мероприятие"


def test_without_russian_words_the_changed_russian_cell_becomes_unknown_as_before():
    after = apply(_with_russian(), _words(row="1"), SRC)
    assert after.row(RowNumber("1")).cells_ru == {"executors": "МП"}


def test_occurrences_ru_defaults_to_the_kazakh_count():
    assert _words(old_ru="мера").expected_ru == 2 and _words(old_ru="мера", occurrences_ru=1).expected_ru == 1
    after = apply(_with_russian(), _words(row="1", old_ru="мера", new_ru="мероприятие"), SRC)
    assert after.row(RowNumber("1")).cells_ru["measure"] == "мероприятие образования, мероприятие"


@pytest.mark.parametrize("expected", [1, 3])
def test_the_engine_checks_the_russian_occurrences_where_the_russian_text_is_known(expected):
    with pytest.raises(OccurrencesMismatch) as err:
        apply(_with_russian(), _words(row="1", old_ru="мера", new_ru="x", occurrences_ru=expected), SRC)
    assert err.value.path == ("occurrences_ru",)
    assert '"мера" occurs 2 time(s) in row 1' in err.value.message and f"expects {expected}" in err.value.message


def test_russian_words_may_hide_in_a_russian_cell_no_source_gives():
    # Row 2 has no Russian text: fewer Russian occurrences than stated is not provably wrong there...
    plan = builders.plan(rows=[builders.row("1", "1", "1.1", measure="шара шара"), builders.row("2", "1", "1.2")])
    after = apply(plan, _words(old_ru="мера", new_ru="мероприятие", occurrences_ru=5, occurrences=3), SRC)
    assert after.row(RowNumber("1")).cells["measure"] == "іс-шара іс-шара"
    assert after.row(RowNumber("1")).cells_ru == {}  # ... and a Russian text no source gives stays unknown


def test_a_row_whose_only_russian_text_changes_gets_its_note():
    # The Kazakh text is unknown (a Russian-only import): the Russian words still change, with a note.
    plan = apply(
        builders.plan(),
        ReplaceRow(
            op="replace_row", row="1", cells={"measure": UNKNOWN, "executors": "ОМ"}, cells_ru={"measure": "мера"}
        ),
        SRC,
    )
    after = apply(plan, _words(row="1", occurrences=1, old_ru="мера", new_ru="мероприятие"), builders.source("3"))
    row = after.row(RowNumber("1"))
    assert row.cells_ru["measure"] == "мероприятие" and len(row.history) == 2
    touched = _words(row="1", occurrences=1, old_ru="мера").touches(plan)
    assert [str(t.element.key) for t in touched] == ["1"]


@settings(max_examples=60, deadline=None)
@given(
    measure_ru=st.sampled_from(["мера", "мера мера", "другое", "мера, мера, мера"]),
    occurrences_ru=st.sampled_from([None, 1, 2, 3]),
    new_ru=st.sampled_from([None, "", "мероприятие"]),
)
def test_one_editor_for_two_russian_word_replacements_gives_them_applied_one_by_one(measure_ru, occurrences_ru, new_ru):
    plan = _with_russian(measure_ru)
    first = _words(row="1", old_ru="мера", new_ru=new_ru, occurrences_ru=occurrences_ru)
    second = _words(row="1", old="шара", new="іс-шара", old_ru="меро", new_ru="меры", occurrences_ru=1)
    editor = PlanEditor(plan)
    try:
        editor.apply(first, SRC)
        editor.apply(second, builders.source("3"))
        day = editor.freeze()
    except OccurrencesMismatch as err:
        with pytest.raises(OccurrencesMismatch) as each:
            apply(apply(plan, first, SRC), second, builders.source("3"))
        assert (each.value.message, each.value.path) == (err.message, err.path)
        return
    each = apply(apply(plan, first, SRC), second, builders.source("3"))
    assert day.row(RowNumber("1")).cells_ru == each.row(RowNumber("1")).cells_ru
    assert day.row(RowNumber("1")).history == each.row(RowNumber("1")).history
    assert plan.row(RowNumber("1")).cells_ru == {"measure": measure_ru, "executors": "МП"}  # the plan is a value


def test_an_abbreviation_has_a_russian_code_and_the_russian_note_lists_it():
    plan = builders.plan()
    add = AddAbbreviations(
        op="add_abbreviations",
        entries={"ДСМ": "Денсаулық сақтау министрлігі", "ІІМ": "Ішкі істер министрлігі"},
        entries_ru={"ДСМ": "Министерство здравоохранения"},
        codes_ru={"ДСМ": "МЗ"},
    )
    plan = apply(plan, add, SRC)
    assert plan.abbreviations["ДСМ"].code_ru == "МЗ"  # the Kazakh code stays the key (the identity)
    ru = in_russian(plan)
    assert list(ru.abbreviations) == ["ОМ", "МЗ", "ІІМ"]  # no Russian code given: the identity stands
    assert ru.abbreviations["МЗ"].expansion == "Министерство здравоохранения"
    replaced = apply(plan, ReplaceAbbreviation(op="replace_abbreviation", code="ОМ", expansion="т", code_ru="МП"), SRC)
    assert list(in_russian(replaced).abbreviations) == ["МП", "МЗ", "ІІМ"]
    kept = apply(replaced, ReplaceAbbreviation(op="replace_abbreviation", code="ОМ", expansion="т2"), SRC)
    assert kept.abbreviations["ОМ"].code_ru == "МП"  # a line in new wording keeps its Russian code unless given


def test_a_russian_code_without_its_entry_is_refused():
    add = AddAbbreviations(op="add_abbreviations", entries={"ДСМ": "т"}, codes_ru={"ІІМ": "МВД"})
    with pytest.raises(TargetMissing) as err:
        apply(builders.plan(), add, SRC)
    assert err.value.path == ("codes_ru", "ІІМ")


def test_a_russian_code_of_the_wrong_shape_is_an_identifier_error(tmp_path):
    path = tmp_path / "1.yaml"
    path.write_text(
        "act: {issuer: И, kind: қаулы, number: '1', date: 2024-01-10, title: т}\namends: '100'\nstatus: draft\n"
        "entry_into_force: {rule: on_signing}\noperations:\n"
        "  - {op: add_abbreviations, entries: {ДСМ: т}, codes_ru: {ДСМ: ../МЗ}}\n",
        encoding="utf-8",
    )
    from amend.errors import AmendError

    with pytest.raises(AmendError) as err:
        load_amendment(path)
    assert err.value.rule == "identifier"


def _repository_with_russian_codes(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    (tmp_path / "plans/amendments/9101.yaml").write_text(
        "act: {issuer: Қазақстан Республикасының Үкіметі, kind: қаулы, number: '9101', date: 2025-09-01,"
        " title: сынақ актісі 9101 (нақты акт емес)}\n"
        "amends: '748'\nstatus: adopted\nentry_into_force: {rule: on_signing}\noperations:\n"
        "  - op: replace_abbreviation\n    code: ОМ\n    expansion: Қазақстан Республикасының Оқу-ағарту министрлігі\n"
        "    expansion_ru: 'тестовый текст: министерство'\n    code_ru: МП\n",
        encoding="utf-8",
    )
    return tmp_path


def test_show_lang_ru_gives_the_russian_note_with_russian_codes(tmp_path):
    root = _repository_with_russian_codes(tmp_path)
    version = Repository(root).timeline("748").latest
    data = show_json(version, dt.date(2025, 9, 1), lang="both")
    assert data["abbreviations"]["ОМ"] == "Қазақстан Республикасының Оқу-ағарту министрлігі"
    assert (
        data["ru"]["abbreviations"]["МП"] == "тестовый текст: министерство" and "ОМ" not in data["ru"]["abbreviations"]
    )
    result = runner.invoke(
        app, ["show", "748", "--at", "2025-09-01", "--format", "md", "--lang", "ru", "--root", str(root)]
    )
    assert result.exit_code == 0, result.output
    assert "МП" in result.stdout and "тестовый текст: министерство" in result.stdout
    ok = runner.invoke(app, ["build", "--root", str(root)])
    assert ok.exit_code == 0, ok.output
    text = next((root / "consolidated/748").glob("2025-09-01.yaml")).read_text(encoding="utf-8")
    assert "code_ru: МП" in text
    assert json.loads(
        runner.invoke(app, ["show", "748", "--at", "2025-09-01", "--format", "json", "--root", str(root)]).stdout
    )


def test_replace_words_in_checks_occurrences_ru_where_the_russian_text_is_known():
    from amend.engine.operations import ReplaceWordsIn

    plan = builders.plan(
        abbreviations={"ОМ": {"expansion": "Оқу министрлігі", "expansion_ru": "Министерство, министерство"}}
    )

    def words(n: int) -> ReplaceWordsIn:
        return ReplaceWordsIn(
            op="replace_words_in", element="abbreviation ОМ", old="Оқу", new="Білім", occurrences=1,
            old_ru="инистерство", new_ru="ИНИСТЕРСТВО", occurrences_ru=n,
        )  # fmt: skip

    assert apply(plan, words(2), SRC).abbreviations["ОМ"].expansion_ru == "МИНИСТЕРСТВО, мИНИСТЕРСТВО"
    with pytest.raises(OccurrencesMismatch) as err:
        apply(plan, words(1), SRC)
    assert err.value.path == ("occurrences_ru",)
