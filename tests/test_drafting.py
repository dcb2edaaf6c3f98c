"""The generator (amend draft-text) and the round trip import(draft-text(act)) == act, on real and generated acts."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import typing
from pathlib import Path

import pytest
from builders import plan as small_plan
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from amend import FiledAmendment, load_amendment, load_plan
from amend.cli.app import app
from amend.engine.acts import ActPoint, Signatory
from amend.engine.amendment import Amendment
from amend.engine.editor_texts import element_texts
from amend.engine.elements import parse_element
from amend.engine.model import AnnexNote, Plan
from amend.engine.operations import Operation
from amend.engine.timeline import act_bounds, consolidate
from amend.engine.unknown import UNKNOWN
from amend.errors import AmendError
from amend.importer import Lexicon, import_text
from amend.importer.act.drafting import UNKNOWN_TEXT, draft_text, locative, render_text
from amend.importer.act.preview import adopted_acts, plan_acts, version_before
from amend.importer.act.writer import operation_data
from amend.language import phrases as w

# Every kind of operation the engine knows (the discriminator of the Operation union).
OPERATION_KINDS = [
    typing.get_args(t.model_fields["op"].annotation)[0] for t in typing.get_args(typing.get_args(Operation)[0])
]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
ACTS = sorted((ROOT / "plans" / "amendments").glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml"))
# The scenario corpus: acts laid over the real plans (structure/<name>/plans/amendments, lifecycle/<name>/amendments).
SCENARIOS = sorted(
    [*(ROOT / "tests" / "fixtures" / "structure").glob("*/plans/amendments/*.yaml")]
    + [*(ROOT / "tests" / "fixtures" / "lifecycle").glob("*/amendments/*.yaml")]
)


def _renamed(value: object, names: dict[str, str]) -> object:
    """``value`` with every string (and key) that is an added column's identifier put as its placeholder (also
    as the element an operation names: "column <id>", hypothesis seeds 3124 and 5774)."""
    if isinstance(value, str):
        kind, _, key = value.partition(" ")
        return f"column {names[key]}" if kind == "column" and key in names else names.get(value, value)
    if isinstance(value, dict):
        return {_renamed(k, names): _renamed(v, names) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_renamed(v, names) for v in value]
    return value


def kazakh_fields(a: Amendment) -> dict[str, object]:
    """The fields a Kazakh text carries: every field but the Russian wordings (``*_ru``), which only the act's
    Russian text gives, and the identifier and role of a column added, which no text gives (the importer
    names the column and marks it for review: ``test_a_column_added_is_named_by_its_number_and_marked``);
    an added column's identifier is compared as "the k-th column added" wherever a later operation names it (an
    identifier used again for a column added after its first was struck out names the later one from there on:
    hypothesis seeds 2131 and 2894)."""
    names: dict[str, str] = {}
    at: dict[str, dict[str, str]] = {}  # "opN": the placeholders as operation N finds them
    added = 0
    for n, op in enumerate(a.operations):
        if op.op == "add_column":
            names = {**names, op.id: f"<added column {added}>"}
            added += 1
        at[f"op{n}"] = names
    out = {}
    for key, value in fields(a).items():
        if key.endswith("_ru") or (key.endswith(".role") and fields(a).get(f"{key.split('.')[0]}.op") == "add_column"):
            continue
        out[key] = _renamed(value, at.get(key.split(".")[0], names))
    return out


def scenario_root(path: Path, tmp: Path) -> Path:
    """A repository of the real plans and the scenario's acts (the scenario folder of ``path``)."""
    folder = path.parent.parent if path.parent.name == "amendments" and path.parent.parent.name != "plans" else None
    folder = folder or path.parent.parent.parent
    root = tmp / folder.name
    if not root.exists():
        shutil.copytree(ROOT / "plans", root / "plans")
        for act in path.parent.glob("*.yaml"):
            shutil.copy(act, root / "plans" / "amendments" / act.name)
    return root


def fields(a: Amendment) -> dict[str, object]:
    """Every field of an act, by a readable key: the act, the plan, entry into force, each operation."""
    out: dict[str, object] = {f"act.{k}": v for k, v in a.act.model_dump().items()}
    out["amends"] = a.amends
    out["entry_into_force"] = a.entry_into_force.model_dump()
    for i, op in enumerate(a.operations):
        for key, value in operation_data(op).items():
            out[f"op{i}.{key}"] = value
        out[f"op{i}.in_force"] = op.in_force
    return out


def round_trip(
    act: Amendment,
    before: Plan,
    base: Plan,
    adopted: list[FiledAmendment],
    acts: dict | None = None,
    *,
    paragraphs: bool = False,
) -> Amendment:
    """The act drafted as text and imported again (``paragraphs``: later commencements named by paragraph)."""
    text = render_text(draft_text(act, before, acts, paragraphs=paragraphs))
    published = getattr(act.entry_into_force, "published", None)
    draft = import_text(text, base, Lexicon(), adopted=adopted, published=published)
    got = draft.amendment(status=act.status)
    assert got is not None, [str(r) for r in draft.reviews]
    return got


@pytest.mark.parametrize("path", ACTS, ids=lambda p: p.name)
def test_the_round_trip_gives_every_act_back_field_for_field(path: Path):
    act = load_amendment(path)
    base = load_plan(ROOT / "plans" / "base" / f"{act.amends}.yaml")
    got = round_trip(act, version_before(ROOT, act, path), base, adopted_acts(ROOT, act.amends, act))
    assert fields(got) == fields(act)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: f"{p.parts[-4]}/{p.parts[-3]}/{p.name}")
def test_the_round_trip_gives_every_scenario_act_back_in_every_field_its_text_carries(path: Path, tmp_path: Path):
    root = scenario_root(path, tmp_path)
    filed = root / "plans" / "amendments" / path.name
    act = load_amendment(filed)
    base = load_plan(root / "plans" / "base" / f"{act.amends}.yaml")
    before = version_before(root, act, filed)
    got = round_trip(act, before, base, adopted_acts(root, act.amends, act), plan_acts(root, act.amends))
    assert kazakh_fields(got) == kazakh_fields(act)


def test_the_scenarios_cover_every_kind_of_operation():
    kinds = {op.op for path in [*ACTS, *SCENARIOS] for op in load_amendment(path).operations}
    assert kinds == set(OPERATION_KINDS)


def test_a_column_added_is_named_by_its_number_and_marked(tmp_path: Path):
    path = ROOT / "tests" / "fixtures" / "structure" / "columns" / "plans" / "amendments" / "9004.yaml"
    root = scenario_root(path, tmp_path)
    filed = root / "plans" / "amendments" / path.name
    act = load_amendment(filed)
    text = render_text(draft_text(act, version_before(root, act, filed)))
    draft = import_text(text, load_plan(root / "plans" / "base" / "156.yaml"), Lexicon())
    added = draft.operations[0]
    assert added.operation is not None and added.operation.op == "add_column"
    assert added.operation.id == "column_3" and added.operation.cells  # the cell given with it is folded in
    assert any("no identifier nor role" in n.message for n in added.notes)


def test_acts_on_other_acts_are_named_in_full_where_their_files_are_at_hand(tmp_path: Path):
    path = ROOT / "tests" / "fixtures" / "lifecycle" / "postpone-392-partly" / "amendments" / "9001.yaml"
    root = scenario_root(path, tmp_path)
    filed = root / "plans" / "amendments" / path.name
    act = load_amendment(filed)
    text = render_text(draft_text(act, version_before(root, act, filed), plan_acts(root, "748")))
    assert (
        "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысымен енгізілген 2-өзгерістің "
        "қолданысқа енгізілу мерзімі мынадай редакцияда жазылсын:" in text
    )
    bare = render_text(draft_text(act, version_before(root, act, filed)))
    assert "1. № 392 қаулысымен енгізілген 2-өзгерістің" in bare


def test_392_is_drafted_in_the_official_formulas_in_document_order():
    path = ROOT / "plans" / "amendments" / "392.yaml"
    act = load_amendment(path)
    lines = [x.strip() for x in render_text(draft_text(act, version_before(ROOT, act, path))).splitlines()]
    assert lines[2] == "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысы"
    assert "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:" in lines
    order = [
        "реттік нөмірі 6-жол мынадай редакцияда жазылсын:",
        '"1.2. Орта мерзімді шаралар" деген кіші бөлім мынадай мазмұндағы реттік нөмірі 23-1-жолмен толықтырылсын:',
        "реттік нөмірі 28-жол мынадай редакцияда жазылсын:",
        "реттік нөмірлері 42, 43 және 44-жолдар мынадай редакцияда жазылсын:",
        "Ескертпе: Аббревиатуралардың толық жазылуы мынадай мазмұндағы жолдармен толықтырылсын:",
        "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
    ]
    assert [lines.index(x) for x in order] == sorted(lines.index(x) for x in order)
    # The section is named once, before its first row (as drafters group the changes).
    assert sum(x.endswith("деген 3-бөлімде:") for x in lines) == 1


def test_a_staggered_act_gets_a_point_per_commencement_and_the_excepting_clause():
    path = FIXTURES / "156-1001.yaml"
    act = load_amendment(path)
    text = render_text(draft_text(act, version_before(ROOT, act, path)))
    assert (
        "3. Осы қаулы 2-тармағын қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң "
        "қолданысқа енгізіледі; 2-тармақ 2022 жылғы 1 қаңтардан бастап қолданысқа енгізіледі." in text
    )


def test_locative_follows_vowel_harmony_and_the_possessive():
    assert locative("кешенді жоспар") == "кешенді жоспарда"
    assert locative("жол картасы") == "жол картасында"
    assert locative("іс-шаралар жоспары") == "іс-шаралар жоспарында"
    assert locative("бағдарлама") == "бағдарламада"
    assert locative("тізбе") == "тізбеде"
    assert locative("кешен") == "кешенде"
    assert locative("мерзімдік") == "мерзімдікте"


def test_cli_draft_text_prints_writes_and_makes_a_reproducible_docx(tmp_path):
    runner = CliRunner()
    printed = runner.invoke(app, ["draft-text", str(ROOT / "plans/amendments/392.yaml"), "--root", str(ROOT)])
    assert printed.exit_code == 0, printed.output
    assert "реттік нөмірі 49-жол мынадай редакцияда жазылсын:" in printed.stdout
    out = tmp_path / "392.txt"
    runner.invoke(app, ["draft-text", str(ROOT / "plans/amendments/392.yaml"), "-o", str(out), "--root", str(ROOT)])
    assert out.read_text(encoding="utf-8") == printed.stdout
    docs = []
    for name in ("a.docx", "b.docx"):
        target = tmp_path / name
        result = runner.invoke(
            app,
            [
                "draft-text",
                str(ROOT / "plans/amendments/392.yaml"),
                "--to",
                "docx",
                "-o",
                str(target),
                "--root",
                str(ROOT),
            ],
        )
        assert result.exit_code == 0, result.output
        docs.append(target.read_bytes())
    assert docs[0] == docs[1] and docs[0][:2] == b"PK"
    from docx import Document

    body = "\n".join(p.text for p in Document(str(tmp_path / "a.docx")).paragraphs)
    assert "реттік нөмірі 6-жол мынадай редакцияда жазылсын:" in body
    bad = runner.invoke(app, ["draft-text", str(ROOT / "plans/amendments/392.yaml"), "--lang", "en"])
    assert bad.exit_code == 2


# -- generated acts ---------------------------------------------------------------------------------

WORDS = ["балалар", "ата-ана", "мектеп", "ақпарат", "шара", "жоспар", "қорғау", "денсаулық", "бағдарлама", "ұйым"]
CODES = {"КМ": "Көлік министрлігі", "МАМ": "Мәдениет және ақпарат министрлігі", "ТСМ": "Туризм және спорт министрлігі"}


def _text(rng: random.Random, lo: int = 1, hi: int = 6) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def _measure(rng: random.Random) -> str:
    if rng.random() < 0.2:  # a dash-list, one item a line
        return f"{_text(rng, 1, 2).capitalize()}:\n" + "\n".join(f"- {_text(rng)};" for _ in range(rng.randint(1, 3)))
    return _text(rng).capitalize()


def _cells(rng: random.Random, codes: list[str]) -> dict[str, str]:
    return {"measure": _measure(rng), "executors": ", ".join(rng.sample(codes, rng.randint(1, len(codes))))}


def _base() -> Plan:
    rows = [
        {
            "number": str(n),
            "section": s,
            "subsection": sub,
            "cells": {"measure": f"{WORDS[n]} {WORDS[n + 1]}", "executors": "ОМ"},
        }
        for n, s, sub in [(1, "1", "1.1"), (2, "1", "1.2"), (3, "1", "1.2"), (4, "2", None), (5, "2", None)]
    ]
    for r in rows:
        if r["subsection"] is None:
            del r["subsection"]
    plan = small_plan(rows)
    # The resolution's own points, one with sub-points, for the operations on its text.
    points = (
        ActPoint(number="1", text="Жоспар бекітілсін."),
        ActPoint(
            number="2",
            text="Ұйымдар:",
            subpoints=(ActPoint(number="1", text="шара қабылдасын;"), ActPoint(number="2", text="ақпарат берсін.")),
        ),
        ActPoint(number="3", text="Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі."),
    )
    act = plan.act.model_copy(
        update={
            "points": points,
            "title": "Жоспар туралы",
            "preamble": "Ақпарат беру және балалар денсаулық қорғау мақсатында",
            "signatory": Signatory(position="Премьер-Министр", name="А. Бекұлы"),
        }
    )
    notes = (AnnexNote(number="1", text="мектеп шара ақпарат"),)
    return plan.model_copy(update={"act": act, "annex_notes": notes})


def _structure_candidate(rng: random.Random, p: Plan, kind: str) -> dict | None:
    """Words in a text that is not a cell, the preamble, a note, the signatory, renumbering, moves, columns,
    a subsection struck out."""
    rows = list(p.rows)
    row = rng.choice(rows) if rows else None
    if kind == "words_in_text":
        texts: dict[str, str] = {}
        for element in ["title", "preamble", "annex_title", *(f"point {q.number}" for q in p.act.points)]:
            found = element_texts(p, parse_element(element))
            if found is not None and isinstance(found[0], str):
                texts[element] = found[0]
        for q in p.act.points:
            texts.update({f"point {q.number}.{sp.number}": sp.text for sp in q.subpoints if isinstance(sp.text, str)})
        texts.update({f"note {n.number}": n.text for n in p.annex_notes if isinstance(n.text, str)})
        texts.update({f"section {x.number}": x.title for x in p.sections if isinstance(x.title, str)})
        texts.update(
            {f"subsection {y.number}": y.title for x in p.sections for y in x.subsections if isinstance(y.title, str)}
        )
        texts.update({f"column {c.id}": c.title for c in p.columns if isinstance(c.title, str)})
        element, text = rng.choice(sorted(texts.items()))
        words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 2]
        if not words:
            return None
        old = rng.choice(words)
        new = rng.choice(["", _text(rng, 1, 1)])
        if new and (new in text or old in new):
            new = ""
        return {"op": "replace_words_in", "element": element, "old": old, "new": new, "occurrences": text.count(old)}
    if kind == "preamble":
        if p.act.preamble is None:
            return {"op": "insert_text", "element": "preamble", "text": _text(rng).capitalize()}
        return rng.choice(
            [
                {"op": "replace_text", "element": "preamble", "text": _text(rng).capitalize()},
                {"op": "delete_text", "element": "preamble"},
            ]
        )
    if kind == "note":
        numbers = [n.number for n in p.annex_notes]
        if numbers and rng.random() < 0.6:
            number = rng.choice(numbers)
            return rng.choice(
                [
                    {"op": "replace_text", "element": f"note {number}", "text": _text(rng).capitalize()},
                    {"op": "delete_text", "element": f"note {number}"},
                ]
            )
        new = str(max((int(n) for n in numbers), default=0) + 1)
        return {
            "op": "insert_text",
            "element": f"note {new}",
            "text": _text(rng),
            "after": rng.choice([*numbers, None]),
        }
    if kind == "signatory":
        return {"op": "replace_signatory", "position": _text(rng, 1, 3).capitalize(), "name": _text(rng, 1, 2)}
    if kind == "renumber" and row:
        target = rng.choice(["row", "row", "section", "subsection"])
        if target == "row":
            return {"op": "renumber", "element": f"row {row.number}", "to": f"{row.number}-9"}
        if target == "section":
            x = rng.choice(p.sections)
            return {"op": "renumber", "element": f"section {x.number}", "to": str(len(p.sections) + 1)}
        subs = [y for x in p.sections for y in x.subsections]
        if subs:
            y = rng.choice(subs)
            head = y.number.rsplit(".", 1)[0]
            return {"op": "renumber", "element": f"subsection {y.number}", "to": f"{head}.{len(subs) + 5}"}
        return None
    if kind == "move_row" and row:
        x = rng.choice(p.sections)
        op = {"op": "move_row", "row": str(row.number), "section": x.number}
        if x.subsections and rng.random() < 0.7:
            op["subsection"] = rng.choice(x.subsections).number
        if rng.random() < 0.3:
            op["to"] = f"{row.number}-8"
        return op
    if kind == "add_column":
        ids = [c.id for c in p.columns]
        op = {
            "op": "add_column",
            "id": f"extra{len(ids)}",
            "title": _text(rng, 1, 2),
            "after": rng.choice([*ids, None]),
        }
        if row and rng.random() < 0.5:
            op["cells"] = {str(row.number): _text(rng)}
        return op
    if kind == "delete_column":
        extra = [c.id for c in p.columns if c.id.startswith("extra")]
        return {"op": "delete_column", "id": rng.choice(extra)} if extra else None
    if kind == "rename_column":
        return {"op": "rename_column", "id": rng.choice(p.columns).id, "title": _text(rng, 1, 2)}
    if kind == "delete_subsection":
        subs = [(x.number, y.number) for x in p.sections for y in x.subsections]
        if not subs:
            return None
        section, number = rng.choice(subs)
        return {"op": "delete_subsection", "section": section, "number": number}
    return None


def _text_candidate(rng: random.Random, p: Plan, kind: str) -> dict | None:
    """An operation on the resolution's own text, a section struck out, or words in one line of the note."""
    points = list(p.act.points)
    point = rng.choice(points) if points else None
    numbers = [q.number for q in points]
    if kind == "replace_point" and point:
        items = [{"number": str(k), "text": _text(rng, 1, 3) + ";"} for k in range(1, rng.randint(0, 2) + 1)]
        return {"op": "replace_text", "element": f"point {point.number}", "text": _text(rng).capitalize() + ":"} | (
            {"subpoints": items} if items else {}
        )
    if kind == "replace_subpoint" and point and point.subpoints:
        sub = rng.choice(point.subpoints)
        return {"op": "replace_text", "element": f"point {point.number}.{sub.number}", "text": _text(rng) + ";"}
    if kind == "insert_point":
        new = str(max((int(n) for n in numbers), default=0) + 1)
        return {
            "op": "insert_text",
            "element": f"point {new}",
            "text": _text(rng).capitalize() + ".",
            "after": rng.choice([*numbers, None]),
        }
    if kind == "insert_subpoint" and point:
        subs = [q.number for q in point.subpoints]
        new = str(max((int(n) for n in subs), default=0) + 1)
        element = f"point {point.number}.{new}"
        return {"op": "insert_text", "element": element, "text": _text(rng) + ";", "after": rng.choice([*subs, None])}
    if kind == "delete_point" and point:
        if point.subpoints and rng.random() < 0.5:
            return {"op": "delete_text", "element": f"point {point.number}.{rng.choice(point.subpoints).number}"}
        return {"op": "delete_text", "element": f"point {point.number}"}
    if kind == "delete_section" and len(p.sections) > 1:
        return {"op": "delete_section", "number": rng.choice(p.sections).number}
    if kind == "words_in_note":
        expansions = {c: a.expansion for c, a in p.abbreviations.items() if isinstance(a.expansion, str)}
        # Only words that one line holds: the text names no line, so the importer takes the one that holds them.
        found = [
            (c, x) for c, e in expansions.items() for x in e.split() if sum(x in f for f in expansions.values()) == 1
        ]
        if not found:
            return None
        code, old = rng.choice(found)
        new = rng.choice(["", _text(rng, 1, 1)])
        if new and any(new in e for e in expansions.values()):
            new = ""
        count = expansions[code].count(old)
        return {
            "op": "replace_words_in",
            "element": f"abbreviation {code}",
            "old": old,
            "new": new,
            "occurrences": count,
        }
    return None


STRUCTURE_KINDS = (
    "words_in_text",
    "preamble",
    "note",
    "signatory",
    "renumber",
    "move_row",
    "add_column",
    "delete_column",
    "rename_column",
    "delete_subsection",
)


def _candidate(rng: random.Random, p: Plan, k: int) -> dict | None:
    """One operation that may apply to ``p`` (the engine decides)."""
    rows = list(p.rows)
    codes = sorted(p.abbreviations)
    row = rng.choice(rows) if rows else None
    kind = rng.choice(
        [
            "replace_row",
            "replace_cells",
            "insert_rows",
            "delete_row",
            "words",
            "words",
            "abbr_throughout",
            "add_abbr",
            "replace_abbr",
            "delete_abbr",
            "set_title",
            "add_section",
            "add_subsection",
            "replace_point",
            "replace_subpoint",
            "insert_point",
            "insert_subpoint",
            "delete_point",
            "delete_section",
            "words_in_note",
            "words_in_text",
            "preamble",
            "note",
            "signatory",
            "renumber",
            "move_row",
            "add_column",
            "delete_column",
            "rename_column",
            "delete_subsection",
        ]
    )
    if kind in STRUCTURE_KINDS:
        return _structure_candidate(rng, p, kind)
    if kind in ("replace_point", "replace_subpoint", "insert_point", "insert_subpoint", "delete_point"):
        return _text_candidate(rng, p, kind)
    if kind in ("delete_section", "words_in_note"):
        return _text_candidate(rng, p, kind)
    section = lambda r: rng.choice([r.section, None])
    if kind == "replace_row" and row:
        return {"op": "replace_row", "row": str(row.number), "section": section(row), "cells": _cells(rng, codes)}
    if kind == "replace_cells" and row:
        cells = _cells(rng, codes)
        keep = rng.sample(sorted(cells), rng.randint(1, 2))
        return {
            "op": "replace_cells",
            "row": str(row.number),
            "section": section(row),
            "cells": {c: cells[c] for c in keep},
        }
    if kind == "insert_rows" and row:
        numbers, n = [], 1
        while len(numbers) < rng.randint(1, 2):
            number = f"{row.number}-{n}"
            if p.row(type(row.number)(number)) is None:
                numbers.append(number)
            n += 1
        op = {
            "op": "insert_rows",
            "section": row.section,
            "rows": [{"number": x, "cells": _cells(rng, codes)} for x in numbers],
        }
        if isinstance(row.subsection, str):
            op["subsection"] = row.subsection
        return op
    if kind == "delete_row" and row:
        return {"op": "delete_row", "row": str(row.number), "section": section(row)}
    if kind == "words" and row:
        text = row.cells["measure"]
        words = [w for w in text.replace("\n", " ").split(" ") if w in WORDS]
        if not words:
            return None
        old = rng.choice(words)
        new = rng.choice(["", _text(rng, 1, 2)])
        scope = rng.choice(["row", "cell", "section", "column", "plan"])
        op = {"op": "replace_words", "old": old, "new": new, "occurrences": 1}
        if scope in ("row", "cell"):
            op.update(row=str(row.number), section=section(row))
        if scope in ("cell", "column"):
            op["column"] = "measure"
        if scope in ("section", "column"):
            op["section"] = rng.choice([row.section, None])
        scoped = [r for r in rows if op.get("row") in (None, str(r.number)) and op.get("section") in (None, r.section)]
        columns = ["measure"] if op.get("column") else ["measure", "executors"]
        op["occurrences"] = sum(r.cells[c].count(old) for r in scoped for c in columns)
        return {k: v for k, v in op.items() if v is not None}
    if kind == "abbr_throughout":
        # A code replaced throughout the plan, its note's line renamed: '... мәтіні бойынша "X" деген аббревиатура
        # "Y" деген аббревиатурамен ауыстырылсын' (the importer makes these three operations of it).
        # The renamed line quotes the expansion as it stands: a quoted text never begins or ends with a blank
        # (an earlier replace_words_in that struck out its last word may have left one: hypothesis seed 421).
        known = [c for c in codes if isinstance(e := p.abbreviations[c].expansion, str) and e == e.strip()]
        new = [c for c in CODES if c not in p.abbreviations]
        if not known or not new:
            return None
        old, code = rng.choice(known), rng.choice(new)
        count = sum(t.count(old) for r in rows for t in r.cells.values() if isinstance(t, str))
        if not count or any(code in t for r in rows for t in r.cells.values() if isinstance(t, str)):
            return None
        return [
            {"op": "replace_words", "old": old, "new": code, "occurrences": count},
            {"op": "delete_abbreviation", "code": old},
            {"op": "add_abbreviations", "entries": {code: p.abbreviations[old].expansion}},
        ]
    if kind == "add_abbr":
        new = {c: e for c, e in CODES.items() if c not in p.abbreviations}
        return (
            {
                "op": "add_abbreviations",
                "entries": dict(rng.sample(sorted(new.items()), min(len(new), rng.randint(1, 2)))),
            }
            if new
            else None
        )
    if kind == "replace_abbr" and codes:
        return {"op": "replace_abbreviation", "code": rng.choice(codes), "expansion": _text(rng, 2, 4)}
    if kind == "delete_abbr" and codes:
        return {"op": "delete_abbreviation", "code": rng.choice(codes)}
    if kind == "set_title":
        s = rng.choice(p.sections)
        op = {"op": "set_title", "section": s.number, "title": _text(rng, 1, 3).capitalize()}
        if s.subsections and rng.random() < 0.5:
            op["subsection"] = rng.choice(s.subsections).number
        return op
    if kind == "add_section":
        return {"op": "add_section", "number": str(len(p.sections) + 1), "title": _text(rng, 1, 3).capitalize()}
    if kind == "add_subsection":
        s = rng.choice(p.sections)
        return {
            "op": "add_subsection",
            "section": s.number,
            "number": f"{s.number}.{len(s.subsections) + 1}",
            "title": _text(rng, 1, 2),
        }
    return None


def generated_act(seed: int, *, scattered: bool = False) -> tuple[Amendment, Plan]:
    """A valid act on the small plan, built one operation at a time with the engine as the judge.

    ``scattered``: a later ``in_force`` on any operation (named by its paragraph in the text), not only on a
    last run of them (a point of its own)."""
    rng = random.Random(seed)
    base = _base()
    date = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(0, 300))
    entry = rng.choice(
        [
            {"rule": "on_signing"},
            {"rule": "on_date", "date": date + dt.timedelta(days=rng.randint(1, 40))},
            {"rule": "after_publication", "days": rng.choice([10, 21]), "published": date + dt.timedelta(days=2)},
        ]
    )
    ops: list[dict] = []
    staggered = date + dt.timedelta(days=90)
    for k in range(rng.randint(1, 8)):
        act = _amendment(ops, date, entry)
        current = consolidate(base, [FiledAmendment(act, Path("gen.yaml"))]).latest.plan if ops else base
        found = _candidate(rng, current, k)
        if found is None:
            continue
        group = [
            {key: v for key, v in op.items() if v is not None} for op in (found if isinstance(found, list) else [found])
        ]
        later = (
            rng.random() < 0.3 if scattered else (ops and ops[-1].get("in_force")) or (k > 2 and rng.random() < 0.25)
        )
        if later:
            for op in group:
                op["in_force"] = staggered  # a later paragraph, or a later point to the end of the act
        try:
            candidate = _amendment([*ops, *group], date, entry)
            consolidate(base, [FiledAmendment(candidate, Path("gen.yaml"))])
        except AmendError:
            continue
        if not _counts_hold(candidate, base):
            continue
        ops.extend(group)
    if not ops:
        ops.append({"op": "set_title", "section": "2", "title": "Жаңа атау"})
    return _amendment(ops, date, entry), base


def _counts_hold(act: Amendment, base: Plan) -> bool:
    """Each replace_words counts the words the known cells of its scope hold in the version it applies to, in the
    order rule (an operation of an earlier day first, wherever it stands): the count a text and the plan give back.
    The engine refuses a wrong count only where no unknown cell may hide the words, and an operation added later
    may take effect before one counted earlier (hypothesis seed 1323: a subsection struck out on the act's day
    took the words' rows before words replaced on a later day, in a plan with a new column's unknown cells)."""
    filed = [FiledAmendment(act, Path("gen.yaml"))]
    number = act_bounds(act)[0][2]
    for i, op in enumerate(act.operations):
        if op.op != "replace_words":
            continue
        plan = consolidate(base, filed, until=(act.effective(i), act.act.date, number, i - 1)).latest.plan
        rows, columns = op.scope(plan)
        known = [t for r in rows for c in columns if isinstance(t := r.cells.get(c, UNKNOWN), str)]
        if sum(t.count(op.old) for t in known) != op.occurrences:
            return False
    return True


def _amendment(ops: list[dict], date: dt.date, entry: dict) -> Amendment:
    return Amendment.model_validate(
        {
            "act": {
                "issuer": "Қазақстан Республикасының Үкіметі",
                "kind": "қаулы",
                "number": "77",
                "date": date,
                "title": "Жоспарға өзгерістер енгізу туралы",
            },
            "amends": "100",
            "status": "adopted",
            "entry_into_force": entry,
            "operations": ops,
        }
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1))
@example(421)  # a renamed line whose expansion an earlier operation left ending in a blank
@example(570480)  # a code replaced throughout the plan while "Ескертпеде:" still stood: read as the note's
@example(2131)  # a column added, struck out, and another added under the same identifier
@example(5443)  # words counted with a column that an earlier operation adds on a later day
@example(3124)  # words in the title of a column the act adds
@example(1323)  # words of a later day counted after a subsection struck out on the act's day
def test_the_round_trip_holds_on_generated_acts(seed):
    # Odd seeds: later commencements on any operation, named by the paragraphs that hold them.
    act, base = generated_act(seed, scattered=seed % 2 == 1)
    got = round_trip(act, base, base, [], paragraphs=seed % 2 == 1)
    assert kazakh_fields(got) == kazakh_fields(act)


def test_a_code_replaced_throughout_after_a_section_added_under_the_notes_heading_round_trips():
    # The act hypothesis found (seed 570480), cut to what it needs: a line of the note changed, a section added
    # and a subsection struck out while "Ескертпеде:" still stands, then a code replaced throughout the plan.
    # The writer now frames that sentence with the plan again; the reader reads it as the plan's in any case.
    base = _base()
    ops = [
        {"op": "replace_abbreviation", "code": "ОМ", "expansion": "шара жоспар"},
        {"op": "add_section", "number": "3", "title": "Ұйым"},
        {"op": "delete_subsection", "section": "1", "number": "1.1"},
        {"op": "replace_words", "old": "ОМ", "new": "МАМ", "occurrences": 4},
        {"op": "delete_abbreviation", "code": "ОМ"},
        {"op": "add_abbreviations", "entries": {"МАМ": "шара жоспар"}},
    ]
    act = _amendment(ops, dt.date(2024, 12, 17), {"rule": "on_signing"})
    consolidate(base, [FiledAmendment(act, Path("gen.yaml"))])  # the engine takes it: a possible act
    lines = [line.strip() for line in render_text(draft_text(act, base)).splitlines()]
    k = next(n for n, line in enumerate(lines) if w.WHOLE_TEXT in line)
    note = lines.index(w.NOTE_CONTEXT)
    assert lines[note - 1] in lines[note:k]  # the plan's frame again after the note's heading
    assert kazakh_fields(round_trip(act, base, base, [])) == kazakh_fields(act)


@pytest.mark.parametrize(
    "heading_op",
    [
        {"op": "add_section", "number": "3", "title": "Ұйым"},
        {"op": "set_title", "section": "1", "title": "Жаңа атау"},
        {"op": "delete_section", "number": "2"},
    ],
    ids=lambda op: op["op"],
)
def test_a_change_of_the_plans_headings_after_a_note_line_changed_stands_under_the_plans_frame(heading_op):
    # "Ескертпеде: ... мынадай редакцияда жазылсын; мынадай мазмұндағы 3-бөліммен толықтырылсын:" would read as
    # the note's own section to a person: the plan's frame is given again before it.
    base = _base()
    act = _amendment(
        [{"op": "replace_abbreviation", "code": "ОМ", "expansion": "шара жоспар"}, heading_op],
        dt.date(2024, 12, 17),
        {"rule": "on_signing"},
    )
    consolidate(base, [FiledAmendment(act, Path("gen.yaml"))])  # the engine takes it
    lines = [line.strip() for line in render_text(draft_text(act, base)).splitlines()]
    note = lines.index(w.NOTE_CONTEXT)
    frame = next(line for line in lines if line.startswith(w.PLAN_FRAME))
    assert frame in lines[note + 2 :]  # after the note's heading and its sentence, the plan's frame again
    assert kazakh_fields(round_trip(act, base, base, [])) == kazakh_fields(act)


def test_words_are_counted_in_the_version_of_their_own_day_not_with_an_earlier_operation_of_a_later_day():
    # hypothesis, seed 5443: a column added with a later date (a paragraph of its own) holds the words; the words
    # replaced throughout on the act's day come before it in the engine's order, so the column is not counted.
    base = _base()
    later = dt.date(2024, 6, 14)
    ops = [
        {"op": "add_column", "id": "extra2", "title": "ақпарат", "cells": {"4": "шара ақпарат"}, "in_force": later},
        {"op": "replace_words", "old": "ақпарат", "new": "", "occurrences": 2},
    ]
    act = _amendment(ops, dt.date(2024, 3, 16), {"rule": "on_signing"})
    consolidate(base, [FiledAmendment(act, Path("gen.yaml"))])  # the engine takes it: 2 is the right count
    got = round_trip(act, base, base, [], paragraphs=True)
    assert [op.in_force for op in got.operations] == [later, None]
    assert got.operations[1].occurrences == 2


def test_an_unknown_text_is_drafted_with_the_unknown_mark_and_read_back_as_unknown():
    path = ROOT / "plans" / "amendments" / "392.yaml"
    act = load_amendment(path)
    base = load_plan(ROOT / "plans" / "base" / "748.yaml")
    # 748's measure of row 6 is unknown before 392: a replace_cells on its form only keeps it so.
    from amend.engine.unknown import UNKNOWN

    probe = act.model_copy(
        update={
            "operations": (
                act.operations[0].model_copy(update={"cells": {**act.operations[0].cells, "measure": UNKNOWN}}),
            )
        }
    )
    text = render_text(draft_text(probe, base))
    assert UNKNOWN_TEXT in text
    got = round_trip(probe, base, base, [])
    assert got.operations[0].cells["measure"] is UNKNOWN


def test_generated_acts_cover_the_formulae_of_issue_26_and_round_trip():
    """Words replaced throughout the plan ("... мәтіні бойынша"), a code replaced throughout with its note's line
    renamed ("... деген аббревиатура ... деген аббревиатурамен"), and later paragraphs ("1-тармақтың ... абзацы")
    of operations that are not the act's last: each drafted, read back the same."""
    seen = {"whole": 0, "abbreviation": 0, "paragraph": 0}
    for seed in range(1, 81, 2):
        act, base = generated_act(seed, scattered=True)
        text = render_text(draft_text(act, base, paragraphs=True))
        seen["whole"] += f"{w.WHOLE_TEXT} " in text
        seen["abbreviation"] += f"{w.SAID} {w.ABBREVIATION_NEW}" in text
        later = [k for k, op in enumerate(act.operations) if op.in_force is not None]
        seen["paragraph"] += bool(later) and later[-1] + 1 < len(act.operations) and w.PARAGRAPH_NOM[:5] in text
        assert kazakh_fields(round_trip(act, base, base, [], paragraphs=True)) == kazakh_fields(act), seed
    assert all(seen.values()), seen
