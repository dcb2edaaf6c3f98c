"""The standard comparative table: five columns, inline bold/struck marks, "Жоқ." / "Алып тасталсын.",
the act's own heading, long Kazakh dates, and the rationale from ``reason:`` (unknown otherwise)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import builders
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from amend import UNKNOWN, load_amendment
from amend.engine.amendment import FiledAmendment
from amend.outputs.comparative import (
    ABSENT,
    HEADS,
    REMOVED,
    TITLE,
    UNKNOWN_CURRENT,
    UNKNOWN_REASON,
    Run,
    StandardTable,
    standard_table,
)
from amend.queries.compare import compare

ACT_392 = ROOT / "plans" / "amendments" / "392.yaml"


@pytest.fixture(scope="module")
def table_392(repo) -> StandardTable:
    act = load_amendment(ACT_392)
    return standard_table(compare(repo.plan("748"), repo.amendments, FiledAmendment(act, ACT_392)))


def text(pieces, marks=("plain", "deleted", "added", "unknown", "remark")) -> str:
    return "\n".join(
        (f"{p.label}: " if p.label else "") + "".join(r.text for r in p.runs if r.mark in marks) for p in pieces
    )


def test_the_five_columns_of_the_standard_form():
    assert HEADS == ("№ р/с", "Құрылымдық элемент", "Қолданыстағы редакция", "Ұсынылып отырған редакция", "Негіздеме")


def test_392s_heading_is_its_own_title_then_the_act_then_the_form_name_with_long_dates(table_392):
    title = "".join(r.text for r in table_392.title)
    assert title.endswith("қаулысына өзгерістер мен толықтырулар енгізу туралы")
    assert table_392.act == "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысы"
    assert TITLE == "САЛЫСТЫРМАЛЫ КЕСТЕ"
    assert "Қолданысқа енгізілетін күні: 2025 жылғы 30 мамыр" in table_392.facts
    assert not [f for f in table_392.facts if "2025-05-30" in f or "2023-08-31" in f]


def test_392_inserted_rows_read_absent_on_the_left_and_all_bold_on_the_right(table_392):
    row = table_392.rows[1]
    assert row.element == "1.2-кіші бөлім, 23-1-жол"
    assert text(row.current) == ABSENT
    for piece in row.proposed:
        assert {r.mark for r in piece.runs} == {"added"}


def test_392_replaced_rows_of_unknown_wording_say_so_and_are_not_marked(table_392):
    row = table_392.rows[0]
    assert text(row.current) == UNKNOWN_CURRENT
    assert all(r.mark in ("plain", "unknown") for p in row.proposed for r in p.runs)
    assert text(row.reason) == UNKNOWN_REASON  # 392 gives no rationale: never made up


def test_no_label_is_a_machine_id(table_392):
    labels = {p.label for row in table_392.rows for p in row.proposed if p.label}
    assert not labels & {"measure", "form", "deadline", "executors", "cost", "funding"}
    assert "Іс-шара [атауы ресми емес]" in labels


def generated(operations, *, reason=None, status="adopted"):
    """The standard table of one generated act on the builders' plan."""
    act = builders.amendment(operations, status=status)
    if reason is not None:
        act = act.model_copy(update={"reason": reason})
    return standard_table(compare(builders.plan(), [], FiledAmendment(act, Path("act-1.yaml"))))


def test_two_operations_on_one_row_give_one_line_with_the_final_wording_only():
    table = generated(
        [
            {"op": "replace_cells", "row": "2", "cells": {"measure": "аралық мәтін"}},
            {"op": "replace_cells", "row": "2", "cells": {"measure": "соңғы мәтін"}},
        ]
    )
    [row] = table.rows
    assert text(row.current) == "Іс-шара: шара 2\nОрындаушылар: ОМ"
    assert text(row.proposed) == "Іс-шара: соңғы мәтін\nОрындаушылар: ОМ"
    assert "аралық" not in text(row.current) + text(row.proposed)  # never in force: never shown


def test_a_deleted_row_reads_removed_on_the_right():
    [row] = generated([{"op": "delete_row", "row": "3"}]).rows
    assert text(row.proposed) == REMOVED
    assert text(row.current) == "Іс-шара: шара 3\nОрындаушылар: ОМ"


def test_the_rationale_is_the_operations_reason_else_the_acts_else_unknown():
    ops = [
        {"op": "replace_cells", "row": "1", "cells": {"measure": "жаңа 1"}, "reason": "Хат № 5"},
        {"op": "replace_cells", "row": "2", "cells": {"measure": "жаңа 2"}},
    ]
    first, second = generated(ops, reason="Жоспарды жаңарту").rows
    assert text(first.reason) == "Хат № 5" and text(second.reason) == "Жоспарды жаңарту"
    first, second = generated(ops).rows
    assert text(first.reason) == "Хат № 5" and text(second.reason) == UNKNOWN_REASON
    first, _ = generated(ops, reason=UNKNOWN).rows
    assert text(first.reason) == "Хат № 5"


def test_a_draft_says_it_is_a_draft_in_its_heading():
    table = generated([{"op": "delete_row", "row": "3"}], status="draft")
    assert table.draft and table.act.endswith("(жоба)")
    assert table.act.startswith("Қазақстан Республикасы Үкіметінің 2024 жылғы 10 қаңтардағы № 1 қаулысы")


WORDS = st.lists(
    st.sampled_from(["бала", "ата-ана", "мектеп", "2025", "жылғы", "желтоқсан", "ОМ"]), min_size=1, max_size=8
)


@settings(max_examples=60, deadline=None)
@given(WORDS, WORDS)
def test_each_side_reads_its_own_wording_with_only_its_own_marks(old: list[str], new: list[str]):
    old_text, new_text = " ".join(old), " ".join(new)
    plan = builders.plan(rows=[builders.row("1", "1", "1.1", measure=old_text)])
    act = builders.amendment([{"op": "replace_cells", "row": "1", "cells": {"measure": new_text}}])
    rows = standard_table(compare(plan, [], FiledAmendment(act, Path("a.yaml")))).rows
    if old_text == new_text:
        assert rows == ()
        return
    [row] = rows
    current, proposed = row.current[0], row.proposed[0]
    assert "".join(r.text for r in current.runs) == old_text
    assert "".join(r.text for r in proposed.runs) == new_text
    assert {r.mark for r in current.runs} <= {"plain", "deleted"}
    assert {r.mark for r in proposed.runs} <= {"plain", "added"}
    # The words both sides share are unmarked on both, in the same order.
    assert [r.text for r in current.runs if r.mark == "plain"] == [r.text for r in proposed.runs if r.mark == "plain"]


def test_the_comparison_json_carries_the_reason_with_null_for_unknown(repo):
    import json

    from typer.testing import CliRunner

    from amend.cli.app import app

    result = CliRunner().invoke(app, ["compare", str(ACT_392), "--to", "json", "--root", str(ROOT)])
    data = json.loads(result.stdout)
    assert all(e["reason"] is None for e in data["entries"])
    assert dt.date.fromisoformat(data["in_force"]) == dt.date(2025, 5, 30)


# -- the Russian table ---------------------------------------------------------------------------------

STRUCTURE = Path(__file__).parent / "fixtures" / "structure"
# A second act on row 28 after 9007: the Russian wording of two cells changes, one stays unknown.
ACT_9008 = """\
act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "9008", date: 2025-09-01,
      title: "сынақ актісі 9008 (нақты акт емес)", title_ru: "тестовый акт 9008"}
amends: "748"
status: adopted
entry_into_force: {rule: on_signing}
operations:
  - op: replace_row
    section: "2"
    row: "28"
    cells:
      measure: "сынақ мәтіні: 28-жолдың жаңа іс-шарасы"
      form: "сынақ мәтіні: нысаны"
      deadline: "сынақ мәтіні: мерзімі"
      executors: "ОМ, ДСМ"
      cost: "талап етілмейді"
      funding: "-"
    cells_ru:
      measure: "тестовый текст: новое мероприятие строки 28"
      form: "тестовый текст: форма"
"""


@pytest.fixture
def russian_root(tmp_path) -> Path:
    import shutil

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(STRUCTURE / "russian" / "plans", tmp_path / "plans", dirs_exist_ok=True)
    (tmp_path / "plans" / "amendments" / "9008.yaml").write_text(ACT_9008, encoding="utf-8")
    return tmp_path


def russian_table(root: Path, number: str) -> StandardTable:
    from amend import Repository
    from amend.outputs.comparative import russian_comparison
    from amend.queries.compare import around

    repo = Repository(root)
    path = root / "plans" / "amendments" / f"{number}.yaml"
    filed = FiledAmendment(load_amendment(path), path)
    base = repo.plan("748")
    before, after = around(base, repo.amendments, filed)
    comparison = russian_comparison(compare(base, repo.amendments, filed), before.latest.plan, after.latest.plan)
    return standard_table(comparison, lang="ru")


def test_the_russian_table_has_the_russian_heads_and_the_russian_wording_given(russian_root):
    from amend.outputs.comparative import HEADS_RU

    table = russian_table(russian_root, "9007")
    assert (
        table.heads
        == HEADS_RU
        == (
            "№ п/п",
            "Структурный элемент",
            "Действующая редакция",
            "Предлагаемая редакция",
            "Обоснование",
        )
    )
    assert table.act == "Постановление № 9007 от 01.08.2025"
    [row] = table.rows
    assert row.element == "Строка 28"
    proposed = text(row.proposed)
    assert "тестовый текст: мероприятие строки 28" in proposed and "тестовый текст: срок" in proposed
    # No Russian text for these cells in any source: unknown, never the Kazakh text or a translation.
    assert "executors (наименование ⟨белгісіз⟩): ⟨белгісіз⟩" in proposed
    assert "сынақ мәтіні" not in proposed and "ОМ, ДСМ" not in proposed and "талап етілмейді" not in proposed
    assert table.title == (Run("⟨белгісіз⟩", "unknown"),)  # 9007 gives no Russian title


def test_the_russian_table_marks_the_russian_words_deleted_and_added(russian_root):
    table = russian_table(russian_root, "9008")
    [row] = table.rows
    assert text(row.current, ("deleted",)).split("\n")[0] == "measure (наименование ⟨белгісіз⟩): "
    assert "мероприятие" in text(row.current) and "новое" not in text(row.current)
    assert "новое" in text(row.proposed, ("added",))
    form = next(p for p in row.proposed if p.label and p.label.startswith("form"))
    assert all(r.mark == "plain" for r in form.runs)  # the same wording: nothing marked
    deadline = next(p for p in row.proposed if p.label and p.label.startswith("deadline"))
    assert deadline.runs == (Run("⟨белгісіз⟩", "unknown"),)  # 9008 gives no Russian deadline
    assert [r.text for r in table.title] == ["тестовый акт 9008"]


def test_392_in_russian_is_unknown_throughout_and_no_kazakh_text_leaks(repo, table_392):
    from amend.outputs.comparative import russian_comparison
    from amend.queries.compare import around

    act = load_amendment(ACT_392)
    filed = FiledAmendment(act, ACT_392)
    before, after = around(repo.plan("748"), repo.amendments, filed)
    comparison = russian_comparison(
        compare(repo.plan("748"), repo.amendments, filed), before.latest.plan, after.latest.plan
    )
    table = standard_table(comparison, lang="ru")
    assert len(table.rows) == len(table_392.rows)
    kazakh = {r.text for row in table_392.rows for p in row.proposed + row.current for r in p.runs if len(r.text) > 3}
    russian = {r.text for row in table.rows for p in row.proposed + row.current for r in p.runs}
    assert kazakh and not (kazakh & russian - {"⟨белгісіз⟩"})


def test_compare_lang_ru_writes_the_russian_table_in_every_form(russian_root, tmp_path):
    from test_render_docx import open_docx
    from typer.testing import CliRunner

    from amend.cli.app import app

    act = str(russian_root / "plans" / "amendments" / "9007.yaml")
    runner = CliRunner()
    md = runner.invoke(app, ["compare", act, "--lang", "ru", "--root", str(russian_root)])
    assert md.exit_code == 0, md.output
    assert "| № п/п | Структурный элемент | Действующая редакция | Предлагаемая редакция | Обоснование |" in md.stdout
    assert "**СРАВНИТЕЛЬНАЯ ТАБЛИЦА**" in md.stdout and "⟨неизвестно⟩" in md.stdout and "⟨белгісіз⟩" not in md.stdout
    page = runner.invoke(app, ["compare", act, "--lang", "ru", "--to", "html", "--root", str(russian_root)]).stdout
    assert '<html lang="ru">' in page and '<th scope="col">Обоснование</th>' in page
    assert "тестовый текст: мероприятие строки 28" in page and "⟨белгісіз⟩" not in page
    out = tmp_path / "9007.docx"
    result = runner.invoke(
        app, ["compare", act, "--lang", "ru", "--to", "docx", "-o", str(out), "--root", str(russian_root)]
    )
    assert result.exit_code == 0, result.output
    doc = open_docx(out.read_bytes())
    assert next(c.text for c in doc.tables[0].rows[0].cells) == "№ п/п"
    cells = "\n".join(c.text for row in doc.tables[0].rows for c in row.cells)
    assert "[неизвестно]" in cells and "[белгісіз]" not in cells and "сынақ мәтіні" not in cells
    # Spell-checked as Russian: every language of the styles is ru-RU, none the template's kk-KZ.
    languages = {v for e in doc.styles.element.iter(f"{W}lang") for v in e.attrib.values()}
    assert languages == {"ru-RU"} and doc.core_properties.language == "ru-RU"
    kk_docx = tmp_path / "9007-kk.docx"
    runner.invoke(app, ["compare", act, "--to", "docx", "-o", str(kk_docx), "--root", str(russian_root)])
    assert {v for e in open_docx(kk_docx.read_bytes()).styles.element.iter(f"{W}lang") for v in e.attrib.values()} == {
        "kk-KZ"
    }
    kk = runner.invoke(app, ["compare", act, "--root", str(russian_root)]).stdout
    assert "| № р/с |" in kk and "сынақ мәтіні: 28-жолдың іс-шарасы" in kk


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RU_WORDS = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя ", min_size=1, max_size=12).map(str.strip).filter(bool)
RU_CELLS = st.fixed_dictionaries({}, optional={"measure": RU_WORDS, "executors": RU_WORDS})


@settings(max_examples=40, deadline=None)
@given(old_ru=RU_CELLS, new_ru=RU_CELLS)
def test_the_russian_table_shows_exactly_the_russian_wording_given_on_each_side(old_ru, new_ru):
    from amend.outputs.comparative import russian_comparison
    from amend.queries.compare import around

    rows = [builders.row("1", "1", "1.1"), builders.row("2", "1", "1.2")]
    rows[0]["cells_ru"] = old_ru
    base = builders.plan(rows=rows)
    cells = {"measure": "жаңа шара", "executors": "ОМ"}
    act = builders.amendment([{"op": "replace_row", "section": "1", "row": "1", "cells": cells, "cells_ru": new_ru}])
    filed = FiledAmendment(act, Path("plans/amendments/1.yaml"))
    before, after = around(base, [filed], filed)
    comparison = russian_comparison(compare(base, [filed], filed), before.latest.plan, after.latest.plan)
    [row] = standard_table(comparison, lang="ru").rows
    for column in ("measure", "executors"):
        label = {"measure": "Іс-шара", "executors": "Орындаушылар"}[column]
        assert not any(p.label == label for p in row.proposed)  # the Kazakh column titles are not given in Russian
        new = next(p for p in row.proposed if p.label and p.label.startswith(column))
        shown = "".join(r.text for r in new.runs if r.mark != "deleted")
        assert shown == new_ru.get(column, "⟨белгісіз⟩")
        if old_ru and column in old_ru and column in new_ru:
            old = next(p for p in row.current if p.label and p.label.startswith(column))
            assert "".join(r.text for r in old.runs) == old_ru[column]
    everything = text(row.current) + text(row.proposed)
    assert "жаңа шара" not in everything and "шара 1" not in everything
