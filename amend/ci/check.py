"""``amend check``: every problem of a repository, its consolidated files included."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amend.errors import AmendError, ConsolidatedStale, SameDayConflict
from amend.store.cache import memo

if TYPE_CHECKING:
    from amend.store.repository import Repository

# The engine, the store's reader and the renderers are imported where they are used: `amend check` on a
# repository unchanged since a clean check (``remembered``) needs none of them, nor their import time.

__all__ = ["check", "check_all", "remembered"]


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def check(repo: Repository) -> list[AmendError]:
    """Bad files, failing operations, drafts that do not apply, and consolidated files that are not
    what ``build`` would write (compared by the hash of the would-be bytes)."""
    from amend.outputs.consolidated import consolidated_files

    problems, timelines = repo.problems()
    if problems:
        return problems
    files = consolidated_files(repo, timelines)
    return _stale(repo.root, {path: _digest(content) for path, content in files.items()})


def _output_files(root: Path) -> list[Path]:
    # Repository.output_files, by path alone: every file now in consolidated/ (links included).
    output_dir = root / "consolidated"
    if not output_dir.is_dir() or output_dir.is_symlink():
        return []
    return sorted(p for p in output_dir.rglob("*") if p.is_file() or p.is_symlink())


def _relative(root: Path, path: Path) -> Path:
    # Repository.relative, by path alone.
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _stale(root: Path, digests: dict[Path, bytes]) -> list[AmendError]:
    stale: list[AmendError] = []
    for path, digest in sorted(digests.items()):
        rel = _relative(root, path)
        if not path.exists():
            stale.append(ConsolidatedStale(f"{rel} is missing", file=rel))
        elif _digest(path.read_bytes()) != digest:
            stale.append(ConsolidatedStale(f"{rel} is not what build would write", file=rel))
    for path in _output_files(root):
        if path not in digests:
            rel = _relative(root, path)
            stale.append(ConsolidatedStale(f"{rel} would be removed by build", file=rel))
    return stale


def check_all(repo: Repository, jobs: int = 1) -> tuple[list[AmendError], list[AmendError]]:
    """``check``'s problems, and the same-day conflicts (warnings) where there are none.

    Plan by plan (on a pool of ``jobs`` processes when there are enough plans): each is consolidated,
    checked and rendered to the digests of its files; with the cache on, a plan whose files and code
    are unchanged since a clean check is not done again, and the digests and warnings of a repository
    whose inputs are all clean are kept for ``remembered``. The problems and warnings are ``check``'s
    and ``repository_conflicts``', in the same order.
    """
    from amend.outputs.parallel import map_plans
    from amend.store.repository import by_plan

    key = _repository_key(repo.root)
    problems, plans, amendments = repo.read_inputs()
    _INPUTS[:] = [plans, by_plan(amendments), not problems]
    try:
        results = map_plans(_check_plan, repo, sorted(plans), jobs)
    finally:
        _INPUTS.clear()
    for found, _, _ in results:
        problems.extend(found)
    if problems:
        return problems, []
    repo.check_references()
    names: dict[str, bytes] = {}  # digests by name under consolidated/
    warnings: list[AmendError] = []  # same-day conflicts
    for _, files, conflicts in results:
        names.update(files)
        warnings.extend(conflicts)
    if key is not None and key == _repository_key(repo.root):  # no input changed while it was checked
        memo("check-repo", key, lambda: (True, (names, warnings)))  # kept only with the cache on
    return _verdict(repo.root, names, warnings)


def remembered(root: Path) -> tuple[list[AmendError], list[AmendError]] | None:
    """``check_all``'s answer without reading a plan, where the cache is on and holds a clean check of
    the same inputs (every file under plans/, byte for byte) with the same code; else None.

    Only a check whose inputs had no problem is kept, so problems always come from the files; the
    consolidated files are compared with the kept digests every time.
    """
    key = _repository_key(root)
    if key is None:
        return None
    found = memo("check-repo", key, lambda: (False, None))  # a lookup: nothing is computed or kept
    if found is None:
        return None
    names, warnings = found
    return _verdict(root, names, warnings)


def _verdict(
    root: Path, names: dict[str, bytes], warnings: list[AmendError]
) -> tuple[list[AmendError], list[AmendError]]:
    output_dir = root / "consolidated"
    stale = _stale(root, {output_dir / name: digest for name, digest in names.items()})
    return stale, [] if stale else warnings


def _repository_key(root: Path) -> bytes | None:
    """A digest of everything a check's answer depends on besides consolidated/: the code (the cache's
    fingerprint covers it), the folders it is run from and on, and every entry under plans/ with the
    bytes of every file. None where a symbolic link is in plans/ or consolidated/, or a file cannot be
    read (problems check reports from the files)."""
    try:
        return _entries_digest(root)
    except OSError:
        return None


def _entries_digest(root: Path) -> bytes | None:
    key = hashlib.sha256(b"check-repo 1\0" + os.fsencode(os.getcwd()) + b"\0" + os.fsencode(str(root)) + b"\0")
    plans = root / "plans"
    if plans.is_symlink() or not plans.is_dir():
        return None
    for path in sorted(plans.rglob("*")):
        if path.is_symlink():
            return None
        kind = b"d" if path.is_dir() else b"f" if path.is_file() else None
        if kind is None:
            return None
        key.update(os.fsencode(path.relative_to(root).as_posix()) + b"\0" + kind + b"\0")
        if kind == b"f":
            key.update(_digest(path.read_bytes()))
    output_dir = root / "consolidated"
    if output_dir.is_symlink() or any(p.is_symlink() for p in _output_files(root)):
        return None
    return key.digest()


# The plans and acts read in the parent, by plan id, for the forked workers (see outputs.parallel).
_INPUTS: list[Any] = []

_Result = tuple[list[AmendError], dict[str, bytes], list[SameDayConflict]]


def _check_plan(repo: Repository, pid: str) -> _Result:
    # One plan: its problems, or else the digests of its files (by name under consolidated/) and its
    # same-day conflicts. Kept in the cache only when clean, keyed by the bytes of its plan and act files.
    plans, grouped, readable = _INPUTS
    plan, path = plans[pid]
    acts = grouped.get(pid, ())
    key = hashlib.sha256(pid.encode() + b"\0" + str(readable).encode())
    for p in (path, *(f.path for f in acts)):
        key.update(str(p).encode() + b"\0" + _digest(Path(p).read_bytes()))

    def compute() -> tuple[bool, _Result]:
        # Rendering (and Markdown) only where a plan is checked anew: a cached plan needs neither.
        from amend.ci.conflicts import plan_conflicts
        from amend.outputs.consolidated import plan_files
        from amend.store.repository import plan_problems

        found, timeline = plan_problems(plan, acts)
        if found or timeline is None or not readable:  # with any problem, check reports problems only
            return False, (found, {}, [])
        files = {
            path.relative_to(repo.output_dir).as_posix(): _digest(content)
            for path, content in plan_files(repo, pid, timeline).items()
        }
        return True, ([], files, plan_conflicts(repo, pid, timeline))

    return memo("check-plan", key.digest(), compute)
