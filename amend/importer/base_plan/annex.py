"""The cells of one row of an annex table, rebuilt from its extracted lines (``amend import-base``).

The reference bank's PDF text prints a table row column by column: every printed line of the first
column, then of the second, and so on. A page break (three empty lines or more) starts the row's next
*band*, which prints each column's continuation, again in column order. The row-number line may hold
the first printed line of every column at once. Nothing marks where one cell ends, so a row is rebuilt
by column order and vocabulary:

- the columns with a vocabulary of their own (the executors: codes of the note; the deadline; the
  amounts, funding and budget codes) are read from the end of each band, token by token, in column
  order; a column a band leaves unfinished is continued by the next band's tokens of its kind;
- a line printed without a trailing blank continues its word on the column's next line
  (``Еңбекмин`` / ``і``, ``Р`` / ``Б``, ``40,`` / ``0``);
- the text before them belongs to the free-text columns (measure, form), parted by the layout where it
  says something (a line printed with a leading blank starts a cell; a line shared with the executors
  ends the cell before them), and otherwise by a choice that is marked for review: a measure ends in a
  verbal noun; a form of completion is its last noun with the modifiers printed before it.

Every cell no rule gives is left unknown, with the printed text in a review note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from amend.engine.model import Column
from amend.engine.unknown import UNKNOWN, Text
from amend.importer.rows import vocabulary
from amend.importer.text import Lexicon, Line, close_up, fix_lookalikes, is_ending, join_lines
from amend.language import lexicon
from amend.language import lexicon as lx
from amend.language.letters import TENGE
from amend.language.phrases import MONTHS

__all__ = ["PAGE_BREAK", "RowCells", "column_kinds", "form_width", "page_break", "read_row"]

PAGE_BREAK = 3  # empty lines at a page break of the bank's text (one between printed lines)
_FUNDS = lexicon.ANNEX_FUNDS
_FUND = lexicon.ANNEX_FUND
_COST_WORDS = lexicon.ANNEX_COST_WORDS
_FIGURE = lexicon.ANNEX_FIGURE
_DEADLINE_MORE = lexicon.ANNEX_DEADLINE_MORE
_AMOUNTS = lexicon.ANNEX_AMOUNTS
_BUDGET_CODE = lexicon.ANNEX_BUDGET_CODE
_COST_TOKENS = lexicon.ANNEX_COST_TOKENS
_DEADLINE_TOKENS = lexicon.ANNEX_DEADLINE_TOKENS
_AGREEMENT = lexicon.AGREEMENT
_CODE = lexicon.CODE
_DASH_ITEM = re.compile(r"^[-–]\s")
_ADJECTIVE = lexicon.ADJECTIVE
_DATIVE = lexicon.DATIVE
_PLURAL_ITEM = lexicon.PLURAL_ITEM
_POSSESSIVE = lexicon.POSSESSIVE
_VERBAL_NOUN = lexicon.VERBAL_NOUN


@dataclass(frozen=True)
class _Piece:
    """One cell's share of a printed line: a printed line holds one piece, or several parted by two blanks."""

    text: str  # spaced-out letters closed up, blanks made single
    open_end: bool  # its last word is complete (a blank or another piece follows it on the line)
    line: int  # line number in the source
    lead: bool  # the first piece of a line printed with a leading blank (the first line of a cell)
    shared: bool  # its line holds other pieces after it
    raw: str  # the printed line

    def as_line(self) -> Line:
        return Line(self.text, self.open_end, self.line, 0)


@dataclass
class _Group:
    """Pieces that print one word across lines (no trailing blank, and the next piece goes on with it)."""

    pieces: list[_Piece]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def open_end(self) -> bool:
        return self.pieces[-1].open_end


@dataclass
class RowCells:
    """A row's cells as read, and the review notes of the choices made: (source line, message)."""

    cells: dict[str, Text]
    notes: list[tuple[int | None, str]] = field(default_factory=list)
    # The form's printed lines where the layout or the measure's verbal noun parted it (no modifier rule):
    # how wide the form column prints, for ``form_width``.
    form_lines: tuple[str, ...] = ()


def column_kinds(columns: Sequence[Column]) -> list[str]:
    """Each column's kind: ``free`` text, ``executors``, ``deadline``, or ``money`` (amounts, funding, budget)."""
    kinds: list[str] = []
    money = False
    for column in columns:
        title = column.title.lower() if isinstance(column.title, str) else ""
        if column.role in ("amount", "funding") or column.id.startswith("cost") or money:
            money = True
            kinds.append("money")
        elif column.role == "executors":
            kinds.append("executors")
        elif "deadline" in column.id or lx.DEADLINE_WORD in title:
            kinds.append("deadline")
        else:
            kinds.append("free")
    return kinds


def _pieces(number: int, raw: str, words: bool = False) -> list[_Piece]:
    """A printed line's pieces (parted by two blanks or more; by every blank for ``words``)."""
    # Letters spaced out are closed up, but never across a dash standing alone ("- Р 00": a dash cell, then "Р").
    text = fix_lookalikes("".join(close_up(part) for part in re.split(r"((?<!\S)[-–](?!\S))", raw.rstrip("\n"))))
    parts = [p for p in re.split(r"\s+" if words else r"\s{2,}", text.strip()) if p]
    if not words and len(parts) > 1 and parts[0] in ("-", "–"):
        parts[:2] = [f"{parts[0]} {parts[1]}"]  # "-  item": a dash-list item, its dash spaced wide
    lead = raw[:1].isspace()
    ends_open = raw.rstrip("\n") != raw.rstrip()
    return [
        _Piece(
            " ".join(part.split()), ends_open or i < len(parts) - 1, number, lead and i == 0, i < len(parts) - 1, raw
        )
        for i, part in enumerate(parts)
    ]


def page_break(lines: Sequence[tuple[int, str]]) -> int:
    """How many empty lines in a row make a page break: more than twice the usual gap between printed lines.

    The bank's text puts one empty line between printed lines and three at a page break; a text printed
    without empty lines breaks its pages with one.
    """
    gaps: Counter[int] = Counter()
    blanks = 0
    for _, raw in lines:
        if raw.strip():
            gaps[blanks] += 1
            blanks = 0
        else:
            blanks += 1
    usual = gaps.most_common(1)[0][0] if gaps else 1
    return 2 * usual + 1


def form_width(readings: Iterable[RowCells]) -> int | None:
    """The widest form line of rows whose form the layout or a verbal noun parted: the form column's width.

    None below five such rows (too few to tell a column's width).
    """
    lines = [line for reading in readings for line in reading.form_lines]
    rows = sum(1 for reading in readings if reading.form_lines)
    return max(len(line) for line in lines) if rows >= 5 else None


def _bands(segment: Sequence[tuple[int, str]], threshold: int) -> list[list[_Piece]]:
    """The row's printed lines in bands parted by page breaks (``threshold`` empty lines or more)."""
    bands: list[list[_Piece]] = [[]]
    blanks = 0
    for number, raw in segment:
        if not raw.strip():
            blanks += 1
            continue
        if blanks >= threshold and bands[-1]:
            bands.append([])
        blanks = 0
        bands[-1].extend(_pieces(number, raw))
    return [b for b in bands if b]


def _glues(left: str, right: str) -> bool:
    """A piece printed without a trailing blank goes on with the next one: its word is cut by the column edge."""
    if not left or not right:
        return False
    if (left[-1].isalpha() and right[0].isdigit()) or (left[-1].isdigit() and right[0].isalpha()):
        return False
    if left[-1].isdigit() and right[0].isdigit():
        # A figure cut in a narrow column ("40," / "0", "00" / "1"), not a whole number before another.
        return len(left.rsplit(" ", 1)[-1]) <= 2
    if re.fullmatch(r"[^\W\d_]", left) and right[0].isupper():
        return True  # a narrow column prints "Р" / "Б"
    if left[-1].isalpha() and right[0].islower():
        # Letters go on only as the rest of a word (endings: "Еңбекмин" / "і", "жартыжылды" / "ғы"); a
        # line printed without its trailing blank may end a whole word ("ұйымдастыру" / "ОМ-ге").
        rest = re.match(r"[^\W\d_]+", right)
        return rest is not None and is_ending(rest.group(0))
    return right[0].islower() or right[0].isdigit() or right[0] in ",.;:)"


def _groups(pieces: Sequence[_Piece], classes: _Classes) -> list[_Group]:
    """Pieces joined where a word runs on from one printed line to the next.

    Not where the next line begins a word of the vocabularies and the joined word is of none: a page
    break can cut the last word of a column ("жартыжылдығ" / "талап": the rest is on the next page).
    """
    groups: list[_Group] = []
    for piece in pieces:
        last = groups[-1] if groups else None
        if last is not None and not last.open_end and _glues(last.text, piece.text):
            left, right = last.text.split()[-1], piece.text.split()[0]
            if right[0].isalnum() and classes.of(right, True) and not classes.of(left + right, True):
                groups.append(_Group([piece]))
                continue
            last.pieces.append(piece)
        else:
            groups.append(_Group([piece]))
    return groups


class _Classes:
    """Which kinds of cell a printed token can belong to."""

    def __init__(self, codes: Iterable[str]) -> None:
        self.codes = {w.strip(",") for code in codes for w in code.split()}
        self.prefixes = {c[:i] for c in self.codes for i in range(2, len(c))}

    def of(self, token: str, open_end: bool) -> set[str]:
        """The kinds ``token`` fits; a word cut by the column edge (``open_end`` false) may be a code's beginning."""
        out: set[str] = set()
        bare = token.strip(",;")
        low = bare.lower()
        if bare in self.codes or _CODE.fullmatch(bare) or token in _AGREEMENT:
            out.add("executors")
        if not open_end and bare in self.prefixes:
            out.add("executors")
        year = bool(re.fullmatch(r"20\d\d", bare))
        if (
            year
            or low in _DEADLINE_TOKENS
            or re.fullmatch(lx.DEADLINE_PIECE, bare)
            or any(low.startswith(month) for month in MONTHS)
        ):
            out.add("deadline")  # also a day ("1 шілде"), a quarter ("IV тоқсан"), "желтоқсанға дейін"
        if re.fullmatch(r"[^\W\d_]{2,}", low) and any(
            (t.startswith(low) and (len(low) >= 4 or not open_end)) or (t.endswith(low) and _fragment(low))
            for t in _DEADLINE_TOKENS
        ):
            out.add("deadline")  # a word cut by the column edge: "жартыжыл" / "дығы", "жартыжылды" / "ғы"
        if (
            (re.fullmatch(r"\d+,?\d*|-", bare) and not year)
            or bare in _FUNDS
            or low in _COST_TOKENS
            or (not open_end and any(t.startswith(low) for t in _COST_TOKENS | set(_FUNDS)))
            or (len(bare) == 1 and bare.isupper())
        ):
            out.add("money")
        return out


def _tokens(groups: Sequence[_Group]) -> list[tuple[str, int, bool]]:
    """The words of groups: (word, group index, whether the word ends its group's word)."""
    out: list[tuple[str, int, bool]] = []
    for i, group in enumerate(groups):
        words = group.text.split()
        for k, word in enumerate(words):
            out.append((word, i, k < len(words) - 1 or group.open_end))
    return out


def _fragment(word: str) -> bool:
    """The rest of a word cut at the end of the last band ("і,", "ғы", "дығы"): a lower-case piece of a word."""
    return bool(re.fullmatch(lx.LOWER_FRAGMENT, word))


def _tail(
    groups: Sequence[_Group], order: Sequence[str], classes: _Classes, pending: str | None
) -> tuple[int, list[tuple[str, str, int, bool]], int]:
    """Where the band's vocabulary cells begin (a group index) and each of their words with its kind.

    The longest run of closing groups whose every word fits a kind, the kinds in column order;
    ``pending`` is the kind a word cut at the end of the last band goes on in (its rest may open this band).
    The third value, if not 0, is how many words of the first group are not the vocabulary's (they stay free).
    """
    words = _tokens(groups)
    rank = {k: i for i, k in enumerate(order)}
    amounts = _amount_words([w for w, _, _ in words]) if "money" in rank else set()
    best: tuple[int, list[tuple[str, str, int, bool]], int] = (len(groups), [], 0)
    # Walk back from the end: the kinds assigned right to left never rise.
    assigned: list[tuple[str, str, int, bool]] = []
    ceiling = len(order) - 1
    for j in range(len(words) - 1, -1, -1):
        word, group, ends = words[j]
        kinds = {"money"} if j in amounts else classes.of(word, ends)
        fits = [k for k in kinds if rank[k] <= ceiling]
        first = j == 0 or words[j - 1][1] != group
        if not fits and first and pending is not None and _fragment(word) and rank[pending] <= ceiling:
            # A line opening with the rest of a word cut at the last band's end ("і, ЖАО", "ы").
            fits = [pending]
        if not fits:
            if (
                assigned
                and assigned[0][2] == group
                and len(groups[group].pieces) == 1
                and {k for _, k, g, _ in assigned if g == group} == {"executors"}
            ):
                # The executors share a printed line with the cell before them ("бұйрық БҒМ"), parted by
                # one blank only: the line's closing codes are theirs.
                cut = sum(1 for w in words[: j + 1] if w[1] == group)
                return group, list(assigned), cut
            break
        kind = max(fits, key=lambda k: rank[k])
        ceiling = rank[kind]
        assigned.insert(0, (word, kind, group, ends))
        if j == 0 or words[j - 1][1] != group:
            best = (group, list(assigned), 0)
    return best


_AMOUNT_ENDS = lexicon.AMOUNT_ENDS


def _amount_begun(text: str) -> bool:
    """``text`` begins an amount by year (or is one): "2024 жылы – 120, 5 млн" / "теңге; 2025 жылы ..."."""
    return any(_AMOUNTS.fullmatch(text.rstrip(";") + end) for end in _AMOUNT_ENDS)


def _continue_amount(money: list[list[str]], words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """An amount a page break cut ("2024 жылы – 120, 5 млн" / "теңге; 2025 ...") takes the band's first words
    that go on with it; returns the rest."""
    at = next((i for i, m in enumerate(money) if m and _unfinished_amount(" ".join(m))), None)
    if at is None:
        return words
    text = " ".join(money[at])
    k = 0
    while k < len(words) and _amount_begun(f"{text} {words[k][0]}"):
        text = f"{text} {words[k][0]}"
        k += 1
    money[at] = [text]
    return words[k:]


def _unfinished_amount(text: str) -> bool:
    return bool(re.search(lx.YEAR_OR_MILLION, text)) and _amount_begun(text) and not _AMOUNTS.fullmatch(text)


def _amount_words(words: Sequence[str]) -> set[int]:
    """The positions of words that make amounts by year ("2024 жылы – 150, 5 млн теңге; ..."): money, whatever
    else they could be read as (a year, "жылы")."""
    out: set[int] = set()
    for i in range(len(words)):
        if i in out or not re.match(r"\d", words[i]):
            continue
        for j in range(len(words), i + 2, -1):
            if words[j - 1].rstrip(";") == TENGE and _AMOUNTS.fullmatch(" ".join(words[i:j]).rstrip(";")):
                out.update(range(i, j))
                break
        else:
            # An amount's year cut off by a page break ("2024 жылы –" / "120, 5 млн теңге"): no deadline
            # says "жылы –"; nor does a year follow "теңге;".
            if re.fullmatch(lx.IN_YEAR, " ".join(words[i : i + 3])):
                out.update(range(i, i + 3))
            elif i > 0 and words[i - 1] == lx.TENGE_END:
                out.update(k for k in range(i, min(i + 3, len(words))) if _amount_begun(" ".join(words[i : k + 1])))
    # An amount whose beginning the last band printed ("2025" / "жылы – 130 млн теңге"): its year's words.
    for i in sorted(out):
        k = i
        while k > 0 and k - 1 not in out and re.fullmatch(lx.AMOUNT_PIECE, words[k - 1]):
            k -= 1
            out.add(k)
    return out


def _money_units(words: Sequence[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Words made cells: a figure or a dash is one; a run of words is one (a cost in words, a funding source)."""
    units: list[tuple[str, bool]] = []
    run: list[str] = []

    def flush(ends: bool) -> None:
        if run:
            units.append((" ".join(run), ends))
            run.clear()

    i = 0
    while i < len(words):
        word, ends = words[i]
        # An amount by year, whole or begun: the longest run of words that is one or begins one.
        j = i
        while j < len(words) and _amount_begun(" ".join(w for w, _ in words[i : j + 1])):
            j += 1
        if j > i and re.search(lx.YEAR_OR_MILLION, " ".join(w for w, _ in words[i:j])):
            flush(True)
            units.append((" ".join(w for w, _ in words[i:j]), words[j - 1][1]))
            i = j
            continue
        i += 1
        if _figure(word):
            flush(True)
            units.append((word, ends))
            continue
        if word.rstrip(",") in _FUNDS and run and not run[-1].endswith(",") and run[-1] != lx.AND:
            flush(True)  # a funding source after the words of another cell ("талап" / "ЖБ")
        run.append(word)
        after = words[i][0] if i < len(words) else ""
        if _COST_WORDS.fullmatch(" ".join(run)):
            flush(ends)
        elif word in _FUNDS and after not in (*lx.PROVIDED, lx.AND) and len(run) == 1:
            flush(ends)  # a funding source alone ("РБ"), not the start of a cost in words
    flush(words[-1][1] if words else True)
    return units


def read_row(
    segment: Sequence[tuple[int, str]],
    columns: Sequence[Column],
    codes: Iterable[str],
    lexicon: Lexicon,
    *,
    header: tuple[int, str] | None = None,
    breaks: int = PAGE_BREAK,
    form_width: int | None = None,
) -> RowCells:
    """A row's cells from its printed lines (``header``: the text printed on the row-number line; ``breaks``:
    how many empty lines make a page break, see ``page_break``; ``form_width``: the longest form line the
    text prints, so that a wider line is never taken for the form's)."""
    ids = [c.id for c in columns]
    kinds = column_kinds(columns)
    classes = _Classes(codes)
    notes: list[tuple[int | None, str]] = []
    bands = _bands(segment, breaks)
    order = [k for i, k in enumerate(kinds) if k != "free" and (i == 0 or kinds[i - 1] != k)]
    header_band = False
    if header and header[1].strip():
        first = _pieces(header[0], header[1], words=True)
        if _tail(_groups(first, classes), order, classes, None)[1]:
            # The row-number line prints the first line of every column: a band of its own.
            bands.insert(0, first)
            header_band = True
        else:
            # Only the measure's first line follows the number ("5. Білім беру"): it opens the first band.
            bands[:1] = [_pieces(header[0], header[1]) + (bands[0] if bands else [])]
    vocab: dict[str, list[tuple[str, bool]]] = {k: [] for k in order if k != "money"}
    money_ids = [i for i, k in zip(ids, kinds, strict=True) if k == "money"]
    money: list[list[str]] = [[] for _ in money_ids]
    money_open = False  # a money cell ended on a word cut by the column edge
    opened: set[int] = set()  # the money cells that did
    funding = next((c.id for c in columns if c.role == "funding"), None)
    fund_at = money_ids.index(funding) if funding in money_ids else None
    free_ids = [i for i, k in zip(ids, kinds, strict=True) if k == "free"]
    free_bands: list[list[_Group]] = []
    shared_tail: list[bool] = []
    pending: str | None = None
    for band in bands:
        groups = _groups(band, classes)
        start, tail, cut = _tail(groups, order, classes, pending)
        if cut:
            groups[start : start + 1] = _part(groups[start], cut)
            start += 1
            tail = [(w, k, g + 1, e) for w, k, g, e in tail]
        free_bands.append(groups[:start])
        shared_tail.append(start > 0 and start < len(groups) and groups[start - 1].pieces[-1].shared)
        band_money: list[tuple[str, bool]] = []
        for word, kind, _, ends in tail:
            if kind == "money":
                band_money.append((word, ends))
            else:
                vocab[kind].append((word, ends))
        band_money = _continue_amount(money, band_money)
        if band_money:
            opened = _fill_money(money, money_ids, opened, _money_units(band_money), fund_at, notes, band[0].line)
            money_open = bool(opened)
        # A cell whose last word has no trailing blank and that does not read whole goes on in the next band.
        pending = next(
            (
                kind
                for kind, words in vocab.items()
                if words and not words[-1][1] and _read_vocab(kind, _assemble(words), codes) is None
            ),
            None,
        )
        if money_open and any(
            m and not _money_ok(columns[ids.index(c)], " ".join(m)) for c, m in zip(money_ids, money)
        ):
            pending = "money"
    cells: dict[str, Text] = dict.fromkeys(ids, UNKNOWN)
    for kind, words in vocab.items():
        column = ids[kinds.index(kind)]
        text = _assemble(words)
        value = _read_vocab(kind, text, codes)
        if value is None:
            if text:
                notes.append((None, f'{column}: "{text}" does not read as a whole {kind} cell; left unknown'))
        else:
            cells[column] = value
    filled = [m for m in money if m]
    for column, cell in zip(money_ids, money, strict=True):
        value = " ".join(cell)
        if value and _money_ok(columns[ids.index(column)], value):
            cells[column] = value
        elif value:
            notes.append((None, f'{column}: "{value}" does not read as an amount, a source or a code; left unknown'))
    if filled and len(filled) < len(money_ids):
        empty = [c for c, m in zip(money_ids, money, strict=True) if not m]
        line = bands[-1][-1].line if bands else None
        notes.append(
            (
                line,
                f"{len(filled)} cell(s) printed for the {len(money_ids)} columns from {money_ids[0]}: read in column "
                f"order; {', '.join(empty)} left unknown (the print does not show which cell is blank)",
            )
        )
    form_lines = _free_cells(cells, free_ids, free_bands, shared_tail, header_band, lexicon, notes, form_width)
    return RowCells(cells, notes, tuple(form_lines))


def _part(group: _Group, cut: int) -> list[_Group]:
    """A one-piece group parted after its first ``cut`` words: two cells printed on one line."""
    piece = group.pieces[0]
    words = piece.text.split()
    left = _Piece(" ".join(words[:cut]), True, piece.line, piece.lead, True, piece.raw)
    right = _Piece(" ".join(words[cut:]), piece.open_end, piece.line, False, piece.shared, piece.raw)
    return [_Group([left]), _Group([right])]


def _fill_money(  # noqa: PLR0917 - one call site
    money: list[list[str]],
    ids: Sequence[str],
    opened: set[int],
    units: Sequence[tuple[str, bool]],
    fund_at: int | None,
    notes: list[tuple[int | None, str]],
    line: int,
) -> set[int]:
    """Put a band's money units in their cells; returns the cells left open (cut by the column edge).

    The rest of a cell an earlier band left open or unfinished comes first ("Р" / "Б", "талап" /
    "етілмейді"), in column order; then each unit takes the next empty cell, a funding source its own
    column, and budget codes after the last cell join it ("001 104").
    """
    carried = sorted(opened)
    still: set[int] = set()
    before = [i for i, m in enumerate(money) if m]  # cells an earlier band began
    for unit, ends in units:
        unfinished = next((i for i in before if _incomplete_cost(" ".join(money[i]))), None)
        if unfinished is not None and (_incomplete_cost(unit) or _cost_rest(unit)):
            money[unfinished][-1] += " " + unit
            carried = [c for c in carried if c != unfinished]
            continue
        if carried:
            at = carried.pop(0)
            money[at][-1] += unit
            if not ends:
                still.add(at)
            continue
        slot = _next_empty(money)
        if fund_at is not None and unit.strip(",") in _FUNDS and slot is not None and slot < fund_at:
            slot = fund_at  # a funding source goes to its column
        if slot is None:
            if _BUDGET_CODE.fullmatch(unit) and money[-1] and _BUDGET_CODE.fullmatch(money[-1][-1]):
                money[-1].append(unit)  # several budget codes in one cell
                continue
            notes.append((line, f'"{unit}" is printed after the last of the cells {", ".join(ids)}; left out'))
            continue
        money[slot].append(unit)
        short_code = slot == len(money) - 1 and re.fullmatch(r"\d{1,2}", unit)
        if (not ends and unit[-1].isalnum()) or re.fullmatch(r"[^\W\d_]", unit) or short_code:
            # Cut by the column edge: a letter alone is no cell ("Р" / "Б"), nor two digits a budget code.
            still.add(slot)
    return still | set(carried)


def _cost_rest(unit: str) -> bool:
    """Words that end a cost in words ("етілмейді", "қаражат шегінде")."""
    return all(w in _COST_TOKENS for w in unit.split()) and not unit.startswith(lx.NOT_REQUIRED)


def _figure(unit: str) -> bool:
    return bool(re.fullmatch(r"\d+,?\d*|-", unit))


def _incomplete_cost(text: str) -> bool:
    """Words that begin a cost in words without completing it ("талап" / "етілмейді")."""
    words = [w.strip(",") for w in text.split()]
    begun = bool(words) and all(w in _COST_TOKENS or w in _FUNDS for w in words)
    return begun and not _COST_WORDS.fullmatch(text) and text.strip(",") not in _FUNDS


def _next_empty(money: Sequence[list[str]], start: int = 0) -> int | None:
    return next((i for i in range(start, len(money)) if not money[i]), None)


def _assemble(words: Sequence[tuple[str, bool]]) -> str:
    """Words of one cell as one text: a word cut by the column edge goes on without a blank."""
    out = ""
    cut = False
    for word, ends in words:
        if out and not (cut and _glues(out.rsplit(maxsplit=1)[-1], word)):
            out += " "
        out += word
        cut = not ends
    return re.sub(r"\s+([,)])", r"\1", out)


def _read_vocab(kind: str, text: str, codes: Iterable[str]) -> str | None:
    """The cell's text if it reads wholly as its kind; a word cut by the edge with a blank is tried closed up."""
    if not text:
        return None
    if kind == "executors":
        one = r"(?:" + vocabulary("executors", codes).pattern + r")"
        pattern = re.compile(rf"{one}(?:\s+{one})*")
    else:
        pattern = vocabulary(kind, codes)
        if kind == "deadline":
            pattern = re.compile(f"{pattern.pattern}|{_DEADLINE_MORE}")
    if pattern.fullmatch(text):
        return text
    words = text.split(" ")
    for i in range(1, len(words)):
        if words[i][:1].islower():
            joined = " ".join(words[:i]) + words[i] + (" " + " ".join(words[i + 1 :]) if i + 1 < len(words) else "")
            if pattern.fullmatch(joined):
                return joined
    return None


def _money_ok(column: Column, value: str) -> bool:
    """An amount (a figure, a dash, a cost in words), a funding source, or budget codes, as the column holds."""
    if value == "-" or _FIGURE.fullmatch(value):
        return True
    if column.role == "amount" or column.id.startswith("cost"):
        return bool(_COST_WORDS.fullmatch(value) or _AMOUNTS.fullmatch(value))
    if column.role == "funding":
        return bool(re.fullmatch(rf"{_FUND}(?:\s*,\s*{_FUND})*", value)) or bool(_COST_WORDS.fullmatch(value))
    return bool(re.fullmatch(r"\d{3}(?: \d{3})*", value))


def _words(group: _Group) -> list[str]:
    return group.text.split()


def _modifier(group: _Group) -> bool:
    """A group wholly of words that modify the noun after them (adjectives, datives) or of listed plurals."""
    words = _words(group)
    if not words:
        return False
    return all(_ADJECTIVE.search(w.lower()) or _DATIVE.search(w.lower()) for w in words) or all(
        _PLURAL_ITEM.search(w.lower()) for w in words
    )


def _form_start(groups: Sequence[_Group], form_width: int | None = None) -> int:
    """Where a form of completion printed at the end of ``groups`` begins: its last noun, the modifiers before it."""
    k = len(groups) - 1
    head = _words(groups[k])[-1].lower().strip(",.;")
    # "Үкімет" / "қаулысы": a noun and the possessed noun after it name one thing.
    if (
        k > 0
        and _POSSESSIVE.search(head)
        and len(_words(groups[k])) == 1
        and len(_words(groups[k - 1])) == 1
        and not _VERBAL_NOUN.search(_words(groups[k - 1])[0])
    ):
        k -= 1
    # A modifier printed wider than any form line of the text is the measure's.
    while (
        k > 0
        and _modifier(groups[k - 1])
        and (form_width is None or max(len(p.text) for p in groups[k - 1].pieces) <= form_width)
    ):
        k -= 1
    return k


def _form_start_below_measure(groups: Sequence[_Group], measure_begun: bool, form_width: int | None = None) -> int:
    """``_form_start``, but every column begins at the row's top: a band that opens the row keeps its first
    line for the measure."""
    k = _form_start(groups, form_width)
    return max(k, 0 if measure_begun else 1)


def _form_complete(groups: Sequence[_Group]) -> bool:
    """A form ends in its noun: not in a modifier, a comma or a hyphen."""
    if not groups:
        return False
    last = _words(groups[-1])[-1]
    return not (_modifier(_Group([_Piece(last, True, 0, False, False, "")])) or last.endswith((",", "-")))


def _quote(group: _Group) -> str:
    return f'"{group.pieces[0].raw.strip()}" (line {group.pieces[0].line})'


def _free_cells(  # noqa: PLR0917 - one call site; the band reading's parts
    cells: dict[str, Text],
    free_ids: Sequence[str],
    bands: Sequence[list[_Group]],
    shared_tail: Sequence[bool],
    header_band: bool,
    lexicon: Lexicon,
    notes: list[tuple[int | None, str]],
    form_width: int | None,
) -> list[str]:
    """The free-text columns (a measure and the form after it) from the text before each band's vocabulary
    cells; returns the form's printed lines if no modifier rule parted it (else nothing)."""
    if not free_ids:
        return []
    if len(free_ids) == 1:
        cells[free_ids[0]] = _text([g for band in bands for g in band], lexicon, keep_lines=True)
        return []
    if len(free_ids) > 2:
        notes.append((None, f"{len(free_ids)} free-text columns: their cells cannot be told apart; left unknown"))
        return []
    measure: list[_Group] = []
    form: list[_Group] = []
    started = False
    sure = True  # no modifier rule parted the form
    for b, groups in enumerate(bands):
        if not groups:
            continue
        later = any(bands[c] for c in range(b + 1, len(bands)))
        if b == 0 and header_band:
            # The row-number line prints the first line of every column: the form's first line is its
            # last noun with the modifiers before it, the measure's at least one word (the print does not
            # show where the two meet).
            raw = groups[0].pieces[0].raw
            texts = [g.text for g in groups]
            if len(texts) == 1:
                measure.extend(groups)
                continue
            at = _form_start_below_measure(groups, False, form_width)
            sure = False
            notes.append(
                (
                    groups[0].pieces[0].line,
                    f'the row-number line "{raw.strip()}" prints the first line of every column; '
                    f'"{" ".join(texts)}" is parted as {free_ids[0]} "{" ".join(texts[:at])}" and {free_ids[1]} '
                    f'"{" ".join(texts[at:])}"',
                )
            )
            measure.extend(groups[:at])
            form.extend(groups[at:])
            started = True
            continue
        if started:
            ends = [i + 1 for i, g in enumerate(groups) if _verbal(g.text)]
            if not later and ends and ends[-1] < len(groups):
                # The measure ends in this band, in its last verbal noun: what follows goes on with the form.
                at = ends[-1]
                notes.append(
                    (
                        groups[at].pieces[0].line,
                        f"{free_ids[1]} goes on from {_quote(groups[at])}: the {free_ids[0]} ends in the last "
                        f'verbal noun, "{groups[at - 1].text}"',
                    )
                )
                measure.extend(groups[:at])
                form.extend(groups[at:])
                continue
            if _form_complete(form):
                measure.extend(groups)
                continue
            # The form goes on: the line shared with the executors, or the last noun with its modifiers.
            at = len(groups) - 1 if shared_tail[b] else _form_start(groups, form_width)
            sure = sure and shared_tail[b]
            why = "it shares its line with the next column" if shared_tail[b] else "its last noun and modifiers"
            notes.append(
                (
                    groups[at].pieces[0].line,
                    f"{free_ids[1]} goes on from {_quote(groups[at])} ({why}); the {free_ids[0]} is the text before",
                )
            )
            measure.extend(groups[:at])
            form.extend(groups[at:])
            continue
        leads = [i for i, g in enumerate(groups) if g.pieces[0].lead and not _DASH_ITEM.match(g.text)]
        leads = [i for i in leads if i > 0 or measure]
        cut = None
        if leads:
            cut = leads[-1]
            why = "printed with a leading blank, as a cell's first line"
        elif not later:
            ends = [i + 1 for i, g in enumerate(groups) if _verbal(g.text)]
            if ends and ends[-1] < len(groups):
                cut = ends[-1]
                last = groups[cut - 1].text
                why = f'the {free_ids[0]} ends at the last line ending in a verbal noun or ")", "{last}"'
        if cut is None and len(groups) > 1:
            # The measure runs on after a page break, so this band's free text ends with the whole form;
            # in a row printed on one page the form must show modifiers to be told from the measure.
            cut = _form_start_below_measure(groups, bool(measure), form_width)
            sure = False
            why = f"the {free_ids[1]} is its last noun with the modifiers printed before it"
            if cut == 0 or (not later and cut == len(groups) - 1):
                cut = None
        if cut is None:
            text = " / ".join(g.text for g in groups)
            notes.append((groups[0].pieces[0].line, f"{free_ids[0]} and {free_ids[1]} cannot be parted: {text[:300]}"))
            return []
        notes.append(
            (
                groups[cut].pieces[0].line,
                f"{free_ids[1]} begins at {_quote(groups[cut])} (the {free_ids[0]} is the text before): {why}",
            )
        )
        measure.extend(groups[:cut])
        form.extend(groups[cut:])
        started = True
    if measure:
        cells[free_ids[0]] = _text(measure, lexicon, keep_lines=True)
    if form:
        cells[free_ids[1]] = _text(form, lexicon, keep_lines=False)
    return [p.text for g in form for p in g.pieces] if sure else []


def _verbal(text: str) -> bool:
    """A line ending a measure: in a verbal noun ("енгізу", "қою"), or a closing parenthesis."""
    stripped = text.strip()
    return bool(_VERBAL_NOUN.search(stripped.rstrip(");,."))) or stripped.endswith(")")


def _text(groups: Sequence[_Group], lexicon: Lexicon, keep_lines: bool) -> str:
    lines = [p.as_line() for g in groups for p in g.pieces]
    text, _ = join_lines(lines, lexicon)
    if keep_lines:
        return "\n".join(" ".join(part.split()) for part in text.split("\n"))
    return " ".join(text.split())
