"""A cache of validated models, keyed by each file's sha256 and a fingerprint of the code that reads it.

Parsing and validating YAML is most of the time of ``build`` and ``check`` on a large corpus; a file
that has not changed since the last run need not be read again. An entry holds the model a file
validated into, pickled (protocol 5: ``UNKNOWN`` comes back as the same singleton, which pydantic's JSON
would turn into null). It is found by

- the sha256 of the file's bytes (and whether it was read as a plan or an amendment), and
- a fingerprint of the code: amend's version, the sources of the engine and of the store's readers,
  and the versions of Python and pydantic-core, so that a changed model or reader never sees an entry
  an older one wrote.

An entry is trusted only after its header and the sha256 of its payload check out; a corrupt,
truncated or foreign entry is ignored (and written again). Only files that load without an error are
cached, so every error still comes from the source file, placed at file:line:col. Entries are written
atomically (a temporary file, then a rename) in the user cache directory (platformdirs), or in
``AMEND_CACHE_DIR`` when that is set. The cache is off unless a caller turns it on (the CLI does,
unless ``--no-cache``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached", "caching", "caching_on", "fingerprint", "memo"]

T = TypeVar("T")

_HEADER = b"amend-model-cache 1\n"
_DIGEST = 32  # bytes of a sha256
# The code whose change makes every entry stale: what defines the models and what reads files into them.
_SOURCES = (
    "engine",
    "store/loading.py",
    "store/yaml_io.py",
    "store/yaml_lean.py",
    "store/inputs.py",
    "errors.py",
    "__init__.py",
)

_STATE: dict[str, Path | None] = {"dir": None}  # the cache's folder while caching is on, else None


def cache_dir() -> Path:
    """The folder entries go in: ``AMEND_CACHE_DIR``, else the user cache directory."""
    override = os.environ.get("AMEND_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # only where the cache is used: `amend --help` does not pay for it

    return Path(platformdirs.user_cache_dir("amend", appauthor=False))


@contextmanager
def caching(on: bool = True, directory: Path | None = None) -> Iterator[None]:
    """Run the block with the cache on (in ``directory``, else ``cache_dir()``) or off, then restore it."""
    was = _STATE["dir"]
    _STATE["dir"] = (directory or cache_dir()) if on else None
    try:
        yield
    finally:
        _STATE["dir"] = was


def caching_on() -> bool:
    """Whether the cache is on (inside ``caching(True)``): where it is off, nothing needs its keys."""
    return _STATE["dir"] is not None


@cache
def fingerprint(sources: tuple[str, ...] = _SOURCES) -> str:
    """A digest of the code that reads files into models (or of ``sources``, paths in the package), and
    of the versions it runs on."""
    import pydantic_core

    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    # amend's version is in amend/__init__.py, hashed below with the sources.
    for part in (sys.version, pydantic_core.__version__, str(pickle.HIGHEST_PROTOCOL)):
        h.update(part.encode() + b"\0")
    for name in sources:
        target = package / name
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def _entry(folder: Path, kind: str, data: bytes, code: str | None = None) -> Path:
    key = hashlib.sha256(kind.encode() + b"\0" + data).hexdigest()
    return folder / (code or fingerprint())[:24] / key[:2] / f"{key}.pickle"


def memo(kind: str, key: bytes, compute: Callable[[], tuple[bool, T]]) -> T:
    """``compute()``'s value, or the value it gave before for the same ``key`` and the whole package's
    code (when caching is on). ``compute`` says whether its value may be kept: a result with a problem
    is never kept, so that problems are always found again from the files."""
    folder = _STATE["dir"]
    if folder is None:
        return compute()[1]
    entry = _entry(folder, kind, key, fingerprint(("",)))  # "": every source of the package
    found = _read(entry)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == kind:
        value: T = found[1]
        return value
    keep, value = compute()
    if keep:
        _write(entry, (kind, value))
    return value


def _read(entry: Path) -> object | None:
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    start = len(_HEADER) + _DIGEST
    if len(blob) <= start or not blob.startswith(_HEADER):
        return None
    payload = memoryview(blob)[start:]
    if hashlib.sha256(payload).digest() != blob[len(_HEADER) : start]:
        return None  # truncated or corrupt: never unpickled
    try:
        found: object = pickle.loads(payload)
        return found
    except Exception:  # a payload that hashes right but does not load: ignored like any bad entry
        return None


def _write(entry: Path, value: object) -> None:
    try:
        payload = pickle.dumps(value, protocol=5)
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_HEADER + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        pass  # a cache that cannot be written is only slower, never wrong


def cached(path: Path, kind: type[T], load: Callable[[Path], T]) -> T:
    """``load(path)``, or the model it gave for the same bytes and code before (when caching is on).

    ``kind`` is the model's class: an entry of another class (a plan file's model asked for as an
    amendment) is not used.
    """
    folder = _STATE["dir"]
    if folder is None:
        return load(path)
    try:
        data = path.read_bytes()
    except OSError:
        return load(path)  # the loader reports it
    entry = _entry(folder, kind.__qualname__, data)
    found = _read(entry)
    if isinstance(found, kind):
        return found
    value = load(path)  # raises, with the error placed in the file: nothing is cached then
    try:
        unchanged = path.read_bytes() == data
    except OSError:
        unchanged = False
    if unchanged:  # the file did not change while it was read: the entry is the model of those bytes
        _write(entry, value)
    return value
