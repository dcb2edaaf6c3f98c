"""The lean readers (``amend.store.yaml_lean``) against ruamel's own loaders, because ``CParser`` is an internal.

``load`` must give exactly the data (types included) of ``YAML(typ='safe')`` as ``yaml_io`` configures it,
or leave the document to it (``Unusual``); ``positions`` must place every path exactly where the
round-trip loader's ``CommentedMap``/``CommentedSeq`` marks do. Checked on every YAML file of the
repository, on the hostile-input corpus and on generated documents, broken ones included.
"""

from __future__ import annotations

import math
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from amend import UNKNOWN
from amend.errors import AmendError
from amend.store import yaml_io, yaml_lean
from amend.store.inputs import decode, scan_structure
from amend.store.yaml_io import SourceMap, _deepest, _deepest_lean, _load, _positional, _safe_load

# -- comparing outcomes ----------------------------------------------------------------------------


def typed(value: Any) -> Any:
    """``value`` with the type of every part spelled out: 1, 1.0 and True differ, NaN equals NaN."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else repr(value))
    return (type(value).__name__, value)


def outcome(read: Any, text: str) -> tuple[Any, ...]:
    """What ``read(text)`` gives: its typed data, or its error's class, problem and place."""
    try:
        return ("data", typed(read(text)))
    except RecursionError:
        return ("RecursionError",)
    except Exception as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        place = None if mark is None else (mark.line, mark.column)
        return (type(exc).__name__, getattr(exc, "problem", str(exc)), place)


def lean_load_agrees(text: str) -> bool:
    """The lean loader gives the safe loader's data or steps aside; True if it read the document itself."""
    safe = outcome(_safe_load, text)
    try:
        lean = ("data", typed(yaml_lean.load(text)))
    except yaml_lean.Unusual:
        lean = None
    if lean is not None:
        assert lean == safe, text
    # What read_yaml uses: the lean reader, then the safe one for what it leaves aside.
    assert outcome(_load, text) == safe, text
    return lean is not None


def paths_of(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key and index path of ``data``, and beside each a step that names nothing there."""
    yield prefix
    yield (*prefix, "no-such-key")
    yield (*prefix, 10**6)
    if len(prefix) > 2 * yaml_lean.MAX_NESTING:
        return  # the lean readers step aside long before: deeper paths say nothing more
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths_of(value, (*prefix, key))
            # pydantic puts union tags between real steps: they are skipped.
            yield (*prefix, "function-after[check(), Row]", key)
    elif isinstance(data, list):
        yield (*prefix, -1)
        yield (*prefix, True)  # a bool is an int: index 1, on both sides
        for i, value in enumerate(data):
            yield from paths_of(value, (*prefix, i))


def positions_agree(text: str, paths: list[tuple[Any, ...]]) -> bool:
    """Every path placed by the lean positions as by the round-trip loader; True if the lean reader read it."""
    try:
        lean = yaml_lean.positions(text)
    except yaml_lean.Unusual:
        return False  # SourceMap then uses the round-trip loader itself
    rt = _positional().load(text)  # must not fail where the lean reader did not step aside
    for path in paths:
        for at_key in (False, True):
            assert _deepest_lean(lean, path, at_key) == _deepest(rt, path, at_key), (path, at_key)
    return True


def placed_alike(text: str) -> bool:
    """``positions_agree`` on every path of the document's data (no path where the safe loader fails)."""
    try:
        data = _safe_load(text)
    except Exception:
        data = None
    return positions_agree(text, list(paths_of(data)))


def repo_yaml_files() -> list[Path]:
    """Every YAML file of the repository (plans, consolidated, fixtures, docs, tool configuration)."""
    files = [p for ext in ("*.yaml", "*.yml") for p in ROOT.rglob(ext)]
    return sorted(p for p in files if not any(part.startswith(".") for part in p.relative_to(ROOT).parts[:-1]))


REPO_FILES = repo_yaml_files()


def test_the_repository_has_yaml_files_to_compare():
    assert len(REPO_FILES) >= 60
    assert ROOT / "plans/base/748.yaml" in REPO_FILES


@pytest.mark.parametrize("path", REPO_FILES, ids=[str(p.relative_to(ROOT)) for p in REPO_FILES])
def test_lean_load_gives_the_safe_loaders_data_on_every_yaml_file_of_the_repository(path: Path):
    text = path.read_text(encoding="utf-8")
    read_lean = lean_load_agrees(text)
    if path.is_relative_to(ROOT / "plans") or path.is_relative_to(ROOT / "consolidated"):
        assert read_lean, "a plan file must not need the slow loader"


@pytest.mark.parametrize("path", REPO_FILES, ids=[str(p.relative_to(ROOT)) for p in REPO_FILES])
def test_lean_positions_place_every_path_of_every_yaml_file_as_the_round_trip_loader(path: Path):
    text = path.read_text(encoding="utf-8")
    read_lean = placed_alike(text)
    if path.is_relative_to(ROOT / "plans"):
        assert read_lean


def test_source_map_places_a_plan_path_with_the_lean_positions():
    path = ROOT / "plans/amendments/392.yaml"
    source = SourceMap(path)
    assert source.is_lean and source.node is None
    data = _safe_load(source.text)
    rt = _positional().load(source.text)
    step = ("operations", len(data["operations"]) - 1, "op")
    where = source.location(step)
    assert (where.line - 1, where.column - 1) == _deepest(rt, step)
    assert where.source_line is not None and "op:" in where.source_line


# -- the hostile-input corpus ----------------------------------------------------------------------


def _hostile_cases() -> list[Any]:
    from test_hostile_input import CASES

    return list(CASES)


HOSTILE = _hostile_cases()


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_lean_readers_agree_with_ruamel_on_every_hostile_input(case: Any, tmp_path: Path):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    before = {p: p.read_bytes() for p in (tmp_path / "plans").rglob("*") if p.is_file()}
    case.mutate(tmp_path)
    changed = [
        p
        for p in sorted((tmp_path / "plans").rglob("*"))
        if p.is_file() and not p.is_symlink() and before.get(p) != p.read_bytes()
    ]
    for path in changed:
        data = path.read_bytes()
        if len(data) > 2_000_000:
            data = data[:2_000_000]  # the huge-file case: its start is enough to compare readers on
        try:
            # What the readers are given: a text that passed the byte and character rules. (Those rules
            # refuse NEL, LS and PS, which libyaml and ruamel's pure reader break lines on differently.)
            text = decode(path, data)
        except AmendError:
            continue
        try:
            scan_structure(path, text)
        except AmendError:
            # read_yaml refuses it before any reader (an anchor, an alias, a merge key, deep nesting):
            # whatever the lean reader reads of it must still be the safe loader's data. (Not compared
            # when it steps aside: an alias bomb's data is too large to compare.)
            try:
                lean = yaml_lean.load(text)
            except yaml_lean.Unusual:
                continue
            assert typed(lean) == typed(_safe_load(text))
            continue
        lean_load_agrees(text)
        placed_alike(text)


# -- scalars of every kind -------------------------------------------------------------------------

PLAIN = [
    "012", "0o12", "0o", "0x1F", "0X1F", "0xfF_1", "0b101", "-0b1", "+12", "-12", "0", "-0", "+0", "00", "1_000",
    "1__0", "-1_0", "_", "0_", "1e5", "1E5", "-1e-5", "1.5e-3", "1.", ".5", "-.5", "1.2.3", "1_0.5",
    ".inf", "-.inf", "+.INF", ".Inf", ".nan", ".NaN", ".NAN", "-.nan", "nan", "inf", "~", "null", "Null", "NULL",
    "nULL", "", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "yes", "no", "on", "off", "y", "n", "Yes",
    "NO", "2020-02-10", "2025-02-30", "2020-2-1", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10",
    "12:30", "1:30:00", "0.1", "6183,9", "405-1", "2.2", "IV", "ДСМ", "балалар", "a b", "a:b", "é", "日本",
]  # fmt: skip


@pytest.mark.parametrize("scalar", PLAIN)
def test_every_kind_of_plain_scalar_is_read_lean_exactly_as_the_safe_loader_reads_it(scalar: str):
    texts = [f"a: {scalar}\n", f"- {scalar}\n", f"{scalar}\n"]
    if ":" not in scalar:  # in flow style a colon would make a pair of it
        texts += [f"[{scalar}]\n", f"{{k: {scalar}}}\n"]
    for text in texts:
        assert lean_load_agrees(text), text
    assert lean_load_agrees(f"'{scalar}': 1\n") and lean_load_agrees(f'"{scalar}": 1\n')


def test_the_unknown_tag_is_the_sentinel_and_quoted_texts_stay_texts():
    assert yaml_lean.load("a: !unknown\nb: '012'\nc: \"yes\"\nd: |\n  x\n  y\n") == {
        "a": UNKNOWN,
        "b": "012",
        "c": "yes",
        "d": "x\ny\n",
    }


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a duplicate key
        "1: a\n1.0: b\n",  # equal keys of two types
        "true: a\n1: b\n",
        ".nan: a\n.nan: b\n",  # one NaN object: ruamel finds it again
        "a: !unknown text\n",
        "a: !unknown [1]\n",
        "a: !!str 12\n",
        "a: !foo x\n",
        "a: ! 12\n",
        "a: &x 1\nb: *x\n",
        "a: &x [1]\n",
        "<<: {a: 1}\nb: 2\n",
        "a: <<\n",
        "a: =\n",
        "-_\n",
        "? [a]\n: 1\n",
        "? {a: 1}\n: 1\n",
        "%YAML 1.1\n---\na: yes\n",
        "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n b: 2\n",  # bad indentation
        "a:\n  - 1\n - 2\n",
        "a: [1, 2\n",
        "a: 'x\n",
        "\t- a\n",
        "[" * (yaml_lean.MAX_NESTING + 1) + "]" * (yaml_lean.MAX_NESTING + 1),
    ],
)
def test_what_the_lean_reader_does_not_decide_is_left_to_ruamel_with_the_same_outcome(text: str):
    with pytest.raises(yaml_lean.Unusual):
        yaml_lean.load(text)
    with pytest.raises(yaml_lean.Unusual):
        yaml_lean.positions(text)
    assert outcome(_load, text) == outcome(_safe_load, text)


@pytest.mark.parametrize(
    "text",
    [
        # libyaml marks an empty value at its colon, ruamel at what follows
        "on:\n  push:\n  pull_request:\n\njobs: 1\n",
        "a:\n  b:\nc:\n",
        "a:   \n\n\nb: 1\n",
        "- a:\n- b:\n  c:\n",
        "-\n- \n- x\n",
        "a:\n- 1\n-\nb: |\n  x\n\n  y\nc: >-\n  folded\n",
        "k: 'q'\nl: \"dq\"\nm: [1, {n: 2}]\n",
        "a: 1\r\nb:\r\nc: 2\r\n",
    ],
)
def test_lean_positions_match_the_round_trip_loader_on_empty_values_and_blocks(text: str):
    assert positions_agree(text, list(paths_of(_safe_load(text)))), text


@pytest.mark.parametrize(
    "text",
    [
        "a: # comment\nb: 1\n",  # a comment on the colon: ruamel marks the value there
        "a:\n# comment\nb: 1\n",
        "a:\n? b\n: 1\n",  # an explicit key after an empty value
        "?\n ",
        "{a: , b: 1}\n",
        "a\t: 1\n",  # ruamel's pure scanner refuses this tab; libyaml does not
        "|#\n",
        "- >+\n \n\n   \n   x\n",
        "a: |\n   \n  x\n",
    ],
)
def test_lean_positions_step_aside_where_libyaml_and_ruamels_pure_parser_differ(text: str):
    with pytest.raises(yaml_lean.Unusual):
        yaml_lean.positions(text)


def test_an_empty_document_is_none_on_both_readers():
    for text in ("", "\n", "# only a comment\n", "---\n", "---\n...\n"):
        assert lean_load_agrees(text)
        assert yaml_lean.positions(text) is None


# -- generated documents ---------------------------------------------------------------------------

_EXPLICIT = [
    "!unknown", "!unknown ''", "!unknown x", "!!str 12", "!!int '7'", "!!float 1", "!!bool yes", "!!null ''",
    "!!timestamp 2020-01-01", "!foo x", "-_", "+_", "&a 1", "*a", "<<", "=", "'quoted'", "''", '"dq \\u0430\\n"',
    '"tab\\t"',
    "'it''s'", "# comment", "x # comment", "a: b", "[1, 2]", "{a: 1}", "[]", "{}", "- x", "@x", "`x", "%x", "?",
    "-", "x:", "'unclosed", "a\tb",
]  # fmt: skip
_ALPHABET = string.ascii_letters + string.digits + " .-_:+~'\"#,[]{}!&*|>?@`%\\\tёқәіңғүұһө日"

scalars = st.one_of(
    st.sampled_from(PLAIN),
    st.sampled_from(_EXPLICIT),
    st.text(alphabet=_ALPHABET, max_size=8),
    st.text(max_size=6).map(lambda s: "'" + s.replace("'", "''") + "'"),
)
keys = st.one_of(
    st.sampled_from(["a", "b", "op", "1", "01", "true", "null", "~", "'a'", "x y", "ж", "1.0", "<<"]), scalars
)


@st.composite
def block_scalar(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """A literal or folded block scalar: its indicator and lines."""
    return (
        "block",
        draw(st.sampled_from(["|", ">", "|-", ">+", "|2"])),
        draw(st.lists(st.text(_ALPHABET, max_size=6))),
    )


nodes = st.recursive(
    st.one_of(scalars, block_scalar()),
    lambda children: st.one_of(
        st.tuples(st.just("seq"), st.lists(children, max_size=4)),
        st.tuples(st.just("map"), st.lists(st.tuples(keys, children), max_size=4)),
        st.tuples(st.just("flow"), st.lists(children, max_size=3)),
    ),
    max_leaves=12,
)


def render(node: Any, indent: int) -> str:
    """A node (a scalar's text, or a tagged tuple) as YAML text; ``indent`` is the column of its later lines."""
    pad = " " * indent
    if isinstance(node, str):
        return node
    kind = node[0]
    if kind == "block":
        return node[1] + "".join("\n" + pad + "  " + line for line in node[2])
    if kind == "flow":
        return "[" + ", ".join(render(c, indent) for c in node[1]) + "]"
    if not node[1]:
        return "{}" if kind == "map" else "[]"
    if kind == "map":
        parts = []
        for key, value in node[1]:
            if isinstance(value, tuple) and value[0] in ("map", "seq") and value[1]:
                parts.append(f"{key}:\n{pad}  " + render(value, indent + 2))
            else:
                parts.append(f"{key}: " + render(value, indent + 2))
        return f"\n{pad}".join(parts)
    return f"\n{pad}".join("- " + render(item, indent + 2) for item in node[1])


documents = st.builds(lambda node: render(node, 0) + "\n", nodes)


def _mutate(text: str, where: int, what: str) -> str:
    where %= len(text) + 1
    return text[:where] + what + text[where:]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_documents_read_the_same_on_the_lean_and_safe_loaders(text: str):
    lean_load_agrees(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    documents,
    st.integers(min_value=0),
    st.sampled_from(["\n", " ", "  ", ":", "- ", "\n ", "'", "[", "{", "#", "? ", "\n#x\n", " #x", "\n \n  \n"]),
)
@example("a:\n []\n", 0, "")  # an empty flow sequence on the line after its key: placed at the key, as ruamel does
def test_broken_documents_fail_the_same_way_on_both_paths(text: str, where: int, what: str):
    text = _mutate(text, where, what)
    lean_load_agrees(text)
    placed_alike(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
@example("- '\x85'\n- 012\n")  # libyaml counts NEL as a line break, ruamel's round trip does not: stepped aside
@example("- '\u2028'\n- 1\n")
def test_generated_documents_are_placed_the_same_on_lean_and_round_trip_positions(text: str):
    placed_alike(text)


def test_generated_plain_documents_are_mostly_read_lean():
    # Without this, a lean reader that always stepped aside would pass every comparison above.
    plain = [
        render(node, 0) + "\n"
        for node in (
            (
                "map",
                [("a", "1"), ("b", ("seq", ["x", "0o12", ("map", [("c", "~")])])), ("d", ("block", "|", ["l", "m"]))],
            ),
            ("seq", [("map", [("op", "insert_rows"), ("rows", ("seq", [("map", [("number", "'6'")])]))])]),
            ("map", [("plan", "'748'"), ("t", "!unknown"), ("f", ("flow", ["1", ".inf", "ж"]))]),
        )
    ]
    for text in plain:
        assert lean_load_agrees(text), text
        assert positions_agree(text, list(paths_of(_safe_load(text)))), text


def test_yaml_io_keeps_the_safe_loader_reachable():
    assert yaml_io._safe_load("a: 012\n") == {"a": 12}
