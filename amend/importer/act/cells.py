"""Words and figures the extraction split inside a short cell, joined again by the plan's vocabulary and the
column's kind (never by a list of words seen in one text).

A narrow column makes the bank's extraction print a blank where there is none: "35, 5" for the amount
35,5; "Ж Б" for the code ЖБ; "10 2" for the budget program 102; "әлеуметтік-педагог тарына" for one word;
a dash-list's first item run on after its lead ("Мыналар: - ..."). Each is decided by what the plan itself
writes in a column of that kind:

- amounts: joined ("35,5") only where the plan writes its decimals without a blank ("80,0") and never
  with one (748 as 392 leaves it writes "22870, 23": kept), and only for as many decimals as the plan uses;
- codes (a column whose known cells are groups of digits, as budget programs): pieces shorter than the
  plan's code length that add up to it are one code ("10 2" -> "102"; "001 104" stays two codes);
- executors and funding: capitals parted by a blank whose join is a code of the note (or a word of the
  column in the plan) while the pieces are not ("Ж Б" -> "ЖБ"; "РБ ЖБ" stays);
- free text: a word of the plan's vocabulary followed by a piece that is a chain of Kazakh endings in the
  same vowel harmony, no word of the plan and no particle ("педагог тарына" -> "педагогтарына");
- a dash list: the blank before its first dash after a colon is a line break, where the cell is a list.

Every join is returned as a note (the importer marks it REVIEW): it is a reading of the print.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from amend.engine.model import Plan
from amend.engine.unknown import Text
from amend.importer.rows import ColumnKind
from amend.importer.text import Lexicon, is_ending
from amend.language import lexicon
from amend.language.letters import KAZAKH_UPPER

__all__ = ["CellConventions", "repair_cells"]

_BACK = lexicon.BACK
_FRONT = lexicon.FRONT
_PARTICLES = lexicon.PARTICLES
_CAPITALS = lexicon.CAPITALS


@dataclass(frozen=True)
class CellConventions:
    """What the plan writes in each kind of column, read from its known cells."""

    tight_decimals: int  # the most decimals the plan writes after a comma with no blank (0: never, or mixed)
    code_length: dict[str, int]  # column -> the length of its codes (budget programs: 3)
    known: dict[str, frozenset[str]]  # executors / funding column -> the codes and words it holds
    vocabulary: Lexicon  # the plan's words

    @classmethod
    def of(cls, plan: Plan, kinds: Sequence[ColumnKind], codes: Iterable[str]) -> CellConventions:
        """Read from ``plan``'s known cells (and the note's codes)."""
        texts: dict[str, list[str]] = {k.id: [] for k in kinds}
        for row in plan.rows:
            for k in kinds:
                value = row.cells.get(k.id)
                if isinstance(value, str):
                    texts[k.id].append(value)
        amounts = [t for k in kinds if k.kind == "cost" for t in texts[k.id]]
        tight = [len(m) for t in amounts for m in re.findall(r"\d,(\d+)(?!\d)", t)]
        spaced = any(re.search(r"\d, \d", t) for t in amounts)
        lengths: dict[str, int] = {}
        for k in kinds:
            groups = [g for t in texts[k.id] if t != "-" for g in t.split(" ")]
            if groups and all(g.isdigit() for g in groups):
                lengths[k.id] = Counter(len(g) for g in groups).most_common(1)[0][0]
        known = {
            k.id: frozenset({*codes, *(w for t in texts[k.id] for w in re.findall(r"[\w-]+", t))})
            for k in kinds
            if k.kind in ("executors", "funding")
        }
        words = [t for v in texts.values() for t in v]
        words += [a.expansion for a in plan.abbreviations.values() if isinstance(a.expansion, str)]
        return cls(max(tight) if tight and not spaced else 0, lengths, known, Lexicon.from_texts(words))


def _harmony(word: str) -> str | None:
    vowels = [c for c in word.lower() if c in _BACK or c in _FRONT]
    if not vowels:
        return None
    return "back" if vowels[-1] in _BACK else "front"


def _first_harmony(piece: str) -> str | None:
    vowels = [c for c in piece.lower() if c in _BACK or c in _FRONT]
    if not vowels:
        return None
    return "back" if vowels[0] in _BACK else "front"


def _words(text: str, vocabulary: Lexicon) -> tuple[str, list[str]]:
    """A free-text cell with a word's endings printed apart glued back."""
    joined: list[str] = []

    def glue(m: re.Match[str]) -> str:
        word, piece = m.group(1), m.group(2)
        stem = word.rsplit("-", 1)[-1]
        if (
            len(piece) < 3
            or piece.lower() in _PARTICLES
            or piece in vocabulary
            or stem not in vocabulary
            or not is_ending(piece.lower())
            or _harmony(stem) != _first_harmony(piece)
        ):
            return m.group(0)
        joined.append(f'"{word} {piece}" read as one word "{word}{piece}"')
        return word + piece

    return re.sub(rf"(?<![\w-])([^\W\d_][\w-]*[^\W\d_]) ([^\W\d_A-Z{KAZAKH_UPPER}]+)(?![\w-])", glue, text), joined


def _codes(text: str, known: frozenset[str]) -> tuple[str, list[str]]:
    """Capitals parted by a blank, joined where only the join is a known code ("Ж Б" -> "ЖБ")."""
    joined: list[str] = []

    def glue(m: re.Match[str]) -> str:
        parts = m.group(0).split(" ")
        whole = "".join(parts)
        if whole in known and not any(p in known for p in parts):
            joined.append(f'"{m.group(0)}" read as the code "{whole}"')
            return whole
        return m.group(0)

    return re.sub(rf"(?<![\w-]){_CAPITALS}(?: {_CAPITALS})+(?![\w-])", glue, text), joined


def _program_codes(text: str, length: int) -> tuple[str, list[str]]:
    """Digit groups shorter than the column's codes that add up to one ("10 2" -> "102")."""
    groups = text.split(" ")
    if not all(g.isdigit() for g in groups):
        return text, []
    out: list[str] = []
    i = 0
    while i < len(groups):
        j, size = i, 0
        while j < len(groups) and len(groups[j]) < length and size + len(groups[j]) <= length:
            size += len(groups[j])
            j += 1
        if j - i > 1 and size == length:
            out.append("".join(groups[i:j]))
            i = j
        else:
            out.append(groups[i])
            i += 1
    result = " ".join(out)
    return result, ([f'"{text}" read as "{result}" (codes of {length} digits)'] if result != text else [])


def _decimals(text: str, places: int) -> tuple[str, list[str]]:
    """ "35, 5" -> "35,5" where the plan writes decimals with no blank (at most ``places`` of them)."""
    pattern = re.compile(rf"(?<![\d,])(\d+), (\d{{1,{places}}})(?![\d,])")
    result = pattern.sub(r"\1,\2", text)
    return result, ([f'"{text}" read as "{result}" (the plan writes its decimals "80,0")'] if result != text else [])


def _dash_list(text: str) -> tuple[str, list[str]]:
    """ "Мыналар: - бірінші;\\n- екінші" -> "Мыналар:\\n- бірінші;\\n- екінші" (a list's first dash on its own line)."""
    if not re.search(r":[ ]+- ", text) or not re.search(r"(?:\n|;[ ]+)- ", text):
        return text, []
    result = re.sub(r"([:;])[ ]+- ", r"\1\n- ", text)
    return result, (["the dash list's items put on lines of their own"] if result != text else [])


def repair_cells(
    cells: dict[str, Text], kinds: Sequence[ColumnKind], conventions: CellConventions
) -> tuple[dict[str, Text], list[tuple[str, str]]]:
    """The cells with the extraction's blanks mended by each column's kind; the (column, note) of each repair."""
    by_id = {k.id: k.kind for k in kinds}
    out: dict[str, Text] = {}
    notes: list[tuple[str, str]] = []
    for column, value in cells.items():
        if not isinstance(value, str):
            out[column] = value
            continue
        kind = by_id.get(column, "free")
        text, found = value, list[str]()
        if column in conventions.code_length:
            text, found = _program_codes(text, conventions.code_length[column])
        elif kind == "cost" and conventions.tight_decimals:
            text, found = _decimals(text, conventions.tight_decimals)
        elif kind in ("executors", "funding"):
            text, found = _codes(text, conventions.known.get(column, frozenset()))
        elif kind == "free":
            text, found = _words(text, conventions.vocabulary)
            text, listed = _dash_list(text)
            found += listed
        out[column] = text
        notes.extend((column, note) for note in found)
    return out, notes
