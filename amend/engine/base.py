"""The base every model shares: frozen, closed, and cheap to evolve."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict

__all__ = ["Frozen", "construct", "evolve"]

M = TypeVar("M", bound=BaseModel)


class Frozen(BaseModel):
    """Immutable, and an unknown key is an error rather than silently dropped."""

    # defer_build: a model's validator and serializer are built when first used, not when its class is
    # created. `amend check` with the cache and `amend --help` validate nothing, and building the ~50
    # models' schemas was a third of their start-up (docs/performance.md).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    # Cached properties by the fields they derive from; ``evolve`` drops them when those change.
    __derived__: ClassVar[dict[str, tuple[str, ...]]] = {}


def evolve(model: M, **changes: Any) -> M:
    """A copy of ``model`` with ``changes``; unchanged fields are shared, not copied.

    The values are trusted (the engine builds them from validated parts), so this skips
    validation: applying thousands of operations must not re-validate whole plans.
    """
    new = object.__new__(type(model))
    values = model.__dict__.copy()
    values.update(changes)
    # Values derived from fields (cached properties) go stale when those fields change.
    for field, derived in type(model).__derived__.items():  # type: ignore[attr-defined]
        if field in changes:
            for name in derived:
                values.pop(name, None)
    fields_set = model.__pydantic_fields_set__
    if not changes.keys() <= fields_set:
        fields_set = fields_set | changes.keys()
    # What model_construct does, without its per-field bookkeeping (this runs once per operation).
    object.__setattr__(new, "__dict__", values)
    object.__setattr__(new, "__pydantic_fields_set__", fields_set)
    object.__setattr__(new, "__pydantic_extra__", None)
    object.__setattr__(new, "__pydantic_private__", None)
    return new


def _defaults(cls: type[BaseModel]) -> dict[str, Any]:
    # Plain field defaults, by class (computed once): a field the caller leaves out still reads as its default.
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = {
            name: f.default for name, f in cls.model_fields.items() if not f.is_required() and f.default_factory is None
        }
    return found


_DEFAULTS: dict[type[BaseModel], dict[str, Any]] = {}


def construct(cls: type[M], **values: Any) -> M:
    """A new model from trusted values, unvalidated (see ``evolve``); left-out fields take their defaults."""
    new = object.__new__(cls)
    fields_set = set(values)
    defaults = _defaults(cls)
    if not defaults.keys() <= fields_set:
        values = {**values, **{k: v for k, v in defaults.items() if k not in fields_set}}
    object.__setattr__(new, "__dict__", values)
    object.__setattr__(new, "__pydantic_fields_set__", fields_set)
    object.__setattr__(new, "__pydantic_extra__", None)
    object.__setattr__(new, "__pydantic_private__", None)
    return new
