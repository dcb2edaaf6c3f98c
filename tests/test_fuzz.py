"""Fuzzing: mutants of the shipped YAML files (bytes and structure) through ``check`` and then ``build``.

Whatever a mutant holds, each command exits 0 or 1, never with a traceback; ``check`` writes nothing,
and a ``build`` that fails leaves ``consolidated/`` as it was. CI runs a bounded number of examples;
a longer run (see README, "Fuzzing"):

    AMEND_FUZZ_EXAMPLES=2000 python -m pytest -q -p no:cacheprovider tests/test_fuzz.py
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from conftest import ROOT, internal_words, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from amend.cli.app import app
from amend.store.yaml_io import dump_yaml, read_yaml

EXAMPLES = int(os.environ.get("AMEND_FUZZ_EXAMPLES", "20"))
FILES = ["plans/amendments/392.yaml", "plans/base/748.yaml", "plans/base/156.yaml"]
runner = CliRunner()

# Values a mutated field may take: the awkward ones a hand or a tool might write.
ODD_TEXTS = [
    "",
    "-",
    "- тізім",
    "=1+1",
    "+7",
    "@x",
    "<b>x</b>",
    "../..",
    "/tmp/x",
    "6/7",
    "\u200b",
    "\u202e",
    "\x00",
    "\t",
    "23-1",
    "0",
    "2025-02-30",
    "30.05.2025",
    "ОМ\u200b",
    "К" * 200,
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True),
    st.sampled_from(ODD_TEXTS),
    st.text(max_size=30),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a node of the document (keys and indices)."""
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            found += _paths(child, (*prefix, i))
    return found


def _structural(data: Any, draw: st.DrawFn) -> Any:
    paths = [p for p in _paths(data) if p]
    path = draw(st.sampled_from(paths))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    action = draw(st.sampled_from(["delete", "replace", "duplicate", "rename"]))
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = draw(values)
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["colums", "rw", "<<", "op", "plan", "number", "x"]))] = parent.pop(last)
    return data


@st.composite
def mutants(draw: st.DrawFn) -> tuple[str, bytes]:
    """A shipped file and mutated bytes for it."""
    rel = draw(st.sampled_from(FILES))
    original = (ROOT / rel).read_bytes()
    kind = draw(st.sampled_from(["bytes", "structure"]))
    if kind == "structure":
        data = _structural(read_yaml(ROOT / rel), draw)
        return rel, dump_yaml(data).encode("utf-8") if data is not None else b""
    data = bytearray(original)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"]))
        if action == "flip" and data:
            data[at] = draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            data[at:at] = draw(
                st.binary(min_size=1, max_size=8)
                | st.sampled_from([b"&a ", b"*a", b"<<: ", b"[", b"\xef\xbb\xbf", b"!unknown "])
            )
        elif action == "delete":
            del data[at : at + draw(st.integers(min_value=1, max_value=40))]
        elif action == "truncate":
            del data[at:]
        else:
            data[at:at] = data[max(0, at - 30) : at]
    return rel, bytes(data)


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(mutants())
def test_a_mutant_gives_exit_0_or_1_no_traceback_and_nothing_written_on_failure(mutant: tuple[str, bytes]):
    rel, content = mutant
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        for name in ("plans", "consolidated"):
            shutil.copytree(ROOT / name, root / name)
        (root / rel).write_bytes(content)
        before = snapshot(root)

        checked = runner.invoke(app, ["check", "--root", str(root)])
        assert checked.exit_code in (0, 1), checked.output
        assert checked.exception is None or isinstance(checked.exception, SystemExit), repr(checked.exception)
        assert "Traceback" not in checked.output
        assert internal_words(checked.output) == [], checked.output
        assert snapshot(root) == before

        built = runner.invoke(app, ["build", "--root", str(root)])
        assert built.exit_code in (0, 1), built.output
        assert built.exception is None or isinstance(built.exception, SystemExit), repr(built.exception)
        assert "Traceback" not in built.output
        if built.exit_code == 1:
            assert snapshot(root) == before
            assert "error [" in built.stderr
