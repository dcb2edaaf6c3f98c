"""Plans in parallel: a map over plan ids on a pool of processes, results in plan order.

Plans are independent once read: each one's consolidation and files depend on its own plan and acts
only. ``map_plans`` runs one function per plan on ``jobs`` worker processes and returns the results in
the order of the ids given, so what ``build`` writes and what ``check`` reports do not depend on
``jobs``. Workers are forked from the process that read the repository and find it in a module
global (nothing is pickled on the way in; only each plan's result comes back). Where fork is not
available, for one job, or for a few plans, the map runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from amend.errors import AmendError
from amend.store.repository import Repository
from amend.store.stream import (
    FileRead,
    Group,
    Survey,
    head_keys,
    misgrouped,
    missing_plans,
    read_group,
    read_problems,
    regroup,
    survey,
)

__all__ = ["Streamed", "default_jobs", "map_plans", "map_streamed"]

R = TypeVar("R")

# Below this many plans the map runs in this process: starting a pool costs more than a few plans take.
_FEWEST = 4

# The repository the workers read, set in the parent just before the pool forks.
_SHARED: list[Repository] = []


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _call(task: tuple[Callable[[Repository, str], R], str]) -> R:
    fn, pid = task
    return fn(_SHARED[0], pid)


def map_plans(fn: Callable[[Repository, str], R], repo: Repository, plan_ids: Sequence[str], jobs: int) -> list[R]:
    """``[fn(repo, pid) for pid in plan_ids]``, on up to ``jobs`` processes (``fn`` at module level)."""
    if jobs <= 1 or len(plan_ids) < _FEWEST or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(repo, pid) for pid in plan_ids]
    _SHARED[:] = [repo]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(jobs, len(plan_ids)), mp_context=context) as pool:
            chunk = max(1, len(plan_ids) // (jobs * 8))  # few round trips, yet an even spread
            return list(pool.map(_call, [(fn, pid) for pid in plan_ids], chunksize=chunk))
    finally:
        _SHARED.clear()


@dataclass
class Streamed(Generic[R]):
    """What a streamed map gave: the problems of reading (in ``Repository``'s order), the acts that
    amend no plan, and each plan's result (or the error it raised) in plan-id order."""

    survey: Survey
    reads: dict[Path, FileRead]
    results: dict[str, R | AmendError]

    def read_problems(self) -> list[AmendError]:
        """Stray files and files that do not read, in the order the files are listed."""
        return read_problems(self.survey, self.reads)

    def missing_plans(self, repo: Repository, unreadable: set[object] | None = None) -> list[AmendError]:
        """Acts that amend a plan no file defines (those of a plan whose file is ``unreadable`` left out)."""
        return list(missing_plans(repo, self.survey, self.reads, unreadable or set()))


# What streamed workers need besides the repository, set in the parent just before the pool forks:
# the survey and the function to run on each plan's repository.
_STREAM: list[Any] = []


# Below this many files the survey reads their heads in this process.
_FEWEST_FILES = 2_000


def _head_keys_of(listed: list[tuple[str, str]]) -> list[str | None]:
    return head_keys([(kind, Path(path)) for kind, path in listed])


def _head_keys_on(jobs: int, listed: list[tuple[str, Path]]) -> list[str | None]:
    """``head_keys`` of many files, on a pool of ``jobs`` processes (paths go out and keys come back as
    texts); for a few files, one job, or without fork, in this process."""
    if jobs <= 1 or len(listed) < _FEWEST_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return head_keys(listed)
    plain = [(kind, str(path)) for kind, path in listed]
    size = -(-len(plain) // (jobs * 4))
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        parts = pool.map(_head_keys_of, [plain[i : i + size] for i in range(0, len(plain), size)])
        return [key for part in parts for key in part]


def _streamed(repo: Repository, key: str) -> tuple[dict[Path, FileRead], Any]:
    found, fn, known = _STREAM
    return _run_group(repo, found.groups[key], fn, found.clean, known)


def _run_group(
    repo: Repository,
    group: Group,
    fn: Callable[[Repository, str, bool], R],
    clean: bool,
    known: Callable[[Group, bool], R | None] | None = None,
) -> tuple[dict[Path, FileRead], R | AmendError | None]:
    # One plan's files read, used and dropped: only what they gave and fn's result leave this call.
    if known is not None and clean:
        result = known(group, clean)
        if result is not None:  # every file of the group read cleanly before, with the same bytes
            return {path: FileRead(key=group.key) for path in (*group.bases, *group.acts)}, result
    reads, scoped = read_group(repo, group)
    if scoped is None:
        return reads, None
    try:
        return reads, fn(scoped, group.key, clean and all(r.error is None for r in reads.values()))
    except AmendError as err:
        return reads, err


def map_streamed(
    fn: Callable[[Repository, str, bool], R],
    repo: Repository,
    jobs: int,
    known: Callable[[Group, bool], R | None] | None = None,
) -> Streamed[R]:
    """``fn(plan_repo, pid, clean)`` for every plan, each plan read in the process that runs it.

    ``plan_repo`` holds that plan and its acts only; ``clean`` says that no problem of reading was met
    so far (by the survey or in this plan's files; another worker's may still come). An ``AmendError``
    ``fn`` raises is that plan's result. Plans whose file does not load, or that no file defines, have no
    result; their acts' problems are in ``read_problems`` and ``missing_plans``.

    ``known(group, clean)``, where given, is asked first: a result it gives (one kept from a clean run
    on the same bytes of the same files: every file then read without a problem, each of this plan)
    stands for ``fn``'s, and the group's files are not read at all.
    """
    found = survey(repo, partial(_head_keys_on, jobs))
    _STREAM[:] = [found, fn, known]
    try:
        keys = list(found.groups)
        done = map_plans(_streamed, repo, keys, jobs)
    finally:
        _STREAM.clear()
    reads = dict(found.reads)
    results: dict[str, Any] = {}
    for key, (group_reads, result) in zip(keys, done, strict=True):
        reads.update(group_reads)
        if result is not None:
            results[key] = result
    wrong = misgrouped(found.groups, reads)
    if wrong:
        # A file's head named another plan than the file validated with (rare: a scalar that fooled the
        # scan). Read those plans again, in this process, grouped by what their files really say.
        groups = regroup(found, reads)
        for key in sorted(wrong):
            results.pop(key, None)
            if key in groups:
                group_reads, result = _run_group(repo, groups[key], fn, found.clean, known)
                reads.update(group_reads)
                if result is not None:
                    results[key] = result
        found.groups = groups
    return Streamed(found, reads, dict(sorted(results.items())))
