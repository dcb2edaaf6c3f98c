"""Consolidated YAML, fast: the bytes ``dump_yaml`` writes, without representing every node with ruamel.

``dump_yaml`` (the reference) sends every node of a document through ruamel's pure-Python representer
and then libyaml's emitter; for the versions of a plan, which share most of their rows, that is the same
work again for every version. ``YamlRenderer`` writes the block structure itself (``key:``, ``- ``, the
indentation, ``{}`` and ``[]`` for empty collections, libyaml's layout with sequences in mappings not
indented). A text libyaml would write plain is its own rendering (most texts of a plan: see ``_plain_text``);
libyaml renders every other distinct scalar once, in one batch per document, and the renderer remembers
each rendering for every later document it writes.

Why that is exact: with the dumper's settings (block style, a width that never folds, unicode as is),
libyaml chooses a scalar's style from its text and from whether it is a mapping key, never from where it
stands; a block scalar's lines are indented by the indentation of the collection around it plus two, and
its other lines (none: no line is folded) are written as they are. So a scalar's rendering at the top
level, with its continuation lines shifted, is its rendering anywhere. What this argument does not cover
falls back to ``dump_yaml`` for the whole document: a key libyaml writes as a complex key (``? ``, over
128 bytes), a line break other than LF (``\\r``, U+0085, U+2028, U+2029), a text long enough to reach the
width, a scalar of a type outside plain data, a top-level scalar. tests/test_yaml_render.py checks the
bytes against ``dump_yaml`` on every version of every shipped plan and on generated data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from functools import lru_cache
from typing import Any

from amend.engine.unknown import Unknown
from amend.store.yaml_io import _dumper, dump_yaml

__all__ = ["YamlRenderer", "render_yaml"]

# Line breaks libyaml knows besides LF: a text holding one may be written over several lines in quotes.
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# Far below the dumper's width (1,000,000), the only place where libyaml's output depends on the column.
_MAX_TEXT = 100_000
_SCALARS = (str, int, float, bool, type(None), dt.date, Unknown)
_ITEM = re.compile(r"^- ", re.MULTILINE)
_SIMPLE_KEY = 128  # bytes: libyaml writes a longer key as a complex key (``? ``)
_MAX_DEPTH = 100
# What libyaml does not print as it is (IS_PRINTABLE), and line breaks: control characters (LF too),
# U+2028, U+2029, surrogates, the BOM, U+FFFE, U+FFFF and everything past U+FFFF. A negated class:
# it compiles in a fraction of a millisecond, the positive one in ten.
_UNPRINTED = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U00010000-\U0010ffff"
_PLAIN = re.compile(f"(?=[^\\W_])[^{_UNPRINTED}]+(?<![\\s:])")
# A text libyaml writes plain, as it is, in block context: it starts with a letter or a digit (no indicator),
# holds only characters libyaml prints as they are, no ": " or " #" (which would start a mapping value or a
# comment), and does not end with ":" or a space. The resolver must also read it back as a text: see
# _plain_text.
_PLAIN_INSIDE = re.compile(r": | #")
# Plain words the YAML 1.2 resolver reads as something else: written quoted.
# Every character the YAML 1.2 resolver's int, float and timestamp patterns allow (0x1F, 1e3, 2025-05-30T10:00Z).
_NUMBER_LIKE = re.compile(r"[0-9_.+\-:a-fA-FoxTtZ \t]*")
_NOT_TEXT = frozenset({"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"})


def _plain_text(text: str) -> bool:
    """Whether libyaml writes ``text`` (a value, in block context) plain, exactly as it is."""
    if len(text) > _MAX_TEXT or not _PLAIN.fullmatch(text) or _PLAIN_INSIDE.search(text):
        return False
    return _read_as_text(text)


def _read_as_text(text: str) -> bool:
    # Whether the YAML 1.2 resolver reads ``text``, written plain, back as a text.
    if "0" <= text[0] <= "9":
        # A text starting with a digit that holds a character none of the resolver's patterns for numbers,
        # dates and timestamps allows (1-тармақ, 9195,3) is a text; otherwise the resolver decides, as the
        # dumper asks it (13-1 is a text; 1061, 9195.3 and 2020-01-08 are not).
        return not _NUMBER_LIKE.fullmatch(text) or _resolves_to_text(text)
    return text not in _NOT_TEXT  # true, null, ...: the resolver's only words that start with a letter


@lru_cache(maxsize=1 << 16)
def _resolves_to_text(text: str) -> bool:
    from ruamel.yaml.nodes import ScalarNode

    tag = _dumper().resolver.resolve(ScalarNode, text, (True, False))
    return str(getattr(tag, "value", tag)) == "tag:yaml.org,2002:str"


def _one_line_text(text: str) -> str | None:
    """A text's rendering as a value (with its "\n"), where it is sure without asking libyaml: plain (see
    ``_plain_text``), or in single quotes where only ": ", " #" or the resolver forbid plain (libyaml
    then picks single quotes, which a printable text on one line always allows); else None."""
    if len(text) > _MAX_TEXT or not _PLAIN.fullmatch(text):
        return None
    if not _PLAIN_INSIDE.search(text) and _read_as_text(text):
        return f"{text}\n"
    return "'" + text.replace("'", "''") + "'\n"


def _known(value: Any) -> str | None:
    """What libyaml writes for a date, a whole number, a truth value, null or unknown (with its "\n"),
    without asking it; None for any other scalar. The safe representer writes these as their plain
    texts, and none of them spans lines."""
    kind = type(value)
    if kind is dt.date:
        return f"{value.isoformat()}\n"
    if kind is int:
        return f"{value}\n"
    if kind is bool:
        return "true\n" if value else "false\n"
    if value is None:
        return "null\n"
    if kind is Unknown:
        return "!unknown\n"  # dump_yaml strips the blank libyaml leaves after a tag with an empty value
    return None


class _Fallback(Exception):
    """The document holds something the fast path does not claim to render exactly."""


def _scalar_key(value: Any) -> Hashable:
    """What a scalar is remembered by: a text by itself, anything else with its type (``1`` is not ``True``)."""
    if type(value) is str:
        if len(value) > _MAX_TEXT or _OTHER_BREAKS.search(value):
            raise _Fallback
        return value
    if not isinstance(value, _SCALARS) or isinstance(value, str):
        raise _Fallback  # str subclasses (enums) and anything else: see _plain_scalar
    try:
        hash(value)
    except TypeError:  # pragma: no cover - the scalar types above are all hashable
        raise _Fallback from None
    return (type(value), value)


def _plain_scalar(value: Any) -> Any:
    # As yaml_io._plain: a str subclass (an enum) is written as its value's text.
    if isinstance(value, str) and type(value) is not str:
        return str(value.value if hasattr(value, "value") else value)
    return value


class YamlRenderer:
    """Writes documents exactly as ``dump_yaml`` does, remembering each scalar's rendering between documents.

    One renderer for the versions of one plan: they share most of their texts, so most scalars are
    rendered once. Memory grows with the distinct scalars rendered; drop the renderer when done.

    With ``reuse``, a mapping that is an item of a sequence under a mapping key (a row of ``rows``, a
    change in a row's ``history``) and is the very object rendered before at the same indentation is
    written as it was then, without walking it again: the versions of a plan share their unchanged rows'
    and changes' data (``serialize.PartData``). The renderer keeps those objects, and the caller promises
    not to change them after they are rendered.
    """

    def __init__(self, *, reuse: bool = False) -> None:
        """An empty memory of renderings."""
        # (id(item), indentation) -> the item (kept, so the id stays its own) and its rendering with its "- ".
        self._items: dict[tuple[int, int], tuple[Any, str]] | None = {} if reuse else None
        # Items new in this document: the item, its indentation, and where its rendering is in _out.
        self._new_items: list[tuple[Any, int, int, int]] = []
        # A value's rendering in a top-level collection, with its final "\n"; texts are their own key.
        self._values: dict[Hashable, str] = {}
        self._multiline: set[Hashable] = set()  # scalars whose rendering takes more than one line
        self._keys: dict[Hashable, str] = {}  # a mapping key's rendering (one line, no ":")
        self._shifted: dict[tuple[str, int], str] = {}  # multi-line renderings moved right
        # While a document is written: the scalars and keys not rendered yet, and where they go in ``_out``.
        self._out: list[str | None] = []
        self._pending_values: list[tuple[int, Any, int]] = []
        self._pending_keys: list[tuple[int, Any, str]] = []
        self.fallbacks = 0  # documents written by ``dump_yaml`` itself (see the module's docstring)

    def render(self, data: Any) -> str:
        """The text ``dump_yaml(data)`` returns."""
        if not isinstance(data, (dict, list, tuple)) or not data:
            self.fallbacks += 1
            return dump_yaml(data)
        self._out, self._pending_values, self._pending_keys, self._new_items = [], [], [], []
        try:
            if isinstance(data, dict):
                self._mapping(data, 0, False, 0)
            else:
                self._sequence(data, 0, False, 0)
            if self._pending_values or self._pending_keys:
                self._fill()
            out: list[str] = self._out  # type: ignore[assignment]  # _fill left no None
            if self._items is not None:
                for item, indent, start, end in self._new_items:
                    self._items[(id(item), indent)] = (item, "".join(out[start:end]))
            return "".join(out)
        except _Fallback:
            self.fallbacks += 1
            return dump_yaml(data)
        finally:
            self._out, self._pending_values, self._pending_keys, self._new_items = [], [], [], []

    # -- the block structure -----------------------------------------------------------------------

    def _key(self, key: Any, prefix: str) -> None:
        """``prefix`` and the key's rendering, then ``:``."""
        found = self._keys.get(key if type(key) is str else _scalar_key(key))
        if found is None and type(key) is str and _plain_text(key) and len(key.encode("utf-8")) <= _SIMPLE_KEY:
            found = self._keys[key] = key  # plain, and short enough for libyaml's simple key
        if found is None:
            self._pending_keys.append((len(self._out), key, prefix))
            self._out.append(None)
        else:
            self._out.append(prefix + found)

    def _scalar(self, value: Any, indent: int) -> None:
        """A value's rendering where the collection around it is indented by ``indent``."""
        if type(value) is str:
            text = self._values.get(value)
            if text is None:
                text = _one_line_text(value)
                if text is not None:
                    self._values[value] = text
                else:
                    self._pending_values.append((len(self._out), value, indent))
                    self._out.append(None)
                    return
            elif indent and value in self._multiline:
                text = self._shift(text, indent)
            self._out.append(text)
            return
        value = _plain_scalar(value)
        key = _scalar_key(value)
        text = self._values.get(key)
        if text is None:
            text = _known(value)
            if text is not None:
                self._values[key] = text
                self._out.append(text)
                return
            self._pending_values.append((len(self._out), value, indent))
            self._out.append(None)
        else:
            self._out.append(self._shift(text, indent) if indent and key in self._multiline else text)

    def _shift(self, text: str, indent: int) -> str:
        found = self._shifted.get((text, indent))
        if found is None:
            pad = " " * indent
            lines = text.split("\n")
            # libyaml indents every non-empty line of a block scalar; empty lines stay empty.
            found = "\n".join([lines[0], *(pad + line if line else line for line in lines[1:])])
            self._shifted[(text, indent)] = found
        return found

    def _mapping(self, data: dict[Any, Any], indent: int, inline: bool, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _Fallback  # as deep as this, the reference says what it says
        pad = " " * indent
        out = self._out
        for k, v in data.items():
            # The first key of a mapping in a sequence follows its "- ".
            self._key(k, "" if inline else pad)
            inline = False
            if isinstance(v, dict):
                if v:
                    out.append(":\n")
                    self._mapping(v, indent + 2, False, depth + 1)
                else:
                    out.append(": {}\n")
            elif isinstance(v, (list, tuple)):
                if v:
                    out.append(":\n")
                    self._sequence(v, indent, False, depth + 1)  # libyaml: a sequence in a mapping is not indented
                else:
                    out.append(": []\n")
            else:
                out.append(": ")
                self._scalar(v, indent)

    def _sequence(self, data: list[Any] | tuple[Any, ...], indent: int, inline: bool, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _Fallback
        dash = " " * indent + "- "
        out = self._out
        items = None if inline else self._items  # a sequence under a key: its items are remembered
        for v in data:
            if items is not None and type(v) is dict and v:
                found = items.get((id(v), indent))
                if found is not None and found[0] is v:
                    out.append(found[1])
                    continue
                start = len(out)
                out.append(dash)
                self._mapping(v, indent + 2, True, depth + 1)
                self._new_items.append((v, indent, start, len(out)))
                continue
            # The first item of a sequence in a sequence follows its "- ".
            out.append("- " if inline else dash)
            inline = False
            if isinstance(v, dict):
                if v:
                    self._mapping(v, indent + 2, True, depth + 1)
                else:
                    out.append("{}\n")
            elif isinstance(v, (list, tuple)):
                if v:
                    self._sequence(v, indent + 2, True, depth + 1)
                else:
                    out.append("[]\n")
            else:
                self._scalar(v, indent)

    # -- what is new in a document, rendered by libyaml in one batch --------------------------------

    def _fill(self) -> None:
        out = self._out
        if self._pending_values:
            news = {_scalar_key(v): v for _, v, _ in self._pending_values}
            try:
                text = dump_yaml(list(news.values()))
            except Exception:
                raise _Fallback from None  # the reference raises the same, for the whole document
            items = _ITEM.split(text)
            if items[0] != "" or len(items) != len(news) + 1:
                raise _Fallback
            for key, rendering in zip(news, items[1:]):
                self._values[key] = rendering
                if rendering.count("\n") > 1:
                    self._multiline.add(key)
            for at, value, indent in self._pending_values:
                key = _scalar_key(value)
                rendering = self._values[key]
                out[at] = self._shift(rendering, indent) if indent and key in self._multiline else rendering
        if self._pending_keys:
            keys = {_scalar_key(k): k for _, k, _ in self._pending_keys}
            try:
                text = dump_yaml(dict.fromkeys(keys.values(), 0))
            except Exception:
                raise _Fallback from None
            lines = text.split("\n")
            if lines[-1] != "" or len(lines) != len(keys) + 1:
                raise _Fallback  # a complex key (``? ``) takes two lines
            for key, line in zip(keys, lines):
                if not line.endswith(": 0") or line.startswith("? "):
                    raise _Fallback
                self._keys[key] = line[:-3]
            for at, k, prefix in self._pending_keys:
                out[at] = prefix + self._keys[_scalar_key(k)]


def render_yaml(data: Any) -> str:
    """``dump_yaml(data)``, rendered by a renderer of its own (use one ``YamlRenderer`` for related documents)."""
    return YamlRenderer().render(data)
