"""Golden files: renderings as they are expected, compared exactly; AMEND_UPDATE_GOLDEN=1 rewrites them."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent


def assert_golden(name: str, actual: str) -> None:
    """``actual`` must equal ``tests/golden/<name>``; on a mismatch the failure shows a unified diff.

    With AMEND_UPDATE_GOLDEN=1 the file is (re)written instead: review the change with `git diff`.
    """
    path = GOLDEN / name
    if os.environ.get("AMEND_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing: run the tests with AMEND_UPDATE_GOLDEN=1 to create it",
                    pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"tests/golden/{name}", "rendered now", n=2))
        pytest.fail(f"{name} differs from its golden file (if the change is intended, rerun with "
                    f"AMEND_UPDATE_GOLDEN=1 and review `git diff tests/golden`):\n{diff[:20000]}", pytrace=False)
