"""Reading plan and amendment files into validated models, with errors placed in the file."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from amend.engine.amendment import Amendment
from amend.engine.gc_pause import gc_paused
from amend.engine.invariants import check_executors, check_structure
from amend.engine.model import Plan, Row
from amend.engine.provenance import Change
from amend.engine.records import Change as ChangeRecord
from amend.engine.records import Row as RowRecord
from amend.errors import AmendError, SchemaError
from amend.store.cache import cached
from amend.store.yaml_io import locate, read_yaml

__all__ = ["load_amendment", "load_plan"]

M = TypeVar("M", bound=BaseModel)


def _validate(model: type[M], data: Any, path: Path) -> M:
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        raise locate(SchemaError(f"expected a mapping at the top of the file, got {got}", file=path))
    try:
        with gc_paused():  # see gc_pause: validated models are acyclic
            return model.model_validate(data)
    except ValidationError as exc:
        raise _schema_error(model, exc, path) from None


def _schema_error(model: type[BaseModel], exc: ValidationError, path: Path) -> SchemaError:
    """The first problem of a validation, placed; an unknown key comes first, with the key it may mean."""
    errors = exc.errors(include_url=False)
    # A misspelt key also makes the right key "missing": report the misspelling, which is the cause.
    errors.sort(key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    loc = tuple(first["loc"])
    where = ".".join(str(p) for p in loc)
    more = len(errors) - 1
    if first["type"] == "extra_forbidden":
        key = str(loc[-1])
        missing = [str(e["loc"][-1]) for e in errors if e["type"] == "missing" and tuple(e["loc"][:-1]) == loc[:-1]]
        guess = difflib.get_close_matches(key, missing, n=1, cutoff=0.6) or difflib.get_close_matches(
            key, _field_names(model, RowRecord), n=1, cutoff=0.75
        )
        if guess and guess[0] in missing:
            more -= 1  # the missing key is the misspelt one
        parent = ".".join(str(p) for p in loc[:-1])
        message = (
            f"unknown key {key!r}"
            + (f" (did you mean {guess[0]!r}?)" if guess else "")
            + (f" in {parent}" if parent else "")
        )
    else:
        message = f"{where}: {first['msg']}"
    extra = f" ({more} more problem{'s' if more > 1 else ''} in this file)" if more > 0 else ""
    err = SchemaError(message + extra, path=loc, file=path)
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
    return locate(err, at_key=first["type"] == "extra_forbidden")


# The lean records (engine/base.Lean) and the models that validate them.
_RECORDS: dict[Any, type[BaseModel]] = {Row: RowRecord, Change: ChangeRecord}


@cache
def _field_names(*models: type[BaseModel]) -> tuple[str, ...]:
    """Every key any model reachable from ``models`` takes (for "did you mean")."""
    names: set[str] = set()
    todo, seen = list(models), set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, field in current.model_fields.items():
            names.add(field.alias or name)
            todo.extend(_models_in(field.annotation))
    return tuple(sorted(names))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    record = _RECORDS.get(annotation)
    if record is not None:  # a lean record: its keys are its record model's
        return [record]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


def load_plan(path: Path) -> Plan:
    """A base plan file, validated: schema, row order, columns, executor codes (from the cache, when on)."""
    return cached(path, Plan, _load_plan)


def load_amendment(path: Path) -> Amendment:
    """An amendment file, validated against the schema (from the cache, when on)."""
    return cached(path, Amendment, _load_amendment)


def _load_plan(path: Path) -> Plan:
    plan = _validate(Plan, read_yaml(path), path)
    try:
        check_structure(plan)
        check_executors(plan)
    except AmendError as err:
        raise locate(err.within(file=path)) from None
    return plan


def _load_amendment(path: Path) -> Amendment:
    # Targets are checked when it is applied.
    return _validate(Amendment, read_yaml(path), path)
