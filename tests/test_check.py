"""`amend check` on a repository unchanged since a clean check: the answer from the cache, the same as
checking every plan, and never for inputs that changed or had a problem."""

from __future__ import annotations

from pathlib import Path

from amend.ci.check import check_all, remembered
from amend.store.cache import caching
from amend.store.repository import Repository


def _codes(found: tuple[list, list]) -> tuple[list[str], list[str]]:
    problems, warnings = found
    return [p.format() for p in problems], [w.format() for w in warnings]


def test_a_clean_check_is_remembered_and_gives_check_alls_answer(repo_copy: Path, tmp_path: Path):
    with caching(True, tmp_path / "cache"):
        assert remembered(repo_copy) is None  # nothing checked yet
        full = check_all(Repository(repo_copy))
        again = remembered(repo_copy)
    assert full == ([], [])
    assert again is not None and _codes(again) == _codes(full)


def test_a_changed_consolidated_file_is_stale_in_the_remembered_answer_too(repo_copy: Path, tmp_path: Path):
    with caching(True, tmp_path / "cache"):
        check_all(Repository(repo_copy))
        target = repo_copy / "consolidated" / "748" / "index.yaml"
        target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        (repo_copy / "consolidated" / "748" / "stray.md").write_text("x", encoding="utf-8")
        fast = remembered(repo_copy)
        full = check_all(Repository(repo_copy))
    assert fast is not None and _codes(fast) == _codes(full)
    assert len(full[0]) == 2  # the edited file and the stray one


def test_a_changed_input_file_is_checked_again(repo_copy: Path, tmp_path: Path):
    with caching(True, tmp_path / "cache"):
        check_all(Repository(repo_copy))
        act = repo_copy / "plans" / "amendments" / "392.yaml"
        act.write_text(act.read_text(encoding="utf-8") + "\n# a comment changes the bytes\n", encoding="utf-8")
        assert remembered(repo_copy) is None
        (repo_copy / "plans" / "notes.txt").write_text("stray", encoding="utf-8")
        assert remembered(repo_copy) is None


def test_a_check_with_problems_is_never_remembered(repo_copy: Path, tmp_path: Path):
    plan = repo_copy / "plans" / "base" / "156.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("plan:", "plan: [", 1), encoding="utf-8")
    with caching(True, tmp_path / "cache"):
        problems, _ = check_all(Repository(repo_copy))
        assert problems
        assert remembered(repo_copy) is None


def test_with_the_cache_off_nothing_is_remembered(repo_copy: Path, tmp_path: Path):
    with caching(False):
        check_all(Repository(repo_copy))
        assert remembered(repo_copy) is None


def test_a_link_in_plans_is_never_answered_from_the_cache(repo_copy: Path, tmp_path: Path):
    with caching(True, tmp_path / "cache"):
        check_all(Repository(repo_copy))
        assert remembered(repo_copy) is not None
        (repo_copy / "plans" / "amendments" / "link.yaml").symlink_to(repo_copy / "plans" / "amendments" / "392.yaml")
        assert remembered(repo_copy) is None
        problems, _ = check_all(Repository(repo_copy))
        assert any("symbolic link" in p.format() for p in problems)


def test_a_special_file_in_plans_is_never_read_nor_answered_from_the_cache(repo_copy: Path, tmp_path: Path):
    import os

    with caching(True, tmp_path / "cache"):
        check_all(Repository(repo_copy))
        os.mkfifo(repo_copy / "plans" / "amendments" / "pipe.yaml")  # reading it would block
        assert remembered(repo_copy) is None


def test_a_file_one_byte_off_is_stale_whether_compared_by_bytes_or_by_digest(repo_copy: Path, tmp_path: Path):
    # A plan checked anew compares its files byte for byte; a plan found in the cache, by digest.
    target = repo_copy / "consolidated" / "748" / "2025-05-30.md"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01  # same length, one bit off
    target.write_bytes(bytes(data))
    (repo_copy / "consolidated" / "156" / "index.yaml").unlink()
    expected = ["consolidated/156/index.yaml", "consolidated/748/2025-05-30.md"]
    with caching(False):
        anew = check_all(Repository(repo_copy))
    with caching(True, tmp_path / "cache"):
        filled = check_all(Repository(repo_copy))  # each plan rendered, and its result kept
        remembered_plans = check_all(Repository(repo_copy))  # each plan's result from the cache
    for found in (anew, filled, remembered_plans):
        assert sorted(str(p.file) for p in found[0]) == expected
        assert {p.rule for p in found[0]} == {"consolidated-stale"}
