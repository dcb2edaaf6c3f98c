"""Rebuilding the cells of the rows an amending act quotes, from the printed lines of the table.

The extracted table gives each row's cells one after another, a cell's lines together and cells
mostly parted by an empty line; but short cells can share a line (``етілмейді -``), a page break can
move the row number into the middle of the measure, and the end of a long measure can come after
the row's last cell. The cells with a vocabulary of their own (deadline, executors, cost, funding)
are found by pattern; what comes before them is the plan's free-text columns, parted at empty lines;
what a page break printed before the number or after the last cell belongs to the measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from amend.engine.model import Plan
from amend.engine.unknown import UNKNOWN, Text
from amend.importer.text import Lexicon, Line, join_lines, read_lines
from amend.language import lexicon
from amend.language import lexicon as lx
from amend.language.phrases import MONTHS, UNKNOWN_TEXT

__all__ = ["COST_WORDS", "MONTHS", "ColumnKind", "RowReading", "column_kinds", "read_cells", "read_rows", "vocabulary"]

_S = lexicon.ROWS_S
_DEADLINE = lexicon.ROWS_DEADLINE
COST_WORDS = lexicon.ROWS_COST_WORDS
_COST = lexicon.ROWS_COST
_FUNDING = lexicon.ROWS_FUNDING
_CODE_FALLBACK = lexicon.CODE_FALLBACK


@dataclass(frozen=True)
class ColumnKind:
    """A plan column and the kind of text it holds, which says how to find it in a printed row."""

    id: str
    kind: str  # free | deadline | executors | cost | funding


@dataclass
class RowReading:
    """A quoted row as read: its number, its cells, and the places a reading had to be chosen."""

    number: str
    cells: dict[str, Text]
    notes: list[tuple[str | None, int, str]] = field(default_factory=list)  # (column, line, message)


def column_kinds(plan: Plan) -> list[ColumnKind]:
    """The plan's columns, each with the kind of text it holds (from its role, id and title)."""
    kinds = []
    for column in plan.columns:
        title = column.title.lower() if isinstance(column.title, str) else ""
        if column.role == "executors":
            kind = "executors"
        elif column.role == "funding":
            kind = "funding"
        elif column.role == "amount" or column.id.startswith("cost") or lx.AMOUNT_WORD in title:
            kind = "cost"
        elif "deadline" in column.id or lx.DEADLINE_WORD in title:
            kind = "deadline"
        else:
            kind = "free"
        kinds.append(ColumnKind(column.id, kind))
    return kinds


def _executors(codes: Iterable[str]) -> str:
    known = sorted({re.escape(c) for c in codes}, key=len, reverse=True)
    code = "(?:" + "|".join([*known, _CODE_FALLBACK]) + r")(?![\w-])"
    one = rf"{code}(?:\s*\([^)\n]*\))?"
    return rf"{one}(?:\s*,\s*{one})*"


def _parts(codes: Iterable[str]) -> dict[str, str]:
    return {
        "deadline": _DEADLINE,
        "executors": _executors(codes),
        "cost": _COST,
        "funding": _FUNDING,
        "free": r"[^\n]+?",
    }


def vocabulary(kind: str, codes: Iterable[str]) -> re.Pattern[str]:
    """The whole text of a cell of this kind (deadline, executors, cost, funding), as a pattern."""
    return re.compile(_parts(codes)[kind])


def _fits(region: _Region, kinds: Sequence[ColumnKind], parts: dict[str, str], lexicon: Lexicon) -> bool:
    """One printed cell per column, and each cell with a vocabulary of its own is wholly of that vocabulary."""
    if len(region.chunks) != len(kinds):
        return False
    for kind, chunk in zip(kinds, region.chunks, strict=True):
        if kind.kind != "free" and not re.fullmatch(parts[kind.kind], join_lines(chunk, lexicon)[0]):
            return False
    return True


def _pattern(kinds: Sequence[ColumnKind], codes: Iterable[str]) -> re.Pattern[str]:
    parts = _parts(codes)
    groups = _S.join(f"(?P<c{i}>{parts[k.kind]})" for i, k in enumerate(kinds))
    # The last cell ends its printed cell: an empty line or the end of the row follows.
    return re.compile(rf"(?:^|(?<=\s))(?:{groups})(?=\n|$)")


def _lead(kinds: Sequence[ColumnKind]) -> int:
    """How many free-text columns come before the first column with a vocabulary of its own."""
    return next((i for i, k in enumerate(kinds) if k.kind != "free"), len(kinds))


def _chunks(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into printed cells: an empty line starts a new group."""
    out: list[list[Line]] = []
    for line in lines:
        if not out or line.blanks_before:
            out.append([])
        out[-1].append(line)
    return out


def _starts_row(chunk: list[Line]) -> bool:
    # A measure begins with a capital letter (or a figure); a cell's continuation does not.
    match = re.search(r"[^\W_]", chunk[0].text)
    return match is not None and (match.group(0).isupper() or match.group(0).isdigit())


def _quote(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class _Region:
    number: str
    chunks: list[list[Line]]
    free: list[list[list[Line]]] = field(default_factory=list)  # per free column: its chunks
    cells: dict[str, Text] = field(default_factory=dict)
    rest: list[list[Line]] = field(default_factory=list)  # printed after the last cell
    notes: list[tuple[str | None, int, str]] = field(default_factory=list)
    matched: bool = False


def _locate_numbers(lines: list[Line], numbers: Sequence[str]) -> tuple[list[Line], list[int]]:
    """The lines with each expected row number found in order, and the index of each number's line."""
    out: list[Line] = []
    positions: list[int] = []
    k = 0
    for line in lines:
        if k < len(numbers):
            # "23-1." alone, or "23-1" alone, or "23-1. text" (the number printed on the measure's first line).
            m = re.match(rf"^{re.escape(numbers[k])}(?:\.?$|\.\s+(?P<rest>.*)$)", line.text)
            if m:
                positions.append(len(out))
                out.append(line)
                k += 1
                if m.group("rest"):
                    out.append(Line(m.group("rest"), line.open_end, line.number, 0))
                continue
        out.append(line)
    return out, positions


def _read_region(region: _Region, kinds: Sequence[ColumnKind], pattern: re.Pattern[str], lexicon: Lexicon) -> None:
    texts = []
    for chunk in region.chunks:
        text, _ = join_lines(chunk, lexicon)
        texts.append(text)
    flat = "\n\n".join(texts)
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 2
    match = pattern.search(flat)
    lead = _lead(kinds)
    if match is None or lead == 0:
        return
    region.matched = True
    for i, kind in enumerate(kinds[lead:]):
        region.cells[kind.id] = re.sub(r"\s+", " ", match.group(f"c{i}")).strip()
    first = max(i for i, s in enumerate(starts) if s <= match.start())
    last = max(i for i, s in enumerate(starts) if s < match.end())
    pre = region.chunks[:first]
    cut = flat[starts[first] : match.start()].strip()
    if cut:
        # The first structured cell shares its printed cell with the text before it ("есеп" /
        # "2026 жылғы" / "наурыз"): that text is one cell of its own, printed whole.
        chunk = region.chunks[first]
        pre = pre + [[Line(cut, True, chunk[0].number, chunk[0].blanks_before)]]
    region.rest = region.chunks[last + 1 :]
    if len(pre) < lead:
        region.notes.append(
            (
                None,
                region.chunks[0][0].number if region.chunks else 0,
                f"found {len(pre)} printed cell(s) for the {lead} text column(s) before the "
                f"{kinds[lead].id}; the missing ones are left unknown",
            )
        )
        pre = pre + [[] for _ in range(lead - len(pre))]
    # The last free columns take one printed cell each; the first (the measure) takes the rest.
    extra = len(pre) - lead
    region.free = [pre[: extra + 1]] + [[c] for c in pre[extra + 1 :]]
    if extra:
        region.notes.append(
            (
                kinds[0].id,
                pre[1][0].number,
                f"the {kinds[0].id} is printed in {extra + 1} parts parted by empty lines; read as one cell",
            )
        )


def read_rows(
    raw_lines: Sequence[tuple[int, str]],
    numbers: Sequence[str],
    kinds: Sequence[ColumnKind],
    codes: Iterable[str],
    lexicon: Lexicon,
) -> list[RowReading]:
    """The rows ``numbers`` (in order) from the printed lines of a quoted table."""
    lines, positions = _locate_numbers(read_lines(raw_lines), numbers)
    pattern = _pattern(kinds[_lead(kinds) :], codes)
    regions = []
    for i, pos in enumerate(positions):
        end = positions[i + 1] if i + 1 < len(positions) else len(lines)
        regions.append(_Region(numbers[i], _chunks(lines[pos + 1 : end])))
    parts = _parts(codes)
    if regions and positions[0] == 0 and all(_fits(r, kinds, parts, lexicon) for r in regions):
        # Every row prints exactly one cell per column, nothing strays across a page break, and each
        # cell of a known vocabulary is wholly of it: the cells are the printed cells in column order
        # (the layout `amend draft-text` writes).
        return [_positional(r, kinds, lexicon) for r in regions] + _missing(raw_lines, numbers, regions, kinds)
    for region in regions:
        _read_region(region, kinds, pattern, lexicon)
    heads: list[list[list[Line]]] = [[] for _ in regions]
    if regions:
        heads[0] = _chunks(lines[: positions[0]])
    tails: list[list[list[Line]]] = [[] for _ in regions]
    for i, region in enumerate(regions):
        rest = region.rest
        split = len(rest)
        if i + 1 < len(regions):
            split = next((k for k, chunk in enumerate(rest) if _starts_row(chunk)), len(rest))
            heads[i + 1] = rest[split:]
        tails[i] = rest[:split]
    readings = []
    for i, region in enumerate(regions):
        readings.append(_assemble(region, heads[i], tails[i], kinds, lexicon))
    readings += _missing(raw_lines, numbers, regions, kinds)
    order = {n: i for i, n in enumerate(numbers)}
    for reading in readings:
        reading.cells = {c: UNKNOWN if t == UNKNOWN_TEXT else t for c, t in reading.cells.items()}
    return sorted(readings, key=lambda r: order[r.number])


def _missing(
    raw_lines: Sequence[tuple[int, str]],
    numbers: Sequence[str],
    regions: Sequence[_Region],
    kinds: Sequence[ColumnKind],
) -> list[RowReading]:
    found = {r.number for r in regions}
    return [
        RowReading(
            number,
            {k.id: UNKNOWN for k in kinds},
            [
                (
                    None,
                    raw_lines[0][0] if raw_lines else 0,
                    "the row number was not found in the quoted table; its cells are left unknown",
                )
            ],
        )
        for number in numbers
        if number not in found
    ]


def _positional(region: _Region, kinds: Sequence[ColumnKind], lexicon: Lexicon) -> RowReading:
    cells: dict[str, Text] = {}
    for kind, chunk in zip(kinds, region.chunks, strict=True):
        text = join_lines(chunk, lexicon)[0]
        cells[kind.id] = UNKNOWN if text == UNKNOWN_TEXT else text
    return RowReading(region.number, cells)


def _assemble(
    region: _Region, head: list[list[Line]], tail: list[list[Line]], kinds: Sequence[ColumnKind], lexicon: Lexicon
) -> RowReading:
    reading = RowReading(region.number, {}, list(region.notes))
    if not region.matched and not head and len(region.chunks) == len(kinds):
        # No cell is of its column's vocabulary, but there is one printed cell per column: read
        # them in column order, and say so.
        reading = _positional(region, kinds, lexicon)
        reading.notes.append(
            (None, region.chunks[0][0].number, "read cell by cell in column order: some cells are of no known pattern")
        )
        return reading
    if not region.matched:
        raw = " / ".join(line.text for chunk in head + region.chunks for line in chunk)
        first = (head + region.chunks)[0][0].number if head + region.chunks else 0
        reading.cells = {k.id: UNKNOWN for k in kinds}
        reading.notes.append(
            (None, first, f"could not tell its cells apart; every cell is left unknown. Printed text: {raw}")
        )
        return reading
    free_ids = [k.id for k in kinds[: len(region.free)]]
    for index, column in enumerate(free_ids):
        chunks = region.free[index]
        if index == 0:
            if head:
                text, _ = join_lines([line for chunk in head for line in chunk], lexicon)
                reading.notes.append(
                    (
                        column,
                        head[0][0].number,
                        f'the text printed before the row number ("{_quote(text)}") is read as '
                        f"the start of the {column} (a page break moved the number)",
                    )
                )
            if tail:
                # Shown as it reads at the end of the cell (quotes opened before it stay open).
                before, _ = join_lines([line for chunk in head + chunks for line in chunk], lexicon)
                whole, _ = join_lines([line for chunk in head + chunks + tail for line in chunk], lexicon)
                text = whole[len(before) :].strip()
                reading.notes.append(
                    (
                        column,
                        tail[0][0].number,
                        f'the text printed after the row\'s last cell ("{_quote(text)}") is read '
                        f"as the end of the {column} (a page break)",
                    )
                )
            chunks = head + chunks + tail
        lines = [line for chunk in chunks for line in chunk]
        if not lines:
            reading.cells[column] = UNKNOWN
            continue
        text, guesses = join_lines(lines, lexicon)
        reading.cells[column] = text
        for a, b, j in guesses:
            word = f"{a.text.split(' ')[-1]}{'' if j.glue else ' '}{b.text.split(' ')[0]}"
            reading.notes.append((column, b.number, f'lines {a.number}-{b.number} read as "{word}" ({j.why})'))
    for kind in kinds[len(region.free) :]:
        reading.cells[kind.id] = region.cells[kind.id]
    reading.cells = {k.id: reading.cells[k.id] for k in kinds}
    return reading


def read_cells(raw_lines: Sequence[tuple[int, str]], count: int, lexicon: Lexicon) -> tuple[list[Text], str | None]:
    """``count`` cells quoted one after another, parted by empty lines; all unknown, with the reason, otherwise."""
    chunks = _chunks(read_lines(raw_lines))
    if len(chunks) != count:
        printed = " / ".join(line.text for chunk in chunks for line in chunk)
        return [UNKNOWN] * count, (
            f"{len(chunks)} printed cell(s) for {count} column(s); every cell is left unknown. Printed text: {printed}"
        )
    texts = [join_lines(chunk, lexicon)[0] for chunk in chunks]
    return [UNKNOWN if t == UNKNOWN_TEXT else t for t in texts], None
