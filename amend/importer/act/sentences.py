"""The sentences of an amending act as the grammars read them: one frozen class per formula, in both languages.

``grammar.parse_paragraph`` (Kazakh) and ``russian.parse_russian`` give these; ``passages.read_passages``
attaches the quoted block each one ``takes``, ``instructions.read_instructions`` matches on the class. Named
for what the sentence says (``RowsAddition``), so that no name shadows the engine's operations (``InsertRows``)
nor the instructions (``RowsAdded``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal, TypedDict

__all__ = [
    "CellsRewording",
    "Clause",
    "ColumnAddition",
    "ColumnDeletion",
    "ColumnRenaming",
    "ColumnsRewording",
    "Commencement",
    "Correction",
    "EnactingWords",
    "LeadIn",
    "NoteFrame",
    "NoteLineDeletion",
    "NoteLineRewording",
    "NoteLinesAddition",
    "PlanFrame",
    "Ref",
    "Repealing",
    "Rescheduling",
    "Resumption",
    "RowFrame",
    "RowMove",
    "RowsAddition",
    "RowsDeletion",
    "RowsRewording",
    "Scope",
    "SectionAddition",
    "SectionDeletion",
    "SectionHeading",
    "SectionTitleRewording",
    "Sentence",
    "SignatoryRewording",
    "Signing",
    "SubsectionAddition",
    "SubsectionDeletion",
    "SubsectionHeading",
    "SubsectionTitleRewording",
    "Suspension",
    "Taken",
    "TextDeletion",
    "TextInsertion",
    "TextRewording",
    "WordsReplacement",
]

# A reference to a point of the act, or to a subpoint of one: (2, None) "2-тармақ", (1, 3) "1-тармақтың 3) тармақшасы",
# or to a paragraph of one: (1, None, 3) "1-тармақтың үшінші абзацы".
Ref = tuple[int, int | None] | tuple[int, None, int]


class Clause:
    """An entry-into-force clause: the main rule, the points it excepts, and each later commencement."""

    __slots__ = ("exceptions", "later", "rule")

    def __init__(
        self, rule: tuple[str, Any], exceptions: tuple[Ref, ...], later: tuple[tuple[tuple[Ref, ...], Any], ...]
    ):
        self.rule = rule
        self.exceptions = exceptions
        self.later = later


Pairs = list[tuple[str, str | None]]  # (old words, new words); None: the words struck out


class Scope(TypedDict, total=False):
    """Where a sentence replaces words: the rows, columns or element its words name (none: the scope it stands in)."""

    row: str
    rows: list[str]
    column: int
    columns: list[int]
    whole_text: bool
    element: str
    column_title: int
    line: str
    number_of: str


# What a sentence takes after it, attached by ``passages``: "table", its rows or cells as a quoted table;
# "cells", a table, or one cell quoted in running text where the sentence names one column; "quote", quoted
# lines (a title, note lines, a point's text, a date).
Taken = Literal["table", "cells", "quote"] | None


@dataclass(frozen=True)
class Sentence:
    """One sentence read by a grammar; ``kind`` names its production (the grammar cases' fixtures use it),
    ``takes`` the quoted block that follows it."""

    kind: ClassVar[str]
    takes: ClassVar[Taken] = None

    @property
    def values(self) -> dict[str, Any]:
        """The sentence's fields by name (as the grammar cases state them)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class SectionHeading(Sentence):
    """ "... деген 1-бөлімде:": the sentences after it are in this section."""

    kind = "section_ctx"
    section: str | None
    title: str | None


@dataclass(frozen=True)
class SubsectionHeading(Sentence):
    """ "... деген кіші бөлімде:": the sentences after it are in this subsection."""

    kind = "subsection_ctx"
    subsection: str
    title: str | None


@dataclass(frozen=True)
class PlanFrame(Sentence):
    """ "... бекітілген кешенді жоспарда:": the sentences after it are in the plan."""

    kind = "plan_ctx"


@dataclass(frozen=True)
class NoteFrame(Sentence):
    """ "Ескертпеде:": the sentences after it are in the note."""

    kind = "note_ctx"


@dataclass(frozen=True)
class RowsRewording(Sentence):
    """Rows in new wording (their quoted rows follow)."""

    kind = "replace_rows"
    takes = "table"
    rows: list[str]


@dataclass(frozen=True)
class RowsAddition(Sentence):
    """Rows added: after a row, to a subsection or a section, or where the scope stands."""

    kind = "insert_rows"
    takes = "table"
    rows: list[str]
    subsection: str | None = None
    subsection_title: str | None = None
    after: str | None = None
    section: str | None = None
    section_title: str | None = None


@dataclass(frozen=True)
class RowsDeletion(Sentence):
    """Rows struck out."""

    kind = "delete_rows"
    rows: list[str]


@dataclass(frozen=True)
class CellsRewording(Sentence):
    """Columns of a row in new wording."""

    kind = "replace_cells"
    takes = "cells"
    row: str
    columns: list[int]


@dataclass(frozen=True)
class RowFrame(Sentence):
    """ "реттік нөмірі 15-жолда:": the column sentences after it are in this row."""

    kind = "row_ctx"
    row: str


@dataclass(frozen=True)
class ColumnsRewording(Sentence):
    """Columns in new wording, of the row named before."""

    kind = "col_cells"
    takes = "cells"
    columns: list[int]


@dataclass(frozen=True)
class WordsReplacement(Sentence):
    """Words replaced (or struck out, or added beside others) in a scope."""

    kind = "words"
    scope: Scope
    pairs: Pairs


@dataclass(frozen=True)
class NoteLinesAddition(Sentence):
    """Lines added to the note (quoted after it)."""

    kind = "note_add"
    takes = "quote"
    after: str | None


@dataclass(frozen=True)
class NoteLineDeletion(Sentence):
    """A line of the note struck out."""

    kind = "note_delete"
    line: str


@dataclass(frozen=True)
class NoteLineRewording(Sentence):
    """A line of the note in new wording (quoted after it)."""

    kind = "note_replace"
    takes = "quote"
    line: str


@dataclass(frozen=True)
class SectionTitleRewording(Sentence):
    """A section's title in new wording."""

    kind = "section_title"
    takes = "quote"
    section: str


@dataclass(frozen=True)
class SubsectionTitleRewording(Sentence):
    """A subsection's title in new wording."""

    kind = "subsection_title"
    takes = "quote"
    subsection: str


@dataclass(frozen=True)
class SectionAddition(Sentence):
    """A section added (its title quoted after it)."""

    kind = "add_section"
    takes = "quote"
    number: str
    after: str | None


@dataclass(frozen=True)
class SubsectionAddition(Sentence):
    """A subsection added to a section (its title quoted after it)."""

    kind = "add_subsection"
    takes = "quote"
    section: str
    number: str
    after: str | None


@dataclass(frozen=True)
class TextRewording(Sentence):
    """A text of the act or the plan (a point, the title, the preamble, a note) in new wording."""

    kind = "text_replace"
    takes = "quote"
    element: str


@dataclass(frozen=True)
class TextInsertion(Sentence):
    """A point, subpoint, note or preamble added (its text quoted after it)."""

    kind = "text_insert"
    takes = "quote"
    element: str
    number: str
    after: str | None


@dataclass(frozen=True)
class TextDeletion(Sentence):
    """A text struck out."""

    kind = "text_delete"
    element: str


@dataclass(frozen=True)
class SectionDeletion(Sentence):
    """A section struck out."""

    kind = "section_delete"
    section: str
    title: str | None


@dataclass(frozen=True)
class SubsectionDeletion(Sentence):
    """A subsection struck out."""

    kind = "subsection_delete"
    subsection: str
    title: str | None


@dataclass(frozen=True)
class RowMove(Sentence):
    """A row moved after another, or into a section or subsection."""

    kind = "move_row"
    row: str
    to: str | None
    section: str
    subsection: str | None


@dataclass(frozen=True)
class SignatoryRewording(Sentence):
    """The signatory in new wording (position and name quoted after it)."""

    kind = "signatory"
    takes = "quote"


@dataclass(frozen=True)
class ColumnAddition(Sentence):
    """A column added (its title quoted after it)."""

    kind = "add_column"
    takes = "quote"
    number: int
    after: int | None


@dataclass(frozen=True)
class ColumnDeletion(Sentence):
    """A column struck out."""

    kind = "delete_column"
    number: int


@dataclass(frozen=True)
class ColumnRenaming(Sentence):
    """A column's title in new wording (quoted after it)."""

    kind = "rename_column"
    takes = "quote"
    number: int


@dataclass(frozen=True)
class Repealing(Sentence):
    """An act repealed, or (``operations``) changes of an amending act repealed."""

    kind = "repeal"
    lead: str
    operations: list[int] | None = None


@dataclass(frozen=True)
class Rescheduling(Sentence):
    """An amending act's (or some of its changes') entry into force moved (the date quoted after it)."""

    kind = "reschedule"
    takes = "quote"
    lead: str
    operations: list[int] | None


@dataclass(frozen=True)
class Correction(Sentence):
    """Words of one change of an amending act corrected."""

    kind = "correct"
    lead: str
    operation: int
    pairs: Pairs


@dataclass(frozen=True)
class Suspension(Sentence):
    """A plan suspended, until a date or not (``dated``: a date was printed, read or not)."""

    kind = "suspend"
    lead: str
    until: dt.date | None
    dated: bool


@dataclass(frozen=True)
class Resumption(Sentence):
    """A suspended plan resumed."""

    kind = "resume"
    lead: str


@dataclass(frozen=True)
class EnactingWords(Sentence):
    """The enacting words ("... ҚАУЛЫ ЕТЕДІ:")."""

    kind = "enacting"
    text: str


@dataclass(frozen=True)
class LeadIn(Sentence):
    """A point's lead-in ("... мынадай өзгерістер енгізілсін:")."""

    kind = "lead_in"
    point: int | None
    lead: str


@dataclass(frozen=True)
class Commencement(Sentence):
    """The entry-into-force clause (``paragraphs``: the paragraphs its exceptions name, in Russian texts)."""

    kind = "entry"
    clause: Clause
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signing(Sentence):
    """The signature: position and name."""

    kind = "signature"
    position: str
    name: str
