"""Loading files into models (amend.store.loading): the first problem, placed, an unknown key first."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from amend.errors import SchemaError
from amend.store.loading import load_amendment, load_plan


def _broken(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    text = (ROOT / rel).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / Path(rel).name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_misspelt_key_is_reported_as_unknown_with_the_key_it_may_mean(tmp_path: Path):
    path = _broken(tmp_path, "plans/base/748.yaml", "columns:\n", "colums:\n")
    with pytest.raises(SchemaError) as info:
        load_plan(path)
    err = info.value
    # The misspelling is the cause; the "missing" columns it entails is not counted as another problem.
    assert err.message == "unknown key 'colums' (did you mean 'columns'?)"
    assert (err.location.line, err.location.column) == (18, 1)


def test_a_misspelt_key_deep_in_an_operation_names_where_it_is(tmp_path: Path):
    path = _broken(tmp_path, "plans/amendments/392.yaml", '    row: "6"\n', '    rw: "6"\n')
    with pytest.raises(SchemaError) as info:
        load_amendment(path)
    assert info.value.message == "unknown key 'rw' (did you mean 'row'?) in operation 1 (replace_row)"
    assert info.value.location.source_line == '    rw: "6"'


def test_a_key_like_none_gets_no_guess(tmp_path: Path):
    path = _broken(tmp_path, "plans/amendments/392.yaml", "status: adopted\n", "status: adopted\nflavour: x\n")
    with pytest.raises(SchemaError) as info:
        load_amendment(path)
    assert info.value.message == "unknown key 'flavour'"


def test_an_empty_file_says_so(tmp_path: Path):
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    with pytest.raises(SchemaError, match="got an empty file"):
        load_amendment(path)
