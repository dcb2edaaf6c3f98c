"""Every file the tool writes goes through here: atomically, with the umask's mode, inside its folder.

A reader never sees half a file (a temporary file in the same folder, then a rename); a path built
from data never leaves the folder it is meant for; a folder that cannot be written is found before
the first file of a batch is written, and reported as an ``OutputError`` naming it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from amend.errors import AmendError, Location

__all__ = ["OutputError", "check_writable", "entries", "inside", "write_atomic", "write_tree"]


class OutputError(AmendError):
    """A file or folder that cannot be written (the CLI exits 1 naming it)."""

    rule = "output"
    hint = "check that the folder exists or can be created, and that you may write to it"

    def __init__(self, message: str, *, file: str | Path) -> None:
        super().__init__(message, file=file, location=Location(str(file)))


def _mode() -> int:
    # mkstemp creates files 0600; an output is an ordinary file, so it gets what the umask allows.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``path`` through a temporary file and a rename, with the umask's mode (0644 under 022)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}", file=path) from None
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), _mode())
            f.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {_reason(exc)}", file=path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def inside(folder: Path, relative: str | Path) -> Path:
    """``folder / relative``, refused unless it stays inside ``folder`` once links and ``..`` are resolved."""
    target = folder / relative
    base = folder.resolve()
    resolved = target.resolve()
    if resolved != base and base not in resolved.parents:
        raise OutputError(f"{target} would be written outside {folder}", file=target)
    return target


def _writable(folder: Path) -> None:
    """Refuse a folder that cannot be created or written, before anything is written."""
    existing = folder
    while not existing.exists():
        if existing.is_symlink():  # a dangling link: creating through it would write elsewhere
            raise OutputError(f"cannot write {folder}: {existing} is a broken symbolic link", file=folder)
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot write {folder}: {existing} is not a folder", file=folder)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {folder}: {existing} is not writable", file=folder)


def check_writable(paths: list[Path]) -> None:
    """Refuse the batch if any of the folders of ``paths`` cannot be written (nothing is written)."""
    for folder in sorted({p.parent for p in paths}):
        _writable(folder)
    for path in paths:
        if path.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder", file=path)


def write_tree(folder: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``files`` (paths relative to ``folder``), each inside ``folder``; check every folder first."""
    targets = {rel: inside(folder, rel) for rel in files}
    check_writable(list(targets.values()))
    for rel, content in sorted(files.items()):
        write_atomic(targets[rel], content)


def entries(folder: Path) -> list[tuple[tuple[str, ...], str, str]]:
    """Every entry under ``folder``, links not followed, in path order (as sorted Paths are): its parts
    below ``folder``, its path, and its kind: ``d`` a folder, ``f`` a file, ``l`` a link, ``o`` other.
    One ``scandir`` per folder: the kinds come with the listing, without a ``stat`` per file."""
    found: list[tuple[tuple[str, ...], str, str]] = []

    def scan(path: str, parts: tuple[str, ...]) -> None:
        with os.scandir(path) as listing:
            for entry in listing:
                here = (*parts, entry.name)
                if entry.is_symlink():
                    found.append((here, entry.path, "l"))
                elif entry.is_dir(follow_symlinks=False):
                    found.append((here, entry.path, "d"))
                    scan(entry.path, here)
                else:
                    found.append((here, entry.path, "f" if entry.is_file(follow_symlinks=False) else "o"))

    scan(str(folder), ())
    found.sort()
    return found
