"""Reading plan and amendment files into validated models, with errors placed in the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from amend.engine.amendment import Amendment
from amend.engine.gc_pause import gc_paused
from amend.engine.invariants import check_executors, check_structure
from amend.engine.model import Plan
from amend.errors import AmendError, SchemaError
from amend.store.yaml_io import locate, read_yaml

__all__ = ["load_amendment", "load_plan"]

M = TypeVar("M", bound=BaseModel)


def _validate(model: type[M], data: Any, path: Path) -> M:
    if not isinstance(data, dict):
        raise locate(SchemaError(f"expected a mapping at the top of the file, got {type(data).__name__}", file=path))
    try:
        with gc_paused():  # see gc_pause: validated models are acyclic
            return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc)
        more = exc.error_count() - 1
        extra = f" ({more} more problem{'s' if more > 1 else ''} in this file)" if more else ""
        err = SchemaError(f"{where}: {first['msg']}{extra}", path=loc, file=path)
        if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
            # Point at the tag itself (`op: rewrite_row`), not at the whole operation.
            key = str(first["ctx"]["discriminator"]).strip("'")
            tag = first["ctx"].get("tag")
            message = (f"{where}: unknown {key} {tag!r}" if tag else f"{where}: `{key}` is missing") + extra
            err = SchemaError(
                message,
                path=(*loc, key),
                file=path,
                hint=f"expected one of {first['ctx'].get('expected_tags', '')}; see docs/format.md",
            )
        raise locate(err, at_key=first["type"] == "extra_forbidden") from None


def load_plan(path: Path) -> Plan:
    """A base plan file, validated: schema, row order, columns, executor codes."""
    plan = _validate(Plan, read_yaml(path), path)
    try:
        check_structure(plan)
        check_executors(plan)
    except AmendError as err:
        raise locate(err.within(file=path)) from None
    return plan


def load_amendment(path: Path) -> Amendment:
    """An amendment file, validated against the schema (targets are checked when it is applied)."""
    return _validate(Amendment, read_yaml(path), path)
