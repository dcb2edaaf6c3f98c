"""Every note form, Kazakh and Russian, from plain facts: the note of each change (per element) and the
reference bank's cumulative footnotes (docs/notes.md quotes the published examples each follows).

- per change: "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен." and its
  Russian twin "Сноска. Строка 6 - в редакции постановления Правительства РК от 30.05.2025 № 392.";
  ``row_note``, ``section_note``, ``element_note`` give the words between "Ескерту." and the citation.
- cumulative: ``cumulative_note`` (one footnote per element, oldest act first), ``new_wording_notes``,
  ``repealed_note`` / ``repealed_item``, ``commencement_clause``, ``russian_new_wording``.

A change's kind is the value of ``amend.engine.records.ChangeKind`` ("replaced", "inserted", ...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from amend.language.cases import (
    GOVERNMENT,
    ISSUER_RU_SHORT,
    KIND_INSTRUMENTAL,
    KIND_INSTRUMENTAL_PLURAL,
    KIND_RU,
    cardinal,
    issuer_genitive,
)
from amend.language.dates import from_day

__all__ = [
    "ABBREVIATION_NOTE",
    "REPEALED",
    "Reference",
    "amended_suffix",
    "commencement_clause",
    "corrected_suffix",
    "cumulative_note",
    "element_names",
    "element_note",
    "instrumental",
    "moved_to",
    "new_wording_notes",
    "note",
    "note_ru",
    "reference_text",
    "repealed_item",
    "repealed_note",
    "row_note",
    "russian_new_wording",
    "section_note",
]

# -- the note of one change ---------------------------------------------------------------------------

_NOTE = "Ескерту."
_NOTE_RU = "Сноска."


def note(what: str, citation: str, suffix: str = "") -> str:
    """ "Ескерту. <what> - <citation><suffix>.": a change's note in the bank's form."""
    return f"{_NOTE} {what} - {citation}{suffix}."


def note_ru(what_ru: str, by: str, of: str) -> str:
    """ "Сноска. <what_ru>.", ``{by}`` (instrumental) and ``{of}`` (genitive) citing the act."""
    return f"{_NOTE_RU} {what_ru.format(by=by, of=of)}."


def corrected_suffix(dative_citation: str) -> str:
    """ " (ҚР Үкіметінің ... қаулысына түзету)": a change that corrects another act's text."""
    return f" ({dative_citation} түзету)"


def amended_suffix(citations: Sequence[str]) -> str:
    """ " (ҚР Үкіметінің ... қаулысымен өзгертілген)": an operation another act moved or corrected."""
    return f" ({', '.join(citations)} өзгертілген)"


# A row's note, {} its number (``{{by}}``/``{{of}}``: the Russian citation, formatted after the number).
_ROW_NOTES = {
    "replaced": "{}-жол жаңа редакцияда",
    "inserted": "Жоспар {}-жолмен толықтырылды",
    "cells_replaced": "{}-жолға өзгеріс енгізілді",
    "words_replaced": "{}-жолға өзгеріс енгізілді",
    "deleted": "{}-жол алып тасталды",
}
_ROW_NOTES_RU = {
    "replaced": "Строка {} - в редакции {{of}}",
    "inserted": "План дополнен строкой {} в соответствии с {{by}}",
    "cells_replaced": "Строка {} с изменением, внесенным {{by}}",
    "words_replaced": "Строка {} с изменением, внесенным {{by}}",
    "deleted": "Строка {} исключена {{by}}",
}


def row_note(kind: str, number: str) -> tuple[str, str]:
    """What a row's change says, Kazakh and Russian: ("6-жол жаңа редакцияда", "Строка 6 - в редакции {of}")."""
    return _ROW_NOTES[kind].format(number), _ROW_NOTES_RU[kind].format(number)


# The abbreviations note (Ескертпе) changed, and a whole plan that lost force (the reference bank's forms).
ABBREVIATION_NOTE = ("Ескертпеге өзгеріс енгізілді", "В примечание внесено изменение {by}")
REPEALED = ("Күші жойылды", "Утратил силу {by}")


def section_note(kind: str, number: str) -> tuple[str, str]:
    """A section's (``1``) or subsection's (``1.2``) heading changed or added, Kazakh and Russian."""
    element = "кіші бөлім" if "." in number else "бөлім"  # 1.2 is a subsection, 1 a section
    element_ru = "подразделом" if "." in number else "разделом"
    what = {
        "added": f"Жоспар {number}-{element}мен толықтырылды",
        "title_set": f"{number}-{element}ге өзгеріс енгізілді",
    }[kind]
    what_ru = {
        "added": f"План дополнен {element_ru} {number} в соответствии с {{by}}",
        "title_set": f"{element_ru.removesuffix('ом').capitalize()} {number} с изменением, внесенным {{by}}",
    }[kind]
    return what, what_ru


# The other elements, for the notes: (Kazakh name, its genitive, Russian name, Russian gender ending of the
# past participle: "исключен" / "исключена" / "исключено"). {} is the element's number.
_ELEMENTS: dict[str, tuple[str, str, str, str]] = {
    "row": ("{}-жол", "{}-жолдың", "Строка {}", "а"),
    "point": ("{}-тармақ", "{}-тармақтың", "Пункт {}", ""),
    "subpoint": ("{1}-тармақтың {0}) тармақшасы", "{1}-тармақтың {0}) тармақшасының", "Подпункт {0}) пункта {1}", ""),
    "title": ("Қаулының тақырыбы", "Қаулының тақырыбының", "Заголовок постановления", ""),
    "preamble": ("Кіріспе", "Кіріспенің", "Преамбула", "а"),
    "signatory": ("Қол қоюшы", "Қол қоюшының", "Подписант", ""),
    "annex_title": ("Жоспардың атауы", "Жоспар атауының", "Заголовок плана", ""),
    "note": ("Жоспардың {}-ескертпесі", "Жоспардың {}-ескертпесінің", "Примечание {} к плану", "о"),
    "column": ("{}-баған", "{}-бағанның", "Графа {}", "а"),
    "section": ("{}-бөлім", "{}-бөлімнің", "Раздел {}", ""),
    "subsection": ("{}-кіші бөлім", "{}-кіші бөлімнің", "Подраздел {}", ""),
    "abbreviation": ("Ескертпедегі {} аббревиатурасы", "Ескертпедегі {} аббревиатурасының", "Аббревиатура {}", "а"),
}


def element_names(kind: str, key: str) -> tuple[str, str, str, str]:
    """An element's names: (Kazakh, its genitive, Russian, Russian gender ending); point ``2.1`` is sub-point
    1) of point 2."""
    if kind == "point" and "." in key:
        point, sub = key.split(".", 1)
        kk, kk_gen, ru, ending = _ELEMENTS["subpoint"]
        return kk.format(sub, point), kk_gen.format(sub, point), ru.format(sub, point), ending
    kk, kk_gen, ru, ending = _ELEMENTS[kind]
    return kk.format(key), kk_gen.format(key), ru.format(key), ending


def element_note(change: str, element: str, key: str, *, to: str = "", to_ru: str = "") -> tuple[str, str]:
    """What a change of an element of the resolution or the annex's structure says, Kazakh and Russian
    (``to``: the new number, or the place moved to in the dative, "1.3-кіші бөлімге"; ``to_ru`` in Russian)."""
    kk, kk_gen, ru, ending = element_names(element, key)
    return {
        "replaced": (f"{kk} жаңа редакцияда", f"{ru} - в редакции {{of}}"),
        "title_set": (f"{kk_gen} атауы өзгертілді", f"{ru}: наименование изменено {{by}}"),
        "words_replaced": (f"{kk_gen} мәтініне өзгеріс енгізілді", f"{ru} с изменением, внесенным {{by}}"),
        "inserted": (f"{kk} енгізілді", f"{ru} введен{ending} {{by}}"),
        "added": (f"{kk} енгізілді", f"{ru} введен{ending} {{by}}"),
        "deleted": (f"{kk} алып тасталды", f"{ru} исключен{ending} {{by}}"),
        "renumbered": (f"{kk_gen} нөмірі {to} болып өзгертілді", f"{ru}: номер изменен на {to} {{by}}"),
        "moved": (f"{kk} {to} ауыстырылды", f"{ru} перенесен{ending} {to_ru} {{by}}"),
    }[change]


# -- the reference bank's footnotes over all changes (docs/notes.md) ----------------------------------


@dataclass(frozen=True)
class Reference:
    """An act as a footnote cites it, from plain facts: its issuer and kind (the format's values), number,
    date, and its commencement clause (None: none is written)."""

    issuer: str
    kind: str
    number: str
    date: dt.date
    clause: str | None = None


_IN_FORCE = "қолданысқа енгізіледі"
_AFTER_PUBLICATION = "алғашқы ресми жарияланған күнінен кейін күнтізбелік {words} күн өткен соң"


def commencement_clause(*, from_date: dt.date | None = None, after_days: int | None = None) -> str | None:
    """An act's commencement clause, without the parentheses (docs/notes.md, form 3): "10.07.2025 бастап
    қолданысқа енгізіледі", "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа
    енгізіледі"; None for neither (in force from signing, or unknown: not confirmed that the bank writes one)."""
    if from_date is not None:
        return f"{from_day(from_date)} {_IN_FORCE}"
    if after_days is not None:
        return f"{_AFTER_PUBLICATION.format(words=cardinal(after_days))} {_IN_FORCE}"
    return None


def instrumental(kind: str, *, plural: bool = False) -> str:
    """The kind of act in the instrumental case: "қаулысымен", or "қаулыларымен" for several acts."""
    return (KIND_INSTRUMENTAL_PLURAL if plural else KIND_INSTRUMENTAL)[kind]


def reference_text(ref: Reference) -> str:
    """ "30.05.2025 № 392", with the commencement clause in parentheses right after the number."""
    text = f"{ref.date:%d.%m.%Y} № {ref.number}"
    return f"{text} ({ref.clause})" if ref.clause else text


def _citations(refs: Sequence[Reference]) -> str:
    """The acts under their issuers: runs of one issuer and kind share the issuer and a (plural) noun."""
    runs: list[list[Reference]] = []
    for ref in refs:
        if runs and (runs[-1][0].issuer, runs[-1][0].kind) == (ref.issuer, ref.kind):
            runs[-1].append(ref)
        else:
            runs.append([ref])
    parts = []
    for run in runs:
        first = run[0]
        refs_text = "; ".join(reference_text(r) for r in run)
        parts.append(f"{issuer_genitive(first.issuer)} {refs_text} {instrumental(first.kind, plural=len(run) > 1)}")
    return "; ".join(parts)


def _oldest_first(refs: Sequence[Reference]) -> list[Reference]:
    return sorted(refs, key=lambda r: (r.date, r.number))


def cumulative_note(element_dative: str, refs: Sequence[Reference], *, changes: int | None = None) -> str:
    """One footnote for every act that amended an element, oldest first: "Ескерту. Жоспарға өзгерістер
    енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен." (``changes``: how many changes in all; one
    change by one act reads "өзгеріс", else "өзгерістер")."""
    unique = list({(r.number, r.date): r for r in _oldest_first(refs)}.values())
    if not unique:
        raise ValueError("a cumulative note needs at least one act")
    noun = "өзгеріс" if len(unique) == 1 and changes == 1 else "өзгерістер"
    return f"{_NOTE} {element_dative} {noun} енгізілді - {_citations(unique)}."


def new_wording_notes(element: str, refs: Sequence[Reference]) -> list[str]:
    """ "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.", one per act,
    newest first (each stands on its own, not merged into the cumulative note)."""
    return [f"{_NOTE} {element} жаңа редакцияда - {_citations([r])}." for r in reversed(_oldest_first(refs))]


def repealed_note(ref: Reference) -> str:
    """A whole act that lost force: "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2021 № 213 қаулысымен."."""
    return f"{_NOTE} {repealed_item(ref)}"


def repealed_item(ref: Reference) -> str:
    """What stands in place of an item that lost force: "Күші жойылды - ҚР Үкіметінің ... қаулысымен."."""
    return f"{REPEALED[0]} - {_citations([ref])}."


def russian_new_wording(element_ru: str, ref: Reference, clause_ru: str | None = None) -> str:
    """ "Сноска. Пункт 1 - в редакции постановления Правительства РК от 23.07.2021 № 511 (вводится в
    действие ...)." ``clause_ru``: the act's own Russian commencement clause, as it states it. Only the
    Government's resolutions are confirmed (docs/notes.md, form 7)."""
    if (ref.issuer, ref.kind) != (GOVERNMENT, "қаулы"):
        raise ValueError(f"no confirmed Russian form for {ref.issuer}, {ref.kind}")
    name = f"{KIND_RU[ref.kind][2]} {ISSUER_RU_SHORT[ref.issuer]}"
    clause = f" ({clause_ru})" if clause_ru else ""
    return f"{_NOTE_RU} {element_ru} - в редакции {name} от {ref.date:%d.%m.%Y} № {ref.number}{clause}."


def moved_to(number: str, *, subsection: bool) -> tuple[str, str]:
    """Where a row moved, for its note: ("1.3-кіші бөлімге", "в подраздел 1.3") or ("2-бөлімге", "в раздел 2")."""
    if subsection:
        return f"{number}-кіші бөлімге", f"в подраздел {number}"
    return f"{number}-бөлімге", f"в раздел {number}"
