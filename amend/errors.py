"""Every error the library raises: one base class, a rule id each, and a place in the input."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

__all__ = [
    "AbbreviationInUse",
    "AbbreviationTaken",
    "AbbreviationUndefined",
    "ActDuplicate",
    "AmendError",
    "ColumnsMismatch",
    "ConsolidatedStale",
    "DateOrder",
    "EncodingError",
    "FileRefused",
    "IdentifierError",
    "InputLimit",
    "InvisibleCharacter",
    "Location",
    "NotInForce",
    "NumberTaken",
    "OccurrencesMismatch",
    "OrderAmbiguous",
    "ParentMissing",
    "PlanMissing",
    "Repealed",
    "RowOrder",
    "SameDayConflict",
    "SchemaError",
    "SubsectionUnknown",
    "TargetDeleted",
    "TargetMissing",
    "UnsafeText",
    "YamlSyntaxError",
]


@dataclass(frozen=True)
class Location:
    """A place in an input file. Line and column count from 1, as people do."""

    file: str
    line: int | None = None
    column: int | None = None
    source_line: str | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def excerpt(self) -> list[str]:
        """The source line and a caret under the column, indented; nothing where either is not known."""
        if self.source_line is None or self.column is None:
            return []
        return [f"    {self.source_line}", "    " + " " * (self.column - 1) + "^"]


class AmendError(Exception):
    """Base of all input and consistency errors. The CLI catches this one and exits 1."""

    rule = "error"
    hint: str | None = None
    # The other faults found in the same file at the same time (every schema problem of a file is
    # reported, as a linter does): `every()` gives them all, this one first.
    also: tuple[AmendError, ...] = ()

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: tuple[Any, ...] = (),
        file: str | Path | None = None,
        location: Location | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint
        # `path` is where in the document the fault is (keys and indices); the loader turns it
        # into a line and column when it has the file's positions.
        self.path = path
        self.file = str(file) if file is not None else None
        self.location = location

    def _copy(self, **changes: Any) -> Self:
        new = copy.copy(self)
        new.__dict__.update(changes)
        return new

    def every(self) -> list[AmendError]:
        """This error and the others found with it."""
        return [self, *self.also]

    def within(self, *prefix: Any, file: str | Path | None = None) -> Self:
        """A copy of this error placed deeper inside a document (and in ``file`` if it has none)."""
        return self._copy(
            path=(*prefix, *self.path), file=self.file if self.file is not None or file is None else str(file)
        )

    def with_message(self, message: str) -> Self:
        """A copy of this error with another message."""
        new = self._copy(message=message)
        new.args = (message,)
        return new

    def at(self, location: Location | None, file: str | None = None) -> Self:
        """A copy of this error at ``location`` (and in ``file``)."""
        return self._copy(location=location, file=file if file is not None else self.file)

    def format(self) -> str:
        """``file:line:col: error [rule]: message``, the source line with a caret, and a hint."""
        where = str(self.location) if self.location else (self.file or "<input>")
        lines = [f"{where}: error [{self.rule}]: {self.message}"]
        if self.location:
            lines += self.location.excerpt()
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)

    def format_every(self) -> str:
        """``format`` of this error and of each found with it, one after the other."""
        return "\n".join(e.format() for e in self.every())

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
        }

    def __str__(self) -> str:
        return self.format()


class YamlSyntaxError(AmendError):
    rule = "yaml-syntax"
    hint = "fix the YAML syntax at the marked place"


class EncodingError(AmendError):
    rule = "encoding"
    hint = "save the file as UTF-8 (without NUL bytes or control characters)"


class InvisibleCharacter(AmendError):
    rule = "invisible-character"
    hint = (
        "remove the zero-width or bidirectional-control character: it hides or reorders what a reader sees "
        "(an editor's 'show invisibles' finds it)"
    )


class InputLimit(AmendError):
    rule = "input-limit"
    hint = "plans are plain YAML: no anchors, aliases or merge keys, a few levels deep, well under the size limit"


class UnsafeText(AmendError):
    rule = "unsafe-text"
    hint = (
        "a text may not start with =, +, @, a tab, a carriage return or a '-' followed by a character other "
        "than a blank or dash (a spreadsheet runs it as a formula), nor hold HTML markup; see docs/format.md"
    )


class IdentifierError(AmendError):
    rule = "identifier"
    hint = "see docs/format.md for the shape of plan ids, numbers and codes"


class FileRefused(AmendError):
    rule = "file-refused"
    hint = "plans/ holds plan and amendment files only: regular .yaml files inside the repository"


class SchemaError(AmendError):
    rule = "schema"
    hint = "see docs/format.md for the keys and values each element takes"


class TargetMissing(AmendError):
    rule = "target-missing"
    hint = "check the row or element number against the version the operation applies to (amend show)"


class TargetDeleted(TargetMissing):
    rule = "target-deleted"
    hint = "an earlier act deleted this row; check the act's text against the version it amends"


class NumberTaken(AmendError):
    rule = "number-taken"
    hint = "a number can be used once; replace the existing row instead, or choose a free number"


class ParentMissing(AmendError):
    rule = "parent-missing"
    hint = "an inserted row goes right after its parent (23-1 after 23) in the same (sub)section"


class OccurrencesMismatch(AmendError):
    rule = "occurrences-mismatch"
    hint = "state how many times the words occur in the scope, or narrow the scope (row, column)"


class AbbreviationUndefined(AmendError):
    rule = "abbreviation-undefined"
    hint = "add the code to the abbreviations note (add_abbreviations), or correct the code"


class AbbreviationInUse(AbbreviationUndefined):
    rule = "abbreviation-in-use"
    hint = "rows still name this code: change those rows in the same act, or keep the code"


class AbbreviationTaken(AmendError):
    rule = "abbreviation-taken"
    hint = "the code is already in the note; use replace_abbreviation to change its expansion"


class ColumnsMismatch(AmendError):
    rule = "columns-mismatch"
    hint = (
        "a row gives exactly the plan's columns (amend show PLAN lists them); use !unknown for a text no source gives"
    )


class RowOrder(AmendError):
    rule = "row-order"
    hint = "rows are listed in document order: ascending numbers, sections in order"


class DateOrder(AmendError):
    rule = "date-order"
    hint = "check the dates: an act cannot take effect before the plan it amends, or before it is adopted"


class OrderAmbiguous(AmendError):
    rule = "order-ambiguous"
    hint = "two acts with the same number, dates and plan cannot be ordered; one of them is a duplicate"


class NotInForce(AmendError):
    rule = "not-in-force"
    hint = "amend versions PLAN lists the dates each version is in force"


class Repealed(AmendError):
    rule = "repealed"
    hint = "a repealed plan takes no further amendments"


class PlanMissing(AmendError):
    rule = "plan-missing"
    hint = "plans are files plans/base/<number>.yaml; amend versions lists none for a missing one"


class ActDuplicate(AmendError):
    rule = "act-duplicate"
    hint = "each act is one file; remove the duplicate"


class ConsolidatedStale(AmendError):
    rule = "consolidated-stale"
    hint = "run `amend build` and commit consolidated/"


class SameDayConflict(AmendError):
    rule = "same-day-conflict"
    # A warning: the order rule settles it, and two acts may rightly meet on one day; `amend check`
    # reports it without failing unless run with --strict.
    hint = (
        "two acts in force on the same day change this row: the order rule (adoption date, then number) "
        "decides which wording stands; check the acts' texts and dates"
    )

    def format(self) -> str:
        """As every error, but marked as a warning."""
        return super().format().replace(": error [", ": warning [", 1)


class SubsectionUnknown(AmendError):
    """A subsection is deleted while rows of its section are in a subsection no source gives."""

    rule = "subsection-unknown"
    hint = "give those rows' subsections in the plan file, or delete the rows one by one"
