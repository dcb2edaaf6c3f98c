"""Amending texts both ways: importing an act's Kazakh text as the engine's operations, and drafting the text.

``amend.language.phrases`` holds the formulae's phrases that both directions share; ``grammar`` parses one
paragraph (lark, its grammar in ``grammar.lark``); ``instructions`` splits the document and reads each
paragraph with the grammar; ``text`` and ``rows`` repair extracted lines and rebuild quoted rows; ``metadata``
reads the heading and entry into force; ``draft`` makes the engine's Operation models with review notes beside
them; ``writer`` writes the YAML with the store's serializer; ``preview`` validates a draft in memory through
the engine; ``drafting`` writes the resolution's text from an amendment (``amend draft-text``); ``base`` reads
a base plan from a resolution's full text (``amend import-base``), each annex row rebuilt by ``annex``;
``docx_text`` reads a Word file as that text (``read_docx``, for the CLI and the workbench); ``scope`` binds a
bare title sentence to the element its scope names.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amend.importer.docx_text import read_docx
    from amend.importer.draft import Draft, DraftOp, Review, amended_plan, import_text, plan_lexicon
    from amend.importer.metadata import ImportTextError
    from amend.importer.text import Lexicon
    from amend.importer.writer import REVIEW_MARK, render_draft

__all__ = [
    "REVIEW_MARK",
    "Draft",
    "DraftOp",
    "ImportTextError",
    "Lexicon",
    "Review",
    "amended_plan",
    "import_text",
    "plan_lexicon",
    "read_docx",
    "render_draft",
]

# Where each name lives. Imported on first use (PEP 562): importing the package (the CLI does) must not
# load the grammar (lark) and the whole importer into ``amend check`` or ``amend show``.
_HOME = {
    "Draft": "draft",
    "DraftOp": "draft",
    "Review": "draft",
    "amended_plan": "draft",
    "import_text": "draft",
    "plan_lexicon": "draft",
    "ImportTextError": "metadata",
    "Lexicon": "text",
    "REVIEW_MARK": "writer",
    "render_draft": "writer",
    "read_docx": "docx_text",
}


def __getattr__(name: str) -> Any:
    """The importer's public names, imported when first asked for."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # once imported, found as a plain attribute
    return value


def __dir__() -> list[str]:
    """The module's names, the ones not imported yet included."""
    return sorted({*globals(), *__all__})
