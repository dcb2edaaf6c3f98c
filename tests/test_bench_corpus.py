"""The benchmark's generator writes corpora that the engine accepts, the same for the same seed."""

from __future__ import annotations

from pathlib import Path

from amend import Repository
from amend.ci.check import check
from amend.outputs.consolidated import build
from bench.corpus import CorpusSize, write_corpus

SIZE = CorpusSize(plans=3, amendments_per_plan=12, operations_per_amendment=5, rows_per_plan=25)


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_a_generated_corpus_builds_and_then_checks_clean(tmp_path: Path):
    write_corpus(tmp_path, SIZE, seed=7)
    repo = Repository(tmp_path)
    build(repo)
    assert check(Repository(tmp_path)) == []
    ops = {o.op for f in repo.amendments for o in f.amendment.operations}
    assert {"replace_row", "insert_rows", "replace_words", "replace_cells", "add_abbreviations"} <= ops
    assert any(f.amendment.entry_into_force.rule == "after_publication" for f in repo.amendments)


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path):
    write_corpus(tmp_path / "a", SIZE, seed=7)
    write_corpus(tmp_path / "b", SIZE, seed=7)
    assert files(tmp_path / "a") == files(tmp_path / "b")
