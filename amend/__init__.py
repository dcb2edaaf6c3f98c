"""amend: plans and their amending acts as data; dated consolidated versions by a fixed order rule."""

from __future__ import annotations

__version__ = "0.1.0"

from .acts import Act, AfterPublication, OnDate, OnSigning, citation, in_force_date
from .amendment import Amendment
from .apply import Source, apply
from .errors import AmendError
from .gaps import Gap, gaps
from .history import row_history
from .loading import load_amendment, load_plan
from .model import Abbreviation, Column, Plan, Row, Section, Subsection
from .numbers import RowNumber
from .operations import (
    AddAbbreviations, AddSection, AddSubsection, DeleteAbbreviation, DeleteRow, InsertRows, Operation,
    RepealPlan, ReplaceAbbreviation, ReplaceCells, ReplaceRow, ReplaceWords, SetTitle,
)
from .provenance import Change, ChangeKind
from .repository import Repository
from .timeline import FiledAmendment, Timeline, Version, consolidate
from .unknown import UNKNOWN, Unknown

__all__ = [
    "__version__", "Act", "AfterPublication", "OnDate", "OnSigning", "citation", "in_force_date", "Amendment",
    "Source", "apply", "AmendError", "Gap", "gaps", "row_history", "load_amendment", "load_plan",
    "Abbreviation", "Column", "Plan", "Row", "Section", "Subsection", "RowNumber", "AddAbbreviations",
    "AddSection", "AddSubsection", "DeleteAbbreviation", "DeleteRow", "InsertRows", "Operation", "RepealPlan",
    "ReplaceAbbreviation", "ReplaceCells", "ReplaceRow", "ReplaceWords", "SetTitle", "Change", "ChangeKind",
    "Repository", "FiledAmendment", "Timeline", "Version", "consolidate", "UNKNOWN", "Unknown",
]
