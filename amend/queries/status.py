"""A plan's legal standing on a day: its force, its period, the acts applied, and how current that is.

``plan_status`` answers ``amend status PLAN --at DATE``: whether the approving act is not yet in force,
in force or repealed on that day (and since when, and on what that rests), the plan's period and whether
it has ended, the amending acts applied by then, and whether the plan file declares that list complete.
``standing`` gives the same as the Kazakh lines every rendering carries (a status badge, the period, the
currency statement). Status words are given only as far as the acts known support them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning
from amend.engine.legal import Period, act_in_case, currency_english, currency_kazakh, plan_period
from amend.engine.model import Plan
from amend.engine.timeline import Timeline
from amend.engine.unknown import UNKNOWN

__all__ = [
    "PlanStatus",
    "Standing",
    "StatusName",
    "acts_complete",
    "plan_status",
    "show_data",
    "standing",
    "status_json",
    "status_text",
]

StatusName = Literal["not_yet_in_force", "in_force", "repealed", "suspended"]

# The status words of the badge (the bank's own words where it has them: «Күшін жойған»).
_BADGE: dict[StatusName, str] = {
    "not_yet_in_force": "әлі қолданысқа енгізілмеген",
    "in_force": "қолданыста",
    "repealed": "Күшін жойған",
    "suspended": "қолданылуы тоқтатыла тұрған",
}


@dataclass(frozen=True)
class PlanStatus:
    """What ``amend status`` reports (see ``status_json`` for the JSON contract)."""

    plan: str
    at: dt.date
    status: StatusName
    since: dt.date | None  # None: the day is not known (an entry into force no source gives)
    basis: str
    period: Period | None
    acts: tuple[tuple[Act, dt.date], ...]  # the amending acts applied by ``at``, with their first day in force
    acts_complete: bool
    known_on: dt.date
    currency: str  # in English
    currency_kk: str  # in Kazakh
    # Amending acts (by number) repealed as a whole by ``at``: the day and the repealing act.
    act_repeals: dict[str, tuple[dt.date, Act]] = field(default_factory=dict)

    @property
    def period_ended(self) -> bool:
        """True once ``at`` is after the period's last day (False where the period is unknown)."""
        return self.period is not None and self.period.ended(self.at)


@dataclass(frozen=True)
class Standing:
    """The lines a rendering shows under the title: the status badge, the period, the currency statement."""

    lines: tuple[str, ...]


def acts_complete(plan: Plan) -> bool:
    """True only if the plan file declares its list of amending acts complete (with a source)."""
    return plan.amending_acts is not None and plan.amending_acts.complete


def _entry_rule(plan: Plan) -> str:
    match plan.entry_into_force:
        case OnSigning():
            return "on signing"
        case OnDate(date=date):
            return f"on {date.isoformat()}"
        case AfterPublication(days=days, published=published):
            return f"{days} days after publication on {published.isoformat()}"
        case _:
            return "unknown"


def plan_status(timeline: Timeline, at: dt.date) -> PlanStatus:
    """The standing of the timeline's plan on ``at``, as the acts known to the timeline make it."""
    base = timeline.versions[0].plan
    start = timeline.versions[0].valid_from
    unknown_start = base.entry_into_force is UNKNOWN
    status: StatusName
    if timeline.repealed_on is not None and at >= timeline.repealed_on:
        status, since = "repealed", timeline.repealed_on
        by = timeline.repeal.citation if timeline.repeal is not None else "an act"
        basis = f"repealed with effect from {since.isoformat()} ({by})"
    elif (held := next((x for x in timeline.suspensions if x.covers(at)), None)) is not None:
        status, since = "suspended", held.start
        until = f" until {held.end.isoformat()}" if held.end else " (no known act or date ends it)"
        basis = f"suspended from {held.start.isoformat()}{until} ({act_in_case(held.by, 'instrumental')})"
    elif unknown_start:
        if at < base.act.date:
            status, since = "not_yet_in_force", None
            basis = f"act {base.act.number} was adopted on {base.act.date.isoformat()}, after this day"
        else:
            # Adopted by then; no source gives the day it entered into force, so neither is "since" given.
            status, since = "in_force", None
            basis = (
                f"act {base.act.number} adopted {base.act.date.isoformat()}; its entry into force is unknown "
                f"(no source gives it); no known act repeals it"
            )
    elif at < start:
        status, since = "not_yet_in_force", None
        basis = f"act {base.act.number} enters into force on {start.isoformat()} ({_entry_rule(base)})"
    else:
        status, since = "in_force", start
        basis = (
            f"act {base.act.number} in force from {start.isoformat()} ({_entry_rule(base)}); no known act repeals it"
        )
    applied = [r for r in timeline.acts_applied(at) if r.in_force is not None]
    acts = tuple((r.act, r.in_force) for r in applied if r.in_force is not None)
    repeals = {r.act.number: (e.day, e.by) for r in applied if (e := r.repealed) is not None and e.day <= at}
    complete = acts_complete(base)
    known_on = timeline.known_as_of
    listed = [a for a, _ in acts]
    return PlanStatus(
        plan=timeline.plan_id,
        at=at,
        status=status,
        since=since,
        basis=basis,
        period=plan_period(base.period, base.title),
        acts=acts,
        acts_complete=complete,
        known_on=known_on,
        currency=currency_english(known_on, listed, complete),
        currency_kk=currency_kazakh(known_on, listed, complete),
        act_repeals=repeals,
    )


def _act_json(s: PlanStatus, act: Act, day: dt.date) -> dict[str, Any]:
    data: dict[str, Any] = {"number": act.number, "date": act.date.isoformat(), "in_force": day.isoformat()}
    repeal = s.act_repeals.get(act.number)
    if repeal is not None:  # what it changed stays in the plan's text; see docs/format.md
        data["repealed"] = {"on": repeal[0].isoformat(), "by": repeal[1].number}
    return data


def status_json(s: PlanStatus) -> dict[str, Any]:
    """The JSON contract of ``amend status --format json``."""
    return {
        "plan": s.plan,
        "at": s.at.isoformat(),
        "status": s.status,
        "since": s.since.isoformat() if s.since else None,
        "basis": s.basis,
        "period": (
            {"from": s.period.start.isoformat(), "to": s.period.end.isoformat(), "source": s.period.source}
            if s.period
            else None
        ),
        "period_ended": s.period_ended,
        "acts": [_act_json(s, a, day) for a, day in s.acts],
        "acts_complete": s.acts_complete,
        "as_known_on": s.known_on.isoformat(),
        "currency": s.currency,
    }


def show_data(timeline: Timeline, at: dt.date, lang: str = "kk") -> dict[str, Any]:
    """The JSON contract of ``amend show PLAN --at DATE --format json``: the version in force on ``at``
    (``NotInForce`` before the first), its legal facts, and the status badge (force, whether the period ended)."""
    from amend.store.serialize import show_json

    data = show_json(timeline.in_force_at(at), at, timeline, lang)
    found = plan_status(timeline, at)
    data["status"], data["period_ended"] = found.status, found.period_ended
    return data


def status_text(s: PlanStatus) -> str:
    """``amend status`` as text, one fact a line."""
    period = (
        f"{s.period.start.isoformat()} – {s.period.end.isoformat()} (from the {s.period.source})"
        if s.period
        else "unknown"
    )
    lines = [
        f"plan {s.plan} on {s.at.isoformat()}: {s.status.replace('_', ' ')}"
        + (f" since {s.since.isoformat()}" if s.since else ""),
        f"basis: {s.basis}",
        f"period: {period}" + ("; ended" if s.period_ended else ""),
        "acts applied: " + (", ".join(f"{a.number} of {a.date.isoformat()}" for a, _ in s.acts) or "none"),
        f"currency: {s.currency}",
    ]
    return "\n".join(lines)


def standing(timeline: Timeline, at: dt.date) -> Standing:
    """The Kazakh lines of a rendering of the version in force on ``at``."""
    s = plan_status(timeline, at)
    badge = f"Мәртебесі: {_BADGE[s.status]}"
    if s.status == "repealed" and timeline.repeal is not None:
        badge += f" ({timeline.repeal.citation})"
    if not s.acts_complete and s.status != "repealed":
        badge += " (белгілі актілер бойынша)"  # only as far as the acts we know say
    if s.period is None:
        period = "Жоспар кезеңі: белгісіз"
    else:
        period = f"Жоспар кезеңі: {s.period.start.isoformat()} – {s.period.end.isoformat()}"
        period += " (атауынан алынған)" if s.period.inferred else f" ({s.period.source})"
        if s.period_ended:
            period += "; кезеңі аяқталды"
    return Standing((badge, period, s.currency_kk))
