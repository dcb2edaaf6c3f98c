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
from typing import TypeVar

from amend.store.repository import Repository

__all__ = ["default_jobs", "map_plans"]

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
