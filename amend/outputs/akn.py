"""Akoma Ntoso 3.0 (OASIS LegalDocML): a consolidated version of a plan, or an amending act, as one XML
document that validates against the official AKN 3.0 schema.

- A consolidated version (``version_akn``) is the approving act (a resolution) with the plan as its
  annex: ``act`` with FRBR metadata whose expression date is the version's first day, a ``lifecycle``
  with one ``eventRef`` for the original act and one for every amending act in force by then, and an
  ``analysis`` with one ``passiveModification`` per change (substitution, insertion, repeal) pointing
  at the changed element. The annex is an ``attachment`` whose ``doc`` holds the sections and
  subsections as ``hcontainer`` elements and the rows as a ``table`` (one ``tr`` per row, with the
  reference bank's notes as ``authorialNote``), then the abbreviations note.
- An amending act (``amendment_akn``) is an ``act`` whose ``analysis`` has one ``activeModification``
  per element its operations write, pointing into the amended work.

FRBR URIs follow the OASIS Akoma Ntoso Naming Convention v1.0. No Kazakh profile of it exists; the
choices made here are: country ``kz``; document type ``act``; the subtype is the kind of act in English
(қаулы ``resolution``, бұйрық ``order``, жарлық ``decree``, заң ``law``); the work date is the
adoption date, the number the act's number; the language ``kaz`` (ISO 639-2/B). For example
``/akn/kz/act/resolution/2023-08-31/748/kaz@2025-05-30``. A text no source gives is an
``<inline name="unknown">`` holding ``⟨белгісіз⟩``, never an empty element.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from amend.engine.acts import Act
from amend.engine.amendment import Amendment
from amend.engine.elements import Element, ElementKind
from amend.engine.model import Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change, ChangeKind
from amend.engine.timeline import Version
from amend.engine.unknown import UNKNOWN, Text
from amend.language import interface as words
from amend.outputs.labels import column_heading
from amend.outputs.markdown import UNKNOWN_MARK

__all__ = ["AKN_NS", "SUBTYPES", "amendment_akn", "expression_uri", "modification_type", "version_akn", "work_uri"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SUBTYPES: dict[str, str] = words.AKN_SUBTYPES
_LANGUAGE = "kaz"
_SOURCE = "#amend"

ET.register_namespace("", AKN_NS)


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.Element(_q(tag)) if parent is None else ET.SubElement(parent, _q(tag))
    for key, value in attrs.items():
        element.set(key.rstrip("_"), value)
    if text is not None:
        element.text = text
    return element


def work_uri(act: Act) -> str:
    """``/akn/kz/act/resolution/2023-08-31/748``: the act as a work."""
    return f"/akn/kz/act/{SUBTYPES[act.kind]}/{act.date.isoformat()}/{act.number}"


def expression_uri(act: Act, day: dt.date) -> str:
    """``/akn/kz/act/resolution/2023-08-31/748/kaz@2025-05-30``: the Kazakh text as in force on ``day``."""
    return f"{work_uri(act)}/{_LANGUAGE}@{day.isoformat()}"


def modification_type(kind: ChangeKind) -> str:
    """The AKN textual modification of a change: substitution, insertion or repeal."""
    if kind in (ChangeKind.INSERTED, ChangeKind.ADDED):
        return "insertion"
    if kind in (ChangeKind.DELETED, ChangeKind.REPEALED):
        return "repeal"
    return "substitution"


def _ref_id(number: str, day: dt.date) -> str:
    return f"ref_{day.isoformat()}_{number}"


def _text(parent: ET.Element, value: Text | str | None) -> None:
    """Text into ``parent``; UNKNOWN (and the unknown mark inside prose) as ``<inline name="unknown">``."""
    if value is None:
        return
    pieces = [UNKNOWN_MARK] if value is UNKNOWN else str(value).split(UNKNOWN_MARK)
    if value is UNKNOWN:
        pieces = ["", ""]
    last: ET.Element | None = None
    for k, piece in enumerate(pieces):
        if k:
            last = _el(parent, "inline", UNKNOWN_MARK, name="unknown")
        if not piece:
            continue
        if last is None:
            parent.text = (parent.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece


def _p(parent: ET.Element, value: Text | str | None) -> ET.Element:
    paragraph = _el(parent, "p")
    for k, line in enumerate(("" if value is None else (UNKNOWN_MARK if value is UNKNOWN else str(value))).split("\n")):
        if k:
            _el(paragraph, "br")
            # Lines after a break continue as the tail of the <br>.
            holder = ET.Element("x")
            _text(holder, line)
            paragraph[-1].tail = holder.text
            paragraph.extend(list(holder))
        else:
            _text(paragraph, UNKNOWN if value is UNKNOWN else line)
    return paragraph


def _frbr(meta: ET.Element, act: Act, day: dt.date, component: str, author: str) -> None:
    """The FRBR identification of ``act`` (its Kazakh expression of ``day``), for the document or a
    component of it (``main``, ``annex_1``)."""
    work, expression = work_uri(act), expression_uri(act, day)
    ident = _el(meta, "identification", source=_SOURCE)
    w = _el(ident, "FRBRWork")
    _el(w, "FRBRthis", value=f"{work}/!{component}")
    _el(w, "FRBRuri", value=work)
    _el(w, "FRBRdate", date=act.date.isoformat(), name="Generation")
    _el(w, "FRBRauthor", href=f"#{author}")
    _el(w, "FRBRcountry", value="kz")
    _el(w, "FRBRsubtype", value=SUBTYPES[act.kind])
    _el(w, "FRBRnumber", value=act.number)
    _el(w, "FRBRname", value=act.kind)
    e = _el(ident, "FRBRExpression")
    _el(e, "FRBRthis", value=f"{expression}/!{component}")
    _el(e, "FRBRuri", value=expression)
    _el(e, "FRBRdate", date=day.isoformat(), name="Generation")
    _el(e, "FRBRauthor", href=_SOURCE)
    _el(e, "FRBRlanguage", language=_LANGUAGE)
    m = _el(ident, "FRBRManifestation")
    _el(m, "FRBRthis", value=f"{expression}/!{component}.xml")
    _el(m, "FRBRuri", value=f"{expression}.akn")
    _el(m, "FRBRdate", date=day.isoformat(), name="Generation")
    _el(m, "FRBRauthor", href=_SOURCE)


def _references(meta: ET.Element, original: Act, refs: Iterable[tuple[str, Act]], *, active: bool) -> None:
    references = _el(meta, "references", source=_SOURCE)
    _el(references, "original", eId="original", href=work_uri(original), showAs=_show(original))
    for ref_id, act in refs:
        _el(references, "activeRef" if active else "passiveRef", eId=ref_id, href=work_uri(act), showAs=_show(act))
    _el(references, "TLCOrganization", eId="amend", href="/ontology/organization/amend", showAs="amend")
    _el(references, "TLCOrganization", eId="issuer", href="/ontology/organization/kz/issuer", showAs=original.issuer)


def _show(act: Act) -> str:
    return f"{act.issuer}, {act.kind}, {act.date.isoformat()} № {act.number}"


def _row_id(number: RowNumber | str) -> str:
    return f"row_{number}"


def _abbr_id(code: str) -> str:
    # An eId holds no blank; a code may ("БП ҚСАЕАК").
    return "abbr_" + "_".join(code.split())


def _element_id(element: Element) -> str:
    match element.kind:
        case ElementKind.ROW:
            return _row_id(element.key)
        case ElementKind.ABBREVIATION:
            return _abbr_id(element.key)
        case ElementKind.SECTION:
            return f"sec_{element.key}"
        case ElementKind.SUBSECTION:
            return f"subsec_{element.key}"
    return "annex_1"


def _changes(plan: Plan) -> list[tuple[str, Change]]:
    """Every change the version carries, with the eId of the element it changed, oldest first."""
    out: list[tuple[str, Change]] = []
    for row in plan.rows:
        out += [(_row_id(row.number), c) for c in row.history]
    out += [(_row_id(number), c) for number, c in plan.deleted_rows.items()]
    for section in plan.sections:
        out += [(f"sec_{section.number}", c) for c in section.history]
        for sub in section.subsections:
            out += [(f"subsec_{sub.number}", c) for c in sub.history]
    for code, abbreviation in plan.abbreviations.items():
        out += [(_abbr_id(code), c) for c in abbreviation.history]
    # By the order rule's keys; within an act, document order (the sort is stable).
    out.sort(key=lambda pair: (pair[1].in_force, pair[1].act_date, _natural(pair[1].act)))
    return out


def _natural(number: str) -> tuple[tuple[int, str], ...]:
    # Act numbers are digits, but need not be: compare digit runs as numbers, the rest as text.
    import re

    return tuple((int(p), "") if p.isdigit() else (0, p) for p in re.findall(r"\d+|\D+", number))


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + bytes(ET.tostring(root, encoding="utf-8")) + b"\n"


def _act_body(act_el: ET.Element, act: Act) -> None:
    """The act's own text: its title, preamble and points where the sources give them."""
    preface = _el(act_el, "preface")
    _p(_el(preface, "longTitle"), act.title)
    if act.preamble is not None:
        _p(_el(act_el, "preamble"), act.preamble)
    body = _el(act_el, "body")
    if not act.points:
        container = _el(body, "hcontainer", eId="hcontainer_1", name="text")
        _p(_el(container, "content"), UNKNOWN)
    for k, point in enumerate(act.points, start=1):
        paragraph = _el(body, "paragraph", eId=f"para_{k}")
        _el(paragraph, "num", f"{point.number}.")
        _p(_el(paragraph, "content"), point.text)


def _table(
    parent: ET.Element, plan: Plan, rows: Sequence[Row], deleted: Sequence[tuple[str, Change]], eid: str
) -> None:
    content = _el(parent, "content")
    table = _el(content, "table", eId=eid)
    head = _el(table, "tr")
    _p(_el(head, "th"), "№")
    for column in plan.columns:
        _p(_el(head, "th"), column_heading(column))
    items: list[tuple[tuple[int, ...], Row | tuple[str, Change]]] = [(r.number.parts, r) for r in rows]
    items += [(RowNumber(n).parts, (n, c)) for n, c in deleted]
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, Row):
            tr = _el(table, "tr", eId=_row_id(item.number))
            number = _p(_el(tr, "td"), str(item.number))
            for change in item.history:
                _note(number, change)
            for column in plan.columns:
                _p(_el(tr, "td"), item.cells[column.id])
        else:
            deleted_number, change = item
            tr = _el(table, "tr", eId=_row_id(deleted_number))
            _note(_p(_el(tr, "td"), deleted_number), change)
            _p(_el(tr, "td", colspan=str(len(plan.columns))), words.DELETED)


def _note(paragraph: ET.Element, change: Change) -> None:
    """The reference bank's note on a change, as a footnote of the cell it is about."""
    _p(_el(paragraph, "authorialNote", marker="*", placement="bottom"), change.note)


def _annex(attachments: ET.Element, version: Version) -> None:
    plan = version.plan
    doc = _el(_el(attachments, "attachment"), "doc", name="annex")
    meta = _el(doc, "meta")
    _frbr(meta, plan.act, version.valid_from, "annex_1", "issuer")
    preface = _el(doc, "preface")
    _p(_el(preface, "longTitle"), plan.title)
    body = _el(doc, "mainBody")
    deleted = _deleted_by_section(plan)
    for section in plan.sections:
        sec = _el(body, "hcontainer", eId=f"sec_{section.number}", name="section")
        _el(sec, "num", f"{section.number}.")
        _text(_el(sec, "heading"), section.title)
        rows = [r for r in plan.rows if r.section == section.number]
        groups: list[tuple[object, list[Row]]] = []
        for row in rows:
            if groups and groups[-1][0] == row.subsection:
                groups[-1][1].append(row)
            else:
                groups.append((row.subsection, [row]))
        if not groups and not section.subsections:
            _p(_el(sec, "content"), words.ROWS_UNKNOWN)
            continue
        shown: set[str] = set()
        for k, (sub_number, group) in enumerate(groups, start=1):
            sub = section.subsection(sub_number) if isinstance(sub_number, str) else None
            if sub is not None and sub.number not in shown:
                container = _el(sec, "hcontainer", eId=f"subsec_{sub.number}", name="subsection")
                _el(container, "num", f"{sub.number}.")
                _text(_el(container, "heading"), sub.title)
                shown.add(sub.number)
            else:
                container = _el(sec, "hcontainer", eId=f"sec_{section.number}__rows_{k}", name="rows")
                if sub_number is UNKNOWN:
                    _text(_el(container, "heading"), words.SUBSECTION_UNKNOWN.format(mark=UNKNOWN_MARK))
            mine = deleted.get(section.number, []) if k == len(groups) else []
            _table(container, plan, group, mine, f"{container.get('eId')}__table")
        for sub in section.subsections:
            if sub.number not in shown:
                container = _el(sec, "hcontainer", eId=f"subsec_{sub.number}", name="subsection")
                _el(container, "num", f"{sub.number}.")
                _text(_el(container, "heading"), sub.title)
                _p(_el(container, "content"), words.ROWS_UNKNOWN)
    if plan.abbreviations:
        note = _el(body, "hcontainer", eId="abbreviations", name="abbreviations")
        _text(_el(note, "heading"), words.ABBREVIATIONS_HEADING)
        table = _el(_el(note, "content"), "table", eId="abbreviations__table")
        for code, abbreviation in plan.abbreviations.items():
            tr = _el(table, "tr", eId=_abbr_id(code))
            cell = _p(_el(tr, "td"), code)
            for change in abbreviation.history:
                _note(cell, change)
            _p(_el(tr, "td"), abbreviation.expansion)


def _deleted_by_section(plan: Plan) -> dict[str, list[tuple[str, Change]]]:
    found: dict[str, list[tuple[str, Change]]] = {}
    for number, change in plan.deleted_rows.items():
        i = plan.position(RowNumber(number))
        section = (plan.rows[i - 1] if i > 0 else plan.rows[0]).section if plan.rows else plan.sections[0].number
        found.setdefault(section, []).append((number, change))
    return found


def version_akn(version: Version, amending: Sequence[Act] = ()) -> bytes:
    """A consolidated version as one AKN document (``amending``: the acts that amend the plan, to name
    them in the lifecycle with their kind; an act not among them is named as a resolution's would be)."""
    plan = version.plan
    root = _el(None, "akomaNtoso")
    act_el = _el(root, "act", name=SUBTYPES[plan.act.kind], contains="singleVersion")
    meta = _el(act_el, "meta")
    _frbr(meta, plan.act, version.valid_from, "main", "issuer")
    changes = _changes(plan)
    by_key = {(a.number, a.date): a for a in amending}
    acts: dict[str, Act] = {}
    for _, change in changes:
        known = by_key.get((change.act, change.act_date))
        acts[_ref_id(change.act, change.act_date)] = known or plan.act.model_copy(
            update={"number": change.act, "date": change.act_date, "title": UNKNOWN}
        )
    lifecycle = _el(meta, "lifecycle", source=_SOURCE)
    _el(
        lifecycle, "eventRef", eId="evt_original", date=plan.act.date.isoformat(), source="#original", type="generation"
    )
    seen: set[str] = set()
    for _, change in changes:
        ref = _ref_id(change.act, change.act_date)
        if ref not in seen:
            seen.add(ref)
            _el(
                lifecycle,
                "eventRef",
                eId=f"evt_{ref[4:]}",
                date=change.in_force.isoformat(),
                source=f"#{ref}",
                type="amendment",
            )
    if changes:
        analysis = _el(meta, "analysis", source=_SOURCE)
        passive = _el(analysis, "passiveModifications")
        for k, (eid, change) in enumerate(changes, start=1):
            mod = _el(passive, "textualMod", type=modification_type(change.kind), eId=f"pmod_{k}")
            _el(mod, "source", href=f"#{_ref_id(change.act, change.act_date)}")
            _el(mod, "destination", href=f"#{eid}")
    _references(meta, plan.act, sorted(acts.items()), active=False)
    _act_body(act_el, plan.act)
    _annex(_el(act_el, "attachments"), version)
    return _serialise(root)


def amendment_akn(amendment: Amendment, plan: Plan) -> bytes:
    """An amending act as one AKN document, with an ``activeModification`` for every element its
    operations write in ``plan`` (the version it applies to), pointing into the amended work."""
    act = amendment.act
    root = _el(None, "akomaNtoso")
    act_el = _el(root, "act", name=SUBTYPES[act.kind], contains="originalVersion")
    meta = _el(act_el, "meta")
    _frbr(meta, act, act.date, "main", "issuer")
    lifecycle = _el(meta, "lifecycle", source=_SOURCE)
    _el(lifecycle, "eventRef", eId="evt_original", date=act.date.isoformat(), source="#original", type="generation")
    target = work_uri(plan.act)
    analysis = _el(meta, "analysis", source=_SOURCE)
    active = _el(analysis, "activeModifications")
    k = 0
    seen: set[Element] = set()
    for op in amendment.operations:
        for touch in op.touches(plan):
            # One modification per element: an operation may write several parts of one element.
            if not touch.writes or touch.element in seen:
                continue
            seen.add(touch.element)
            k += 1
            kind = {"creates": "insertion", "deletes": "repeal"}.get(touch.effect.value, "substitution")
            mod = _el(active, "textualMod", type=kind, eId=f"amod_{k}")
            _el(mod, "source", href="#main")
            _el(mod, "destination", href=f"{target}/!annex_1#{_element_id(touch.element)}")
    if k == 0:
        meta.remove(analysis)  # an act that writes nothing has no modifications to list
    references = _el(meta, "references", source=_SOURCE)
    _el(references, "original", eId="original", href=work_uri(act), showAs=_show(act))
    _el(references, "activeRef", eId="amended", href=target, showAs=_show(plan.act))
    _el(references, "TLCOrganization", eId="amend", href="/ontology/organization/amend", showAs="amend")
    _el(references, "TLCOrganization", eId="issuer", href="/ontology/organization/kz/issuer", showAs=act.issuer)
    _act_body(act_el, act)
    return _serialise(root)
