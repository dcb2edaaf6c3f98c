"""YAML read straight from libyaml's event stream (ruamel.yaml.clib's ``CParser``): data, and positions.

``YAML(typ='safe')`` parses in C but composes nodes and constructs values in Python, and a file that
fails is placed by re-reading it with the pure-Python round-trip loader. Both cost far more than the
parse itself. Here one flat loop over the parser's events builds the data (``load``) or a tree of
positions (``positions``) directly, with the YAML 1.2 core-schema rules of ruamel's own resolver and
safe constructor, as ``amend.store.yaml_io`` configures them (``!unknown`` is ``UNKNOWN`` and takes no
value; timestamps stay strings).

The lean readers handle the documents our files are: untagged scalars, ``!unknown``, block and flow
collections with scalar keys. Anything else (another tag, an anchor, an alias, a merge key, a
duplicate key, a collection as a key, a directive, more than one document, nesting deeper than
``MAX_NESTING``, a syntax error, any value the safe constructor would refuse or fail on) raises
``Unusual``, and the caller reads the file with ruamel's own loader, which gives the data or the error
of today. So the lean readers never decide an error: they only skip work on documents whose outcome
they give exactly. ``CParser`` is an internal of ruamel.yaml.clib: ``tests/test_yaml_lean.py`` checks
both readers against ruamel's loaders on every YAML file of the repository and on generated documents.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.resolver import implicit_resolvers

from amend.engine.unknown import UNKNOWN

try:
    from _ruamel_yaml import CParser  # type: ignore[import-not-found]  # ruamel.yaml.clib ships no stubs
except ImportError:  # without ruamel.yaml.clib every document goes to ruamel's own loaders
    CParser = None

__all__ = ["MAX_NESTING", "PositionMap", "PositionSeq", "Unusual", "load", "positions"]

# Deeper documents go to ruamel's recursive loader, which is how they fail today (see yaml_io).
MAX_NESTING: Final = 100

_UNKNOWN_TAG = "!unknown"
_NAN: Final = SafeConstructor.nan_value  # one object, as in the safe constructor: a NaN key is found again
_INF: Final = SafeConstructor.inf_value
_BOOL: Final = SafeConstructor.bool_values


def _opening(event: Any, want_key: bool, open_before: int) -> None:
    """Refuse a collection the lean readers leave to ruamel (both readers ask at every collection's start)."""
    if event.anchor is not None or event.tag is not None:
        raise Unusual("an anchored or tagged collection")
    if want_key:
        raise Unusual("a collection as a key")
    if open_before + 1 > MAX_NESTING:  # the new collection would be the MAX_NESTING + 1st open one
        raise Unusual("nested too deep")


class Unusual(Exception):
    """The document holds something the lean readers leave to ruamel's own loaders."""


def _int(value: str) -> int:
    # SafeConstructor.construct_yaml_int under YAML 1.2 (ruamel ignores a %YAML directive with CParser).
    text = value.replace("_", "")
    sign = -1 if text[0] == "-" else 1
    if text[0] in "+-":
        text = text[1:]
    if text == "0":
        return 0
    if text.startswith("0b"):
        return sign * int(text[2:], 2)
    if text.startswith("0x"):
        return sign * int(text[2:], 16)
    if text.startswith("0o"):
        return sign * int(text[2:], 8)
    return sign * int(text)


def _float(value: str) -> float:
    # SafeConstructor.construct_yaml_float under YAML 1.2.
    text = value.replace("_", "").lower()
    sign = -1 if text[0] == "-" else 1
    if text[0] in "+-":
        text = text[1:]
    if text == ".inf":
        return sign * _INF
    if text == ".nan":
        return _NAN
    return sign * float(text)


def _unusual(value: str) -> Any:
    # Merge keys, `=` (the value key) and the documentation-only `yaml` tag: ruamel decides.
    raise Unusual(value)


_CONSTRUCT = {
    "tag:yaml.org,2002:bool": lambda value: _BOOL[value.lower()],
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:null": lambda value: None,
    # yaml_io reads timestamps as strings: pydantic checks the dates and places a bad one.
    "tag:yaml.org,2002:timestamp": lambda value: value,
}


def _resolvers() -> dict[str, tuple[tuple[Any, Any], ...]]:
    """ruamel's own YAML 1.2 implicit resolvers, by first character, in ruamel's order."""
    table: dict[str, list[tuple[Any, Any]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            for ch in first:
                table.setdefault(ch, []).append((regexp.match, _CONSTRUCT.get(tag, _unusual)))
    return {ch: tuple(rules) for ch, rules in table.items()}


_RESOLVE: Final = _resolvers()


def _plain(value: str) -> Any:
    """The value of an untagged plain scalar, as ruamel's VersionedResolver and SafeConstructor give it."""
    rules = _RESOLVE.get(value[:1])
    if rules is not None:
        for match, construct in rules:
            if match(value):
                return construct(value)
    return value


def _scalar(event: Any) -> Any:
    tag = event.tag
    if tag is None:
        return _plain(event.value) if event.implicit[0] else event.value
    if tag == _UNKNOWN_TAG and event.value == "":
        return UNKNOWN
    raise Unusual(tag)  # another tag, or `!unknown` with a value (an error ruamel reports)


def _start(parser: Any) -> Any:
    """The first event of the document's content, or ``StreamEndEvent`` for an empty stream."""
    event = parser.get_event()
    if event.__class__ is not StreamStartEvent:
        raise Unusual(event)
    event = parser.get_event()
    if event.__class__ is StreamEndEvent:
        return event
    if event.__class__ is not DocumentStartEvent or event.version is not None or event.tags:
        raise Unusual(event)
    return parser.get_event()


def _end(parser: Any) -> None:
    if parser.get_event().__class__ is not DocumentEndEvent or parser.get_event().__class__ is not StreamEndEvent:
        raise Unusual("more than one document")


def load(text: str) -> Any:
    """The data of a one-document YAML text, as ``yaml_io``'s safe loader gives it; or ``Unusual``."""
    if CParser is None:
        raise Unusual("ruamel.yaml.clib is not installed")
    parser = CParser(text)
    try:
        return _load(parser)
    except Unusual:
        raise
    except Exception as exc:  # a syntax error or a value ruamel fails on: ruamel reports it
        raise Unusual(repr(exc)) from None
    finally:
        parser.dispose()


def _load(parser: Any) -> Any:
    get = parser.get_event
    event = _start(parser)
    if event.__class__ is StreamEndEvent:
        return None
    # One frame per open collection: (collection, is a mapping, the key waiting for its value).
    stack: list[tuple[Any, bool, Any]] = []
    top: Any = None  # the innermost open collection
    in_map = False
    key: Any = None
    want_key = False  # in a mapping: is the next node a key?
    scalar_event, map_start, seq_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    resolve, plain = _RESOLVE, _plain
    while True:
        kind = event.__class__
        if kind is scalar_event:
            # Inline for the common case: an untagged plain text that no resolver's first character starts.
            if event.tag is None:
                value = event.value
                if event.implicit[0] and value[:1] in resolve:
                    value = plain(value)
            else:
                value = _scalar(event)
        elif kind is map_start or kind is seq_start:
            _opening(event, want_key, len(stack) + (top is not None))
            if top is not None:
                stack.append((top, in_map, key))
            top = {} if kind is map_start else []
            in_map = want_key = kind is map_start
            event = get()
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = top
            if not stack:
                _end(parser)
                return value
            top, in_map, key = stack.pop()
            want_key = False
        else:
            raise Unusual(event)  # an alias (anchors on scalars are caught below)
        if kind is scalar_event and event.anchor is not None:
            raise Unusual("an anchor")
        if top is None:
            _end(parser)
            return value
        if in_map:
            if want_key:
                if value in top:
                    raise Unusual("a duplicate key")
                key = value
                want_key = False
            else:
                top[key] = value
                want_key = True
        else:
            top.append(value)
        event = get()


class PositionMap:
    """A mapping's position and, by key, where each key and its value start (0-based line and column)."""

    __slots__ = ("column", "entries", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column
        # key -> (key line, key column, value line, value column, value's positions or None for a scalar)
        self.entries: dict[Any, tuple[int, int, int, int, PositionMap | PositionSeq | None]] = {}

    def __len__(self) -> int:
        return len(self.entries)


class PositionSeq:
    """A sequence's position and where each item starts (0-based line and column)."""

    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column
        self.items: list[tuple[int, int, PositionMap | PositionSeq | None]] = []

    def __len__(self) -> int:
        return len(self.items)


_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")


def positions(text: str) -> PositionMap | PositionSeq | None:
    """The positions of every key, value and item of a one-document YAML text; or ``Unusual``.

    They are the marks ruamel's round-trip loader puts on its ``CommentedMap`` and ``CommentedSeq``
    (``lc.key``, ``lc.value``, ``lc.item``); keys are read as ``load`` reads them. ``None`` for a
    document that is one scalar, or empty.
    """
    if "\t" in text:
        # ruamel's pure scanner refuses tabs in places libyaml allows (`key\t: value`): where it fails,
        # the error stays placed at the file alone, as before.
        raise Unusual("a tab")
    if _OTHER_BREAKS.search(text):
        # libyaml counts NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks (YAML 1.1); ruamel's
        # round-trip loader (YAML 1.2) does not, so every mark after one would be a line off.
        raise Unusual("a line break other than LF or CR")
    if CParser is None:
        raise Unusual("ruamel.yaml.clib is not installed")
    parser = CParser(text)
    try:
        return _positions(parser, text)
    except Unusual:
        raise
    except Exception as exc:
        raise Unusual(repr(exc)) from None
    finally:
        parser.dispose()


def _empty_value_mark(parser: Any, text: str, mark: Any) -> Any:
    """Where ruamel's pure parser puts the empty value of a block mapping, which libyaml puts at ``mark``.

    libyaml marks it at the end of the ``:``; ruamel at the end of the token after it (the next key,
    or the end of the block) unless a comment hangs on the ``:``. With no comment and no explicit key
    (``?``) in between, that token ends where the next event starts.
    """
    if text[mark.index - 1 : mark.index] != ":":
        raise Unusual("an empty value with no colon (an explicit key alone)")
    following = parser.peek_event()
    if following.__class__ is not ScalarEvent and following.__class__ is not MappingEndEvent:
        raise Unusual("an empty value before a complex key")
    end = following.start_mark
    between = text[mark.index : end.index]
    if "#" in between or "?" in between or "\r" in between.replace("\r\n", "\n"):
        raise Unusual("an empty value beside a comment, an explicit key or a lone CR")
    return end


_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][-+]?|[-+][1-9]?)?(?: +(?:#.*)?)?\r?")


def _block_header(text: str, start: int) -> None:
    """Step aside from a block scalar that ruamel's pure scanner may refuse where libyaml does not.

    It wants a blank before a comment on the header (``|#`` passes libyaml), and refuses a block whose
    first lines are blanks that grow more indented; either way the round-trip loader fails, and the
    error must stay placed as before, at the file alone.
    """
    end = text.find("\n", start)
    if end < 0 or _BLOCK_HEADER.fullmatch(text, start, end) is None:
        raise Unusual("a block scalar header")
    after = text.find("\n", end + 1)
    first = text[end + 1 : after if after >= 0 else len(text)]
    if first and not first.strip(" \r"):
        raise Unusual("a block scalar that starts with blank lines")


def _positions(parser: Any, text: str) -> PositionMap | PositionSeq | None:
    get = parser.get_event
    event = _start(parser)
    if event.__class__ is StreamEndEvent:
        return None
    # One frame per open collection: (its positions, is a mapping, is flow style, its pending key and place).
    stack: list[tuple[Any, bool, bool, Any, int, int]] = []
    top: Any = None
    in_map = in_flow = False
    key: Any = None
    key_line = key_column = 0
    want_key = False
    scalar_event, map_start, seq_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    while True:
        kind = event.__class__
        mark = event.start_mark
        child: PositionMap | PositionSeq | None
        if kind is scalar_event:
            if event.anchor is not None:
                raise Unusual("an anchor")
            if event.style in {"|", ">"}:
                _block_header(text, mark.index)
            child = None
            if want_key:
                key = _scalar(event)
        elif kind is map_start or kind is seq_start:
            _opening(event, want_key, len(stack) + (top is not None))
            if top is not None:
                stack.append((top, in_map, in_flow, key, key_line, key_column))
            top = PositionMap(mark.line, mark.column) if kind is map_start else PositionSeq(mark.line, mark.column)
            in_map = want_key = kind is map_start
            in_flow = bool(event.flow_style)
            event = get()
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            child = top
            if not stack:
                _end(parser)
                return child
            top, in_map, in_flow, key, key_line, key_column = stack.pop()
            want_key = False
            mark = None  # the collection's own start was kept in it
        else:
            raise Unusual(event)
        if top is None:
            _scalar(event)  # a tag ruamel would refuse
            _end(parser)
            return None
        if in_map:
            if want_key:
                if key in top.entries:
                    raise Unusual("a duplicate key")
                key_line, key_column = mark.line, mark.column
                want_key = False
            else:
                if child is None:
                    _scalar(event)  # values are checked as `load` checks them: same documents fall back
                    if event.value == "" and event.implicit[0] and mark.index == event.end_mark.index:
                        # An empty value: the one place where libyaml and ruamel's pure parser differ.
                        if in_flow:
                            raise Unusual("an empty value in a flow mapping")
                        mark = _empty_value_mark(parser, text, mark)
                    line, column = mark.line, mark.column
                else:
                    line, column = child.line, child.column
                top.entries[key] = (key_line, key_column, line, column, child)
                want_key = True
        else:
            if child is None:
                _scalar(event)
                if in_flow and event.value == "" and event.implicit[0] and mark.index == event.end_mark.index:
                    raise Unusual("an empty item in a flow sequence")
                line, column = mark.line, mark.column
            else:
                line, column = child.line, child.column
            top.items.append((line, column, child))
        event = get()
