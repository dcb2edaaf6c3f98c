from __future__ import annotations

from pathlib import Path

import pytest

from amend import UNKNOWN
from amend.errors import SchemaError, YamlSyntaxError
from amend.store.yaml_io import Locator, dump_yaml, locate, read_yaml


def test_unknown_tag_reads_as_the_sentinel_and_dates_stay_text(tmp_path: Path):
    f = tmp_path / "a.yaml"
    f.write_text("a: !unknown\nb: 2025-02-30\nc: '6'\n", encoding="utf-8")
    assert read_yaml(f) == {"a": UNKNOWN, "b": "2025-02-30", "c": "6"}


def test_unknown_with_a_value_is_refused(tmp_path: Path):
    f = tmp_path / "a.yaml"
    f.write_text("a: !unknown some text\n", encoding="utf-8")
    with pytest.raises(YamlSyntaxError, match="takes no value"):
        read_yaml(f)


def test_syntax_errors_are_placed_with_lines_and_columns_from_one(tmp_path: Path):
    f = tmp_path / "a.yaml"
    f.write_text("a: 1\nb: [1, 2\n", encoding="utf-8")
    with pytest.raises(YamlSyntaxError) as info:
        read_yaml(f)
    assert info.value.location.line == 3 and info.value.location.column == 1


def test_a_path_is_placed_at_the_value_it_names(tmp_path: Path):
    f = tmp_path / "a.yaml"
    f.write_text("operations:\n  - op: replace_row\n    row: '6'\n", encoding="utf-8")
    err = locate(SchemaError("x", path=("operations", 0, "replace_row", "row"), file=f))
    assert (err.location.line, err.location.column) == (3, 10)
    assert err.format().splitlines()[1:3] == ["        row: '6'", "             ^"]


def test_a_locator_places_as_locate_does_reading_each_file_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from amend.store import yaml_io

    act = Path(__file__).resolve().parent.parent / "plans" / "amendments" / "392.yaml"
    paths = [("operations", i, "row") for i in range(6)] + [("act", "number"), ("amends",), ("no", "such")]
    expected = [locate(SchemaError("x", path=p, file=act)).location for p in paths]
    missing = tmp_path / "gone.yaml"
    made = []
    real = yaml_io.SourceMap
    monkeypatch.setattr(yaml_io, "SourceMap", lambda path, text=None: made.append(path) or real(path, text))
    place = Locator()
    assert [place(SchemaError("x", path=p, file=act)).location for p in paths] == expected
    gone = [place(SchemaError("x", path=("a",), file=missing)).location for _ in range(2)]
    assert made == [act, missing]  # each file read with positions once, the one that does not read too
    assert [str(g) for g in gone] == [str(missing)] * 2
    assert len({(e.line, e.column) for e in expected if e is not None}) > 3  # places that differ


def test_dumps_are_deterministic_unfolded_and_readable():
    data = {"b": "жол " * 60 + "соңы", "a": UNKNOWN, "m": "бір\nекі", "n": "6"}
    text = dump_yaml(data)
    assert text == dump_yaml(data)
    assert text.splitlines()[0].startswith("b: жол жол")  # order kept, one line however long
    assert "a: !unknown" in text and "m: |-\n  бір\n  екі" in text and "n: '6'" in text
    assert "&" not in text
