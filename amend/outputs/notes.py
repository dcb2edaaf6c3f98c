"""The reference bank's (adilet's) footnotes put to use for a rendered plan: every rendering that prints
them (DOCX, HTML, the site) asks ``element_notes`` and ``all_changes``, so all print the same notes.

The forms themselves are ``amend.language.notes`` (from plain facts, each after a published example that
docs/notes.md quotes); this module gives them the engine's acts and changes (``Cited``, ``facts``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning
from amend.engine.amendment import Amendment
from amend.engine.model import Plan
from amend.engine.provenance import Change
from amend.language import notes as language

__all__ = [
    "Cited",
    "all_changes",
    "cited_act",
    "commencement",
    "cumulative_note",
    "element_notes",
    "facts",
    "new_wording_notes",
    "reference",
    "repealed_item",
    "repealed_note",
    "russian_new_wording",
]


@dataclass(frozen=True)
class Cited:
    """An act as a note cites it: the act, its entry into force (None: unknown), and the day the change
    cited takes effect where an operation names its own (staggered commencement)."""

    act: Act
    entry: OnSigning | OnDate | AfterPublication | None = None
    own_day: dt.date | None = None


def commencement(cited: Cited) -> str | None:
    """The act's commencement clause, without the parentheses; None where it states none we know of."""
    if cited.own_day is not None:
        return language.commencement_clause(from_date=cited.own_day)
    match cited.entry:
        case OnDate(date=day):
            return language.commencement_clause(from_date=day)
        case AfterPublication(days=days):
            return language.commencement_clause(after_days=days)
    return None  # in force from signing, or unknown: not confirmed that the bank writes a clause


def facts(cited: Cited) -> language.Reference:
    """The act as the language module's note forms take it: plain facts and the commencement clause."""
    act = cited.act
    return language.Reference(act.issuer, act.kind, act.number, act.date, commencement(cited))


def reference(cited: Cited) -> str:
    """ "30.05.2025 № 392", with the commencement clause in parentheses right after the number."""
    return language.reference_text(facts(cited))


def cumulative_note(element_dative: str, acts: Sequence[Cited], *, changes: int | None = None) -> str:
    """One footnote for every act that amended an element, oldest first (``language.notes.cumulative_note``)."""
    return language.cumulative_note(element_dative, [facts(c) for c in acts], changes=changes)


def new_wording_notes(element: str, acts: Sequence[Cited]) -> list[str]:
    """The "жаңа редакцияда" footnotes, one per act, newest first (``language.notes.new_wording_notes``)."""
    return language.new_wording_notes(element, [facts(c) for c in acts])


def repealed_note(cited: Cited) -> str:
    """A whole act that lost force: "Ескерту. Күші жойылды - ..." (``language.notes.repealed_note``)."""
    return language.repealed_note(facts(cited))


def repealed_item(cited: Cited) -> str:
    """What stands in place of an item that lost force (``language.notes.repealed_item``)."""
    return language.repealed_item(facts(cited))


def russian_new_wording(element_ru: str, cited: Cited, clause_ru: str | None = None) -> str:
    """ "Сноска. Пункт 1 - в редакции ..." (``language.notes.russian_new_wording``)."""
    return language.russian_new_wording(element_ru, facts(cited), clause_ru)


# -- the forms put to use for a rendered plan ---------------------------------------------------------


def cited_act(change: Change, amendments: Sequence[Amendment]) -> Cited | None:
    """The act a change comes from, as the notes cite it; None where it is not among ``amendments``."""
    for a in amendments:
        if (a.act.number, a.act.date) == (change.act, change.act_date):
            return Cited(a.act, a.entry_into_force, None if change.in_force == a.in_force else change.in_force)
    return None


def element_notes(
    element_dative: str, changes: Sequence[Change], amendments: Sequence[Amendment], *, russian: bool = False
) -> list[str]:
    """One footnote for the element in the reference bank's form; each change's own note where an act
    is not known (so that nothing is cited that cannot be cited in full). ``russian``: each change's
    Russian note, once each (the cumulative Russian form is not confirmed, see docs/notes.md)."""
    if not changes:
        return []
    if russian:
        return list(dict.fromkeys(c.note_ru for c in changes if c.note_ru is not None))
    cited = [cited_act(c, amendments) for c in changes]
    if any(c is None for c in cited):
        return list(dict.fromkeys(c.note for c in changes))
    return [cumulative_note(element_dative, [c for c in cited if c is not None], changes=len(changes))]


def all_changes(plan: Plan) -> list[Change]:
    """Every change recorded on a plan's elements (rows, deleted rows, sections, abbreviations)."""
    changes = [c for r in plan.rows for c in r.history] + list(plan.deleted_rows.values())
    changes += [c for s in plan.sections for c in s.history]
    changes += [c for s in plan.sections for sub in s.subsections for c in sub.history]
    changes += [c for a in plan.abbreviations.values() for c in a.history]
    return changes
