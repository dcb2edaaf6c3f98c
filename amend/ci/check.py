"""``amend check``: every problem of a repository, its consolidated files included."""

from __future__ import annotations

import hashlib

from amend.errors import AmendError, ConsolidatedStale
from amend.outputs.consolidated import consolidated_files
from amend.store.repository import Repository

__all__ = ["check"]


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def check(repo: Repository) -> list[AmendError]:
    """Bad files, failing operations, drafts that do not apply, and consolidated files that are not
    what ``build`` would write (compared by the hash of the would-be bytes)."""
    problems, timelines = repo.problems()
    if problems:
        return problems
    files = consolidated_files(repo, timelines)
    stale: list[AmendError] = []
    for path, content in sorted(files.items()):
        rel = repo.relative(path)
        if not path.exists():
            stale.append(ConsolidatedStale(f"{rel} is missing", file=rel))
        elif _digest(path.read_bytes()) != _digest(content):
            stale.append(ConsolidatedStale(f"{rel} is not what build would write", file=rel))
    for path in repo.output_files():
        if path not in files:
            rel = repo.relative(path)
            stale.append(ConsolidatedStale(f"{rel} would be removed by build", file=rel))
    return stale
