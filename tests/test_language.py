"""Kazakh and Russian (amend/engine/language.py): Russian only where a source gives it, never invented."""

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
from amend.engine.editor import apply
from amend.engine.language import in_russian
from amend.engine.operations import ReplaceCells, ReplaceRow, ReplaceWords
from amend.engine.unknown import UNKNOWN
from amend.outputs.markdown import UNKNOWN_MARK, UNKNOWN_MARK_RU, render_markdown
from amend.store.serialize import show_json

runner = CliRunner()
STRUCTURE = Path(__file__).parent / "fixtures" / "structure"


def _texts(value: object) -> list[object]:
    """Every leaf of a JSON value."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [value]


def test_748_in_russian_has_every_text_unknown_and_nothing_invented(timeline_748):
    version = timeline_748.latest
    ru = in_russian(version.plan)
    assert ru.title is UNKNOWN and ru.act.title is UNKNOWN
    assert all(t is UNKNOWN for r in ru.rows for t in r.cells.values())
    assert all(s.title is UNKNOWN for s in ru.sections)
    assert all(a.expansion is UNKNOWN for a in ru.abbreviations.values())
    data = show_json(version, dt.date(2025, 6, 1), lang="ru")
    assert data["lang"] == "ru" and data["title"] is None and data["act"]["title"] is None
    assert all(v is None for r in data["rows"] for v in r["cells"].values())
    assert set(data["abbreviations"].values()) == {None}
    # no Kazakh text of the plan leaks into the Russian view: the only strings left are numbers, codes,
    # column ids, dates and the generated Russian notes
    plan = version.plan
    kazakh = {
        plan.title,
        plan.act.title,
        *(s.title for s in plan.sections),
        *(a.expansion for a in plan.abbreviations.values()),
    }
    kazakh |= {t for r in plan.rows for t in r.cells.values()} | {s.title for x in plan.sections for s in x.subsections}
    kazakh.discard(UNKNOWN)
    assert len(kazakh) > 50
    leaked = [t for t in _texts(data) if t in kazakh]
    assert leaked == [], leaked[:3]
    notes = [c["note"] for r in data["rows"] for c in r["history"]]
    assert notes and all(n.startswith("Сноска. ") for n in notes)


def test_show_json_lang_ru_gives_null_for_unknown_russian_from_the_command():
    result = runner.invoke(
        app, ["show", "748", "--at", "2025-06-01", "--format", "json", "--lang", "ru", "--root", str(ROOT)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rows"][0]["cells"]["measure"] is None
    assert data["rows"][0]["history"][0]["note"] == (
        "Сноска. Строка 6 - в редакции постановления Правительства РК от 30.05.2025 № 392."
    )


def test_a_russian_text_given_by_an_amendment_is_shown_beside_the_kazakh(tmp_path):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(STRUCTURE / "russian" / "plans", tmp_path / "plans", dirs_exist_ok=True)
    version = Repository(tmp_path).timeline("748").latest
    row = version.plan.row(builders_number("28"))
    assert row.cells_ru == {
        "measure": "тестовый текст: мероприятие строки 28",
        "form": "тестовый текст: форма",
        "deadline": "тестовый текст: срок",
    }
    both = render_markdown(version, "both", whole=True)
    kk_line = next(line for line in both.splitlines() if line.startswith("| 28 |"))
    ru_line = both.splitlines()[both.splitlines().index(kk_line) + 1]
    assert "сынақ мәтіні: 28-жолдың іс-шарасы" in kk_line
    assert ru_line.startswith("| ru | тестовый текст: мероприятие строки 28 | тестовый текст: форма |")
    assert f"| {UNKNOWN_MARK_RU} |" in ru_line  # executors, cost, funding: no Russian text given
    assert "*Сноска. Строка 28 - в редакции постановления Правительства РК от 01.08.2025 № 9007.*" in both
    data = show_json(version, dt.date(2025, 8, 1), lang="both")
    row_ru = next(r for r in data["ru"]["rows"] if r["number"] == "28")
    assert row_ru["cells"]["form"] == "тестовый текст: форма" and row_ru["cells"]["cost"] is None
    result = runner.invoke(app, ["render", "748", "--lang", "ru", "--root", str(tmp_path)])
    assert "тестовый текст: мероприятие строки 28" in result.stdout and UNKNOWN_MARK not in result.stdout


def builders_number(text: str):
    from amend.engine.numbers import RowNumber

    return RowNumber(text)


def test_a_kazakh_change_without_its_russian_text_makes_the_russian_unknown():
    plan = builders.plan()
    src = builders.source("2")
    plan = apply(
        plan,
        ReplaceRow(
            op="replace_row", row="1", cells={"measure": "шара", "executors": "ОМ"}, cells_ru={"measure": "мера"}
        ),
        src,
    )
    assert plan.row(builders_number("1")).cells_ru == {"measure": "мера"}
    words = apply(plan, ReplaceWords(op="replace_words", old="шара", new="іс-шара", occurrences=1, row="1"), src)
    assert words.row(builders_number("1")).cells_ru == {}  # the Russian changed too, in words not given
    cells = apply(plan, ReplaceCells(op="replace_cells", row="1", cells={"executors": "ОМ"}), src)
    assert cells.row(builders_number("1")).cells_ru == {"measure": "мера"}  # an untouched cell keeps its Russian


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from(["measure", "executors"]), st.text(min_size=1).filter(str.strip), max_size=2))
def test_the_russian_view_shows_exactly_the_russian_given(cells_ru):
    plan = builders.plan()
    op = ReplaceRow(op="replace_row", row="2", cells={"measure": "шара", "executors": "ОМ"}, cells_ru=cells_ru)
    ru = in_russian(apply(plan, op, builders.source("2")))
    row = ru.row(builders_number("2"))
    assert row.cells == {c: cells_ru.get(c, UNKNOWN) for c in ("measure", "executors")}
    assert all(t is UNKNOWN for r in ru.rows if str(r.number) != "2" for t in r.cells.values())


def test_the_yaml_format_of_show_is_kazakh_and_russian_in_one_file_so_lang_is_refused():
    result = runner.invoke(app, ["show", "748", "--at", "2025-06-01", "--lang", "ru", "--root", str(ROOT)])
    assert result.exit_code == 2 and "--lang" in result.output


# -- facts that belong to no language are in every language's view ------------------------------

_LANGUAGE_FREE = ("plan", "at", "entry_into_force", "period", "acts_complete", "as_known_on", "valid_from")
_LANGUAGE_FREE += ("valid_to", "rows_complete", "status", "period_ended", "currency")


@pytest.mark.parametrize(("plan", "day"), [("748", "2025-06-01"), ("156", "2021-06-01"), ("748", "2024-01-01")])
def test_show_json_in_russian_and_both_keeps_the_period_dates_status_and_figures_of_the_kazakh_view(plan, day):
    from conftest import ROOT
    from typer.testing import CliRunner

    from amend.cli.app import app

    def show(lang: str) -> dict:
        result = CliRunner().invoke(
            app, ["show", plan, "--at", day, "--format", "json", "--lang", lang, "--root", str(ROOT)]
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    kk, ru, both = show("kk"), show("ru"), show("both")
    assert kk["period"] is not None
    for key in _LANGUAGE_FREE:
        assert ru[key] == kk[key], key
        assert both[key] == kk[key] and both["ru"][key] == kk[key], key
    for view in (ru, both["ru"]):
        assert [r["amounts"] for r in view["rows"]] == [r["amounts"] for r in kk["rows"]]
        assert [(r["number"], r["section"]) for r in view["rows"]] == [(r["number"], r["section"]) for r in kk["rows"]]
