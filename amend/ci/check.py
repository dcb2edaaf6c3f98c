"""``amend check``: every problem of a repository, its consolidated files included."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from amend.ci.conflicts import plan_conflicts
from amend.errors import AmendError, ConsolidatedStale, SameDayConflict
from amend.outputs.parallel import map_plans
from amend.store.cache import memo
from amend.store.repository import Repository, by_plan, plan_problems

__all__ = ["check", "check_all"]


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def check(repo: Repository) -> list[AmendError]:
    """Bad files, failing operations, drafts that do not apply, and consolidated files that are not
    what ``build`` would write (compared by the hash of the would-be bytes)."""
    from amend.outputs.consolidated import consolidated_files  # rendering: only where a plan is checked anew

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

    Plan by plan (on a pool of ``jobs`` processes when there are enough plans): each is consolidated,
    checked and rendered to the digests of its files; with the cache on, a plan whose files and code
    are unchanged since a clean check is not done again. The problems and warnings are ``check``'s and
    ``repository_conflicts``', in the same order.
    """
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
    digests: dict[Path, bytes] = {}
    warnings: list[AmendError] = []  # same-day conflicts
    for _, files, conflicts in results:
        digests.update({repo.output_dir / name: digest for name, digest in files.items()})
        warnings.extend(conflicts)
    stale = _stale(repo, digests)
    return stale, [] if stale else warnings


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
        from amend.outputs.consolidated import plan_files

        found, timeline = plan_problems(plan, acts)
        if found or timeline is None or not readable:  # with any problem, check reports problems only
            return False, (found, {}, [])
        files = {
            path.relative_to(repo.output_dir).as_posix(): _digest(content)
            for path, content in plan_files(repo, pid, timeline).items()
        }
        return True, ([], files, plan_conflicts(repo, pid, timeline))

    return memo("check-plan", key.digest(), compute)
