"""Page furniture of an extracted text: page numbers, running headers and repeated column headers (``import-base``).

A PDF's text keeps what each page prints besides the plan: its number alone on a line, a running header (the
annex's "... қаулысына қосымша", the resolution's title), and the table's column header printed again at the
top of each page (its titles, or the row of column numbers "1 2 3 ..."). None of it is plan content. It is
told by its place and its repetition, never by its words: it stands next to a page break (a gap of empty
lines), and it is either a page number of the running sequence, a row of column numbers, or a line printed
next to at least half of the page breaks. Furniture is blanked, not removed, so that line numbers stay the
source's and a page break stays a gap.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["strip_furniture"]

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?P<n>[1-9]\d{0,3})(?:\s*[-–—])?\s*$")
_COLUMN_NUMBERS = re.compile(r"^\s*1(?:\s+\d+){2,}\s*$")
_REACH = 16  # printed lines looked at on each side of a page break (a column header broken into narrow lines)


def _key(raw: str) -> str:
    return " ".join(raw.split())


def _column_numbers(raw: str) -> bool:
    """A row of column numbers: "1 2 3 ... k", consecutive from one."""
    if not _COLUMN_NUMBERS.match(raw):
        return False
    values = [int(v) for v in raw.split()]
    return values == list(range(1, len(values) + 1))


def _page_breaks(lines: Sequence[tuple[int, str]], threshold: int) -> list[int]:
    """Indexes (into ``lines``) of the first printed line after each gap of ``threshold`` empty lines or more."""
    out: list[int] = []
    blanks = 0
    seen = False
    for i, (_, raw) in enumerate(lines):
        if not raw.strip():
            blanks += 1
            continue
        if seen and blanks >= threshold:
            out.append(i)
        blanks, seen = 0, True
    return out


def _near(lines: Sequence[tuple[int, str]], at: int, step: int, stop: int) -> list[int]:
    """The indexes of up to ``_REACH`` printed lines from ``at`` in direction ``step``, short of index ``stop``."""
    out: list[int] = []
    i = at
    while 0 <= i < len(lines) and i != stop and len(out) < _REACH:
        if lines[i][1].strip():
            out.append(i)
        i += step
    return out


def _sequence(candidates: Sequence[tuple[int, int]], least: int) -> set[int]:
    """The longest run of page numbers rising by one in document order, if ``least`` long: (index, value) pairs."""
    best: list[int] = []
    for start, (_, first) in enumerate(candidates):
        chain = [candidates[start][0]]
        want = first + 1
        for index, value in candidates[start + 1 :]:
            if value == want:
                chain.append(index)
                want += 1
        if len(chain) > len(best):
            best = chain
    return set(best) if len(best) >= least else set()


def strip_furniture(lines: Sequence[tuple[int, str]], threshold: int) -> tuple[list[tuple[int, str]], list[int]]:
    """``lines`` with page furniture blanked, and the source line numbers blanked.

    ``threshold`` is how many empty lines make a page break. At each break, the printed lines next to it
    are blanked while they are furniture: a page number of the running sequence, a row of column numbers,
    or a line that stands next to at least half of the breaks (twice at least).
    """
    breaks = _page_breaks(lines, threshold)
    if not breaks:
        return list(lines), []
    sides: list[tuple[list[int], list[int]]] = []
    for k, at in enumerate(breaks):
        before = _near(lines, at - 1, -1, breaks[k - 1] - 1 if k else -1)
        sides.append((before, _near(lines, at, 1, breaks[k + 1] if k + 1 < len(breaks) else len(lines))))
    # The text's end closes its last page: the page number printed at its foot.
    sides.append((_near(lines, len(lines) - 1, -1, breaks[-1] - 1), []))
    numbers = sorted(
        {
            (i, int(m.group("n")))
            for before, after in sides
            for i in before + after
            if (m := _PAGE_NUMBER.match(lines[i][1])) is not None and int(m.group("n")) <= 2 * len(breaks) + 5
        }
    )
    # Pages are numbered at (nearly) every break: a run shorter than half the breaks is figures of cells
    # ("8" / "9" of two amounts that happen to stand at two breaks).
    page_numbers = _sequence(numbers, max(2, (len(breaks) + 1) // 2))

    def plain(i: int) -> bool:
        return i not in page_numbers and not _column_numbers(lines[i][1])

    # A running header or a column title stands at the same place from the break (page numbers and column
    # numbers aside) at many breaks; a cell's line that happens to be printed near several breaks does not.
    # Each side of each break is looked at up to the neighbouring break, so a printed line counts once per place.
    places: Counter[tuple[int, int, str]] = Counter()
    for before, after in sides:
        for side, indexes in enumerate((before, after)):
            kept = [i for i in indexes if plain(i)]
            places.update({(side, rank, _key(lines[i][1])) for rank, i in enumerate(kept)})
    # A line printed elsewhere too ("етілмейді") is a cell's, however often it meets a break; a header is printed
    # at the breaks only (and once more at the top of the table). It is no figure nor dash: those are told above.
    everywhere = Counter(_key(raw) for _, raw in lines if raw.strip())
    least = max(2, (len(breaks) + 1) // 2)
    repeated = {
        place
        for place, count in places.items()
        if count >= least and everywhere[place[2]] <= count + 1 and re.search(r"[^\d\s,.;:()–—-]", place[2])
    }
    # A row of column numbers is the column header's wherever it stands (the first page prints it too).
    blank = {i for i, (_, raw) in enumerate(lines) if _column_numbers(raw)}
    for before, after in sides:
        for side, indexes in enumerate((before, after)):
            rank = 0
            for i in indexes:
                if not plain(i):
                    blank.add(i)
                    continue
                if (side, rank, _key(lines[i][1])) not in repeated:
                    break
                blank.add(i)
                rank += 1
    out = [(n, "" if i in blank else raw) for i, (n, raw) in enumerate(lines)]
    return out, sorted(lines[i][0] for i in blank)
