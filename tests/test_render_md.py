"""Markdown rendering of a version: golden files of 748, notes under rows, unknown shown, deleted rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import builders
from golden import assert_golden

from amend import Version, apply
from amend.engine.operations import DeleteRow
from amend.outputs.markdown import UNKNOWN_MARK, render_markdown
from amend.queries.status import standing


def test_748_as_enacted_matches_its_golden_file(timeline_748):
    assert_golden("748-2023-08-31.md", render_markdown(timeline_748.in_force_at(dt.date(2023, 8, 31))))


def test_748_after_392_matches_its_golden_file(timeline_748):
    assert_golden("748-2025-05-30.md", render_markdown(timeline_748.in_force_at(dt.date(2025, 5, 30))))


def test_the_consolidated_markdown_files_are_this_rendering(repo, timeline_748):
    for v in timeline_748.versions:
        path = repo.output_dir / "748" / f"{v.valid_from.isoformat()}.md"
        assert path.read_text(encoding="utf-8") == render_markdown(v, standing=standing(timeline_748, v.valid_from))


def test_a_note_stands_right_under_the_row_it_concerns(timeline_748):
    lines = render_markdown(timeline_748.latest).splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("| 23-1 |"))
    assert lines[i + 1].startswith("| | *Ескерту. Жоспар 23-1-жолмен толықтырылды - ҚР Үкіметінің 30.05.2025 № 392")
    j = next(k for k, line in enumerate(lines) if line.startswith("| 6 |"))
    assert "Ескерту. 6-жол жаңа редакцияда" in lines[j + 1]


def test_an_unknown_cell_is_marked_never_blank(timeline_748):
    text = render_markdown(timeline_748.in_force_at(dt.date(2023, 8, 31)))
    rows = [line for line in text.splitlines() if line.startswith(("| 6 |", "| 23 |"))]
    assert rows and all(cell.strip() == UNKNOWN_MARK for row in rows for cell in row.strip("|").split("|")[1:])


def test_sections_subsections_and_the_note_come_in_document_order(timeline_748):
    text = render_markdown(timeline_748.latest)
    order = [
        text.index(s)
        for s in (
            "## 1. Балалардың",
            "### 1.2. Орта мерзімді шаралар",
            "## 2. Балалардың",
            "### 2.1. Қысқа",
            "### 2.2. Орта",
            "## 3. Қазақстандық",
            "### 3.1. Қысқа",
            "## Ескертпе: аббревиатуралардың толық жазылуы",
        )
    ]
    assert order == sorted(order)
    tail = text[text.index("## Ескертпе") :]
    assert "- ОМ – ⟨белгісіз⟩" in tail
    assert "- КМ – Қазақстан Республикасы Көлік министрлігі\n" in tail
    # 392 added four lines to the note: one note of the act for the note, under its heading.
    note = "*Ескерту. Ескертпеге өзгеріс енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.*"
    assert tail.count(note) == 1
    assert tail.index(note) < tail.index("- ОМ")


def test_a_column_whose_title_is_unknown_shows_its_id_visibly_marked(timeline_748):
    head = next(line for line in render_markdown(timeline_748.latest).splitlines() if line.startswith("| № |"))
    assert "| measure (атауы ⟨белгісіз⟩) |" in head


def test_a_known_column_title_is_shown_as_it_is():
    version = Version(builders.plan(), dt.date(2023, 1, 1), None, ())
    head = next(line for line in render_markdown(version).splitlines() if line.startswith("| № |"))
    assert head == "| № | Іс-шара | Орындаушылар |"


def test_a_deleted_row_is_shown_in_place_with_its_note():
    plan = apply(builders.plan(), DeleteRow(op="delete_row", row="2"), builders.source("5"))
    lines = render_markdown(Version(plan, dt.date(2024, 1, 10), None, ())).splitlines()
    i = lines.index("| 2 | *алып тасталды* |  |")
    # Where it stood is known only by its number: right after row 1, the row numbered below it.
    assert lines[i - 1].startswith("| 1 |")
    assert lines[i + 1].startswith("| | *Ескерту. 2-жол алып тасталды - ҚР Үкіметінің 10.01.2024 № 5 қаулысымен.*")
    assert i + 1 < next(k for k, line in enumerate(lines) if line.startswith("| 3 |"))


def test_markup_in_a_cell_is_shown_as_text():
    plan = builders.plan(rows=[builders.row("1", "1", "1.1", measure="<script>alert(1)</script> | шара")])
    text = render_markdown(Version(plan, dt.date(2023, 1, 1), None, ()))
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| шара" in text


def test_the_render_command_prints_markdown_and_defaults_to_the_latest_version(timeline_748):
    from conftest import ROOT
    from typer.testing import CliRunner

    from amend.cli.app import app

    result = CliRunner().invoke(app, ["render", "748", "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == render_markdown(
            timeline_748.latest, whole=True, standing=standing(timeline_748, timeline_748.latest.valid_from)
        )
        + "\n"
    )
    result = CliRunner().invoke(app, ["render", "748", "--at", "2023-08-30", "--root", str(ROOT)])
    assert result.exit_code == 1 and "error [not-in-force]" in result.stderr


def test_deleted_rows_keep_their_number_order():
    plan = builders.plan(
        rows=[
            builders.row("1", "1", "1.1"),
            builders.row("2", "1", "1.1"),
            builders.row("3", "1", "1.1"),
            builders.row("4", "2"),
        ]
    )
    for number in ("3", "2"):
        plan = apply(plan, DeleteRow(op="delete_row", row=number), builders.source("5"))
    lines = render_markdown(Version(plan, dt.date(2024, 1, 10), None, ())).splitlines()
    numbers = [
        line.split(" | ")[0][2:]
        for line in lines
        if line.startswith("| ") and not line.startswith("| |") and not line.startswith("| №")
    ]
    assert numbers == ["1", "2", "3", "4"]


def test_render_156_shows_the_resolution_before_the_annex(repo):
    """`amend render 156 --at 2021-01-01 --to md`: preamble, points and signatory, then the annex."""
    from conftest import ROOT
    from typer.testing import CliRunner

    from amend.cli.app import app

    result = CliRunner().invoke(app, ["render", "156", "--at", "2021-01-01", "--to", "md", "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    act = repo.plan("156").act
    places = [
        text.index(act.title),
        text.index(act.preamble),
        *(text.index(f"{p.number}. {p.text.splitlines()[0]}") for p in act.points[:2]),
        *(text.index(f"{s.number}) {s.text}") for s in act.points[1].subpoints),  # point 2's sub-points
        *(text.index(f"{p.number}. {p.text.splitlines()[0]}") for p in act.points[2:]),
        text.index(f"{act.signatory.position} {act.signatory.name}"),
        text.index("# Баланың құқықтарын"),  # the annex: the plan's title
        text.index("| 1 | Қазақстан Республикасының заңнамасына:"),
    ]
    assert places == sorted(places)
    assert text.startswith("Қаулы № 156, 30.03.2020\n")


def test_748_whole_says_its_points_are_not_in_the_sources(timeline_748):
    text = render_markdown(timeline_748.latest, whole=True)
    assert "Қаулының кіріспесі мен тармақтары дереккөздерде берілмеген." in text
    assert text.index("Қаулы № 748") < text.index("# Балаларды зорлық-зомбылықтан")


def test_a_struck_out_point_stays_in_place_with_its_note(tmp_path):
    import shutil

    from conftest import ROOT

    from amend import Repository

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    folder = Path(__file__).parent / "fixtures" / "structure" / "point-2" / "plans"
    shutil.copytree(folder, tmp_path / "plans", dirs_exist_ok=True)
    text = render_markdown(Repository(tmp_path).timeline("156").latest, whole=True)
    lines = text.splitlines()
    k = lines.index("3. *алып тасталды*")
    assert lines[k + 2] == "*Ескерту. 3-тармақ алып тасталды - ҚР Үкіметінің 01.06.2020 № 9001 қаулысымен.*"
    assert lines.index("1) сынақ мәтіні: бірінші тармақша;") < k < lines.index("5. сынақ мәтіні: бесінші тармақ.")
    both = render_markdown(Repository(tmp_path).timeline("156").latest, "both", whole=True)
    assert (
        "| 2. сынақ мәтіні: облыстардың, Нұр-Сұлтан, Алматы, Шымкент қалаларының әкімдіктері: | 2. тестовый текст:"
        in both
    )
