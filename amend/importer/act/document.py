"""An amending act's text as paragraphs and quoted tables: the first stage of reading an act.

The extracted text is split into its heading (the lines before the enacting words) and its body: a
paragraph starts at an indented line or after a line that ends a sentence; a lone quote after a line
ending in a colon opens a quoted table, closed by a lone ``";``. Nothing here knows a formula: the
grammar reads the paragraphs next (``passages``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amend.importer.text import fix_lookalikes, join_prose
from amend.language.lexicon import ENACTING

__all__ = ["Document", "Paragraph", "Table", "normalize_quotes", "split_document"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text: its lines joined, and where it stands in the source."""

    text: str
    first_line: int
    last_line: int
    lines: tuple[tuple[int, str], ...] = ()  # the printed lines (number, raw text)
    joined: bool = False  # read with words broken at line ends joined (no formula derived the plain join)


@dataclass(frozen=True)
class Table:
    """The printed lines of a quoted table (between a lone opening quote and the closing ``";``)."""

    lines: tuple[tuple[int, str], ...]
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Document:
    """An act's text: the heading lines, then paragraphs and quoted tables in order."""

    heading: tuple[tuple[int, str], ...]
    body: tuple[Paragraph | Table, ...]


_ENACTING = re.compile(ENACTING)


# Quotation marks as printed: guillemets and typographic quotes are the formulae's one quote, '"'.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


def normalize_quotes(text: str) -> str:
    """Every kind of quotation mark as '"' (the bank prints guillemets in some texts, straight quotes in others)."""
    return text.translate(_QUOTES)


def split_document(text: str) -> Document:
    """Split the extracted text into heading, paragraphs (an indented line starts one) and quoted tables."""
    lines = list(enumerate(fix_lookalikes(normalize_quotes(text.replace("\r\n", "\n"))).split("\n"), 1))
    start = next((i for i, (_, raw) in enumerate(lines) if _ENACTING.search(raw)), None)
    if start is None:
        start = next((i for i, (_, raw) in enumerate(lines) if re.match(r"^\s{2,}\S", raw)), len(lines))
    heading = tuple(lines[:start])
    body: list[Paragraph | Table] = []
    current: list[tuple[int, str]] = []

    def close() -> None:
        if current:
            body.append(Paragraph(join_prose([r for _, r in current]), current[0][0], current[-1][0], tuple(current)))
            current.clear()

    i = start
    while i < len(lines):
        number, raw = lines[i]
        stripped = raw.strip()
        if stripped == '"' and (not current or current[-1][1].rstrip().endswith(":")):
            # A lone quote after an instruction opens a table; a lone `";` (or `".`) closes it.
            close()
            j = i + 1
            while j < len(lines) and lines[j][1].strip() not in ('";', '".'):
                j += 1
            body.append(Table(tuple(lines[i + 1 : j]), number, lines[min(j, len(lines) - 1)][0]))
            i = j + 1
            continue
        if not stripped:
            i += 1
            continue
        indented = re.match(r"^\s{2,}\S", raw) is not None
        closed = bool(current) and current[-1][1].rstrip().endswith((":", ";", "."))
        if indented or not current or closed:
            close()
        current.append((number, raw))
        i += 1
    close()
    return Document(heading, tuple(body))
