"""The reference bank's extracted layout, made from a clean drafted text (to write importer fixtures).

What the bank's PDF extraction does to an amending text (seen in sources/392.txt): prose
wrapped at about 80 characters with a blank at each line end; table cells wrapped in narrow columns,
long words broken without a hyphen and with no blank at the break; a justified line holding one
short word printed letter by letter ("т а л а п  "); two short cells sharing a printed line; a page
break that prints the start of a measure before its row number, or its end after the row's last
cell; Latin look-alike letters inside Cyrillic words. ``python tests/layout.py`` rewrites the
``tests/fixtures/import/*.txt`` files from their ``.yaml`` acts.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

INDENT = "      "


def wrap_prose(text: str, width: int = 80) -> list[str]:
    """Words wrapped at ``width``; every line but the last ends in a blank, as the bank prints them."""
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current + " ")
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def wrap_cell(text: str, width: int, rng: random.Random) -> list[str]:
    """A cell in a narrow column: words that do not fit are broken without a hyphen."""
    out: list[str] = []
    for item in text.split("\n"):
        current = ""
        for word in item.split(" "):
            while len(word) > width:
                if current:
                    out.append(current + " ")
                    current = ""
                out.append(word[:width])  # broken inside the word: no blank at the break
                word = word[width:]
            if current and len(current) + 1 + len(word) > width:
                out.append(current + " ")
                current = word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    # A justified line holding one short word comes out letter by letter.
    for k in range(len(out) - 1):
        word = out[k].strip()
        if " " not in word and 3 <= len(word) <= 6 and out[k].endswith(" ") and rng.random() < 0.5:
            out[k] = " ".join(word) + "  "
    return out


def lookalike(text: str, rng: random.Random, rate: float = 0.02) -> str:
    """Some Cyrillic letters replaced by their Latin look-alikes."""
    swap = {"а": "a", "е": "e", "о": "o", "с": "c", "р": "p"}
    return "".join(swap[c] if c in swap and rng.random() < rate else c for c in text)


def bank_layout(clean: str, seed: int) -> str:
    """The clean text of ``amend draft-text`` as the bank's extraction would give it."""
    rng = random.Random(seed)
    lines = clean.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == '"' and line.startswith(INDENT):
            j = i + 1
            while lines[j].strip() != '";':
                j += 1
            out.append(line)
            out.extend(_table(lines[i + 1 : j], rng))
            out.append(lines[j])
            i = j + 1
            continue
        if line.startswith(INDENT):
            wrapped = wrap_prose(line[len(INDENT) :], 80 - len(INDENT))
            out.append(INDENT + lookalike(wrapped[0], rng))
            out.extend(lookalike(x, rng) for x in wrapped[1:])
        else:
            out.extend(wrap_prose(line))
        i += 1
    return "\n".join(out)


def _table(lines: list[str], rng: random.Random) -> list[str]:
    # Rows: a number line, then cells parted by empty lines.
    rows: list[tuple[str | None, list[str]]] = []
    cells: list[str] = []
    number: str | None = None
    cell: list[str] = []
    for line in [*lines, ""]:
        if not line:
            if cell:
                text = "\n".join(cell)
                if (
                    number is None
                    and not rows
                    and not cells
                    and text.endswith(".")
                    and text[:-1].replace("-", "").isdigit()
                ):
                    number = text[:-1]
                elif text.endswith(".") and text[:-1].replace("-", "").isdigit():
                    rows.append((number, cells))
                    number, cells = text[:-1], []
                else:
                    cells.append(text)
                cell = []
            continue
        cell.append(line)
    rows.append((number, cells))
    out = [""]
    for number, cells in rows:
        printed = [wrap_cell(lookalike(c, rng), rng.choice([11, 13, 14]), rng) for c in cells]
        head: list[str] = []
        tail: list[str] = []
        measure = printed[0] if printed else []
        if number is not None and len(measure) > 6 and rng.random() < 0.35:
            # A page break: the first lines of the measure are printed before the number.
            cut = rng.randint(2, len(measure) - 3)
            head, printed[0] = measure[:cut], measure[cut:]
        elif number is not None and len(measure) > 6 and rng.random() < 0.35 and measure[-2][:1].islower():
            # A page break: the last lines of the measure are printed after the row's last cell.
            cut = rng.randint(len(measure) - 2, len(measure) - 1)
            printed[0], tail = measure[:cut], measure[cut:]
            if not tail[0][:1].islower():
                printed[0], tail = measure, []
        if head:
            out.extend([*head, "", "", ""])
        if number is not None:
            out.extend([f"{number}.", ""])
        k = 0
        while k < len(printed):
            cell = printed[k]
            nxt = printed[k + 1] if k + 1 < len(printed) else None
            if nxt is not None and k > 0 and nxt == ["-"] and len(cell[-1]) < 12 and rng.random() < 0.5:
                # Two short cells share a printed line ("етілмейді -").
                out.extend([*cell[:-1], cell[-1].rstrip() + " -", ""])
                k += 2
                continue
            out.extend([*cell, ""])
            k += 1
        if tail:
            out.extend(["", "", *tail, ""])
    return out


_TO_LATIN = {
    "а": "a",
    "е": "e",
    "о": "o",
    "с": "c",
    "р": "p",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "О": "O",
}
_TO_LATIN |= {"Р": "P", "С": "C", "Т": "T", "Х": "X", "Н": "H"}


def harder_layout(clean: str, seed: int) -> str:
    """``bank_layout`` and more of what extraction does, for texts no fixture was tuned to: guillemets for
    quotes, page breaks (three empty lines) inside running text, prose words broken at a line end with no
    hyphen, codes printed wholly in Latin look-alike letters, more look-alike letters, "алынып тасталсын"."""
    rng = random.Random(seed)
    text = clean.replace("алып тасталсын", "алынып тасталсын") if rng.random() < 0.5 else clean
    # Quotes as guillemets, opening and closing in turn.
    if rng.random() < 0.7:
        parts = text.split('"')
        text = "".join(part + ("«" if k % 2 == 0 else "»") for k, part in enumerate(parts[:-1])) + parts[-1]
    laid = bank_layout(text, seed)
    out: list[str] = []
    for line in laid.split("\n"):
        if re.fullmatch(r"[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2,}(?:, [A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2,})*,?", line.strip()) and rng.random() < 0.5:
            # A line of codes in Latin letters where every letter has a look-alike.
            latin = "".join(_TO_LATIN.get(c, c) for c in line)
            line = latin if all(c in _TO_LATIN.values() or not c.isalpha() for c in latin) else line
        words = line.split(" ")
        long = [k for k, w in enumerate(words) if len(w) > 9 and w.isalpha()]
        if line.startswith(INDENT) is False and long and line.endswith(" ") and rng.random() < 0.15:
            # A prose word broken at the line end without a hyphen (the rest opens the next line).
            k = long[-1]
            cut = rng.randint(3, len(words[k]) - 3)
            out.append(" ".join([*words[:k], words[k][:cut]]))
            line = " ".join([words[k][cut:], *words[k + 1 :]])
        elif line and not line.startswith(INDENT) and rng.random() < 0.04:
            out.extend(["", "", ""])  # a page break inside running text
        out.append(lookalike(line, rng, 0.03))
    return "\n".join(out)


def main() -> None:
    """Rewrite the bank-layout fixtures from the acts (run from the repository root)."""
    sys.path.insert(0, ".")
    from amend import load_amendment
    from amend.importer.act.drafting import draft_text, render_text
    from amend.importer.act.preview import plan_acts, version_before

    folder = Path("tests/fixtures/import")
    drafted = [
        p for p in sorted(folder.glob("*.yaml")) if not p.read_text(encoding="utf-8").startswith("# layout: by hand")
    ]
    # (a text written by hand, in formulae draft-text does not write, is left as it is)
    for k, path in enumerate(drafted):
        act = load_amendment(path)
        before = version_before(Path("."), act, path)
        clean = render_text(draft_text(act, before, plan_acts(Path("."), act.amends)))
        path.with_suffix(".txt").write_text(bank_layout(clean, seed=k), encoding="utf-8")


if __name__ == "__main__":
    main()
