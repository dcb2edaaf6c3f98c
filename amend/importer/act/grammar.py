"""The grammar of the Kazakh amending formulas (lark, Earley): one paragraph of an act in, one instruction out.

The grammar is written in ``grammar.lark`` with the fixed phrases in guillemets («мынадай редакцияда
жазылсын»); each phrase is expanded into one terminal per word, matched as a whole word. The phrases are
written there as ``language.phrases`` writes them, not yet generated from it (the round-trip tests of
``drafting`` hold the two together). Each formula is one production; the transformer
turns a parse into the instruction data classes of ``instructions``. A paragraph the grammar does not
derive is ``Unrecognized``: reported, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError

from amend.language.lexicon import ROMAN_DIGITS, ROMAN_LOOKALIKES
from amend.language.phrases import kazakh_date, parse_days, parse_ordinal, row_numbers

__all__ = ["Clause", "Formula", "parse_paragraph", "parser"]

# The grammar's text: package data beside this module (a .lark file, so that it reads as a grammar).
_GRAMMAR = (resources.files(__package__) / "grammar.lark").read_text(encoding="utf-8")

_PHRASE = re.compile(r"«([^»]+)»")


def _expand(grammar: str) -> str:
    """Each «phrase» becomes its words, each a whole-word terminal (defined once, named by its text)."""
    words: dict[str, str] = {}

    def terminal(word: str) -> str:
        if word not in words:
            words[word] = f"_K{len(words)}"
        return words[word]

    body = _PHRASE.sub(lambda m: " ".join(terminal(x) for x in m.group(1).split()), grammar)
    defs = "\n".join(f"{name}: /{re.escape(word)}(?!\\w)/" for word, name in words.items())
    return body + "\n" + defs + "\n"


@cache
def parser() -> Lark:
    """The Earley parser of one paragraph (built once)."""
    return Lark(_expand(_GRAMMAR), parser="earley", lexer="dynamic", ambiguity="resolve")


class Formula:
    """A paragraph read by the grammar: the production's name and its values."""

    __slots__ = ("kind", "values")

    def __init__(self, kind: str, values: dict[str, Any]) -> None:
        self.kind = kind
        self.values = values

    def __repr__(self) -> str:
        return f"Formula({self.kind!r}, {self.values!r})"


# A reference to a point of the act, or to a subpoint of one: (2, None) "2-тармақ", (1, 3) "1-тармақтың 3) тармақшасы",
# or to a paragraph of one: (1, None, 3) "1-тармақтың үшінші абзацы".
Ref = tuple[int, int | None] | tuple[int, None, int]


class Clause:
    """An entry-into-force clause: the main rule, the points it excepts, and each later commencement."""

    __slots__ = ("exceptions", "later", "rule")

    def __init__(
        self, rule: tuple[str, Any], exceptions: tuple[Ref, ...], later: tuple[tuple[tuple[Ref, ...], Any], ...]
    ):
        self.rule = rule
        self.exceptions = exceptions
        self.later = later


class Later:
    """The later commencements of one sentence: (refs, rule) each."""

    __slots__ = ("items",)

    def __init__(self, items: tuple[tuple[tuple[Ref, ...], tuple[str, Any]], ...]) -> None:
        self.items = items


_ROMAN_LOOKALIKES = str.maketrans(ROMAN_LOOKALIKES)


def _section_number(token: str) -> str:
    # Roman numerals are often typed with Cyrillic look-alike letters (І for I).
    return token.translate(_ROMAN_LOOKALIKES)


def _unquote(token: str) -> str:
    return token[1:-1].strip()


@v_args(inline=True)
class _Reader(Transformer[Token, Formula]):
    """Turns a parse tree into a ``Formula``."""

    def rowlist(self, *items: Token) -> list[str]:
        return row_numbers(", ".join(str(i) for i in items))

    def rows_nom(self, rows: list[str]) -> list[str]:
        return rows

    rows_ins = rows_nom

    def collist(self, *items: Token) -> list[int]:
        return [int(i) for i in items]

    def pointlist(self, *items: Token) -> tuple[int, ...]:
        return tuple(int(i) for i in items)

    def sublist(self, *items: Token) -> tuple[int, ...]:
        return tuple(int(str(i).rstrip(")")) for i in items)

    def ref_points(self, points: tuple[int, ...]) -> tuple[Ref, ...]:
        return tuple((p, None) for p in points)

    def ref_subs(self, point: Token, subs: tuple[int, ...]) -> tuple[Ref, ...]:
        return tuple((int(point), s) for s in subs)

    def refs(self, refs: tuple[Ref, ...]) -> tuple[Ref, ...]:
        return refs

    def ordlist(self, *items: Token) -> tuple[int, ...]:
        found = [parse_ordinal(str(i)) for i in items]
        return tuple(n for n in found if n is not None) if all(found) else ()

    def ref_paras(self, point: Token, paragraphs: tuple[int, ...]) -> tuple[Ref, ...]:
        # A paragraph of a point: (point, None, paragraph); an ordinal no word of ``language.cases`` is: no reference.
        return tuple((int(point), None, n) for n in paragraphs)

    def section_ctx(self, *args: Token) -> Formula:
        title = _unquote(args[0]) if len(args) == 2 else None
        return Formula("section_ctx", {"title": title, "section": _section_number(args[-1])})

    def subsection_ctx(self, quoted: Token, *numbered: Token) -> Formula:
        if quoted.type in ("SUBNUM", "SUBNUM_HY"):
            # "2.1 кіші бөлімде:" names the subsection by its number only.
            return Formula("subsection_ctx", {"subsection": str(quoted).rstrip(".-"), "title": None})
        number, title = _numbered(_unquote(quoted))
        if numbered:
            # '"<title>" деген 2.1-кіші бөлімде:': the number after "деген" names it; a title quoted with no
            # number of its own is the whole quote (checked against the plan's, as any title).
            title = title if number else _unquote(quoted)
            number = str(numbered[0]).rstrip(".-")
        return Formula("subsection_ctx", {"subsection": number, "title": title})

    def plan_ctx(self) -> Formula:
        return Formula("plan_ctx", {})

    def note_ctx(self) -> Formula:
        return Formula("note_ctx", {})

    def replace_rows(self, rows: list[str]) -> Formula:
        return Formula("replace_rows", {"rows": rows})

    def insert_sub(self, quoted: Token, rows: list[str]) -> Formula:
        if quoted.type == "SUBNUM":
            number, title = str(quoted).rstrip("."), None
        else:
            number, title = _numbered(_unquote(quoted))
        return Formula("insert_rows", {"rows": rows, "subsection": number, "subsection_title": title})

    def insert_after(self, after: Token, rows: list[str]) -> Formula:
        return Formula("insert_rows", {"rows": rows, "after": str(after)})

    def insert_sec(self, quoted: Token, rows: list[str]) -> Formula:
        number, title = _heading(_unquote(quoted))
        return Formula("insert_rows", {"rows": rows, "section": number, "section_title": title})

    def named_section_ctx(self, quoted: Token) -> Formula:
        number, title = _heading(_unquote(quoted))
        return Formula("section_ctx", {"title": title, "section": number})

    def insert_plain(self, rows: list[str]) -> Formula:
        return Formula("insert_rows", {"rows": rows})

    def delete_rows(self, rows: list[str]) -> Formula:
        return Formula("delete_rows", {"rows": rows})

    def replace_cells(self, row: Token, columns: list[int]) -> Formula:
        return Formula("replace_cells", {"row": str(row), "columns": columns})

    def row_ctx(self, row: Token) -> Formula:
        return Formula("row_ctx", {"row": str(row)})

    def col_cells(self, columns: list[int]) -> Formula:
        return Formula("col_cells", {"columns": columns})

    def row_scope(self, rows: list[str]) -> dict[str, Any]:
        # "реттік нөмірлері 5 және 6-жолдардағы": the words replaced in each row named.
        return {"row": rows[0], "rows": rows}

    def col_scope(self, columns: list[int]) -> dict[str, Any]:
        return {"column": columns[0], "columns": columns}

    def text_scope(self, *plan: Token) -> dict[str, Any]:
        return {"whole_text": True}

    # Words in one text that is not a cell: the element the engine names (replace_words_in).
    def el_title(self, *named: Token) -> dict[str, Any]:
        # "тақырыбындағы" alone: the title of the scope it stands in; "көрсетілген қаулының ...": the resolution's.
        return {"element": "act title" if named else "title"}

    def el_preamble(self) -> dict[str, Any]:
        return {"element": "preamble"}

    def el_point(self, ref: Token) -> dict[str, Any]:
        return {"element": _point_element(ref)}

    def el_note(self, ref: Token) -> dict[str, Any]:
        return {"element": "note " + re.findall(r"\d+", str(ref))[0]}

    def el_section(self, *args: Token) -> dict[str, Any]:
        return {"element": "section " + _section_number(args[-1])}

    def el_subsection(self, number: Token) -> dict[str, Any]:
        return {"element": "subsection " + str(number).rstrip(".")}

    def el_column(self, number: Token) -> dict[str, Any]:
        return {"column_title": int(number)}

    def el_annex(self) -> dict[str, Any]:
        return {"element": "annex_title"}

    def el_line(self, quoted: Token) -> dict[str, Any]:
        return {"line": _unquote(quoted)}

    def num_section(self, number: Token) -> dict[str, Any]:
        return {"number_of": "section " + _section_number(number)}

    def num_subsection(self, number: Token) -> dict[str, Any]:
        return {"number_of": "subsection " + str(number).rstrip(".")}

    def preamble_text(self) -> Formula:
        return Formula("text_replace", {"element": "preamble"})

    def preamble_insert(self) -> Formula:
        return Formula("text_insert", {"element": "preamble", "number": "", "after": None})

    def preamble_delete(self) -> Formula:
        return Formula("text_delete", {"element": "preamble"})

    def signatory_text(self) -> Formula:
        return Formula("signatory", {})

    def note_text(self, number: Token) -> Formula:
        return Formula("text_replace", {"element": f"note {number}"})

    def note_insert(self, *numbers: Token) -> Formula:
        after = str(numbers[0]) if len(numbers) == 2 else None
        return Formula("text_insert", {"element": f"note {numbers[-1]}", "number": str(numbers[-1]), "after": after})

    def note_strike(self, number: Token) -> Formula:
        return Formula("text_delete", {"element": f"note {number}"})

    def add_column(self, *numbers: Token) -> Formula:
        after = int(numbers[0]) if len(numbers) == 2 else None
        return Formula("add_column", {"number": int(numbers[-1]), "after": after})

    def delete_column(self, number: Token) -> Formula:
        return Formula("delete_column", {"number": int(number)})

    def rename_column(self, number: Token) -> Formula:
        return Formula("rename_column", {"number": int(number)})

    def subsection_delete(self, token: Token) -> Formula:
        if token.type == "SUBNUM":
            number, title = str(token).rstrip("."), None
        else:
            number, title = _numbered(_unquote(token))
        return Formula("subsection_delete", {"subsection": number, "title": title})

    def move_to(self, row: Token) -> str:
        return str(row)

    def move_place(self, section: Token, subsection: Token | None = None) -> tuple[str, str | None]:
        return (_section_number(section), None if subsection is None else str(subsection).rstrip("."))

    def move_row(self, row: Token, *rest: Any) -> Formula:
        to = rest[0] if len(rest) == 2 else None
        section, subsection = rest[-1]
        return Formula("move_row", {"row": str(row), "to": to, "section": section, "subsection": subsection})

    def changelist(self, *items: Token) -> tuple[int, ...]:
        return tuple(int(i) for i in items)

    def changes_of(self, lead: Token, changes: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
        return (str(lead), changes)

    def repeal_changes(self, of: tuple[str, tuple[int, ...]]) -> Formula:
        return Formula("repeal", {"lead": of[0], "operations": list(of[1])})

    def reschedule(self, of: Token | tuple[str, tuple[int, ...]]) -> Formula:
        if isinstance(of, Token):
            return Formula("reschedule", {"lead": str(of), "operations": None})
        return Formula("reschedule", {"lead": of[0], "operations": list(of[1])})

    def correct(self, lead: Token, change: Token, pairs: list[tuple[str, str | None]]) -> Formula:
        return Formula("correct", {"lead": str(lead), "operation": int(change), "pairs": pairs})

    def suspend(self, lead: Token, *date: Token) -> Formula:
        until = kazakh_date(str(date[0]), str(date[1]), str(date[2])) if date else None
        return Formula("suspend", {"lead": str(lead), "until": until, "dated": bool(date)})

    def resume(self, lead: Token) -> Formula:
        return Formula("resume", {"lead": str(lead)})

    def scope(self, *parts: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for part in parts:
            out.update(part)
        return out

    def pair(self, old: Token, new: Token | None = None) -> tuple[str, str | None]:
        # Words are quoted exactly: a blank inside the quotes is part of them ("ОМ, ").
        return (str(old)[1:-1], None if new is None else str(new)[1:-1])

    def pairs(self, *pairs: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        return list(pairs)

    def added(self, old: Token, *rest: Token) -> list[tuple[str, str | None]]:
        # The words added after (before) X: X's place is found as in a replacement, and X is kept. Words
        # quoted with their own separator (", ІІМ") are joined as quoted; others are a word of their own.
        after = rest[0].type == "OLD_ABL"
        x, y = str(old)[1:-1], str(rest[-1])[1:-1]
        if after:
            glue = "" if y[:1] in (",", ";", ".", ")", " ") or x[-1:] == " " else " "
            return [(x, x + glue + y)]
        glue = "" if y[-1:] in (" ", "(") or x[:1] == " " else " "
        return [(x, y + glue + x)]

    def words(self, *args: Any) -> Formula:
        scope: dict[str, Any] = args[0] if isinstance(args[0], dict) else {}
        pairs: list[tuple[str, str | None]] = args[-1] if isinstance(args[-1], list) else args[1]
        return Formula("words", {"scope": scope, "pairs": pairs})

    def note_after(self, quoted: Token) -> str:
        return _unquote(quoted)

    def note_add(self, after: str | None = None) -> Formula:
        return Formula("note_add", {"after": after})

    def note_delete(self, quoted: Token) -> Formula:
        return Formula("note_delete", {"line": _unquote(quoted)})

    def note_replace(self, quoted: Token) -> Formula:
        return Formula("note_replace", {"line": _unquote(quoted)})

    def section_title(self, *args: Token) -> Formula:
        return Formula("section_title", {"section": _section_number(args[-1])})

    def subsection_title(self, number: Token) -> Formula:
        return Formula("subsection_title", {"subsection": str(number).rstrip(".")})

    def add_section(self, *numbers: Token) -> Formula:
        after = _section_number(numbers[0]) if len(numbers) == 2 else None
        return Formula("add_section", {"number": _section_number(numbers[-1]), "after": after})

    def add_subsection(self, section: Token, *numbers: Token) -> Formula:
        after = str(numbers[0]).rstrip(".") if len(numbers) == 2 else None
        return Formula(
            "add_subsection",
            {"section": _section_number(section), "number": str(numbers[-1]).rstrip("."), "after": after},
        )

    def point_text(self, ref: Token) -> Formula:
        return Formula("text_replace", {"element": _point_element(ref)})

    def act_title(self, *named: Token) -> Formula:
        # "title": bound by draft.py to the scope it stands in; "act title": the resolution's, named so.
        return Formula("text_replace", {"element": "act title" if named else "title"})

    def scoped_title(self) -> Formula:
        return Formula("text_replace", {"element": "heading"})

    def annex_title(self) -> Formula:
        return Formula("text_replace", {"element": "annex_title"})

    def point_delete(self, ref: Token) -> Formula:
        return Formula("text_delete", {"element": _point_element(ref)})

    def point_insert(self, *points: Token) -> Formula:
        after = str(points[0]) if len(points) == 2 else None
        return Formula("text_insert", {"element": f"point {points[-1]}", "number": str(points[-1]), "after": after})

    def subpoint_insert(self, point: Token, *subs: Token) -> Formula:
        number = str(subs[-1]).rstrip(")")
        after = str(subs[0]).rstrip(")") if len(subs) == 2 else None
        return Formula("text_insert", {"element": f"point {point}.{number}", "number": number, "after": after})

    def section_delete(self, *args: Token) -> Formula:
        title = _unquote(args[0]) if len(args) == 2 else None
        return Formula("section_delete", {"section": _section_number(args[-1]), "title": title})

    def lead_in(self, *args: Token) -> Formula:
        # The words of the lead-in may come out of the PDF out of order ("№ 748 мынадай өзгерістер ...
        # қаулысына енгізілсін"): only the point number and the verb are read.
        point = int(args[0]) if len(args) == 2 else None
        return Formula("lead_in", {"point": point, "lead": str(args[-1])})

    def repeal(self, lead: Token) -> Formula:
        return Formula("repeal", {"lead": str(lead)})

    def on_signing(self) -> tuple[str, Any]:
        return ("on_signing", None)

    def after_publication(self, days: Token) -> tuple[str, Any]:
        return ("after_publication", parse_days(str(days)))

    def on_date(self, year: Token, day: Token, month: Token) -> tuple[str, Any]:
        return ("on_date", kazakh_date(str(year), str(day), str(month)))

    def rule(self, value: tuple[str, Any]) -> tuple[str, Any]:
        return value

    def exception(self, refs: tuple[Ref, ...]) -> tuple[Ref, ...]:
        return refs

    def later_item(self, refs: tuple[Ref, ...], rule: tuple[str, Any]) -> tuple[tuple[Ref, ...], tuple[str, Any]]:
        return (refs, rule)

    def later(self, *items: tuple[tuple[Ref, ...], tuple[str, Any]]) -> Later:
        # "2-тармақ 2022 жылғы 1 қаңтардан бастап, 3-тармақ 2022 жылғы 1 шілдеден бастап қолданысқа енгізіледі"
        return Later(items)

    def entry(self, *args: Any) -> Formula:
        items = [a for a in args if not isinstance(a, Token)]
        exceptions: tuple[Ref, ...] = ()
        rule: tuple[str, Any] | None = None
        later: list[tuple[tuple[Ref, ...], tuple[str, Any]]] = []
        for item in items:
            if isinstance(item, Later):
                later.extend(item.items)  # (refs, rule) each
            elif isinstance(item, tuple) and item and isinstance(item[0], str):
                rule = item
            else:
                exceptions = item
        assert rule is not None
        return Formula("entry", {"clause": Clause(rule, exceptions, tuple(later))})

    def enacting(self, words: Token) -> Formula:
        return Formula("enacting", {"text": str(words)})

    def signature(self, position: Token, name: Token) -> Formula:
        return Formula("signature", {"position": str(position).strip(), "name": str(name)})


def _point_element(ref: Token) -> str:
    """ "2-тармақ" -> "point 2"; "2-тармақтың 1) тармақшасы" -> "point 2.1" (the engine's element names)."""
    numbers = re.findall(r"\d+", str(ref))
    return "point " + ".".join(numbers)


def _heading(text: str) -> tuple[str | None, str]:
    """ "ІІ. БАҒДАРЛАМАЛЫҚ ..." -> ("II", "БАҒДАРЛАМАЛЫҚ ..."); a title with no number -> (None, title)."""
    m = re.match(rf"^([0-9{ROMAN_DIGITS}]+)\.\s+(.+)$", text)
    if m is None:
        return None, text
    return _section_number(m.group(1)), m.group(2)


def _numbered(text: str) -> tuple[str, str]:
    """ "1.2. Орта мерзімді шаралар" -> ("1.2", "Орта мерзімді шаралар")."""
    m = re.match(r"^((?:\d+|[IVXLC]+)(?:\.\d+)+)\.?\s+(.+)$", text)
    if m is None:
        return "", text
    return m.group(1), m.group(2)


def parse_paragraph(text: str) -> Formula | None:
    """The formula a paragraph is, or None when the grammar derives no formula from it."""
    try:
        tree = parser().parse(text)
    except LarkError:
        return None
    result = _Reader().transform(tree)
    if not isinstance(result, Formula):
        return None
    if result.kind in ("subsection_ctx", "insert_rows") and result.values.get("subsection") == "":
        return None  # a quoted title that is no numbered subsection
    if result.kind == "on_date" and result.values.get("date") is None:
        return None
    return result


def entry_date(clause: Clause) -> dt.date | None:
    """The date of an ``on_date`` main rule (None otherwise)."""
    kind, value = clause.rule
    return value if kind == "on_date" else None
