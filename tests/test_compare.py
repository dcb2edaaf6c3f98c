"""The comparative table of an act: one entry per change, old wording from the day before, redline."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import builders
import pytest
from conftest import ROOT
from golden import assert_golden
from typer.testing import CliRunner

from amend import UNKNOWN, load_amendment
from amend.cli.app import app
from amend.engine.amendment import FiledAmendment
from amend.engine.provenance import ChangeKind
from amend.errors import AbbreviationUndefined, TargetMissing
from amend.outputs.html import render_comparison_html
from amend.outputs.markdown import UNKNOWN_MARK, render_comparison_markdown
from amend.queries.compare import Comparison, compare

ACT_392 = ROOT / "plans" / "amendments" / "392.yaml"
runner = CliRunner()


def table_of(repo, path: Path) -> Comparison:
    act = load_amendment(path)
    return compare(repo.plan(act.amends), repo.amendments, FiledAmendment(act, path))


@pytest.fixture(scope="module")
def table_392(repo) -> Comparison:
    return table_of(repo, ACT_392)


def draft_file(folder: Path, operations: str, *, date: str = "2025-09-01", number: str = "900") -> Path:
    path = folder / f"draft-{number}.yaml"
    path.write_text(
        f'act: {{issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "{number}", date: {date}, '
        f'title: "Жоба"}}\namends: "748"\nstatus: draft\nentry_into_force: {{rule: on_signing}}\noperations:\n'
        + operations,
        encoding="utf-8",
    )
    return path


def test_392_in_markdown_matches_its_golden_file(table_392):
    assert_golden("392-compare.md", render_comparison_markdown(table_392))


def test_392_in_html_matches_its_golden_file(table_392):
    assert_golden("392-compare.html", render_comparison_html(table_392))


def test_392_is_compared_with_the_version_in_force_the_day_before(table_392):
    assert table_392.before == dt.date(2023, 8, 31) and table_392.in_force == dt.date(2025, 5, 30)
    assert [e.number for e in table_392.entries] == list(range(1, 22))


def test_one_entry_per_change_with_its_structural_element(table_392):
    elements = [(e.element, e.kind) for e in table_392.entries]
    assert elements[:2] == [("1-бөлім, 6-жол", ChangeKind.REPLACED), ("1.2-кіші бөлім, 23-1-жол", ChangeKind.INSERTED)]
    assert ("3-бөлім, 49-жол", ChangeKind.REPLACED) in elements
    assert elements[-4:] == [(f"Ескертпе, {c}", ChangeKind.ADDED) for c in ("КМ", "МАМ", "ӨҚМ", "ТСМ")]


def test_an_unknown_old_wording_is_said_to_be_unknown_not_empty(table_392):
    row6 = table_392.entries[0]
    assert row6.old_unknown and not row6.old_absent
    assert all(p.old is UNKNOWN and p.redline is None for p in row6.parts)
    line = next(x for x in render_comparison_markdown(table_392).splitlines() if x.startswith("| 1 |"))
    old_cell = line.split(" | ")[2]
    assert old_cell == f"{UNKNOWN_MARK}: қолданыстағы редакцияның мәтіні дереккөздерде берілмеген"


def test_an_insertion_has_no_old_wording_and_is_all_inserted(table_392):
    row23_1 = table_392.entries[1]
    assert row23_1.old_absent and not row23_1.old_unknown
    line = next(x for x in render_comparison_markdown(table_392).splitlines() if x.startswith("| 2 |"))
    assert line.split(" | ")[2] == "Жоқ."
    measure = next(p for p in row23_1.parts if p.key == "measure")
    assert [s.mark.value for s in measure.redline] == ["inserted"]


def test_the_new_wording_is_what_the_consolidated_version_reads(table_392, timeline_748):
    after = timeline_748.in_force_at(dt.date(2025, 5, 30)).plan
    for entry in table_392.entries:
        if entry.row is not None:
            assert {p.key: p.new for p in entry.parts} == after.row(entry.row).cells


def test_a_draft_against_the_latest_version_gets_a_word_level_redline(repo, tmp_path):
    path = draft_file(
        tmp_path,
        '  - op: replace_cells\n    row: "23-1"\n    cells: {deadline: "2026 жылғы маусым"}\n'
        '  - op: delete_row\n    row: "37-4"\n',
    )
    table = table_of(repo, path)
    assert table.before == dt.date(2025, 5, 30) and table.status == "draft"
    deadline = next(p for p in table.entries[0].parts if p.key == "deadline")
    assert [(s.mark.value, s.text) for s in deadline.redline] == [
        ("deleted", "2025"),
        ("inserted", "2026"),
        ("same", " жылғы "),
        ("deleted", "желтоқсан"),
        ("inserted", "маусым"),
    ]
    md = render_comparison_markdown(table)
    line = next(x for x in md.splitlines() if x.startswith("| 1 |"))
    current, proposed = line.split(" | ")[2:4]
    # Deleted words bold and struck in the current wording, added words bold in the proposed one.
    assert "Орындау мерзімі [атауы ресми емес]: ~~**2025**~~ жылғы ~~**желтоқсан**~~" in current
    assert "Орындау мерзімі [атауы ресми емес]: **2026** жылғы **маусым**" in proposed
    assert "маусым" not in current and "желтоқсан" not in proposed
    assert "| № р/с | Құрылымдық элемент | Қолданыстағы редакция | Ұсынылып отырған редакция | Негіздеме |" in md
    deleted = table.entries[1]
    assert deleted.element == "2.2-кіші бөлім, 37-4-жол" and deleted.new_absent
    assert " | Алып тасталсын. | " in md


def test_words_replaced_inside_unknown_text_are_reported_not_dropped(repo):
    # As enacted, row 23 of 748 is unknown: the words may be there, so the act applies, and the table says so.
    act = builders.amendment(
        [{"op": "replace_words", "row": "23", "old": "ОМ", "new": "ДСМ", "occurrences": 1}],
        number="500",
        date=dt.date(2024, 1, 10),
        amends="748",
        status="draft",
    )
    table = compare(repo.plan("748"), [], FiledAmendment(act, Path("draft-500.yaml")))
    [entry] = table.entries
    assert entry.element == "1.2-кіші бөлім, 23-жол" and entry.old_unknown and entry.new_unknown
    assert entry.remark == '"ОМ" деген сөздер "ДСМ" деген сөздермен ауыстырылсын: 1 жағдайы мәтіні белгісіз бөлікте'


def test_an_operation_that_does_not_apply_is_placed_in_the_file(repo, tmp_path):
    path = draft_file(tmp_path, '  - op: replace_cells\n    row: "23-9"\n    cells: {deadline: "2026"}\n')
    with pytest.raises(TargetMissing) as caught:
        table_of(repo, path)
    assert caught.value.format().startswith(f"{path}:7:10: error [target-missing]: row 23-9 does not exist")


def test_an_executor_code_missing_from_the_note_is_an_error_at_its_cell(repo, tmp_path):
    path = draft_file(tmp_path, '  - op: replace_cells\n    row: "23-1"\n    cells: {executors: "ОМ, ЖОҚМ"}\n')
    with pytest.raises(AbbreviationUndefined) as caught:
        table_of(repo, path)
    assert caught.value.format().startswith(f"{path}:8:24: error [abbreviation-undefined]: row 23-1 names ЖОҚМ")


def test_a_copy_of_an_adopted_act_is_compared_without_itself(repo, tmp_path):
    copy = tmp_path / "392-copy.yaml"
    shutil.copy(ACT_392, copy)
    table = table_of(repo, copy)
    assert table.before == dt.date(2023, 8, 31) and len(table.entries) == 21


def test_the_command_gives_json_that_says_what_each_side_is(tmp_path):
    result = runner.invoke(app, ["compare", str(ACT_392), "--to", "json", "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first, second = data["entries"][:2]
    assert (first["old_state"], first["new_state"]) == ("unknown", "given")
    assert first["parts"][0]["old"] is None and first["parts"][0]["redline"] is None
    assert (second["old_state"], second["parts"][0]["old"]) == ("absent", None)


def test_the_command_writes_html_and_docx_files(tmp_path):
    for to in ("html", "docx"):
        out = tmp_path / f"392.{to}"
        result = runner.invoke(app, ["compare", str(ACT_392), "--to", to, "-o", str(out), "--root", str(ROOT)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    result = runner.invoke(app, ["compare", str(ACT_392), "--to", "docx", "--root", str(ROOT)])
    assert result.exit_code == 2 and "give -o FILE" in result.output


# -- the whole resolution and its structure (tests/fixtures/structure) ---------------------------------

STRUCTURE = Path(__file__).parent / "fixtures" / "structure"


def _scenario_table(tmp_path: Path, name: str, act: str):
    from amend import Repository

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(STRUCTURE / name / "plans", tmp_path / "plans", dirs_exist_ok=True)
    return table_of(Repository(tmp_path), tmp_path / "plans" / "amendments" / f"{act}.yaml")


def test_the_resolution_s_points_and_the_annex_title_each_have_an_entry(tmp_path):
    table = _scenario_table(tmp_path, "point-2", "9001")
    by_element = {e.element: e for e in table.entries}
    assert list(by_element) == ["2-тармақ", "2-тармақтың 2) тармақшасы", "Жоспардың атауы", "3-тармақ", "5-тармақ"]
    point = by_element["2-тармақ"]
    assert point.kind is ChangeKind.REPLACED and point.parts[0].old.startswith("Облыстардың")
    assert point.parts[0].new.startswith("сынақ мәтіні")
    # its sub-points: the old ones of 156 beside the new ones
    assert [(p.key, p.old[:18], p.new[:30]) for p in point.parts[1:]] == [
        ("1)", "Жол картасын іске ", "сынақ мәтіні: бірінші тармақша"),
        ("2)", "Қазақстан Республи", "сынақ мәтіні: екінші тармақша,"),
    ]
    sub = by_element["2-тармақтың 2) тармақшасы"]
    assert sub.parts[0].old.startswith("Қазақстан Республикасының Білім")  # as before the act, not mid-act
    assert by_element["3-тармақ"].new_absent and by_element["5-тармақ"].old_absent
    text = render_comparison_markdown(table)
    assert "| 4 | 3-тармақ |" in text and "Алып тасталсын." in text  # the standard form


def test_a_renumbered_row_is_one_entry_from_its_old_number_to_its_new(tmp_path):
    table = _scenario_table(tmp_path, "renumber", "9002")
    [entry] = table.entries
    assert entry.element == "1.2-кіші бөлім, 23-1-жол → 24-жол" and entry.kind is ChangeKind.RENUMBERED
    number = entry.parts[0]
    assert (number.key, number.old, number.new) == ("№", "23-1", "24")
    assert all(not p.changed for p in entry.parts[1:])


def test_a_moved_row_names_both_places(tmp_path):
    [entry] = _scenario_table(tmp_path, "move", "9003").entries
    assert entry.element == "2.1-кіші бөлім, 29-3-жол → 2.2-кіші бөлім, 29-3-жол"
    assert entry.kind is ChangeKind.MOVED


def test_columns_added_and_renamed_have_entries(tmp_path):
    entries = _scenario_table(tmp_path, "columns", "9004").entries
    by_element = {e.element: e for e in entries}
    assert by_element["indicator-баған"].old_absent
    renamed = by_element["form-баған"]
    assert renamed.kind is ChangeKind.TITLE_SET and renamed.parts[0].old is UNKNOWN
    assert by_element["I-бөлім, 1-жол"].parts[1].new == "сынақ мәтіні: 1-жолдың көрсеткіші"


def test_a_deleted_section_and_its_rows_are_struck_out(tmp_path):
    entries = _scenario_table(tmp_path, "delete-section", "9005").entries
    assert [e.element for e in entries] == ["V-бөлім", "V-бөлім, 68-жол", "V-бөлім, 69-жол", "V-бөлім, 70-жол"]
    assert all(e.new_absent and e.kind is ChangeKind.DELETED for e in entries)


def test_words_in_an_abbreviation_expansion_are_redlined(tmp_path):
    [entry] = _scenario_table(tmp_path, "abbreviation-words", "9006").entries
    assert entry.element == "Ескертпе, БҒМ"
    assert entry.remark == '"министлігі" деген сөздер "министрлігі" деген сөздермен ауыстырылсын'
    assert [s.text for s in entry.parts[0].redline if s.mark.value != "same"] == ["министлігі", "министрлігі"]


def test_renumbered_headings_have_one_entry_each_not_one_per_row(tmp_path):
    entries = _scenario_table(tmp_path, "renumber-section", "9008").entries
    assert [e.element for e in entries] == ["2.2-кіші бөлім → 2.3-кіші бөлім", "3-бөлім → 4-бөлім"]
    assert {e.kind for e in entries} == {ChangeKind.RENUMBERED}


def _all_changes(plan):
    """Every change recorded anywhere in a version."""
    found = [c for h in plan.texts_history.values() for c in h]
    found += [c for r in plan.rows for c in r.history] + list(plan.deleted_rows.values())
    found += [c for s in plan.sections for c in s.history] + [
        c for s in plan.sections for x in s.subsections for c in x.history
    ]
    return found + [c for a in plan.abbreviations.values() for c in a.history]


EVERY_NEW_KIND = [
    ("op: replace_text\n    element: title\n    text: сынақ мәтіні", "Қаулының тақырыбы"),
    ("op: replace_text\n    element: preamble\n    text: сынақ мәтіні", "Кіріспе"),
    ("op: replace_text\n    element: annex_title\n    text: сынақ мәтіні", "Жоспардың атауы"),
    ("op: insert_text\n    element: point 2.3\n    text: сынақ мәтіні", "2-тармақтың 3) тармақшасы"),
    ("op: insert_text\n    element: note 1\n    text: сынақ мәтіні", "Жоспардың 1-ескертпесі"),
    ("op: delete_text\n    element: point 4", "4-тармақ"),
    ("op: replace_signatory\n    position: сынақ лауазымы\n    name: сынақ аты", "Қол қоюшы"),
    (
        "op: replace_words_in\n    element: section I\n    old: БАЗАНЫ\n    new: НЕГІЗДІ\n    occurrences: 1",
        "I-бөлім атауы",
    ),
    ("op: replace_words_in\n    element: column form\n    old: нысан\n    new: түр\n    occurrences: 1", "form-баған"),
    ('op: renumber\n    element: row 70\n    to: "71"', "V-бөлім, 70-жол → 71-жол"),
    ("op: renumber\n    element: section V\n    to: VI", "V-бөлім → VI-бөлім"),
    ('op: move_row\n    row: "68"\n    section: IV', "V-бөлім, 68-жол → IV-бөлім, 68-жол"),
    ("op: add_column\n    id: extra\n    title: сынақ мәтіні", "extra-баған"),
    ("op: rename_column\n    id: form\n    title: сынақ мәтіні", "form-баған"),
    ("op: delete_column\n    id: budget_program", "budget_program-баған"),
    ("op: delete_section\n    number: V", "V-бөлім"),
]


@pytest.mark.parametrize(("operation", "element"), EVERY_NEW_KIND, ids=[e for _, e in EVERY_NEW_KIND])
def test_every_new_kind_of_change_has_an_entry_and_notes_in_both_languages(tmp_path, operation, element):
    from amend import Repository

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    path = tmp_path / "plans" / "amendments" / "9100.yaml"
    path.write_text(
        'act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "9100", date: 2021-01-01, '
        'title: "сынақ актісі"}\namends: "156"\nstatus: adopted\nentry_into_force: {rule: on_signing}\n'
        f"operations:\n  - {operation}\n",
        encoding="utf-8",
    )
    repo = Repository(tmp_path)
    table = table_of(repo, path)
    assert table.entries and table.entries[0].element == element
    assert f"| 1 | {element} |" in render_comparison_markdown(table)
    mine = [c for c in _all_changes(repo.timeline("156").latest.plan) if c.act == "9100"]
    assert mine and all(c.note.startswith("Ескерту. ") and c.note_ru.startswith("Сноска. ") for c in mine)
    assert all(c.note.endswith("ҚР Үкіметінің 01.01.2021 № 9100 қаулысымен.") for c in mine)
    assert all("Правительства РК от 01.01.2021 № 9100" in c.note_ru for c in mine)
