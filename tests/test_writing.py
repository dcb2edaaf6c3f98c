"""Writing outputs (amend.store.writing): atomic, with the umask's mode, inside their folder, checked first."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from amend.store.writing import OutputError, inside, write_atomic, write_tree


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_get_the_umasks_mode_not_mkstemps(tmp_path: Path, mask: int, mode: int):
    target = tmp_path / "out.md"
    with umask(mask):
        write_atomic(target, "мәтін\n")
        write_atomic(tmp_path / "out.docx", b"PK\x03\x04")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "out.docx").stat().st_mode) == mode
    assert target.read_text(encoding="utf-8") == "мәтін\n"


def test_a_missing_folder_is_created(tmp_path: Path):
    target = tmp_path / "a" / "b" / "out.md"
    write_atomic(target, "x")
    assert target.read_text(encoding="utf-8") == "x"


def test_a_failed_write_names_the_target_and_leaves_no_temporary_file(tmp_path: Path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(OutputError) as info:
        write_atomic(tmp_path / "taken", "x")
    assert str(tmp_path / "taken") in info.value.format()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_a_folder_that_is_a_file_is_reported_not_raised_as_os_error(tmp_path: Path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "file" / "out.md", "x")


@pytest.mark.parametrize("relative", ["../x.md", "/tmp/x.md", "a/../../x.md"])
def test_paths_that_leave_their_folder_are_refused(tmp_path: Path, relative: str):
    folder = tmp_path / "site"
    folder.mkdir()
    with pytest.raises(OutputError, match="outside"):
        inside(folder, relative)


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path):
    folder, outside = tmp_path / "site", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    (folder / "plans").symlink_to(outside)
    with pytest.raises(OutputError, match="outside"):
        inside(folder, "plans/index.html")
    assert inside(folder, "a/b.html") == folder / "a" / "b.html"


def test_a_batch_is_checked_before_its_first_file_is_written(tmp_path: Path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "blocked").write_text("a file where a folder must go", encoding="utf-8")
    with pytest.raises(OutputError, match="blocked"):
        write_tree(folder, {"a.html": "a", "blocked/b.html": "b", "z.html": "z"})
    assert sorted(p.name for p in folder.iterdir()) == ["blocked"]
    write_tree(folder, {"a.html": "a", "x/b.html": "b"})
    assert (folder / "x" / "b.html").read_text(encoding="utf-8") == "b"
