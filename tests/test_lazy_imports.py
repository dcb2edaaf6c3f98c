"""`amend --help`, `check` and `show` load no heavy dependency they do not use (the outputs' and the importer's)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# DOCX, XLSX, diffs, templates, XML and the importer's grammar: none is needed to check or show a plan.
HEAVY = ("docx", "openpyxl", "deepdiff", "jinja2", "lxml", "lark")


def _imported(args: list[str], cache: Path) -> set[str]:
    """Every module a fresh ``python -m amend ARGS`` imports, run in the repository."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), AMEND_CACHE_DIR=str(cache))
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "amend", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", done.stderr, re.MULTILINE))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["check", "--no-cache"],  # cold: every plan consolidated and rendered
        ["check"],  # with the cache
        ["show", "748", "--at", "2025-06-01"],
        ["show", "748", "--at", "2025-06-01", "--format", "json"],
        ["show", "748", "--at", "2025-06-01", "--format", "md"],
    ],
    ids=" ".join,
)
def test_a_command_that_reads_plans_imports_no_heavy_dependency(args: list[str], tmp_path: Path):
    modules = _imported(args, tmp_path)
    assert "amend.cli.app" in modules  # the probe saw the command's imports
    assert not {m for m in modules if m.split(".")[0] in HEAVY}
    assert not {m for m in modules if m.startswith("amend.importer.")}
    # The importer's words (their patterns compile on import) stay out too: the store needs only the letters.
    assert not {"amend.language.lexicon", "amend.language.phrases", "amend.language.phrases_ru"} & set(modules)


def test_the_probe_sees_a_heavy_dependency_where_a_command_needs_it(tmp_path: Path):
    out = tmp_path / "748.docx"
    modules = _imported(["render", "748", "--at", "2025-06-01", "--to", "docx", "--output", str(out)], tmp_path)
    assert "docx" in modules


def test_check_on_an_unchanged_repository_reads_no_plan_and_imports_no_engine(tmp_path: Path):
    _imported(["check"], tmp_path)  # a clean check, kept in the cache
    modules = _imported(["check"], tmp_path)
    assert "amend.ci.check" in modules
    assert not {m for m in modules if m.startswith(("amend.engine.", "amend.store.repository", "ruamel"))}
