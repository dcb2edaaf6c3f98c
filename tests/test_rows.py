"""Rows, the chunked row sequence, against a plain sorted list doing the same edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from amend import Row, RowNumber
from amend.engine.base import construct
from amend.engine.rows import CHUNK, Rows


def make(parts: tuple[int, ...], text: str = "x") -> Row:
    return construct(Row, number=RowNumber._of(parts), section="1", subsection=None, cells={"m": text}, history=())


numbers = st.lists(st.integers(1, 60), min_size=1, max_size=2).map(tuple)


@settings(max_examples=60, deadline=None)
@given(
    start=st.lists(numbers, unique=True, max_size=300),
    edits=st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace"]), numbers), max_size=200),
)
def test_edits_agree_with_a_sorted_list_and_never_touch_the_original(start, edits):
    rows = Rows(make(p) for p in sorted(start))
    model = dict.fromkeys(start, "x")
    original = list(rows)
    current = rows
    for n, (kind, parts) in enumerate(edits):
        if kind == "insert" and parts not in model:
            current, model[parts] = current.insert(make(parts, str(n))), str(n)
        elif kind == "delete" and parts in model:
            current = current.delete(parts)
            del model[parts]
        elif kind == "replace" and parts in model:
            current, model[parts] = current.replace(make(parts, str(n))), str(n)
        expected = sorted(model)
        assert [r.number.parts for r in current] == expected
        assert len(current) == len(expected)
        assert [current[i].number.parts for i in range(len(current))] == expected  # positional access
        for p in expected[:5] + expected[-5:]:
            assert current.get(p).cells["m"] == model[p]
            assert current.bisect(p) == expected.index(p)
    assert list(rows) == original


def test_a_chunk_splits_when_it_grows_past_twice_its_size():
    rows = Rows(make((n,)) for n in range(1, CHUNK + 1))
    assert len(rows._chunks) == 1
    for k in range(1, CHUNK + 1):
        rows = rows.insert(make((1, k)))
    assert len(rows._chunks) == 1  # 2 * CHUNK rows: not yet
    rows = rows.insert(make((1, CHUNK + 1)))
    assert [len(c) for c in rows._chunks] == [CHUNK, CHUNK + 1]
    assert [r.number.parts for r in rows][:3] == [(1,), (1, 1), (1, 2)]


def test_an_edit_copies_one_chunk_and_shares_the_others():
    rows = Rows(make((n,)) for n in range(1, 10 * CHUNK))
    edited = rows.replace(make((3,), "new"))
    shared = sum(a is b for a, b in zip(rows._chunks, edited._chunks))
    assert shared == len(rows._chunks) - 1


def test_neighbours_cross_chunk_boundaries():
    rows = Rows(make((n,)) for n in range(1, 3 * CHUNK))
    before, at = rows.neighbours((CHUNK, 1))
    assert before.number.parts == (CHUNK,) and at.number.parts == (CHUNK + 1,)
    assert rows.neighbours((0,)) == (None, rows[0])
    assert rows.neighbours((10_000,)) == (rows[-1], None)
