"""Row numbers such as ``6``, ``23-1``, ``29-3``, with their natural order."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

__all__ = ["RowNumber"]

_SHAPE = re.compile(r"[1-9][0-9]*(?:-[1-9][0-9]*)*")


@lru_cache(maxsize=1 << 16)
def _parts(text: str) -> tuple[int, ...]:
    # Parsed once per distinct number: an act of many operations names the same rows again and again.
    if not _SHAPE.fullmatch(text):
        raise ValueError(f"{text!r} is not a row number (expected digits such as 6 or 23-1, no leading zeros)")
    return tuple(int(p) for p in text.split("-"))


class RowNumber:
    """A row number: integers joined by hyphens, ordered 23 < 23-1 < 23-2 < 24 < 100."""

    __slots__ = ("_text", "parts")

    parts: tuple[int, ...]

    def __init__(self, text: str | int) -> None:
        text = str(text).strip()
        self.parts = _parts(text)
        self._text = text

    @classmethod
    def _of(cls, parts: tuple[int, ...]) -> RowNumber:
        # From parts already known to be valid: no parsing.
        new = cls.__new__(cls)
        new.parts = parts
        new._text = "-".join(map(str, parts))
        return new

    @property
    def parent(self) -> RowNumber | None:
        """The row this one was inserted after (23 for 23-1); None for a top-level number."""
        if len(self.parts) == 1:
            return None
        return RowNumber._of(self.parts[:-1])

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"RowNumber({self._text!r})"

    def __hash__(self) -> int:
        return hash(self.parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RowNumber) and self.parts == other.parts

    # Tuple order is the natural order: a prefix sorts first, so (23,) < (23, 1) < (24,).
    def __lt__(self, other: RowNumber) -> bool:
        return self.parts < other.parts

    def __le__(self, other: RowNumber) -> bool:
        return self.parts <= other.parts

    def __gt__(self, other: RowNumber) -> bool:
        return self.parts > other.parts

    def __ge__(self, other: RowNumber) -> bool:
        return self.parts >= other.parts

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(_validate, serialization=core_schema.to_string_ser_schema())


def _validate(value: object) -> RowNumber:
    if isinstance(value, RowNumber):
        return value
    # bool is an int; a float such as 6.0 is what YAML makes of an unquoted `6.`: both are refused.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PydanticCustomError(
            "row_number",
            'a row number is a string such as "6" or "23-1" (quote it in YAML), got {value}',
            {"value": repr(value)},
        )
    try:
        return RowNumber(value)
    except ValueError as exc:
        raise PydanticCustomError("row_number", str(exc)) from None
