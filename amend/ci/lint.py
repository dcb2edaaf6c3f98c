"""Flags for a human to look at: odd figures, mixed alphabets, lone executor codes, unknowns in force.

Unlike ``amend check``, nothing here is an error: a flag is a question, and ``amend lint`` exits 0.
Each flag names its rule, the element of the version it is about, and the place in a plan or
amendment file where that element's text was written (the base plan, or the act that last set it).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amend.engine.amounts import row_amounts
from amend.engine.elements import Effect, Element, ElementKind, Touch
from amend.engine.model import Plan, Row, executor_codes
from amend.engine.provenance import Change
from amend.engine.step import Applied
from amend.engine.timeline import Timeline, Version
from amend.engine.unknown import UNKNOWN
from amend.errors import Location, NotInForce
from amend.language.letters import LOOKALIKE_EXAMPLES

if TYPE_CHECKING:
    from amend.store.yaml_io import SourceMap

__all__ = ["LINT_RULES", "Flag", "SourcePlaces", "lint_timeline", "lint_version"]

# Rule id -> what a person should do about a flag of that rule.
LINT_RULES: dict[str, str] = {
    "figure-outlier": "compare the figure with the source: a misplaced comma or a dropped digit changes it tenfold",
    "mixed-script": f"a Latin letter that looks Cyrillic ({LOOKALIKE_EXAMPLES}) breaks search and comparison: "
    "retype it",
    "executor-single-use": "a code named once may be a misspelling of another code: compare it with the note",
    "unknown-in-force": "the wording in force is not in our sources: find the act's text and record it",
}

# A figure at least this many times the median of the row's other figures (or at most 1/this) is flagged.
OUTLIER_RATIO = Decimal(10)

_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u052F]")  # Cyrillic and its supplement: all Kazakh letters


@dataclass(frozen=True)
class Flag:
    """One thing a person should look at: rule, message, the element concerned, and where it is written."""

    rule: str
    message: str
    plan: str
    element: str
    file: str | None = None
    location: Location | None = None

    @property
    def hint(self) -> str:
        """What to do about it."""
        return LINT_RULES[self.rule]

    def format(self) -> str:
        """``file:line:col: flag [rule]: message``, the source line with a caret, and a hint."""
        where = str(self.location) if self.location else (self.file or f"plan {self.plan}")
        lines = [f"{where}: flag [{self.rule}]: {self.message}"]
        if self.location:
            lines += self.location.excerpt()
        lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """A stable machine-readable form."""
        loc = self.location
        return {
            "file": loc.file if loc else self.file,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "rule": self.rule,
            "message": self.message,
            "hint": self.hint,
            "plan": self.plan,
            "element": self.element,
        }


class SourcePlaces:
    """Where in the files a version's text was written: the base plan, or the operation that last wrote it
    (found in the timeline's record of what each applied operation touched)."""

    def __init__(self, base: Plan, base_file: Path, timeline: Timeline) -> None:
        self.base = base
        self.base_file = base_file
        self._positions: dict[Path, SourceMap] = {}
        self._writes: dict[Element, list[tuple[Applied, Touch]]] = {}
        for applied in timeline.applied:
            for touch in applied.touches:
                if touch.writes and touch.effect is not Effect.DELETES:
                    self._writes.setdefault(touch.element, []).append((applied, touch))

    # -- where: (file, path inside it) -------------------------------------------------------------

    def _written(
        self, element: Element, history: tuple[Change, ...], column: str = ""
    ) -> tuple[Path, tuple[Any, ...]] | None:
        """The operation that made the element's latest change (and wrote ``column``, for a row)."""
        writes = self._writes.get(element, [])
        for change in reversed(history):
            for applied, touch in reversed(writes):
                s = applied.scheduled
                act = s.filed.amendment.act
                if (act.number, act.date, s.day) != (change.act, change.act_date, change.in_force):
                    continue
                if column and touch.columns and column not in touch.columns:
                    continue
                return s.filed.path, ("operations", s.index, *touch.text_path(column))
        return None

    def cell(self, row: Row, column: str) -> tuple[Path, tuple[Any, ...]]:
        """The operation (or base row) that last wrote a cell."""
        found = self._written(Element(ElementKind.ROW, str(row.number)), row.history, column)
        if found is not None:
            return found
        index = self.base.position(row.number)
        return self.base_file, ("rows", index, "cells", column)

    def abbreviation(self, code: str, history: tuple[Change, ...]) -> tuple[Path, tuple[Any, ...]]:
        """The operation (or base note line) that last wrote an abbreviation's expansion."""
        found = self._written(Element(ElementKind.ABBREVIATION, code), history)
        return found if found is not None else (self.base_file, ("abbreviations", code))

    def title(self, section: str, subsection: str | None, history: tuple[Change, ...]) -> tuple[Path, tuple[Any, ...]]:
        """The operation (or base heading) that last wrote a section's or subsection's title."""
        kind = ElementKind.SECTION if subsection is None else ElementKind.SUBSECTION
        found = self._written(Element(kind, subsection or section), history)
        if found is not None:
            return found
        for si, s in enumerate(self.base.sections):
            if s.number == section:
                if subsection is None:
                    return self.base_file, ("sections", si, "title")
                for j, sub in enumerate(s.subsections):
                    if sub.number == subsection:
                        return self.base_file, ("sections", si, "subsections", j, "title")
        return self.base_file, ("sections",)

    # -- line and column -----------------------------------------------------------------------------

    def locate(self, file: Path, path: tuple[Any, ...]) -> Location:
        """Line and column of ``path`` in ``file``; each file is parsed with positions once."""
        # A lint run places dozens of flags: each file is parsed with positions once, not per flag.
        from amend.store.yaml_io import SourceMap

        if file not in self._positions:
            self._positions[file] = SourceMap(file)
        return self._positions[file].location(path)


def _words(text: object) -> list[str]:
    if not isinstance(text, str):
        return []
    return [w for w in _WORD.findall(text) if _LATIN.search(w) and _CYRILLIC.search(w)]


def _mixed(word: str) -> str:
    latin = "".join(dict.fromkeys(_LATIN.findall(word)))
    return f'"{word}" mixes Latin letters ({latin}) with Cyrillic ones'


def _outliers(amounts: dict[str, Decimal | None]) -> list[tuple[str, Decimal, Decimal, list[str]]]:
    """(column, figure, median of the others, the others) for each figure far out of line in a row."""
    figures = {c: a for c, a in amounts.items() if a is not None and a > 0}  # 0 is "nothing that year"
    if len(figures) >= 2:
        # A column holding the sum of the others is the row's total, not a year: leave it out.
        total = next((c for c, a in figures.items() if a == sum(v for k, v in figures.items() if k != c)), None)
        if total is not None:
            del figures[total]
    found = []
    # The figure most out of line first, then again without it: one wild figure must not make its
    # neighbours look out of line too (5, 500, 6 flags 500 only; 50, 5, 50 flags 5 only).
    while len(figures) >= 2:

        def spread(column: str) -> tuple[Decimal, Decimal, Decimal]:
            a = figures[column]
            median = Decimal(statistics.median(v for k, v in figures.items() if k != column))
            return max(a / median, median / a), a, median  # ties: the larger figure is the odd one

        column = max(figures, key=spread)
        ratio, figure, median = spread(column)
        if ratio < OUTLIER_RATIO:
            break
        del figures[column]
        found.append((column, figure, median, list(figures)))
    return found


def lint_version(version: Version, places: SourcePlaces, *, in_force: bool = True) -> list[Flag]:
    """The flags of one version, in document order. ``in_force=False`` leaves out unknown-in-force."""
    plan = version.plan
    day = version.valid_from
    flags: list[Flag] = []

    def flag(rule: str, element: str, message: str, where: tuple[Path, tuple[Any, ...]]) -> None:
        file, path = where
        flags.append(Flag(rule, message, plan.plan, element, str(file), places.locate(file, path)))

    for w in _words(plan.title):
        flag("mixed-script", "plan title", f"title of plan {plan.plan}: {_mixed(w)}", (places.base_file, ("title",)))
    for i, c in enumerate(plan.columns):
        for w in _words(c.title):
            flag(
                "mixed-script",
                f"column {c.id}",
                f"title of column {c.id}: {_mixed(w)}",
                (places.base_file, ("columns", i, "title")),
            )
    for s in plan.sections:
        for w in _words(s.title):
            flag(
                "mixed-script",
                f"section {s.number}",
                f"title of section {s.number}: {_mixed(w)}",
                places.title(s.number, None, s.history),
            )
        for sub in s.subsections:
            for w in _words(sub.title):
                flag(
                    "mixed-script",
                    f"subsection {sub.number}",
                    f"title of subsection {sub.number}: {_mixed(w)}",
                    places.title(s.number, sub.number, sub.history),
                )

    executors = [c.id for c in plan.columns if c.role == "executors"]
    uses: dict[str, list[tuple[Row, str]]] = {}
    for row in plan.rows:
        for column, text in row.cells.items():
            for w in _words(text):
                flag(
                    "mixed-script",
                    f"row {row.number}",
                    f"row {row.number}, column {column}: {_mixed(w)}",
                    places.cell(row, column),
                )
        for column, figure, median, others in _outliers(row_amounts(plan, row)):
            flag(
                "figure-outlier",
                f"row {row.number}",
                f"row {row.number}: {column} is {figure}, {(figure / median).quantize(Decimal('0.1'))} times "
                f"the median ({median}) of the row's other figures ({', '.join(others)})",
                places.cell(row, column),
            )
        for column in executors:
            text = row.cells[column]
            if text is not UNKNOWN:
                for code in dict.fromkeys(executor_codes(text, plan.abbreviations)):
                    uses.setdefault(code, []).append((row, column))
        missing = [c for c, t in row.cells.items() if t is UNKNOWN]
        if in_force and missing:
            what = (
                "any of its cells"
                if len(missing) == len(row.cells)
                else f"its {', '.join(missing)} cell" + ("s" if len(missing) > 1 else "")
            )
            flag(
                "unknown-in-force",
                f"row {row.number}",
                f"row {row.number} is in force (version of {day}), but no source gives {what}",
                places.cell(row, missing[0]),
            )

    partial = "" if plan.rows_complete else f" (plan {plan.plan} records only some of its rows)"
    for code, rows in uses.items():
        if len(rows) == 1:
            row, column = rows[0]
            flag(
                "executor-single-use",
                f"row {row.number}",
                f"executor code {code} is named in row {row.number} only{partial}",
                places.cell(row, column),
            )

    for code, a in plan.abbreviations.items():
        for w in _words(a.expansion):
            flag(
                "mixed-script",
                f"abbreviation {code}",
                f"abbreviation {code}: {_mixed(w)}",
                places.abbreviation(code, a.history),
            )
    return flags


def lint_timeline(timeline: Timeline, places: SourcePlaces, at: dt.date) -> tuple[Version, list[Flag]]:
    """The flags of the version in force on ``at``; where none is, of the latest version (no unknown-in-force)."""
    try:
        version = timeline.in_force_at(at)
    except NotInForce:
        return timeline.latest, lint_version(timeline.latest, places, in_force=False)
    return version, lint_version(version, places)
