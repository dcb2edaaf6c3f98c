"""YAML in and out: a fast loader, positions only when an error needs them, deterministic dumps.

Files are read by ``amend.store.yaml_lean`` straight from libyaml's events; a document it leaves
aside (an error, a tag, an anchor...) is read by ruamel's own safe loader (``_safe_load``), and placed
with ruamel's round-trip loader, exactly as before the lean readers existed.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from amend.engine.gc_pause import gc_paused
from amend.engine.unknown import UNKNOWN, Unknown
from amend.errors import AmendError, IdentifierError, InputLimit, Location, YamlSyntaxError
from amend.store import yaml_lean
from amend.store.inputs import check_tree, decode, printable, read_bytes, scan_structure

__all__ = ["UNKNOWN_TAG", "Locator", "SourceMap", "dump_yaml", "locate", "read_text", "read_yaml"]

E = TypeVar("E", bound=AmendError)

UNKNOWN_TAG = "!unknown"
_TAG_TRAILING_SPACE = re.compile(r"(?<= )!unknown (?=\n)")


def _unknown(constructor: Any, node: Any) -> Unknown:
    if node.value not in ("", None):
        # `!unknown "some text"` would smuggle a text in beside the marker.
        raise ConstructorError(
            None, None, f"{UNKNOWN_TAG} takes no value (write `!unknown` alone, or the text alone)", node.start_mark
        )
    return UNKNOWN


def _configure(yaml: YAML) -> YAML:
    yaml.constructor.add_constructor(UNKNOWN_TAG, _unknown)
    # Dates stay strings here so that pydantic checks them and an impossible date such as
    # 2025-02-30 is reported at its place, like every other bad value.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    return yaml


@cache
def _fast() -> YAML:
    # The C loader (ruamel.yaml.clib) where installed: about 4x faster, no positions.
    return _configure(YAML(typ="safe"))


def _positional() -> YAML:
    return _configure(YAML(typ="rt"))


def _safe_load(text: str) -> Any:
    """``text`` read by ruamel's safe loader as configured here: the reference ``yaml_lean.load`` must match."""
    return _fast().load(text)


def _load(text: str) -> Any:
    try:
        return yaml_lean.load(text)
    except yaml_lean.Unusual:
        # Whatever the lean reader leaves aside, ruamel reads: the same data, or today's error.
        return _safe_load(text)


def read_text(path: Path) -> str:
    """The checked text of an input file (see ``amend.store.inputs``: size, encoding, characters)."""
    return decode(path, read_bytes(path))


def read_yaml(path: Path) -> Any:
    """The plain data of a YAML file (``!unknown`` becomes ``UNKNOWN``), every input rule checked.

    Bytes, characters, structure, texts and identifiers are checked (``amend.store.inputs``); every
    error is placed at file:line:col.
    """
    text = read_text(path)
    if "&" in text or "*" in text or "<<" in text:
        # Only a file that may hold an anchor, alias or merge key pays for the event scan.
        scan_structure(path, text)
    try:
        with gc_paused():  # a YAML tree is acyclic (no anchors in our files); see gc_pause
            data = _load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        err = YamlSyntaxError(f"{problem}" + (f" ({exc.context})" if exc.context else ""), file=path)
        if mark is not None:
            err = err.at(_location(path, text, mark.line, mark.column))
        raise err from None
    except YAMLError as exc:
        raise YamlSyntaxError(str(exc), file=path).at(Location(str(path))) from None
    except RecursionError:
        # Nesting so deep that building the tree overflowed: the flat event scan places it.
        scan_structure(path, text)
        raise InputLimit("collections nested too deep", file=path).at(Location(str(path))) from None
    try:
        return check_tree(path, data, text)
    except InputLimit:
        # Too deep to re-read with positions: the flat event scan places it.
        scan_structure(path, text)
        raise
    except IdentifierError as err:
        # A bad abbreviation code is a key: point at it, not at its expansion.
        raise locate(err, text=text, at_key=err.path[-2:-1] in (("abbreviations",), ("entries",))) from None
    except AmendError as err:
        raise locate(err, text=text) from None


def _location(path: Path | str, text: str, line: int, column: int) -> Location:
    lines = text.splitlines()
    source = printable(lines[line]) if 0 <= line < len(lines) else None
    return Location(str(path), line + 1, column + 1, source)


class SourceMap:
    """A file read once with node positions, to place any number of paths in it."""

    def __init__(self, path: Path | str, text: str | None = None) -> None:
        self.path = Path(path)
        self.text = read_text(self.path) if text is None else text
        self.node: Any = None  # the round-trip loader's tree, for a document the lean reader leaves aside
        self.lean: yaml_lean.PositionMap | yaml_lean.PositionSeq | None = None
        self.is_lean = True
        try:
            # libyaml's marks, as the round-trip loader would give them, at a fraction of its cost.
            self.lean = yaml_lean.positions(self.text)
        except yaml_lean.Unusual:
            self.is_lean = False
            self.node = _positional().load(self.text)

    def location(self, path: tuple[Any, ...], *, at_key: bool = False) -> Location:
        """Where ``path`` (keys and indices) stands: its value, or with ``at_key`` its last key."""
        if self.is_lean:
            line, column = _deepest_lean(self.lean, path, at_key)
        else:
            line, column = _deepest(self.node, path, at_key)
        return _location(self.path, self.text, line, column)


def locate(error: E, *, at_key: bool = False, text: str | None = None) -> E:
    """Fill in ``error.location`` from its file and path by re-reading the file with positions.

    ``at_key`` points at the last key itself rather than its value (for a key that should not be there);
    ``text`` is the file's text where the caller has it already.
    """
    if error.location is not None or error.file is None:
        return error
    try:
        source = SourceMap(error.file, text)
    except (OSError, YAMLError, AmendError, RecursionError):
        return error.at(Location(str(error.file)))
    return error.at(source.location(error.path, at_key=at_key))


class Locator:
    """``locate`` for many errors in a few files: each file is read with positions once."""

    def __init__(self) -> None:
        """No file read yet."""
        self._maps: dict[Path, SourceMap | None] = {}  # None: the file does not read

    def __call__(self, error: E, *, at_key: bool = False) -> E:
        """``locate(error, at_key=at_key)``."""
        if error.location is not None or error.file is None:
            return error
        file = Path(error.file)
        if file not in self._maps:
            try:
                self._maps[file] = SourceMap(file)
            except (OSError, YAMLError, AmendError, RecursionError):
                self._maps[file] = None
        source = self._maps[file]
        if source is None:
            return error.at(Location(str(error.file)))
        return error.at(source.location(error.path, at_key=at_key))


def _deepest(node: Any, path: tuple[Any, ...], at_key: bool = False) -> tuple[int, int]:
    """Line and column (from 0) of the deepest node on ``path``.

    Steps that do not name a key or index of the data (such as pydantic's union tags) are skipped.
    """
    line, column = 0, 0
    if isinstance(node, (CommentedMap, CommentedSeq)):
        line, column = node.lc.line, node.lc.col
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            value = node[step]
            line, column = node.lc.value(step)
            # A value left empty (`form:` then the next key) has its mark on the next line: the key is its place.
            if (
                at_key
                or (isinstance(value, (CommentedMap, CommentedSeq)) and len(value))
                or line != node.lc.key(step)[0]
            ):
                line, column = node.lc.key(step)
            node = value
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, column = node.lc.item(step)
            node = node[step]
    return line, column


def _deepest_lean(node: Any, path: tuple[Any, ...], at_key: bool = False) -> tuple[int, int]:
    """``_deepest`` on ``yaml_lean.positions``: the same steps, so the same line and column."""
    line, column = 0, 0
    if node is not None:
        line, column = node.line, node.column
    for step in path:
        if isinstance(node, yaml_lean.PositionMap) and step in node.entries:
            key_line, key_column, value_line, value_column, value = node.entries[step]
            if at_key or (value is not None and len(value)) or value_line != key_line:
                line, column = key_line, key_column
            else:
                line, column = value_line, value_column
            node = value
        elif isinstance(node, yaml_lean.PositionSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, column, node = node.items[step]
    return line, column


# -- output ----------------------------------------------------------------------------------------


def _represent_unknown(representer: Any, _: Unknown) -> Any:
    return representer.represent_scalar(UNKNOWN_TAG, "")


def _represent_str(representer: Any, text: str) -> Any:
    # A multi-line text (a dash-list in a measure) as a literal block: one list item a line.
    if "\n" in text:
        return representer.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return representer.represent_str(text)


@cache
def _dumper() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    # libyaml's emitter (ruamel.yaml.clib) is about 4x faster than the pure one. The two do not
    # write the same bytes, so output must never silently fall back to the pure emitter.
    if "clib" not in getattr(yaml.Emitter, "__module__", ""):
        raise ImportError("ruamel.yaml.clib is required for consolidated output (pip install ruamel.yaml.clib)")
    yaml.width = 1_000_000  # never fold a line: diffs of consolidated files stay one line per change
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # keep the documented key order
    yaml.representer.add_representer(Unknown, _represent_unknown)
    yaml.representer.add_representer(str, _represent_str)
    # Every value written out in full: anchors and aliases (&id001) would make the files unreadable.
    yaml.representer.ignore_aliases = lambda *_: True
    return yaml


def dump_yaml(data: Any) -> str:
    """Deterministic YAML text: insertion order kept, unicode as is, multi-line texts as blocks."""
    stream = io.StringIO()
    _dumper().dump(_plain(data), stream)
    # libyaml writes a space after a tag with an empty value; trailing blanks would trip editors' hooks.
    return _TAG_TRAILING_SPACE.sub(UNKNOWN_TAG, stream.getvalue())


def _plain(value: Any) -> Any:
    # The safe representer knows dict and list, not tuple or str subclasses such as enums.
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str) and type(value) is not str:
        return str(value.value if hasattr(value, "value") else value)
    return value
