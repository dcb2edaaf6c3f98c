"""A fresh machine gets everything the tests and the package import from pyproject.toml alone.

Nothing installed by hand can hide a missing install step: every third-party module that the package,
the bench and the tests import must belong to a distribution that the package's dependencies or its
`test` extra name.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires

from conftest import ROOT

LOCAL = {"amend", "bench", "tests", *(p.stem for p in (ROOT / "tests").iterdir())}


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[; (]", spec, maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> set[str]:
    """The distributions pyproject.toml names, with what they require in turn (pip installs those too)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [_name(s) for s in [*project["dependencies"], *project["optional-dependencies"]["test"]]]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:
            continue
        todo.extend(_name(r) for r in reqs if "extra ==" not in r)
    return seen


def _top_level_imports(folder: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        if "golden" in path.parts or "fixtures" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def test_every_module_the_package_bench_and_tests_import_is_declared_in_pyproject():
    declared = _declared()
    owners = packages_distributions()
    missing = []
    for folder in ("amend", "bench", "tests"):
        for module, where in _top_level_imports(folder).items():
            if module in LOCAL or module in sys.stdlib_module_names or module == "__future__":
                continue
            dists = {d.lower().replace("_", "-") for d in owners.get(module, [])}
            if not dists & declared:
                missing.append(f"{where} imports {module} (from {sorted(dists) or 'nothing installed'})")
    assert missing == [], "declare these in pyproject.toml (dependencies or the test extra):\n" + "\n".join(missing)


def test_the_declared_test_extra_reads_as_expected():
    # The check above must be able to fail: a module that no declaration names is reported.
    assert "jsonpatch" in _declared()
    assert "numpy" not in _declared()
