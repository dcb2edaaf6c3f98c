"""JSON Schema for plan and amendment files: current, valid, and in step with the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator, FormatChecker
from typer.testing import CliRunner

from amend import RowNumber
from amend.cli.app import app
from amend.engine.unknown import UNKNOWN
from amend.store.schema import SCHEMA_FILES, schema_texts
from amend.store.yaml_io import read_yaml

SCHEMA_DIR = ROOT / "schema"
PLAN_FILES = sorted((ROOT / "plans" / "base").glob("*.yaml"))
AMENDMENT_FILES = sorted((ROOT / "plans" / "amendments").glob("*.yaml"))


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def as_json(value: Any) -> Any:
    """File data as the schema sees it in JSON: an unknown is null."""
    if value is UNKNOWN:
        return None
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def as_language_server(value: Any) -> Any:
    """File data as a YAML language server sees it with `!unknown scalar` configured: an empty string."""
    if value is UNKNOWN:
        return ""
    if isinstance(value, dict):
        return {k: as_language_server(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_language_server(v) for v in value]
    return value


def errors(v: Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(data)]


def test_the_committed_schema_files_are_what_amend_schema_writes():
    for name, text in schema_texts().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"run `amend schema` ({name} is stale)"


def test_the_schemas_are_valid_draft_2020_12():
    for name in SCHEMA_FILES:
        Draft202012Validator.check_schema(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", PLAN_FILES + AMENDMENT_FILES, ids=lambda p: p.name)
def test_every_shipped_file_validates_as_json_and_as_a_language_server_reads_it(path: Path):
    v = validator("plan.schema.json" if path.parent.name == "base" else "amendment.schema.json")
    data = read_yaml(path)
    assert errors(v, as_json(data)) == []
    assert errors(v, as_language_server(data)) == []


@pytest.mark.parametrize("path", PLAN_FILES + AMENDMENT_FILES, ids=lambda p: p.name)
def test_every_shipped_file_names_its_schema_on_its_first_line(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    kind = "plan" if path.parent.name == "base" else "amendment"
    assert first == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"
    assert (path.parent / "../../schema" / f"{kind}.schema.json").resolve().is_file()


def test_the_schema_rejects_what_the_models_reject():
    v = validator("amendment.schema.json")
    good = as_json(read_yaml(ROOT / "plans/amendments/392.yaml"))
    assert errors(v, good) == []
    unknown_op = json.loads(json.dumps(good))
    unknown_op["operations"][0]["op"] = "rewrite_row"
    assert errors(v, unknown_op)
    extra_key = json.loads(json.dumps(good))
    extra_key["operations"][0]["colour"] = "red"
    assert errors(v, extra_key)
    bad_column = json.loads(json.dumps(good))
    bad_column["operations"][0]["cells"]["Measure"] = "x"  # column ids are lower-case identifiers
    assert errors(v, bad_column)
    bad_date = json.loads(json.dumps(good))
    bad_date["act"]["date"] = "2025-02-30"
    assert errors(v, bad_date)
    blank = json.loads(json.dumps(good))
    blank["operations"][0]["cells"]["measure"] = "   "
    assert errors(v, blank)


def test_the_plan_schema_takes_the_note_as_plain_lines_and_unknown_expansions():
    v = validator("plan.schema.json")
    data = as_json(read_yaml(ROOT / "plans/base/748.yaml"))
    assert data["abbreviations"]["ОМ"] is None  # 748 does not give ОМ's expansion
    assert errors(v, data) == []
    data["abbreviations"]["ОМ"] = 5
    assert errors(v, data)


@pytest.mark.parametrize("text", ["6", "23-1", "29-3", "1-2-3", "06", "0", "23-", "-1", "23-0", "6.", "a", "23 1", ""])
def test_row_numbers_the_schema_accepts_are_those_rownumber_accepts(text: str):
    v = validator("amendment.schema.json")
    row_schema = {"$defs": v.schema["$defs"], **v.schema["$defs"]["DeleteRow"]["properties"]["row"]}
    try:
        RowNumber(text)
        accepted = True
    except ValueError:
        accepted = False
    assert Draft202012Validator(row_schema).is_valid(text) == accepted


def test_amend_schema_writes_the_files_and_check_tells_a_stale_one(tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(app, ["schema", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMA_FILES)
    assert runner.invoke(app, ["schema", str(tmp_path), "--check"]).exit_code == 0
    (tmp_path / "plan.schema.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["schema", str(tmp_path), "--check"])
    assert result.exit_code == 1 and "plan.schema.json" in result.stderr


def test_a_schema_file_in_another_encoding_is_stale_not_a_traceback(tmp_path: Path):
    runner = CliRunner()
    assert runner.invoke(app, ["schema", str(tmp_path)]).exit_code == 0
    (tmp_path / "plan.schema.json").write_bytes(b"\xff\xfe{\x00}\x00")
    stale = runner.invoke(app, ["schema", str(tmp_path), "--check"])
    assert stale.exit_code == 1 and "plan.schema.json is not what `amend schema` would write" in stale.stderr
    assert runner.invoke(app, ["schema", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["schema", str(tmp_path), "--check"]).exit_code == 0


LIFECYCLE_FILES = sorted((ROOT / "tests" / "fixtures" / "lifecycle").glob("*/amendments/*.yaml"))


@pytest.mark.parametrize("path", LIFECYCLE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_the_acts_that_amend_acts_of_the_lifecycle_corpus_validate_against_the_schema(path: Path):
    v = validator("amendment.schema.json")
    data = read_yaml(path)
    assert errors(v, as_json(data)) == []
    assert errors(v, as_language_server(data)) == []


def test_the_amendment_schema_names_every_operation_on_acts_and_rejects_a_malformed_one():
    v = validator("amendment.schema.json")
    data = as_json(read_yaml(LIFECYCLE_FILES[0]))
    for op in (
        {"op": "reschedule_act", "act": "392", "date": "2025-06-30"},
        {"op": "correct_act", "act": "392", "operation": 1, "old": "а", "new": "б", "occurrences": 1},
        {"op": "repeal_act", "act": "392", "operations": [1, 2]},
    ):
        assert errors(v, {**data, "operations": [op]}) == []
    assert errors(v, {**data, "operations": [{"op": "repeal_act", "act": "392", "operations": [0]}]}) != []
    assert errors(v, {**data, "operations": [{"op": "reschedule_act", "act": "392"}]}) != []


def test_every_operation_is_in_the_amendment_schema():
    """Each kind of operation of the model can be written against the schema."""
    from typing import get_args

    from amend.engine.operations import Operation

    union = get_args(get_args(Operation)[0])
    kinds = {get_args(cls.model_fields["op"].annotation)[0] for cls in union}
    assert {"replace_text", "renumber", "move_row", "add_column", "delete_section", "replace_words_in"} <= kinds
    text = (SCHEMA_DIR / "amendment.schema.json").read_text(encoding="utf-8")
    missing = [k for k in sorted(kinds) if f'"const": "{k}"' not in text]
    assert missing == []
