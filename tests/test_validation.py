"""Schema problems in the user's words: each at its place, every one of a file, counted from 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, internal_words
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from amend.cli.app import app
from amend.errors import SchemaError
from amend.store.loading import load_amendment, load_plan

A392 = (ROOT / "plans" / "amendments" / "392.yaml").read_text(encoding="utf-8")
B748 = (ROOT / "plans" / "base" / "748.yaml").read_text(encoding="utf-8")


def _errors(tmp_path: Path, text: str, name: str = "392.yaml") -> list[SchemaError]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        (load_plan if name == "748.yaml" else load_amendment)(path)
    return info.value.every()


def _place(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_an_empty_cell_is_named_by_operation_row_and_cell_and_says_what_to_write(tmp_path):
    text = A392.replace('form: "ақпараттық науқан"', 'form: ""', 1)
    [err] = _errors(tmp_path, text)
    assert err.message == (
        "operation 1 (replace_row), row 6, cell `form`: empty; write the text, or `!unknown` where no source gives it"
    )


def test_a_value_left_out_is_placed_at_its_key_not_on_the_next_line(tmp_path):
    text = A392.replace('form: "ақпараттық науқан"', "form:", 1)
    [err] = _errors(tmp_path, text)
    assert err.location is not None
    assert (err.location.line, err.location.column) == _place(text, "form:")


def test_every_problem_of_a_file_is_reported_each_at_its_place_in_file_order(tmp_path):
    text = (
        A392.replace('form: "ақпараттық науқан"', 'form: ""', 1)
        .replace("status: adopted", "status: adoptd")
        .replace('      КМ: "Қазақстан Республикасы Көлік министрлігі"', "      КМ: 5")
    )
    errors = _errors(tmp_path, text)
    assert [e.message for e in errors] == [
        "`status`: must be one of 'adopted' or 'draft', got 'adoptd'",
        "operation 1 (replace_row), row 6, cell `form`: empty; write the text, or `!unknown` where no source gives it",
        "operation 11 (add_abbreviations), abbreviation `КМ`: must be a text, got 5 (quote it in YAML)",
    ]
    places = [(e.location.line, e.location.column) for e in errors if e.location]
    assert places == [_place(text, "adoptd"), _place(text, '""'), _place(text, "5\n")]


def test_check_prints_every_problem_and_its_json_lists_them_all(repo_copy):
    path = repo_copy / "plans" / "amendments" / "392.yaml"
    path.write_text(
        A392.replace('form: "ақпараттық науқан"', 'form: ""', 1).replace("status: adopted", "status: adoptd"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", "--root", str(repo_copy)])
    assert result.exit_code == 1
    assert result.stderr.count("error [schema]") == 2
    assert "more problem" not in result.stderr
    as_json = CliRunner().invoke(app, ["check", "--root", str(repo_copy), "--format", "json"])
    assert [p["line"] for p in json.loads(as_json.stdout)["problems"]] == [13, 24]


def test_a_missing_key_is_named_and_placed_at_the_mapping_that_lacks_it(tmp_path):
    text = A392.replace('    row: "6"\n', "", 1)
    [err] = _errors(tmp_path, text)
    assert err.message == "operation 1 (replace_row): `row` is missing; add it (docs/format.md lists the keys)"
    assert err.location is not None
    assert (err.location.line, err.location.column) == _place(text, "op: replace_row")


def test_a_misspelt_key_is_reported_once_as_the_misspelling(tmp_path):
    [err] = _errors(tmp_path, A392.replace('    row: "6"\n', '    rw: "6"\n', 1))
    assert err.message == "unknown key 'rw' (did you mean 'row'?) in operation 1 (replace_row)"


def test_a_key_of_the_wrong_kind_is_named_as_a_key_and_placed_at_it(tmp_path):
    text = A392.replace('      КМ: "Қазақстан', '      123: "Қазақстан')
    [err] = _errors(tmp_path, text)
    assert (
        err.message
        == "operation 11 (add_abbreviations), the key 123 of `entries`: must be a text, got 123 (quote it in YAML)"
    )
    assert err.location is not None
    assert (err.location.line, err.location.column) == _place(text, "123:")


def test_a_row_of_the_plan_is_named_by_its_number(tmp_path):
    text = B748.replace(
        '  - number: "6"        # replaced by 392\n    section: "1"',
        '  - number: "6"        # replaced by 392\n    section: 1.5',
    )
    messages = [e.message for e in _errors(tmp_path, text, "748.yaml")]
    assert messages and all(m.startswith("row 6") for m in messages), messages


def test_dates_name_the_key_path_and_the_form_to_write(tmp_path):
    [err] = _errors(tmp_path, A392.replace("date: 2025-05-30", "date: 2025-02-30", 1))
    assert err.message.startswith("`act.date`: '2025-02-30' is not a day of the calendar")
    assert err.message.endswith("write it as YYYY-MM-DD")


CELL_VALUES = st.one_of(
    st.none(),
    st.just(""),
    st.integers(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=40, deadline=None)
@given(key=st.sampled_from(["form", "deadline", "measure", "executors"]), value=CELL_VALUES)
def test_no_message_about_a_bad_cell_holds_pydantic_words_or_a_place_counted_from_0(tmp_path_factory, key, value):
    from amend.store.yaml_io import dump_yaml, read_yaml

    tmp = tmp_path_factory.mktemp("cell")
    source = tmp / "source.yaml"
    source.write_text(A392, encoding="utf-8")
    data = read_yaml(source)
    data["operations"][0]["cells"][key] = value
    errors = _errors(tmp, dump_yaml(data))
    for err in errors:
        assert internal_words(err.format()) == [], err.format()
        assert "operation 1 (replace_row), row 6" in err.message
