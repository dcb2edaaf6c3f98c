"""The cache of validated models: the same models warm as cold, bad entries never trusted, errors from files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from amend import Plan
from amend.engine.unknown import UNKNOWN
from amend.errors import AmendError
from amend.store import cache
from amend.store.loading import load_amendment, load_plan

ROOT = Path(__file__).resolve().parent.parent


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.pickle") if not p.name.startswith(".tmp"))


@pytest.mark.parametrize(("name", "load"), [("base/748.yaml", load_plan), ("amendments/392.yaml", load_amendment)])
def test_a_warm_load_gives_the_cold_model_and_unknown_stays_the_singleton(tmp_path, name, load):
    path = ROOT / "plans" / name
    cold = load(path)
    with cache.caching(True, tmp_path):
        first = load(path)
        assert len(_entries(tmp_path)) == 1
        warm = load(path)
    assert warm is not first  # read back from the entry, not kept in memory
    assert warm.model_dump() == cold.model_dump() == first.model_dump()
    if isinstance(warm, Plan):
        unknowns = [t for r in warm.rows for t in r.cells.values() if t is UNKNOWN]
        assert unknowns and all(t is UNKNOWN for t in unknowns)
        assert [r.number for r in warm.rows] == [r.number for r in cold.rows]


def test_with_the_cache_off_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("AMEND_CACHE_DIR", str(tmp_path))
    load_plan(ROOT / "plans/base/748.yaml")
    assert _entries(tmp_path) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit of the payload
        lambda b: b"something else entirely" + b[24:],  # a foreign header
        lambda b: b"",
    ],
)
def test_a_damaged_entry_is_ignored_and_written_again(tmp_path, damage):
    path = ROOT / "plans/base/156.yaml"
    expected = load_plan(path).model_dump()
    with cache.caching(True, tmp_path):
        load_plan(path)
        (entry,) = _entries(tmp_path)
        good = entry.read_bytes()
        entry.write_bytes(damage(good))
        assert load_plan(path).model_dump() == expected
        assert entry.read_bytes() == good  # rebuilt


def test_an_entry_of_another_model_is_not_used(tmp_path):
    # The same bytes asked for as a plan and as an amendment are two entries: a plan never passes for an act.
    path = ROOT / "plans/base/748.yaml"
    with cache.caching(True, tmp_path):
        assert isinstance(load_plan(path), Plan)
        with pytest.raises(AmendError):
            load_amendment(path)
    assert len(_entries(tmp_path)) == 1


def test_errors_come_from_the_file_and_a_failing_file_is_never_cached(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "748.yaml"
    shutil.copy(ROOT / "plans/base/748.yaml", path)
    store = tmp_path / "cache"
    with cache.caching(True, store):
        load_plan(path)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("rows:", "rowz:", 1), encoding="utf-8")
        with pytest.raises(AmendError) as cold:
            load_plan(path)
        with pytest.raises(AmendError) as again:
            load_plan(path)
    assert len(_entries(store)) == 1  # only the good version
    assert cold.value.format() == again.value.format()
    assert cold.value.location is not None and cold.value.location.line is not None
    assert "748.yaml" in cold.value.format()


def test_the_fingerprint_names_the_entries_folder_so_other_code_never_reads_them(tmp_path):
    with cache.caching(True, tmp_path):
        load_amendment(ROOT / "plans/amendments/392.yaml")
    (entry,) = _entries(tmp_path)
    assert entry.relative_to(tmp_path).parts[0] == cache.fingerprint()[:24]
    assert len(cache.fingerprint()) == 64


def test_the_default_folder_is_the_user_cache_directory_unless_overridden(monkeypatch, tmp_path):
    monkeypatch.delenv("AMEND_CACHE_DIR", raising=False)
    assert cache.cache_dir().name == "amend"
    monkeypatch.setenv("AMEND_CACHE_DIR", str(tmp_path))
    assert cache.cache_dir() == tmp_path
