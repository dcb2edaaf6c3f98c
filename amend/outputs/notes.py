"""The reference bank's (adilet's) note forms, in one place: every footnote a rendering prints.

Each form follows a published example quoted in docs/notes.md; where the published texts do not
confirm a form, docs/notes.md says so. The forms:

- ``cumulative_note``: one footnote per element (an annex, the abbreviations note), the acts that
  amended it oldest first, joined by "; ", under one issuer and the plural noun:
  "Ескерту. 4-қосымшаға өзгерістер енгізілді - ... 30.03.2024 № 2 (...); 24.09.2024 № 4 (...);
  01.04.2025 № 5 (10.07.2025 бастап қолданысқа енгізіледі) бұйрықтарымен."
- ``new_wording_notes``: "жаңа редакцияда" footnotes, one per act, newest first.
- ``commencement``: each act's commencement clause, in parentheses right after its number: "(алғашқы
  ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)", "(10.07.2025
  бастап қолданысқа енгізіледі)"; none for an act in force from signing (not confirmed).
- ``issuer_genitive``: acts cited through their issuer ("ҚР Үкіметінің", "... министрінің",
  "... Төрағасының").
- ``repealed_note`` / ``repealed_item``: "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2021 № 213
  қаулысымен." for a whole act; an item that lost force reads "Күші жойылды - ..." in its place.
- ``russian_new_wording``: "Сноска. Пункт 1 - в редакции постановления Правительства РК от 23.07.2021
  № 511 (вводится в действие ...)."

``element_notes`` and ``all_changes`` put the forms to use for a rendered plan: every rendering that
prints the bank's footnotes (DOCX, HTML, the site) asks them, so all print the same notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning
from amend.engine.amendment import Amendment
from amend.engine.model import Plan
from amend.engine.provenance import Change

__all__ = [
    "Cited",
    "all_changes",
    "cited_act",
    "commencement",
    "cumulative_note",
    "element_notes",
    "instrumental",
    "issuer_genitive",
    "kazakh_number",
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


# The issuers whose genitive short form the published notes show.
_GENITIVE = {
    "Қазақстан Республикасының Үкіметі": "ҚР Үкіметінің",
    "Қазақстан Республикасының Президенті": "ҚР Президентінің",
}
_SINGULAR = {"қаулы": "қаулысымен", "бұйрық": "бұйрығымен", "жарлық": "Жарлығымен", "заң": "Заңымен"}
_PLURAL = {"қаулы": "қаулыларымен", "бұйрық": "бұйрықтарымен", "жарлық": "Жарлықтарымен", "заң": "Заңдарымен"}

_UNITS = ("", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")


def kazakh_number(n: int) -> str:
    """A number of days in words, as commencement clauses write it (1-99): 10 "он", 21 "жиырма бір"."""
    if not 1 <= n <= 99:
        raise ValueError(f"{n} days: only 1 to 99 are written in words here")
    return " ".join(w for w in (_TENS[n // 10], _UNITS[n % 10]) if w)


def issuer_genitive(issuer: str) -> str:
    """The issuer as a note names it, in the genitive: "ҚР Үкіметінің", "ҚР Оқу-ағарту министрінің"."""
    if issuer in _GENITIVE:
        return _GENITIVE[issuer]
    short = issuer.replace("Қазақстан Республикасының ", "ҚР ").replace("Қазақстан Республикасы ", "ҚР ")
    for word, genitive in (("министрі", "министрінің"), ("Төрағасы", "Төрағасының")):
        if short.endswith(word):
            return short[: -len(word)] + genitive
    return short  # a form the published notes do not show: the issuer as written (see docs/notes.md)


def instrumental(kind: str, *, plural: bool = False) -> str:
    """The kind of act in the instrumental case: "қаулысымен", or "қаулыларымен" for several acts."""
    return (_PLURAL if plural else _SINGULAR)[kind]


def commencement(cited: Cited) -> str | None:
    """The act's commencement clause, without the parentheses; None where it states none we know of."""
    if cited.own_day is not None:
        return f"{cited.own_day:%d.%m.%Y} бастап қолданысқа енгізіледі"
    match cited.entry:
        case OnDate(date=day):
            return f"{day:%d.%m.%Y} бастап қолданысқа енгізіледі"
        case AfterPublication(days=days):
            words = kazakh_number(days)
            return f"алғашқы ресми жарияланған күнінен кейін күнтізбелік {words} күн өткен соң қолданысқа енгізіледі"
    return None  # in force from signing, or unknown: not confirmed that the bank writes a clause


def reference(cited: Cited) -> str:
    """ "30.05.2025 № 392", with the commencement clause in parentheses right after the number."""
    clause = commencement(cited)
    text = f"{cited.act.date:%d.%m.%Y} № {cited.act.number}"
    return f"{text} ({clause})" if clause else text


def _citations(acts: Sequence[Cited]) -> str:
    """The acts under their issuers: runs of one issuer and kind share the issuer and a (plural) noun."""
    runs: list[list[Cited]] = []
    for cited in acts:
        if runs and (runs[-1][0].act.issuer, runs[-1][0].act.kind) == (cited.act.issuer, cited.act.kind):
            runs[-1].append(cited)
        else:
            runs.append([cited])
    parts = []
    for run in runs:
        first = run[0].act
        refs = "; ".join(reference(c) for c in run)
        parts.append(f"{issuer_genitive(first.issuer)} {refs} {instrumental(first.kind, plural=len(run) > 1)}")
    return "; ".join(parts)


def _oldest_first(acts: Sequence[Cited]) -> list[Cited]:
    return sorted(acts, key=lambda c: (c.act.date, c.act.number))


def cumulative_note(element_dative: str, acts: Sequence[Cited], *, changes: int | None = None) -> str:
    """One footnote for every act that amended an element, oldest first: "Ескерту. Жоспарға өзгерістер
    енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен." (``changes``: how many changes in all; one
    change by one act reads "өзгеріс", else "өзгерістер")."""
    unique = list({(c.act.number, c.act.date): c for c in _oldest_first(acts)}.values())
    if not unique:
        raise ValueError("a cumulative note needs at least one act")
    noun = "өзгеріс" if len(unique) == 1 and changes == 1 else "өзгерістер"
    return f"Ескерту. {element_dative} {noun} енгізілді - {_citations(unique)}."


def new_wording_notes(element: str, acts: Sequence[Cited]) -> list[str]:
    """ "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.", one per act,
    newest first (each stands on its own, not merged into the cumulative note)."""
    return [f"Ескерту. {element} жаңа редакцияда - {_citations([c])}." for c in reversed(_oldest_first(acts))]


def repealed_note(cited: Cited) -> str:
    """A whole act that lost force: "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2021 № 213 қаулысымен."."""
    return f"Ескерту. Күші жойылды - {_citations([cited])}."


def repealed_item(cited: Cited) -> str:
    """What stands in place of an item that lost force: "Күші жойылды - ҚР Үкіметінің ... қаулысымен."."""
    return f"Күші жойылды - {_citations([cited])}."


# Russian: only the Government's resolutions are confirmed ("постановления Правительства РК").
_RU_ACT = {("Қазақстан Республикасының Үкіметі", "қаулы"): "постановления Правительства РК"}


def russian_new_wording(element_ru: str, cited: Cited, clause_ru: str | None = None) -> str:
    """ "Сноска. Пункт 1 - в редакции постановления Правительства РК от 23.07.2021 № 511 (вводится в
    действие ...)." ``clause_ru``: the act's own Russian commencement clause, as it states it."""
    act = cited.act
    name = _RU_ACT.get((act.issuer, act.kind))
    if name is None:
        raise ValueError(f"no confirmed Russian form for {act.issuer}, {act.kind}")
    clause = f" ({clause_ru})" if clause_ru else ""
    return f"Сноска. {element_ru} - в редакции {name} от {act.date:%d.%m.%Y} № {act.number}{clause}."


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
