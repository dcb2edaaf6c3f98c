"""The Russian text of an amending resolution from its operations (``amend draft-text --lang ru``).

The twin of ``drafting``: the same blocks (``Block``, ``DraftText``, ``render_text``), the formulae of
``language.phrases_ru``, which the Russian importer (``russian``) reads back. Every text written is a Russian text the
act or the plan gives (``*_ru``); a text no source gives in Russian is written ``⟨неизвестно⟩``, never a
Kazakh text and never a translation. A kind of operation with no Russian formula here is refused
(``NoRussianFormula``), not written in Kazakh.
"""

from __future__ import annotations

from collections.abc import Sequence

from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning
from amend.engine.amendment import Amendment
from amend.engine.model import Plan, Section
from amend.engine.operations import (
    AddAbbreviations,
    AddSection,
    AddSubsection,
    DeleteAbbreviation,
    DeleteRow,
    DeleteSection,
    DeleteText,
    InsertRows,
    InsertText,
    Operation,
    ReplaceAbbreviation,
    ReplaceCells,
    ReplaceRow,
    ReplaceText,
    ReplaceWords,
    SetTitle,
)
from amend.engine.unknown import Text
from amend.errors import AmendError
from amend.importer.act.drafting import Block, ContextWriter, DraftText, quote, quoted_lines
from amend.language import phrases_ru as r

__all__ = ["NoRussianFormula", "draft_text_ru"]


class NoRussianFormula(AmendError):
    """An operation the Russian wording has no formula for (docs/import.md lists those it has)."""

    rule = "no-russian-formula"
    hint = "draft-text --lang ru writes the formulae docs/import.md lists; write this change by hand"


def text_ru(value: Text) -> str:
    """A Russian text as drafted: itself, or the Russian unknown mark."""
    return value if isinstance(value, str) else r.UNKNOWN_TEXT_RU


def _act_name(act: Act) -> str:
    """ "Постановление Правительства Республики Казахстан от 30 мая 2025 года № 392"."""
    issuer = r.ISSUER_RU.get(act.issuer)
    if issuer is None:
        raise NoRussianFormula(f"the issuer {act.issuer} has no Russian name here", path=("act", "issuer"))
    return r.act_name_ru(act.kind, issuer[1], act.date, act.number)


class _Writer(ContextWriter):
    """Writes the operations of one point in Russian."""

    def __init__(self, plan: Plan, out: list[Block]) -> None:
        super().__init__(plan, out, ("point", None))
        # The note's Russian codes as the act finds them (a code no source gives in Russian: the unknown mark).
        self.codes = {code: a.code_ru for code, a in plan.abbreviations.items() if a.code_ru is not None}

    def plan_frame(self) -> str:
        return f"{r.PLAN_CONTEXT_RU}:"

    def section_frame(self, number: str, found: Section | None) -> str:
        title = f" {quote(found.title_ru)}" if found is not None and isinstance(found.title_ru, str) else ""
        return f"{r.SECTION_LOC_RU} {number}{title}:"

    def note_frame(self) -> str:
        return r.NOTE_CONTEXT_RU

    def _cells(self, cells: dict[str, Text]) -> tuple[str, ...]:
        return tuple(text_ru(cells.get(c)) for c in self.plan.column_ids)  # type: ignore[arg-type]

    def _column_number(self, column: str) -> int:
        # The table numbers its columns from the row number ("1") on.
        return list(self.plan.column_ids).index(column) + 2

    def write(self, ops: Sequence[Operation]) -> None:
        for op in ops:
            if self.context == ("point", None) and not isinstance(op, (ReplaceText, InsertText, DeleteText)):
                self.plan_context()
            self._one(op)

    def _one(self, op: Operation) -> None:
        rows: tuple[tuple[str | None, tuple[str, ...]], ...]
        match op:
            case ReplaceRow():
                self.section_context(op.section)
                rows = ((str(op.row), self._cells(op.cells_ru)),)
                self.para(f"{r.row_listing_ru([str(op.row)], 'acc')} {r.IN_NEW_WORDING_RU}:", rows=rows)
            case DeleteRow():
                self.section_context(op.section)
                self.para(f"{r.row_listing_ru([str(op.row)], 'acc')} {r.STRUCK_OUT_RU};")
            case InsertRows():
                self.section_context(op.section)
                rows = tuple((str(n.number), self._cells(n.cells_ru)) for n in op.rows)
                listing = r.row_listing_ru([str(n.number) for n in op.rows], "ins")
                if op.subsection is not None:
                    found = self.plan.section(op.section)
                    sub = found.subsection(op.subsection) if found else None
                    if sub is not None and isinstance(sub.title_ru, str):
                        head = r.element_case_ru("subsection", f'"{op.subsection}. {sub.title_ru}"', "acc") + " "
                    else:
                        head = f"{r.element_case_ru('subsection', op.subsection, 'acc')} "
                elif op.rows[0].number.parent is not None:
                    head = f"{r.word_ru('after')} {r.row_listing_ru([str(op.rows[0].number.parent)], 'gen')} "
                else:
                    head = ""
                self.para(f"{head}{r.SUPPLEMENT_RU} {listing} {r.WITH_CONTENT_RU}:", rows=rows)
            case ReplaceCells():
                self.section_context(op.section)
                columns = [c for c in self.plan.column_ids if c in op.cells]
                numbers = f" {r.word_ru('and')} ".join(str(self._column_number(c)) for c in columns)
                which = r.element_case_ru("column", numbers, "acc_many" if len(columns) > 1 else "acc")
                head = f"{which} {r.word_ru('of_row')} {r.ROW_NUMBER_ONE} {op.row},"
                cells = tuple(text_ru(op.cells_ru.get(c)) for c in columns)  # type: ignore[arg-type]
                self.para(f"{head} {r.IN_NEW_WORDING_RU}:", rows=((None, cells),))
            case ReplaceWords():
                self.section_context(op.section)
                scope = f"{r.row_listing_ru([str(op.row)], 'loc')} " if op.row is not None else ""
                if op.column is not None:
                    scope += f"{r.element_case_ru('column', self._column_number(op.column), 'loc')} "
                old = r.UNKNOWN_TEXT_RU if op.old_ru is None else op.old_ru
                new = r.UNKNOWN_TEXT_RU if op.old_ru is None else (op.new_ru or "")
                if new:
                    self.para(f"{scope}{r.WORDS_OLD_RU} {quote(old)} {r.REPLACE_RU} {r.WORDS_NEW_RU} {quote(new)};")
                else:
                    self.para(f"{scope}{r.WORDS_OLD_RU} {quote(old)} {r.STRUCK_OUT_RU};")
            case AddAbbreviations():
                codes = {c: op.codes_ru.get(c, r.UNKNOWN_TEXT_RU) for c in op.entries}
                items = [f"{codes[c]} – {text_ru(op.entries_ru.get(c))}" for c in op.entries]  # type: ignore[arg-type]
                lines = [f'"{x};' if k == 0 else f"{x};" for k, x in enumerate(items)]
                lines[-1] = lines[-1][:-1] + '".'
                if len(items) == 1:
                    lines = [f'"{items[0]}".']
                self.para(r.NOTE_ADD_RU, lines=tuple(lines))
                self.codes.update(op.codes_ru)
                self.context = ("note", None)
            case ReplaceAbbreviation():
                self.note_context()
                old = self.codes.get(op.code, r.UNKNOWN_TEXT_RU)
                new = op.code_ru or old
                self.para(
                    f"{r.ABBREVIATION_LINE_RU} {quote(old)} {r.IN_NEW_WORDING_RU}:",
                    lines=(f'"{new} – {text_ru(op.expansion_ru)}";',),
                )
                if op.code_ru is not None:
                    self.codes[op.code] = op.code_ru
            case DeleteAbbreviation():
                self.note_context()
                self.para(
                    f"{r.ABBREVIATION_LINE_RU} {quote(self.codes.get(op.code, r.UNKNOWN_TEXT_RU))} {r.STRUCK_OUT_RU};"
                )
            case SetTitle():
                self.plan_context()
                head = (
                    r.element_case_ru("subsection", op.subsection, "gen")
                    if op.subsection
                    else r.element_case_ru("section", op.section, "gen")
                )
                self.para(f"{r.TITLE_RU} {head} {r.IN_NEW_WORDING_RU}:", lines=(f"{quote(text_ru(op.title_ru))};",))
            case AddSection() if not op.rows and not op.subsections:
                self.plan_context()
                after = f"{r.word_ru('after')} {r.element_case_ru('section', op.after, 'gen')} " if op.after else ""
                self.para(
                    f"{after}{r.SUPPLEMENT_RU} {r.element_case_ru('section', op.number, 'ins')} {r.WITH_CONTENT_RU}:",
                    lines=(f"{quote(text_ru(op.title_ru))};",),
                )
            case AddSubsection() if not op.rows:
                self.plan_context()
                after = f"{r.word_ru('after')} {r.element_case_ru('subsection', op.after, 'gen')} " if op.after else ""
                section = r.element_case_ru("section", op.section, "acc")
                new = r.element_case_ru("subsection", op.number, "ins")
                self.para(
                    f"{section} {after}{r.SUPPLEMENT_RU} {new} {r.WITH_CONTENT_RU}:",
                    lines=(f"{quote(text_ru(op.title_ru))};",),
                )
            case DeleteSection():
                self.plan_context()
                self.para(f"{r.element_case_ru('section', op.number, 'acc')} {r.STRUCK_OUT_RU};")
            case ReplaceText() | InsertText() | DeleteText():
                self._text(op)
            case _:
                raise NoRussianFormula(f"{op.op} has no Russian formula here (docs/import.md)", path=("op",))

    def _text(self, op: ReplaceText | InsertText | DeleteText) -> None:
        if op.element != "title" and not op.element.startswith("point "):
            raise NoRussianFormula(f"{op.op} of {op.element} has no Russian formula here", path=("element",))
        key = op.element.removeprefix("point ")
        point, _, sub = key.partition(".")
        name = (
            f"{r.element_case_ru('subpoint', sub, 'acc')} {r.element_case_ru('point', point, 'gen')}"
            if sub
            else r.element_case_ru("point", point, "acc")
        )
        first = f"{sub})" if sub else f"{point}."
        match op:
            case ReplaceText() if op.element == "title":
                self.para(f"{r.TITLE_RU} {r.IN_NEW_WORDING_RU}:", lines=quoted_lines("", text_ru(op.text_ru)))
            case ReplaceText():
                items = [(p.number, text_ru(p.text_ru)) for p in op.subpoints]
                self.para(f"{name} {r.IN_NEW_WORDING_RU}:", lines=quoted_lines(first, text_ru(op.text_ru), items))
            case InsertText() if sub:
                after = f"{r.word_ru('after')} {r.element_case_ru('subpoint', op.after, 'gen')} " if op.after else ""
                new = r.element_case_ru("subpoint", sub, "ins")
                head = f"{r.element_case_ru('point', point, 'acc')} {after}{r.SUPPLEMENT_RU} {new} {r.WITH_CONTENT_RU}:"
                self.para(head, lines=quoted_lines(first, text_ru(op.text_ru)))
            case InsertText():
                after = f"{r.word_ru('after')} {r.element_case_ru('point', op.after, 'gen')} " if op.after else ""
                head = f"{after}{r.SUPPLEMENT_RU} {r.element_case_ru('point', point, 'ins')} {r.WITH_CONTENT_RU}:"
                self.para(head, lines=quoted_lines(first, text_ru(op.text_ru)))
            case DeleteText():
                self.para(f"{name} {r.STRUCK_OUT_RU};")
            case _:
                raise NoRussianFormula(f"{op.op} of {op.element} has no Russian formula here", path=("element",))


def _rule_phrase(rule: OnSigning | OnDate | AfterPublication) -> str:
    match rule:
        case OnSigning():
            return r.ON_SIGNING_RU
        case OnDate(date=date):
            return f"{r.word_ru('from')} {r.date_ru(date)}"
        case AfterPublication(days=days):
            return r.AFTER_PUBLICATION_RU.format(days=r.days_ru(days))
    raise AssertionError(rule)


def draft_text_ru(amendment: Amendment, plan: Plan) -> DraftText:
    """The Russian text of the amending resolution for ``amendment``; ``plan`` as it stands just before the act."""
    act = amendment.act
    out: list[Block] = []
    if isinstance(act.title_ru, str):
        out.append(Block(act.title_ru, heading=True))
    out.append(Block(_act_name(act), heading=True))
    issuer = r.ISSUER_RU[act.issuer][0]
    out.append(Block(f"{issuer} {r.ENACTING_RU}"))
    base = plan.act
    base_issuer = r.ISSUER_RU.get(base.issuer)
    if base_issuer is None:
        raise NoRussianFormula(f"the issuer {base.issuer} has no Russian name here", path=("amends",))
    quoted = f" {quote(base.title_ru)}" if isinstance(base.title_ru, str) else ""
    reference = r.act_name_ru(base.kind, base_issuer[1], base.date, base.number, capital=False) + quoted
    writer = _Writer(plan, out)
    runs: list[list[Operation]] = []
    for op in amendment.operations:
        if runs and runs[-1][0].in_force == op.in_force:
            runs[-1].append(op)
        else:
            runs.append([op])
    later: list[tuple[int, object]] = []
    for point, ops in enumerate(runs, 1):
        if ops[0].in_force is not None:
            later.append((point, ops[0].in_force))
        out.append(Block(f"{point}. " + r.word_ru("lead_in").format(reference=reference)))
        writer.context = ("point", None)
        writer.write(ops)
    closing = len(runs) + 1
    own = r.KIND_RU[act.kind][0]
    main = _rule_phrase(amendment.entry_into_force)
    sentence = f"{closing}. {r.THIS_ACT_RU} {own} {r.IN_FORCE_RU} {main}"
    if len(later) > 1:
        raise NoRussianFormula(
            "more than one point with its own date has no Russian formula here", path=("operations",)
        )
    for point, day in later:
        excepted, since = r.element_case_ru("point", point, "gen"), r.word_ru("from")
        sentence += f", {r.EXCEPT_RU} {excepted}, {r.WHICH_RU} {r.IN_FORCE_RU} {since} {r.date_ru(day)}"  # type: ignore[arg-type]
    out.append(Block(sentence + "."))
    if act.signatory is not None:
        out.append(Block(f"{text_ru(act.signatory.position_ru)} {text_ru(act.signatory.name_ru)}"))
    return DraftText(act, out)
