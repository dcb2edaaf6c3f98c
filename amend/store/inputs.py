"""The input boundary: the bytes of a file become checked text, and every value read must meet the input rules.

Every rule here reports at file:line:col (the caller places path-based errors with ``yaml_io.locate``):

- bytes: at most ``MAX_BYTES``; UTF-8 with or without a BOM; no NUL or other control characters
  (tab, LF and CR excepted); no zero-width or bidirectional-control characters anywhere in the file;
- structure: at most ``MAX_DEPTH`` nested collections; no anchors, aliases or merge keys (``<<``);
- texts: no text a spreadsheet would read as a formula, none holding HTML markup;
- identifiers (plan ids, row, section and subsection numbers, abbreviation codes) by pattern;
- every text and identifier is NFC-normalised when read, so that one word has one spelling.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from amend.errors import (
    AmendError,
    EncodingError,
    FileRefused,
    IdentifierError,
    InputLimit,
    InvisibleCharacter,
    Location,
    UnsafeText,
)
from amend.language.letters import CODE_EXAMPLES, CYRILLIC

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "check_tree",
    "decode",
    "formula_like",
    "printable",
    "read_bytes",
    "scan_structure",
]

# The shipped files are under 100 kB; the benchmark's 10,000-row plan is 4.4 MB (measured).
MAX_BYTES = 32 * 1024 * 1024
# Plans and amendments nest 7 collections deep; anything far deeper is not a plan.
MAX_DEPTH = 32

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that are invisible or reorder what is shown: a reader cannot see what the file says.
_INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_FORBIDDEN = re.compile(f"{_CONTROL.pattern}|{_INVISIBLE.pattern}")

# OWASP's CSV-injection list, with one exception: a "-" followed by a blank or by another dash is
# how the dash-lists of the sources begin ("- ата-аналардың ...", "-"), never a formula.
_FORMULA = re.compile(r"[=+@\t\r]|-(?![\s-]|$)")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")

_ALNUM = f"0-9A-Za-z{CYRILLIC}"
_PATTERNS = {
    # A plan id names a folder of consolidated/: letters and digits joined by hyphens, no dots or slashes.
    "plan id": (re.compile(f"[{_ALNUM}]+(?:-[{_ALNUM}]+)*"), 32, "letters and digits joined by hyphens (748)"),
    # Row, section, subsection and point numbers: 6, 23-1, 1.2, IV.
    "number": (
        re.compile(f"[{_ALNUM}]+(?:[.-][{_ALNUM}]+)*"),
        32,
        "letters and digits joined by dots or hyphens (6, 23-1, 1.2, IV)",
    ),
    # Abbreviation codes: ДСМ, БП ҚСАЕАК, Еңбекмині.
    "abbreviation code": (
        re.compile(f"[{_ALNUM}]+(?:[ .-][{_ALNUM}]+)*"),
        64,
        f"letters and digits, words joined by one space, dot or hyphen ({CODE_EXAMPLES})",
    ),
}
_NUMBER_KEYS = frozenset({"number", "row", "section", "subsection", "after"})
_ID_KEYS = _NUMBER_KEYS | {"plan", "amends", "code", "code_ru"}
_FORMULA_START = frozenset("=+@\t\r-")
_CODE_MAPS = frozenset({"abbreviations", "entries", "codes_ru"})


def printable(line: str) -> str:
    """``line`` with every control, zero-width and bidi character shown as U+FFFD (one for one: carets stay put)."""
    return _FORBIDDEN.sub("\ufffd", line)


def _location(path: Path | str, text: str, offset: int) -> Location:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].rstrip("\r")
    return Location(str(path), text.count("\n", 0, offset) + 1, offset - start + 1, printable(line))


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, refusing a file over ``MAX_BYTES`` before reading it whole."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise FileRefused(
            f"cannot read {path}: {exc.strerror or exc.__class__.__name__}",
            file=path,
            location=Location(str(path)),
            hint="check the file's path, and that it is a file you may read",
        ) from None
    if len(data) > MAX_BYTES:
        raise InputLimit(
            f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB",
            file=path,
            hint="a plan or amendment file is far smaller; split the input or check that this is the right file",
        ).at(Location(str(path)))
    return data


def decode(path: Path | str, data: bytes) -> str:
    """The text of a file's bytes: UTF-8 (a BOM is dropped), without control or invisible characters."""
    for bom, name in _OTHER_BOMS.items():
        if data.startswith(bom):
            raise EncodingError(f"the file is {name}, not UTF-8", file=path).at(Location(str(path), 1, 1))
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        # Before decoding: NUL bytes are what UTF-16 without a byte order mark looks like.
        prefix = data[:nul].decode("utf-8", "replace")
        raise EncodingError(
            "a NUL byte" + (" (UTF-16?)" if nul < 64 and data.count(b"\x00") * 4 > len(data) else ""),
            file=path,
            location=_location(
                path, prefix + "\ufffd" + data[nul + 1 : nul + 200].decode("utf-8", "replace"), len(prefix)
            ),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Place the first bad byte: the text before it is valid UTF-8, so columns count characters.
        before = data[: exc.start].decode("utf-8")
        line_end = data.find(b"\n", exc.start)
        shown = before + data[exc.start : line_end if line_end >= 0 else len(data)].decode("utf-8", "replace")
        where = _location(path, shown, len(before))
        raise EncodingError(
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8 (cp1251 or another legacy encoding?)",
            file=path,
            location=where,
        ) from None
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        ch = bad.group()
        where = _location(path, text, bad.start())
        name = unicodedata.name(ch, "")
        described = f"U+{ord(ch):04X}" + (f" ({name})" if name else "")
        if _CONTROL.match(ch):
            raise EncodingError(f"control character {described}", file=path, location=where)
        raise InvisibleCharacter(f"invisible character {described}", file=path, location=where)
    return text


def scan_structure(path: Path | str, text: str) -> None:
    """Refuse anchors, aliases, merge keys and nesting deeper than ``MAX_DEPTH``, at their place.

    The parser's event stream is flat, so this works where building the tree would recurse too deep.
    """
    # One frame per open collection: is it a mapping, and how many nodes it has held so far
    # (in a mapping, the even ones are keys).
    frames: list[list[Any]] = []
    try:
        for event in _events(text):
            if isinstance(event, CollectionEndEvent):
                frames.pop()
                continue
            if not isinstance(event, NodeEvent):
                continue
            where = _Mark(path, text, event.start_mark)
            is_key = bool(frames) and frames[-1][0] and frames[-1][1] % 2 == 0
            if frames:
                frames[-1][1] += 1
            if isinstance(event, AliasEvent):
                raise InputLimit(
                    f"an alias (*{event.anchor}): anchors and aliases are not used in plans",
                    file=path,
                    location=where.location(),
                    hint="write the value out in full",
                )
            if event.anchor is not None:
                raise InputLimit(
                    f"an anchor (&{event.anchor}): anchors and aliases are not used in plans",
                    file=path,
                    location=where.location(),
                    hint="write the value out in full and remove the anchor",
                )
            if isinstance(event, ScalarEvent) and is_key and event.value == "<<" and not event.style:
                raise InputLimit(
                    "a merge key (<<): merge keys are not supported",
                    file=path,
                    location=where.location(),
                    hint="write every key of the mapping out in full",
                )
            if isinstance(event, CollectionStartEvent):
                if len(frames) >= MAX_DEPTH:
                    raise InputLimit(
                        f"collections nested more than {MAX_DEPTH} deep",
                        file=path,
                        location=where.location(),
                        hint="plans and amendments nest a few levels deep; check the brackets and indentation",
                    )
                frames.append([isinstance(event, MappingStartEvent), 0])
    except YAMLError:
        return  # a syntax error: the loader reports it, placed


def _events(text: str) -> Iterator[Any]:
    yield from YAML(typ="safe").parse(io.StringIO(text))


class _Mark:
    """A parser position, made a ``Location`` only when an error needs it (finding the line costs)."""

    def __init__(self, path: Path | str, text: str, mark: Any) -> None:
        self.path, self.text, self.mark = path, text, mark

    def location(self) -> Location:
        lines = self.text.splitlines()
        line = self.mark.line
        source = printable(lines[line]) if 0 <= line < len(lines) else None
        return Location(str(self.path), line + 1, self.mark.column + 1, source)


def formula_like(text: str) -> bool:
    """True for a text a spreadsheet would read as a formula (OWASP), except the dash-lists of the sources."""
    return _FORMULA.match(text) is not None


class _Walk:
    """One pass over a loaded file's data: depth, texts, identifiers, and NFC where the file needs it.

    Recursive with the path kept as one list (a tuple is built only for an error): the data is
    at most ``MAX_DEPTH`` deep when the walk goes down a level, so recursion is bounded.
    """

    def __init__(self, path: Path | str, *, normalise: bool, html: bool) -> None:
        self.file = path
        self.normalise = normalise
        self.html = html
        self.where: list[Any] = []

    def error(self, cls: type[AmendError], message: str, *, key: Any = None, hint: str | None = None) -> AmendError:
        where = (*self.where, key) if key is not None else tuple(self.where)
        return cls(message, path=where, file=self.file, hint=hint)

    def node(self, value: Any) -> Any:
        kind = value.__class__
        if kind is str:
            if self.normalise and not unicodedata.is_normalized("NFC", value):
                value = unicodedata.normalize("NFC", value)
            self.text(value)
        elif kind is dict or kind is list:
            if len(self.where) >= MAX_DEPTH:
                raise self.error(InputLimit, f"collections nested more than {MAX_DEPTH} deep")
            if kind is dict:
                self.mapping(value)
            else:
                for i, child in enumerate(value):
                    self.where.append(i)
                    value[i] = self.node(child)
                    self.where.pop()
        return value

    def mapping(self, value: dict[Any, Any]) -> None:
        codes = bool(self.where) and self.where[-1] in _CODE_MAPS
        for key in list(value):
            if key.__class__ is str:
                if self.normalise and not unicodedata.is_normalized("NFC", key):
                    new = unicodedata.normalize("NFC", key)
                    value[new] = value.pop(key)
                    key = new
                if codes:
                    self.identifier("abbreviation code", key, key=key)
            self.where.append(key)
            value[key] = self.node(value[key])
            self.where.pop()

    def text(self, text: str) -> None:
        where = self.where
        key = where[-1] if where else None
        if key in _ID_KEYS:
            if key in ("plan", "amends"):
                if len(where) == 1:
                    self.identifier("plan id", text)
            elif key in ("code", "code_ru"):
                self.identifier("abbreviation code", text)
            elif where[-2:] != ["act", "number"]:
                self.identifier("number", text)
        if len(where) > 1 and where[-2] == "codes_ru":  # a Russian code (ОМ: МП)
            self.identifier("abbreviation code", text)
        if text[:1] in _FORMULA_START and formula_like(text):
            raise self.error(UnsafeText, f"the text starts with {text[:1]!r}: a spreadsheet would read it as a formula")
        if self.html and ("<" in text or "&" in text):
            html = _HTML.search(text)
            if html is not None:
                raise self.error(UnsafeText, f"the text holds HTML markup ({html.group()!r}...)")

    def identifier(self, kind: str, text: str, *, key: Any = None) -> None:
        pattern, longest, shape = _PATTERNS[kind]
        if len(text) > longest or pattern.fullmatch(text) is None:
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise self.error(
                IdentifierError,
                f"{shown!r} is not a valid {kind}",
                key=key,
                hint=f"a {kind} is {shape}, at most {longest}",
            )


def check_tree(path: Path | str, data: Any, text: str | None = None) -> Any:
    """``data`` with every text NFC-normalised, after checking depth, texts and identifiers.

    ``text``, the file's text, lets the walk skip what the whole file already rules out (NFC, markup).
    Errors carry the document path of the bad value; ``yaml_io.locate`` places them.
    """
    # A file that is NFC as a whole, with no escapes that could spell a decomposed letter, needs no
    # normalising; one without < or & holds no markup.
    normalise = text is None or "\\" in text or not unicodedata.is_normalized("NFC", text)
    html = text is None or "<" in text or "&" in text
    return _Walk(path, normalise=normalise, html=html).node(data)
