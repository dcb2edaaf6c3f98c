"""Reading plan and amendment files into validated models, with errors placed in the file."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from ruamel.yaml.error import YAMLError

from amend.engine.amendment import Amendment
from amend.engine.gc_pause import gc_paused
from amend.engine.invariants import check_executors, check_structure
from amend.engine.model import Plan, Row
from amend.engine.provenance import Change
from amend.engine.records import Change as ChangeRecord
from amend.engine.records import Row as RowRecord
from amend.errors import AmendError, Location, SchemaError
from amend.store.cache import cached
from amend.store.validation import describe
from amend.store.yaml_io import SourceMap, locate, read_yaml

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
        raise _schema_error(model, exc, path, data) from None


def _schema_error(model: type[BaseModel], exc: ValidationError, path: Path, data: Any) -> SchemaError:
    """Every problem of a validation, each placed in the file, in the user's words (store/validation).

    The first one in the file is raised; the others ride along in ``also``.
    """
    problems = describe(exc.errors(include_url=False), data, lambda: _field_names(model, RowRecord))
    source: SourceMap | None
    try:
        source = SourceMap(path)
    except (OSError, YAMLError, AmendError, RecursionError):
        source = None
    errors = []
    for problem in problems:
        err = SchemaError(problem.message, path=problem.path, file=path, hint=problem.hint)
        location = source.location(problem.path, at_key=problem.at_key) if source else Location(str(path))
        errors.append(err.at(location))
    errors.sort(key=lambda e: (e.location.line or 0, e.location.column or 0) if e.location else (0, 0))
    first = errors[0]
    first.also = tuple(errors[1:])
    return first


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
