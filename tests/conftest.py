"""Fixtures: the real plans of this repository, and throwaway copies of it to break."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from amend import Repository

# In CI (CI=true) every property test draws the same examples on every run: a red CI is a failure
# anyone can replay, never a coin toss. Locally the examples vary, and hypothesis prints how to replay.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
# The source texts ship with the repository (sources/README.md): no test reads outside it.
SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def repo() -> Repository:
    """The shipped repository (read only)."""
    return Repository(ROOT)


@pytest.fixture(scope="session")
def timeline_748(repo):
    return repo.timeline("748")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of plans/ and consolidated/ to modify freely."""
    for name in ("plans", "consolidated"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root, by relative path, with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# What pydantic says for itself and a reader of amend's messages should never meet: its internal steps
# and words, and a position counted from 0 (`operations.0`).
_INTERNAL = re.compile(
    r"Field required|Input should|constrained-str|\[key\]|function-(after|before|plain|wrap)|tagged-union|"
    r"lax-or-strict|json-or-python|model_type|union_tag|is-instance|For further information|"
    r"\b[a-z_]+\.\d+\b|\b(operation|item|entry) 0\b"
)


def internal_words(text: str) -> list[str]:
    """The pydantic internals and 0-based places in ``text`` (none in a message meant for people)."""
    return [m.group() for m in _INTERNAL.finditer(text)]
