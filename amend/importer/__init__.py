"""Importing an amending act from its official Kazakh text into a draft amendment (``amend import``).

``text`` repairs the extracted lines, ``instructions`` reads the instruction formulas, ``rows``
rebuilds the cells of quoted rows, ``metadata`` reads the heading and entry into force, ``draft``
puts them together as operations with review notes, and ``writer`` writes the YAML.
"""

from __future__ import annotations

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
    "render_draft",
]
