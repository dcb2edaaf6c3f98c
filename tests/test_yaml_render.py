"""The fast YAML renderer writes exactly dump_yaml's bytes: on every version of every plan shipped or in the
fixtures, on every fixture file, and on generated texts and structures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amend import UNKNOWN
from amend.errors import AmendError
from amend.outputs.markdown import MarkdownRows, render_markdown
from amend.store.repository import Repository
from amend.store.serialize import PartData, index_data, version_data
from amend.store.yaml_io import dump_yaml, read_yaml
from amend.store.yaml_render import YamlRenderer, render_yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _repositories() -> list[Path]:
    found = [ROOT, *sorted(p.parent for p in FIXTURES.rglob("plans") if (p / "base").is_dir())]
    return found


def _documents(root: Path) -> list[tuple[str, list[Any]]]:
    """Each plan's index and versions as build renders them, for every plan of ``root`` that consolidates."""
    repo = Repository(root)
    plans: list[tuple[str, list[Any]]] = []
    for pid in sorted(repo.plans):
        try:
            timeline = repo.timeline(pid)
        except AmendError:
            continue  # a fixture that exists to fail
        plans.append((pid, [index_data(timeline), *(version_data(timeline, v) for v in timeline.versions)]))
    return plans


@pytest.mark.parametrize("root", _repositories(), ids=lambda p: str(p.relative_to(ROOT)) or ".")
def test_every_version_of_every_plan_renders_to_dump_yamls_bytes(root: Path):
    plans = _documents(root)
    assert plans, "no plan consolidated: the comparison would check nothing"
    for _, documents in plans:
        renderer = YamlRenderer()  # one per plan, as build uses it: renderings are shared between versions
        for data in documents:
            assert renderer.render(data) == dump_yaml(data)
        assert renderer.fallbacks == 0  # the fast path wrote them all, not the reference


def _timelines(root: Path) -> list[Any]:
    repo = Repository(root)
    found = []
    for pid in sorted(repo.plans):
        try:
            found.append(repo.timeline(pid))
        except AmendError:
            continue  # a fixture that exists to fail
    return found


@pytest.mark.parametrize("root", _repositories(), ids=lambda p: str(p.relative_to(ROOT)) or ".")
def test_shared_parts_are_converted_and_rendered_once_with_the_same_bytes(root: Path):
    # As build writes a plan: one PartData, one reusing renderer and one MarkdownRows for all its versions;
    # each version's bytes are those of the version converted and rendered on its own.
    timelines = _timelines(root)
    assert timelines
    reused = 0
    for timeline in timelines:
        parts, renderer, rows = PartData(), YamlRenderer(reuse=True), MarkdownRows()
        for version in timeline.versions:
            shared = version_data(timeline, version, parts)
            alone = version_data(timeline, version)
            assert shared == alone
            assert renderer.render(shared) == dump_yaml(alone)
            assert render_markdown(version, rows=rows) == render_markdown(version)
        reused += sum(len(v.plan.rows) for v in timeline.versions) - len(rows._rows)
    if root == ROOT:
        assert reused > 0  # 748's rows that 392 left alone are written once for both versions


def test_a_reusing_renderer_writes_an_item_it_has_seen_as_it_wrote_it_then():
    renderer = YamlRenderer(reuse=True)
    row = {"number": "6", "cells": {"measure": "a: b", "cost": "012"}}
    first = renderer.render({"rows": [row], "valid_from": dt.date(2025, 5, 30)})
    second = renderer.render({"rows": [{"number": "7"}, row], "valid_from": dt.date(2025, 6, 1)})
    assert first == dump_yaml({"rows": [row], "valid_from": dt.date(2025, 5, 30)})
    assert second == dump_yaml({"rows": [{"number": "7"}, row], "valid_from": dt.date(2025, 6, 1)})
    assert len(renderer._items or {}) == 2  # the row was remembered once, by identity


def test_the_shipped_plans_have_all_their_versions_compared():
    counts = {pid: len(docs) - 1 for pid, docs in _documents(ROOT)}
    assert counts.keys() >= {"748", "156"} and counts["748"] >= 2  # 748 and its amendment 392


def test_every_readable_fixture_and_plan_file_renders_to_dump_yamls_bytes():
    files = sorted(
        [*FIXTURES.rglob("*.yaml"), *(ROOT / "plans").rglob("*.yaml"), *(ROOT / "consolidated").rglob("*.yaml")]
    )
    renderer = YamlRenderer()
    compared = 0
    for path in files:
        try:
            data = read_yaml(path)
        except AmendError:
            continue  # fixtures of bad input
        assert renderer.render(data) == dump_yaml(data), path
        compared += 1
    assert compared > 50


# -- generated data ----------------------------------------------------------------------------------

# Texts that YAML reads as something else, or that need quotes, escapes or a block.
_EDGES = [
    "",
    " ",
    "  x",
    "x ",
    "012",
    "1e3",
    "1.5",
    "1_000",
    "0x1F",
    "0o17",
    ".inf",
    "-.5",
    "+1",
    "yes",
    "no",
    "on",
    "true",
    "True",
    "FALSE",
    "null",
    "Null",
    "~",
    "<<",
    "=",
    "!",
    "&a",
    "*a",
    "%x",
    "@x",
    "`x`",
    "---",
    "...",
    "- a",
    "-a",
    "? a",
    ": a",
    "a: b",
    "a:",
    "a:b",
    "a #b",
    "a#b",
    "#a",
    "'a'",
    '"a"',
    "[a]",
    "{a: b}",
    "a, b",
    "|",
    ">",
    "2025-05-30",
    "2025-05-30 10:00:00",
    "1-тармақ",
    "әқңғүұөһі",
    "Қазақстан",
    "a\nb",
    "a\n",
    "a\n\n",
    "\na",
    "\n",
    "\n\n",
    " a\nb",
    "a \nb",
    "a\n b",
    "a\tb",
    "\t",
    "a\rb",
    "a\u00a0",
    "\u00a0a",
    "a\u2028b",
    "\ufeffa",
    "a !unknown",
    "a !unknown ",
    "!unknown",
    "x" * 130,
    "ә" * 70,
]
_ALPHABET = st.sampled_from(list("ab019 -:#'\"!&*%@`|>?,.[]{}~=+_\n\t\\/ƏәҚқҢңҒғҮүҰұӨөҺһІі—«»\u00a0"))
texts = st.one_of(
    st.sampled_from(_EDGES),
    st.text(_ALPHABET, max_size=12),
    st.lists(st.sampled_from(_EDGES), min_size=1, max_size=3).map("".join),
    st.text(max_size=8),
)
scalars = st.one_of(
    texts,
    st.integers(-(10**6), 10**6),
    st.integers(),
    st.sampled_from([dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(9999, 12, 31)]),
    st.booleans(),
    st.none(),
    st.just(UNKNOWN),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    st.floats(allow_nan=False),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(texts, inner, max_size=4),
    ),
    max_leaves=25,
).filter(lambda d: isinstance(d, (dict, list, tuple)))


def _reference(data: Any) -> str | type[BaseException]:
    try:
        return dump_yaml(data)
    except Exception as exc:  # what the reference refuses, the renderer must refuse the same way
        return type(exc)


def _fast(renderer: YamlRenderer, data: Any) -> str | type[BaseException]:
    try:
        return renderer.render(data)
    except Exception as exc:
        return type(exc)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents, min_size=1, max_size=4))
def test_generated_documents_render_to_dump_yamls_bytes_with_renderings_shared(docs: list[Any]):
    renderer = YamlRenderer()
    for data in docs:
        assert _fast(renderer, data) == _reference(data)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 3))
def test_a_text_renders_the_same_at_any_depth_as_key_value_and_item(text: str, depth: int):
    data: Any = {"k": text, "items": [text, {"m": text}], text: [[text]]}
    for _ in range(depth):
        data = {"nested": data, "list": [data]}
    renderer = YamlRenderer()
    assert _fast(renderer, data) == _reference(data)
    assert _fast(renderer, data) == _reference(data)  # and again, from what the renderer remembers


def test_a_document_the_fast_path_does_not_claim_is_written_by_the_reference():
    renderer = YamlRenderer()
    long_key = {"ә" * 70: 1}  # over 128 bytes: libyaml writes a complex key
    assert renderer.render(long_key) == dump_yaml(long_key) and dump_yaml(long_key).startswith("? ")
    assert renderer.fallbacks == 1
    assert renderer.render({"a": ["b", {"c": UNKNOWN}]}) == "a:\n- b\n- c: !unknown\n"
    assert renderer.fallbacks == 1
    assert render_yaml([]) == dump_yaml([]) == "[]\n"  # nothing to lay out: the reference writes it


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(texts, scalars, min_size=1, max_size=3), min_size=1, max_size=4), st.data())
def test_generated_documents_sharing_items_render_to_dump_yamls_bytes(items: list[dict[str, Any]], data: Any):
    # Documents that share item objects, as the versions of a plan share their rows' data.
    renderer = YamlRenderer(reuse=True)
    for _ in range(3):
        chosen = data.draw(st.lists(st.sampled_from(items), max_size=5))
        doc = {"rows": chosen, "other": [dict(i) for i in chosen]}
        assert _fast(renderer, doc) == _reference(doc)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("0129.,-_:#' aеЖe+ox\"")), max_size=10))
def test_a_one_line_text_of_digits_and_marks_is_plain_or_quoted_as_libyaml_writes_it(text: str):
    # Texts starting with a digit: the resolver decides between plain (13-1, 9195,3) and quotes (1061).
    data = {"k": text, "l": [text]}
    assert YamlRenderer().render(data) == dump_yaml(data)
