"""The grammars of the amending formulas, Kazakh and Russian: one case per production, and what they must not derive.

The cases are data: tests/fixtures/grammar/<kind>.yaml for the Kazakh grammar, tests/fixtures/grammar/ru/<kind>.yaml
for the Russian one, in one format (each sentence's text, the values it must give, what the case is about; a
Russian case also names its Kazakh twin, which must read as the same formula). This module only reads them and
parses each text with its language's grammar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from amend.importer.act import sentences
from amend.importer.act.grammar import parse_paragraph
from amend.importer.act.russian import parse_russian

CASES = Path(__file__).parent / "fixtures" / "grammar"
# Each language: the folder of its cases and its grammar's reader of one paragraph.
LANGUAGES: dict[str, tuple[Path, Callable[[str], sentences.Sentence | None]]] = {
    "kk": (CASES, parse_paragraph),
    "ru": (CASES / "ru", parse_russian),
}
# The values a Russian sentence and its Kazakh twin give in their own language's words; the rest is the same.
WORDED = ("title", "subsection_title", "lead", "position", "text")


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data


def _cases(*, twins: bool = False) -> list[Any]:
    """Every case of the fixture files of each language, each with an id naming language, file and index
    (``twins``: the Russian cases that name a Kazakh twin)."""
    out = []
    for lang, (folder, _) in LANGUAGES.items():
        for path in sorted(folder.glob("*.yaml")):
            data = _load(path)
            for n, case in enumerate(data["cases"], 1):
                if not twins or "twin" in case:
                    out.append(pytest.param(lang, data["kind"], case, id=f"{lang}-{path.stem}-{n}"))
    return out


def _tuples(value: Any) -> Any:
    # YAML has no tuples: the (old, new) pairs and the clauses' references are written as lists.
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _pairs(values: dict[str, Any]) -> dict[str, Any]:
    if "pairs" in values:
        return {**values, "pairs": [tuple(p) for p in values["pairs"]]}
    return values


@pytest.mark.parametrize(("lang", "kind", "case"), _cases())
def test_each_sentence_reads_as_its_case_says(lang, kind, case):
    sentence = LANGUAGES[lang][1](case["text"])
    if kind is None:
        assert sentence is None, case
        return
    assert sentence is not None and sentence.kind == kind, (case, sentence)
    if kind == "entry":
        assert isinstance(sentence, sentences.Commencement)
        clause = sentence.clause
        expected = (_tuples(case["rule"]), _tuples(case["exceptions"]), _tuples(case["later"]))
        assert (clause.rule, clause.exceptions, clause.later) == expected, case
        assert sentence.paragraphs == _tuples(case.get("paragraphs", [])), case
        return
    for key, value in _pairs(case["values"]).items():
        assert sentence.values[key] == value, (key, case)


@pytest.mark.parametrize(("lang", "kind", "case"), _cases(twins=True))
def test_each_russian_sentence_reads_as_its_kazakh_twin(lang, kind, case):
    russian, kazakh = parse_russian(case["text"]), parse_paragraph(case["twin"])
    assert russian is not None and kazakh is not None and kazakh.kind == russian.kind == kind, case
    if isinstance(russian, sentences.Commencement) and isinstance(kazakh, sentences.Commencement):
        a, b = kazakh.clause, russian.clause
        assert (b.rule, b.exceptions, b.later) == (a.rule, a.exceptions, a.later), case
        return
    same = {k: v for k, v in kazakh.values.items() if k not in WORDED}
    assert {k: v for k, v in russian.values.items() if k not in WORDED} == same, case


def test_every_sentence_class_has_its_cases():
    # A sentence class the grammar gives and no fixture reads would be untested: each kind has a file.
    classes = [c for c in vars(sentences).values() if isinstance(c, type) and issubclass(c, sentences.Sentence)]
    kinds = {c.kind for c in classes if c is not sentences.Sentence}
    files = {_load(path)["kind"] for path in CASES.glob("*.yaml")}
    assert len(kinds) == 37 and kinds <= files and all(_load(p)["cases"] for p in CASES.rglob("*.yaml"))
