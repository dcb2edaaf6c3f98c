"""A corpus of hostile and broken inputs: each gets a located error and exit 1, never a traceback, and
``consolidated/`` is left as it was, by ``check`` and by ``build`` alike.

Each case breaks a copy of the real repository in one way: every encoding, control, zero-width and
bidi characters, deep nesting, anchors and merge keys, a huge file, unknown keys, each operation with a
wrong target, taken numbers, bad dates, HTML and formulas in cells, identifiers with path separators,
links and stray files. ``at`` is the text the caret must point at (line and column are where it stands
in the broken file); cases whose place is not a text give ``line`` and ``column`` themselves.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import internal_words, snapshot
from typer.testing import CliRunner

from amend.cli.app import app

A392 = "plans/amendments/392.yaml"
B748 = "plans/base/748.yaml"
B156 = "plans/base/156.yaml"

Mutation = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Mutation
    rule: str
    file: str
    message: str
    at: str | None = None  # the text the caret points at, found in the broken file
    line: int | None = None
    column: int | None = None


def _replace(file: str, old: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the case no longer matches {file}: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def _append(file: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / file
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + new, encoding="utf-8")

    return mutate


def _bytes(file: str, make: Callable[[bytes], bytes]) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / file
        path.write_bytes(make(path.read_bytes()))

    return mutate


def _new_file(rel: str, content: str | bytes) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    return mutate


def edit(id: str, file: str, old: str, new: str, rule: str, at: str, message: str) -> Case:
    return Case(id, _replace(file, old, new), rule, file, message, at=at)


def op(id: str, text: str, rule: str, at: str, message: str) -> Case:
    """An operation appended to 392's operations."""
    return Case(id, _append(A392, text), rule, A392, message, at=at)


# -- encodings and characters ----------------------------------------------------------------------

FIRST_CYRILLIC_392 = (7, 12)  # `issuer: "Қазақстан ...` on line 7: the first byte a legacy encoding changes


def _encoded(codec: str, bom: bytes = b"") -> Callable[[bytes], bytes]:
    return lambda data: bom + data.decode("utf-8").encode(codec, errors="replace")


def _insert_bytes(after: bytes, extra: bytes) -> Callable[[bytes], bytes]:
    def make(data: bytes) -> bytes:
        assert after in data
        return data.replace(after, after + extra, 1)

    return make


def _garbage(data: bytes) -> bytes:
    rng = random.Random(13)
    return bytes(rng.randrange(128, 256) for _ in range(4096))


ENCODINGS = [
    Case("cp1251", _bytes(A392, _encoded("cp1251")), "encoding", A392, "not valid UTF-8", line=6, column=13),
    Case("koi8-r", _bytes(A392, _encoded("koi8_r")), "encoding", A392, "not valid UTF-8", line=6, column=13),
    Case(
        "utf-16-le-bom", _bytes(A392, _encoded("utf-16-le", b"\xff\xfe")), "encoding", A392, "UTF-16", line=1, column=1
    ),
    Case(
        "utf-16-be-bom", _bytes(A392, _encoded("utf-16-be", b"\xfe\xff")), "encoding", A392, "UTF-16", line=1, column=1
    ),
    Case(
        "utf-16-no-bom", _bytes(A392, _encoded("utf-16-le")), "encoding", A392, "a NUL byte (UTF-16?)", line=1, column=2
    ),
    Case(
        "utf-32-bom",
        _bytes(A392, _encoded("utf-32-le", b"\xff\xfe\x00\x00")),
        "encoding",
        A392,
        "UTF-32",
        line=1,
        column=1,
    ),
    Case("binary-garbage", _bytes(A392, _garbage), "encoding", A392, "byte 0x", line=1, column=1),
    Case(
        "lone-continuation-byte",
        _bytes(A392, _insert_bytes(b'form: "', b"\x80")),
        "encoding",
        A392,
        "byte 0x80 is not valid UTF-8",
        line=24,
        column=14,
    ),
    Case(
        "overlong-slash",
        _bytes(A392, _insert_bytes(b'form: "', b"\xc0\xaf")),
        "encoding",
        A392,
        "byte 0xc0 is not valid UTF-8",
        line=24,
        column=14,
    ),
    Case(
        "truncated-at-end",
        _bytes(A392, lambda d: d + "Қ".encode()[:1]),
        "encoding",
        A392,
        "is not valid UTF-8",
        line=201,
        column=1,
    ),
    Case(
        "latin-1-in-148",
        _bytes(B748, _insert_bytes(b'plan: "748', b"\xe9")),
        "encoding",
        B748,
        "0xe9",
        line=8,
        column=11,
    ),
]


def _char(id: str, file: str, anchor: str, char: str, rule: str, message: str) -> Case:
    """``char`` inserted right after ``anchor``; the caret must point at it."""
    return edit(id, file, anchor, anchor + char, rule, anchor + char, message)


_AT_CHAR = re.compile(r".")

CHARACTERS = [
    Case(
        "nul-in-cell",
        _replace(A392, 'form: "ақпараттық', 'form: "\x00ақпараттық'),
        "encoding",
        A392,
        "a NUL byte",
        at="\x00",
    ),
    Case("bell", _replace(A392, 'form: "ақпараттық', 'form: "\x07ақпараттық'), "encoding", A392, "U+0007", at="\x07"),
    Case(
        "ansi-escape",
        _replace(A392, 'form: "ақпараттық', 'form: "\x1b[31mақпараттық'),
        "encoding",
        A392,
        "U+001B",
        at="\x1b",
    ),
    Case("delete", _replace(A392, 'form: "ақпараттық', 'form: "\x7fақпараттық'), "encoding", A392, "U+007F", at="\x7f"),
    Case(
        "c1-next-line",
        _replace(A392, 'form: "ақпараттық', 'form: "\x85ақпараттық'),
        "encoding",
        A392,
        "U+0085",
        at="\x85",
    ),
    Case(
        "vertical-tab",
        _replace(A392, 'form: "ақпараттық', 'form: "\x0bақпараттық'),
        "encoding",
        A392,
        "U+000B",
        at="\x0b",
    ),
    Case(
        "form-feed", _replace(A392, 'form: "ақпараттық', 'form: "\x0cақпараттық'), "encoding", A392, "U+000C", at="\x0c"
    ),
    Case(
        "zero-width-after-executor-code",
        _replace(A392, 'executors: "ОМ, МАМ, ЖАО"', 'executors: "ОМ\u200b, МАМ, ЖАО"'),
        "invisible-character",
        A392,
        "ZERO WIDTH SPACE",
        at="\u200b",
    ),
    Case(
        "zero-width-joiner",
        _replace(A392, "науқан жүргізу", "науқан\u200d жүргізу"),
        "invisible-character",
        A392,
        "U+200D",
        at="\u200d",
    ),
    Case(
        "zero-width-non-joiner",
        _replace(A392, "науқан жүргізу", "науқан\u200c жүргізу"),
        "invisible-character",
        A392,
        "U+200C",
        at="\u200c",
    ),
    Case(
        "right-to-left-override",
        _replace(A392, 'cost: "талап', 'cost: "\u202eталап'),
        "invisible-character",
        A392,
        "RIGHT-TO-LEFT OVERRIDE",
        at="\u202e",
    ),
    Case(
        "left-to-right-isolate",
        _replace(A392, 'row: "6"', 'row: "6\u2066"'),
        "invisible-character",
        A392,
        "U+2066",
        at="\u2066",
    ),
    Case(
        "bom-inside",
        _replace(B748, "ОМ: !unknown", "О\ufeffМ: !unknown"),
        "invisible-character",
        B748,
        "U+FEFF",
        at="\ufeff",
    ),
    Case(
        "soft-hyphen",
        _replace(B748, "Орта мерзімді", "Орта мер\u00adзімді"),
        "invisible-character",
        B748,
        "U+00AD",
        at="\u00ad",
    ),
    Case(
        "line-separator",
        _replace(A392, "науқан жүргізу", "науқан\u2028жүргізу"),
        "invisible-character",
        A392,
        "U+2028",
        at="\u2028",
    ),
    Case(
        "word-joiner",
        _replace(B156, 'plan: "156"', 'plan: "15\u20606"'),
        "invisible-character",
        B156,
        "U+2060",
        at="\u2060",
    ),
    Case(
        "arabic-letter-mark",
        _replace(A392, 'number: "392"', 'number: "392\u061c"'),
        "invisible-character",
        A392,
        "U+061C",
        at="\u061c",
    ),
]

# -- structure and limits --------------------------------------------------------------------------

LIMITS = [
    Case(
        "5000-deep-flow",
        _append(B748, "deep: " + "[" * 5000 + "]" * 5000 + "\n"),
        "input-limit",
        B748,
        "nested more than 32 deep",
        at="[" * (5000 - 31) + "]",  # the 32nd bracket: the top mapping is the first level
    ),
    Case(
        "deep-block-nesting",
        _append(B748, "deep:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)) + "  " * 60 + "v: 1\n"),
        "input-limit",
        B748,
        "nested more than 32 deep",
        at="k32:",
    ),
    Case(
        "billion-laughs",
        _append(
            B748,
            'lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
            + "".join(f"l{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i > 1 else "*a"] * 9) + "]\n" for i in range(1, 9)),
        ),
        "input-limit",
        B748,
        "an anchor (&a)",
        at="&a [",
    ),
    Case(
        "merge-key",
        _replace(A392, '  - op: replace_row\n    section: "1"\n', '  - op: replace_row\n    <<: {section: "1"}\n'),
        "input-limit",
        A392,
        "a merge key (<<)",
        at="<<: {section",
    ),
    Case(
        "merge-key-with-alias",
        _replace(A392, "entry_into_force: {rule: on_signing}", "entry_into_force: &e {rule: on_signing}\nx:\n  <<: *e"),
        "input-limit",
        A392,
        "an anchor (&e)",
        at="&e",
    ),
    Case("alias-only", _replace(A392, "status: adopted", "status: *s"), "input-limit", A392, "an alias (*s)", at="*s"),
    Case(
        "huge-file",
        _append(B748, "# " + "ж" * (17 * 1024 * 1024) + "\n"),
        "input-limit",
        B748,
        "larger than 32 MiB",
    ),
]

# -- YAML and schema -------------------------------------------------------------------------------

SYNTAX = [
    Case("empty-file", _bytes(A392, lambda d: b""), "schema", A392, "got an empty file", line=1, column=1),
    Case("top-level-list", _bytes(A392, lambda d: b"- a\n- b\n"), "schema", A392, "got a list", line=1, column=1),
    Case("top-level-scalar", _bytes(A392, lambda d: b"just text\n"), "schema", A392, "got a str", line=1, column=1),
    edit(
        "two-documents",
        A392,
        'amends: "748"\n',
        'amends: "748"\n---\nx: 1\n',
        "yaml-syntax",
        "---",
        "expected a single document",
    ),
    edit(
        "tab-indentation",
        A392,
        '    section: "1"\n    row: "6"',
        '    section: "1"\n\trow: "6"',
        "yaml-syntax",
        "\trow",
        "cannot start any token",
    ),
    edit(
        "unclosed-quote",
        A392,
        'form: "ақпараттық науқан"',
        'form: "ақпараттық науқан',
        "yaml-syntax",
        'жыл сайын желтоқсан"',
        "did not find expected key",
    ),
    edit(
        "duplicate-key",
        A392,
        '    row: "6"\n',
        '    row: "6"\n    row: "7"\n',
        "yaml-syntax",
        'row: "7"',
        "duplicate key",
    ),
    edit(
        "unknown-with-text",
        B748,
        "entry_into_force: !unknown",
        'entry_into_force: !unknown "on signing"',
        "yaml-syntax",
        '!unknown "on',
        "takes no value",
    ),
    edit(
        "python-tag",
        A392,
        "status: adopted",
        'status: !!python/object/apply:os.system ["true"]',
        "yaml-syntax",
        "!!python",
        "could not determine a constructor",
    ),
    edit(
        "unknown-tag",
        A392,
        "status: adopted",
        "status: !secret adopted",
        "yaml-syntax",
        "!secret",
        "could not determine a constructor",
    ),
]

UNKNOWN_KEYS = [
    edit(
        "colums", B748, "columns:\n", "colums:\n", "schema", "colums", "unknown key 'colums' (did you mean 'columns'?)"
    ),
    edit(
        "operatons",
        A392,
        "operations:\n",
        "operatons:\n",
        "schema",
        "operatons",
        "unknown key 'operatons' (did you mean 'operations'?)",
    ),
    edit("rw", A392, '    row: "6"\n', '    rw: "6"\n', "schema", "rw:", "unknown key 'rw' (did you mean 'row'?)"),
    edit(
        "sectoin-in-row",
        B748,
        '  - number: "6"        # replaced by 392\n    section: "1"',
        '  - number: "6"        # replaced by 392\n    sectoin: "1"',
        "schema",
        "sectoin",
        "unknown key 'sectoin' (did you mean 'section'?)",
    ),
    edit(
        "enty-into-force",
        A392,
        "entry_into_force: {rule",
        "enty_into_force: {rule",
        "schema",
        "enty_into_force",
        "(did you mean 'entry_into_force'?)",
    ),
    edit(
        "no-guess",
        A392,
        "status: adopted\n",
        "status: adopted\nflavour: sweet\n",
        "schema",
        "flavour",
        "unknown key 'flavour'",
    ),
]

DATES = [
    edit("february-30", A392, "date: 2025-05-30", "date: 2025-02-30", "schema", "2025-02-30", "act.date"),
    edit("month-13", A392, "date: 2025-05-30", "date: 2025-13-01", "schema", "2025-13-01", "act.date"),
    edit("dotted-date-in-file", A392, "date: 2025-05-30", "date: 30.05.2025", "schema", "30.05.2025", "act.date"),
    edit("plan-date-impossible", B748, "date: 2023-08-31", "date: 2023-09-31", "schema", "2023-09-31", "act.date"),
    op(
        "op-in-force-not-leap",
        "  - op: delete_abbreviation\n    code: КМ\n    in_force: 2025-02-29\n",
        "schema",
        "2025-02-29",
        "in_force",
    ),
    edit(
        "published-impossible",
        A392,
        "entry_into_force: {rule: on_signing}",
        "entry_into_force: {rule: after_publication, days: 10, published: 2025-06-31}",
        "schema",
        "2025-06-31",
        "published",
    ),
    edit(
        "negative-days",
        A392,
        "entry_into_force: {rule: on_signing}",
        "entry_into_force: {rule: after_publication, days: -1, published: 2025-06-03}",
        "schema",
        "-1",
        "days",
    ),
    edit(
        "in-force-before-plan",
        A392,
        "entry_into_force: {rule: on_signing}",
        "entry_into_force: {rule: on_date, date: 2023-01-01}",
        "date-order",
        "2023-01-01",
        "before plan 748 is in force",
    ),
]

# -- each operation with a wrong target, taken numbers ---------------------------------------------

TARGETS = [
    op("delete-missing-row", '  - op: delete_row\n    row: "99"\n', "target-missing", '"99"', "row 99 does not exist"),
    op(
        "replace-cells-missing-row",
        '  - op: replace_cells\n    row: "98"\n    cells: {form: "ақпарат"}\n',
        "target-missing",
        '"98"',
        "row 98",
    ),
    op(
        "replace-words-missing-row",
        '  - op: replace_words\n    old: "науқан"\n    new: "кампания"\n    occurrences: 1\n    row: "97"\n',
        "target-missing",
        '"97"',
        "row 97",
    ),
    op(
        "replace-missing-abbreviation",
        '  - op: replace_abbreviation\n    code: ЖЖЖ\n    expansion: "министрлік"\n',
        "target-missing",
        "ЖЖЖ",
        "ЖЖЖ",
    ),
    op("delete-missing-abbreviation", "  - op: delete_abbreviation\n    code: ЖЖЖ\n", "target-missing", "ЖЖЖ", "ЖЖЖ"),
    op(
        "set-title-missing-section",
        '  - op: set_title\n    section: "9"\n    title: "бөлім"\n',
        "target-missing",
        '"9"',
        "section 9",
    ),
    op(
        "set-title-missing-subsection",
        '  - op: set_title\n    section: "1"\n    subsection: "1.9"\n    title: "бөлім"\n',
        "target-missing",
        '"1.9"',
        "1.9",
    ),
    op(
        "add-subsection-missing-section",
        '  - op: add_subsection\n    section: "9"\n    number: "9.1"\n    title: "бөлім"\n',
        "target-missing",
        '"9"',
        "section 9",
    ),
    op(
        "insert-into-missing-section",
        '  - op: insert_rows\n    section: "9"\n    rows:\n      - number: "99-1"\n'
        '        cells: {measure: "а", form: "б", deadline: "в", executors: "ОМ", cost: "-", funding: "-"}\n',
        "target-missing",
        '"9"',
        "section 9",
    ),
    op(
        "replace-words-unknown-column",
        '  - op: replace_words\n    old: "науқан"\n    new: "кампания"\n    occurrences: 1\n    row: "6"\n'
        "    column: colour\n",
        "columns-mismatch",
        "colour",
        "colour",
    ),
    op(
        "delete-row-twice",
        "  - op: delete_row\n    row: \"49\"\n  - op: delete_row\n    row: '49'\n",
        "target-deleted",
        "'49'",
        "act 392 deleted it",
    ),
    op(
        "add-section-taken",
        '  - op: add_section\n    number: "1"\n    title: "бөлім"\n',
        "number-taken",
        '"1"\n    title: "бөлім"',
        "section 1",
    ),
    op(
        "add-subsection-taken",
        '  - op: add_subsection\n    section: "1"\n    number: "1.2"\n    title: "бөлім"\n',
        "number-taken",
        '"1.2"\n    title: "бөлім"',
        "1.2",
    ),
    op(
        "add-abbreviation-taken",
        '  - op: add_abbreviations\n    entries:\n      ДСМ: "министрлік"\n',
        "abbreviation-taken",
        '"министрлік"',
        "ДСМ",
    ),
    edit(
        "insert-existing-row",
        A392,
        'number: "29-2"',
        'number: "29-1"',
        "number-taken",
        '"29-1"\n        cells:\n          measure: "Ұлттық',
        "29-1",
    ),
    edit("plan-missing", A392, 'amends: "748"', 'amends: "749"', "plan-missing", '"749"', "plan 749"),
]

# -- formulas and HTML in texts --------------------------------------------------------------------


def _cell(id: str, text: str, message: str) -> Case:
    yaml_text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    return edit(id, A392, 'form: "ақпараттық науқан"', f'form: "{yaml_text}"', "unsafe-text", f'"{yaml_text}"', message)


FORMULA = "a spreadsheet would read it as a formula"
TEXTS = [
    _cell("hyperlink-formula", '=HYPERLINK("http://example.invalid/?q="&A1,"click")', FORMULA),
    _cell("dde-formula", "=cmd|' /C calc'!A0", FORMULA),
    _cell("plus-formula", "+1+2", FORMULA),
    _cell("at-formula", "@SUM(A1:A9)", FORMULA),
    _cell("minus-formula", "-2+3+cmd|' /C calc'!A0", FORMULA),
    _cell("minus-letter", "-cmd", FORMULA),
    _cell("leading-tab", "\t=1+1", FORMULA),
    _cell("leading-cr", "\r=1+1", FORMULA),
    _cell("script-tag", "<script>alert(1)</script>", "HTML markup"),
    _cell("bold-inside", "ақпараттық <b>науқан</b>", "HTML markup"),
    _cell("entity", "ақпараттық &lt;науқан&gt;", "HTML markup"),
    _cell("comment", "ақпараттық <!-- x --> науқан", "HTML markup"),
    _cell("closing-tag", "ақпараттық науқан</td>", "HTML markup"),
    edit("formula-in-expansion", A392, 'КМ: "Қазақстан', 'КМ: "=Қазақстан', "unsafe-text", '"=Қазақстан', FORMULA),
    edit(
        "formula-in-title",
        B748,
        'title: "Орта мерзімді шаралар"',
        'title: "@Орта мерзімді шаралар"',
        "unsafe-text",
        '"@Орта',
        FORMULA,
    ),
    edit(
        "html-in-note",
        B748,
        '  - "Rows: only',
        '  - "<img src=x onerror=alert(1)> Rows: only',
        "unsafe-text",
        '"<img',
        "HTML markup",
    ),
]

# -- identifiers and paths -------------------------------------------------------------------------

IDENTIFIERS = [
    edit(
        "plan-absolute-path",
        B748,
        'plan: "748"',
        'plan: "/tmp/x"',
        "identifier",
        '"/tmp/x"',
        "'/tmp/x' is not a valid plan id",
    ),
    edit(
        "plan-dot-dot", B748, 'plan: "748"', 'plan: "../.."', "identifier", '"../.."', "'../..' is not a valid plan id"
    ),
    edit("plan-backslash", B748, 'plan: "748"', 'plan: "..\\\\x"', "identifier", '"..\\\\x"', "is not a valid plan id"),
    edit("plan-dotted", B748, 'plan: "748"', 'plan: "748.bak"', "identifier", '"748.bak"', "is not a valid plan id"),
    edit(
        "plan-too-long", B748, 'plan: "748"', 'plan: "' + "7" * 40 + '"', "identifier", '"777', "is not a valid plan id"
    ),
    edit("amends-path", A392, 'amends: "748"', 'amends: "../748"', "identifier", '"../748"', "is not a valid plan id"),
    edit("row-with-slash", A392, 'row: "6"', 'row: "6/7"', "identifier", '"6/7"', "is not a valid number"),
    edit(
        "section-with-slash",
        A392,
        '    section: "1"\n    row: "6"',
        '    section: "1/2"\n    row: "6"',
        "identifier",
        '"1/2"',
        "is not a valid number",
    ),
    edit(
        "subsection-dot-dot",
        A392,
        'subsection: "1.2"',
        'subsection: "1..2"',
        "identifier",
        '"1..2"',
        "is not a valid number",
    ),
    edit("row-with-space", A392, 'row: "6"', 'row: "6 7"', "identifier", '"6 7"', "is not a valid number"),
    edit(
        "code-with-slash",
        A392,
        'КМ: "Қазақстан',
        '"К/М": "Қазақстан',
        "identifier",
        '"К/М"',
        "is not a valid abbreviation code",
    ),
    edit(
        "code-with-tab",
        B748,
        "ОМ: !unknown",
        '"О\\tМ": !unknown',
        "identifier",
        '"О\\tМ"',
        "is not a valid abbreviation code",
    ),
    op(
        "op-code-dot-dot",
        "  - op: delete_abbreviation\n    code: ../КМ\n",
        "identifier",
        "../КМ",
        "is not a valid abbreviation code",
    ),
    edit("act-number-bidi", A392, 'number: "392"', 'number: "39\u202e2"', "invisible-character", "\u202e", "U+202E"),
    edit("row-integer-float", A392, 'row: "6"', "row: 6.0", "schema", "6.0", "got 6.0"),
]

# -- files, links and folders ----------------------------------------------------------------------


def _symlink(rel: str, target: Callable[[Path], Path]) -> Mutation:
    def mutate(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target(root), root / rel)

    return mutate


SECRET = "TOP-SECRET-VALUE-3141"


def _outside_secret(root: Path) -> Path:
    secret = root.parent / "outside-secret.yaml"
    secret.write_text(f"act: {SECRET}\npassword: {SECRET}\n", encoding="utf-8")
    return secret


def _outside_folder(root: Path) -> Path:
    folder = root.parent / "outside-folder"
    folder.mkdir(exist_ok=True)
    (folder / "x.yaml").write_text(f"plan: {SECRET}\n", encoding="utf-8")
    return folder


def _both(*mutations: Mutation) -> Mutation:
    def mutate(root: Path) -> None:
        for m in mutations:
            m(root)

    return mutate


def _fifo(rel: str) -> Mutation:
    return lambda root: os.mkfifo(root / rel)


FILES = [
    Case(
        "symlink-to-outside-file",
        _symlink("plans/amendments/500.yaml", _outside_secret),
        "file-refused",
        "plans/amendments/500.yaml",
        "is a symbolic link",
    ),
    Case(
        "symlink-to-inside-file",
        _symlink("plans/amendments/393.yaml", lambda r: r / A392),
        "file-refused",
        "plans/amendments/393.yaml",
        "is a symbolic link",
    ),
    Case(
        "symlinked-amendments-folder",
        _both(
            lambda r: os.rename(r / "plans/amendments", r / "elsewhere"),
            _symlink("plans/amendments", lambda r: r / "elsewhere"),
        ),
        "file-refused",
        "plans/amendments",
        "is not a folder",
    ),
    Case(
        "symlinked-subfolder-outside",
        _symlink("plans/amendments/2025", _outside_folder),
        "file-refused",
        "plans/amendments/2025",
        "is a symbolic link",
    ),
    Case(
        "fifo-in-amendments",
        _fifo("plans/amendments/pipe.yaml"),
        "file-refused",
        "plans/amendments/pipe.yaml",
        "is not a regular file",
    ),
    Case(
        "subfolder-in-base",
        _new_file("plans/base/old/748.yaml", "x: 1\n"),
        "file-refused",
        "plans/base/old",
        "is a subfolder",
    ),
    Case(
        "stray-text-file",
        _new_file("plans/amendments/notes.txt", "notes\n"),
        "file-refused",
        "plans/amendments/notes.txt",
        "is not a .yaml file",
    ),
    Case(
        "stray-backup",
        _new_file("plans/base/748.yaml~", "x\n"),
        "file-refused",
        "plans/base/748.yaml~",
        "is not a .yaml file",
    ),
    Case(
        "stray-in-plans",
        _new_file("plans/drafts.yaml", "x: 1\n"),
        "file-refused",
        "plans/drafts.yaml",
        "plans/ holds base/ and amendments/ only",
    ),
    Case(
        "yml-is-read",
        _new_file("plans/amendments/393.yml", "act: [\n"),
        "yaml-syntax",
        "plans/amendments/393.yml",
        "",
        line=2,
        column=1,
    ),
    Case(
        "nested-amendment-is-read",
        _new_file("plans/amendments/2025/393.yaml", 'amends: "748"\nstatus: adopted\n'),
        "schema",
        "plans/amendments/2025/393.yaml",
        "`act` is missing; add it",
        line=1,
        column=1,
    ),
    Case(
        "duplicate-plan",
        _new_file("plans/base/748-copy.yaml", (Path(__file__).parent.parent / B748).read_text(encoding="utf-8")),
        "act-duplicate",
        "plans/base/748.yaml",
        "plan 748 is also defined",
        at='"748"',
    ),
]

CASES = ENCODINGS + CHARACTERS + LIMITS + SYNTAX + UNKNOWN_KEYS + DATES + TARGETS + TEXTS + IDENTIFIERS + FILES


def test_the_corpus_is_about_ninety_cases_with_unique_ids():
    assert len(CASES) >= 90
    assert len({c.id for c in CASES}) == len(CASES)


def _expected_place(case: Case, root: Path) -> tuple[int, int] | None:
    if case.line is not None:
        return case.line, case.column if case.column is not None else 1
    if case.at is None:
        return None
    text = (root / case.file).read_bytes().decode("utf-8", "replace")
    offset = text.index(case.at)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_gets_a_located_error_exit_1_and_nothing_written(case: Case, command: str, repo_copy: Path):
    case.mutate(repo_copy)
    before = snapshot(repo_copy / "consolidated")

    result = CliRunner().invoke(app, [command, "--root", str(repo_copy)])

    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert snapshot(repo_copy / "consolidated") == before
    head = f"{repo_copy / case.file}"
    place = _expected_place(case, repo_copy)
    if place is not None:
        head += f":{place[0]}:{place[1]}"
    assert f"{head}: error [{case.rule}]" in result.stderr, result.stderr
    assert case.message in result.stderr
    # Every message is formatted: no placeholder left for the reader to decode.
    assert not re.search(r"\{[a-z_]+(![rs])?\}", result.stderr)
    # What a file outside the repository holds is never printed.
    assert SECRET not in result.output
    # Plain words: no pydantic internals, no place counted from 0.
    assert internal_words(result.stderr) == [], result.stderr


def test_a_symlinked_consolidated_folder_is_not_written_through(repo_copy: Path):
    outside = repo_copy.parent / "outside-consolidated"
    os.rename(repo_copy / "consolidated" / "748", outside)
    os.symlink(outside, repo_copy / "consolidated" / "748")
    before = snapshot(outside)
    (outside / "2025-05-30.yaml").write_text("changed\n", encoding="utf-8")
    before = snapshot(outside)

    result = CliRunner().invoke(app, ["build", "--root", str(repo_copy)])

    assert result.exit_code == 1, result.output
    assert "error [output]" in result.stderr and "would be written outside" in result.stderr
    assert snapshot(outside) == before


def test_a_consolidated_path_that_is_a_file_gives_an_error_naming_it(repo_copy: Path):
    import shutil

    shutil.rmtree(repo_copy / "consolidated")
    (repo_copy / "consolidated").write_text("not a folder\n", encoding="utf-8")

    result = CliRunner().invoke(app, ["build", "--root", str(repo_copy)])

    assert result.exit_code == 1, result.output
    assert "error [output]" in result.stderr and "consolidated" in result.stderr
    assert (repo_copy / "consolidated").read_text(encoding="utf-8") == "not a folder\n"


def test_a_read_only_consolidated_folder_gives_a_clear_error_and_nothing_half_written(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch
):
    stale = repo_copy / "consolidated/748/2025-05-30.yaml"
    stale.write_text("stale\n", encoding="utf-8")
    before = snapshot(repo_copy / "consolidated")
    folders = [p for p in (repo_copy / "consolidated").rglob("*") if p.is_dir()] + [repo_copy / "consolidated"]
    if os.geteuid() == 0:
        # Root writes into a 0555 folder regardless (as CI runs): the folders are made read-only for the
        # writer's check itself, which is what stands between a read-only folder and a half-written build.
        import amend.store.writing as writing

        real_access = os.access
        read_only = {str(f) for f in folders}
        monkeypatch.setattr(
            writing.os,
            "access",
            lambda path, mode, **kw: False if str(path) in read_only and mode & os.W_OK else real_access(path, mode),
        )
    for folder in folders:
        folder.chmod(0o555)
    try:
        result = CliRunner().invoke(app, ["build", "--root", str(repo_copy)])
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert result.exit_code == 1
    assert "error [output]" in result.stderr and "is not writable" in result.stderr
    assert snapshot(repo_copy / "consolidated") == before


def test_what_stays_valid_stays_valid(repo_copy: Path):
    """The near twins of the corpus: a UTF-8 BOM, CRLF line ends, .yml, a nested amendment, dash-lists,
    '-' cells, an act number with a slash and an NFD spelling are all accepted."""
    for rel in (A392, B748):
        path = repo_copy / rel
        data = path.read_bytes()
        path.write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    nested = repo_copy / "plans/amendments/2025"
    nested.mkdir()
    os.rename(repo_copy / A392, nested / "392.yml")
    result = CliRunner().invoke(app, ["check", "--root", str(repo_copy)])
    assert result.exit_code == 0, result.output


def test_a_symlink_in_consolidated_is_reported_by_check(repo_copy: Path):
    outside = repo_copy.parent / "outside-index.yaml"
    index = repo_copy / "consolidated/748/index.yaml"
    outside.write_bytes(index.read_bytes())  # the same bytes: only the link is wrong
    index.unlink()
    index.symlink_to(outside)

    result = CliRunner().invoke(app, ["check", "--root", str(repo_copy)])

    assert result.exit_code == 1
    assert f"{index}: error [file-refused]" in result.stderr and "is a symbolic link" in result.stderr


def test_an_act_number_with_a_slash_is_accepted_and_its_site_page_stays_inside(repo_copy: Path, tmp_path: Path):
    path = repo_copy / A392
    path.write_text(path.read_text(encoding="utf-8").replace('number: "392"', 'number: "392-н/қ"', 1), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["build", "--root", str(repo_copy)]).exit_code == 0
    assert runner.invoke(app, ["check", "--root", str(repo_copy)]).exit_code == 0
    assert "№ 392-н/қ" in (repo_copy / "consolidated/748/2025-05-30.yaml").read_text(encoding="utf-8")
    site = tmp_path / "site"
    result = runner.invoke(app, ["site", str(site), "--root", str(repo_copy)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (site / "748" / "acts").iterdir()] == ["2025-05-30-392-н_қ.html"]
