"""amend: plans and their amending acts as data; dated consolidated versions by a fixed order rule.

The package is layered; each folder's ``__init__`` says what it may import:

    engine   -> errors                          (the model, the operations, the day step, the timeline)
    store    -> engine, errors                  (files on disk: YAML, loading, the repository)
    queries  -> store, engine, errors           (history, in force, gaps, diff, compare, redline)
    importer -> queries, store, engine, errors  (amending texts <-> Operation models, both directions)
    outputs  -> importer, queries, store, engine, errors  (Markdown, HTML, DOCX, XLSX, CSV, AKN, the site)
    ci       -> outputs, importer, queries, store, engine, errors  (check, conflicts, lint, reports)
    cli      -> everything                      (thin commands)

The names below are the public API. They are imported lazily, so that ``import amend.engine`` does not
load the store or the renderers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Act": "amend.engine.acts",
    "AfterPublication": "amend.engine.acts",
    "OnDate": "amend.engine.acts",
    "OnSigning": "amend.engine.acts",
    "citation": "amend.engine.acts",
    "in_force_date": "amend.engine.acts",
    "Amendment": "amend.engine.amendment",
    "Source": "amend.engine.provenance",
    "apply": "amend.engine.editor",
    "AmendError": "amend.errors",
    "Gap": "amend.queries.gaps",
    "gaps": "amend.queries.gaps",
    "row_history": "amend.queries.history",
    "load_amendment": "amend.store.loading",
    "load_plan": "amend.store.loading",
    "Abbreviation": "amend.engine.model",
    "Column": "amend.engine.model",
    "Plan": "amend.engine.model",
    "Row": "amend.engine.model",
    "Section": "amend.engine.model",
    "Subsection": "amend.engine.model",
    "RowNumber": "amend.engine.numbers",
    "Operation": "amend.engine.operations",
    "Change": "amend.engine.provenance",
    "ChangeKind": "amend.engine.provenance",
    "Repository": "amend.store.repository",
    "FiledAmendment": "amend.engine.timeline",
    "Timeline": "amend.engine.timeline",
    "Version": "amend.engine.timeline",
    "consolidate": "amend.engine.timeline",
    "UNKNOWN": "amend.engine.unknown",
    "Unknown": "amend.engine.unknown",
}

__all__ = [
    "UNKNOWN",
    "Abbreviation",
    "Act",
    "AfterPublication",
    "AmendError",
    "Amendment",
    "Change",
    "ChangeKind",
    "Column",
    "FiledAmendment",
    "Gap",
    "OnDate",
    "OnSigning",
    "Operation",
    "Plan",
    "Repository",
    "Row",
    "RowNumber",
    "Section",
    "Source",
    "Subsection",
    "Timeline",
    "Unknown",
    "Version",
    "__version__",
    "apply",
    "citation",
    "consolidate",
    "gaps",
    "in_force_date",
    "load_amendment",
    "load_plan",
    "row_history",
]

if TYPE_CHECKING:
    from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning, citation, in_force_date
    from amend.engine.amendment import Amendment
    from amend.engine.editor import apply
    from amend.engine.model import Abbreviation, Column, Plan, Row, Section, Subsection
    from amend.engine.numbers import RowNumber
    from amend.engine.operations import Operation
    from amend.engine.provenance import Change, ChangeKind, Source
    from amend.engine.timeline import FiledAmendment, Timeline, Version, consolidate
    from amend.engine.unknown import UNKNOWN, Unknown
    from amend.errors import AmendError
    from amend.queries.gaps import Gap, gaps
    from amend.queries.history import row_history
    from amend.store.loading import load_amendment, load_plan
    from amend.store.repository import Repository


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'amend' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
