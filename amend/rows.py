"""An immutable, chunked sequence of rows: a change copies one chunk, never the whole plan.

Every version of a plan keeps its own sequence of rows. As one flat tuple, a 10,000-row plan with
1,000 versions would hold ten million row pointers; in chunks of up to 128 rows, a version that
changes one row costs one new chunk and a small index, and shares everything else.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain
from typing import TYPE_CHECKING, Any, overload

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

if TYPE_CHECKING:
    from .model import Row

__all__ = ["Rows"]

CHUNK = 64  # rows per chunk after a split; a chunk grows to 2 * CHUNK before it is split


def _parts(row: Row) -> tuple[int, ...]:
    return row.number.parts


class Rows(Sequence["Row"]):
    """Rows in document order, immutable; ``replace``, ``insert`` and ``delete`` return new sequences."""

    __slots__ = ("_chunks", "_starts", "_lasts", "_len")

    _chunks: tuple[tuple[Row, ...], ...]
    _starts: array        # index of each chunk's first row
    _lasts: tuple         # number parts of each chunk's last row, for bisecting by number
    _len: int

    def __init__(self, rows: Iterable[Row] = ()) -> None:
        flat = tuple(rows)
        self._set(tuple(flat[i:i + CHUNK] for i in range(0, len(flat), CHUNK)))

    def _set(self, chunks: tuple[tuple[Row, ...], ...], starts: array | None = None,
             lasts: tuple | None = None) -> Rows:
        self._chunks = chunks
        self._starts = starts if starts is not None else array("q", accumulate((len(c) for c in chunks[:-1]),
                                                                               initial=0) if chunks else ())
        self._lasts = lasts if lasts is not None else tuple(c[-1].number.parts for c in chunks)
        self._len = (self._starts[-1] + len(chunks[-1])) if chunks else 0
        return self

    @classmethod
    def _of(cls, chunks: tuple[tuple[Row, ...], ...], starts: array | None = None,
            lasts: tuple | None = None) -> Rows:
        return cls.__new__(cls)._set(chunks, starts, lasts)

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Row]:
        return chain.from_iterable(self._chunks)

    def _locate(self, i: int) -> tuple[int, int]:
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("row index out of range")
        c = bisect_right(self._starts, i) - 1
        return c, i - self._starts[c]

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Row, ...]: ...

    def __getitem__(self, i: int | slice) -> Row | tuple[Row, ...]:
        if isinstance(i, slice):
            return tuple(self)[i]
        c, j = self._locate(i)
        return self._chunks[c][j]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows):
            return self._chunks == other._chunks or tuple(self) == tuple(other)
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Rows({len(self)} rows in {len(self._chunks)} chunks)"

    def bisect(self, parts: tuple[int, ...]) -> int:
        """Index at which a row numbered ``parts`` is or would be (rows are in number order)."""
        c = bisect_left(self._lasts, parts)
        if c == len(self._chunks):
            return self._len
        return self._starts[c] + bisect_left(self._chunks[c], parts, key=_parts)

    def find(self, parts: tuple[int, ...]) -> tuple[int, Row | None]:
        """(index, row) of the row numbered ``parts``; (insertion index, None) where there is none."""
        c = bisect_left(self._lasts, parts)
        if c == len(self._chunks):
            return self._len, None
        chunk = self._chunks[c]
        j = bisect_left(chunk, parts, key=_parts)
        return self._starts[c] + j, (chunk[j] if chunk[j].number.parts == parts else None)

    def replace(self, i: int, row: Row) -> Rows:
        """A copy with row ``i`` replaced by ``row`` (which keeps its number)."""
        c, j = self._locate(i)
        chunk = self._chunks[c]
        chunks = self._chunks[:c] + (chunk[:j] + (row,) + chunk[j + 1:],) + self._chunks[c + 1:]
        return Rows._of(chunks, self._starts, self._lasts)

    def insert(self, i: int, row: Row) -> Rows:
        """A copy with ``row`` inserted before index ``i`` (``len`` appends)."""
        if not self._chunks:
            return Rows._of(((row,),))
        if i == self._len:
            c, j = len(self._chunks) - 1, len(self._chunks[-1])
        else:
            c, j = self._locate(i)
        chunk = self._chunks[c][:j] + (row,) + self._chunks[c][j:]
        parts: tuple[tuple[Row, ...], ...] = (chunk,)
        if len(chunk) > 2 * CHUNK:  # split so that a later change copies little
            parts = (chunk[:CHUNK], chunk[CHUNK:])
        return Rows._of(self._chunks[:c] + parts + self._chunks[c + 1:])

    def delete(self, i: int) -> Rows:
        """A copy without row ``i``."""
        c, j = self._locate(i)
        chunk = self._chunks[c][:j] + self._chunks[c][j + 1:]
        return Rows._of(self._chunks[:c] + ((chunk,) if chunk else ()) + self._chunks[c + 1:])

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        from .model import Row

        items = handler.generate_schema(tuple[Row, ...])
        return core_schema.no_info_after_validator_function(
            cls, items, serialization=core_schema.plain_serializer_function_ser_schema(tuple, return_schema=items))
