"""A base plan from the full text of its approving resolution and annex (``amend import-base``).

What is read: the act (title, number, date, issuer), its preamble, its points (sub-items kept on lines
of their own), the signatory, entry into force, the plan's title (from "Қоса беріліп отырған ...
бекітілсін"), the section headings of the annex table (Roman numerals, broken capitals rejoined; or figures
"1.", "2." with subsections "1.1.", "1.2." under them), the rows by number, section and subsection, and the
abbreviations note (its code and expansion parted by any dash). Page furniture (page numbers, running headers,
repeated column headers: ``pages.strip_furniture``) is blanked first, and noted for review. Each row's
cells are rebuilt from its printed lines by ``annex.read_row`` (column order, page-break bands,
vocabularies); every choice it makes and every cell it leaves unknown becomes a REVIEW note quoting the
source line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from amend.engine.acts import ActPoint, Signatory
from amend.engine.model import Column, Plan
from amend.engine.unknown import UNKNOWN, Text
from amend.importer.act.draft import Review
from amend.importer.act.grammar import parse_paragraph
from amend.importer.act.sentences import Commencement
from amend.importer.act.writer import REVIEW_MARK
from amend.importer.base_plan.annex import form_width, page_break, read_row
from amend.importer.base_plan.pages import strip_furniture
from amend.importer.metadata import EntryReading, ImportTextError, read_heading
from amend.importer.text import Lexicon, fix_lookalikes, join_lines, join_prose, read_lines
from amend.language import lexicon
from amend.language import lexicon as lx
from amend.language.phrases import ISSUER_GENITIVE
from amend.store.yaml_io import dump_yaml

__all__ = ["BaseDraft", "CellScore", "import_base", "render_base", "score_cells"]

_ROMAN = lexicon.ROMAN
_NOTE_HEAD = lexicon.NOTE_HEAD
_NOTE_LINE = lexicon.NOTE_LINE
_NAME = lexicon.NAME
_DASHES = re.compile(r"^-(?:\s+-)*$")
_ENACTING = lexicon.BASE_ENACTING


@dataclass
class BaseDraft:
    """A base plan read from its text: plain data in the format of plans/base, and review notes."""

    data: dict[str, Any]
    notes: list[Review] = field(default_factory=list)
    row_notes: dict[str, list[Review]] = field(default_factory=dict)


def _heading_title(lines: Sequence[tuple[int, str]], lexicon: Lexicon) -> str:
    """A heading printed in capitals, broken across lines: joined as lower case (the rules know words), then raised."""
    lowered = read_lines((n, raw.lower()) for n, raw in lines)
    text, _ = join_lines(lowered, lexicon)
    return text.upper()


def _signatory(lines: list[str]) -> Signatory | None:
    text = join_prose(lines)
    m = re.match(lx.SIGNATORY, text)
    return Signatory(position=m.group("position"), name=m.group("name")) if m else None


def import_base(text: str, columns: Sequence[Column], lexicon: Lexicon, plan_id: str | None = None) -> BaseDraft:
    """Read the resolution approving a plan, and its annex, into base-plan data with review notes."""
    text = fix_lookalikes(text.replace("\r\n", "\n"))
    printed = list(enumerate(text.split("\n"), 1))
    # Page numbers, running headers and repeated column headers are blanked before anything is read.
    lines, furniture = strip_furniture(printed, page_break(printed))
    notes: list[Review] = []
    if furniture:
        notes.append(
            Review(
                furniture[0],
                "layout",
                f"{len(furniture)} line(s) read as page furniture and left out: lines "
                + ", ".join(map(str, furniture[:20]))
                + ("…" if len(furniture) > 20 else ""),
            )
        )
    # The act's name ends the heading; the preamble runs from there to the enacting words.
    enacting_at = next((n for n, raw in lines if _ENACTING.search(raw)), None)
    heading = read_heading(tuple(lines[: (enacting_at or len(lines))]), None)
    head_end = heading.line
    preamble: list[str] = [raw.strip() for n, raw in lines if head_end < n <= (enacting_at or 0) and raw.strip()]
    issuer = heading.issuer
    said = re.search(r"(?P<who>(?:" + "|".join(ISSUER_GENITIVE) + r"))" + lx.GOVERNMENT_RESOLVES, join_prose(preamble))
    if said:
        issuer = said.group("who")
    points: list[ActPoint] = []
    entry = EntryReading(None)
    signature_lines: list[str] = []
    table_start = len(lines)
    body = [(n, raw) for n, raw in lines if n > (enacting_at or head_end)]
    current: list[str] = []
    number: str | None = None
    signed = False  # the signatory's name is read: what follows up to the table is the annex's heading
    k = 0
    while k < len(body):
        n, raw = body[k]
        stripped = raw.strip()
        k += 1
        if not stripped:
            continue
        if (
            re.match(rf"^\s*{_ROMAN}\.\s", raw)
            or re.match(r"^\s*1\.\s{2,}", raw)
            or (signed and re.match(r"^\s*1\.(?:\s|$)", raw))
        ):
            table_start = n
            break
        if signed:
            continue
        point = re.match(r"^\s{4,}(\d+)\.\s+(.*)$", raw)
        item = re.match(r"^\s{4,}(\d+\))\s+(.*)$", raw)
        if point:
            if number is not None:
                points.append(_act_point(number, current))
            number, current = point.group(1), [point.group(2)]
        elif item and number is not None:
            current.append("\n" + stripped)
        elif (re.match(r"^\s{4,}\S", raw) and number is not None and _signature_start(stripped)) or signature_lines:
            signature_lines.append(stripped)
            signed = bool(_NAME.match(stripped))
        else:
            current.append(stripped)
    if number is not None:
        points.append(_act_point(number, current))
    for act_point in points:
        formula = parse_paragraph(str(act_point.text))
        if isinstance(formula, Commencement):
            entry = EntryReading.of(formula.clause, str(act_point.text), None)
    signatory = _signatory(signature_lines)
    if signatory is None:
        notes.append(Review(None, "signatory", f'the signature was not read from "{join_prose(signature_lines)}"'))
    title: Text = UNKNOWN
    first = next((p for p in points if p.number == "1"), None)
    m = re.search(lx.APPROVED_PLAN, str(first.text) if first else "")
    if m:
        title = m.group(1)
    else:
        notes.append(
            Review(None, "title", f'the plan\'s title was not found in point 1 ("{lx.APPROVED_PLAN_EXAMPLE}")')
        )
    abbreviations = _note(lines)
    sections, rows, row_notes = _table(lines, table_start, columns, lexicon, set(abbreviations))
    model = entry.model()
    data: dict[str, Any] = {
        "plan": plan_id or heading.number,
        "act": {
            "issuer": issuer,
            "kind": heading.kind,
            "number": heading.number,
            "date": heading.date,
            "title": heading.title or UNKNOWN,
            "preamble": join_prose(preamble) if preamble else None,
            "points": [_point_data(p) for p in points],
            "signatory": signatory.model_dump() if signatory else None,
        },
        "entry_into_force": model.model_dump() if model is not None else UNKNOWN,
        "title": title,
        "rows_complete": True,
        "columns": [c.model_dump() for c in columns],
        "sections": sections,
        "rows": rows,
        "abbreviations": abbreviations,
    }
    data["act"] = {k: v for k, v in data["act"].items() if v not in (None, [])}
    if not rows:
        raise ImportTextError("no numbered row of the annex table was found")
    return BaseDraft(data, notes, row_notes)


def _signature_start(text: str) -> bool:
    return bool(re.match(lx.REPUBLIC_LINE, text))


def _point_data(point: ActPoint) -> dict[str, Any]:
    """A point as the plan file writes it: number, text, and its sub-points only where it has some."""
    data: dict[str, Any] = {"number": point.number, "text": point.text}
    if point.subpoints:
        data["subpoints"] = [_point_data(p) for p in point.subpoints]
    return data


def _act_point(number: str, parts: list[str]) -> ActPoint:
    """A point of the act: the text before its first ``1)`` item, and each item as a sub-point."""
    lines = _point_text(parts).split("\n")
    subpoints: list[ActPoint] = []
    for line in lines[1:]:
        item = re.match(r"^(\d+)\)\s+(.*)$", line)
        if item is None:
            # A line that is no numbered item: the point is kept whole, as printed.
            return ActPoint(number=number, text="\n".join(lines))
        subpoints.append(ActPoint(number=item.group(1), text=item.group(2)))
    return ActPoint(number=number, text=lines[0], subpoints=tuple(subpoints))


def _point_text(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if part.startswith("\n"):
            out += part
        elif out and not out.endswith("\n") and not re.search(r"[^\W\d_]-$", out):
            out += " " + part
        else:
            out += part
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in out.split("\n"))


def _table(
    lines: list[tuple[int, str]], start: int, columns: Sequence[Column], lexicon: Lexicon, codes: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, list[Review]]]:
    """Sections and rows of the annex table, from line ``start`` to the note."""
    end = next((n for n, raw in lines if n >= start and _NOTE_HEAD.match(raw)), len(lines) + 1)
    # "Ескертпе:" (note) printed on a line of its own above the note's heading is no row's.
    above = [(n, raw) for n, raw in lines if start <= n < end and raw.strip()]
    if above and re.fullmatch(lx.NOTE_HEAD_LINE, above[-1][1], re.IGNORECASE):
        end = above[-1][0]
    table = [(n, raw) for n, raw in lines if start <= n < end]
    sections: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    notes: dict[str, list[Review]] = {}
    expected = 1
    section: str | None = None
    segment: list[tuple[int, str]] = []
    header: tuple[int, str] | None = None
    i = 0
    breaks = page_break(table)
    printed: list[tuple[dict[str, Any], list[tuple[int, str]], tuple[int, str] | None]] = []

    def close() -> None:
        if rows:
            printed.append((rows[-1], segment, header))

    subsection: str | None = None
    arabic = False  # sections numbered "1.", "2.": a plan with subsections "1.1.", "1.2." under them

    def heading_end(j: int) -> int:
        """The index of the first line from ``j`` that opens a row, a subsection or a section."""
        while j < len(table):
            if re.match(rf"^\s*{expected}\.(\s|$)", table[j][1]) or _SUBSECTION.match(table[j][1]):
                return j
            if re.match(rf"^\s*{_ROMAN}\.\s", table[j][1]) and _capitals(table[j][1]):
                return j
            j += 1
        return j

    while i < len(table):
        n, raw = table[i]
        sub = _SUBSECTION.match(raw)
        if sub and sections and sub.group("section") == _arabic_of(sections[-1]["number"], len(sections)):
            # A subsection heading "1.2. Орта мерзімді шаралар", its title up to the next row or heading.
            j = heading_end(i + 1)
            parts = [(n, sub.group("rest")), *(line for line in table[i + 1 : j] if line[1].strip())]
            subsection = f"{sub.group('section')}.{sub.group('sub')}"
            sections[-1].setdefault("subsections", []).append(
                {"number": subsection, "title": _sentence(parts, lexicon)}
            )
            i = j
            continue
        opens = re.match(rf"^\s*(?P<num>{len(sections) + 1})\.\s+(?P<rest>\S.*)$", raw)
        due = opens is not None and len(sections) + 1 == expected
        # Before any section no row can stand: a "1. ..." printed as one text (not a row-number line holding
        # the first line of every column, parted by wide blanks) opens the first section.
        first = opens is not None and not sections and not re.search(r"\S\s{2,}\S", opens.group("rest"))
        if opens and (arabic or not sections) and (not due or first or _opens_subsections(table, i, expected)):
            # A section numbered in figures: the next section's number where no row of that number is due
            # (or a subsection "N.1." comes before the row after it).
            j = heading_end(i + 1)
            if arabic or first or (j < len(table) and _SUBSECTION.match(table[j][1])):
                arabic = True
                parts = [(n, opens.group("rest")), *(line for line in table[i + 1 : j] if line[1].strip())]
                section = opens.group("num")
                subsection = None
                sections.append({"number": section, "title": _sentence(parts, lexicon)})
                i = j
                continue
        heading = re.match(rf"^\s*(?P<num>{_ROMAN})\.\s*(?P<rest>.*)$", raw)
        number = heading.group("num").translate(lx.ROMAN_AS_LATIN) if heading else ""
        if heading and not _capitals(raw) and number == _roman(len(sections) + 1) and heading.group("rest").strip():
            # A section heading in ordinary case ("II. Ақпараттық жұмыс"), the next numeral in turn: its
            # lines up to the next row, subsection or section.
            j = heading_end(i + 1)
            parts = [(n, heading.group("rest")), *(line for line in table[i + 1 : j] if line[1].strip())]
            section, subsection = number, None
            sections.append({"number": section, "title": _sentence(parts, lexicon)})
            i = j
            continue
        if heading and raw.strip() == raw.strip().upper():
            # A section heading: the capitals up to the next row number.
            parts = [(n, heading.group("rest"))] if heading.group("rest").strip() else []
            j = i + 1
            while j < len(table) and not re.match(rf"^\s*{expected}\.(\s|$)", table[j][1]):
                if _SUBSECTION.match(table[j][1]):
                    break
                if table[j][1].strip() and table[j][1].strip() == table[j][1].strip().upper():
                    parts.append(table[j])
                j += 1
            section = heading.group("num").translate(lx.ROMAN_AS_LATIN)
            subsection = None
            sections.append({"number": section, "title": _heading_title(parts, lexicon)})
            i = j
            continue
        marker = re.match(rf"^\s*{expected}\.(\s|$)(?P<rest>.*)$", raw)
        if marker and section is not None:
            close()
            segment = []
            rest = raw[marker.start("rest") :]
            header = (n, rest) if rest.strip() else None
            rows.append(
                {
                    "number": str(expected),
                    "section": section,
                    **({"subsection": subsection} if subsection else {}),
                    "cells": {},
                }
            )
            expected += 1
        else:
            segment.append((n, raw))
        i += 1
    close()
    # Twice: the first reading tells how wide the form column prints (rows whose form the layout parts),
    # which the second uses to keep a wider line out of the form.
    first_reading = [read_row(seg, columns, codes, lexicon, header=head, breaks=breaks) for _, seg, head in printed]
    width = form_width(first_reading)
    for row, seg, head in printed:
        reading = read_row(seg, columns, codes, lexicon, header=head, breaks=breaks, form_width=width)
        row["cells"] = reading.cells
        _row_notes(row, [*([head] if head else []), *seg], reading.notes, notes)
    return sections, rows, notes


# "1.2. Орта мерзімді шаралар"; the dot after the second figure may be missing where a title follows.
_SUBSECTION = re.compile(r"^\s*(?P<section>\d+)\.(?P<sub>\d+)(?:\.\s*|\s+(?=[^\W\d_]))(?P<rest>.*)$")


def _roman(value: int) -> str:
    """``value`` in Roman numerals (sections are numbered I, II, III, ...)."""
    out = ""
    for amount, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")):
        while value >= amount:
            out, value = out + numeral, value - amount
    for amount, numeral in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


def _capitals(raw: str) -> bool:
    return raw.strip() == raw.strip().upper()


def _arabic_of(number: str, position: int) -> str:
    """The figure a subsection number opens with under section ``number`` (a Roman section: its position)."""
    return number if number.isdigit() else str(position)


def _opens_subsections(table: Sequence[tuple[int, str]], i: int, expected: int) -> bool:
    """Whether line ``i``, numbered as the row due, heads a section: a subsection heading, or the due row's
    number printed again, comes after it before the row numbered ``expected + 1``."""
    for _, raw in table[i + 1 :]:
        if _SUBSECTION.match(raw) or re.match(rf"^\s*{expected}\.(\s|$)", raw):
            return True
        if re.match(rf"^\s*{expected + 1}\.(\s|$)", raw):
            return False
    return False


def _sentence(lines: Sequence[tuple[int, str]], lexicon: Lexicon) -> str:
    """A heading in ordinary case broken across lines, joined as prose (hyphenation by the lexicon's words)."""
    if all(_capitals(raw) for _, raw in lines):
        return _heading_title(lines, lexicon)
    text, _ = join_lines(read_lines(lines), lexicon)
    return " ".join(text.split())


def _row_notes(
    row: dict[str, Any],
    segment: list[tuple[int, str]],
    choices: Sequence[tuple[int | None, str]],
    notes: dict[str, list[Review]],
) -> None:
    """The review notes of a row: each choice made (with the line it quotes), and the cells left unknown."""
    cells = row["cells"]
    printed = [raw.strip() for _, raw in segment if raw.strip()]
    unknown = [c for c, v in cells.items() if v is UNKNOWN]
    first = segment[0][0] if segment else None
    where = f"row {row['number']}"
    for line, message in choices:
        notes.setdefault(row["number"], []).append(Review(line or first, where, message))
    if unknown:
        text = " / ".join(printed)
        notes.setdefault(row["number"], []).append(
            Review(
                first,
                where,
                f"cells {', '.join(unknown)} are left unknown: the printed cells cannot be told apart by a sure "
                f'rule. Printed text: "{text[:300]}{"…" if len(text) > 300 else ""}"',
            )
        )


def _note(lines: list[tuple[int, str]]) -> dict[str, str]:
    """The abbreviations note: "КОД – толық жазылуы" lines, a line that opens with no code continuing the one before.

    A new entry is a line printed with a leading indent, or one whose code is all capitals ("ҚР ДСМ - ...");
    a line of underscores (the annex's closing rule) ends the note.
    """
    out: dict[str, str] = {}
    started = False
    last: str | None = None
    for _, raw in lines:
        if _NOTE_HEAD.match(raw):
            started = True
            continue
        if not started or not raw.strip():
            continue
        if re.fullmatch(r"\s*_{3,}\s*", raw):
            break
        m = _NOTE_LINE.match(raw)
        code = m.group("code").strip() if m else ""
        if m and (re.match(r"^\s{4,}", raw) or code == code.upper() or last is None):
            last = code
            out[last] = " ".join(m.group("expansion").split())
        elif last is not None:
            joined = out[last]
            more = " ".join(raw.split())
            # A compound cut after its hyphen ("ақпараттық-" / "түсіндіру") goes on without a blank.
            out[last] = joined + more if re.search(r"[^\W\d_]-$", joined) else joined + " " + more
    return out


def render_base(draft: BaseDraft) -> str:
    """The base plan as YAML (the store's serializer), review notes as comments above the rows."""
    text = dump_yaml(draft.data)
    out = ["# Base plan imported by `amend import-base`; each place marked REVIEW is to be checked."]
    out.extend(f"# {REVIEW_MARK} {n.message} ({n.where})" for n in draft.notes)
    for line in text.rstrip("\n").split("\n"):
        m = re.match(r"^- number: '?(?P<n>[\d-]+)'?$", line)
        if m and m.group("n") in draft.row_notes:
            out.extend(
                f"# {REVIEW_MARK} {' '.join(n.message.split())} ({n.where}, line {n.line})"
                for n in draft.row_notes[m.group("n")]
            )
        out.append(line)
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class CellScore:
    """How many cells of an imported plan equal a hand-checked plan's, per column, and each miss."""

    exact: int
    total: int
    per_column: dict[str, tuple[int, int]]  # column -> (exact, total)
    misses: list[tuple[str, str, Text, Text]]  # (row, column, read, expected)

    @property
    def share(self) -> float:
        """The share of cells read exactly (an unknown cell where the plan has one counts as exact)."""
        return self.exact / self.total if self.total else 1.0

    def report(self) -> str:
        """The score, each column's, and every miss quoted, as lines of text."""
        lines = [f"cells exact: {self.exact}/{self.total} ({self.share:.2%})"]
        lines += [f"  {column}: {ok}/{n}" for column, (ok, n) in self.per_column.items()]
        for row, column, read, want in self.misses:
            lines.append(f"  row {row} {column}: read {_shown(read)}, expected {_shown(want)}")
        return "\n".join(lines)


def _shown(value: Text) -> str:
    return "!unknown" if value is UNKNOWN else repr(value)


def score_cells(draft: BaseDraft, plan: Plan) -> CellScore:
    """Compare the imported rows with ``plan``'s cell for cell (rows matched by number; a row one lacks is missed)."""
    expected = {str(row.number): row for row in plan.rows}
    read = {str(row["number"]): row for row in draft.data["rows"]}
    per: dict[str, list[int]] = {c.id: [0, 0] for c in plan.columns}
    misses: list[tuple[str, str, Text, Text]] = []
    for number in [*expected, *(n for n in read if n not in expected)]:
        want = expected.get(number)
        got = read.get(number)
        for column, counts in per.items():
            a: Text = got["cells"].get(column, UNKNOWN) if got else UNKNOWN
            b: Text = want.cells.get(column, UNKNOWN) if want else UNKNOWN
            counts[1] += 1
            if got is not None and want is not None and (a == b or (a is UNKNOWN and b is UNKNOWN)):
                counts[0] += 1
            else:
                misses.append((number, column, a, b))
    exact = sum(ok for ok, _ in per.values())
    total = sum(n for _, n in per.values())
    return CellScore(exact, total, {c: (ok, n) for c, (ok, n) in per.items()}, misses)
