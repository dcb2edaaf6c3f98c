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


@settings(max_examples=60, deadline=None)
@given(
    start=st.lists(numbers, unique=True, max_size=400),
    days=st.lists(
        st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace"]), numbers), max_size=60), max_size=5
    ),
)
def test_a_transient_batch_gives_what_the_same_edits_give_one_by_one_and_never_touches_its_base(start, days):
    current = Rows(make(p) for p in sorted(start))
    for d, edits in enumerate(days):
        before = list(current)
        batch = current.transient()
        one_by_one = current
        for n, (kind, parts) in enumerate(edits):
            row = make(parts, f"{d}.{n}")
            exists = one_by_one.get(parts) is not None
            assert (batch.get(parts) is not None) == exists
            assert batch.neighbours(parts) == one_by_one.neighbours(parts)
            c, j, found = batch.place(parts)  # one search, then the edit at that place (every other edit)
            assert found is batch.get(parts)
            assert batch.neighbours_at(c, j) == one_by_one.neighbours(parts)
            at = n % 2 == 1
            if kind == "insert" and not exists:
                batch.insert_at(c, j, row) if at else batch.insert(row)
                one_by_one = one_by_one.insert(row)
            elif kind == "delete" and exists:
                batch.delete_at(c, j) if at else batch.delete(parts)
                one_by_one = one_by_one.delete(parts)
            elif kind == "replace" and exists:
                batch.replace_at(c, j, row) if at else batch.replace(row)
                one_by_one = one_by_one.replace(row)
            assert len(batch) == len(one_by_one)
        frozen = batch.freeze()
        assert list(current) == before  # the base is untouched
        assert list(frozen) == list(one_by_one)
        assert [frozen[i] for i in range(len(frozen))] == list(one_by_one)
        assert all(len(c) <= 2 * CHUNK for c in frozen._chunks)
        for row in one_by_one:
            assert frozen.get(row.number.parts) is row
            assert frozen.bisect(row.number.parts) == one_by_one.bisect(row.number.parts)
        current = frozen


def test_a_transient_that_changes_nothing_freezes_into_its_base_and_one_edit_shares_the_other_chunks():
    rows = Rows(make((n,)) for n in range(1, 1001))
    assert rows.transient().freeze() is rows
    batch = rows.transient()
    batch.replace(make((500,), "new"))
    batch.replace(make((501,), "new"))
    frozen = batch.freeze()
    changed = [i for i, (a, b) in enumerate(zip(rows._chunks, frozen._chunks)) if a is not b]
    assert len(changed) == 1  # both edits in one chunk, copied once


def test_a_transient_that_empties_a_chunk_freezes_into_the_edits_one_by_one_and_shares_the_rest():
    # A chunk removed moves the later chunks' places: freeze must not convert chunks by their old places.
    rows = Rows(make((n,)) for n in range(1, 6 * CHUNK))
    emptied = [r.number.parts for r in rows._chunks[1]]
    late = (5 * CHUNK,)  # in a chunk after the emptied one: copied before the removal, then moved
    batch, one_by_one = rows.transient(), rows
    batch.replace(make(late, "late"))
    one_by_one = one_by_one.replace(make(late, "late"))
    for parts in emptied:
        batch.delete(parts)
        one_by_one = one_by_one.delete(parts)
    batch.replace(make((3,), "early"))  # copied after the removal, at a place that did not move
    one_by_one = one_by_one.replace(make((3,), "early"))
    frozen = batch.freeze()
    assert list(frozen) == list(one_by_one)
    assert all(type(c) is tuple for c in frozen._chunks) and all(type(k) is tuple for k in frozen._keys)
    assert len(frozen._chunks) == len(rows._chunks) - 1
    assert sum(any(c is d for d in rows._chunks) for c in frozen._chunks) == len(rows._chunks) - 3


def test_a_frozen_transient_edited_again_leaves_the_first_freeze_as_it_was():
    rows = Rows(make((n,)) for n in range(1, 4 * CHUNK))
    batch = rows.transient()
    batch.replace(make((2,), "a"))
    first = batch.freeze()
    kept = list(first)
    batch.replace(make((2,), "b"))
    batch.insert(make((2, 1), "c"))
    second = batch.freeze()
    assert list(first) == kept and first.get((2,)).cells["m"] == "a"
    assert second.get((2,)).cells["m"] == "b" and second.get((2, 1)) is not None
