"""Texts into plans, two pipelines: an amending act's text -> its operations (``act``), a base plan (``base_plan``).

``act``: ``grammar`` parses one paragraph (lark, its grammar in ``grammar.lark``; the Russian one in
``russian``, ``grammar_ru.lark``); ``instructions`` splits the document and reads each paragraph with the
grammar; ``draft`` makes the engine's Operation models with review notes beside them (``cells``,
``paragraphs`` and ``scope`` help it); ``writer`` writes the YAML with the store's serializer; ``preview``
validates a draft in memory through the engine; ``service.import_act`` runs the pipeline (CLI and web);
``drafting``/``drafting_ru`` write the resolution's text from an amendment (``amend draft-text``);
``docx_text`` reads a Word file as that text (``read_docx``).
``base_plan``: ``base`` reads a base plan from a resolution's full text (``amend import-base``), each annex row
rebuilt by ``annex``, page furniture removed by ``pages``.
Shared by both, here: ``text`` and ``rows`` repair extracted lines and rebuild quoted rows; ``metadata`` reads
the heading and entry into force. ``amend.language.phrases`` holds the formulae's phrases.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amend.importer.act.docx_text import read_docx
    from amend.importer.act.draft import Draft, DraftOp, Review, amended_plan, import_text, plan_lexicon
    from amend.importer.act.service import ImportedAct, NoPlanNamed, import_act
    from amend.importer.act.writer import REVIEW_MARK, render_draft
    from amend.importer.metadata import ImportTextError
    from amend.importer.text import Lexicon

__all__ = [
    "REVIEW_MARK",
    "Draft",
    "DraftOp",
    "ImportTextError",
    "ImportedAct",
    "Lexicon",
    "NoPlanNamed",
    "Review",
    "amended_plan",
    "import_act",
    "import_text",
    "plan_lexicon",
    "read_docx",
    "render_draft",
]

# Where each name lives. Imported on first use (PEP 562): importing the package (the CLI does) must not
# load the grammar (lark) and the whole importer into ``amend check`` or ``amend show``.
_HOME = {
    "Draft": "act.draft",
    "DraftOp": "act.draft",
    "Review": "act.draft",
    "amended_plan": "act.draft",
    "import_text": "act.draft",
    "plan_lexicon": "act.draft",
    "ImportTextError": "metadata",
    "Lexicon": "text",
    "REVIEW_MARK": "act.writer",
    "render_draft": "act.writer",
    "read_docx": "act.docx_text",
    "ImportedAct": "act.service",
    "NoPlanNamed": "act.service",
    "import_act": "act.service",
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
