"""A draft amendment as YAML in the project's format: the store's serializer, sources and review notes as comments."""

from __future__ import annotations

from typing import Any

from amend.engine.numbers import RowNumber
from amend.engine.operations import Operation
from amend.engine.unknown import UNKNOWN
from amend.importer.act.draft import Draft, DraftOp, Review
from amend.store.yaml_io import dump_yaml

__all__ = ["REVIEW_MARK", "amendment_data", "operation_data", "render_draft"]

REVIEW_MARK = "REVIEW:"

# The format's key order (docs/format.md): what the operation is, where, then what it says.
_FIRST = ("op", "section", "subsection", "row", "number")


def _plain(value: Any) -> Any:
    if isinstance(value, RowNumber):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def operation_data(op: Operation) -> dict[str, Any]:
    """An operation as plain data in the format's key order (defaults left out, as hand-written files do)."""
    data = _plain(op.model_dump(mode="python", exclude_defaults=True))
    data["op"] = op.op
    if op.op == "replace_words":
        data["new"] = op.new  # may be empty, which is also the default of nothing
    ordered = {k: data[k] for k in _FIRST if k in data}
    ordered.update((k, v) for k, v in data.items() if k not in ordered)
    return ordered


def amendment_data(draft: Draft) -> dict[str, Any]:
    """The draft's header (act, amends, status, entry into force) as plain data."""
    entry: Any
    model = draft.entry_into_force
    if model is not None:
        entry = model.model_dump(mode="python")
    elif draft.entry.rule == "after_publication":
        # The format needs the publication date, which the act's own text never gives: it stays
        # unknown, and the draft does not load until a person fills it in.
        entry = {"rule": "after_publication", "days": draft.entry.days, "published": UNKNOWN}
    else:
        entry = UNKNOWN
    return {
        "act": draft.act.model_dump(mode="python", exclude_defaults=True),
        "amends": draft.amends,
        "status": "draft",
        "entry_into_force": entry,
    }


def _comment(text: str) -> str:
    return " ".join(text.split())


def _review(note: Review, indent: str) -> str:
    line = f", line {note.line}" if note.line else ""
    return f"{indent}# {REVIEW_MARK} {_comment(note.message)} ({_comment(note.where)}{line})"


def _indent(text: str, by: str) -> list[str]:
    return [by + line if line else line for line in text.rstrip("\n").split("\n")]


def _operation(op: DraftOp) -> list[str]:
    out = [f"  # {_comment(s)}" for s in op.source]
    out.extend(_review(n, "  ") for n in op.notes)
    if op.operation is not None:
        out.extend(_indent(dump_yaml([operation_data(op.operation)]), "  "))
    return out


def render_draft(draft: Draft) -> str:
    """The draft as YAML text: loads with ``amend.load_amendment`` once its REVIEW places are settled."""
    header = dump_yaml(amendment_data(draft)).rstrip("\n").split("\n")
    out = [
        f"# Draft imported by `amend import` from {draft.source}.",
        "# Every value is read from that text; each place marked REVIEW is a reading to check.",
        "# Set `status: adopted` once it is checked.",
    ]
    for line in header:
        key = line.split(":", 1)[0]
        if key == "entry_into_force":
            if draft.entry.text:
                out.append(f"# {_comment(draft.entry.text)}")
            out.extend(_review(n, "") for n in draft.notes if n.where == "entry_into_force")
        elif key == "amends":
            out.extend(_review(n, "") for n in draft.notes if n.where == "amends")
        out.append(line)
    out.extend(_review(n, "") for n in draft.notes if n.where not in ("amends", "entry_into_force"))
    out.append("operations:")
    for op in draft.operations:
        out.extend(_operation(op))
    return "\n".join(out) + "\n"
