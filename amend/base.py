"""The base every model shares: frozen, closed, and cheap to evolve."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

__all__ = ["Frozen", "evolve"]

M = TypeVar("M", bound=BaseModel)


class Frozen(BaseModel):
    """Immutable, and an unknown key is an error rather than silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def evolve(model: M, **changes: Any) -> M:
    """A copy of ``model`` with ``changes``; unchanged fields are shared, not copied.

    The values are trusted (the engine builds them from validated parts), so this skips
    validation: applying thousands of operations must not re-validate whole plans.
    """
    values = dict(model.__dict__)
    values.update(changes)
    return type(model).model_construct(_fields_set=model.model_fields_set | changes.keys(), **values)
