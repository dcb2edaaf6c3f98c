"""The one representation of content that no source gives: ``UNKNOWN`` (``!unknown`` in YAML)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Final, Union

from pydantic import GetCoreSchemaHandler, StringConstraints
from pydantic_core import core_schema

from amend.language import interface

__all__ = ["UNKNOWN", "UNKNOWN_MARK", "NonBlank", "Text", "Unknown"]


class Unknown(Enum):
    """Marks a text that exists in the law but that none of our sources gives.

    A one-member enum, so that ``value is UNKNOWN`` is the test everywhere and a type checker narrows
    ``str | Unknown`` to ``str`` after it.
    """

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # Accepted only as the sentinel itself (the YAML loader turns `!unknown` into it);
        # serialised as null in JSON, which is the JSON contract's "unknown".
        return core_schema.is_instance_schema(
            cls, serialization=core_schema.plain_serializer_function_ser_schema(lambda _: None, when_used="json")
        )


UNKNOWN: Final = Unknown.UNKNOWN

# A text that is given (never empty, never only blanks) or explicitly unknown.
NonBlank = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Text = Union[NonBlank, Unknown]  # noqa: UP007  (a runtime alias that pydantic reads)


# How an unknown text is shown to a reader ("unknown" in Kazakh), wherever a rendering needs a mark.
UNKNOWN_MARK = interface.UNKNOWN_MARK
