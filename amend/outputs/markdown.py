"""What a reader sees of a version, in reading order (shared by every rendering), and its Markdown.

``blocks(version)`` lays a version out once: title, headings, one table per run of rows of one
(sub)section, each changed row followed by its notes (Ескерту ...), deleted rows in place, the
abbreviations note at the end. The Markdown, HTML and DOCX renderings only format these blocks, so
they cannot disagree on what is shown or where.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Union

from amend.engine.acts import citation
from amend.engine.model import Abbreviation, Column, Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change
from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN, Text

if TYPE_CHECKING:
    from amend.outputs.comparative import Piece, Run
    from amend.queries.compare import Comparison
    from amend.queries.redline import Segment

__all__ = [
    "UNKNOWN_MARK",
    "Abbreviations",
    "Block",
    "DeletedRow",
    "Heading",
    "Para",
    "Table",
    "TableRow",
    "Title",
    "blocks",
    "column_label",
    "formal_version_label",
    "markdown_redline",
    "render_comparison_markdown",
    "render_markdown",
    "row_anchor",
    "version_label",
]

# Shown wherever the sources are silent: visible, never a blank cell.
UNKNOWN_MARK = "⟨белгісіз⟩"


# -- the layout shared by every rendering ------------------------------------------------------------


@dataclass(frozen=True)
class Title:
    """The plan's title."""

    text: Text


@dataclass(frozen=True)
class Para:
    """A paragraph of prose. ``notice``: what the sources lack; ``note``: a Kazakh note (Ескерту);
    ``aside``: a remark in place of content (an unknown subsection, rows not known)."""

    text: str
    role: Literal["meta", "notice", "note", "aside"] = "meta"
    # The same statement for print, dates in the long Kazakh form (None: as ``text``).
    formal: str | None = None


@dataclass(frozen=True)
class Heading:
    """A section (level 2) or subsection (level 3) heading."""

    level: int
    number: str
    title: Text
    anchor: str


@dataclass(frozen=True)
class TableRow:
    """A row of the plan; its notes go right under it."""

    row: Row


@dataclass(frozen=True)
class DeletedRow:
    """A row an act deleted, shown where it stood, with the deleting act's note."""

    number: str
    change: Change


@dataclass(frozen=True)
class Table:
    """A run of rows of one (sub)section, under the plan's own column heads."""

    columns: tuple[Column, ...]
    rows: tuple[TableRow | DeletedRow, ...]


@dataclass(frozen=True)
class Abbreviations:
    """The note at the end: each code, its expansion, the notes on its changes."""

    title: str
    entries: tuple[tuple[str, Abbreviation], ...]


Block = Union[Title, Para, Heading, Table, Abbreviations]  # noqa: UP007


def version_label(version: Version) -> str:
    """ "2025-05-30 – (қазіргі)" or "2023-08-31 – 2025-05-29": the days a version is in force."""
    until = f" – {version.valid_to.isoformat()}" if version.valid_to else " – (қазіргі)"
    return f"{version.valid_from.isoformat()}{until}"


def formal_version_label(version: Version) -> str:
    """ "2025 жылғы 30 мамыр – (қазіргі)": the days a version is in force, in the long Kazakh form."""
    from amend.outputs.dates import long_date

    until = f" – {long_date(version.valid_to)}" if version.valid_to else " – (қазіргі)"
    return f"{long_date(version.valid_from)}{until}"


def row_anchor(number: object) -> str:
    """The HTML id of a row: ``row-23-1``."""
    return f"row-{number}"


def blocks(version: Version) -> list[Block]:
    """The version in reading order."""
    from amend.outputs.dates import act_name
    from amend.outputs.labels import SHORT_MARK

    plan = version.plan
    out: list[Block] = [
        Title(plan.title),
        Para(f"{citation(plan.act)} бекітілген.", formal=f"{act_name(plan.act, 'instrumental')} бекітілген."),
        Para(f"Редакция: {version_label(version)}", formal=f"Редакция: {formal_version_label(version)}"),
    ]
    if any(c.title is UNKNOWN for c in plan.columns):
        out.append(
            Para(
                f"Бағандар атаулары {UNKNOWN_MARK}: кестеде баған идентификаторлары көрсетілген.",
                "notice",
                formal=f"Бағандардың ресми атаулары {UNKNOWN_MARK}: {SHORT_MARK} белгісі бар баған атауларын "
                "бағандардың мазмұны бойынша біз бердік, олар ресми атаулар емес.",
            )
        )
    if not plan.rows_complete:
        out.append(Para("Жоспардың барлық жолдары белгілі емес: тек дереккөздерде бар жолдар көрсетілген.", "notice"))
    deleted = _deleted_by_section(plan)
    for section in plan.sections:
        out.append(Heading(2, section.number, section.title, f"section-{section.number}"))
        out += [Para(c.note, "note") for c in section.history]
        shown: set[str] = set()
        for sub_number, items in _groups(plan, section.number, deleted.get(section.number, [])):
            if sub_number is UNKNOWN:
                out.append(Para(f"Кіші бөлімі {UNKNOWN_MARK}", "aside"))
            elif isinstance(sub_number, str):
                sub = section.subsection(sub_number)
                if sub_number not in shown and sub is not None:
                    out.append(Heading(3, sub.number, sub.title, f"subsection-{sub.number}"))
                    out += [Para(c.note, "note") for c in sub.history]
                    shown.add(sub_number)
            out.append(Table(plan.columns, tuple(items)))
        for sub in section.subsections:
            if sub.number not in shown:
                out.append(Heading(3, sub.number, sub.title, f"subsection-{sub.number}"))
                out += [Para(c.note, "note") for c in sub.history]
                out.append(Para("Жолдары белгісіз.", "aside"))
    if plan.abbreviations:
        out.append(Abbreviations("Ескертпе: аббревиатуралардың толық жазылуы", tuple(plan.abbreviations.items())))
    return out


def _deleted_by_section(plan: Plan) -> dict[str, list[DeletedRow]]:
    """Deleted rows by the section they stood in, as far as their number tells: that of the row numbered
    below them (else of the first row; else the first section)."""
    found: dict[str, list[DeletedRow]] = {}
    for number, change in plan.deleted_rows.items():
        i = plan.position(RowNumber(number))
        if plan.rows:
            section = plan.rows[i - 1].section if i > 0 else plan.rows[0].section
        else:
            section = plan.sections[0].number
        found.setdefault(section, []).append(DeletedRow(number, change))
    return found


def _groups(plan: Plan, section: str, deleted: list[DeletedRow]) -> list[tuple[object, list[TableRow | DeletedRow]]]:
    """Runs of consecutive rows of one subsection; a deleted row stands in number order, in the run of the
    row numbered below it (or of the first row)."""
    items: list[tuple[tuple[int, ...], TableRow | DeletedRow]] = [
        (r.number.parts, TableRow(r)) for r in plan.rows if r.section == section
    ]
    items += [(RowNumber(d.number).parts, d) for d in deleted]
    items.sort(key=lambda pair: pair[0])
    groups: list[tuple[object, list[TableRow | DeletedRow]]] = []
    leading: list[TableRow | DeletedRow] = []  # deleted rows before the section's first row
    for _, item in items:
        if isinstance(item, DeletedRow):
            (groups[-1][1] if groups else leading).append(item)
        elif groups and groups[-1][0] == item.row.subsection:
            groups[-1][1].append(item)
        else:
            groups.append((item.row.subsection, leading + [item]))
            leading = []
    if leading:
        groups.append((None, leading))
    return groups


def column_label(column: Column) -> str:
    """A column's head: its title, or its id visibly marked where no source gives the title."""
    if column.title is UNKNOWN:
        return f"{column.id} (атауы {UNKNOWN_MARK})"
    return str(column.title)


# -- Markdown ----------------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is UNKNOWN:
        return UNKNOWN_MARK
    # "<" and ">" as entities: a Markdown viewer must show a cell's "<script>" as text, not run it.
    text = str(value).replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", "<br>")


def _md_table_head(columns: tuple[Column, ...]) -> list[str]:
    titles = ["№"] + [_text(column_label(c)) for c in columns]
    return ["| " + " | ".join(titles) + " |", "|" + "---|" * len(titles)]


def _md_note_row(note: str, width: int) -> str:
    return "| | " + " | ".join([f"*{note}*"] + [""] * (width - 1)) + " |"


def _md_table(table: Table) -> list[str]:
    lines = _md_table_head(table.columns)
    width = len(table.columns)
    for item in table.rows:
        if isinstance(item, DeletedRow):
            lines.append("| " + " | ".join([item.number, "*алып тасталды*"] + [""] * (width - 1)) + " |")
            lines.append(_md_note_row(item.change.note, width))
            continue
        row = item.row
        lines.append("| " + " | ".join([str(row.number)] + [_text(row.cells[c.id]) for c in table.columns]) + " |")
        lines += [_md_note_row(change.note, width) for change in row.history]
    return lines


def render_markdown(version: Version) -> str:
    """The plan as its readers know it, for one version."""
    out: list[str] = []
    for block in blocks(version):
        match block:
            case Title(text=text):
                out += [f"# {_text(text)}", ""]
            case Para(text=text, role="note" | "aside"):
                out += [f"*{text}*", ""]
            case Para(text=text):
                out += [text, ""]
            case Heading(level=level, number=number, title=title):
                out += [f"{'#' * level} {number}. {_text(title)}", ""]
            case Table():
                out += _md_table(block) + [""]
            case Abbreviations(title=title, entries=entries):
                out += [f"## {title}", ""]
                for code, a in entries:
                    out.append(f"- {code} – {_text(a.expansion)}")
                    out += [f"  *{c.note}*" for c in a.history]
                out.append("")
    return "\n".join(out)


def _md_escape(text: str) -> str:
    # In a redline the text sits between ** and ~~: escape the marks themselves.
    return _text(text.replace("\\", "\\\\").replace("*", "\\*").replace("~", "\\~"))


def _md_marked(text: str, mark: str, close: str | None = None) -> str:
    # GFM ignores ~~ x~~ with blanks inside the marks: keep the blanks outside.
    core = text.strip()
    if not core:
        return _text(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{_text(lead)}{mark}{_md_escape(core)}{close or mark}{_text(trail)}"


def markdown_redline(segments: tuple[Segment, ...]) -> str:
    """A redline in Markdown: struck words ~~so~~, inserted words **so**."""
    from amend.queries.redline import Mark

    out = []
    for s in segments:
        if s.mark is Mark.SAME:
            out.append(_md_escape(s.text))
        elif s.mark is Mark.DELETED:
            out.append(_md_marked(s.text, "~~"))
        else:
            out.append(_md_marked(s.text, "**"))
    return "".join(out)


def _md_runs(runs: tuple[Run, ...]) -> str:
    out = []
    for r in runs:
        if r.mark == "deleted":
            out.append(_md_marked(r.text, "~~**", "**~~"))
        elif r.mark == "added":
            out.append(_md_marked(r.text, "**"))
        elif r.mark == "remark":
            out.append(_md_marked(r.text, "*"))
        else:
            out.append(_md_escape(r.text) if r.mark == "plain" else _text(r.text))
    return "".join(out)


def _md_cell(pieces: tuple[Piece, ...]) -> str:
    return "<br>".join(f"{_text(p.label)}: {_md_runs(p.runs)}" if p.label else _md_runs(p.runs) for p in pieces)


def render_comparison_markdown(comparison: Comparison) -> str:
    """The comparative table in the standard form, in Markdown: deleted words ~~**so**~~, added **so**."""
    from amend.outputs.comparative import TITLE, standard_table

    table = standard_table(comparison)
    out = [f"# {_md_runs(table.title)}", "", f"## {table.act}", "", f"**{TITLE}**", ""]
    out += [line for fact in table.facts for line in (fact, "")]
    out += ["| " + " | ".join(table.heads) + " |", "|" + "---|" * len(table.heads)]
    for row in table.rows:
        cells = [
            str(row.number),
            _text(row.element),
            _md_cell(row.current),
            _md_cell(row.proposed),
            _md_cell(row.reason),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", "Белгілер: ~~**сызылған қалың**~~ – алып тасталатын сөздер, **қалың** – енгізілетін сөздер.", ""]
    return "\n".join(out)
