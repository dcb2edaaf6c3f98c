"""Every rule id has a failing case and a passing one, as data: tests/fixtures/rules/<rule>.yaml.

Each case starts from the small plan in tests/fixtures/rules/base/ and adds the files it gives. The
failing side must produce exactly one finding, of its rule (at the expected place where the case
names one); the passing side, a near twin, must produce none. ``via`` says who finds it: ``check``
(errors, and the same-day-conflict warning), ``query`` (a day asked of a plan) or ``lint`` (flags).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from amend import Repository
from amend.ci.check import check
from amend.ci.conflicts import repository_conflicts
from amend.ci.lint import LINT_RULES, SourcePlaces, lint_timeline
from amend.errors import AmendError
from amend.outputs.consolidated import build

RULES = Path(__file__).parent / "fixtures" / "rules"
BASE = RULES / "base"


def _error_rules() -> set[str]:
    """The rule ids of amend/errors.py, the catalogue of check's problems (other modules' own errors,
    such as the importer's, are not checked by `amend check`)."""
    found, todo = set(), [AmendError]
    while todo:
        cls = todo.pop()
        if cls.__module__ == AmendError.__module__:
            found.add(cls.rule)
        todo.extend(cls.__subclasses__())
    return found - {AmendError.rule}


def _case(path: Path) -> dict[str, Any]:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


CASES = sorted(p for p in RULES.glob("*.yaml"))


def _day(value: object) -> dt.date:
    # The YAML 1.2 loader leaves dates as text.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _materialise(root: Path, side: dict[str, Any]) -> None:
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    (root / "plans" / "amendments").mkdir(exist_ok=True)
    for rel, text in (side.get("files") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    with contextlib.suppress(AmendError):  # a failing case may not build; check reports why
        build(Repository(root))
    for rel, text in (side.get("after_build") or {}).items():
        (root / rel).write_text(text, encoding="utf-8")


def _findings(root: Path, case: dict[str, Any], side: dict[str, Any]) -> list[Any]:
    repo = Repository(root)
    problems = check(repo)
    if case["via"] == "check":
        return problems + ([] if problems else repository_conflicts(repo))
    assert problems == [], [p.format() for p in problems]  # queries and lint cases are valid input
    if case["via"] == "query":
        plan, at = side["query"]["plan"], _day(side["query"]["at"])
        try:
            repo.timeline(plan).in_force_at(at)
        except AmendError as err:
            return [err]
        return []
    flags = []
    for pid, (plan, path) in repo.plans.items():
        flags += lint_timeline(repo.timeline(pid), SourcePlaces(plan, path, repo.timeline(pid)), _day(case["at"]))[1]
    return flags


def test_every_rule_id_has_a_case():
    names = {p.stem for p in CASES}
    assert names == _error_rules() | set(LINT_RULES)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_failing_case_gives_exactly_its_rule(path: Path, tmp_path: Path):
    case = _case(path)
    side = case["fail"]
    _materialise(tmp_path, side)
    found = _findings(tmp_path, case, side)
    assert [f.rule for f in found] == [path.stem], "\n".join(f.format() for f in found)
    expect = side.get("expect") or {}
    finding = found[0]
    if "file" in expect:
        # A file of the repository is named relative to its root, or absolutely: either resolves.
        assert tmp_path / (finding.location.file if finding.location else finding.file) == tmp_path / expect["file"]
    if "line" in expect:
        assert finding.location is not None and finding.location.line == expect["line"], finding.format()
    if "message" in expect:
        assert expect["message"] in finding.message


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_passing_case_gives_nothing(path: Path, tmp_path: Path):
    case = _case(path)
    side = case["pass"]
    _materialise(tmp_path, side)
    found = _findings(tmp_path, case, side)
    assert found == [], "\n".join(f.format() for f in found)


def test_the_base_of_the_cases_is_clean(tmp_path: Path):
    _materialise(tmp_path, {})
    repo = Repository(tmp_path)
    assert check(repo) == []
    plan, path = repo.plans["100"]
    assert (
        lint_timeline(repo.timeline("100"), SourcePlaces(plan, path, repo.timeline("100")), dt.date(2025, 1, 1))[1]
        == []
    )


def test_every_rule_id_is_documented_in_docs_ci_md():
    text = (Path(__file__).resolve().parent.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    for rule in _error_rules() | set(LINT_RULES):
        assert f"\n| {rule} |" in text, rule


def _documented_messages() -> dict[str, str]:
    """docs/format.md's table "one example for each rule": rule -> message."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    table = text.split("### Messages: one example for each rule", 1)[1].split("\n\n| rule |", 1)[1]
    rows = table.split("\n\n", 1)[0].splitlines()[2:]
    return {
        cells[0]: cells[1].replace("\\|", "|")
        for cells in (re.split(r"(?<!\\)\|", row.strip().strip("|")) for row in rows)
        for cells in [[c.strip() for c in cells]]
    }


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_docs_format_md_gives_the_message_of_each_rule_as_its_failing_case_prints_it(path: Path, tmp_path: Path):
    documented = _documented_messages()
    case = _case(path)
    _materialise(tmp_path, case["fail"])
    finding = _findings(tmp_path, case, case["fail"])[0]
    message = finding.message.replace(f"{tmp_path}/", "").replace(str(tmp_path), ".")
    assert documented.get(path.stem) == message
