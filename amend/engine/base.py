"""The base every model shares: frozen, closed, and cheap to evolve."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar, overload

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema

__all__ = ["Frozen", "Lean", "cached", "construct", "evolve"]

L = TypeVar("L", bound="Lean")
T = TypeVar("T")


class cached(Generic[T]):  # named like the decorator it stands for
    """``functools.cached_property`` without the lock Python 3.11 takes on every first computation (3.12
    dropped it): the engine makes one ``Source`` per act and asks each for its citations once."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached[T]:
        if instance is None:
            return self
        # Stored in the instance's __dict__, which a non-data descriptor yields to from then on.
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Lean:
    """A lean, immutable record (``__slots__``) for what the engine makes once per operation and every
    version keeps: no per-instance dictionary, built from trusted values without validation.

    A subclass names its fields, in order, in ``_names`` (stored in its slots of the same names, unless
    it overrides ``of`` and ``fields``) and may give defaults in ``_defaults``; pydantic validates and
    describes it through a record model (records.py).
    """

    __slots__ = ()
    _names: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    @classmethod
    def of(cls: type[L], **values: Any) -> L:
        """A record from trusted values; left-out fields take their defaults."""
        new = object.__new__(cls)
        defaults = cls._defaults
        for name in cls._names:
            object.__setattr__(new, name, values[name] if name in values else defaults[name])
        return new

    def evolve(self: L, **changes: Any) -> L:
        """A copy with ``changes``; the other fields shared."""
        return self.of(**{**self.as_dict(), **changes})

    def fields(self) -> tuple[Any, ...]:
        """The values of the fields, in order."""
        return tuple(getattr(self, name) for name in self._names)

    def as_dict(self) -> dict[str, Any]:
        """The fields by name (what pydantic serializes)."""
        return dict(zip(self._names, self.fields(), strict=True))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} is immutable (tried to set {name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} is immutable (tried to delete {name})")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self is other or self.fields() == other.fields()

    def __hash__(self) -> int:
        # As a frozen pydantic model hashes: by its fields (a record holding a dict is unhashable).
        return hash(self.fields())

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{k}={v!r}" for k, v in self.as_dict().items()) + ")"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.fields()))

    @classmethod
    def of_record(cls: type[L], record: BaseModel) -> L:
        """The record from the model that validated it (records.py): the same fields."""
        return cls.of(**{name: getattr(record, name) for name in cls._names})

    @classmethod
    def record_schema(
        cls, handler: GetCoreSchemaHandler, record: type[BaseModel], dump: Callable[[Any], Any] | None = None
    ) -> core_schema.CoreSchema:
        """The pydantic schema of a lean record: validated as ``record`` (which the JSON schema describes),
        an instance passing as it is; serialized by ``dump`` (default: ``as_dict``)."""
        validated = core_schema.no_info_after_validator_function(cls.of_record, handler.generate_schema(record))
        return core_schema.json_or_python_schema(
            json_schema=validated,
            python_schema=core_schema.union_schema([core_schema.is_instance_schema(cls), validated]),
            serialization=core_schema.plain_serializer_function_ser_schema(dump or cls.as_dict),
        )


def _rebuild(cls: type[L], values: tuple[Any, ...]) -> L:
    # Unpickling (the model cache): the fields in order.
    return cls.of(**dict(zip(cls._names, values, strict=True)))


M = TypeVar("M", bound=BaseModel | Lean)


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
    if isinstance(model, Lean):
        return model.evolve(**changes)
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
    _set_dict(new, values)
    _set_fields_set(new, fields_set)
    _set_extra(new, None)
    _set_private(new, None)
    return new


# BaseModel's own slots, set through their descriptors: object.__setattr__ looks each name up first.
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


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
    if issubclass(cls, Lean):
        return cls.of(**values)
    new = object.__new__(cls)
    fields_set = set(values)
    defaults = _defaults(cls)
    if not defaults.keys() <= fields_set:
        values = {**values, **{k: v for k, v in defaults.items() if k not in fields_set}}
    _set_dict(new, values)
    _set_fields_set(new, fields_set)
    _set_extra(new, None)
    _set_private(new, None)
    return new
