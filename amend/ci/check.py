"""``amend check``: every problem of a repository, its consolidated files included."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from amend.errors import AmendError, ConsolidatedStale, SameDayConflict
from amend.store.cache import caching_on, memo
from amend.store.writing import entries

if TYPE_CHECKING:
    from amend.store.repository import Repository
    from amend.store.stream import Group

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


def _relative(root: Path, path: Path) -> Path:
    # Repository.relative, by path alone.
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _file_digests(paths: list[Path]) -> list[bytes | None]:
    """The digest of each file's bytes (None: missing or unreadable), read and hashed on a few threads:
    reading and sha256 release the interpreter's lock, so a warm check hashes on every core."""
    from concurrent.futures import ThreadPoolExecutor

    def digest(path: Path) -> bytes | None:
        try:
            with open(path, "rb") as f:
                return _digest(f.read())
        except OSError:
            return None

    def digests(part: list[Path]) -> list[bytes | None]:
        return [digest(p) for p in part]

    threads = min(8, os.cpu_count() or 1)
    if len(paths) < 256 or threads == 1:
        return digests(paths)
    # One contiguous share per thread (a future per file would cost more than hashing a small file).
    size = -(-len(paths) // threads)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        shares = pool.map(digests, [paths[i : i + size] for i in range(0, len(paths), size)])
        return [d for share in shares for d in share]


def _stale(root: Path, digests: dict[Path, bytes]) -> list[AmendError]:
    output_dir = root / "consolidated"
    return _stale_names(root, {path.relative_to(output_dir).as_posix(): d for path, d in digests.items()})


def _stale_names(
    root: Path, names: dict[str, bytes], current: set[str] | frozenset[str] = frozenset()
) -> list[AmendError]:
    """The files under consolidated/ (by name) that are missing or hold other bytes than their digest's,
    and the files there that build would remove. ``current``: names already found to hold their
    digest's bytes (by the workers that checked their plans), not read again."""
    output_dir = root / "consolidated"
    stale: list[AmendError] = []
    todo = sorted((name for name in names if name not in current), key=lambda name: name.split("/"))
    found = _file_digests([output_dir / name for name in todo])
    for name, now in zip(todo, found, strict=True):
        path = output_dir / name
        rel = _relative(root, path)
        if now is None and not path.exists():
            stale.append(ConsolidatedStale(f"{rel} is missing", file=rel))
        elif now != names[name]:
            stale.append(ConsolidatedStale(f"{rel} is not what build would write", file=rel))
    if output_dir.is_dir() and not output_dir.is_symlink():
        for parts, path_text, kind in entries(output_dir):
            if kind in "fl" and "/".join(parts) not in names:
                rel = _relative(root, Path(path_text))
                stale.append(ConsolidatedStale(f"{rel} would be removed by build", file=rel))
    return stale


def check_all(repo: Repository, jobs: int = 1) -> tuple[list[AmendError], list[AmendError]]:
    """``check``'s problems, and the same-day conflicts (warnings) where there are none.

    Plan by plan (on a pool of ``jobs`` processes when there are enough plans), each plan's files read
    only when its turn comes and dropped after (``outputs.parallel.map_streamed``): each is consolidated,
    checked and rendered to the digests of its files; with the cache on, a plan whose files and code
    are unchanged since a clean check is not done again, and the digests and warnings of a repository
    whose inputs are all clean are kept for ``remembered``. The problems and warnings are ``check``'s
    and ``repository_conflicts``', in the same order.
    """
    from amend.outputs.parallel import map_streamed

    key = _repository_key(repo.root)
    streamed = map_streamed(_check_and_compare, repo, jobs, partial(_checked_before_and_compared, repo.output_dir))
    problems = streamed.read_problems()
    problems.extend(repo.output_links())
    problems.extend(streamed.missing_plans(repo, {e.file for e in problems}))
    results: list[_Result] = []
    current: set[str] = set()  # files found current by the worker that checked their plan
    for found in streamed.results.values():
        if isinstance(found, AmendError):  # raised by _check_plan, not one of its problems: raised, as before
            raise found
        result, same = found
        results.append(result)
        current |= same
        problems.extend(result[0])
    if problems:
        return problems, []
    names: dict[str, bytes] = {}  # digests by name under consolidated/
    warnings: list[AmendError] = []  # same-day conflicts
    for _, files, conflicts in results:
        names.update(files)
        warnings.extend(conflicts)
    if key is not None and key == _repository_key(repo.root):  # no input changed while it was checked
        memo("check-repo", key, lambda: (True, (names, warnings)))  # kept only with the cache on
    return _verdict(repo.root, names, warnings, current)


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
    root: Path, names: dict[str, bytes], warnings: list[AmendError], current: set[str] | None = None
) -> tuple[list[AmendError], list[AmendError]]:
    # ``current``: names already found to hold their would-be bytes (by the workers): not read again here.
    stale = _stale_names(root, names, current or frozenset())
    return stale, [] if stale else warnings


def _repository_key(root: Path) -> bytes | None:
    """A digest of everything a check's answer depends on besides consolidated/: the code (the cache's
    fingerprint covers it), the folders it is run from and on, and every entry under plans/ with the
    bytes of every file. None where the cache is off (nothing would keep or find it), a symbolic link is
    in plans/ or consolidated/, or a file cannot be read (problems check reports from the files)."""
    if not caching_on():
        return None
    try:
        return _entries_digest(root)
    except OSError:
        return None


def _entries_digest(root: Path) -> bytes | None:
    key = hashlib.sha256(b"check-repo 1\0" + os.fsencode(os.getcwd()) + b"\0" + os.fsencode(str(root)) + b"\0")
    plans = root / "plans"
    if plans.is_symlink() or not plans.is_dir():
        return None
    listed = entries(plans)
    if any(kind in "lo" for _, _, kind in listed):
        return None
    files = [Path(path) for _, path, kind in listed if kind == "f"]
    digests = iter(_file_digests(files))
    for parts, _, kind in listed:
        key.update(os.fsencode("/".join(("plans", *parts))) + b"\0" + kind.encode() + b"\0")
        if kind == "f":
            digest = next(digests)
            if digest is None:
                raise OSError(f"{'/'.join(parts)} cannot be read")
            key.update(digest)
    output_dir = root / "consolidated"
    if output_dir.is_symlink() or (output_dir.is_dir() and any(kind == "l" for _, _, kind in entries(output_dir))):
        return None
    return key.digest()


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
    if not caching_on():
        return None
    try:
        key = _plan_key(group.key, readable, (*group.bases, *group.acts))
    except OSError:
        return None  # the reader reports it
    found: _Result | None = memo("check-plan", key, lambda: (False, None))
    return found


def _current(output_dir: Path, files: dict[str, bytes]) -> frozenset[str]:
    """The names of ``files`` whose file under ``output_dir`` holds the bytes of that digest now."""
    names = list(files)
    found = _file_digests([output_dir / name for name in names])
    return frozenset(name for name, digest in zip(names, found, strict=True) if digest == files[name])


_Checked = tuple[_Result, frozenset[str]]


def _same_bytes(output_dir: Path, files: dict[str, bytes]) -> frozenset[str]:
    """The names of ``files`` whose file under ``output_dir`` holds exactly those bytes now."""

    def same(name: str, content: bytes) -> bool:
        try:
            with open(output_dir / name, "rb") as f:
                return f.read() == content
        except OSError:
            return False

    return frozenset(name for name, content in files.items() if same(name, content))


def _check_and_compare(repo: Repository, pid: str, readable: bool) -> _Checked:
    # In the worker that checked the plan: its result, and which of its files are current, so that the
    # files of the whole corpus are compared on every worker, not hashed once more by this process. A
    # plan checked anew holds its would-be bytes: its files are compared byte for byte, not hashed.
    rendered: dict[str, bytes] = {}
    result = _check_plan(repo, pid, readable, rendered)
    if rendered:
        return result, _same_bytes(repo.output_dir, rendered)
    return result, _current(repo.output_dir, result[1])


def _checked_before_and_compared(output_dir: Path, group: Group, readable: bool) -> _Checked | None:
    found = _checked_before(group, readable)
    return None if found is None else (found, _current(output_dir, found[1]))


def _check_plan(repo: Repository, pid: str, readable: bool, rendered: dict[str, bytes] | None = None) -> _Result:
    # One plan (``repo`` holds it and its acts only): its problems, or else the digests of its files (by
    # name under consolidated/) and its same-day conflicts. Kept in the cache only when clean, keyed by
    # the bytes of its plan and act files. ``readable``: no problem of reading met so far (where one
    # was, check reports problems only, and the files are not rendered). ``rendered``, where given,
    # receives the would-be bytes by name when the plan is rendered here (not found in the cache).
    plan, path = repo.plans[pid]
    acts = repo.acts_of(pid)
    key = _plan_key(pid, readable, (path, *(f.path for f in acts))) if caching_on() else b""

    def compute() -> tuple[bool, _Result]:
        # Rendering (and Markdown) only where a plan is checked anew: a cached plan needs neither.
        from amend.ci.conflicts import plan_conflicts
        from amend.outputs.consolidated import plan_files
        from amend.store.repository import plan_problems

        found, timeline = plan_problems(plan, acts)
        if found or timeline is None or not readable:  # with any problem, check reports problems only
            return False, (found, {}, [])
        contents = {
            path.relative_to(repo.output_dir).as_posix(): c for path, c in plan_files(repo, pid, timeline).items()
        }
        if rendered is not None:
            rendered.update(contents)
        files = {name: _digest(content) for name, content in contents.items()}
        return True, ([], files, plan_conflicts(repo, pid, timeline))

    return memo("check-plan", key, compute)
