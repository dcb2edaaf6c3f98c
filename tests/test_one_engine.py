"""One engine for every view: the comparative table, check, preview and the site all read the versions
that the one day step made; none applies an operation itself."""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
from collections import Counter
from itertools import groupby
from pathlib import Path
from typing import get_args

import pytest
from conftest import ROOT, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from amend import Repository
from amend.ci.check import check
from amend.cli.app import app
from amend.engine import operations
from amend.engine.amendment import FiledAmendment
from amend.engine.editor import HANDLERS
from amend.engine.model import Plan
from amend.engine.step import apply_day, apply_each
from amend.engine.timeline import Timeline, schedule
from amend.outputs.consolidated import build
from bench.corpus import CorpusSize, write_corpus

runner = CliRunner()
PACKAGE = ROOT / "amend"


# -- the elements that differ between two versions, worked out here from the versions alone ----------


def _differing(before: Plan, after: Plan) -> set[str]:
    """Elements whose wording or place differs: "row N", "abbreviation C", "heading N", "plan"."""
    found: set[str] = set()
    old_rows = {str(r.number): (r.section, r.subsection, r.cells) for r in before.rows}
    new_rows = {str(r.number): (r.section, r.subsection, r.cells) for r in after.rows}
    found |= {f"row {n}" for n in old_rows.keys() | new_rows.keys() if old_rows.get(n) != new_rows.get(n)}
    old_codes = {c: a.expansion for c, a in before.abbreviations.items()}
    new_codes = {c: a.expansion for c, a in after.abbreviations.items()}
    found |= {f"abbreviation {c}" for c in old_codes.keys() | new_codes.keys() if old_codes.get(c) != new_codes.get(c)}

    def headings(plan: Plan) -> dict[str, object]:
        out: dict[str, object] = {}
        for s in plan.sections:
            out[s.number] = s.title
            out.update({x.number: x.title for x in s.subsections})
        return out

    old_h, new_h = headings(before), headings(after)
    found |= {f"heading {n}" for n in old_h.keys() | new_h.keys() if old_h.get(n) != new_h.get(n)}
    if (before.repealed is None) != (after.repealed is None):
        found.add("plan")
    return found


def _entry_elements(entries: list[dict[str, object]]) -> set[str]:
    found = set()
    for e in entries:
        element = str(e["element"])
        if e["row"] is not None:
            found.add(f"row {e['row']}")
        elif element.startswith("Ескертпе, "):
            found.add(f"abbreviation {element.removeprefix('Ескертпе, ')}")
        elif element == "Жоспар":
            found.add("plan")
        else:
            found.add(f"heading {element.split('-', maxsplit=1)[0]}")
    return found


def _acts_alone_on_their_days(repo: Repository, plan_id: str) -> list[FiledAmendment]:
    """Acts that no other act shares a day of effect with (the versions around them are theirs alone)."""
    acts = [f for f in repo.amendments if f.amendment.amends == plan_id and f.amendment.takes_effect]
    days: Counter[dt.date] = Counter()
    for f in acts:
        days.update({f.amendment.effective(i) for i in range(len(f.amendment.operations))})
    return [f for f in acts if all(days[f.amendment.effective(i)] == 1 for i in range(len(f.amendment.operations)))]


def _assert_entries_are_the_differences(repo: Repository, root: Path) -> int:
    checked = 0
    for pid in sorted(repo.plans):
        timeline: Timeline = repo.timeline(pid)
        for filed in _acts_alone_on_their_days(repo, pid):
            a = filed.amendment
            days = sorted({a.effective(i) for i in range(len(a.operations))})
            first = timeline.versions[0].valid_from
            if len(days) != 1 or days[0] <= first or (timeline.repealed_on and days[0] >= timeline.repealed_on):
                continue  # staggered, merged into the base version, or after a repeal
            before = timeline.in_force_at(days[0] - dt.timedelta(days=1)).plan
            after = timeline.in_force_at(days[0]).plan
            result = runner.invoke(app, ["compare", str(filed.path), "--to", "json", "--root", str(root)])
            assert result.exit_code == 0, result.output
            import json

            entries = json.loads(result.stdout)["entries"]
            shown = _entry_elements(entries)
            differing = _differing(before, after)
            # Words replaced only inside text no source gives change nothing that can be shown: such an
            # entry says so in its remark, with both sides unknown; every other entry is a difference.
            hidden = {f"row {e['row']}" for e in entries if e["old_state"] == e["new_state"] == "unknown"}
            assert shown - hidden == differing, (filed.path, shown ^ differing)
            checked += 1
    return checked


def test_the_table_of_392_is_exactly_what_differs_between_the_versions_around_it(repo):
    assert _assert_entries_are_the_differences(repo, ROOT) == 1


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_every_generated_act_is_tabulated_as_exactly_what_it_changed(tmp_path_factory, seed):
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root, CorpusSize(plans=2, amendments_per_plan=6, operations_per_amendment=4, rows_per_plan=15), seed)
    repo = Repository(root)
    build(repo)
    assert _assert_entries_are_the_differences(Repository(root), root) > 0


# -- one failure, the same in every view --------------------------------------------------------------

WORDS_BREAK_CODES = """act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "901",
  date: 2025-09-01, title: "ЦДИАӨМ туралы"}
amends: "748"
status: STATUS
entry_into_force: {rule: on_signing}
operations:
  - op: replace_words
    old: "ЦДИАӨМ"
    new: "ЦДМ"
    occurrences: 1
"""


def test_a_plan_wide_word_replacement_that_breaks_executor_codes_fails_alike_in_check_compare_and_preview(repo_copy):
    act = repo_copy / "plans" / "amendments" / "901.yaml"
    act.write_text(WORDS_BREAK_CODES.replace("STATUS", "adopted"), encoding="utf-8")
    expected = f"{act}:9:10: error [abbreviation-undefined]: row 49 names ЦДМ"
    before = snapshot(repo_copy)
    by_check = runner.invoke(app, ["check", "--root", str(repo_copy)])
    by_compare = runner.invoke(app, ["compare", str(act), "--root", str(repo_copy)])
    act.write_text(WORDS_BREAK_CODES.replace("STATUS", "draft"), encoding="utf-8")
    by_preview = runner.invoke(app, ["preview", str(act), "--root", str(repo_copy)])
    for result in (by_check, by_compare, by_preview):
        assert result.exit_code == 1, result.output
    assert expected.replace(str(act), "plans/amendments/901.yaml") in by_check.output or expected in by_check.output
    assert expected in by_compare.stderr and expected in by_preview.stderr
    snapshot_after = snapshot(repo_copy)
    del snapshot_after["plans/amendments/901.yaml"], before["plans/amendments/901.yaml"]
    assert snapshot_after == before


LATER_ACT = """act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "900", date: 2025-09-01,
  title: "23-1-жол туралы"}
amends: "748"
status: adopted
entry_into_force: {rule: on_signing}
operations:
  - op: replace_cells
    row: "23-1"
    cells: {deadline: "2026 жылғы желтоқсан"}
"""


def test_an_earlier_act_is_compared_and_the_site_built_when_a_later_act_builds_on_it(repo_copy, tmp_path):
    (repo_copy / "plans" / "amendments" / "900.yaml").write_text(LATER_ACT, encoding="utf-8")
    build(Repository(repo_copy))
    assert check(Repository(repo_copy)) == []
    table = runner.invoke(
        app, ["compare", str(repo_copy / "plans/amendments/392.yaml"), "--to", "json", "--root", str(repo_copy)]
    )
    assert table.exit_code == 0, table.output
    assert '"before": "2023-08-31"' in table.stdout
    later = runner.invoke(
        app, ["compare", str(repo_copy / "plans/amendments/900.yaml"), "--to", "json", "--root", str(repo_copy)]
    )
    assert later.exit_code == 0 and '"before": "2025-05-30"' in later.stdout
    site = runner.invoke(app, ["site", str(tmp_path / "site"), "--root", str(repo_copy)])
    assert site.exit_code == 0, site.output
    assert (tmp_path / "site" / "748" / "acts").is_dir()


# -- the layout: one call site of the step, imports only downwards, no circles ----------------------

LAYERS = ["language", "engine", "store", "queries", "outputs", "ci", "importer", "web", "cli"]
MAY_IMPORT = {
    "errors": set(),
    "language": {"language", "errors"},
    "engine": {"engine", "language", "errors"},
    "store": {"store", "engine", "language", "errors"},
    "queries": {"queries", "store", "engine", "language", "errors"},
    "outputs": {"outputs", "queries", "store", "engine", "language", "errors"},
    "ci": {"ci", "outputs", "importer", "queries", "store", "engine", "language", "errors"},
    "importer": {"importer", "queries", "store", "engine", "language", "errors"},
    "web": {"web", "ci", "outputs", "queries", "store", "engine", "language", "errors", "importer", ""},
    "cli": {"cli", "web", "ci", "outputs", "queries", "store", "engine", "language", "errors", "importer", ""},
}


def _modules(package: Path = PACKAGE) -> dict[str, ast.Module]:
    return {
        ".".join(p.relative_to(ROOT).with_suffix("").parts): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(package.rglob("*.py"))
    }


def _imports(tree: ast.Module, package: str = "amend") -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m == package or m.startswith(package + ".")}


def _layer(module: str) -> str:
    parts = module.removesuffix(".__init__").split(".")
    return parts[1] if len(parts) > 1 else ""


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for module, tree in _modules().items():
        layer = _layer(module)
        if layer in ("", "__main__"):
            continue
        for target in _imports(tree):
            if _layer(target) not in MAY_IMPORT[layer]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


@pytest.mark.parametrize("package", ["amend", "bench"])
def test_the_package_has_no_import_circles(package):
    # Imports inside functions count too: a lazy import still ties the two modules together.
    modules = _modules(ROOT / package)
    graph = {m: {t for t in _imports(tree, package) if t != package} for m, tree in modules.items()}
    graph = {m.removesuffix(".__init__"): deps for m, deps in graph.items()}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            assert state.get(dep) != 1, " -> ".join([*path, node, dep])
            if dep not in state:
                visit(dep, [*path, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_the_outputs_import_no_importer_module():
    # The outputs once imported the importer's wording for month names: the forms live in amend.language.
    wrong = {
        f"{module} imports {target}"
        for module, tree in _modules().items()
        if _layer(module) == "outputs"
        for target in _imports(tree)
        if _layer(target) == "importer"
    }
    assert wrong == set()


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions (they do not count)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                found.add(id(first.value))
    return found


def _cyrillic_modules() -> dict[str, int]:
    """Modules of amend with Cyrillic letters in a string constant (f-string parts too), and how many."""
    cyrillic = re.compile("[\u0400-\u04ff]")
    found: dict[str, int] = {}
    for module, tree in _modules().items():
        skip = _docstrings(tree)
        count = sum(
            1
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and cyrillic.search(node.value)
        )
        if count:
            found[module] = count
    return found


def test_kazakh_and_russian_text_stands_only_in_the_language_module():
    # One home for each form: a Cyrillic literal elsewhere is a second copy of a form (or a new one that
    # belongs in amend.language). The grammars (.lark) and the page templates are not Python modules.
    found = _cyrillic_modules()
    assert {m for m in found if not m.startswith("amend.language.")} == set(), found
    assert len(found) <= 8, found


def test_the_cyrillic_scan_sees_literals_and_f_strings_but_not_docstrings():
    tree = ast.parse('"""Ескерту."""\nX = "жол"\nY = f"{1}-жол"\ndef f():\n    """жол"""\n    return 1\n')
    skip = _docstrings(tree)
    seen = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
    ]
    assert seen == ["жол", "-жол"]


def test_only_the_timeline_calls_the_step_and_only_the_step_applies_operations():
    callers: dict[str, set[str]] = {"apply_day": set(), "apply": set()}
    for module, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in callers:
                callers[node.func.id].add(module)
    assert callers == {"apply_day": {"amend.engine.timeline"}, "apply": {"amend.engine.step"}}


# -- one plan editor: each operation's handler written once, on the editor ---------------------------------

_OPERATION_NAMES = {
    name
    for name in operations.__all__
    if name not in ("NewRow", "NewSubsection", "PlacedRow")  # parts of an operation, not operations
}
_EDITED = {"Plan", "WorkingCopy", "PlanEditor"}


def _names(annotation: ast.expr | None) -> set[str]:
    """The names an annotation mentions (``from __future__ import annotations``: a string or an expression)."""
    if annotation is None:
        return set()
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        annotation = ast.parse(annotation.value, mode="eval").body
    return {n.id for n in ast.walk(annotation) if isinstance(n, ast.Name)} | {
        n.attr for n in ast.walk(annotation) if isinstance(n, ast.Attribute)
    }


def test_no_operation_handler_stands_outside_the_editors_modules():
    # A handler takes an operation and changes a plan: it is given the editor, or it gives a plan back.
    found = []
    for module, tree in _modules().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            takes = set().union(*(_names(a.annotation) for a in args)) if args else set()
            if takes & _OPERATION_NAMES and (takes & {"WorkingCopy", "PlanEditor"} or _names(node.returns) & _EDITED):
                found.append(f"{module}.{node.name}")
    outside = sorted(f for f in found if not f.startswith("amend.engine.editor"))
    assert outside == []
    assert "amend.engine.editor_rows.replace_row" in found  # the check sees the handlers it allows


def test_every_kind_that_changes_a_plans_text_has_one_handler_on_the_editor():
    kinds = set(get_args(get_args(operations.Operation)[0]))
    resolved_by_the_schedule = set(get_args(operations.ActOperation)) | set(get_args(operations.ForceOperation))
    assert set(HANDLERS) == kinds - resolved_by_the_schedule
    assert all(h.__module__.startswith("amend.engine.editor") for h in HANDLERS.values())


def test_the_real_acts_give_the_same_days_by_one_editor_per_day_and_one_editor_per_operation():
    repo = Repository(ROOT)
    days = 0
    for pid, (base, _) in sorted(repo.plans.items()):
        plan = base
        for _, batch in groupby(schedule(base, repo.acts_of(pid)), key=lambda s: s.day):
            ops = list(batch)
            day, each = apply_day(plan, ops), apply_each(plan, ops)
            assert day.findings == each.findings == ()
            assert day.plan.model_dump() == each.plan.model_dump()
            assert [a.touches for a in day.applied] == [a.touches for a in each.applied]
            plan = day.plan
            days += 1
    assert days  # 392 at least


def test_the_shipped_consolidated_files_are_what_build_writes(tmp_path):
    for name in ("plans", "consolidated"):
        shutil.copytree(ROOT / name, tmp_path / name)
    before = snapshot(tmp_path)
    result = build(Repository(tmp_path))
    assert result.written == () and result.removed == ()
    assert snapshot(tmp_path) == before
