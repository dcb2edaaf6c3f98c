"""The grammar of the Kazakh amending formulas (lark, Earley): one paragraph of an act in, one instruction out.

The grammar is written in ``grammar.lark``; its fixed phrases are not spelt there but named in guillemets
(«ANNEX_TITLE_WORD IN_NEW_WORDING»), and ``expand`` builds the grammar lark reads from the phrases of
``language.phrases`` (``grammar_phrases``): each named phrase becomes its words, each word one terminal matched
as a whole word; in a regex terminal, {{NAME}} becomes the phrase as a pattern. The writer (``drafting``)
composes its sentences from the same phrases, so a phrase is written once, and a name that names no phrase
stops the build (``PhraseUnknown``, with its place). The Russian grammar is built so too (``russian``,
``language.phrases_ru``). Each formula is one production; the transformer
turns a parse into the instruction data classes of ``instructions``. A paragraph the grammar does not
derive is ``Unrecognized``: reported, never dropped.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, cast

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError

from amend.importer.act.sentences import (
    CellsRewording,
    Clause,
    ColumnAddition,
    ColumnDeletion,
    ColumnRenaming,
    ColumnsRewording,
    Commencement,
    Correction,
    EnactingWords,
    LeadIn,
    NoteFrame,
    NoteLineDeletion,
    NoteLineRewording,
    NoteLinesAddition,
    PlanFrame,
    Ref,
    Repealing,
    Rescheduling,
    Resumption,
    RowFrame,
    RowMove,
    RowsAddition,
    RowsDeletion,
    RowsRewording,
    Scope,
    SectionAddition,
    SectionDeletion,
    SectionHeading,
    SectionTitleRewording,
    Sentence,
    SignatoryRewording,
    Signing,
    SubsectionAddition,
    SubsectionDeletion,
    SubsectionHeading,
    SubsectionTitleRewording,
    Suspension,
    TextDeletion,
    TextInsertion,
    TextRewording,
    WordsReplacement,
)
from amend.language.lexicon import ROMAN_DIGITS, ROMAN_LOOKALIKES
from amend.language.phrases import grammar_phrases, kazakh_date, parse_days, parse_ordinal, row_numbers

__all__ = ["Clause", "PhraseUnknown", "Ref", "Sentence", "expand", "parse_paragraph", "parser"]

# The grammar's text: package data beside this module (a .lark file, so that it reads as a grammar).
_GRAMMAR = (resources.files(__package__) / "grammar.lark").read_text(encoding="utf-8")

# «NAME ...» (a row of whole-word terminals) or {{NAME}} (in a regex terminal).
_NAMED = re.compile(r"«(?P<words>[^»\n]*)»|\{\{(?P<pattern>\w*)\}\}")
_NAME = re.compile(r"\S+")


class PhraseUnknown(LookupError):
    """A name in a grammar file («NAME», {{NAME}}) names no phrase of its language module (a fault of the
    package, not of an input): the grammar is not built."""


def expand(grammar: str, phrases: Mapping[str, str], *, source: str, language: str) -> str:
    """The grammar with each «NAME ...» replaced by the named phrases' words, each word one whole-word terminal
    (defined once, named by its first use), and each {{NAME}} in a regex terminal by the phrase as a pattern
    (its words apart by blanks). ``phrases``: the language module's phrases by name (``language`` names the
    module, ``source`` the grammar file, for the error)."""
    words: dict[str, str] = {}

    def terminal(word: str) -> str:
        if word not in words:
            words[word] = f"_K{len(words)}"
        return words[word]

    def unknown(at: int, name: str, written: str) -> PhraseUnknown:
        line = grammar.count("\n", 0, at) + 1
        column = at - grammar.rfind("\n", 0, at)
        near = difflib.get_close_matches(name, phrases, n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        return PhraseUnknown(f"{source}:{line}:{column}: {written} names no phrase of {language}{hint}")

    def named(m: re.Match[str]) -> str:
        if m.group("pattern") is not None:
            text = phrases.get(m.group("pattern"))
            if text is None:
                raise unknown(m.start(), m.group("pattern"), m.group())
            return r"\s+".join(re.escape(word) for word in text.split())
        out: list[str] = []
        for name in _NAME.finditer(m.group("words")):
            text = phrases.get(name.group())
            if text is None:
                raise unknown(m.start("words") + name.start(), name.group(), f"«{name.group()}»")
            out.extend(terminal(word) for word in text.split())
        if not out:
            raise unknown(m.start(), "", "«»")
        return " ".join(out)

    body = _NAMED.sub(named, grammar)
    defs = "\n".join(f"{name}: /{re.escape(word)}(?!\\w)/" for word, name in words.items())
    return body + "\n" + defs + "\n"


@cache
def parser() -> Lark:
    """The Earley parser of one paragraph (built once)."""
    text = expand(_GRAMMAR, grammar_phrases(), source="grammar.lark", language="amend.language.phrases")
    return Lark(text, parser="earley", lexer="dynamic", ambiguity="resolve")


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
class _Reader(Transformer[Token, Sentence]):
    """Turns a parse tree into a ``Sentence``."""

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

    def section_ctx(self, *args: Token) -> Sentence:
        title = _unquote(args[0]) if len(args) == 2 else None
        return SectionHeading(title=title, section=_section_number(args[-1]))

    def subsection_ctx(self, quoted: Token, *numbered: Token) -> Sentence:
        if quoted.type in ("SUBNUM", "SUBNUM_HY"):
            # "2.1 кіші бөлімде:" names the subsection by its number only.
            return SubsectionHeading(subsection=str(quoted).rstrip(".-"), title=None)
        number, title = _numbered(_unquote(quoted))
        if numbered:
            # '"<title>" деген 2.1-кіші бөлімде:': the number after "деген" names it; a title quoted with no
            # number of its own is the whole quote (checked against the plan's, as any title).
            title = title if number else _unquote(quoted)
            number = str(numbered[0]).rstrip(".-")
        return SubsectionHeading(subsection=number, title=title)

    def plan_ctx(self) -> Sentence:
        return PlanFrame()

    def note_ctx(self) -> Sentence:
        return NoteFrame()

    def replace_rows(self, rows: list[str]) -> Sentence:
        return RowsRewording(rows=rows)

    def insert_sub(self, quoted: Token, rows: list[str]) -> Sentence:
        if quoted.type == "SUBNUM":
            number, title = str(quoted).rstrip("."), None
        else:
            number, title = _numbered(_unquote(quoted))
        return RowsAddition(rows=rows, subsection=number, subsection_title=title)

    def insert_after(self, after: Token, rows: list[str]) -> Sentence:
        return RowsAddition(rows=rows, after=str(after))

    def insert_sec(self, quoted: Token, rows: list[str]) -> Sentence:
        number, title = _heading(_unquote(quoted))
        return RowsAddition(rows=rows, section=number, section_title=title)

    def named_section_ctx(self, quoted: Token) -> Sentence:
        number, title = _heading(_unquote(quoted))
        return SectionHeading(title=title, section=number)

    def insert_plain(self, rows: list[str]) -> Sentence:
        return RowsAddition(rows=rows)

    def delete_rows(self, rows: list[str]) -> Sentence:
        return RowsDeletion(rows=rows)

    def replace_cells(self, row: Token, columns: list[int]) -> Sentence:
        return CellsRewording(row=str(row), columns=columns)

    def row_ctx(self, row: Token) -> Sentence:
        return RowFrame(row=str(row))

    def col_cells(self, columns: list[int]) -> Sentence:
        return ColumnsRewording(columns=columns)

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

    def preamble_text(self) -> Sentence:
        return TextRewording(element="preamble")

    def preamble_insert(self) -> Sentence:
        return TextInsertion(element="preamble", number="", after=None)

    def preamble_delete(self) -> Sentence:
        return TextDeletion(element="preamble")

    def signatory_text(self) -> Sentence:
        return SignatoryRewording()

    def note_text(self, number: Token) -> Sentence:
        return TextRewording(element=f"note {number}")

    def note_insert(self, *numbers: Token) -> Sentence:
        after = str(numbers[0]) if len(numbers) == 2 else None
        return TextInsertion(element=f"note {numbers[-1]}", number=str(numbers[-1]), after=after)

    def note_strike(self, number: Token) -> Sentence:
        return TextDeletion(element=f"note {number}")

    def add_column(self, *numbers: Token) -> Sentence:
        after = int(numbers[0]) if len(numbers) == 2 else None
        return ColumnAddition(number=int(numbers[-1]), after=after)

    def delete_column(self, number: Token) -> Sentence:
        return ColumnDeletion(number=int(number))

    def rename_column(self, number: Token) -> Sentence:
        return ColumnRenaming(number=int(number))

    def subsection_delete(self, token: Token) -> Sentence:
        if token.type == "SUBNUM":
            number, title = str(token).rstrip("."), None
        else:
            number, title = _numbered(_unquote(token))
        return SubsectionDeletion(subsection=number, title=title)

    def move_to(self, row: Token) -> str:
        return str(row)

    def move_place(self, section: Token, subsection: Token | None = None) -> tuple[str, str | None]:
        return (_section_number(section), None if subsection is None else str(subsection).rstrip("."))

    def move_row(self, row: Token, *rest: Any) -> Sentence:
        to = rest[0] if len(rest) == 2 else None
        section, subsection = rest[-1]
        return RowMove(row=str(row), to=to, section=section, subsection=subsection)

    def changelist(self, *items: Token) -> tuple[int, ...]:
        return tuple(int(i) for i in items)

    def changes_of(self, lead: Token, changes: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
        return (str(lead), changes)

    def repeal_changes(self, of: tuple[str, tuple[int, ...]]) -> Sentence:
        return Repealing(lead=of[0], operations=list(of[1]))

    def reschedule(self, of: Token | tuple[str, tuple[int, ...]]) -> Sentence:
        if isinstance(of, Token):
            return Rescheduling(lead=str(of), operations=None)
        return Rescheduling(lead=of[0], operations=list(of[1]))

    def correct(self, lead: Token, change: Token, pairs: list[tuple[str, str | None]]) -> Sentence:
        return Correction(lead=str(lead), operation=int(change), pairs=pairs)

    def suspend(self, lead: Token, *date: Token) -> Sentence:
        until = kazakh_date(str(date[0]), str(date[1]), str(date[2])) if date else None
        return Suspension(lead=str(lead), until=until, dated=bool(date))

    def resume(self, lead: Token) -> Sentence:
        return Resumption(lead=str(lead))

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

    def words(self, *args: Any) -> Sentence:
        scope = cast(Scope, args[0]) if isinstance(args[0], dict) else Scope()
        pairs: list[tuple[str, str | None]] = args[-1] if isinstance(args[-1], list) else args[1]
        return WordsReplacement(scope=scope, pairs=pairs)

    def note_after(self, quoted: Token) -> str:
        return _unquote(quoted)

    def note_add(self, after: str | None = None) -> Sentence:
        return NoteLinesAddition(after=after)

    def note_delete(self, quoted: Token) -> Sentence:
        return NoteLineDeletion(line=_unquote(quoted))

    def note_replace(self, quoted: Token) -> Sentence:
        return NoteLineRewording(line=_unquote(quoted))

    def section_title(self, *args: Token) -> Sentence:
        return SectionTitleRewording(section=_section_number(args[-1]))

    def subsection_title(self, number: Token) -> Sentence:
        return SubsectionTitleRewording(subsection=str(number).rstrip("."))

    def add_section(self, *numbers: Token) -> Sentence:
        after = _section_number(numbers[0]) if len(numbers) == 2 else None
        return SectionAddition(number=_section_number(numbers[-1]), after=after)

    def add_subsection(self, section: Token, *numbers: Token) -> Sentence:
        after = str(numbers[0]).rstrip(".") if len(numbers) == 2 else None
        return SubsectionAddition(section=_section_number(section), number=str(numbers[-1]).rstrip("."), after=after)

    def point_text(self, ref: Token) -> Sentence:
        return TextRewording(element=_point_element(ref))

    def act_title(self, *named: Token) -> Sentence:
        # "title": bound by draft.py to the scope it stands in; "act title": the resolution's, named so.
        return TextRewording(element="act title" if named else "title")

    def scoped_title(self) -> Sentence:
        return TextRewording(element="heading")

    def annex_title(self) -> Sentence:
        return TextRewording(element="annex_title")

    def point_delete(self, ref: Token) -> Sentence:
        return TextDeletion(element=_point_element(ref))

    def point_insert(self, *points: Token) -> Sentence:
        after = str(points[0]) if len(points) == 2 else None
        return TextInsertion(element=f"point {points[-1]}", number=str(points[-1]), after=after)

    def subpoint_insert(self, point: Token, *subs: Token) -> Sentence:
        number = str(subs[-1]).rstrip(")")
        after = str(subs[0]).rstrip(")") if len(subs) == 2 else None
        return TextInsertion(element=f"point {point}.{number}", number=number, after=after)

    def section_delete(self, *args: Token) -> Sentence:
        title = _unquote(args[0]) if len(args) == 2 else None
        return SectionDeletion(section=_section_number(args[-1]), title=title)

    def lead_in(self, *args: Token) -> Sentence:
        # The words of the lead-in may come out of the PDF out of order ("№ 748 мынадай өзгерістер ...
        # қаулысына енгізілсін"): only the point number and the verb are read.
        point = int(args[0]) if len(args) == 2 else None
        return LeadIn(point=point, lead=str(args[-1]))

    def repeal(self, lead: Token) -> Sentence:
        return Repealing(lead=str(lead))

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

    def entry(self, *args: Any) -> Sentence:
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
        return Commencement(clause=Clause(rule, exceptions, tuple(later)))

    def enacting(self, words: Token) -> Sentence:
        return EnactingWords(text=str(words))

    def signature(self, position: Token, name: Token) -> Sentence:
        return Signing(position=str(position).strip(), name=str(name))


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


def parse_paragraph(text: str) -> Sentence | None:
    """The formula a paragraph is, or None when the grammar derives no formula from it."""
    try:
        tree = parser().parse(text)
    except LarkError:
        return None
    result = _Reader().transform(tree)
    if not isinstance(result, Sentence):
        return None
    if isinstance(result, SubsectionHeading | RowsAddition) and result.subsection == "":
        return None  # a quoted title that is no numbered subsection
    return result


def entry_date(clause: Clause) -> dt.date | None:
    """The date of an ``on_date`` main rule (None otherwise)."""
    kind, value = clause.rule
    return value if kind == "on_date" else None
