"""Column widths by content, so that no word of a table breaks across lines and long texts get the room.

Word (and LibreOffice) give every column of a python-docx table the same width: in 156's twelve
columns the measure gets about 2.2 cm and "Республикасының" breaks mid-word. Here each column gets at
least its longest word, and the width left over goes to the columns whose texts are long (the measure),
not to the narrow ones (the row number, codes, figures). Widths are estimated from Times New Roman's
advance widths (em fractions, rounded up), which is metric-compatible with Liberation Serif, the font
LibreOffice uses in its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from amend.language.letters import NARROW_LETTERS, WIDE_LOWER_LETTERS, WIDE_UPPER_LETTERS

__all__ = [
    "CELL_MARGIN_CM",
    "CELL_PADDING_CM",
    "Layout",
    "fit_columns",
    "text_width_cm",
    "turned_heads",
    "word_width_cm",
]

# What a line cannot break inside: a word, or a part of a compound up to and including its hyphen.
_PIECES = re.compile(r"[^-]*-|[^-]+")
# The cell margins the DOCX tables set (0.1 cm left and right), plus a little for the rules.
CELL_MARGIN_CM = 0.1
CELL_PADDING_CM = 2 * CELL_MARGIN_CM + 0.1
_CM_PER_PT = 2.54 / 72

# Advance widths in em (Times New Roman), rounded up; anything not listed counts as a wide letter.
_NARROW = dict.fromkeys(NARROW_LETTERS, 0.34)
_PUNCT = {" ": 0.25, "-": 0.34, "–": 0.5, "—": 1.0, "(": 0.34, ")": 0.34, '"': 0.41, "«": 0.5, "»": 0.5, "/": 0.28}
_WIDE_LOWER = dict.fromkeys(WIDE_LOWER_LETTERS, 0.78)
_WIDE_UPPER = dict.fromkeys(WIDE_UPPER_LETTERS, 1.0)


def _em(ch: str) -> float:
    for table in (_PUNCT, _NARROW, _WIDE_LOWER, _WIDE_UPPER):
        if ch in table:
            return table[ch]
    if ch.isdigit():
        return 0.5
    if ch.isupper():
        return 0.74
    if ch.isalpha():
        return 0.52
    return 0.6


def word_width_cm(word: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width of a word (no padding)."""
    em = sum(_em(ch) for ch in word) * (1.08 if bold else 1.0)
    return em * size_pt * _CM_PER_PT


def text_width_cm(text: str, size_pt: float, *, bold: bool = False) -> tuple[float, float]:
    """(longest unbreakable piece, longest line) of a text, in cm. A line may break after the hyphen of
    a compound ("зорлық-" / "зомбылық"), as Word and LibreOffice do, so the pieces are split there."""
    words = [piece for word in text.split() for piece in _PIECES.findall(word)]
    longest = max((word_width_cm(w, size_pt, bold=bold) for w in words), default=0.0)
    line = max((word_width_cm(ln, size_pt, bold=bold) for ln in text.split("\n")), default=0.0)
    return longest, line


@dataclass(frozen=True)
class Layout:
    """Column widths (cm), the font size they were fitted for, which heads are turned to read upwards
    (a narrow column of figures under a long head); ``fits``: no word needs to break."""

    widths: tuple[float, ...]
    size_pt: float
    fits: bool
    upright: tuple[bool, ...] = ()


def turned_heads(columns: Sequence[Sequence[str]], heads: Sequence[str], size: float) -> tuple[bool, ...]:
    """Which heads read upwards: those whose longest word is more than twice as wide as any line of
    their column (figures, "-", short codes), as official tables set the heads of their year columns."""
    out = []
    for texts, head in zip(columns, heads):
        body = max((text_width_cm(t, size)[1] for t in texts), default=0.0)
        out.append(text_width_cm(head, size, bold=True)[0] > 2 * max(body, 0.5))
    return tuple(out)


def _measure(
    columns: Sequence[Sequence[str]], heads: Sequence[str], size: float, turned: Sequence[bool], whole: Sequence[int]
) -> tuple[list[float], list[float]]:
    mins: list[float] = []
    wants: list[float] = []
    for k, (texts, head, up) in enumerate(zip(columns, heads, turned)):
        # A turned head takes height, not width: only a line of the head's size counts.
        word, line = (size * _CM_PER_PT * 1.2, 0.0) if up else text_width_cm(head, size, bold=True)
        for t in texts:
            w, ln = text_width_cm(t, size)
            if k in whole:  # row numbers such as 23-1 must not break at their hyphen
                w = max(w, ln)
            word, line = max(word, w), max(line, ln)
        mins.append(word + CELL_PADDING_CM)
        wants.append(line + CELL_PADDING_CM)
    return mins, wants


def fit_columns(
    columns: Sequence[Sequence[str]],
    heads: Sequence[str],
    available_cm: float,
    *,
    sizes_pt: Sequence[float] = (11, 10, 9, 8),
    room_share: float = 0.2,
    whole: Sequence[int] = (0,),
) -> Layout:
    """Widths for columns of texts (``columns[k]``: every text of column k) under bold ``heads``.

    The largest size at which every column holds its longest word and at least ``room_share`` of the
    width is left for the long texts (else the largest size at which the words fit at all). The room
    left over is shared by how much longer than that each column's longest line is, so a measure column
    grows and a column of codes does not. If no size fits, the smallest is used and the columns are
    shrunk in proportion (words may then break). The columns in ``whole`` (the row number) never
    break, not even at a hyphen."""
    turned = turned_heads(columns, heads, sizes_pt[0])
    fitting = [(size, *_measure(columns, heads, size, turned, whole)) for size in sizes_pt]
    roomy = [f for f in fitting if sum(f[1]) <= available_cm * (1 - room_share)]
    fits = [f for f in fitting if sum(f[1]) <= available_cm]
    if roomy or fits:
        size, mins, wants = (roomy or fits)[0]
        room = available_cm - sum(mins)
        need = [max(0.0, w - m) for w, m in zip(wants, mins)]
        if sum(need) <= room:
            # Everything fits on one line: the rest goes to the columns in proportion to their width.
            widths = [w + (room - sum(need)) * w / sum(wants) for w in wants]
        else:
            widths = [m + room * n / sum(need) for m, n in zip(mins, need)]
        return Layout(tuple(round(w, 3) for w in widths), size, True, turned)
    size, mins, _ = fitting[-1]
    scale = available_cm / sum(mins)
    return Layout(tuple(round(m * scale, 3) for m in mins), size, False, turned)
