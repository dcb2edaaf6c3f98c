"""`amend export --lang ru`: the Russian texts of a version (unknown where no source gives them), Russian heads."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from conftest import ROOT
from openpyxl import load_workbook
from typer.testing import CliRunner

from amend.cli.app import app
from amend.outputs.labels import OUR_LABEL_MARK_RU, field_headings
from amend.outputs.markdown import UNKNOWN_MARK, UNKNOWN_MARK_RU

runner = CliRunner()
ACT = Path(__file__).parent / "fixtures" / "russian" / "748-2701.yaml"


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", root / "plans")
    shutil.copy(ACT, root / "plans" / "amendments" / "2701.yaml")
    return root


def _export(root: Path, *args: str) -> str:
    result = runner.invoke(app, ["export", "748", "--at", "2025-10-15", *args, "--root", str(root)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_lang_ru_gives_the_russian_texts_and_the_russian_unknown_mark(tmp_path):
    root = _root(tmp_path)
    rows = {r["number"]: r for r in csv.DictReader(io.StringIO(_export(root, "--to", "csv", "--lang", "ru")))}
    assert rows["6"]["measure"] == "тестовый текст: мероприятие строки 6"
    assert rows["6"]["executors"] == "МП, МИО"
    assert rows["23-2"]["deadline"] == "июнь 2026 года"
    assert rows["28"]["measure"] == UNKNOWN_MARK_RU  # no source gives row 28 in Russian: never its Kazakh text
    assert UNKNOWN_MARK not in "".join(str(r) for r in rows.values())
    kazakh = {r["number"]: r for r in csv.DictReader(io.StringIO(_export(root, "--to", "csv")))}
    assert kazakh["6"]["measure"] == "сынақ мәтіні: 6-жолдың іс-шарасы" and kazakh["28"]["measure"] != UNKNOWN_MARK_RU
    data = json.loads(_export(root, "--to", "json", "--lang", "ru"))
    assert data["lang"] == "ru" and "lang" not in json.loads(_export(root, "--to", "json"))
    row28 = next(r for r in data["rows"] if r["number"] == "28")
    assert row28["measure"] is None


def test_export_lang_ru_xlsx_has_russian_heads_marked_as_ours(tmp_path):
    root = _root(tmp_path)
    out = tmp_path / "ru.xlsx"
    result = runner.invoke(
        app,
        ["export", "748", "--at", "2025-10-15", "--to", "xlsx", "--lang", "ru", "-o", str(out), "--root", str(root)],
    )
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    heads = [c.value for c in wb.worksheets[0][1]]
    assert heads[0] == "№ строки" and f"Мероприятие {OUR_LABEL_MARK_RU}" in heads
    assert wb.sheetnames[1] == "Поля"
    assert not any(set("әғқңөұүһі") & set(str(h).lower()) for h in heads)


def test_field_headings_in_russian_name_every_field_the_kazakh_ones_do(repo):
    plan = repo.timeline("156").latest.plan
    kk, ru = field_headings(plan), field_headings(plan, "ru")
    assert kk.keys() == ru.keys() and all(kk[k] != ru[k] for k in kk)


def test_export_refuses_a_language_it_does_not_write(tmp_path):
    root = _root(tmp_path)
    bad = runner.invoke(
        app, ["export", "748", "--at", "2025-10-15", "--to", "csv", "--lang", "en", "--root", str(root)]
    )
    assert bad.exit_code == 2
