"""The one representation of content that no source gives: ``UNKNOWN`` (``!unknown`` in YAML)."""

from __future__ import annotations

from typing import Annotated, Any, Final, Union

from pydantic import GetCoreSchemaHandler, StringConstraints
from pydantic_core import core_schema

__all__ = ["UNKNOWN", "Text", "Unknown", "is_unknown"]


class Unknown:
    """Marks a text that exists in the law but that none of our sources gives."""

    __slots__ = ()
    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        # A singleton, so `value is UNKNOWN` is the test everywhere.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __reduce__(self) -> str:
        return "UNKNOWN"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # Accepted only as the sentinel itself (the YAML loader turns `!unknown` into it);
        # serialised as null in JSON, which is the JSON contract's "unknown".
        return core_schema.is_instance_schema(
            cls, serialization=core_schema.plain_serializer_function_ser_schema(lambda _: None, when_used="json")
        )


UNKNOWN: Final = Unknown()

# A text that is given (never empty, never only blanks) or explicitly unknown.
NonBlank = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Text = Union[NonBlank, Unknown]  # noqa: UP007  (a runtime alias that pydantic reads)


def is_unknown(value: object) -> bool:
    """True for the UNKNOWN sentinel."""
    return value is UNKNOWN


# How an unknown text is shown to a reader ("unknown" in Kazakh), wherever a rendering needs a mark.
UNKNOWN_MARK = "⟨белгісіз⟩"
