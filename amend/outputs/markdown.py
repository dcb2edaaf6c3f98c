"""What a reader sees of a version, in reading order (shared by every rendering), and its Markdown.

``blocks(version)`` lays a version out once: title, headings, one table per run of rows of one
(sub)section, each changed row followed by its notes (Ескерту ...), deleted rows in place, the
abbreviations note at the end. The Markdown, HTML and DOCX renderings only format these blocks, so
they cannot disagree on what is shown or where.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Union

from amend.engine.acts import Act, citation, citation_ru
from amend.engine.language import Lang, in_russian
from amend.engine.model import Abbreviation, Column, Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change
from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN, Text
from amend.engine.unknown import UNKNOWN_MARK as _UNKNOWN_MARK
from amend.language import interface as words
from amend.language.cases import KIND_HEAD_RU

if TYPE_CHECKING:
    from amend.outputs.comparative import Piece, Run
    from amend.queries.compare import Comparison
    from amend.queries.redline import Segment
    from amend.queries.status import Standing

__all__ = [
    "UNKNOWN_MARK",
    "UNKNOWN_MARK_RU",
    "Abbreviations",
    "Block",
    "Clause",
    "DeletedRow",
    "Heading",
    "MarkdownRows",
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
    "resolution_blocks",
    "row_anchor",
    "until_label",
    "version_label",
]

# Shown wherever the sources are silent: visible, never a blank cell.
UNKNOWN_MARK = _UNKNOWN_MARK  # one mark for every rendering (see engine.unknown)
UNKNOWN_MARK_RU = words.UNKNOWN_MARK_RU


# -- the layout shared by every rendering ------------------------------------------------------------


@dataclass(frozen=True)
class Title:
    """The plan's title (``ru``: its Russian text, when both languages are shown)."""

    text: Text
    ru: Text | None = None


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
    ru: Text | None = None


@dataclass(frozen=True)
class TableRow:
    """A row of the plan; its notes go right under it (``ru``: the row in Russian, when both are shown)."""

    row: Row
    ru: Row | None = None


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
    ru: dict[str, Abbreviation] | None = None  # the Russian expansions, when both languages are shown


@dataclass(frozen=True)
class Clause:
    """A text of the resolution (its title, preamble, a point or sub-point, the signatory) or a note of
    the annex: its label ("1.", "1)") and text, and the Russian text beside it when both are shown.
    ``deleted``: an act struck it out (its notes say which)."""

    label: str
    text: Text
    role: Literal["title", "preamble", "point", "subpoint", "signatory", "note"]
    ru: Text | None = None
    deleted: bool = False


Block = Union[Title, Para, Heading, Table, Abbreviations, Clause]  # noqa: UP007

# The words of the layout in each language (the texts themselves come from the plan).
_WORDS = words.LAYOUT_WORDS


def version_label(version: Version, lang: str = "kk") -> str:
    """ "2023-08-31 – 2025-05-29", or for the latest version "2025-05-30 – (қазіргі)" where the plan file
    declares its amending acts complete, else "2025-05-30 – (белгілі актілер бойынша соңғы)": a status
    word only where the status is known. A first day that no source gives is marked as the adoption day."""
    start = version.valid_from.isoformat()
    if not version.acts and version.plan.entry_into_force is UNKNOWN and version.valid_from == version.plan.act.date:
        start += words.ADOPTION_DAY["ru" if lang == "ru" else "kk"]
    return f"{start} – {until_label(version.plan, version.valid_to, lang)}"


def until_label(plan: Plan, valid_to: object, lang: str = "kk") -> str:
    """The end of a period of force: its last day; for the open end, "(қазіргі)" only when it is known."""
    if valid_to is not None:
        return str(getattr(valid_to, "isoformat", lambda: valid_to)())
    declared = plan.amending_acts
    if declared is not None and declared.complete:
        return _WORDS["ru" if lang == "ru" else "kk"]["current"]
    return words.LATEST["ru" if lang == "ru" else "kk"]


def formal_version_label(version: Version) -> str:
    """ "2023 жылғы 31 тамыз – 2025 жылғы 29 мамыр": the days a version is in force, in the long Kazakh form
    (the open end and an unknown first day said as ``version_label`` says them)."""
    from amend.outputs.dates import long_date

    start = long_date(version.valid_from)
    if not version.acts and version.plan.entry_into_force is UNKNOWN and version.valid_from == version.plan.act.date:
        start += words.ADOPTION_DAY["kk"]
    until = long_date(version.valid_to) if version.valid_to else until_label(version.plan, None)
    return f"{start} – {until}"


def row_anchor(number: object) -> str:
    """The HTML id of a row: ``row-23-1``."""
    return f"row-{number}"


def _notes(history: tuple[Change, ...], ru: bool) -> list[Block]:
    """A history's notes: in Kazakh, and also in Russian when both languages are shown."""
    out: list[Block] = []
    for c in history:
        out.append(Para(c.note, "note"))
        if ru and c.note_ru is not None:
            out.append(Para(c.note_ru, "note"))
    return out


def _point_number(number: str) -> tuple[int, ...]:
    # Points in natural order (2 < 2-1 < 10); a number that is not digits goes last, as given.
    parts = number.replace("-", " ").split()
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else (1 << 30,)


def resolution_blocks(plan: Plan, lang: str = "kk", ru_plan: Plan | None = None) -> list[Block]:
    """The resolution's own text in reading order: title, preamble, points and sub-points, signatory, with
    notes on what changed (``ru_plan``: the Russian texts beside, when both languages are shown)."""
    act, layout = plan.act, _WORDS["ru" if lang == "ru" else "kk"]
    ru_act: Act | None = ru_plan.act if ru_plan is not None else None
    both = ru_plan is not None
    history = plan.texts_history
    if lang == "ru":
        kind = KIND_HEAD_RU.get(act.kind, act.kind)
        head = words.ACT_HEAD_RU.format(kind=kind, number=act.number, day=f"{act.date:%d.%m.%Y}")
    else:
        head = f"{act.kind.capitalize()} № {act.number}, {act.date:%d.%m.%Y}"
    out: list[Block] = [Para(head), Clause("", act.title, "title", ru_act.title if ru_act else None)]
    out += _notes(history.get("title", ()), both)
    if act.preamble is not None:
        out.append(Clause("", act.preamble, "preamble", ru_act.preamble if ru_act else None))
    out += _notes(history.get("preamble", ()), both)
    if act.preamble is None and not act.points:
        out.append(Para(layout["points_unknown"], "notice"))
    # Points struck out stay in place, with the note of the act that struck them out.
    current = {p.number for p in act.points}
    gone = [k.split(" ", 1)[1] for k in history if k.startswith("point ") and "." not in k]
    numbers = sorted([*current, *(n for n in gone if n not in current)], key=_point_number)
    for number in numbers:
        i = next((i for i, p in enumerate(act.points) if p.number == number), None)
        if i is None:
            out.append(Clause(f"{number}.", layout["deleted"], "point", deleted=True))
            out += _notes(history.get(f"point {number}", ()), both)
            continue
        point = act.points[i]
        ru_point = ru_act.points[i] if ru_act else None
        out.append(Clause(f"{number}.", point.text, "point", ru_point.text if ru_point else None))
        out += _notes(history.get(f"point {number}", ()), both)
        for j, sub in enumerate(point.subpoints):
            ru_sub = ru_point.subpoints[j] if ru_point else None
            out.append(Clause(f"{sub.number})", sub.text, "subpoint", ru_sub.text if ru_sub else None))
            out += _notes(history.get(f"point {number}.{sub.number}", ()), both)
    if act.signatory is not None:
        s = act.signatory
        ru_s = ru_act.signatory if ru_act else None
        out.append(
            Clause(
                "",
                _joined(s.position, s.name),
                "signatory",
                _joined(ru_s.position, ru_s.name) if ru_s else None,
            )
        )
        out += _notes(history.get("signatory", ()), both)
    return out


def _joined(position: Text, name: Text) -> Text:
    # The signatory line; unknown only where both parts are.
    if position is UNKNOWN and name is UNKNOWN:
        return UNKNOWN
    mark = UNKNOWN_MARK
    return f"{mark if position is UNKNOWN else position} {mark if name is UNKNOWN else name}"


def blocks(version: Version, lang: str = "kk", *, whole: bool = False, standing: Standing | None = None) -> list[Block]:
    """The version in reading order; ``whole``: the resolution's own text first, then the annex;
    ``standing``: the status badge, period and currency lines.

    ``lang``: kk (the Kazakh texts), ru (the Russian texts: UNKNOWN where no source gives them, notes
    "Сноска."), or both (Kazakh with the Russian beside each text).
    """
    from amend.outputs.dates import act_name
    from amend.outputs.labels import SHORT_MARK

    plan = version.plan
    ru_plan: Plan | None = None
    if lang == Lang.ru:
        plan = in_russian(plan)
    elif lang == Lang.both:
        ru_plan = in_russian(plan)
    both = ru_plan is not None
    layout = _WORDS["ru" if lang == "ru" else "kk"]
    mark = UNKNOWN_MARK_RU if lang == "ru" else UNKNOWN_MARK
    out: list[Block] = []
    if whole:
        out += resolution_blocks(plan, lang, ru_plan)
    out.append(Title(plan.title, ru_plan.title if ru_plan else None))
    if standing is not None and standing.note is not None:
        # A repealed act's last text, as the bank shows it: the note of its repeal under its title.
        first_title = next(
            i for i, b in enumerate(out) if isinstance(b, Title) or (isinstance(b, Clause) and b.role == "title")
        )
        out.insert(first_title + 1, Para(standing.note))
    if whole:
        out += _notes(plan.texts_history.get("annex_title", ()), both)
    approved = citation_ru(plan.act) if lang == "ru" else citation(plan.act)
    kk = lang != "ru"  # the print forms (long Kazakh dates, the act by name) exist in Kazakh
    out += [
        Para(
            layout["approved"].format(approved),
            formal=words.APPROVED_BY.format(act=act_name(plan.act, "instrumental")) if kk else None,
        ),
        Para(
            layout["version"].format(version_label(version, lang)),
            formal=words.VERSION.format(label=formal_version_label(version)) if kk else None,
        ),
    ]
    if standing is not None:
        out += [Para(line) for line in standing.lines]
    if any(c.title is UNKNOWN for c in plan.columns):
        out.append(
            Para(
                layout["columns_unknown"].format(mark),
                "notice",
                formal=words.COLUMNS_UNKNOWN.format(mark=UNKNOWN_MARK, short=SHORT_MARK) if lang != "ru" else None,
            )
        )
    if not plan.rows_complete:
        out.append(Para(layout["rows_incomplete"], "notice"))
    for c in plan.columns:
        out += _notes(plan.texts_history.get(f"column {c.id}", ()), both)
    deleted = _deleted_by_section(plan)
    by_section: dict[str, list[Row]] = {}
    for row in plan.rows:
        by_section.setdefault(row.section, []).append(row)
    ru_rows = {r.number.parts: r for r in ru_plan.rows} if ru_plan else {}
    for k, section in enumerate(plan.sections):
        ru_section = ru_plan.sections[k] if ru_plan else None
        out.append(
            Heading(
                2, section.number, section.title, f"section-{section.number}", ru_section.title if ru_section else None
            )
        )
        out += _notes(section.history, both)
        shown: set[str] = set()
        ru_titles = {s.number: s.title for s in ru_section.subsections} if ru_section else {}
        for sub_number, items in _groups(by_section.get(section.number, []), deleted.get(section.number, [])):
            if sub_number is UNKNOWN:
                out.append(Para(layout["subsection_unknown"].format(mark), "aside"))
            elif isinstance(sub_number, str):
                sub = section.subsection(sub_number)
                if sub_number not in shown and sub is not None:
                    out.append(Heading(3, sub.number, sub.title, f"subsection-{sub.number}", ru_titles.get(sub.number)))
                    out += _notes(sub.history, both)
                    shown.add(sub_number)
            if both:
                items = [
                    TableRow(i.row, ru_rows.get(i.row.number.parts)) if isinstance(i, TableRow) else i for i in items
                ]
            out.append(Table(plan.columns, tuple(items)))
        for sub in section.subsections:
            if sub.number not in shown:
                out.append(Heading(3, sub.number, sub.title, f"subsection-{sub.number}", ru_titles.get(sub.number)))
                out += _notes(sub.history, both)
                out.append(Para(layout["rows_unknown"], "aside"))
    # Sections and subsections struck out: the notes of the acts that struck them out.
    for key, history in plan.texts_history.items():
        if key.startswith(("section ", "subsection ")):
            out += _notes(history, both)
    if plan.abbreviations:
        out.append(
            Abbreviations(
                layout["abbreviations"],
                tuple(plan.abbreviations.items()),
                dict(ru_plan.abbreviations) if ru_plan else None,
            )
        )
    if whole and (plan.annex_notes or any(k.startswith("note ") for k in plan.texts_history)):
        out.append(Para(layout["annex_notes"]))
        for n, note in enumerate(plan.annex_notes):
            out.append(Clause(f"{note.number}.", note.text, "note", ru_plan.annex_notes[n].text if ru_plan else None))
            out += _notes(plan.texts_history.get(f"note {note.number}", ()), both)
        current = {n.number for n in plan.annex_notes}
        for key, history in plan.texts_history.items():
            if key.startswith("note ") and key.split(" ", 1)[1] not in current:
                out.append(Clause(f"{key.split(' ', 1)[1]}.", layout["deleted"], "note", deleted=True))
                out += _notes(history, both)
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


def _groups(rows: list[Row], deleted: list[DeletedRow]) -> list[tuple[object, list[TableRow | DeletedRow]]]:
    """Runs of consecutive rows of one subsection (``rows``: the section's rows, in order); a deleted row
    stands in number order, in the run of the row numbered below it (or of the first row)."""
    items: list[tuple[tuple[int, ...], TableRow | DeletedRow]] = [(r.number.parts, TableRow(r)) for r in rows]
    if deleted:  # the rows are in number order already
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


def _legend(legend: tuple[str, str, str, str, str]) -> str:
    lead, struck, struck_means, bold, bold_means = legend
    return f"{lead}~~**{struck}**~~{struck_means}**{bold}**{bold_means}"


def column_label(column: Column, mark: str = UNKNOWN_MARK) -> str:
    """A column's head: its title, or its id visibly marked where no source gives the title."""
    if column.title is UNKNOWN:
        template = words.TITLE_UNKNOWN_RU if mark == UNKNOWN_MARK_RU else words.TITLE_UNKNOWN
        return template.format(id=column.id, mark=mark)
    return str(column.title)


# -- Markdown ----------------------------------------------------------------------------------------


def _text(value: object, mark: str = UNKNOWN_MARK) -> str:
    if value is UNKNOWN:
        return mark
    # "<" and ">" as entities: a Markdown viewer must show a cell's "<script>" as text, not run it.
    text = str(value).replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", "<br>")


def _md_table_head(columns: tuple[Column, ...], mark: str = UNKNOWN_MARK) -> list[str]:
    titles = ["№"] + [_text(column_label(c, mark)) for c in columns]
    return ["| " + " | ".join(titles) + " |", "|" + "---|" * len(titles)]


def _md_note_row(note: str, width: int) -> str:
    return "| | " + " | ".join([f"*{note}*"] + [""] * (width - 1)) + " |"


class MarkdownRows:
    """The Markdown lines of rows, each row object written once: the versions of one plan share their
    unchanged rows (the same objects), and a row's lines depend only on it, the columns and the mark."""

    def __init__(self) -> None:
        """An empty memory (one per plan: it keeps every row it wrote)."""
        self._rows: dict[int, tuple[Row, tuple[Column, ...], str, list[str]]] = {}
        self._heads: dict[int, tuple[tuple[Column, ...], str, list[str]]] = {}

    def head(self, columns: tuple[Column, ...], mark: str) -> list[str]:
        """A table's head for ``columns`` (the same tuple in every version that keeps its columns)."""
        found = self._heads.get(id(columns))
        if found is None or found[0] is not columns or found[1] != mark:
            found = self._heads[id(columns)] = (columns, mark, _md_table_head(columns, mark))
        return list(found[2])

    def lines(self, row: Row, columns: tuple[Column, ...], mark: str) -> list[str]:
        """``row``'s lines under ``columns`` (one language), as ``_md_row`` writes them."""
        found = self._rows.get(id(row))
        if found is None or found[0] is not row or found[1] != columns or found[2] != mark:
            found = self._rows[id(row)] = (row, columns, mark, _md_row(row, None, columns, mark))
        return found[3]


def _md_row(row: Row, ru: Row | None, columns: tuple[Column, ...], mark: str) -> list[str]:
    # A row, its Russian row right under it when both languages are shown, and its notes.
    width = len(columns)
    cells = [_text(row.cells[c.id], mark) for c in columns]
    lines = ["| " + " | ".join([str(row.number), *cells]) + " |"]
    if ru is not None:
        lines.append("| ru | " + " | ".join([_text(ru.cells[c.id], UNKNOWN_MARK_RU) for c in columns]) + " |")
    for change in row.history:
        lines.append(_md_note_row(change.note, width))
        if ru is not None and change.note_ru is not None:
            lines.append(_md_note_row(change.note_ru, width))
    return lines


def _md_table(table: Table, lang: str = "kk", rows: MarkdownRows | None = None) -> list[str]:
    mark = UNKNOWN_MARK_RU if lang == "ru" else UNKNOWN_MARK
    lines = rows.head(table.columns, mark) if rows is not None else _md_table_head(table.columns, mark)
    width = len(table.columns)
    deleted = _WORDS["ru" if lang == "ru" else "kk"]["deleted"]
    for item in table.rows:
        if isinstance(item, DeletedRow):
            lines.append("| " + " | ".join([item.number, f"*{deleted}*"] + [""] * (width - 1)) + " |")
            lines.append(_md_note_row(item.change.note, width))
            if lang == "both" and item.change.note_ru is not None:
                lines.append(_md_note_row(item.change.note_ru, width))
        elif rows is not None and item.ru is None:
            lines += rows.lines(item.row, table.columns, mark)
        else:
            lines += _md_row(item.row, item.ru, table.columns, mark)
    return lines


def _beside(text: Text, ru: Text | None, mark: str) -> str:
    # A text, and its Russian text after a slash when both languages are shown.
    if ru is None:
        return _text(text, mark)
    return f"{_text(text, mark)} / {_text(ru, UNKNOWN_MARK_RU)}"


def render_markdown(
    version: Version,
    lang: str = "kk",
    *,
    whole: bool = False,
    standing: Standing | None = None,
    rows: MarkdownRows | None = None,
) -> str:
    """The plan as its readers know it, for one version; ``whole``: the resolution first, then the annex.
    ``lang``: kk, ru or both (the Russian beside the Kazakh). ``rows``: one ``MarkdownRows`` for the
    versions of a plan, which writes each of their shared rows once."""
    mark = UNKNOWN_MARK_RU if lang == "ru" else UNKNOWN_MARK
    out: list[str] = []
    clauses: list[str] = []  # consecutive texts of the resolution, side by side when both are shown

    def flush() -> None:
        if clauses:
            out.extend([*clauses, ""])
            clauses.clear()

    for block in blocks(version, lang, whole=whole, standing=standing):
        if not isinstance(block, Clause) and not (isinstance(block, Para) and block.role == "note" and clauses):
            flush()
        match block:
            case Clause(label=label, text=text, role=role, ru=ru, deleted=deleted):
                shown = f"*{text}*" if deleted else _text(text, mark)
                if role == "title":
                    shown = f"**{shown}**"
                label = f"{label} " if label else ""
                if lang == "both":
                    if not clauses:
                        clauses.extend([words.BOTH_HEAD, "|---|---|"])
                    ru_shown = "" if ru is None else _text(ru, UNKNOWN_MARK_RU)
                    clauses.append(f"| {label}{shown} | {label}{ru_shown} |")
                else:
                    out += [f"{label}{shown}", ""]
            case Para(text=text, role="note") if clauses:
                clauses.append(f"| *{_text(text)}* | |")
            case Title(text=text, ru=ru):
                out += [f"# {_beside(text, ru, mark)}", ""]
            case Para(text=text, role="note" | "aside"):
                out += [f"*{text}*", ""]
            case Para(text=text):
                out += [text, ""]
            case Heading(level=level, number=number, title=title, ru=ru):
                out += [f"{'#' * level} {number}. {_beside(title, ru, mark)}", ""]
            case Table():
                out += _md_table(block, lang, rows) + [""]
            case Abbreviations(title=title, entries=entries, ru=ru_entries):
                out += [f"## {title}", ""]
                # The note (Ескертпе) is one element: one note per act that changed it, however many of
                # its lines the act touched (as the HTML and DOCX renderings print it), under its heading.
                changes = [c for _, a in entries for c in a.history]
                notes = [c.note for c in changes]
                if ru_entries is not None:
                    notes = [n for c in changes for n in (c.note, c.note_ru) if n is not None]
                if notes:
                    out += [*(f"*{n}*" for n in dict.fromkeys(notes)), ""]
                for code, a in entries:
                    ru_a = ru_entries.get(code) if ru_entries is not None else None
                    out.append(f"- {code} – {_beside(a.expansion, ru_a.expansion if ru_a else None, mark)}")
                out.append("")
    flush()
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


def render_comparison_markdown(comparison: Comparison, lang: str = "kk") -> str:
    """The comparative table in the standard form, in Markdown: deleted words ~~**so**~~, added **so**
    (``lang="ru"``: the Russian form; give a ``russian_comparison``)."""
    from amend.outputs.comparative import TITLE, TITLE_RU, standard_table

    ru = lang == "ru"
    table = standard_table(comparison, lang=lang)
    out = [f"# {_md_runs(table.title)}", "", f"## {table.act}", "", f"**{TITLE_RU if ru else TITLE}**", ""]
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
    if ru:
        legend = _legend(words.LEGEND_RU)
        return "\n".join([*out, "", legend, ""]).replace(UNKNOWN_MARK, UNKNOWN_MARK_RU)
    out += ["", _legend(words.LEGEND), ""]
    return "\n".join(out)
