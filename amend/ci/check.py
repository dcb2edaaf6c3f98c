"""``amend check``: every problem of a repository, its consolidated files included."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from amend.ci.conflicts import plan_conflicts
from amend.errors import AmendError, ConsolidatedStale, SameDayConflict
from amend.outputs.consolidated import consolidated_files, plan_files
from amend.outputs.parallel import map_streamed
from amend.store.cache import memo
from amend.store.repository import Repository, plan_problems
from amend.store.stream import Group

__all__ = ["check", "check_all"]


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def check(repo: Repository) -> list[AmendError]:
    """Bad files, failing operations, drafts that do not apply, and consolidated files that are not
    what ``build`` would write (compared by the hash of the would-be bytes)."""
    problems, timelines = repo.problems()
    if problems:
        return problems
    files = consolidated_files(repo, timelines)
    return _stale(repo, {path: _digest(content) for path, content in files.items()})


def _stale(repo: Repository, digests: dict[Path, bytes]) -> list[AmendError]:
    stale: list[AmendError] = []
    for path, digest in sorted(digests.items()):
        rel = repo.relative(path)
        if not path.exists():
            stale.append(ConsolidatedStale(f"{rel} is missing", file=rel))
        elif _digest(path.read_bytes()) != digest:
            stale.append(ConsolidatedStale(f"{rel} is not what build would write", file=rel))
    for path in repo.output_files():
        if path not in digests:
            rel = repo.relative(path)
            stale.append(ConsolidatedStale(f"{rel} would be removed by build", file=rel))
    return stale


def check_all(repo: Repository, jobs: int = 1) -> tuple[list[AmendError], list[AmendError]]:
    """``check``'s problems, and the same-day conflicts (warnings) where there are none.

    Plan by plan (on a pool of ``jobs`` processes when there are enough plans), each plan's files read
    only when its turn comes and dropped after (``outputs.parallel.map_streamed``): each is consolidated,
    checked and rendered to the digests of its files; with the cache on, a plan whose files and code
    are unchanged since a clean check is not done again. The problems and warnings are ``check``'s and
    ``repository_conflicts``', in the same order.
    """
    streamed = map_streamed(_check_plan, repo, jobs, _checked_before)
    problems = streamed.read_problems()
    problems.extend(repo.output_links())
    problems.extend(streamed.missing_plans(repo, {e.file for e in problems}))
    results: list[_Result] = []
    for result in streamed.results.values():
        if isinstance(result, AmendError):  # raised by _check_plan, not one of its problems: raised, as before
            raise result
        results.append(result)
        problems.extend(result[0])
    if problems:
        return problems, []
    digests: dict[Path, bytes] = {}
    warnings: list[AmendError] = []  # same-day conflicts
    for _, files, conflicts in results:
        digests.update({repo.output_dir / name: digest for name, digest in files.items()})
        warnings.extend(conflicts)
    stale = _stale(repo, digests)
    return stale, [] if stale else warnings


_Result = tuple[list[AmendError], dict[str, bytes], list[SameDayConflict]]


def _plan_key(pid: str, readable: bool, paths: Iterable[Path]) -> bytes:
    # What a plan's check depends on: its id, whether anything failed to read, and its files' bytes.
    key = hashlib.sha256(pid.encode() + b"\0" + str(readable).encode())
    for p in paths:
        key.update(str(p).encode() + b"\0" + _digest(Path(p).read_bytes()))
    return key.digest()


def _checked_before(group: Group, readable: bool) -> _Result | None:
    # A plan whose files (same paths, same bytes) and code were checked clean before: that result, found
    # before its files are read (a clean result is kept only when every file read without a problem).
    try:
        key = _plan_key(group.key, readable, (*group.bases, *group.acts))
    except OSError:
        return None  # the reader reports it
    found: _Result | None = memo("check-plan", key, lambda: (False, None))
    return found


def _check_plan(repo: Repository, pid: str, readable: bool) -> _Result:
    # One plan (``repo`` holds it and its acts only): its problems, or else the digests of its files (by
    # name under consolidated/) and its same-day conflicts. Kept in the cache only when clean, keyed by
    # the bytes of its plan and act files. ``readable``: no problem of reading met so far (where one
    # was, check reports problems only, and the files are not rendered).
    plan, path = repo.plans[pid]
    acts = repo.acts_of(pid)
    key = _plan_key(pid, readable, (path, *(f.path for f in acts)))

    def compute() -> tuple[bool, _Result]:
        found, timeline = plan_problems(plan, acts)
        if found or timeline is None or not readable:  # with any problem, check reports problems only
            return False, (found, {}, [])
        files = {
            path.relative_to(repo.output_dir).as_posix(): _digest(content)
            for path, content in plan_files(repo, pid, timeline).items()
        }
        return True, ([], files, plan_conflicts(repo, pid, timeline))

    return memo("check-plan", key, compute)
