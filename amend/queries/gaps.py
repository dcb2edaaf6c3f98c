"""Every place in a version where the sources are silent: what ``amend gaps`` reports."""

from __future__ import annotations

from dataclasses import dataclass

from amend.engine.language import in_russian
from amend.engine.model import Plan
from amend.engine.unknown import UNKNOWN

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
    for row in plan.rows:
        if row.subsection is UNKNOWN:
            found.append(Gap(f"row {row.number}", f"subsection (within section {row.section})"))
        missing = [c for c, t in row.cells.items() if t is UNKNOWN]
        if missing:
            what = "every cell" if len(missing) == len(row.cells) else "cells " + ", ".join(missing)
            found.append(Gap(f"row {row.number}", what))
    for code, a in plan.abbreviations.items():
        if a.expansion is UNKNOWN:
            found.append(Gap(f"abbreviation {code}", "expansion"))
    return found
