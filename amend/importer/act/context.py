"""What an act's sentences speak of, kept once for both languages: the point and sub-point they stand in, the
plan's frame, the section or subsection or the note a heading sentence opened, and the heading sentences not yet
given to an operation (its comment, as the hand transcriptions write it).

The Kazakh builder (``draft._Builder``) and the Russian reading (``russian._Reading``) walk the same
instructions (``instructions.read_instructions``) with this one walker; what differs between the texts is data
(``Language``): which title of the plan a heading names, which codes of the note the text writes, the mark a
drafted text gives for a text no source gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from amend.engine.model import Plan, Section, Subsection
from amend.engine.unknown import UNKNOWN, Text
from amend.importer.act.instructions import (
    Framing,
    Instruction,
    NoteContext,
    PlanContext,
    RowContext,
    SectionContext,
    Subpoint,
    SubsectionContext,
)
from amend.language.phrases import UNKNOWN_TEXT
from amend.language.phrases_ru import UNKNOWN_TEXT_RU

__all__ = ["KAZAKH", "RUSSIAN", "ContextWalker", "Language", "Review"]


@dataclass(frozen=True)
class Review:
    """A place where the importer chose a reading that a person should check."""

    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        place = f"line {self.line}: " if self.line else ""
        return f"{place}{self.where}: {self.message}"


@dataclass(frozen=True)
class Language:
    """What a text in one language names the plan's elements by: its section and subsection titles are the
    plan's ``title`` field (``title_ru``), its codes of the note the plan's ``code`` field (``code_ru``: None,
    the note's key itself), and a text no source gives is ``unknown`` (the drafted text's mark). The texts it
    quotes are the operations' fields of the language (``title``, ``title_ru``: ``russian``)."""

    name: str
    title: str
    code: str | None
    unknown: str
    russian: bool

    def title_of(self, element: Section | Subsection) -> Text:
        """The element's title in this language."""
        title: Text = getattr(element, self.title)
        return title

    def codes(self, plan: Plan) -> dict[str, str]:
        """The note's codes as a text in this language writes them, each with the note's key (the identity)."""
        if self.code is None:
            return {code: code for code in plan.abbreviations}
        return {c: code for code, a in plan.abbreviations.items() if (c := getattr(a, self.code)) is not None}

    def text(self, value: str) -> Text:
        """A quoted text as data: the unknown mark of a drafted text is unknown."""
        return UNKNOWN if value == self.unknown else value

    def texts(self, value: str) -> tuple[Text, Text]:
        """A quoted text as an operation's pair of fields (``title``, ``title_ru``): the field of this language
        holds it, the other is unknown (the act's other text gives it)."""
        return (UNKNOWN, self.text(value)) if self.russian else (self.text(value), UNKNOWN)

    def cells(self, columns: Iterable[str], cells: dict[str, Text]) -> tuple[dict[str, Text], dict[str, Text]]:
        """A row's quoted cells as an operation's pair of fields (``cells``, ``cells_ru``): the cells of this
        language hold them; from a Russian text the Kazakh cells of ``columns`` are unknown."""
        return (dict.fromkeys(columns, UNKNOWN), cells) if self.russian else (cells, {})


KAZAKH = Language("kk", title="title", code=None, unknown=UNKNOWN_TEXT, russian=False)
RUSSIAN = Language("ru", title="title_ru", code="code_ru", unknown=UNKNOWN_TEXT_RU, russian=True)


def same_title(a: str, b: Text) -> bool:
    """Two titles alike but for punctuation, spacing and case."""
    return isinstance(b, str) and re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


class ContextWalker:
    """Walks the instructions in order, keeping the section (or the note) and the point they speak of.

    ``follow`` takes the sentences that only open a context; the builder of each language takes the rest and
    gives each operation (or change) it makes the lead-in sentences and notes ``taken`` hands it."""

    def __init__(self, plan: Plan, language: Language) -> None:
        self.plan = plan
        self.language = language
        # Sections the act renumbers, old number -> new, as its sentences are read.
        self.renumbered: dict[str, str] = {}
        self.section: str | None = None
        self.subsection: str | None = None
        self.in_note = False
        # What the last heading sentence opened: "point" (the resolution, after a lead-in), "plan" (the plan's
        # frame), "section", "subsection" or "note"; a bare "тақырыбы" / "атауы" binds to it (scope.py).
        self.scope = "point"
        self.scope_line: int | None = None
        self.scope_subpoint: int | None = None  # the sub-point the scope was opened in
        self.point: int | None = None
        self.subpoint: int | None = None
        # The first operation after a context sentence carries that sentence as its comment, as the
        # hand transcriptions do ("... деген 1-бөлімде:" above "реттік нөмірі 6-жол ...").
        self.pending: list[str] = []
        self.context_notes: list[Review] = []

    def follow(self, i: Instruction) -> bool:
        """Keep the context ``i`` opens; True if that is all ``i`` says."""
        match i:
            case SectionContext():
                number = i.section or self.section_by_title(i.title)
                self._context(i, number, None, False)
                self.scope = "section"
                if number is None:
                    self.context_notes.append(
                        Review(i.paragraph.first_line, "section", f'no section of the plan is titled "{i.title}"')
                    )
                else:
                    self.check_section(i, number, i.title, self.context_notes)
            case SubsectionContext():
                section = self.section_of_subsection(i.subsection)
                self._context(i, section, i.subsection, False)
                self.check_subsection(i, section, i.subsection, i.title, self.context_notes)
                self.scope = "subsection"
            case PlanContext():
                self._context(i, None, None, False)
                self.scope = "plan"
            case NoteContext():
                self._context(i, self.section, self.subsection, True)
                self.scope = "note"
            case Subpoint():
                self.subpoint = i.number
            case Framing():
                if i.point is not None:
                    # A new point that amends the plan: its sentences start from the plan as a whole.
                    self.enter_point(i.point)
                    self.section, self.subsection, self.in_note = None, None, False
                    self.scope = "point"
            case RowContext():
                pass  # a row named for the sentences after it: read into them (instructions)
            case _:
                return False
        return True

    def enter_point(self, point: int | None) -> None:
        """A new point of the act (its sub-points start again)."""
        self.point, self.subpoint = point, None

    def taken(self) -> tuple[list[str], list[Review]]:
        """The heading sentences and their notes not yet given to an operation: given now to the next one."""
        taken = self.pending, self.context_notes
        self.pending, self.context_notes = [], []
        return taken

    def _context(self, i: Instruction, section: str | None, subsection: str | None, note: bool) -> None:
        self.section, self.subsection, self.in_note = section, subsection, note
        self.scope_line = i.paragraph.first_line
        self.scope_subpoint = self.subpoint
        self.pending = [i.paragraph.text]
        self.context_notes = []

    def section_by_title(self, title: str | None) -> str | None:
        """The one section of the plan with this title (in the text's language), else None."""
        titles = [(s.number, self.language.title_of(s)) for s in self.plan.sections]
        found = [number for number, t in titles if title is not None and same_title(title, t)]
        return found[0] if len(found) == 1 else None

    def section_of_subsection(self, number: str) -> str:
        """The section that holds subsection ``number`` (under the number the act has given it so far)."""
        for s in self.plan.sections:
            if s.subsection(number) is not None:
                # A section the act renumbered before this sentence holds its subsections under its new number.
                return self.renumbered.get(s.number, s.number)
        return number.split(".", maxsplit=1)[0]

    def check_section(self, i: Instruction, number: str, title: str | None, notes: list[Review]) -> None:
        """Notes where the plan has no section ``number``, or gives it another title than the act."""
        section = self.plan.section(number)
        line = i.paragraph.first_line
        known = None if section is None else self.language.title_of(section)
        if section is None:
            notes.append(Review(line, f"section {number}", f"plan {self.plan.plan} has no section {number}"))
        elif title is not None and isinstance(known, str) and not same_title(title, known):
            other = self.section_by_title(title)
            also = f"; section {other} has that title: the act may mean section {other}" if other else ""
            notes.append(Review(line, f"section {number}", f'the act names it "{title}", the plan "{known}"{also}'))

    def check_subsection(
        self, i: Instruction, section: str, number: str, title: str | None, notes: list[Review]
    ) -> None:
        """Notes where the plan has no subsection ``number`` in ``section``, or gives it another title."""
        found = self.plan.section(section)
        sub = found.subsection(number) if found else None
        line = i.paragraph.first_line
        known = None if sub is None else self.language.title_of(sub)
        if sub is None:
            notes.append(Review(line, f"subsection {number}", f"plan {self.plan.plan} has no subsection {number}"))
        elif title is not None and isinstance(known, str) and not same_title(title, known):
            notes.append(Review(line, f"subsection {number}", f'the act names it "{title}", the plan "{known}"'))
