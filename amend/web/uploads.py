"""An uploaded draft read into text: the act's Kazakh text (.txt, .docx) or a draft's YAML (.yaml).

``read_draft_bytes`` is the one function the workbench calls; the DOCX reading in it is minimal (the
body's paragraphs and table cells, in document order) and stays in ``_docx_text`` so that a fuller
reader in the importer can replace it. A DOCX is a ZIP: its entries are counted and their declared
sizes summed before anything is unpacked (a ZIP reader never inflates an entry past its declared size),
so a zip bomb is refused, not unpacked.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Literal

from amend.errors import AmendError
from amend.store.inputs import decode

__all__ = ["MAX_DOCX_ENTRIES", "MAX_DOCX_UNPACKED", "DraftInput", "UploadRefused", "read_draft_bytes"]

MAX_DOCX_ENTRIES = 1000  # a resolution's DOCX holds a few dozen parts
MAX_DOCX_UNPACKED = 64 * 1024 * 1024  # unpacked bytes, all entries together


class UploadRefused(AmendError):
    """An upload the workbench does not read: its kind, or a DOCX too large once unpacked."""

    rule = "upload-refused"
    hint = "upload the act's text as .docx or .txt (UTF-8), or a draft as .yaml"

    def __init__(self, message: str, *, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class DraftInput:
    """What an upload holds: ``text`` (an act's text, for the importer) or ``yaml`` (a draft amendment)."""

    kind: Literal["text", "yaml"]
    content: str
    name: str = "draft.txt"  # the file's name, which the draft's first comment cites


def _docx_text(name: str, data: bytes) -> str:
    """The paragraphs and table cells of a DOCX's body, one a line, in document order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_DOCX_ENTRIES:
                raise UploadRefused(f"{name} holds {len(infos)} entries (at most {MAX_DOCX_ENTRIES})", status=413)
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_DOCX_UNPACKED:
                raise UploadRefused(
                    f"{name} would unpack to {unpacked} bytes (at most {MAX_DOCX_UNPACKED}): refused", status=413
                )
    except zipfile.BadZipFile:
        raise UploadRefused(f"{name} is not a DOCX (not a ZIP package)") from None
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise UploadRefused(f"{name} is not a readable DOCX ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines) + "\n"


def read_draft_bytes(name: str, data: bytes) -> DraftInput:
    """An uploaded file by its name's ending: .docx or .txt (an act's text), .yaml or .yml (a draft).

    Text is checked as every input is (UTF-8, no control or invisible characters: ``store.inputs.decode``).
    """
    lower = name.lower()
    if lower.endswith(".docx"):
        return DraftInput("text", decode(name, _docx_text(name, data).encode("utf-8")), name)
    if lower.endswith(".txt"):
        return DraftInput("text", decode(name, data), name)
    if lower.endswith((".yaml", ".yml")):
        return DraftInput("yaml", decode(name, data), name)
    raise UploadRefused(f"{name}: the workbench reads .docx, .txt and .yaml files")
