"""A point's paragraphs (абзац) as the reference bank counts them, for a later commencement of some of them.

"... қолданысқа енгізіледі, ал 1-тармақтың үшінші абзацы 2024 жылғы 1 шілдеден бастап қолданысқа
енгізіледі": the third paragraph of point 1 is its third printed paragraph, counted from the point's first
line ("1. ... енгізілсін:" is the first), each indented paragraph one: a heading sentence, an instruction, a
sub-point, a line of quoted new wording. A quoted table's rows belong to the sentence that quotes them and
count for none. A heading sentence printed in one paragraph with the sentence after it is one paragraph.
"""

from __future__ import annotations

import re

from amend.importer.act.document import Document, Paragraph

__all__ = ["point_paragraphs"]

_POINT = re.compile(r"^(\d+)\.\s")


def point_paragraphs(document: Document) -> dict[int, tuple[int, int]]:
    """Each body paragraph's first line -> (its point, its paragraph number in that point)."""
    out: dict[int, tuple[int, int]] = {}
    point: int | None = None
    k = 0
    for block in document.body:
        if not isinstance(block, Paragraph):
            continue
        m = _POINT.match(block.text)
        if m is not None and (point is None or int(m.group(1)) == point + 1):
            point, k = int(m.group(1)), 1
        elif point is not None:
            k += 1
        if point is not None:
            out[block.first_line] = (point, k)
    return out
