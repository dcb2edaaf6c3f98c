"""Acceptance: importing the text of Resolution 392 reproduces the hand-checked plans/amendments/392.yaml."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import ROOT, SOURCES
from typer.testing import CliRunner

from amend import FiledAmendment, load_amendment, load_plan
from amend.cli.app import app
from amend.engine.timeline import consolidate
from amend.engine.unknown import Unknown
from amend.importer import REVIEW_MARK, import_text, plan_lexicon, render_draft

SEED = SOURCES / "392.txt"
HAND = ROOT / "plans" / "amendments" / "392.yaml"


def _norm(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The draft imported from the seed: (the Draft, its YAML text, the loaded Amendment)."""
    plan = load_plan(ROOT / "plans" / "base" / "748.yaml")
    draft = import_text(SEED.read_text(encoding="utf-8"), plan, plan_lexicon(ROOT / "plans" / "base"), source=SEED.name)
    text = render_draft(draft)
    path = tmp_path_factory.mktemp("import") / "392.yaml"
    path.write_text(text, encoding="utf-8")
    return draft, text, load_amendment(path), path


def _fields(amendment) -> dict[str, object]:
    """Every compared field of an amendment, by a readable key (op index, row, column)."""
    out: dict[str, object] = {"act." + k: _norm(v) for k, v in amendment.act.model_dump().items()}
    out["amends"] = amendment.amends
    out["entry_into_force"] = amendment.entry_into_force.model_dump()
    for i, op in enumerate(amendment.operations):
        data = op.model_dump(mode="python")
        out[f"op{i}.op"] = data["op"]
        rows = data.get("rows") or ([{"number": data["row"], "cells": data["cells"]}] if "cells" in data else [])
        for key in ("section", "subsection", "row", "entries"):
            if key in data:
                out[f"op{i}.{key}"] = data[key] if key != "row" else str(data[key])
        out[f"op{i}.rows"] = [str(r["number"]) for r in rows]
        for r in rows:
            for column, value in r["cells"].items():
                out[f"op{i}.{r['number']}.{column}"] = _norm(value)
    return out


def test_importing_392_reproduces_the_hand_checked_amendment(imported):
    _, _, got, _ = imported
    want = load_amendment(HAND)
    assert [op.op for op in got.operations] == [op.op for op in want.operations]
    expected, actual = _fields(want), _fields(got)
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong = []
    for key, value in expected.items():
        kind = key.rsplit(".", 1)[-1] if key.startswith("op") else key.split(".")[0]
        total[kind] += 1
        if actual.get(key) == value:
            agree[kind] += 1
        else:
            wrong.append(f"{key}:\n    imported: {actual.get(key)!r}\n    by hand:  {value!r}")
    extra = sorted(set(actual) - set(expected))
    print("\nper-field agreement of the import with plans/amendments/392.yaml:")
    for kind in total:
        print(f"  {kind:<18} {agree[kind]:>3}/{total[kind]}")
    print(f"  all fields         {sum(agree.values())}/{sum(total.values())}")
    assert not extra, f"fields the hand transcription does not have: {extra}"
    assert not wrong, "\n".join(wrong)


def test_the_import_is_a_draft_that_applies_to_748_like_the_hand_transcription(imported):
    _, _, got, path = imported
    assert got.status == "draft"
    plan = load_plan(ROOT / "plans" / "base" / "748.yaml")
    draft_as_adopted = FiledAmendment(got.model_copy(update={"status": "adopted"}), path)
    by_import = consolidate(plan, [draft_as_adopted]).latest.plan
    by_hand = consolidate(plan, [FiledAmendment(load_amendment(HAND), HAND)]).latest.plan
    assert [str(r.number) for r in by_import.rows] == [str(r.number) for r in by_hand.rows]
    assert {str(r.number): r.cells for r in by_import.rows} == {str(r.number): r.cells for r in by_hand.rows}
    assert {c: a.expansion for c, a in by_import.abbreviations.items()} == {
        c: a.expansion for c, a in by_hand.abbreviations.items()
    }


def test_every_guess_is_marked_for_review_in_the_yaml_and_listed(imported):
    draft, text, _, _ = imported
    marks = [line for line in text.splitlines() if line.strip().startswith(f"# {REVIEW_MARK}")]
    assert len(marks) == len(draft.reviews) > 0
    # The two measure tails printed after their row's other cells (page breaks) are guesses.
    tails = [r for r in draft.reviews if "after the row's last cell" in r.message]
    assert sorted(r.where for r in tails) == ["row 37-2, measure", "row 37-4, measure"]


def test_the_importer_holds_no_text_of_392s_rows():
    """The rows are rebuilt by general rules: no three consecutive words of a 392 measure or form are in the code.

    (Deadlines, costs and funding are general vocabulary of such plans, which the importer may know.)
    """
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "amend" / "importer").glob("*.py"))
    source = " ".join(re.findall(r"\w[\w-]*", source.lower()))
    want = load_amendment(HAND)
    phrases = set()
    for op in want.operations:
        rows = getattr(op, "rows", None) or ([op] if hasattr(op, "cells") else [])
        for row in rows:
            for column, value in row.cells.items():
                if isinstance(value, Unknown) or column not in ("measure", "form"):
                    continue
                words = re.findall(r"\w[\w-]*", value.lower())
                phrases.update(" ".join(words[k : k + 3]) for k in range(len(words) - 2))
    found = sorted(p for p in phrases if f" {p} " in f" {source} ")
    assert not found, f"the importer code quotes 392's rows: {found}"


def test_cli_import_writes_the_draft_atomically_and_never_overwrites(tmp_path):
    runner = CliRunner()
    target = tmp_path / "392.yaml"
    first = runner.invoke(app, ["import", str(SEED), "--plan", "748", "-o", str(target), "--root", str(ROOT)])
    assert first.exit_code == 0, first.output
    assert "place(s) to review" in first.stderr and "row 37-2, measure" in first.stderr
    assert load_amendment(target).status == "draft"
    assert [p.name for p in tmp_path.iterdir()] == ["392.yaml"]  # no temporary file left behind
    target.write_text("# edited by hand\n", encoding="utf-8")
    again = runner.invoke(app, ["import", str(SEED), "-o", str(target), "--root", str(ROOT)])
    assert again.exit_code == 1 and "--force" in again.stderr
    assert target.read_text(encoding="utf-8") == "# edited by hand\n"
    forced = runner.invoke(app, ["import", str(SEED), "-o", str(target), "--force", "--root", str(ROOT)])
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# Draft imported")


def test_cli_import_without_output_prints_the_draft(tmp_path):
    result = CliRunner().invoke(app, ["import", str(SEED), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Draft imported") and "status: draft" in result.stdout
    assert "amending plan 748" in result.stderr
