"""The elements of a plan that operations touch, and how they touch them.

An element is named by its kind and key: ``row 23-1``, ``abbreviation МАМ``, ``section 1``,
``subsection 1.2``, ``plan`` (the plan as a whole). Each operation says, through ``touches``, which
elements it reads, changes, creates and deletes, with the place inside the operation that names each
one (for errors and warnings). Conflicts, the comparative table, lint and the day's executor check all
ask this; nobody inspects an operation's attributes by name.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, NamedTuple

__all__ = ["ELEMENT_PATTERN", "Effect", "Element", "ElementKind", "Touch", "parse_element"]


class ElementKind(str, Enum):
    """What sort of element of a plan."""

    PLAN = "plan"
    SECTION = "section"
    SUBSECTION = "subsection"
    ROW = "row"
    ABBREVIATION = "abbreviation"
    ACT = "act"  # another amending act (an act that amends an act: its schedule or its text)
    # The resolution's own text, the annex's title and notes, and the table's columns.
    TITLE = "title"  # the resolution's title (key "")
    PREAMBLE = "preamble"  # key ""
    POINT = "point"  # key "2", or "2.1" for sub-point 1) of point 2
    SIGNATORY = "signatory"  # key ""
    ANNEX_TITLE = "annex_title"  # the approved plan's title (key "")
    NOTE = "note"  # a numbered note of the annex (key its number)
    COLUMN = "column"  # key the column id


class Element(NamedTuple):
    """One element of a plan: its kind and its number or code (``""`` for the plan itself)."""

    kind: ElementKind
    key: str

    def __str__(self) -> str:
        return self.kind.value if not self.key else f"{self.kind.value} {self.key}"


class Effect(str, Enum):
    """How an operation touches an element."""

    READS = "reads"  # looks it up (a parent row, the section a row goes into)
    CHANGES = "changes"  # gives it a new wording, wholly or in part
    CREATES = "creates"
    DELETES = "deletes"


class Touch(NamedTuple):
    """One element touched by one operation.

    ``columns``: for a row that is changed or created, the columns whose cells may change (all of them
    for a whole new wording). ``path``: inside the operation, the value that names the element.
    ``text``: where the new text is written inside the operation; ``per_column``: it is a mapping by
    column id (a quoted row's cells), not one text (the new words).
    """

    element: Element
    effect: Effect
    path: tuple[Any, ...] = ()
    columns: tuple[str, ...] = ()
    text: tuple[Any, ...] = ()
    per_column: bool = False

    def text_path(self, column: str) -> tuple[Any, ...]:
        """Where the text of ``column`` that this operation writes is, inside the operation."""
        if not self.text:
            return self.path
        return (*self.text, column) if self.per_column else self.text

    @property
    def writes(self) -> bool:
        """True unless the operation only reads the element."""
        return self.effect is not Effect.READS


# How an operation names an element: "title", "preamble", "signatory", "annex_title", or a kind and its key
# ("point 2", "point 2.1", "note 1", "section 1", "subsection 1.2", "row 23-1", "column measure",
# "abbreviation ОМ").
ELEMENT_PATTERN = (
    r"^(title|preamble|signatory|annex_title|(point|note|section|subsection|row) \S+|column [a-z][a-z0-9_]*"
    r"|abbreviation \S.*)$"
)


def parse_element(ref: str) -> Element:
    """The element an operation names (``ref`` matches ``ELEMENT_PATTERN``)."""
    kind, _, key = ref.partition(" ")
    return Element(ElementKind(kind), key)
