"""The legal life-cycle on the real plans: the scenario corpus of tests/fixtures/lifecycle.

Each scenario adds fictitious amending acts to the shipped plans/ (748, 156 and act 392) and is checked
through the library and the CLI: acts that move, correct and repeal other acts; "as known on" a day;
the status of a plan, its period and the currency statement.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from amend import Repository
from amend.cli.app import app
from amend.engine.numbers import RowNumber
from amend.queries.history import act_events, row_history
from amend.queries.status import plan_status

CORPUS = Path(__file__).resolve().parent / "fixtures" / "lifecycle"
D = dt.date
ROW6_392 = "Балаларға қатысты зорлық-зомбылық пен жәбірлеуге қарсы ұлттық ақпараттық науқан жүргізу"


def scenario(name: str, tmp_path: Path) -> Path:
    """A repository of the shipped plans/ plus the scenario's amending acts."""
    root = tmp_path / name
    shutil.copytree(ROOT / "plans", root / "plans")
    for f in sorted((CORPUS / name / "amendments").glob("*.yaml")):
        shutil.copy(f, root / "plans" / "amendments" / f.name)
    return root


def cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def row6(repo: Repository, day: dt.date, known_on: dt.date | None = None) -> str:
    row = repo.timeline("748", known_on=known_on).in_force_at(day).plan.row(RowNumber("6"))
    assert row is not None
    return row.cells["measure"]  # type: ignore[return-value]


# -- 392 postponed by a month, retroactively -----------------------------------------------------------


def test_a_later_postponement_of_392_gives_two_histories_as_known_before_and_after_it(tmp_path):
    repo = Repository(scenario("postpone-392", tmp_path))
    before = row_history(repo.timeline("748", known_on=D(2025, 6, 15)), RowNumber("6"))
    after = row_history(repo.timeline("748", known_on=D(2025, 6, 16)), RowNumber("6"))
    assert [(s.valid_from, s.change.act if s.change else None) for s in before] == [
        (D(2023, 8, 31), None),
        (D(2025, 5, 30), "392"),
    ]
    assert [(s.valid_from, s.change.act if s.change else None) for s in after] == [
        (D(2023, 8, 31), None),
        (D(2025, 6, 30), "392"),
    ]
    # The note cites both acts: 392 and the act that moved it.
    change = after[-1].change
    assert change is not None and change.amended_by == ("9001",) and change.in_force == D(2025, 6, 30)
    assert "№ 392 қаулысымен" in change.note and "№ 9001 қаулысымен өзгертілген" in change.note


def test_the_cli_shows_the_two_histories_and_the_two_versions_of_june(tmp_path):
    root = str(scenario("postpone-392", tmp_path))
    early = cli("history", "748", "6", "--as-known-on", "2025-06-01", "--root", root)
    late = cli("history", "748", "6", "--as-known-on", "2025-07-01", "--root", root)
    assert "2025-05-30 – …  in force" in early and "9001" not in early
    assert "2025-06-30 – …  in force" in late
    assert "act 392 of 2025-05-30: entry into force moved to 2025-06-30 (act 9001 of 2025-06-16" in late
    shown = json.loads(cli("show", "748", "--at", "2025-06-10", "--format", "json", "--root", root))
    assert "23-1" not in [r["number"] for r in shown["rows"]]  # as known now, 392 is not yet in force
    known = json.loads(
        cli("show", "748", "--at", "2025-06-10", "--as-known-on", "2025-06-15", "--format", "json", "--root", root)
    )
    assert "23-1" in [r["number"] for r in known["rows"]]
    assert known["as_known_on"] == "2025-06-15"


def test_status_lists_392_only_once_it_is_in_force_as_known_on_the_day(tmp_path):
    repo = Repository(scenario("postpone-392", tmp_path))
    now = plan_status(repo.timeline("748"), D(2025, 6, 10))
    then = plan_status(repo.timeline("748", known_on=D(2025, 6, 1)), D(2025, 6, 10))
    assert [a.number for a, _ in now.acts] == [] and [a.number for a, _ in then.acts] == ["392"]
    assert [(a.number, day) for a, day in plan_status(repo.timeline("748"), D(2025, 7, 1)).acts] == [
        ("392", D(2025, 6, 30)),
        ("9001", D(2025, 6, 16)),
    ]


def test_a_postponement_of_some_operations_moves_only_those(tmp_path):
    repo = Repository(scenario("postpone-392-partly", tmp_path))
    june = repo.timeline("748").in_force_at(D(2025, 6, 10)).plan
    assert june.row(RowNumber("6")).cells["measure"] == ROW6_392  # type: ignore[union-attr]
    assert june.row(RowNumber("23-1")) is None
    autumn = repo.timeline("748").in_force_at(D(2025, 9, 1)).plan
    inserted = autumn.row(RowNumber("23-1"))
    assert inserted is not None and inserted.history[-1].in_force == D(2025, 9, 1)


# -- a correction of a word of 392's row 6 -------------------------------------------------------------


def test_a_correction_that_takes_effect_later_changes_row_6_from_its_own_day(tmp_path):
    repo = Repository(scenario("correct-392-row6", tmp_path))
    assert row6(repo, D(2025, 7, 31)) == ROW6_392
    assert row6(repo, D(2025, 8, 1)) == ROW6_392.replace("ұлттық", "республикалық")
    last = repo.timeline("748").in_force_at(D(2025, 8, 1)).plan.row(RowNumber("6")).history[-1]  # type: ignore[union-attr]
    assert (last.act, last.corrects, last.kind.value) == ("9002", "392", "words_replaced")
    assert last.note == (
        "Ескерту. 6-жолға өзгеріс енгізілді - ҚР Үкіметінің 01.07.2025 № 9002 қаулысымен "
        "(ҚР Үкіметінің 30.05.2025 № 392 қаулысына түзету)."
    )
    # Known before the correction was adopted, row 6 reads as 392 wrote it on every day.
    assert row6(repo, D(2025, 8, 1), known_on=D(2025, 6, 30)) == ROW6_392


def test_a_correction_in_force_with_392_is_read_into_392_from_the_start(tmp_path):
    repo = Repository(scenario("correct-392-retroactive", tmp_path))
    assert row6(repo, D(2025, 5, 30)) == ROW6_392.replace("ұлттық", "республикалық")
    change = repo.timeline("748").latest.plan.row(RowNumber("6")).history[-1]  # type: ignore[union-attr]
    assert change.act == "392" and change.amended_by == ("9002",)
    assert [v.valid_from for v in repo.timeline("748").versions] == [D(2023, 8, 31), D(2025, 5, 30)]


def test_the_comparative_table_of_a_late_correction_shows_the_word_replaced_in_row_6(tmp_path):
    root = scenario("correct-392-row6", tmp_path)
    table = cli("compare", str(root / "plans" / "amendments" / "9002.yaml"), "--to", "json", "--root", str(root))
    data = json.loads(table)
    text = json.dumps(data, ensure_ascii=False)
    assert "республикалық" in text and "6" in text


# -- repeal of an amending act before and after it took effect -----------------------------------------


def test_an_act_repealed_before_it_took_effect_changes_nothing(tmp_path):
    repo = Repository(scenario("repeal-before", tmp_path))
    with_repeal = repo.timeline("748")
    shipped = Repository(ROOT).timeline("748")
    assert [v.valid_from for v in with_repeal.versions] == [v.valid_from for v in shipped.versions]
    assert with_repeal.latest.plan.rows == shipped.latest.plan.rows
    record = next(r for r in with_repeal.acts if r.act.number == "9003")
    assert record.days == (None, None) and record.in_force is None
    assert record.events[-1].detail == "repealed before it took effect: its operations never take effect"
    assert "9003" not in [a.number for a, _ in plan_status(with_repeal, D(2026, 1, 1)).acts]
    lines = act_events(with_repeal, RowNumber("23-1"))
    assert any("never took effect" in line for line in lines)
    # Known before the repeal was adopted, 9003 was due to take effect on 1 September.
    known = repo.timeline("748", known_on=D(2025, 7, 31)).in_force_at(D(2025, 9, 1)).plan
    assert known.row(RowNumber("23-1")).cells["deadline"] == "жыл сайын маусым, желтоқсан"  # type: ignore[union-attr]


def test_an_act_repealed_after_it_took_effect_keeps_its_changes_and_loses_its_pending_operation(tmp_path):
    repo = Repository(scenario("repeal-after", tmp_path))
    timeline = repo.timeline("748")
    later = timeline.in_force_at(D(2026, 1, 1)).plan
    assert later.row(RowNumber("23-1")).cells["deadline"] == "жыл сайын маусым, желтоқсан"  # type: ignore[union-attr]
    assert later.row(RowNumber("29-1")).cells["deadline"] == "2025 жылғы желтоқсан"  # type: ignore[union-attr]
    record = next(r for r in timeline.acts if r.act.number == "9003")
    assert record.days == (D(2025, 9, 1), None)
    assert record.repealed is not None and record.repealed.by.number == "9005"
    # Known before the repeal, the staggered operation was due on 1 December.
    known = repo.timeline("748", known_on=D(2025, 9, 30)).in_force_at(D(2025, 12, 1)).plan
    assert known.row(RowNumber("29-1")).cells["deadline"] == "жыл сайын маусым, желтоқсан"  # type: ignore[union-attr]


def test_a_repeal_of_the_postponing_act_before_it_took_effect_leaves_392_on_its_day(tmp_path):
    repo = Repository(scenario("repeal-the-postponement", tmp_path))
    assert row6(repo, D(2025, 5, 30)) == ROW6_392
    # Known before 9008, the postponement stood: on 10 June row 6 was not yet as 392 wrote it.
    known = repo.timeline("748", known_on=D(2025, 6, 15)).in_force_at(D(2025, 6, 10)).plan
    assert known.row(RowNumber("23-1")) is None


# -- the plan: force, period, repeal -------------------------------------------------------------------


def test_748_in_2026_is_in_force_with_its_period_ended_and_read_off_the_title():
    status = json.loads(cli("status", "748", "--at", "2026-06-01", "--format", "json", "--root", str(ROOT)))
    assert status["status"] == "in_force"
    assert status["period_ended"] is True
    assert status["period"] == {"from": "2023-01-01", "to": "2025-12-31", "source": "title"}
    assert status["since"] is None  # 748's entry into force: no source gives it


def test_748_on_10_june_2025_lists_392_and_does_not_claim_its_acts_complete():
    status = json.loads(cli("status", "748", "--at", "2025-06-10", "--format", "json", "--root", str(ROOT)))
    assert status["acts"] == [{"number": "392", "date": "2025-05-30", "in_force": "2025-05-30"}]
    assert status["acts_complete"] is False
    assert status["currency"].endswith("other amending acts may exist")
    assert set(status) >= {"plan", "at", "status", "since", "basis", "period", "period_ended", "acts"}


def test_748_as_known_on_the_day_before_392_has_no_row_23_1():
    shown = json.loads(
        cli("show", "748", "--at", "2025-06-10", "--as-known-on", "2025-05-29", "--format", "json", "--root", str(ROOT))
    )
    assert "23-1" not in [r["number"] for r in shown["rows"]]
    assert shown["currency"] == (
        "consolidated with the amending acts known up to 2025-05-29: none; other amending acts may exist"
    )
    assert "23-1" in [
        r["number"] for r in json.loads(cli("show", "748", "--at", "2025-06-10", "--format", "json"))["rows"]
    ]


def test_156_repealed_by_an_act_is_repealed_from_that_day_with_the_banks_note(tmp_path):
    root = scenario("repeal-156", tmp_path)
    timeline = Repository(root).timeline("156")
    assert plan_status(timeline, D(2024, 4, 6)).status == "in_force"
    status = plan_status(timeline, D(2024, 4, 7))
    assert (status.status, status.since) == ("repealed", D(2024, 4, 7))
    assert timeline.repeal is not None
    assert timeline.repeal.note == "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2024 № 9006 қаулысымен."
    text = cli("status", "156", "--at", "2025-01-01", "--root", str(root))
    assert text.startswith("plan 156 on 2025-01-01: repealed since 2024-04-07")


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir() if p.is_dir()))
def test_every_scenario_passes_check_and_builds(tmp_path, name):
    root = str(scenario(name, tmp_path))
    cli("build", "--root", root)
    assert cli("check", "--root", root).startswith("ok")


def test_the_markdown_rendering_carries_the_badge_the_period_and_the_currency_statement():
    text = cli("render", "748", "--at", "2026-06-01", "--root", str(ROOT))
    assert "Мәртебесі: қолданыста (белгілі актілер бойынша)" in text
    assert "Жоспар кезеңі: 2023-01-01 – 2025-12-31 (атауынан алынған); кезеңі аяқталды" in text
    assert (
        "30.05.2025 жағдай бойынша белгілі өзгерістер енгізетін актілер ескерілген: ҚР Үкіметінің 30.05.2025 "
        "№ 392 қаулысы. Өзгерістер енгізетін басқа актілер болуы мүмкін." in text
    )
    assert "(қазіргі)" not in text


def test_the_comparative_table_shows_a_moved_entry_into_force_and_a_repealed_act(tmp_path):
    root = scenario("postpone-392", tmp_path)
    moved = json.loads(cli("compare", str(root / "plans/amendments/9001.yaml"), "--to", "json", "--root", str(root)))
    [entry] = moved["entries"]
    assert entry["kind"] == "rescheduled" and entry["element"] == "ҚР Үкіметінің 30.05.2025 № 392 қаулысы"
    assert (entry["parts"][0]["old"], entry["parts"][0]["new"]) == ("2025-05-30", "2025-06-30")
    root = scenario("repeal-after", tmp_path)
    repealed = json.loads(cli("compare", str(root / "plans/amendments/9005.yaml"), "--to", "json", "--root", str(root)))
    [entry] = repealed["entries"]
    assert (entry["kind"], entry["new_state"]) == ("repealed", "removed")
    assert entry["element"] == "ҚР Үкіметінің 01.07.2025 № 9003 қаулысы"


def test_the_comparative_table_of_a_moved_act_is_taken_at_its_new_day(tmp_path):
    root = scenario("postpone-392", tmp_path)
    table = json.loads(cli("compare", str(root / "plans/amendments/392.yaml"), "--to", "json", "--root", str(root)))
    assert table["in_force"] == "2025-06-30"
    assert [e["element"] for e in table["entries"]][:2] == ["1-бөлім, 6-жол", "1.2-кіші бөлім, 23-1-жол"]


def test_check_places_a_chain_error_at_the_line_and_column_of_the_correcting_act(tmp_path):
    root = scenario("correct-392-row6", tmp_path)
    path = root / "plans" / "amendments" / "9002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("occurrences: 1", "occurrences: 2"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--root", str(root)])
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "occurrences" in text)
    assert f"9002.yaml:{line}:18: error [occurrences-mismatch]" in result.output


def test_a_suspended_plan_is_suspended_from_that_day_until_an_act_resumes_it(tmp_path):
    root = scenario("suspend-156", tmp_path)
    timeline = Repository(root).timeline("156")
    assert plan_status(timeline, D(2020, 12, 31)).status == "in_force"
    held = plan_status(timeline, D(2021, 3, 31))
    assert (held.status, held.since) == ("suspended", D(2021, 1, 1))
    assert "№ 9009 қаулысымен" in held.basis and "until 2021-04-01" in held.basis
    assert plan_status(timeline, D(2021, 4, 1)).status == "in_force"
    # As known before the resumption, the suspension ran until 1 July.
    known = Repository(root).timeline("156", known_on=D(2021, 2, 1))
    assert plan_status(known, D(2021, 5, 1)).status == "suspended"
    assert plan_status(known, D(2021, 7, 1)).status == "in_force"
    # The text is unchanged: one version.
    assert len(timeline.versions) == 1
    text = cli("render", "156", "--at", "2021-02-01", "--root", str(root))
    assert "Мәртебесі: қолданылуы тоқтатыла тұрған (белгілі актілер бойынша)" in text
    table = json.loads(cli("compare", str(root / "plans/amendments/9009.yaml"), "--to", "json", "--root", str(root)))
    assert [(e["kind"], e["remark"]) for e in table["entries"]] == [
        ("suspended", "қолданылуы тоқтатыла тұрсын, 2021-07-01 дейін")
    ]


def test_diff_as_known_on_a_day_compares_the_versions_as_they_were_known_then(tmp_path):
    root = str(scenario("postpone-392", tmp_path))
    now = cli("diff", "748", "--from", "2025-06-01", "--to", "2025-06-20", "--format", "json", "--root", root)
    then = cli(
        "diff",
        "748",
        "--from",
        "2025-05-29",
        "--to",
        "2025-06-20",
        "--as-known-on",
        "2025-06-15",
        "--format",
        "json",
        "--root",
        root,
    )
    assert json.loads(now) == json.loads(
        cli("diff", "748", "--from", "2025-06-01", "--to", "2025-06-01", "--format", "json", "--root", root)
    )
    assert "23-1" in then and "23-1" not in now


def test_show_json_carries_the_status_and_whether_the_period_ended():
    shown = json.loads(cli("show", "748", "--at", "2026-06-01", "--format", "json", "--root", str(ROOT)))
    assert (shown["status"], shown["period_ended"]) == ("in_force", True)
    assert shown["period"] == {"from": "2023-01-01", "to": "2025-12-31", "source": "title"}
    assert shown["entry_into_force"] is None and shown["acts_complete"] is False


# -- honesty of the shipped data -------------------------------------------------------------------------


def test_748s_consolidated_files_keep_its_entry_into_force_unknown_and_say_what_valid_from_rests_on():
    from amend.engine.unknown import UNKNOWN
    from amend.store.yaml_io import read_yaml

    first = read_yaml(ROOT / "consolidated" / "748" / "2023-08-31.yaml")
    assert first["entry_into_force"] is UNKNOWN
    assert first["valid_from_basis"].startswith("the approving act's adoption date")
    assert first["acts_complete"] is False and first["currency"].endswith("other amending acts may exist")
    later = read_yaml(ROOT / "consolidated" / "748" / "2025-05-30.yaml")
    assert "valid_from_basis" not in later  # 392's own day is given by 392
    text = (ROOT / "consolidated" / "748" / "2023-08-31.md").read_text(encoding="utf-8")
    assert "Редакция: 2023-08-31 (қабылданған күні; қолданысқа енгізілу күні белгісіз) – 2025-05-29" in text


def test_no_shipped_rendering_says_current_without_a_declared_list_of_acts():
    for path in sorted((ROOT / "consolidated").rglob("*.md")):
        assert "(қазіргі)" not in path.read_text(encoding="utf-8"), path


def test_gaps_lists_other_amending_acts_the_assumed_period_and_748s_list_or_decimal_costs():
    result = CliRunner().invoke(app, ["gaps", "748", "--root", str(ROOT)])
    lines = result.stdout.splitlines()
    assert (
        "acts: other amending acts unknown: the plan file does not declare its list of amending acts complete" in lines
    )
    assert (
        "period: assumed from the title's years: 2023-01-01 – 2025-12-31 (no source states the first and last day)"
        in lines
    )
    assert 'row 44: cell cost: "1001355, 68" reads as a list or as a decimal; no source says which' in lines


def test_a_plan_is_not_known_before_it_was_adopted():
    result = CliRunner().invoke(
        app, ["show", "748", "--at", "2025-06-10", "--as-known-on", "2023-08-30", "--root", str(ROOT)]
    )
    assert result.exit_code == 1 and "nothing of it was known then" in result.stderr


def test_status_says_which_applied_act_was_repealed_by_which_act_and_when(tmp_path):
    root = str(scenario("repeal-after", tmp_path))
    before = json.loads(cli("status", "748", "--at", "2025-09-30", "--format", "json", "--root", root))
    after = json.loads(cli("status", "748", "--at", "2025-10-01", "--format", "json", "--root", root))
    assert [a.get("repealed") for a in before["acts"] if a["number"] == "9003"] == [None]
    assert [a.get("repealed") for a in after["acts"] if a["number"] == "9003"] == [{"on": "2025-10-01", "by": "9005"}]


def test_versions_lists_suspensions_and_what_acts_did_to_acts(tmp_path):
    text = cli("versions", "156", "--root", str(scenario("suspend-156", tmp_path)))
    assert "suspended from 2021-01-01 until 2021-04-01 by act 9009" in text
    text = cli("versions", "748", "--root", str(scenario("postpone-392", tmp_path)))
    assert "act 392: entry into force moved to 2025-06-30 (act 9001, in effect 2025-06-16)" in text


def test_the_sites_version_pages_carry_the_badge_the_period_and_the_currency_statement():
    from amend.outputs.site import site_pages

    pages = site_pages(Repository(ROOT))[0]
    page = pages["748/2025-05-30.html"]
    assert '<p class="meta">Мәртебесі: қолданыста (белгілі актілер бойынша)</p>' in page
    assert "Жоспар кезеңі: 2023-01-01 – 2025-12-31 (атауынан алынған)" in page
    assert "Өзгерістер енгізетін басқа актілер болуы мүмкін." in page
    assert not any("(қазіргі)" in text for text in pages.values() if isinstance(text, str))  # pages, not downloads


# -- a repealed plan is shown as the bank shows it: its last text under the note of its repeal -------

REPEAL_NOTE_156 = "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2024 № 9006 қаулысымен."


def test_a_repealed_plan_is_shown_with_its_last_text_under_the_repeal_note_in_md_and_json(tmp_path):
    root = str(scenario("repeal-156", tmp_path))
    last = Repository(Path(root)).timeline("156").versions[-1]
    md = cli("show", "156", "--at", "2024-05-01", "--format", "md", "--root", root)
    lines = [line for line in md.splitlines() if line]
    title = next(i for i, line in enumerate(lines) if line.startswith("**"))
    assert lines[title + 1] == REPEAL_NOTE_156  # right under the act's title
    assert "Мәртебесі: Күшін жойған" in lines
    shown = json.loads(cli("show", "156", "--at", "2024-05-01", "--format", "json", "--root", root))
    assert (shown["status"], shown["note"]) == ("repealed", REPEAL_NOTE_156)
    assert len(shown["rows"]) == len(last.plan.rows) == 70
    in_force = json.loads(cli("show", "156", "--at", "2024-04-06", "--format", "json", "--root", root))
    assert "note" not in in_force and in_force["rows"] == shown["rows"]


def test_a_repealed_plan_renders_to_html_and_docx_with_the_badge_and_the_note(tmp_path):
    import docx

    root = scenario("repeal-156", tmp_path)
    html, word = tmp_path / "156.html", tmp_path / "156.docx"
    cli("render", "156", "--at", "2025-01-01", "--to", "html", "-o", str(html), "--root", str(root))
    cli("render", "156", "--at", "2025-01-01", "--to", "docx", "-o", str(word), "--root", str(root))
    page = html.read_text(encoding="utf-8")
    assert REPEAL_NOTE_156 in page and "Күшін жойған" in page
    texts = [p.text for p in docx.Document(str(word)).paragraphs]
    assert REPEAL_NOTE_156 in texts and "Мәртебесі: Күшін жойған" in texts


def test_a_repealed_plan_exports_its_last_rows_with_the_note(tmp_path):
    from openpyxl import load_workbook

    root = scenario("repeal-156", tmp_path)
    data = json.loads(cli("export", "156", "--at", "2024-05-01", "--to", "json", "--root", str(root)))
    assert (data["status"], data["note"], data["valid_to"]) == ("repealed", REPEAL_NOTE_156, "2024-04-06")
    assert len(data["rows"]) == 70
    book = tmp_path / "156.xlsx"
    cli("export", "156", "--at", "2024-05-01", "--to", "xlsx", "-o", str(book), "--root", str(root))
    sheet = load_workbook(book)["Мәртебесі"]
    assert [sheet["A1"].value, sheet["A2"].value] == ["Мәртебесі: Күшін жойған", REPEAL_NOTE_156]
    csv = CliRunner().invoke(app, ["export", "156", "--at", "2024-05-01", "--to", "csv", "--root", str(root)])
    assert csv.exit_code == 0 and REPEAL_NOTE_156 in csv.stderr


def test_status_carries_the_repeal_note_and_in_force_names_the_repealing_act(tmp_path):
    root = str(scenario("repeal-156", tmp_path))
    text = cli("status", "156", "--at", "2025-01-01", "--root", root)
    assert f"note: {REPEAL_NOTE_156}" in text.splitlines()
    data = json.loads(cli("status", "156", "--at", "2025-01-01", "--format", "json", "--root", root))
    assert data["note"] == REPEAL_NOTE_156
    before = json.loads(cli("status", "156", "--at", "2024-04-06", "--format", "json", "--root", root))
    assert before["note"] is None
    answer = CliRunner().invoke(app, ["in-force", "156", "1", "--at", "2025-01-01", "--root", root])
    assert answer.stdout.startswith("no: plan 156 was repealed with effect from 2024-04-07 by act 9006")


def test_before_its_adoption_a_repealed_plan_is_still_not_in_force(tmp_path):
    root = str(scenario("repeal-156", tmp_path))
    result = CliRunner().invoke(app, ["show", "156", "--at", "2019-12-31", "--root", root])
    assert result.exit_code == 1 and "error [not-in-force]" in result.stderr


def test_the_site_shows_a_repealed_plans_last_version_under_the_note(tmp_path):
    root = scenario("repeal-156", tmp_path)
    out = tmp_path / "site"
    cli("site", str(out), "--root", str(root))
    last = Repository(root).timeline("156").versions[-1].valid_from.isoformat()
    page = (out / "156" / f"{last}.html").read_text(encoding="utf-8")
    assert REPEAL_NOTE_156 in page and "Күшін жойған" in page
    assert REPEAL_NOTE_156 in (out / "156" / "index.html").read_text(encoding="utf-8")


# -- a repeal of some operations is reported as such, never as a repeal of the whole act --------------


def test_a_repeal_of_one_operation_is_worded_as_that_operation_in_versions_and_history(tmp_path):
    root = str(scenario("repeal-392-partly", tmp_path))
    said = "act 392: operation 9 repealed after it took effect: what it changed stays in the plan's text"
    versions = cli("versions", "748", "--root", root)
    assert said in versions and "act 392: repealed" not in versions
    history = cli("history", "748", "47-1", "--root", root)
    assert "operation 9 repealed after it took effect" in history and "392 of 2025-05-30: repealed" not in history
    # A row the repealed operation does not name is not concerned.
    assert "repealed" not in cli("history", "748", "6", "--root", root)


def test_status_says_which_operations_of_an_act_were_repealed_and_that_the_act_stands(tmp_path):
    root = str(scenario("repeal-392-partly", tmp_path))
    text = cli("status", "748", "--at", "2025-08-01", "--root", root)
    assert "392 of 2025-05-30 (operation 9 repealed by 9011 from 2025-07-01)" in text
    data = json.loads(cli("status", "748", "--at", "2025-08-01", "--format", "json", "--root", root))
    act = next(a for a in data["acts"] if a["number"] == "392")
    assert "repealed" not in act
    assert act["repealed_operations"] == [
        {
            "operations": [9],
            "on": "2025-07-01",
            "by": "9011",
            "detail": "operation 9 repealed after it took effect: what it changed stays in the plan's text",
        }
    ]
    before = json.loads(cli("status", "748", "--at", "2025-06-30", "--format", "json", "--root", root))
    assert "repealed_operations" not in next(a for a in before["acts"] if a["number"] == "392")


def test_status_lists_an_act_repealed_before_it_took_effect_with_that_fact(tmp_path):
    root = str(scenario("repeal-before", tmp_path))
    timeline = Repository(Path(root)).timeline("748")
    record = next(r for r in timeline.acts if r.act.number == "9003")
    assert record.repealed is not None
    day = record.repealed.day.isoformat()
    data = json.loads(cli("status", "748", "--at", "2026-01-01", "--format", "json", "--root", root))
    assert next(a for a in data["acts"] if a["number"] == "9003") == {
        "number": "9003",
        "date": record.act.date.isoformat(),
        "in_force": None,
        "repealed": {"on": day, "by": "9004", "before_it_took_effect": True},
    }
    text = cli("status", "748", "--at", "2026-01-01", "--root", root)
    assert f"acts that never took effect: 9003 of {record.act.date.isoformat()} (repealed by 9004 on {day}" in text
