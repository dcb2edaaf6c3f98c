"""The text of an amending resolution (``amend draft-text --to docx``) as a Word document.

The same blocks as the plain text (``amend.importer.act.drafting``): paragraphs, quoted rows as a table
with the row number first, quoted lines. Deterministic: the dates in the package are the act's.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Protocol

from amend.engine.acts import Act
from amend.outputs.docx import _document
from amend.outputs.ooxml import reproducible

__all__ = ["render_draft_docx"]


class _Block(Protocol):
    # The shape of amend.importer.act.drafting.Block, read only (a protocol keeps this module independent of it).
    @property
    def text(self) -> str: ...
    @property
    def rows(self) -> tuple[tuple[str | None, tuple[str, ...]], ...]: ...
    @property
    def lines(self) -> tuple[str, ...]: ...
    @property
    def heading(self) -> bool: ...


class _Text(Protocol):
    @property
    def act(self) -> Act: ...
    @property
    def blocks(self) -> Sequence[_Block]: ...


def render_draft_docx(text: _Text) -> bytes:
    """The resolution as DOCX bytes (reproducible: one input, one file)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    act = text.act
    # The document property holds 255 characters at most: the act's number and date name it.
    title = f"№ {act.number}, {act.date.isoformat()}"
    doc = _document(title, act.date)
    for block in text.blocks:
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(block.text)
        if block.heading:
            run.bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.rows:
            width = 1 + max(len(cells) for _, cells in block.rows)
            table = doc.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for number, cells in block.rows:
                row = table.add_row().cells
                row[0].text = f"{number}." if number is not None else ""
                for cell, value in zip(row[1:], cells, strict=False):
                    cell.text = value
        for line in block.lines:
            doc.add_paragraph(line)
    raw = io.BytesIO()
    doc.save(raw)
    return reproducible(raw.getvalue(), act.date)
