"""An uploaded draft read into text: the act's Kazakh text (.txt, .docx) or a draft's YAML (.yaml).

``read_draft_bytes`` is the one function the workbench calls. A DOCX is read by the importer's reader,
the same as ``amend import DRAFT.docx``: its ZIP directory is checked (entry count, inflated size)
before anything is unpacked, so a zip bomb is refused, not unpacked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from amend.errors import AmendError, InputLimit
from amend.importer.act.docx_text import read_docx
from amend.store.inputs import decode

__all__ = ["DraftInput", "UploadRefused", "read_draft_bytes"]


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
    lang: str = "kk"  # the text's language: kk, or ru (a Russian text alone: its Kazakh texts unknown)
    ru: str | None = None  # the act's Russian text beside a Kazakh one, merged change by change


def _docx_text(name: str, data: bytes) -> str:
    """The act's text in a DOCX, read as ``amend import`` reads it (``importer.act.docx_text.read_docx``: Word's
    generated numbers, tables as quoted rows, limits checked on the ZIP directory before anything is
    inflated); a file past a limit is 413, any other unreadable one 422."""
    try:
        return read_docx(data, name)
    except InputLimit as err:
        raise UploadRefused(err.message, status=413) from None
    except AmendError as err:
        raise UploadRefused(err.message) from None


def read_draft_bytes(name: str, data: bytes) -> DraftInput:
    """An uploaded file by its name's ending: .docx or .txt (an act's text), .yaml or .yml (a draft).

    Text is checked as every input is (UTF-8, no control or invisible characters: ``store.inputs.decode``).
    """
    lower = name.lower()
    if lower.endswith(".docx"):
        return DraftInput("text", _docx_text(name, data), name)
    if lower.endswith(".txt"):
        return DraftInput("text", decode(name, data), name)
    if lower.endswith((".yaml", ".yml")):
        return DraftInput("yaml", decode(name, data), name)
    raise UploadRefused(f"{name}: the workbench reads .docx, .txt and .yaml files")
