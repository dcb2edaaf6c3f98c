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
from amend.engine.legal import Period, act_in_case, currency_english, currency_kazakh, currency_russian, plan_period
from amend.engine.model import Plan
from amend.engine.timeline import Timeline
from amend.engine.unknown import UNKNOWN
from amend.language import interface as words

__all__ = [
    "PlanStatus",
    "Standing",
    "StatusName",
    "acts_complete",
    "plan_status",
    "repeal_note",
    "show_data",
    "standing",
    "status_json",
    "status_text",
]

StatusName = Literal["not_yet_in_force", "in_force", "repealed", "suspended"]


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
    currency_ru: str  # in Russian
    # Amending acts (by number) repealed as a whole by ``at``: the day and the repealing act.
    act_repeals: dict[str, tuple[dt.date, Act]] = field(default_factory=dict)
    # Some operations of an applied act repealed by ``at`` (by act number): (operations, day, by, detail).
    operation_repeals: dict[str, tuple[tuple[tuple[int, ...], dt.date, Act, str], ...]] = field(default_factory=dict)
    # Acts known that never took effect, repealed before they did: (act, day of the repeal, repealing act).
    never_in_force: tuple[tuple[Act, dt.date, Act], ...] = ()
    # The reference bank's note of the plan's repeal ("Ескерту. Күші жойылды - ..."), once repealed.
    note: str | None = None

    @property
    def period_ended(self) -> bool:
        """True once ``at`` is after the period's last day (False where the period is unknown)."""
        return self.period is not None and self.period.ended(self.at)


@dataclass(frozen=True)
class Standing:
    """The lines a rendering shows under the title: the status badge, the period, the currency statement;
    and for a repealed plan the bank's note of its repeal, shown right under the act's title."""

    lines: tuple[str, ...]
    note: str | None = None


def acts_complete(plan: Plan) -> bool:
    """True only if the plan file declares its list of amending acts complete (with a source)."""
    return plan.amending_acts is not None and plan.amending_acts.complete


def repeal_note(timeline: Timeline, at: dt.date, lang: str = "kk") -> str | None:
    """The note a repealed plan's text stands under on ``at`` ("Ескерту. Күші жойылды - ҚР Үкіметінің
    07.04.2024 № 9006 қаулысымен."; with ``lang="ru"`` the bank's Russian "Сноска. Утратил силу ..."), or
    None while it is not repealed."""
    if timeline.repeal is None or not timeline.repealed_at(at):
        return None
    return timeline.repeal.note_ru if lang == "ru" else timeline.repeal.note


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
    partly = {
        r.act.number: found
        for r in applied
        if (
            found := tuple(
                (e.operations, e.day, e.by, e.detail)
                for e in r.events
                if e.kind == "repealed" and e.operations and e.day <= at
            )
        )
    }
    never = tuple(
        (r.act, e.day, e.by)
        for r in timeline.acts
        if r.in_force is None and (e := r.repealed) is not None and e.day <= at
    )
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
        currency_ru=currency_russian(known_on, listed, complete),
        act_repeals=repeals,
        operation_repeals=partly,
        never_in_force=never,
        note=repeal_note(timeline, at),
    )


def _act_json(s: PlanStatus, act: Act, day: dt.date) -> dict[str, Any]:
    data: dict[str, Any] = {"number": act.number, "date": act.date.isoformat(), "in_force": day.isoformat()}
    repeal = s.act_repeals.get(act.number)
    if repeal is not None:  # what it changed stays in the plan's text; see docs/format.md
        data["repealed"] = {"on": repeal[0].isoformat(), "by": repeal[1].number}
    partly = s.operation_repeals.get(act.number)
    if partly:  # some of its operations only: the act itself stands
        data["repealed_operations"] = [
            {"operations": list(ops), "on": day.isoformat(), "by": by.number, "detail": detail}
            for ops, day, by, detail in partly
        ]
    return data


def _never_json(act: Act, day: dt.date, by: Act) -> dict[str, Any]:
    return {
        "number": act.number,
        "date": act.date.isoformat(),
        "in_force": None,
        "repealed": {"on": day.isoformat(), "by": by.number, "before_it_took_effect": True},
    }


def _act_text(s: PlanStatus, act: Act) -> str:
    said = f"{act.number} of {act.date.isoformat()}"
    repeal = s.act_repeals.get(act.number)
    notes = [f"repealed by {repeal[1].number} from {repeal[0].isoformat()}"] if repeal else []
    notes += [
        f"{'operation' if len(ops) == 1 else 'operations'} {', '.join(map(str, ops))} repealed by {by.number} "
        f"from {day.isoformat()}"
        for ops, day, by, _ in s.operation_repeals.get(act.number, ())
    ]
    return said + (f" ({'; '.join(notes)})" if notes else "")


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
        "acts": [_act_json(s, a, day) for a, day in s.acts] + [_never_json(*n) for n in s.never_in_force],
        "acts_complete": s.acts_complete,
        "as_known_on": s.known_on.isoformat(),
        "currency": s.currency,
        "note": s.note,
    }


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
        "acts applied: " + (", ".join(_act_text(s, a) for a, _ in s.acts) or "none"),
        f"currency: {s.currency}",
    ]
    if s.never_in_force:
        lines.insert(
            -1,
            "acts that never took effect: "
            + ", ".join(
                f"{a.number} of {a.date.isoformat()} (repealed by {by.number} on {day.isoformat()}, before it took "
                "effect)"
                for a, day, by in s.never_in_force
            ),
        )
    if s.note is not None:
        lines.insert(2, f"note: {s.note}")
    return "\n".join(lines)


def standing(timeline: Timeline, at: dt.date, lang: str = "kk") -> Standing:
    """The lines of a rendering of the version in force on ``at``: in Kazakh, or in Russian with ``lang="ru"``."""
    s = plan_status(timeline, at)
    ru = lang == "ru"
    w = words.STANDING_WORDS["ru" if ru else "kk"]
    badge = w.status.format(status=w.statuses[s.status])
    note = repeal_note(timeline, at, "ru") if ru else s.note
    if s.status == "repealed" and timeline.repeal is not None and note is None:
        badge += f" ({timeline.repeal.citation})"  # the note below cites the act where there is one
    if not s.acts_complete and s.status != "repealed":
        badge += w.as_far_as_known
    if s.period is None:
        period = w.period_unknown
    else:
        period = w.period.format(start=s.period.start.isoformat(), end=s.period.end.isoformat())
        period += w.period_from_title if s.period.inferred else f" ({s.period.source})"
        if s.period_ended:
            period += w.period_ended
    return Standing((badge, period, s.currency_ru if ru else s.currency_kk), note)


def show_data(timeline: Timeline, at: dt.date, lang: str = "kk") -> dict[str, Any]:
    """The JSON contract of ``amend show PLAN --at DATE --format json`` (and the web API's): the text that stands
    on ``at`` (``Timeline.shown_at``: NotInForce before the first version; a repealed plan's last text), its
    legal facts, the plan's status on ``at``, whether its period ended and, once repealed, the note of its
    repeal. These are facts of no language: they stand in the Russian half of ``lang="both"`` too."""
    from amend.store.serialize import show_json

    data = show_json(timeline.shown_at(at), at, timeline, lang)
    found = plan_status(timeline, at)
    for view in (data, data["ru"]) if "ru" in data else (data,):
        view["status"], view["period_ended"] = found.status, found.period_ended
        if found.note is not None:
            view["note"] = found.note
    return data
