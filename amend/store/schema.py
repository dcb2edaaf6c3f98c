"""JSON Schema for plan files and amendment files, generated from the pydantic models.

Editors with a YAML language server read it (``# yaml-language-server: $schema=...`` on a file's first
line) to validate and complete a file while it is typed. The schema is an aid, not the judge:
``amend check`` is. Two things the models check cannot be said in a schema a language server reads:

* ``!unknown`` is a YAML tag. The loader turns it into the UNKNOWN sentinel; a language server that is
  told of the tag (``yaml.customTags: ["!unknown scalar"]``) sees the tagged scalar's value, an empty
  string; the JSON form of an unknown is null. So wherever the model takes UNKNOWN, the schema takes
  null or the empty string. That also lets a bare ``""`` or ``~`` pass the schema; ``amend check``
  rejects both, so that a blank can never pass for an unknown.
* Row numbers are checked by a function (``RowNumber``); the schema restates their shape as a pattern.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from amend.engine.amendment import Amendment
from amend.engine.model import Plan
from amend.engine.numbers import RowNumber
from amend.engine.unknown import Unknown

__all__ = ["ROW_NUMBER_SCHEMA", "SCHEMA_FILES", "UNKNOWN_SCHEMA", "file_schema", "schema_texts", "write_schemas"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

UNKNOWN_SCHEMA: dict[str, Any] = {
    "description": (
        "!unknown: a text that exists but that no source gives. A language server sees the tagged "
        "scalar as an empty string, JSON as null; amend check accepts only the tag itself."
    ),
    "anyOf": [{"type": "null"}, {"const": ""}],
}

# The shape RowNumber accepts: 6, 23-1, 29-3 (no leading zeros); a plain integer is accepted too.
ROW_NUMBER_SCHEMA: dict[str, Any] = {
    "description": 'A row number such as "6" or "23-1" (quote it; a plain integer is accepted).',
    "anyOf": [{"type": "string", "pattern": "^[1-9][0-9]*(-[1-9][0-9]*)*$"}, {"type": "integer", "minimum": 1}],
}

# Fields the engine fills in the versions it builds; a file written by hand leaves them out.
_ENGINE_FIELDS = {
    "history": "written by amend build in consolidated versions; leave it out of plan and amendment files",
    "deleted_rows": "written by amend build in consolidated versions; leave it out of plan files",
    "repealed": "written by amend build in consolidated versions; leave it out of plan files",
    "texts_history": "written by amend build in consolidated versions; leave it out of plan files",
    "renumbered": "written by amend build in consolidated versions; leave it out of plan files",
    "uid": "the identity of a renumbered element, written by amend build; leave it out of plan files",
}

# File name in the output folder -> (model, title).
SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "plan.schema.json": (Plan, "amend base plan file (plans/base/<number>.yaml)"),
    "amendment.schema.json": (Amendment, "amend amendment file (plans/amendments/<number>.yaml)"),
}


class _FileSchema(GenerateJsonSchema):
    """Pydantic's generator, taught the two types it cannot describe by itself."""

    def is_instance_schema(self, schema: core_schema.IsInstanceSchema) -> JsonSchemaValue:
        if schema["cls"] is Unknown:
            return copy.deepcopy(UNKNOWN_SCHEMA)
        return super().is_instance_schema(schema)

    def function_plain_schema(self, schema: core_schema.PlainValidatorFunctionSchema) -> JsonSchemaValue:
        if getattr(schema["function"]["function"], "__module__", None) == RowNumber.__module__:
            return copy.deepcopy(ROW_NUMBER_SCHEMA)
        return super().function_plain_schema(schema)


def _hoist_unknown(node: Any) -> Any:
    """Every inline unknown schema replaced by a reference to one definition (a shorter, clearer file)."""
    if node == UNKNOWN_SCHEMA:
        return {"$ref": "#/$defs/Unknown"}
    if isinstance(node, dict):
        return {k: _hoist_unknown(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_hoist_unknown(v) for v in node]
    return node


def _tighten(node: Any) -> None:
    """Say in the schema what the models add: closed key patterns, and which fields the engine fills."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            # A dict whose keys pydantic checks (column ids): a key that does not match is an error there.
            node["additionalProperties"] = False
        props = node.get("properties")
        if isinstance(props, dict):
            for name, text in _ENGINE_FIELDS.items():
                if isinstance(props.get(name), dict):
                    props[name]["description"] = text
        for v in node.values():
            _tighten(v)
    elif isinstance(node, list):
        for v in node:
            _tighten(v)


def file_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    schema = model.model_json_schema(mode="validation", schema_generator=_FileSchema)
    if model is Plan:
        # A plan file writes its note as plain `code: expansion` lines (Plan._expansions turns them
        # into Abbreviation objects); the generated schema knows only the object form.
        expansion = schema["$defs"]["Abbreviation"]["properties"]["expansion"]
        schema["properties"]["abbreviations"]["additionalProperties"] = {
            "anyOf": [expansion, {"$ref": "#/$defs/Abbreviation"}]
        }
    _tighten(schema)
    schema = _hoist_unknown(schema)
    schema["$defs"]["Unknown"] = copy.deepcopy(UNKNOWN_SCHEMA)
    return {"$schema": DIALECT, **{k: v for k, v in schema.items() if k != "title"}, "title": title}


def schema_texts() -> dict[str, str]:
    """Each schema file's name and exact content (deterministic, so a test can tell a stale file)."""
    return {
        name: json.dumps(file_schema(model, title), ensure_ascii=False, indent=2) + "\n"
        for name, (model, title) in SCHEMA_FILES.items()
    }


def write_schemas(folder: Path) -> tuple[list[Path], list[Path]]:
    """Write the schema files into ``folder``; returns (written, unchanged). A file is rewritten only if it changes."""
    from amend.store.writing import write_atomic

    written, unchanged = [], []
    for name, text in schema_texts().items():
        path = folder / name
        # Bytes, not text: a file in another encoding is simply not the same file (and is rewritten).
        if path.is_file() and path.read_bytes() == text.encode("utf-8"):
            unchanged.append(path)
        else:
            write_atomic(path, text)
            written.append(path)
    return written, unchanged
