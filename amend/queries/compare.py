"""The comparative table (салыстырмалы кесте) of an amendment, as data: one entry per element it changes.

Nothing here applies an operation. The timeline gives two versions: the plan just before the act (every
operation that the order rule puts before its first one) and just after it (up to its last one). The
entries are the elements that the act's operations write (``Operation.touches``) and that differ between
the two, each with its final wording.

Each entry names the structural element ("1-бөлім, 6-жол", "1.2-кіші бөлім, 23-1-жол"), the wording
in force before the act, the wording after it, and a word-level redline per part (cell, title,
expansion). An element the act creates has no old wording ("жоқ"); an element whose old wording no
source gives keeps UNKNOWN parts, so that no rendering can show it as empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from amend.engine.acts import Act
from amend.engine.amendment import ActStatus, FiledAmendment
from amend.engine.base import Frozen
from amend.engine.editor_texts import element_texts
from amend.engine.elements import Element, ElementKind
from amend.engine.legal import act_in_case
from amend.engine.model import Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.operations import (
    CorrectAct,
    RepealAct,
    ReplaceWords,
    ReplaceWordsIn,
    RescheduleAct,
    ResumePlan,
    SuspendPlan,
)
from amend.engine.provenance import Change, ChangeKind, element_name
from amend.engine.timeline import Timeline, act_bounds, act_record, consolidate
from amend.engine.unknown import UNKNOWN, Text
from amend.errors import AmendError
from amend.language import interface as words
from amend.language import phrases as w
from amend.queries.redline import Segment, redline
from amend.store.yaml_io import locate

__all__ = [
    "Comparison",
    "Entry",
    "Part",
    "PartChange",
    "around",
    "compare",
    "comparison_json",
    "others_than",
    "row_element",
    "validate_in_repository",
]


class Part(Frozen):
    """One piece of an element's wording: a cell (key: column id, title: its title), a code's
    expansion (key: the code, title None), or a whole title (key and title None)."""

    key: str | None = None
    title: Text | None = None
    text: Text


class PartChange(Frozen):
    """One part before and after. ``None``: the part does not exist on that side."""

    key: str | None = None
    title: Text | None = None
    old: Text | None
    new: Text | None
    # None where a side is UNKNOWN: no redline can be drawn against a text no source gives.
    redline: tuple[Segment, ...] | None

    @property
    def changed(self) -> bool:
        """False when the part reads the same before and after."""
        return self.old is UNKNOWN or self.new is UNKNOWN or self.old != self.new


class Entry(Frozen):
    """One line of the comparative table: one change to one structural element."""

    number: int  # № р/с, from 1
    element: str  # e.g. "1-бөлім, 6-жол"
    row: RowNumber | None = None  # the row the entry is about, if any (for links to its history)
    kind: ChangeKind
    operation: int  # index of the operation in the act's file, from 0
    old_absent: bool  # the element did not exist before ("жоқ")
    new_absent: bool  # the act removes the element
    parts: tuple[PartChange, ...]
    remark: str | None = None  # what the table must add, e.g. words replaced inside unknown text
    # Негіздеме: the operation's reason, else the act's; UNKNOWN where neither gives one.
    reason: Text = UNKNOWN

    @property
    def old_unknown(self) -> bool:
        """True when the whole old wording is unknown (none of its parts is given by a source)."""
        return not self.old_absent and all(p.old is UNKNOWN for p in self.parts)

    @property
    def new_unknown(self) -> bool:
        """True when the whole new wording is unknown."""
        return not self.new_absent and all(p.new is UNKNOWN for p in self.parts)


class Comparison(Frozen):
    """The comparative table of one act against the version it amends."""

    act: Act
    plan: str
    plan_title: Text
    status: ActStatus
    in_force: dt.date  # the first day any of its operations takes effect
    before: dt.date  # first day of the version the old wording is taken from
    entries: tuple[Entry, ...]


# -- elements and their wording ----------------------------------------------------------------------


def row_element(row: Row) -> str:
    """A row's structural element: "1.2-кіші бөлім, 23-1-жол", or "1-бөлім, 6-жол" where the subsection
    is none or unknown."""
    if isinstance(row.subsection, str):
        return words.row_name(row.subsection, str(row.number))
    return words.row_name(row.section, str(row.number))


def _heading_element(number: str) -> str:
    # 1.2 is a subsection, 1 a section (the same reading as the generated notes).
    return words.heading_name(number)


def _row_parts(plan: Plan, row: Row) -> tuple[Part, ...]:
    return tuple(Part(key=c.id, title=c.title, text=row.cells[c.id]) for c in plan.columns)


def _pair(old: tuple[Part, ...] | None, new: tuple[Part, ...] | None) -> tuple[PartChange, ...]:
    """Parts of both sides matched by key, in the order of the new side (else the old)."""
    olds = {p.key: p for p in old or ()}
    news = {p.key: p for p in new or ()}
    keys = [p.key for p in new or ()] + [p.key for p in old or () if p.key not in news]
    changes = []
    for key in keys:
        o, n = olds.get(key), news.get(key)
        shape = n or o
        assert shape is not None
        old_text, new_text = (o.text if o else None), (n.text if n else None)
        marks = None if old_text is UNKNOWN or new_text is UNKNOWN else redline(old_text or "", new_text or "")
        changes.append(PartChange(key=key, title=shape.title, old=old_text, new=new_text, redline=marks))
    return tuple(changes)


def _words_instruction(op: ReplaceWords | ReplaceWordsIn) -> str:
    # The act's own phrasing: "X" деген сөздер "Y" деген сөздермен ауыстырылсын / алып тасталсын.
    if op.new:
        return f'"{op.old}" {w.SAID} {w.WORDS_OLD} "{op.new}" {w.SAID} {w.WORDS_NEW} {w.REPLACED}'
    return f'"{op.old}" {w.SAID} {w.WORDS_OLD} {w.STRUCK_OUT}'


def _words_scope(plan: Plan, op: ReplaceWords) -> tuple[str, list[Row], tuple[str, ...]]:
    """The element the words are replaced in, its rows, and its columns (the operation's ``scope``)."""
    rows, columns = op.scope(plan)
    if op.row is not None:
        return (row_element(rows[0]) if rows else words.ROW.format(number=op.row)), rows, columns
    if op.section is not None:
        return words.heading_name(op.section), rows, columns
    return words.PLAN, rows, columns


def others_than(amendments: Sequence[FiledAmendment], filed: FiledAmendment) -> list[FiledAmendment]:
    """The filed amendments without this one: not the same file, nor the same act of the same plan."""
    a = filed.amendment
    me = (a.amends, a.act.number, a.act.date)
    resolved = filed.path.resolve()
    return [
        f
        for f in amendments
        if f.path.resolve() != resolved and (f.amendment.amends, f.amendment.act.number, f.amendment.act.date) != me
    ]


def _inputs(
    amendments: Sequence[FiledAmendment], filed: FiledAmendment
) -> tuple[list[FiledAmendment], list[FiledAmendment]]:
    """The acts and the drafts of a timeline with ``filed`` at its order position."""
    others = others_than(amendments, filed)
    if filed.amendment.takes_effect:
        return [*others, filed], []
    return others, [filed]


def around(base: Plan, amendments: Sequence[FiledAmendment], filed: FiledAmendment) -> tuple[Timeline, Timeline]:
    """The timelines just before and just after ``filed`` (adopted, or a draft at its order position),
    among the other ``amendments``. Errors are placed at file:line:col."""
    acts, drafts = _inputs(amendments, filed)
    try:
        # The act's days as other acts made them (moved, or never): the table is of what it does.
        first, last = act_bounds(filed.amendment, act_record(base, acts, filed, drafts=drafts))
        return (
            consolidate(base, acts, drafts=drafts, until=first),
            consolidate(base, acts, drafts=drafts, until=last),
        )
    except AmendError as err:
        raise locate(err) from None


def _kind(history: tuple[Change, ...], filed: FiledAmendment, default: ChangeKind) -> ChangeKind:
    act = filed.amendment.act
    mine = [c.kind for c in history if c.act == act.number and c.act_date == act.date]
    return mine[-1] if mine else default


def _entry_parts(
    element: Element, before: Plan, after: Plan, filed: FiledAmendment
) -> tuple[str, ChangeKind, tuple[Part, ...] | None, tuple[Part, ...] | None, RowNumber | None] | None:
    """The element's structural name, the kind of change, and its wording on each side; None when the
    act leaves it as it was."""
    key = element.key
    match element.kind:
        case ElementKind.ROW:
            number = RowNumber(key)
            old = before.row(number)
            # A renumbered or moved row is the same row (its identity), under its new number.
            new = after.row(number) if old is None else after.row_by_identity(old.identity)
            if old is None and new is None:
                return None
            if (
                old is not None
                and new is not None
                and (old.number, old.cells, old.section, old.subsection)
                == (new.number, new.cells, new.section, new.subsection)
            ):
                return None
            if new is None:
                assert old is not None
                return row_element(old), ChangeKind.DELETED, _row_parts(before, old), None, old.number
            if old is None:
                return row_element(new), ChangeKind.INSERTED, None, _row_parts(after, new), new.number
            kind = _kind(new.history, filed, ChangeKind.REPLACED)
            if old.cells == new.cells and kind not in (ChangeKind.MOVED, ChangeKind.RENUMBERED):
                return None  # only its (sub)section was renumbered: that heading's entry says so
            name = (
                row_element(new)
                if old.number == new.number
                else f"{row_element(old)} → {words.ROW.format(number=new.number)}"
            )
            if kind is ChangeKind.MOVED:
                name = f"{row_element(old)} → {row_element(new)}"
            old_parts, new_parts = _row_parts(before, old), _row_parts(after, new)
            if old.number != new.number:
                old_parts = (Part(key="№", text=str(old.number)), *old_parts)
                new_parts = (Part(key="№", text=str(new.number)), *new_parts)
            return name, kind, old_parts, new_parts, new.number
        case ElementKind.ABBREVIATION:
            was, now = before.abbreviations.get(key), after.abbreviations.get(key)
            if (was is None and now is None) or (
                was is not None and now is not None and was.expansion == now.expansion
            ):
                return None
            kind = ChangeKind.ADDED if was is None else ChangeKind.DELETED if now is None else ChangeKind.REPLACED
            return (
                words.NOTE_ENTRY.format(code=key),
                kind,
                None if was is None else (Part(key=key, text=was.expansion),),
                None if now is None else (Part(key=key, text=now.expansion),),
                None,
            )
        case ElementKind.SECTION | ElementKind.SUBSECTION:
            renamed = _renumbered_heading(before, after, element)
            if renamed is not None:
                return renamed
            old_title, new_title = _heading_title(before, element), _heading_title(after, element)
            if old_title is not None and new_title is None:
                return _heading_element(key), ChangeKind.DELETED, (Part(text=old_title),), None, None
            if old_title == new_title and not _changed_by(_heading_history(after, element), filed):
                return None
            name = _heading_element(key)
            if old_title is None:
                return name, ChangeKind.ADDED, None, (Part(text=new_title),), None  # type: ignore[arg-type]
            return (
                words.NAMED_TITLE.format(name=name),
                ChangeKind.TITLE_SET,
                (Part(text=old_title),),
                (None if new_title is None else (Part(text=new_title),)),
                None,
            )
        case ElementKind.PLAN:
            if after.repealed is None or before.repealed is not None:
                return None
            return words.PLAN, ChangeKind.REPEALED, (Part(text=before.title),), None, None
        case _:
            return _text_entry(element, before, after, filed)
    return None


def _changed_by(history: tuple[Change, ...], filed: FiledAmendment) -> bool:
    act = filed.amendment.act
    return any(c.act == act.number and c.act_date == act.date for c in history)


def _text_parts(plan: Plan, element: Element) -> tuple[Part, ...] | None:
    """The wording of a text element of the resolution or the annex (None: it does not exist)."""
    if element.kind is ElementKind.SIGNATORY:
        s = plan.act.signatory
        return None if s is None else (Part(key="position", text=s.position), Part(key="name", text=s.name))
    texts = element_texts(plan, element)
    if texts is None:
        return None
    if element.kind is ElementKind.COLUMN:
        return (Part(key=element.key, text=texts[0]),)
    if element.kind is ElementKind.POINT and "." not in element.key:  # a point with its sub-points
        point = next(p for p in plan.act.points if p.number == element.key)
        return (Part(text=texts[0]), *(Part(key=f"{s.number})", text=s.text) for s in point.subpoints))
    return (Part(text=texts[0]),)


def _text_entry(
    element: Element, before: Plan, after: Plan, filed: FiledAmendment
) -> tuple[str, ChangeKind, tuple[Part, ...] | None, tuple[Part, ...] | None, RowNumber | None] | None:
    """An entry for the resolution's title, preamble, a point, the signatory, the annex's title or a note,
    or a column: the element's wording before and after the act."""
    old, new = _text_parts(before, element), _text_parts(after, element)
    history = after.texts_history.get(str(element), ())
    if old is None and new is None:
        return None
    if old == new and not _changed_by(history, filed):
        return None
    name = element_name(element.kind.value, element.key)
    if new is None:
        return name, ChangeKind.DELETED, old, None, None
    if old is None:
        return name, ChangeKind.INSERTED, None, new, None
    return name, _kind(history, filed, ChangeKind.REPLACED), old, new, None


def _heading_history(plan: Plan, element: Element) -> tuple[Change, ...]:
    for section in plan.sections:
        if element.kind is ElementKind.SECTION and section.number == element.key:
            return section.history
        for sub in section.subsections:
            if element.kind is ElementKind.SUBSECTION and sub.number == element.key:
                return sub.history
    return ()


def _renumbered_heading(
    before: Plan, after: Plan, element: Element
) -> tuple[str, ChangeKind, tuple[Part, ...] | None, tuple[Part, ...] | None, RowNumber | None] | None:
    """The entry of a section or subsection that the act renumbered (found by its identity), or None."""
    key = element.key
    headings = [
        h
        for s in after.sections
        for h in ((s,) if element.kind is ElementKind.SECTION else s.subsections)
        if (h.uid or h.number) == key and h.number != key
    ]
    old_title = _heading_title(before, element)
    if not headings or old_title is None:
        return None
    new = headings[0]
    name = f"{_heading_element(key)} → {_heading_element(new.number)}"
    return (
        name,
        ChangeKind.RENUMBERED,
        (Part(key="№", text=key), Part(text=old_title)),
        (Part(key="№", text=new.number), Part(text=new.title)),
        None,
    )


def _heading_title(plan: Plan, element: Element) -> Text | None:
    for section in plan.sections:
        if element.kind is ElementKind.SECTION and section.number == element.key:
            return section.title
        for sub in section.subsections:
            if element.kind is ElementKind.SUBSECTION and sub.number == element.key:
                return sub.title
    return None


def _hidden_words(op: ReplaceWords, state: Plan) -> tuple[str, int] | None:
    """Words the act replaces in text no source gives: (the element, how many), or None. ``state`` is the
    plan just before the operation (an earlier operation of the act may have inserted the row)."""
    element, rows, columns = _words_scope(state, op)
    known = 0
    for r in rows:
        for c in columns:
            text = r.cells[c]
            if text is not UNKNOWN:
                known += text.count(op.old)
    return (element, op.occurrences - known) if known < op.occurrences else None


def compare(base: Plan, amendments: Sequence[FiledAmendment], filed: FiledAmendment) -> Comparison:
    """The comparative table of ``filed`` among ``amendments`` (a draft is taken at its order position).

    Raises the first ``AmendError`` the act meets, placed at file:line:col, including executor codes
    the note does not define on the day: the same error ``amend check`` gives.
    """
    before_tl, after_tl = around(base, amendments, filed)
    before, after = before_tl.latest.plan, after_tl.latest.plan
    applied = after_tl.applied_by(filed.amendment)
    entries: list[Entry] = []
    seen: set[Element] = set()
    act_reason = filed.amendment.reason
    for a in applied:
        op = a.scheduled.op
        remark = _words_instruction(op) if isinstance(op, (ReplaceWords, ReplaceWordsIn)) else None
        reason = op.reason if op.reason is not None else act_reason if act_reason is not None else UNKNOWN
        for touch in a.touches:
            if not touch.writes or touch.element in seen:
                continue
            seen.add(touch.element)
            found = _entry_parts(touch.element, before, after, filed)
            if found is None:
                continue
            element, kind, old, new, row = found
            entries.append(
                Entry(
                    number=len(entries) + 1,
                    element=element,
                    row=row,
                    kind=kind,
                    operation=a.scheduled.index,
                    old_absent=old is None,
                    new_absent=new is None,
                    parts=_pair(old, new),
                    remark=remark,
                    reason=reason,
                )
            )
        hidden = None
        if isinstance(op, ReplaceWords):
            key = a.scheduled.key  # the plan just before this operation: one more version from the timeline
            acts, drafts = _inputs(amendments, filed)
            state = consolidate(base, acts, drafts=drafts, until=(*key[:3], key[3] - 1)).latest.plan
            hidden = _hidden_words(op, state)
        if hidden is not None and isinstance(op, ReplaceWords):
            # The rest of the occurrences are in text no source gives: say so, do not drop them.
            element, count = hidden
            entries.append(
                Entry(
                    number=len(entries) + 1,
                    element=element,
                    row=op.row,
                    kind=ChangeKind.WORDS_REPLACED,
                    operation=a.scheduled.index,
                    old_absent=False,
                    new_absent=False,
                    parts=_pair((Part(text=UNKNOWN),), (Part(text=UNKNOWN),)),
                    remark=words.HIDDEN_OCCURRENCES.format(instruction=_words_instruction(op), count=count),
                    reason=reason,
                )
            )
    entries += _act_entries(amendments, filed, len(entries))
    act = filed.amendment
    first = min((act.effective(i) for i in range(len(act.operations))), default=act.in_force)
    record = next((r for r in after_tl.acts if r.filed.amendment is act), None)
    if record is not None and record.in_force is not None:
        first = record.in_force  # as other acts moved it
    return Comparison(
        act=act.act,
        plan=base.plan,
        plan_title=base.title,
        status=act.status,
        in_force=first,
        before=before_tl.latest.valid_from,
        entries=tuple(entries),
    )


def _act_entries(amendments: Sequence[FiledAmendment], filed: FiledAmendment, count: int) -> list[Entry]:
    """One entry per operation of ``filed`` on another act: its entry into force moved, words of one of
    its operations corrected, or the act (or some of its operations) repealed. The old side is the
    target act as written."""
    entries: list[Entry] = []
    a = filed.amendment
    remark: str | None
    for index, op in enumerate(a.operations):
        if isinstance(op, SuspendPlan | ResumePlan):
            # The plan's force, not its text: one entry, the plan, with the instruction.
            until = (
                words.SUSPEND_UNTIL.format(day=op.until.isoformat()) if isinstance(op, SuspendPlan) and op.until else ""
            )
            instruction = words.SUSPEND + until if isinstance(op, SuspendPlan) else words.RESUME
            entries.append(
                Entry(
                    number=count + len(entries) + 1,
                    element=words.PLAN,
                    kind=ChangeKind.SUSPENDED if isinstance(op, SuspendPlan) else ChangeKind.RESUMED,
                    operation=index,
                    old_absent=False,
                    new_absent=False,
                    parts=(),
                    remark=instruction,
                )
            )
            continue
        if not isinstance(op, RescheduleAct | CorrectAct | RepealAct):
            continue
        target = next(
            (
                f.amendment
                for f in amendments
                if f.amendment.amends == a.amends and f.amendment.act.number == op.act and f is not filed
            ),
            None,
        )
        if target is None:
            continue  # the engine reports a missing target (target-missing)
        element = act_in_case(target.act, "nominative")
        chosen: tuple[int, ...] = () if isinstance(op, CorrectAct) else op.operations or ()
        if chosen:
            element += ", " + ", ".join(words.OPERATION.format(number=n) for n in chosen)
        kind: ChangeKind
        if isinstance(op, RescheduleAct):
            days = sorted({target.effective(n - 1) for n in chosen} if chosen else {target.in_force})
            old: tuple[Part, ...] | None = (Part(key="entry_into_force", text=", ".join(d.isoformat() for d in days)),)
            new: tuple[Part, ...] | None = (Part(key="entry_into_force", text=op.date.isoformat()),)
            kind, remark = ChangeKind.RESCHEDULED, words.ENTRY_DAY.format(day=op.date.isoformat())
        elif isinstance(op, CorrectAct):
            element += ", " + words.OPERATION.format(number=op.operation)
            old, new = (Part(key="words", text=op.old),), (Part(key="words", text=op.new or "—"),)
            kind = ChangeKind.WORDS_REPLACED
            remark = _words_instruction(
                ReplaceWords(op="replace_words", old=op.old, new=op.new, occurrences=op.occurrences)
            )
        else:
            old, new = (Part(key="act", text=element),), None
            kind, remark = ChangeKind.REPEALED, None
        entries.append(
            Entry(
                number=count + len(entries) + 1,
                element=element,
                kind=kind,
                operation=index,
                old_absent=False,
                new_absent=new is None,
                parts=_pair(old, new),
                remark=remark,
            )
        )
    return entries


def validate_in_repository(base: Plan, amendments: Sequence[FiledAmendment], filed: FiledAmendment) -> list[AmendError]:
    """What ``amend check`` would report of this act if it were adopted beside the others: the whole
    timeline with it, later acts included (its own dates decide where it falls in the order rule)."""
    others = others_than(amendments, filed)
    try:
        consolidate(base, others, drafts=[filed])
    except AmendError as err:
        return [locate(err)]
    return []


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The table as JSON-ready data: UNKNOWN is null, and each side's state is said in words
    (old: absent | unknown | given; new: removed | unknown | given) so null is never read as empty."""
    data = comparison.model_dump(mode="json")
    for entry, out in zip(comparison.entries, data["entries"]):
        out["old_state"] = "absent" if entry.old_absent else "unknown" if entry.old_unknown else "given"
        out["new_state"] = "removed" if entry.new_absent else "unknown" if entry.new_unknown else "given"
    return data
