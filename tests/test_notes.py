"""The reference bank's note forms: one test per form, on the published examples docs/notes.md quotes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amend.engine.acts import Act, AfterPublication, OnDate, OnSigning
from amend.engine.provenance import ChangeKind, Source, _change, note_for_abbreviation
from amend.language.cases import cardinal, issuer_genitive
from amend.language.notes import ABBREVIATION_NOTE
from amend.outputs.notes import (
    Cited,
    all_changes,
    cited_act,
    commencement,
    cumulative_note,
    element_notes,
    new_wording_notes,
    reference,
    repealed_item,
    repealed_note,
    russian_new_wording,
)

GOVERNMENT = "Қазақстан Республикасының Үкіметі"
MINISTER = "Қазақстан Республикасының Оқу-ағарту министрі"


def act(number: str, day: dt.date, issuer: str = GOVERNMENT, kind: str = "қаулы") -> Act:
    return Act(issuer=issuer, kind=kind, number=number, date=day, title="т")


def test_the_cumulative_note_lists_acts_oldest_first_under_one_issuer_with_the_plural_noun():
    # The published form: "... 30.03.2024 № 2 (...); 24.09.2024 № 4 (...); 01.04.2025 № 5 (10.07.2025
    # бастап қолданысқа енгізіледі) бұйрықтарымен." (acts given here in another order on purpose).
    acts = [
        Cited(act("5", dt.date(2025, 4, 1), MINISTER, "бұйрық"), OnDate(rule="on_date", date=dt.date(2025, 7, 10))),
        Cited(act("2", dt.date(2024, 3, 30), MINISTER, "бұйрық"), OnSigning(rule="on_signing")),
        Cited(act("4", dt.date(2024, 9, 24), MINISTER, "бұйрық"), OnSigning(rule="on_signing")),
    ]
    assert cumulative_note("4-қосымшаға", acts) == (
        "Ескерту. 4-қосымшаға өзгерістер енгізілді - ҚР Оқу-ағарту министрінің 30.03.2024 № 2; 24.09.2024 № 4; "
        "01.04.2025 № 5 (10.07.2025 бастап қолданысқа енгізіледі) бұйрықтарымен."
    )


def test_one_act_amending_the_abbreviations_note_four_times_gives_one_note_not_four():
    cited = Cited(act("392", dt.date(2025, 5, 30)), OnSigning(rule="on_signing"))
    assert cumulative_note("Ескертпеге", [cited] * 4, changes=4) == (
        "Ескерту. Ескертпеге өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."
    )
    assert cumulative_note("Ескертпеге", [cited], changes=1).startswith("Ескерту. Ескертпеге өзгеріс енгізілді")


def test_new_wording_notes_stand_separately_newest_first():
    older = Cited(act("100", dt.date(2024, 1, 10)))
    newer = Cited(act("392", dt.date(2025, 5, 30)))
    assert new_wording_notes("6-жол", [older, newer]) == [
        "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
        "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 10.01.2024 № 100 қаулысымен.",
    ]


def test_the_commencement_clause_as_each_act_states_it_in_parentheses_after_its_number():
    ten_days = Cited(
        act("7", dt.date(2024, 2, 1)),
        AfterPublication(rule="after_publication", days=10, published=dt.date(2024, 2, 5)),
    )
    assert reference(ten_days) == (
        "01.02.2024 № 7 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)"
    )
    on_date = Cited(act("5", dt.date(2025, 4, 1)), OnDate(rule="on_date", date=dt.date(2025, 7, 10)))
    assert reference(on_date) == "01.04.2025 № 5 (10.07.2025 бастап қолданысқа енгізіледі)"
    # Staggered: an operation's own day wins; on signing (not confirmed) and unknown: no clause.
    assert (
        commencement(Cited(on_date.act, on_date.entry, dt.date(2025, 9, 1)))
        == "01.09.2025 бастап қолданысқа енгізіледі"
    )
    assert commencement(Cited(on_date.act, OnSigning(rule="on_signing"))) is None
    assert commencement(Cited(on_date.act)) is None


@pytest.mark.parametrize(
    "issuer,genitive",
    [
        (GOVERNMENT, "ҚР Үкіметінің"),
        (MINISTER, "ҚР Оқу-ағарту министрінің"),
        (
            "Қазақстан Республикасы Қаржы нарығын реттеу және дамыту агенттігінің Төрағасы",
            "ҚР Қаржы нарығын реттеу және дамыту агенттігінің Төрағасының",
        ),
    ],
)
def test_acts_are_cited_through_their_issuer(issuer: str, genitive: str):
    assert issuer_genitive(issuer) == genitive


def test_acts_of_different_issuers_are_cited_each_under_its_own():
    acts = [Cited(act("392", dt.date(2025, 5, 30))), Cited(act("5", dt.date(2025, 6, 1), MINISTER, "бұйрық"))]
    assert cumulative_note("Жоспарға", acts) == (
        "Ескерту. Жоспарға өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен; "
        "ҚР Оқу-ағарту министрінің 01.06.2025 № 5 бұйрығымен."
    )


def test_a_whole_act_that_lost_force_and_an_item_in_its_place():
    cited = Cited(act("213", dt.date(2021, 4, 7)))
    assert repealed_note(cited) == "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2021 № 213 қаулысымен."
    assert repealed_item(cited) == "Күші жойылды - ҚР Үкіметінің 07.04.2021 № 213 қаулысымен."


def test_the_russian_new_wording_footnote():
    cited = Cited(act("511", dt.date(2021, 7, 23)))
    assert russian_new_wording("Пункт 1", cited, "вводится в действие со дня подписания") == (
        "Сноска. Пункт 1 - в редакции постановления Правительства РК от 23.07.2021 № 511 "
        "(вводится в действие со дня подписания)."
    )
    with pytest.raises(ValueError):
        russian_new_wording("Пункт 1", Cited(act("5", dt.date(2025, 1, 1), MINISTER, "бұйрық")))


def test_numbers_of_days_in_words():
    assert [cardinal(n) for n in (1, 10, 21, 45, 90)] == ["бір", "он", "жиырма бір", "қырық бес", "тоқсан"]


@given(st.integers(1, 99))
def test_every_number_of_days_is_one_to_three_kazakh_words(n: int):
    words = cardinal(n).split()
    assert 1 <= len(words) <= 2 and all(w.isalpha() for w in words)


def test_a_plans_changes_are_cited_once_each_by_act_in_one_cumulative_note(repo):
    plan = repo.timeline("748").latest.plan
    amendments = [f.amendment for f in repo.amendments]
    changes = all_changes(plan)
    assert len(changes) == 17 + 4 and all(cited_act(c, amendments) is not None for c in changes)
    assert element_notes("Жоспарға", changes, amendments) == [
        "Ескерту. Жоспарға өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."
    ]


def test_an_act_not_given_is_not_cited_each_change_keeps_its_own_note(repo):
    changes = all_changes(repo.timeline("748").latest.plan)
    assert cited_act(changes[0], []) is None
    notes = element_notes("Жоспарға", changes, [])
    assert notes == list(dict.fromkeys(c.note for c in changes)) and len(notes) < len(changes)


def test_the_russian_element_notes_are_the_changes_russian_notes_once_each(repo):
    changes = all_changes(repo.timeline("748").latest.plan)
    amendments = [f.amendment for f in repo.amendments]
    notes = element_notes("Жоспарға", changes, amendments, russian=True)
    assert notes == list(dict.fromkeys(c.note_ru for c in changes if c.note_ru is not None))
    assert notes and all(n.startswith("Сноска.") for n in notes)


def test_an_element_nothing_changed_has_no_note(repo):
    assert element_notes("Жоспарға", all_changes(repo.timeline("748").versions[0].plan), []) == []


# -- one note per element per act, in every output -----------------------------------------------


def _correcting_two_cells_of_row_6(tmp_path):
    """The shipped repository and a (fictitious) act that corrects a word 392 wrote in two cells of row 6."""
    import shutil

    from conftest import ROOT

    root = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", root / "plans")
    (root / "plans" / "amendments" / "9002.yaml").write_text(
        "act:\n  issuer: Қазақстан Республикасының Үкіметі\n  kind: қаулы\n  number: '9002'\n  date: 2025-07-01\n"
        "  title: !unknown\namends: '748'\nstatus: adopted\nentry_into_force: {rule: on_date, date: 2025-08-01}\n"
        "operations:\n  - op: correct_act\n    act: '392'\n    operation: 1\n    old: ақпараттық\n"
        "    new: ақпарат\n    occurrences: 2\n",
        encoding="utf-8",
    )
    return root


def test_a_correction_of_two_cells_of_a_row_gives_the_row_one_note_in_every_output(tmp_path):
    import datetime as dt

    import docx

    from amend import Repository
    from amend.engine.numbers import RowNumber
    from amend.outputs.docx import render_docx
    from amend.outputs.html import render_html
    from amend.outputs.markdown import render_markdown

    timeline = Repository(_correcting_two_cells_of_row_6(tmp_path)).timeline("748")
    version = timeline.in_force_at(dt.date(2025, 9, 1))
    row = version.plan.row(RowNumber("6"))
    assert row is not None and row.cells["form"] == "ақпарат науқан"
    by_9002 = [c for c in row.history if c.act == "9002"]
    assert len(by_9002) == 1
    note = by_9002[0].note
    assert render_markdown(version).count(note) == 1
    html = render_html(version)
    head, body = html.split("<table", 1)  # the annex's list of notes under its title; then the table
    assert head.count(note) == 1 and body.count(note) == 1
    acts = [r.filed.amendment for r in timeline.acts]
    document = docx.Document(__import__("io").BytesIO(render_docx(version, acts)))
    texts = [c.text for t in document.tables for r in t.rows for c in r.cells] + [p.text for p in document.paragraphs]
    assert len({t for t in texts if "9002" in t and "6-жол" in t}) == 1


def test_392s_four_new_abbreviations_give_the_note_one_note_in_markdown_html_and_the_consolidated_file():
    from conftest import ROOT

    from amend import Repository
    from amend.outputs.html import render_html
    from amend.outputs.markdown import render_markdown

    note = "Ескерту. Ескертпеге өзгеріс енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."
    version = Repository(ROOT).timeline("748").latest
    assert render_markdown(version).count(note) == 1
    html = render_html(version)
    assert html[html.index('<h2 id="abbreviations">') :].count(note) == 1
    assert (ROOT / "consolidated" / "748" / "2025-05-30.md").read_text(encoding="utf-8").count(note) == 1


@pytest.mark.parametrize(
    "chain",
    [{}, {"amended_by": (act("7", dt.date(2025, 6, 2)),)}, {"corrects": act("5", dt.date(2025, 4, 1))}],
    ids=["plain", "moved-by-another-act", "a-late-correction"],
)
def test_a_change_to_the_abbreviations_note_reads_as_the_note_formatted_at_once(chain):
    # The editor formats an abbreviation change's notes when first read; they are the bank's form all the same.
    source = Source(act("392", dt.date(2025, 5, 30)), dt.date(2025, 5, 30), **chain)
    lazy = note_for_abbreviation(source, ChangeKind.ADDED)
    assert lazy == _change(source, ChangeKind.ADDED, *ABBREVIATION_NOTE)
    assert lazy.note.startswith("Ескерту. Ескертпеге өзгеріс енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен")
    assert lazy.note_ru is not None and lazy.note_ru.startswith("Сноска. В примечание внесено изменение ")
