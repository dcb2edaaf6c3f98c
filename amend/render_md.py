"""A version as Markdown: headings, one table per (sub)section, notes under changed rows, the note."""

from __future__ import annotations

from .acts import citation
from .model import Plan, Row
from .timeline import Version
from .unknown import UNKNOWN

__all__ = ["render_markdown", "UNKNOWN_MARK"]

# Shown wherever the sources are silent: visible, never a blank cell.
UNKNOWN_MARK = "⟨белгісіз⟩"


def _text(value: object) -> str:
    if value is UNKNOWN:
        return UNKNOWN_MARK
    return str(value).replace("|", "\\|").replace("\n", "<br>")


def _table_head(plan: Plan) -> list[str]:
    titles = ["№"] + [c.id if c.title is UNKNOWN else _text(c.title) for c in plan.columns]
    return ["| " + " | ".join(titles) + " |", "|" + "---|" * len(titles)]


def _table_row(plan: Plan, row: Row) -> list[str]:
    lines = ["| " + " | ".join([str(row.number)] + [_text(row.cells[c]) for c in plan.column_ids]) + " |"]
    for change in row.history:
        lines.append("| | " + " | ".join([f"*{change.note}*"] + [""] * (len(plan.columns) - 1)) + " |")
    return lines


def render_markdown(version: Version) -> str:
    """The plan as its readers know it, for one version."""
    plan = version.plan
    until = f" – {version.valid_to.isoformat()}" if version.valid_to else " – (қазіргі)"
    out = [f"# {_text(plan.title)}", "",
           f"{citation(plan.act)} бекітілген.", "",
           f"Редакция: {version.valid_from.isoformat()}{until}", ""]
    if any(c.title is UNKNOWN for c in plan.columns):
        out += [f"Бағандар атаулары {UNKNOWN_MARK}: кестеде баған идентификаторлары көрсетілген.", ""]
    if not plan.rows_complete:
        out += [f"Жоспардың барлық жолдары белгілі емес: тек дереккөздерде бар жолдар көрсетілген.", ""]
    for section in plan.sections:
        out += [f"## {section.number}. {_text(section.title)}", ""]
        out += [f"*{c.note}*" for c in section.history] + ([""] if section.history else [])
        rows = [r for r in plan.rows if r.section == section.number]
        groups: list[tuple[object, list[Row]]] = []
        for row in rows:
            if groups and groups[-1][0] == row.subsection:
                groups[-1][1].append(row)
            else:
                groups.append((row.subsection, [row]))
        shown = set()
        for sub_number, group in groups:
            if sub_number is UNKNOWN:
                out += [f"*Кіші бөлімі {UNKNOWN_MARK}*", ""]
            elif sub_number is not None:
                sub = section.subsection(sub_number)
                if sub_number not in shown and sub is not None:
                    out += [f"### {sub.number}. {_text(sub.title)}", ""]
                    out += [f"*{c.note}*" for c in sub.history] + ([""] if sub.history else [])
                    shown.add(sub_number)
            out += _table_head(plan)
            for row in group:
                out += _table_row(plan, row)
            out.append("")
        for sub in section.subsections:
            if sub.number not in shown:
                out += [f"### {sub.number}. {_text(sub.title)}", "", "*Жолдары белгісіз.*", ""]
    if plan.abbreviations:
        out += ["## Ескертпе: аббревиатуралардың толық жазылуы", ""]
        for code, a in plan.abbreviations.items():
            out.append(f"- {code} – {_text(a.expansion)}")
            out += [f"  *{c.note}*" for c in a.history]
        out.append("")
    return "\n".join(out)
