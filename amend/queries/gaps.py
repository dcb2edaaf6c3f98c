"""Every place in a version where the sources are silent: what ``amend gaps`` reports."""

from __future__ import annotations

import re
from dataclasses import dataclass

from amend.engine.language import in_russian
from amend.engine.legal import plan_period
from amend.engine.model import Plan
from amend.engine.unknown import UNKNOWN
from amend.language.letters import TENGE

# "1001355, 68": digits, a comma and a space, digits. It reads as a list of two figures or as one decimal
# ("1001355,68") broken by the source's layout; which is meant no source says.
_LIST_OR_DECIMAL = re.compile(r"\d+, \d+")

__all__ = ["Gap", "gaps"]


@dataclass(frozen=True)
class Gap:
    """One unknown: the element it belongs to and what of it is unknown."""

    element: str
    what: str

    def __str__(self) -> str:
        return f"{self.element}: {self.what}"


def _resolution_gaps(plan: Plan) -> list[Gap]:
    """Unknown texts of the resolution itself (its title, preamble, points, signatory) and the annex's notes."""
    act = plan.act
    found = [Gap("resolution", "title")] if act.title is UNKNOWN else []
    if act.preamble is UNKNOWN:
        found.append(Gap("resolution", "preamble"))
    for p in act.points:
        if p.text is UNKNOWN:
            found.append(Gap(f"point {p.number}", "text"))
        found += [Gap(f"point {p.number}.{s.number}", "text") for s in p.subpoints if s.text is UNKNOWN]
    if act.signatory is not None:
        missing = [k for k in ("position", "name") if getattr(act.signatory, k) is UNKNOWN]
        if missing:
            found.append(Gap("signatory", " and ".join(missing)))
    return found + [Gap(f"note {n.number}", "text") for n in plan.annex_notes if n.text is UNKNOWN]


def gaps(plan: Plan, lang: str = "kk") -> list[Gap]:
    """The unknowns of one version, in document order: of its Kazakh texts, or (``lang`` ru) of its Russian
    texts, where every text no source gives in Russian is a gap."""
    if lang == "ru":
        plan = in_russian(plan)
    found: list[Gap] = []
    if plan.entry_into_force is UNKNOWN:
        found.append(Gap("act", f"entry into force of act {plan.act.number} (versions start at its adoption date)"))
    found += _resolution_gaps(plan)
    if plan.title is UNKNOWN:
        found.append(Gap("plan", "title"))
    if plan.amending_acts is None or not plan.amending_acts.complete:
        found.append(
            Gap(
                "acts", "other amending acts unknown: the plan file does not declare its list of amending acts complete"
            )
        )
    period = plan_period(plan.period, plan.title)
    if period is None:
        found.append(Gap("period", "the plan's period (neither stated nor in the title)"))
    elif period.inferred:
        found.append(
            Gap(
                "period",
                f"assumed from the title's years: {period.start.isoformat()} – {period.end.isoformat()} "
                f"(no source states the first and last day)",
            )
        )
    if not plan.rows_complete:
        known = ", ".join(str(r.number) for r in plan.rows)
        found.append(Gap("rows", f"the list of rows is incomplete: only {known} are recorded"))
    for c in plan.columns:
        if c.title is UNKNOWN:
            found.append(Gap(f"column {c.id}", "title"))
    for s in plan.sections:
        if s.title is UNKNOWN:
            found.append(Gap(f"section {s.number}", "title"))
        for sub in s.subsections:
            if sub.title is UNKNOWN:
                found.append(Gap(f"subsection {sub.number}", "title"))
    roles = {c.id: c.role for c in plan.columns}
    for row in plan.rows:
        if row.subsection is UNKNOWN:
            found.append(Gap(f"row {row.number}", f"subsection (within section {row.section})"))
        for column_id, text in row.cells.items():
            # Only money texts: elsewhere "2020, 2021" is a plain list of years.
            if isinstance(text, str) and (roles.get(column_id) == "amount" or TENGE in text):
                for figure in _LIST_OR_DECIMAL.findall(text):
                    found.append(
                        Gap(
                            f"row {row.number}",
                            f'cell {column_id}: "{figure}" reads as a list or as a decimal; no source says which',
                        )
                    )
        missing = [c for c, t in row.cells.items() if t is UNKNOWN]
        if missing:
            what = "every cell" if len(missing) == len(row.cells) else "cells " + ", ".join(missing)
            found.append(Gap(f"row {row.number}", what))
    for code, a in plan.abbreviations.items():
        if a.expansion is UNKNOWN:
            found.append(Gap(f"abbreviation {code}", "expansion"))
    return found
