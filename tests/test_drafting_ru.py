"""`amend draft-text --lang ru` (amend/importer/act/drafting_ru.py): the act's Russian text, and the round trip
import(draft-text --lang ru) == the act's Russian fields, beside the Kazakh one of tests/test_drafting.py."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import builders
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter
from typer.testing import CliRunner

from amend import Amendment, load_amendment
from amend.cli.app import app
from amend.engine.model import Plan
from amend.engine.operations import Operation
from amend.engine.timeline import FiledAmendment, consolidate
from amend.engine.unknown import UNKNOWN
from amend.errors import AmendError
from amend.importer.act.draft import Draft, DraftOp
from amend.importer.act.drafting import render_text
from amend.importer.act.drafting_ru import NoRussianFormula, draft_text_ru
from amend.importer.act.preview import version_before
from amend.importer.act.russian import merge_russian, read_russian
from amend.importer.act.writer import operation_data
from amend.importer.metadata import EntryReading

runner = CliRunner()
ACT = Path(__file__).parent / "fixtures" / "russian" / "748-2701.yaml"
_OPERATION: TypeAdapter[Operation] = TypeAdapter(Operation)
_RU_KEYS = ("cells_ru", "title_ru", "text_ru", "expansion_ru", "entries_ru", "codes_ru", "code_ru", "old_ru", "new_ru")


def _strip(value: Any) -> Any:
    """A value with every Russian text taken out (what the Kazakh text alone gives)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _RU_KEYS and k != "occurrences_ru"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _kazakh_only(act: Amendment) -> Draft:
    """The act as its Kazakh text alone would give it: no Russian text anywhere."""
    ops = [DraftOp(_OPERATION.validate_python(_strip(operation_data(op))), []) for op in act.operations]
    signatory = act.act.signatory
    if signatory is not None:
        signatory = signatory.model_copy(update={"position_ru": UNKNOWN, "name_ru": UNKNOWN})
    head = act.act.model_copy(update={"title_ru": UNKNOWN, "signatory": signatory})
    rule = act.entry_into_force
    entry = EntryReading(rule.rule, date=getattr(rule, "date", None), days=getattr(rule, "days", None))
    return Draft("<kk>", head, act.amends, entry, ops)


def round_trip_ru(act: Amendment, before: Plan) -> Draft:
    """The act's Russian text drafted, read back and merged into the act as its Kazakh text gives it."""
    text = render_text(draft_text_ru(act, before))
    return merge_russian(_kazakh_only(act), read_russian(text, before), before)


def _russian_fields(draft_or_act: Draft | Amendment) -> dict[str, object]:
    if isinstance(draft_or_act, Draft):
        ops = [op.operation for op in draft_or_act.operations]
    else:
        ops = list(draft_or_act.operations)
    act = draft_or_act.act
    return {
        "title_ru": act.title_ru,
        "signatory": None if act.signatory is None else (act.signatory.position_ru, act.signatory.name_ru),
        "operations": [None if op is None else operation_data(op) for op in ops],
    }


def test_the_russian_round_trip_gives_the_fixture_act_back():
    act = load_amendment(ACT)
    before = version_before(ROOT, act, ACT)
    got = round_trip_ru(act, before)
    assert _russian_fields(got) == _russian_fields(act)
    assert got.reviews == []


def test_the_russian_text_writes_only_russian_and_the_unknown_mark():
    act = load_amendment(ACT)
    before = version_before(ROOT, act, ACT)
    text = render_text(draft_text_ru(act, before))
    assert "Постановление Правительства Республики Казахстан от 15 октября 2025 года № 2701" in text
    assert "строку, порядковый номер 6, изложить в следующей редакции:" in text
    assert 'в строке, порядковый номер 28, слова "ежегодно, июнь, декабрь" заменить словами' in text
    kazakh = {t for op in act.operations for t in _strip(operation_data(op)).get("cells", {}).values()}
    assert not any(k in text for k in kazakh if isinstance(k, str) and len(k) > 3 and k != "-")
    no_russian = act.model_copy(
        update={"operations": (act.operations[0].model_copy(update={"cells_ru": {}}),), "act": act.act}
    )
    # The one unknown: the Russian code of the line ОМ before the act (the plan gives none; never the Kazakh one).
    assert text.count("⟨неизвестно⟩") == 1 and 'аббревиатуры "⟨неизвестно⟩" изложить' in text
    assert render_text(draft_text_ru(no_russian, before)).count("⟨неизвестно⟩") == 6


def test_an_operation_with_no_russian_formula_is_refused_not_written_in_kazakh(tmp_path):
    path = tmp_path / "9.yaml"
    path.write_text(
        ACT.read_text(encoding="utf-8").split("operations:")[0]
        + "operations:\n  - {op: renumber, element: row 6, to: '6-1'}\n",
        encoding="utf-8",
    )
    act = load_amendment(path)
    with pytest.raises(NoRussianFormula):
        draft_text_ru(act, builders.plan())
    result = runner.invoke(app, ["draft-text", str(path), "--lang", "ru", "--root", str(ROOT)])
    assert result.exit_code == 1 and "no-russian-formula" in result.output


def test_cli_draft_text_lang_ru_then_import_lang_ru(tmp_path):
    result = runner.invoke(app, ["draft-text", str(ACT), "--lang", "ru", "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    path = tmp_path / "ru.txt"
    path.write_text(result.stdout, encoding="utf-8")
    back = runner.invoke(app, ["import", str(path), "--lang", "ru", "--root", str(ROOT)])
    assert back.exit_code == 0, back.output
    assert "тестовый текст: мероприятие строки 6" in back.stdout
    bad = runner.invoke(app, ["draft-text", str(ACT), "--lang", "en", "--root", str(ROOT)])
    assert bad.exit_code == 2


# -- generated acts -----------------------------------------------------------------------------------------

KK = ["балалар", "ата-ана", "мектеп", "ақпарат", "шара", "жоспар", "қорғау", "денсаулық"]
RU = ["дети", "родители", "школа", "информация", "мера", "план", "защита", "здоровье"]
NEW_CODES = {"КМ": "МТ", "МАМ": "МКИ", "ТСМ": "МТС"}


def _kk(rng: random.Random, lo: int = 1, hi: int = 4) -> str:
    return " ".join(rng.choice(KK) for _ in range(rng.randint(lo, hi)))


def _ru(rng: random.Random, lo: int = 1, hi: int = 4) -> Any:
    if rng.random() < 0.15:
        return UNKNOWN  # the act's Russian text does not give it
    return " ".join(rng.choice(RU) for _ in range(rng.randint(lo, hi)))


def _cells_ru(rng: random.Random) -> dict[str, Any]:
    cells = {"measure": _ru(rng), "executors": rng.choice(["МП", "МП, МЗ", UNKNOWN])}
    return {c: t for c, t in cells.items() if t is not UNKNOWN}


def _base() -> Plan:
    plan = builders.plan()
    rows = [r.with_cells(r.cells, {"measure": f"мера {r.number}", "executors": "МП"}, None) for r in plan.rows]
    note = {"ОМ": plan.abbreviations["ОМ"].model_copy(update={"code_ru": "МП", "expansion_ru": "министерство"})}
    points = (
        _point("1", "Жоспар бекітілсін.", "Утвердить план."),
        _point("2", "Ұйымдар шара қабылдасын.", "Организациям принять меры."),
    )
    act = plan.act.model_copy(update={"points": points})
    return plan.model_copy(update={"rows": type(plan.rows)(rows), "abbreviations": note, "act": act})


def _point(number: str, text: str, text_ru: str) -> Any:
    from amend.engine.acts import ActPoint

    return ActPoint(number=number, text=text, text_ru=text_ru)


def _candidate(rng: random.Random, p: Plan) -> dict[str, Any] | None:
    rows = list(p.rows)
    row = rng.choice(rows) if rows else None
    kind = rng.choice(
        [
            "replace_row",
            "replace_cells",
            "insert_rows",
            "delete_row",
            "words",
            "add_abbr",
            "replace_abbr",
            "delete_abbr",
            "set_title",
            "add_section",
            "add_subsection",
            "delete_section",
            "point",
            "insert_point",
            "delete_point",
        ]
    )
    codes = sorted(p.abbreviations)
    if kind == "replace_row" and row:
        return {
            "op": "replace_row",
            "row": str(row.number),
            "section": rng.choice([row.section, None]),
            "cells": {"measure": _kk(rng), "executors": rng.choice(codes) if codes else "ОМ"},
            "cells_ru": _cells_ru(rng),
        }
    if kind == "replace_cells" and row:
        cells_ru = {"measure": _ru(rng)}
        return {
            "op": "replace_cells",
            "row": str(row.number),
            "section": rng.choice([row.section, None]),
            "cells": {"measure": _kk(rng)},
            "cells_ru": {c: t for c, t in cells_ru.items() if t is not UNKNOWN},
        }
    if kind == "insert_rows" and row:
        number = f"{row.number}-{rng.randint(1, 3)}"
        op = {
            "op": "insert_rows",
            "section": row.section,
            "rows": [{"number": number, "cells": {"measure": _kk(rng), "executors": "ОМ"}, "cells_ru": _cells_ru(rng)}],
        }
        if isinstance(row.subsection, str):
            op["subsection"] = row.subsection
        return op
    if kind == "delete_row" and row:
        return {"op": "delete_row", "row": str(row.number), "section": rng.choice([row.section, None])}
    if kind == "words" and row and isinstance(row.cells["measure"], str):
        old = rng.choice(row.cells["measure"].split())
        op = {"op": "replace_words", "row": str(row.number), "old": old, "new": rng.choice(["", _kk(rng, 1, 2)])}
        cell = rng.random() < 0.4
        if cell:
            op["column"] = "measure"
        op["occurrences"] = row.cells["measure"].count(old) + (0 if cell else str(row.cells["executors"]).count(old))
        measure_ru = row.cells_ru.get("measure")
        if isinstance(measure_ru, str) and rng.random() < 0.8:
            old_ru = rng.choice(measure_ru.split())
            op |= {"old_ru": old_ru, "new_ru": rng.choice(["", " ".join(rng.sample(RU, 2))])}
            other = 0 if cell else str(row.cells_ru.get("executors", "")).count(old_ru)
            op["occurrences_ru"] = measure_ru.count(old_ru) + other
            if op["occurrences_ru"] == op["occurrences"]:
                del op["occurrences_ru"]  # the default: the Kazakh count
        return op
    if kind == "add_abbr":
        new = [c for c in NEW_CODES if c not in p.abbreviations]
        if not new:
            return None
        code = rng.choice(new)
        op = {"op": "add_abbreviations", "entries": {code: _kk(rng, 2, 3)}, "entries_ru": {code: " ".join(RU[:2])}}
        if rng.random() < 0.7:
            op["codes_ru"] = {code: NEW_CODES[code]}
        return op
    if kind == "replace_abbr" and codes:
        op = {"op": "replace_abbreviation", "code": rng.choice(codes), "expansion": _kk(rng, 2, 3)}
        op["expansion_ru"] = _ru(rng, 2, 3)
        current = p.abbreviations[op["code"]].code_ru or op["code"]
        code_ru = rng.choice(["МПР", "МНВО"])
        if rng.random() < 0.5 and code_ru != current:  # the same code again is no change a text can show
            op["code_ru"] = code_ru
        return op
    if kind == "delete_abbr" and codes:
        return {"op": "delete_abbreviation", "code": rng.choice(codes)}
    if kind == "set_title":
        s = rng.choice(p.sections)
        op = {"op": "set_title", "section": s.number, "title": _kk(rng), "title_ru": _ru(rng)}
        if s.subsections and rng.random() < 0.5:
            op["subsection"] = rng.choice(s.subsections).number
        return op
    if kind == "add_section":
        number = str(len(p.sections) + 1)
        return {"op": "add_section", "number": number, "title": _kk(rng), "title_ru": _ru(rng)}
    if kind == "add_subsection":
        s = rng.choice(p.sections)
        number = f"{s.number}.{len(s.subsections) + 1}"
        return {"op": "add_subsection", "section": s.number, "number": number, "title": _kk(rng), "title_ru": _ru(rng)}
    if kind == "delete_section" and len(p.sections) > 1:
        return {"op": "delete_section", "number": p.sections[-1].number}
    if kind == "point" and p.act.points:
        point = rng.choice(p.act.points)
        return {"op": "replace_text", "element": f"point {point.number}", "text": _kk(rng), "text_ru": _ru(rng)}
    if kind == "insert_point":
        number = str(len(p.act.points) + 1)
        return {"op": "insert_text", "element": f"point {number}", "text": _kk(rng), "text_ru": _ru(rng)}
    if kind == "delete_point" and p.act.points:
        return {"op": "delete_text", "element": f"point {rng.choice(p.act.points).number}"}
    return None


def _amendment(ops: list[dict[str, Any]], date: dt.date, entry: dict[str, Any], signed: bool) -> Amendment:
    act: dict[str, Any] = {
        "issuer": "Қазақстан Республикасының Үкіметі",
        "kind": "қаулы",
        "number": "77",
        "date": date,
        "title": "Жоспарға өзгерістер енгізу туралы",
        "title_ru": "О внесении изменений в план",
    }
    if signed:
        act["signatory"] = {
            "position": "Премьер-Министр",
            "name": "А. Бекұлы",
            "position_ru": "Премьер-Министр Республики Казахстан",
            "name_ru": "А. Бекулы",
        }
    return Amendment.model_validate(
        {"act": act, "amends": "100", "status": "adopted", "entry_into_force": entry, "operations": ops}
    )


def generated_act(seed: int) -> tuple[Amendment, Plan]:
    """A valid act with Russian texts on the small plan, built one operation at a time, the engine judging."""
    rng = random.Random(seed)
    base = _base()
    date = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(0, 300))
    entry = rng.choice(
        [
            {"rule": "on_signing"},
            {"rule": "on_date", "date": date + dt.timedelta(days=rng.randint(1, 40))},
            {"rule": "after_publication", "days": 10, "published": date + dt.timedelta(days=2)},
        ]
    )
    signed = rng.random() < 0.7
    ops: list[dict[str, Any]] = []
    staggered = date + dt.timedelta(days=90)
    for _ in range(rng.randint(1, 7)):
        act = _amendment(ops, date, entry, signed)
        current = consolidate(base, [FiledAmendment(act, Path("gen.yaml"))]).latest.plan if ops else base
        op = _candidate(rng, current)
        if op is None:
            continue
        op = {k: v for k, v in op.items() if v is not None}
        if ops and (ops[-1].get("in_force") or rng.random() < 0.15):
            op["in_force"] = staggered  # one later point, to the end of the act
        try:
            consolidate(base, [FiledAmendment(_amendment([*ops, op], date, entry, signed), Path("gen.yaml"))])
        except AmendError:
            continue
        ops.append(op)
    if not ops:
        ops.append({"op": "set_title", "section": "2", "title": "Жаңа атау", "title_ru": "Новый заголовок"})
    return _amendment(ops, date, entry, signed), base


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_the_russian_round_trip_holds_on_generated_acts(seed):
    act, base = generated_act(seed)
    got = round_trip_ru(act, base)
    assert _russian_fields(got) == _russian_fields(act)


def test_392_in_russian_is_its_formulae_with_every_text_unknown_and_no_kazakh_word():
    path = ROOT / "plans" / "amendments" / "392.yaml"
    act = load_amendment(path)
    text = render_text(draft_text_ru(act, version_before(ROOT, act, path)))
    assert "строку, порядковый номер 6, изложить в следующей редакции:" in text
    assert "Настоящее постановление вводится в действие со дня его подписания." in text
    kazakh_letters = set("әғқңөұүһі")
    assert not [line for line in text.splitlines() if kazakh_letters & set(line.lower())]
    assert text.count("⟨неизвестно⟩") > 17 * 6
