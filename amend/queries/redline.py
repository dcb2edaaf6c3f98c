"""Word-level redline of two wordings: which words an amendment strikes out and which it inserts."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from enum import Enum

from amend.engine.base import Frozen

__all__ = ["Mark", "Segment", "redline", "tokens"]

# A word (letters, digits, joined by inner hyphens as in "23-1" or "іс-шара"), one other mark, or a run
# of blanks. Words are the unit a drafter reads; a blank on its own is never a change.
_TOKEN = re.compile(r"\w+(?:-\w+)*|\s+|[^\w\s]")


class Mark(str, Enum):
    """What a piece of a redline is."""

    SAME = "same"
    DELETED = "deleted"
    INSERTED = "inserted"


class Segment(Frozen):
    """A run of text kept, struck out or inserted."""

    mark: Mark
    text: str


def tokens(text: str) -> list[str]:
    """The text cut into words, marks and blank runs; joining them gives the text back."""
    return _TOKEN.findall(text)


def redline(old: str, new: str) -> tuple[Segment, ...]:
    """The segments that turn ``old`` into ``new``: kept words, then per change struck words and inserted ones.

    Joining the kept and deleted segments gives ``old``; joining the kept and inserted ones gives ``new``.
    """
    a, b = tokens(old), tokens(new)
    # autojunk off: its popularity heuristic would make long cells diff differently from short ones.
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    runs: list[tuple[Mark, str, str]] = []  # (mark, old text, new text)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            runs.append((Mark.SAME, old_part, new_part))
        else:
            runs.append((Mark.DELETED, old_part, new_part))
    # A blank kept between two changes is absorbed into them, so that "~~a~~ **b** ~~c~~ **d**" reads as
    # "~~a c~~ **b d**": one struck phrase and one inserted phrase.
    merged: list[tuple[Mark, str, str]] = []
    for k, (mark, old_part, new_part) in enumerate(runs):
        between_changes = 0 < k < len(runs) - 1 and runs[k - 1][0] is not Mark.SAME and runs[k + 1][0] is not Mark.SAME
        if mark is Mark.SAME and between_changes and not old_part.strip():
            mark = Mark.DELETED
        if merged and merged[-1][0] is not Mark.SAME and mark is not Mark.SAME:
            _, o, n = merged[-1]
            merged[-1] = (Mark.DELETED, o + old_part, n + new_part)
        else:
            merged.append((mark, old_part, new_part))
    segments: list[Segment] = []
    for mark, old_part, new_part in merged:
        if mark is Mark.SAME:
            segments.append(Segment(mark=Mark.SAME, text=old_part))
            continue
        if old_part:
            segments.append(Segment(mark=Mark.DELETED, text=old_part))
        if new_part:
            segments.append(Segment(mark=Mark.INSERTED, text=new_part))
    return tuple(segments)
