"""HTML renderings: a version of a plan and a comparative table, as self-contained static pages.

Every text is escaped (``html.escape``), so a cell that reads ``<script>`` shows as text. Unknown
content is shown as ``⟨белгісіз⟩`` in a marked span, never as an empty cell. Output is deterministic:
no dates of rendering, no random ids; links are relative.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from amend.engine.amendment import Amendment
from amend.engine.model import Column
from amend.engine.provenance import Change
from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN
from amend.outputs.labels import OUR_LABEL_MARK, descriptive_label
from amend.outputs.markdown import (
    UNKNOWN_MARK,
    UNKNOWN_MARK_RU,
    Abbreviations,
    Clause,
    DeletedRow,
    Heading,
    Para,
    Table,
    Title,
    blocks,
    row_anchor,
)
from amend.outputs.notes import all_changes, element_notes
from amend.queries.compare import Comparison

if TYPE_CHECKING:
    from amend.outputs.comparative import Piece, Run
from amend.language import interface as words
from amend.queries.redline import Mark, Segment
from amend.queries.status import Standing

__all__ = [
    "NoteLink",
    "RowLink",
    "comparison_body",
    "esc",
    "esc_ru",
    "page",
    "redline_html",
    "render_comparison_html",
    "render_html",
    "version_body",
]

# Where a row's number links to (its history page), or None for no link.
RowLink = Callable[[str], "str | None"]

_UNKNOWN_HTML = f'<span class="unknown">{UNKNOWN_MARK}</span>'

STYLE = """
body { font-family: "Times New Roman", "DejaVu Serif", serif; margin: 1.5em auto; max-width: 80em;
       padding: 0 1em; line-height: 1.35; color: #111; background: #fff; }
nav.crumbs { font-family: sans-serif; font-size: 90%; margin-bottom: 1em; }
nav.crumbs a, nav.versions a { margin-right: .5em; }
h1 { font-size: 1.45em; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; }
th, td { border: 1px solid #888; padding: .25em .4em; vertical-align: top; text-align: left; }
thead th { background: #eee; }
tbody th[scope=row] { white-space: nowrap; }
tr.changed > th, tr.changed > td { background: #fffbe6; }
tr.note td { font-style: italic; font-size: 90%; border-top: none; color: #333; }
tr.deleted td { color: #666; }
.unknown { color: #a00; background: #fdecec; font-style: italic; white-space: nowrap; }
.notice { border-left: 4px solid #c60; padding-left: .6em; }
.note { font-style: italic; }
.aside { font-style: italic; color: #444; }
del { color: #a00; text-decoration: line-through; }
ins { color: #060; text-decoration: underline; font-weight: bold; }
.part { margin-bottom: .3em; } .label { font-weight: bold; }
.remark { font-style: italic; margin-top: .3em; }
table.comparison s.deleted { font-weight: bold; text-decoration: line-through; color: inherit; }
table.comparison b.added { font-weight: bold; }
.form-title { text-align: center; font-weight: bold; }
.scroll { overflow-x: auto; max-width: 100%; }
.ours { font-weight: normal; font-style: italic; font-size: 85%; color: #555; }
td, th, p, li, h1, h2, h3 { overflow-wrap: anywhere; }
@media (max-width: 600px) { body { padding: 0 .4em; font-size: 95%; } th, td { padding: .2em .25em; } }
@media print { nav, .downloads, .picker, .no-print { display: none; } body { max-width: none; margin: 0; }
  .scroll { overflow: visible; } a { color: inherit; text-decoration: none; } }
"""


def esc(value: object) -> str:
    """Escaped text: UNKNOWN and the unknown mark as a marked span, line breaks as <br>."""
    if value is UNKNOWN:
        return _UNKNOWN_HTML
    text = html.escape(str(value), quote=True)
    return text.replace(UNKNOWN_MARK, _UNKNOWN_HTML).replace("\n", "<br>\n")


def esc_ru(value: object) -> str:
    """Escaped Russian text: as ``esc``, with the unknown mark in Russian."""
    return esc(value).replace(UNKNOWN_MARK, UNKNOWN_MARK_RU)


def page(title: str, body: str, *, crumbs: Iterable[tuple[str, str | None]] = (), lang: str = "kk") -> str:
    """A whole HTML document: ``title`` (plain text), ``body`` (HTML), breadcrumbs (label, href)."""
    trail = "".join(
        f'<a href="{html.escape(href, quote=True)}">{esc(label)}</a> › ' if href else esc(label)
        for label, href in crumbs
    )
    nav = f'<nav class="crumbs">{trail}</nav>\n' if trail else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"ru" if lang == "ru" else "kk"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{nav}{body}</body>\n</html>\n"
    )


def _column_head(column: Column) -> str:
    # An unknown official title: our Kazakh description, marked as ours; the id stays as a tooltip.
    if column.title is UNKNOWN:
        label, mark = descriptive_label(column), OUR_LABEL_MARK
        return f'<th scope="col" title="{esc(column.id)}">{esc(label)} <span class="ours">{esc(mark)}</span></th>'
    return f'<th scope="col">{esc(column.title)}</th>'


# Where a note links to (the amending act's page), or None for no link.
NoteLink = Callable[[Change], "str | None"]


def _note_row(change: Change, width: int, link: NoteLink | None = None, *, ru: bool = False) -> str:
    # ``ru``: the note's Russian form (both languages shown), linked like the Kazakh one.
    href = link(change) if link else None
    text = esc_ru(change.note_ru) if ru else esc(change.note)
    if href:
        text = f'<a class="act" href="{html.escape(href, quote=True)}">{text}</a>'
    return f'<tr class="note"><td></td><td colspan="{width}">{text}</td></tr>'


def _number_cell(number: str, link: RowLink | None) -> str:
    href = link(number) if link else None
    if href is None:
        return f'<th scope="row">{esc(number)}</th>'
    return (
        f'<th scope="row"><a class="history" href="{html.escape(href, quote=True)}" '
        f'title="{esc(words.ROW_HISTORY.format(number=number))}">{esc(number)}</a></th>'
    )


def _footnotes(notes: Iterable[str], lang: str) -> list[str]:
    # The bank's footnotes under a heading: one paragraph each, in the language of the text.
    return [f'<p class="note footnote" lang="{"ru" if lang == "ru" else "kk"}">{esc(n)}</p>' for n in notes]


def _element_notes(element_dative: str, changes: list[Change], amendments: Sequence[Amendment], lang: str) -> list[str]:
    # As the DOCX prints them: Kazakh (also when both languages are shown; the Russian row notes stay
    # under their rows), or each change's Russian note in a Russian rendering.
    return _footnotes(element_notes(element_dative, changes, amendments, russian=lang == "ru"), lang)


def _table(
    table: Table,
    link: RowLink | None,
    lang: str = "kk",
    note_link: NoteLink | None = None,
    *,
    row_notes: bool = True,
) -> list[str]:
    width = len(table.columns)
    deleted = words.DELETED_RU if lang == "ru" else words.DELETED
    out = [
        '<div class="scroll"><table class="plan">',
        '<thead><tr><th scope="col">№</th>' + "".join(_column_head(c) for c in table.columns) + "</tr></thead>",
        "<tbody>",
    ]
    for item in table.rows:
        if isinstance(item, DeletedRow):
            out.append(
                f'<tr id="{esc(row_anchor(item.number))}" class="deleted">{_number_cell(item.number, link)}'
                f'<td colspan="{width}">{deleted}</td></tr>'
            )
            if row_notes:
                out.append(_note_row(item.change, width, note_link))
            if row_notes and lang == "both" and item.change.note_ru is not None:
                out.append(_note_row(item.change, width, note_link, ru=True))
            continue
        row = item.row
        number = str(row.number)
        cls = ' class="changed"' if row.history else ""
        cells = "".join(f"<td>{esc(row.cells[c.id])}</td>" for c in table.columns)
        out.append(f'<tr id="{esc(row_anchor(number))}"{cls}>{_number_cell(number, link)}{cells}</tr>')
        if item.ru is not None:  # both languages: the Russian row right under the Kazakh one
            ru_cells = "".join(f"<td>{esc_ru(item.ru.cells[c.id])}</td>" for c in table.columns)
            out.append(f'<tr class="ru" lang="ru"><th scope="row">ru</th>{ru_cells}</tr>')
        for change in row.history if row_notes else ():
            out.append(_note_row(change, width, note_link))
            if item.ru is not None and change.note_ru is not None:
                out.append(_note_row(change, width, note_link, ru=True))
    out += ["</tbody>", "</table></div>"]
    return out


def _beside(text: object, ru: object) -> str:
    # A text, and its Russian text beside it when both languages are shown.
    return esc(text) if ru is None else f'{esc(text)} <span lang="ru">/ {esc_ru(ru)}</span>'


def version_body(
    version: Version,
    *,
    history_link: RowLink | None = None,
    note_link: NoteLink | None = None,
    lang: str = "kk",
    whole: bool = False,
    standing: Standing | None = None,
    amendments: Sequence[Amendment] = (),
    row_notes: bool = True,
) -> str:
    """The rendered plan of one version (the inside of <body>); ``history_link`` links row numbers,
    ``note_link`` each row's note to the page of the act it cites; ``whole``: the resolution's own text
    first; ``lang``: kk, ru or both (side by side).

    Notes in the reference bank's form, as the DOCX prints them (``amend.outputs.notes``): one
    cumulative footnote under the title for every act that amended the plan, and one under the
    abbreviations note, never one per abbreviation. ``amendments``: the acts, to cite each with its
    commencement clause; ``row_notes``: keep a note under each changed row (not confirmed as the bank's
    practice, see docs/notes.md)."""
    out: list[str] = []
    for block in blocks(version, lang, whole=whole, standing=standing):
        match block:
            case Clause(label=label, text=text, role=role, ru=ru, deleted=deleted):
                head = f"{esc(label)} " if label else ""
                shown = f"<em>{esc(text)}</em>" if deleted else esc(text)
                if role == "title":
                    shown = f"<strong>{shown}</strong>"
                if ru is None:
                    out.append(f'<p class="clause {role}">{head}{shown}</p>')
                else:
                    out.append(
                        f'<table class="bilingual {role}"><tr><td lang="kk">{head}{shown}</td>'
                        f'<td lang="ru">{head}{esc_ru(ru)}</td></tr></table>'
                    )
            case Title(text=text, ru=ru):
                out.append(f"<h1>{_beside(text, ru)}</h1>")
                out += _element_notes(words.PLAN_DATIVE, all_changes(version.plan), amendments, lang)
            case Para(text=text, role=role, formal=formal):
                # Readers get dates in the long Kazakh form (the Markdown keeps ISO dates).
                out.append(f'<p class="{role}">{esc(formal if formal and role == "meta" else text)}</p>')
            case Heading(level=level, number=number, title=title, anchor=anchor, ru=ru):
                out.append(f'<h{level} id="{esc(anchor)}">{esc(number)}. {_beside(title, ru)}</h{level}>')
            case Table():
                out += _table(block, history_link, lang, note_link, row_notes=row_notes)
            case Abbreviations(title=title, entries=entries, ru=ru_entries):
                out.append(f'<h2 id="abbreviations">{esc(title)}</h2>')
                changes = [c for _, a in entries for c in a.history]
                out += _element_notes(words.NOTE_DATIVE, changes, amendments, lang)
                out.append('<div class="scroll"><table class="abbreviations"><tbody>')
                for code, a in entries:
                    ru_a = ru_entries.get(code) if ru_entries is not None else None
                    shown = _beside(a.expansion, ru_a.expansion if ru_a else None)
                    out.append(f'<tr id="abbr-{esc(code)}"><th scope="row">{esc(code)}</th><td>{shown}</td></tr>')
                out.append("</tbody></table></div>")
    body = "\n".join(out) + "\n"
    if lang == "ru":  # every text is Russian: so is the mark of an unknown one
        body = body.replace(UNKNOWN_MARK, UNKNOWN_MARK_RU).replace(words.TITLE_OF, words.TITLE_OF_RU)
    return body


def render_html(
    version: Version,
    lang: str = "kk",
    *,
    whole: bool = False,
    standing: Standing | None = None,
    amendments: Sequence[Amendment] = (),
    row_notes: bool = True,
) -> str:
    """One version of a plan as a self-contained HTML page (``whole``: the resolution first; with its
    standing lines when given; ``amendments`` and ``row_notes``: the notes, as in ``version_body``)."""
    plan = version.plan
    body = version_body(version, lang=lang, whole=whole, standing=standing, amendments=amendments, row_notes=row_notes)
    return page(f"{plan.plan}: {version.valid_from.isoformat()}", body, lang=lang)


# -- the comparative table ---------------------------------------------------------------------------


def redline_html(segments: tuple[Segment, ...]) -> str:
    """Struck words in <del>, inserted words in <ins>."""
    out = []
    for s in segments:
        if s.mark is Mark.SAME:
            out.append(esc(s.text))
        elif s.mark is Mark.DELETED:
            out.append(f"<del>{esc(s.text)}</del>")
        else:
            out.append(f"<ins>{esc(s.text)}</ins>")
    return "".join(out)


def _runs_html(runs: tuple[Run, ...]) -> str:
    out = []
    for r in runs:
        if r.mark == "deleted":
            out.append(f'<s class="deleted"><b>{esc(r.text)}</b></s>')
        elif r.mark == "added":
            out.append(f'<b class="added">{esc(r.text)}</b>')
        elif r.mark == "remark":
            out.append(f'<i class="remark">{esc(r.text)}</i>')
        else:
            out.append(esc(r.text))
    return "".join(out)


def _cell_html(pieces: tuple[Piece, ...]) -> str:
    out = []
    for p in pieces:
        head = f'<span class="label">{esc(p.label)}:</span> ' if p.label else ""
        out.append(f'<div class="part">{head}{_runs_html(p.runs)}</div>')
    return "".join(out)


def comparison_body(comparison: Comparison, *, row_link: RowLink | None = None, lang: str = "kk") -> str:
    """The comparative table in the standard form (the inside of <body>); ``row_link`` links rows to
    their history; ``lang="ru"``: the Russian form (give a ``russian_comparison``). Deleted words are
    bold and struck in the current wording, added words bold."""
    from amend.outputs.comparative import TITLE, TITLE_RU, standard_table

    ru = lang == "ru"
    table = standard_table(comparison, lang=lang)
    out = [
        f'<h1 class="form-title">{_runs_html(table.title)}</h1>',
        f'<p class="form-title">{esc(table.act)}</p>',
        f'<p class="form-title">{esc(TITLE_RU if ru else TITLE)}</p>',
    ]
    out += [f'<p class="meta">{esc(fact)}</p>' for fact in table.facts]
    out.append('<div class="scroll"><table class="comparison">')
    out.append("<thead><tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in table.heads) + "</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        entry = row.entry
        href = row_link(str(entry.row)) if row_link and entry.row is not None else None
        element = esc(row.element)
        if href:
            element = f'<a class="history" href="{html.escape(href, quote=True)}">{element}</a>'
        out.append(
            f'<tr id="entry-{"ru-" if ru else ""}{row.number}"><td>{row.number}</td><td>{element}</td>'
            f"<td>{_cell_html(row.current)}</td><td>{_cell_html(row.proposed)}</td>"
            f"<td>{_cell_html(row.reason)}</td></tr>"
        )
    out += ["</tbody>", "</table></div>"]
    if ru:
        out.append(_legend(words.LEGEND_RU))
        return ("\n".join(out) + "\n").replace(UNKNOWN_MARK, UNKNOWN_MARK_RU)
    out.append(_legend(words.LEGEND))
    return "\n".join(out) + "\n"


def _legend(legend: tuple[str, str, str, str, str]) -> str:
    lead, struck, struck_means, bold, bold_means = legend
    return f'<p>{lead}<s class="deleted"><b>{struck}</b></s>{struck_means}<b class="added">{bold}</b>{bold_means}</p>'


def render_comparison_html(comparison: Comparison, lang: str = "kk") -> str:
    """The comparative table as a self-contained HTML page (``lang="ru"``: the Russian form)."""
    name = words.COMPARISON_RU if lang == "ru" else words.COMPARISON
    title = f"{name}: № {comparison.act.number}"
    return page(title, comparison_body(comparison, lang=lang), lang=lang)
