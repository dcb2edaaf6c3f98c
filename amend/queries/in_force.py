"""Was a row in force on a day, and in which wording? The auditor's question, with the act to cite.

The answer is yes, no, or "our sources do not say": a plan recorded with ``rows_complete: false``
lists only some of its rows, so a row missing from it is not thereby shown to be absent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from amend.engine.acts import citation, in_force_date
from amend.engine.model import Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change
from amend.engine.timeline import Timeline, Version
from amend.engine.unknown import UNKNOWN, UNKNOWN_MARK
from amend.errors import NotInForce
from amend.queries.history import row_history
from amend.store.serialize import row_json

__all__ = ["InForceAnswer", "Wording", "answer_json", "answer_text", "row_in_force"]


@dataclass(frozen=True)
class Wording:
    """Who gave a row its wording: the last change to it, or the approving act where it is as enacted."""

    act: str
    act_date: dt.date
    in_force: dt.date | None  # None: the approving act's entry into force is unknown
    kind: str  # a ChangeKind value, or "enacted"
    citation: str  # ``ҚР Үкіметінің 30.05.2025 № 392 қаулысымен``
    note: str | None  # the reference bank's note for a change; None as enacted


@dataclass(frozen=True)
class InForceAnswer:
    """The answer for one row on one day."""

    plan: str
    row: RowNumber
    at: dt.date
    in_force: bool | None  # None: the sources do not say
    reason: str
    version: Version | None = None
    wording: Row | None = None
    source: Wording | None = None


def _wording(plan: Plan, row: Row) -> Wording:
    if row.history:
        last: Change = row.history[-1]
        return Wording(last.act, last.act_date, last.in_force, last.kind.value, last.citation, last.note)
    eif = plan.entry_into_force
    return Wording(
        plan.act.number,
        plan.act.date,
        None if eif is UNKNOWN else in_force_date(plan.act, eif),
        "enacted",
        citation(plan.act),
        None,
    )


def row_in_force(timeline: Timeline, number: RowNumber, at: dt.date) -> InForceAnswer:
    """Whether row ``number`` of the timeline's plan was in force on ``at``, and in which wording."""
    pid = timeline.plan_id
    try:
        version = timeline.in_force_at(at)
    except NotInForce as err:
        return InForceAnswer(pid, number, at, False, err.message)
    plan = version.plan
    row = plan.row(number)
    if row is not None:
        source = _wording(plan, row)
        declared = plan.amending_acts
        how = (
            # "as enacted" claims that no other act changed it: made only where the acts are declared complete
            ("as enacted" if declared is not None and declared.complete else "as enacted, as far as the known acts say")
            if source.kind == "enacted"
            else f"in the wording of act {source.act} of {source.act_date}, in force from {source.in_force}"
        )
        return InForceAnswer(
            pid, number, at, True, f"row {number} of plan {pid} is in force on {at}, {how}", version, row, source
        )
    deleted = plan.deleted_rows.get(str(number))
    if deleted is not None:
        return InForceAnswer(
            pid,
            number,
            at,
            False,
            f"row {number} of plan {pid} is not in force on {at}: act "
            f"{deleted.act} deleted it with effect from {deleted.in_force} ({deleted.note})",
            version,
        )
    later = next((s for s in row_history(timeline, number) if s.valid_from > at and s.row is not None), None)
    if later is not None and later.change is not None:
        return InForceAnswer(
            pid,
            number,
            at,
            False,
            f"row {number} of plan {pid} is not yet in force on {at}: act "
            f"{later.change.act} inserts it with effect from {later.valid_from}",
            version,
        )
    if not plan.rows_complete:
        return InForceAnswer(
            pid,
            number,
            at,
            None,
            f"our sources do not say: plan {pid} is recorded with only some "
            f"of its rows, and row {number} is not among them",
            version,
        )
    return InForceAnswer(pid, number, at, False, f"plan {pid} has no row {number} on {at}", version)


def _show(value: object) -> str:
    return UNKNOWN_MARK if value is UNKNOWN else str(value)


def answer_text(answer: InForceAnswer) -> str:
    """The answer for people: a verdict line, the act to cite, and the wording (unknowns marked)."""
    verdict = {True: "yes", False: "no", None: "unknown"}[answer.in_force]
    lines = [f"{verdict}: {answer.reason}"]
    if answer.wording is None or answer.source is None or answer.version is None:
        return "\n".join(lines)
    src, row, plan = answer.source, answer.wording, answer.version.plan
    since = src.in_force.isoformat() if src.in_force else f"{UNKNOWN_MARK} (entry into force not in our sources)"
    how = "as approved" if src.kind == "enacted" else src.kind.replace("_", " ")
    lines.append(f"wording: {how} – {src.citation}, in force from {since}")
    if src.note:
        lines.append(src.note)
    sub = "none" if row.subsection is None else _show(row.subsection)
    lines.append(f"section {row.section}, subsection {sub}")
    for c in plan.columns:
        text = _show(row.cells[c.id]).replace("\n", "\n    ")
        lines.append(f"  {c.id}: {text}")
    return "\n".join(lines)


def answer_json(answer: InForceAnswer) -> dict[str, Any]:
    """The answer as data: ``in_force`` is true, false or null (the sources do not say)."""
    version = answer.version
    src = answer.source
    return {
        "plan": answer.plan,
        "row": str(answer.row),
        "at": answer.at.isoformat(),
        "in_force": answer.in_force,
        "reason": answer.reason,
        "version": None
        if version is None
        else {
            "valid_from": version.valid_from.isoformat(),
            "valid_to": version.valid_to.isoformat() if version.valid_to else None,
        },
        "wording": None if answer.wording is None or version is None else row_json(version.plan, answer.wording),
        "wording_from": None
        if src is None
        else {
            "act": src.act,
            "act_date": src.act_date.isoformat(),
            "in_force": src.in_force.isoformat() if src.in_force else None,
            "kind": src.kind,
            "citation": src.citation,
            "note": src.note,
        },
    }
