"""Structural differences between two versions, through deepdiff."""

from __future__ import annotations

import json
from typing import Any

from amend.engine.model import Plan, Row
from amend.engine.timeline import Version
from amend.store.serialize import act_json, row_json, to_json_value

__all__ = ["diff_text", "version_diff"]


def _row(plan: Plan, row: Row) -> dict[str, Any]:
    data = {k: v for k, v in row_json(plan, row).items() if k not in ("history", "number", "amounts")}
    if row.uid is not None:  # renumbered: keyed by its identity, its number is one of its parts
        data["number"] = str(row.number)
    return data


def _by_number(points: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        p["number"]: {"text": p["text"], **({"subpoints": _by_number(p["subpoints"])} if "subpoints" in p else {})}
        for p in points
    }


def _comparable(version: Version) -> dict[str, Any]:
    # Rows keyed by identity (the number, unless renumbered) so that an insertion is one added item, not a
    # shift of every later row, and a renumbering is a change of one row's number.
    plan = version.plan
    act = act_json(plan)
    del act["history"]
    act["points"] = _by_number(act["points"])  # so that striking out point 3 does not shift points 4, 5
    return {
        "resolution": act,
        "annex_notes": {n.number: to_json_value(n.text) for n in plan.annex_notes},
        "columns": {c.id: to_json_value(c.title) for c in plan.columns},
        "title": to_json_value(plan.title),
        "sections": {
            s.number: {
                "title": to_json_value(s.title),
                "subsections": {x.number: to_json_value(x.title) for x in s.subsections},
            }
            for s in plan.sections
        },
        "rows": {r.identity: _row(plan, r) for r in plan.rows},
        "abbreviations": {c: to_json_value(a.expansion) for c, a in plan.abbreviations.items()},
    }


def version_diff(old: Version, new: Version) -> dict[str, Any]:
    """What changed from ``old`` to ``new``, as JSON-ready data (deepdiff's tree, made plain)."""
    from deepdiff import DeepDiff  # imported here: the other commands need not pay for it

    diff = DeepDiff(_comparable(old), _comparable(new), verbose_level=2)
    return json.loads(diff.to_json()) if diff else {}


def diff_text(data: dict[str, Any]) -> str:
    """The diff for a human: one line per change."""
    if not data:
        return "no differences"
    lines = []
    for kind in sorted(data):
        for path, value in sorted(data[kind].items()):
            where = path.replace("root", "", 1)
            if isinstance(value, dict) and {"old_value", "new_value"} <= value.keys():
                lines.append(f"~ {where}: {value['old_value']!r} -> {value['new_value']!r}")
            elif "added" in kind:
                lines.append(f"+ {where}: {value!r}")
            elif "removed" in kind:
                lines.append(f"- {where}: {value!r}")
            else:
                lines.append(f"{kind} {where}: {value!r}")
    return "\n".join(lines)
