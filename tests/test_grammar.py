"""The grammar of the amending formulas: one case per production, and what it must not derive.

The cases are data (tests/fixtures/grammar/<kind>.yaml: each sentence's text, the values it must give, and
what the case is about); this module only reads them and parses each text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from amend.importer.act import sentences
from amend.importer.act.grammar import parse_paragraph

CASES = Path(__file__).parent / "fixtures" / "grammar"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data


def _cases(*, kind: str | None = "", leave_out: tuple[str | None, ...] = ()) -> list[Any]:
    """Every case of the fixture files (of ``kind`` when it is given), each with an id naming file and index."""
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path)
        if (kind != "" and data["kind"] != kind) or data["kind"] in leave_out:
            continue
        for n, case in enumerate(data["cases"], 1):
            out.append(pytest.param(data["kind"], case, id=f"{path.stem}-{n}"))
    return out


def _pairs(values: dict[str, Any]) -> dict[str, Any]:
    # YAML has no tuples: the (old, new) pairs are written as lists of two.
    if "pairs" in values:
        return {**values, "pairs": [tuple(p) for p in values["pairs"]]}
    return values


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


@pytest.mark.parametrize(("kind", "case"), _cases(leave_out=("entry", None)))
def test_each_production_reads_its_formula(kind, case):
    formula = parse_paragraph(case["text"])
    assert formula is not None and formula.kind == kind, (case, formula)
    for key, value in _pairs(case["values"]).items():
        assert formula.values[key] == value, (key, case)


@pytest.mark.parametrize(("kind", "case"), _cases(kind="entry"))
def test_entry_into_force_staggered_included(kind, case):
    formula = parse_paragraph(case["text"])
    assert isinstance(formula, sentences.Commencement) and formula.kind == kind
    clause = formula.clause
    expected = (_tuples(case["rule"]), _tuples(case["exceptions"]), _tuples(case["later"]))
    assert (clause.rule, clause.exceptions, clause.later) == expected


@pytest.mark.parametrize(("kind", "case"), _cases(kind=None))
def test_a_paragraph_the_grammar_does_not_derive_is_no_formula(kind, case):
    assert parse_paragraph(case["text"]) is None


def test_every_sentence_class_has_its_cases():
    # A sentence class the grammar gives and no fixture reads would be untested: each kind has a file.
    classes = [c for c in vars(sentences).values() if isinstance(c, type) and issubclass(c, sentences.Sentence)]
    kinds = {c.kind for c in classes if c is not sentences.Sentence}
    files = {_load(path)["kind"] for path in CASES.glob("*.yaml")}
    assert len(kinds) == 37 and kinds <= files and all(_load(p)["cases"] for p in CASES.glob("*.yaml"))
