"""An immutable, chunked sequence of rows: a change copies one chunk, never the whole plan.

Every version of a plan keeps its own sequence of rows. As one flat tuple, a 10,000-row plan with
1,000 versions would hold ten million row pointers; in chunks of up to 128 rows, a version that
changes one row costs one new chunk and a small index, and shares everything else.

Rows are in number order, so edits locate their chunk by number (a bisect over each chunk's last
number) and the row within it (a bisect over the chunk's numbers, kept beside it: a bisect with a key
function calls Python once per step); the positional index of chunk starts is only built when something
asks for a position.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain
from typing import Any, Generic, Protocol, TypeVar, get_args, overload

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema


class _Number(Protocol):
    @property
    def parts(self) -> tuple[int, ...]: ...


class Numbered(Protocol):
    """What the sequence needs of a row: a number with its parts (``23-1`` is ``(23, 1)``)."""

    @property
    def number(self) -> _Number: ...


Row = TypeVar("Row", bound=Numbered)

__all__ = ["Rows", "Transient"]

CHUNK = 64  # rows per chunk after a split; a chunk grows to 2 * CHUNK before it is split

Parts = tuple[int, ...]


class Rows(Sequence[Row], Generic[Row]):
    """Rows in document order, immutable; every edit returns a new sequence sharing the rest."""

    __slots__ = ("_chunks", "_keys", "_lasts", "_len", "_starts_cache")

    _chunks: tuple[tuple[Row, ...], ...]
    _keys: tuple[tuple[Parts, ...], ...]  # the numbers of each chunk's rows
    _lasts: tuple[Parts, ...]  # number of each chunk's last row
    _len: int
    _starts_cache: array[int] | None  # index of each chunk's first row, built on demand

    def __init__(self, rows: Iterable[Row] = ()) -> None:
        flat = tuple(rows)
        chunks = tuple(flat[i : i + CHUNK] for i in range(0, len(flat), CHUNK))
        keys = tuple(tuple(r.number.parts for r in c) for c in chunks)
        self._set(chunks, keys, tuple(k[-1] for k in keys), len(flat))

    def _set(
        self,
        chunks: tuple[tuple[Row, ...], ...],
        keys: tuple[tuple[Parts, ...], ...],
        lasts: tuple[Parts, ...],
        length: int,
    ) -> Rows[Row]:
        self._chunks = chunks
        self._keys = keys
        self._lasts = lasts
        self._len = length
        self._starts_cache = None
        return self

    @classmethod
    def _of(
        cls,
        chunks: tuple[tuple[Row, ...], ...],
        keys: tuple[tuple[Parts, ...], ...],
        lasts: tuple[Parts, ...],
        length: int,
    ) -> Rows[Row]:
        return cls.__new__(cls)._set(chunks, keys, lasts, length)

    @property
    def _starts(self) -> array[int]:
        if self._starts_cache is None:
            self._starts_cache = array(
                "q", accumulate((len(c) for c in self._chunks[:-1]), initial=0) if self._chunks else ()
            )
        return self._starts_cache

    # -- reading -------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Row]:
        return chain.from_iterable(self._chunks)

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Row, ...]: ...

    def __getitem__(self, i: int | slice) -> Row | tuple[Row, ...]:
        if isinstance(i, slice):
            return tuple(self)[i]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("row index out of range")
        starts = self._starts
        c = bisect_right(starts, i) - 1
        row: Row = self._chunks[c][i - starts[c]]
        return row

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows):
            return self._chunks == other._chunks or tuple(self) == tuple(other)
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Rows({len(self)} rows in {len(self._chunks)} chunks)"

    def _slot(self, parts: Parts) -> tuple[int, int]:
        """(chunk, offset) where a row numbered ``parts`` is or would be inserted."""
        c = bisect_left(self._lasts, parts)
        if c == len(self._chunks):  # after the last row: the end of the last chunk
            c = len(self._chunks) - 1
            return c, len(self._chunks[c]) if c >= 0 else 0
        return c, bisect_left(self._keys[c], parts)

    def get(self, parts: Parts) -> Row | None:
        """The row numbered ``parts``, or None."""
        c, j = self._slot(parts)
        if c < 0 or j == len(self._chunks[c]):
            return None
        row = self._chunks[c][j]
        return row if row.number.parts == parts else None

    def bisect(self, parts: Parts) -> int:
        """Index at which a row numbered ``parts`` is or would be."""
        c, j = self._slot(parts)
        return self._starts[c] + j if c >= 0 else 0

    def find(self, parts: Parts) -> tuple[int, Row | None]:
        """(index, row) of the row numbered ``parts``; (insertion index, None) where there is none."""
        return self.bisect(parts), self.get(parts)

    def neighbours(self, parts: Parts) -> tuple[Row | None, Row | None]:
        """The rows just before and at (or just after) the place of number ``parts``."""
        c, j = self._slot(parts)
        if c < 0:
            return None, None
        chunk = self._chunks[c]
        before = chunk[j - 1] if j > 0 else (self._chunks[c - 1][-1] if c > 0 else None)
        at = chunk[j] if j < len(chunk) else (self._chunks[c + 1][0] if c + 1 < len(self._chunks) else None)
        return before, at

    # -- editing -------------------------------------------------------------------------------------

    def replace(self, row: Row) -> Rows[Row]:
        """A copy in which ``row`` takes the place of the row with its number (which must exist)."""
        c, j = self._slot(row.number.parts)
        chunk = self._chunks[c]
        chunks = self._chunks[:c] + (chunk[:j] + (row,) + chunk[j + 1 :],) + self._chunks[c + 1 :]
        new = Rows._of(chunks, self._keys, self._lasts, self._len)
        new._starts_cache = self._starts_cache  # no row moved
        return new

    def insert(self, row: Row) -> Rows[Row]:
        """A copy with ``row`` placed by its number (which must be free)."""
        number = row.number.parts
        if not self._chunks:
            return Rows._of(((row,),), ((number,),), (number,), 1)
        c, j = self._slot(number)
        chunk = self._chunks[c][:j] + (row,) + self._chunks[c][j:]
        keys = self._keys[c][:j] + (number,) + self._keys[c][j:]
        parts: tuple[tuple[Row, ...], ...]
        key_parts: tuple[tuple[Parts, ...], ...]
        if len(chunk) > 2 * CHUNK:  # split, so that a later change copies little
            parts, key_parts = (chunk[:CHUNK], chunk[CHUNK:]), (keys[:CHUNK], keys[CHUNK:])
        else:
            parts, key_parts = (chunk,), (keys,)
        return Rows._of(
            self._chunks[:c] + parts + self._chunks[c + 1 :],
            self._keys[:c] + key_parts + self._keys[c + 1 :],
            self._lasts[:c] + tuple(k[-1] for k in key_parts) + self._lasts[c + 1 :],
            self._len + 1,
        )

    def delete(self, parts: Parts) -> Rows[Row]:
        """A copy without the row numbered ``parts`` (which must exist)."""
        c, j = self._slot(parts)
        chunk = self._chunks[c][:j] + self._chunks[c][j + 1 :]
        keys = self._keys[c][:j] + self._keys[c][j + 1 :]
        if chunk:
            return Rows._of(
                self._chunks[:c] + (chunk,) + self._chunks[c + 1 :],
                self._keys[:c] + (keys,) + self._keys[c + 1 :],
                self._lasts[:c] + (keys[-1],) + self._lasts[c + 1 :],
                self._len - 1,
            )
        return Rows._of(
            self._chunks[:c] + self._chunks[c + 1 :],
            self._keys[:c] + self._keys[c + 1 :],
            self._lasts[:c] + self._lasts[c + 1 :],
            self._len - 1,
        )

    def transient(self) -> Transient[Row]:
        """A mutable working copy for a batch of edits; ``freeze`` gives the new sequence (see ``Transient``)."""
        return Transient(self)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # Rows[Row]: the item type comes from the annotation, so this module need not import the model.
        (item,) = get_args(source) or (Any,)
        items = handler.generate_schema(tuple[item, ...])  # type: ignore[valid-type]
        return core_schema.no_info_after_validator_function(
            cls, items, serialization=core_schema.plain_serializer_function_ser_schema(tuple, return_schema=items)
        )


class Transient(Generic[Row]):
    """A batch of edits to a ``Rows``, made in place and frozen once (Clojure's transients).

    A chunk is copied into a list the first time an edit reaches it and edited in place after that, so a
    day's operations copy each chunk they touch once, not once per operation. Chunks are split at
    ``freeze``, not while editing. The ``Rows`` it came from is never changed.
    """

    __slots__ = ("_base", "_chunks", "_edited", "_keys", "_lasts", "_len", "_longest", "_owned")

    def __init__(self, base: Rows[Row]) -> None:
        self._base = base
        # A tuple chunk is still shared with ``base``; a list chunk is this batch's own copy. The numbers
        # of a chunk's rows are copied with it, when an insertion or a deletion first reaches it. The lists
        # of every chunk's numbers and last numbers stay ``base``'s tuples until one of them changes (a day
        # of replacements only copies neither, nor does its ``freeze``: on a long plan each copy reaches
        # every chunk).
        self._chunks: list[tuple[Row, ...] | list[Row]] = list(base._chunks)
        self._keys: Sequence[tuple[Parts, ...] | list[Parts]] = base._keys
        self._lasts: Sequence[Parts] = base._lasts
        self._len = base._len
        self._edited = False  # whether any chunk was copied (or made): else freeze gives ``base`` back
        self._longest = 0  # the longest a copied chunk has grown by insertions (split at freeze if long)
        # Where the copied chunks are, while no chunk was added or removed (None after: positions moved).
        self._owned: list[int] | None = []

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Row]:
        """The rows as the batch has them so far, in order (a snapshot: edit after reading, not while)."""
        return iter([row for chunk in self._chunks for row in chunk])

    def _slot(self, parts: Parts) -> tuple[int, int]:
        c = bisect_left(self._lasts, parts)
        if c == len(self._chunks):
            c -= 1
            return c, len(self._chunks[c]) if c >= 0 else 0
        return c, bisect_left(self._keys[c], parts)

    def _own(self, c: int) -> list[Row]:
        chunk = self._chunks[c]
        if type(chunk) is tuple:
            chunk = self._chunks[c] = list(chunk)
            self._edited = True
            if self._owned is not None:
                self._owned.append(c)
        return chunk  # type: ignore[return-value]

    def _own_keys(self, c: int) -> list[Parts]:
        keys = self._keys[c]
        if type(keys) is tuple:
            keys = self._all_keys()[c] = list(keys)
        return keys  # type: ignore[return-value]

    def _all_keys(self) -> list[tuple[Parts, ...] | list[Parts]]:
        # Every chunk's numbers, this batch's own list (copied from ``base``'s tuple when first written).
        keys = self._keys
        if not isinstance(keys, list):
            keys = self._keys = list(keys)
        return keys

    def _all_lasts(self) -> list[Parts]:
        # Every chunk's last number, this batch's own list (copied from ``base``'s tuple when first written).
        lasts = self._lasts
        if not isinstance(lasts, list):
            lasts = self._lasts = list(lasts)
        return lasts

    def get(self, parts: Parts) -> Row | None:
        """The row numbered ``parts`` as the batch has it so far, or None."""
        c = bisect_left(self._lasts, parts)  # ``place`` without building its tuple: the editor's lookups run this
        if c == len(self._chunks):
            return None  # after the last row
        keys = self._keys[c]
        j = bisect_left(keys, parts)
        return self._chunks[c][j] if keys[j] == parts else None

    def place(self, parts: Parts) -> tuple[int, int, Row | None]:
        """Where number ``parts`` stands or would stand (a place for the ``*_at`` methods, good until the
        next edit), and the row numbered so, or None: one search for a lookup and the edit after it."""
        # ``_slot``, inline: every row operation of the editor begins here. The chunk's numbers say whether the
        # row is there, without reading the row.
        chunks = self._chunks
        c = bisect_left(self._lasts, parts)
        if c == len(chunks):
            c -= 1
            return c, len(chunks[c]) if c >= 0 else 0, None
        keys = self._keys[c]
        j = bisect_left(keys, parts)
        return c, j, chunks[c][j] if keys[j] == parts else None

    def neighbours(self, parts: Parts) -> tuple[Row | None, Row | None]:
        """The rows just before and at (or just after) the place of number ``parts`` (as ``Rows.neighbours``)."""
        return self.neighbours_at(*self._slot(parts))

    def neighbours_at(self, c: int, j: int) -> tuple[Row | None, Row | None]:
        """``neighbours`` of a ``place``."""
        if c < 0:
            return None, None
        chunks = self._chunks
        chunk = chunks[c]
        before = chunk[j - 1] if j > 0 else (chunks[c - 1][-1] if c > 0 else None)
        at = chunk[j] if j < len(chunk) else (chunks[c + 1][0] if c + 1 < len(chunks) else None)
        return before, at

    def replace(self, row: Row) -> None:
        """``row`` takes the place of the row with its number (which must exist)."""
        self.replace_at(*self._slot(row.number.parts), row)

    def replace_at(self, c: int, j: int, row: Row) -> None:
        """``replace`` at the ``place`` of ``row``'s number."""
        self._own(c)[j] = row

    def insert(self, row: Row) -> None:
        """``row`` placed by its number (which must be free)."""
        self.insert_at(*self._slot(row.number.parts), row)

    def insert_at(self, c: int, j: int, row: Row) -> None:
        """``insert`` at the ``place`` of ``row``'s number."""
        parts = row.number.parts
        if not self._chunks:
            self._chunks.append([row])
            self._all_keys().append([parts])
            self._all_lasts().append(parts)
            self._edited = True
            self._owned = None
        else:
            chunk = self._own(c)
            chunk.insert(j, row)
            self._own_keys(c).insert(j, parts)
            if j == len(chunk) - 1:
                self._all_lasts()[c] = parts
            self._longest = max(self._longest, len(chunk))
        self._len += 1

    def delete(self, parts: Parts) -> None:
        """Remove the row numbered ``parts`` (which must exist)."""
        self.delete_at(*self._slot(parts))

    def delete_at(self, c: int, j: int) -> None:
        """``delete`` at the ``place`` of a row's number."""
        chunk = self._own(c)
        keys = self._own_keys(c)
        del chunk[j], keys[j]
        if chunk:
            if j == len(chunk):  # it was the chunk's last row
                self._all_lasts()[c] = keys[-1]
        else:
            del self._chunks[c], self._all_keys()[c], self._all_lasts()[c]
            self._owned = None
        self._len -= 1

    def freeze(self) -> Rows[Row]:
        """The edited sequence, immutable, sharing every chunk no edit reached (``base`` itself if none did)."""
        if not self._edited:
            return self._base
        if self._longest <= 2 * CHUNK:
            # No chunk to split: unedited chunks and their numbers stay shared, each edited one becomes a
            # tuple, with no Python loop over a long plan's chunks.
            if self._owned is not None:  # the copied chunks are where they were: make those tuples only
                numbers = self._keys
                for c in self._owned:
                    self._chunks[c] = tuple(self._chunks[c])
                    if isinstance(numbers, list):  # (still ``base``'s tuple where no chunk's numbers changed)
                        numbers[c] = tuple(numbers[c])
                self._owned = []  # (an edit after this copies a chunk again)
                return Rows._of(
                    tuple(self._chunks),  # type: ignore[arg-type]  # every chunk is a tuple now
                    tuple(self._keys),  # type: ignore[arg-type]
                    tuple(self._lasts),
                    self._len,
                )
            # tuple() of a tuple is that tuple.
            return Rows._of(
                tuple(map(tuple, self._chunks)),
                tuple(map(tuple, self._keys)),
                tuple(self._lasts),
                self._len,
            )
        chunks: list[tuple[Row, ...]] = []
        all_keys: list[tuple[Parts, ...]] = []
        lasts: list[Parts] = []
        for chunk, keys, last in zip(self._chunks, self._keys, self._lasts):
            if type(chunk) is tuple:
                chunks.append(chunk)
                all_keys.append(keys)  # type: ignore[arg-type]  # a shared chunk's numbers are shared too
                lasts.append(last)
            elif len(chunk) > 2 * CHUNK:  # split, so that a later change copies little
                for i in range(0, len(chunk), CHUNK):
                    chunks.append(tuple(chunk[i : i + CHUNK]))
                    piece = tuple(keys[i : i + CHUNK])
                    all_keys.append(piece)
                    lasts.append(piece[-1])
            else:
                chunks.append(tuple(chunk))
                all_keys.append(tuple(keys))
                lasts.append(last)
        return Rows._of(tuple(chunks), tuple(all_keys), tuple(lasts), self._len)
