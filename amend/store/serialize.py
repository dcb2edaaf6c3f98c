"""Versions as plain data: the consolidated YAML files, the index, and the JSON contract of ``show``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from amend.engine.acts import ActPoint
from amend.engine.amounts import row_amounts
from amend.engine.language import Lang, in_russian
from amend.engine.legal import currency_english, plan_period
from amend.engine.model import Abbreviation, Column, Plan, Row
from amend.engine.provenance import Change
from amend.engine.timeline import Timeline, Version
from amend.engine.unknown import UNKNOWN, Unknown

__all__ = [
    "PartData",
    "act_json",
    "index_data",
    "legal_data",
    "row_json",
    "show_json",
    "to_json_value",
    "unknowns",
    "version_data",
]


def _change(c: Change) -> dict[str, Any]:
    data = {"act": c.act, "act_date": c.act_date, "in_force": c.in_force, "kind": c.kind.value, "note": c.note}
    if c.amended_by:  # acts that amend acts: the acts that moved or corrected this operation
        data["amended_by"] = list(c.amended_by)
    if c.corrects is not None:
        data["corrects"] = c.corrects
    return data


def legal_data(timeline: Timeline, plan: Plan, day: dt.date) -> dict[str, Any]:
    """The legal facts beside a version: entry into force (unknown where no source gives it), the plan's
    period and where it comes from, and the currency statement (in English) as of ``day``."""
    period = plan_period(plan.period, plan.title)
    complete = plan.amending_acts is not None and plan.amending_acts.complete
    acts = [r.act for r in timeline.acts_applied(day)]
    return {
        "entry_into_force": (
            UNKNOWN if isinstance(plan.entry_into_force, Unknown) else plan.entry_into_force.model_dump()
        ),
        "period": (
            {"from": period.start, "to": period.end, "source": period.source} if period is not None else UNKNOWN
        ),
        "acts_complete": complete,
        "currency": currency_english(timeline.known_as_of, acts, complete),
    }


def _amounts(plan: Plan, row: Row) -> dict[str, str]:
    # Decimals as text, so that no figure is rounded on its way through YAML or JSON.
    return {c: str(a) for c, a in row_amounts(plan, row).items() if a is not None}


def _row(plan: Plan, row: Row, change: Callable[[Change], dict[str, Any]] = _change) -> dict[str, Any]:
    data: dict[str, Any] = {"number": str(row.number), "section": row.section}
    if row.subsection is not None:
        data["subsection"] = row.subsection
    data["cells"] = dict(row.cells)
    if row.cells_ru:  # Russian cells only where a source gives them
        data["cells_ru"] = dict(row.cells_ru)
    if row.uid is not None:  # renumbered: the identity its history follows
        data["uid"] = row.uid
    amounts = _amounts(plan, row)
    if amounts:
        data["amounts"] = amounts  # parsed figures (million tenge) beside the text as written
    if row.history:
        data["history"] = [change(c) for c in row.history]
    return data


class PartData:
    """The parts of versions as data (rows, columns, sections, abbreviations), each part object converted
    once: the versions of one plan share their unchanged parts (the same objects), so each is converted
    once per plan, and its data is the same dict in every version, which ``YamlRenderer(reuse=True)`` then
    renders once. Nobody may change a dict it returns."""

    def __init__(self) -> None:
        """An empty memory (one per plan: it keeps every part it converted)."""
        # id(part) -> the part (kept, so the id stays its own), what else its data depends on, its data
        self._parts: dict[int, tuple[object, object, dict[str, Any]]] = {}

    def _of(self, part: object, context: object, convert: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        found = self._parts.get(id(part))
        if found is None or found[0] is not part or found[1] != context:
            found = self._parts[id(part)] = (part, context, convert())
        return found[2]

    def rows(self, plan: Plan) -> list[dict[str, Any]]:
        """``_row`` of each row; a row's data depends on the plan only through its amount columns."""
        amount = tuple(c.id for c in plan.columns if c.role == "amount")
        parts = self._parts
        out = []
        for row in plan.rows:  # _of, inlined: most rows of a version are found, and this runs for each
            found = parts.get(id(row))
            if found is None or found[0] is not row or found[1] != amount:
                found = parts[id(row)] = (row, amount, _row(plan, row, self.change))
            out.append(found[2])
        return out

    def change(self, change: Change) -> dict[str, Any]:
        """``_change``: a row's earlier changes stay the same objects when an act changes it again."""
        return self._of(change, None, partial(_change, change))

    def columns(self, plan: Plan) -> list[dict[str, Any]]:
        """``_column`` of each column."""
        return [self._of(c, None, partial(_column, c)) for c in plan.columns]

    def sections(self, plan: Plan) -> list[dict[str, Any]]:
        """``_section`` of each section."""
        return [self._of(s, None, partial(_section, s)) for s in plan.sections]

    def abbreviations(self, plan: Plan) -> list[dict[str, Any]]:
        """``_abbreviation`` of each code and its expansion."""
        return [self._of(a, code, partial(_abbreviation, code, a)) for code, a in plan.abbreviations.items()]

    def deleted_rows(self, plan: Plan) -> list[dict[str, Any]]:
        """``_deleted_row`` of each deleted row: its change stays the same object in later versions."""
        return [self._of(c, number, partial(_deleted_row, number, c)) for number, c in plan.deleted_rows.items()]


def version_data(timeline: Timeline, version: Version, parts: PartData | None = None) -> dict[str, Any]:
    """One consolidated version, complete: what ``consolidated/<plan>/<date>.yaml`` holds. ``parts``: one
    ``PartData`` for the versions of a plan, which converts their shared parts once."""
    plan = version.plan
    parts = parts if parts is not None else PartData()
    act = plan.act.model_dump(exclude_defaults=True)
    data: dict[str, Any] = {
        "plan": plan.plan,
        "title": plan.title,
        "valid_from": version.valid_from,
        "valid_to": version.valid_to,
        "acts": list(version.acts),
        **(
            {"valid_from_basis": "the approving act's adoption date: no source gives its entry into force"}
            if plan.entry_into_force is UNKNOWN and not version.acts and version.valid_from == plan.act.date
            else {}
        ),
        **legal_data(timeline, plan, version.valid_from),
        "act": act,
        "rows_complete": plan.rows_complete,
        "columns": parts.columns(plan),
        "sections": parts.sections(plan),
        "rows": parts.rows(plan),
        "abbreviations": parts.abbreviations(plan),
    }
    # What the shipped plans do not use is written only when present, so that their files stay as they were.
    if plan.title_ru is not UNKNOWN:
        data["title_ru"] = plan.title_ru
    if plan.annex_notes:
        data["annex_notes"] = [n.model_dump(exclude_defaults=True) for n in plan.annex_notes]
    if plan.deleted_rows:
        data["deleted_rows"] = parts.deleted_rows(plan)
    if plan.texts_history:
        data["texts_history"] = {k: [_change(c) for c in v] for k, v in plan.texts_history.items()}
    return data


def _deleted_row(number: str, change: Change) -> dict[str, Any]:
    return {"number": number, **_change(change)}


def _known_ru(data: dict[str, Any], key: str) -> dict[str, Any]:
    if data.get(key) is UNKNOWN:
        del data[key]
    return data


def _column(column: Column) -> dict[str, Any]:
    return _known_ru(column.model_dump(), "title_ru")


def _abbreviation(code: str, a: Abbreviation) -> dict[str, Any]:
    return {
        "code": code,
        "expansion": a.expansion,
        **({"code_ru": a.code_ru} if a.code_ru is not None else {}),
        **({"expansion_ru": a.expansion_ru} if a.expansion_ru is not UNKNOWN else {}),
        **({"history": [_change(c) for c in a.history]} if a.history else {}),
    }


def _section(section: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"number": section.number, "title": section.title}
    if section.title_ru is not UNKNOWN:
        data["title_ru"] = section.title_ru
    if section.uid is not None:
        data["uid"] = section.uid
    if getattr(section, "subsections", ()):
        data["subsections"] = [_section(s) for s in section.subsections]
    if section.history:
        data["history"] = [_change(c) for c in section.history]
    return data


def index_data(timeline: Timeline) -> dict[str, Any]:
    """``consolidated/<plan>/index.yaml``: every version with its validity interval and acts."""
    return {
        "plan": timeline.plan_id,
        "repealed_on": timeline.repealed_on,
        "versions": [
            {
                "valid_from": v.valid_from,
                "valid_to": v.valid_to,
                "acts": list(v.acts),
                "file": f"{v.valid_from.isoformat()}.yaml",
            }
            for v in timeline.versions
        ],
    }


def to_json_value(value: Any) -> Any:
    """Plain data made JSON-ready: UNKNOWN becomes null, dates ISO strings."""
    if value is UNKNOWN:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    return value


def unknowns(row: Row) -> list[str]:
    """Which parts of a row no source gives (``subsection``, ``cells.<column>``)."""
    found = ["subsection"] if row.subsection is UNKNOWN else []
    return found + [f"cells.{c}" for c, t in row.cells.items() if t is UNKNOWN]


def row_json(plan: Plan, row: Row, filed: tuple[Plan, Row] | None = None) -> dict[str, Any]:
    """A row in the JSON contract: number, section, subsection (or null), cells, history, unknown.

    ``filed``: the plan and row as filed, whose figures the amounts are (a Russian view of a row whose
    Russian cells no source gives still has its figures: numbers belong to no language)."""
    data: dict[str, Any] = to_json_value(
        {
            "number": str(row.number),
            "section": row.section,
            # null for "in no subsection"; an unknown subsection is also null and listed in `unknown`
            "subsection": row.subsection,
            "cells": dict(row.cells),
            "amounts": _amounts(*(filed or (plan, row))),
            "history": [_change(c) for c in row.history],
            "unknown": unknowns(row),
        }
    )
    return data


def _point_json(point: ActPoint) -> dict[str, Any]:
    data: dict[str, Any] = {"number": point.number, "text": point.text}
    if point.subpoints:
        data["subpoints"] = [_point_json(p) for p in point.subpoints]
    return data


def act_json(plan: Plan) -> dict[str, Any]:
    """The resolution's own text in the JSON contract: title, preamble (null: it has none, or it is
    unknown), points with their sub-points, signatory, and the history of each changed element."""
    act = plan.act
    data: dict[str, Any] = to_json_value(
        {
            "number": act.number,
            "date": act.date,
            "title": act.title,
            "preamble": act.preamble,
            "points": [_point_json(p) for p in act.points],
            "signatory": None
            if act.signatory is None
            else {"position": act.signatory.position, "name": act.signatory.name},
            "history": {k: [_change(c) for c in v] for k, v in plan.texts_history.items()},
        }
    )
    return data


def show_json(version: Version, at: dt.date, timeline: Timeline | None = None, lang: str = "kk") -> dict[str, Any]:
    """The JSON contract of ``amend show --format json`` (with ``timeline``: its legal facts too): ``lang``
    kk (the Kazakh texts), ru (the Russian texts, null where no source gives them) or both (the Kazakh, and
    the Russian under ``ru``)."""
    if lang == Lang.both:
        return {
            **show_json(version, at, timeline, "kk"),
            "lang": "both",
            "ru": show_json(version, at, timeline, "ru"),
        }
    plan: Plan = in_russian(version.plan) if lang == Lang.ru else version.plan
    # The legal facts (entry into force, period, dates) belong to no language: read off the plan as filed,
    # whose period a Russian view could not read from a title no source gives in Russian.
    legal = to_json_value(legal_data(timeline, version.plan, at)) if timeline is not None else {}
    if timeline is not None:
        legal["as_known_on"] = timeline.known_as_of.isoformat()
    data: dict[str, Any] = {
        "plan": plan.plan,
        "at": at.isoformat(),
        **legal,
        "title": to_json_value(plan.title),
        "valid_from": version.valid_from.isoformat(),
        "valid_to": version.valid_to.isoformat() if version.valid_to else None,
        "rows_complete": plan.rows_complete,
        "columns": [{k: v for k, v in to_json_value(c.model_dump()).items() if k != "title_ru"} for c in plan.columns],
        "rows": [row_json(plan, r, (version.plan, k)) for r, k in zip(plan.rows, version.plan.rows)],
        "abbreviations": {code: to_json_value(a.expansion) for code, a in plan.abbreviations.items()},
        "lang": str(lang),
        "act": act_json(plan),
        "annex_notes": [{"number": n.number, "text": to_json_value(n.text)} for n in plan.annex_notes],
    }
    return data
