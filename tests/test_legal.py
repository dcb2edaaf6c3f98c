"""A plan's period, its declared amending acts, citations in three cases, the currency statement."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import act
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from amend.engine.legal import (
    AmendingActs,
    DeclaredPeriod,
    act_in_case,
    currency_english,
    currency_kazakh,
    period_from_title,
    plan_period,
)
from amend.store.loading import load_plan

D = dt.date


def test_the_period_of_748_and_of_156_is_read_off_their_titles(repo):
    p748 = plan_period(repo.plan("748").period, repo.plan("748").title)
    p156 = plan_period(repo.plan("156").period, repo.plan("156").title)
    assert (p748.start, p748.end, p748.source, p748.inferred) == (D(2023, 1, 1), D(2025, 12, 31), "title", True)
    assert (p156.start, p156.end) == (D(2020, 1, 1), D(2023, 12, 31))
    assert not p748.ended(D(2025, 12, 31)) and p748.ended(D(2026, 1, 1))


@given(first=st.integers(1990, 2090), length=st.integers(0, 15), dash=st.sampled_from(["–", "-", "—"]))
def test_any_title_with_a_span_of_years_gives_that_span(first, length, dash):
    found = period_from_title(f"Жоспар {first} {dash} {first + length} жылдарға арналған")
    assert found is not None and (found.start, found.end) == (D(first, 1, 1), D(first + length, 12, 31))


def test_a_title_without_years_or_with_them_reversed_gives_no_period():
    assert period_from_title("Кешенді жоспар") is None
    assert period_from_title("2025 – 2023 жылдарға") is None
    assert plan_period(None, "Кешенді жоспар") is None


def test_a_declared_period_wins_over_the_title_and_keeps_its_source():
    declared = DeclaredPeriod.model_validate({"from": "2023-09-01", "to": "2025-12-31", "source": "point 1"})
    found = plan_period(declared, "2023 – 2025 жылдарға")
    assert (found.start, found.source, found.inferred) == (D(2023, 9, 1), "point 1", False)


def test_a_declared_list_of_amending_acts_needs_a_source():
    with pytest.raises(ValidationError):
        AmendingActs.model_validate({"complete": True})
    with pytest.raises(ValidationError):
        AmendingActs.model_validate({"complete": True, "source": " "})


def test_a_plan_file_may_declare_its_period_and_its_acts_complete(tmp_path, repo):
    text = repo.plan_path("156").read_text(encoding="utf-8")
    text += 'period: {from: 2020-01-01, to: 2023-12-31, source: "the title"}\n'
    text += 'amending_acts: {complete: true, source: "a register consulted"}\n'
    path = tmp_path / "156.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    assert plan.period.start == D(2020, 1, 1) and plan.amending_acts.complete  # type: ignore[union-attr]


def test_an_act_is_cited_in_the_nominative_instrumental_and_dative():
    a = act("392", D(2025, 5, 30))
    assert act_in_case(a, "nominative") == "ҚР Үкіметінің 30.05.2025 № 392 қаулысы"
    assert act_in_case(a, "instrumental") == "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"
    assert act_in_case(a, "dative") == "ҚР Үкіметінің 30.05.2025 № 392 қаулысына"


def test_the_currency_statement_says_other_acts_may_exist_unless_the_list_is_complete():
    acts = [act("392", D(2025, 5, 30))]
    assert currency_english(D(2025, 6, 1), acts, False) == (
        "consolidated with the amending acts known up to 2025-06-01: No. 392 of 2025-05-30; "
        "other amending acts may exist"
    )
    assert currency_english(D(2025, 6, 1), acts, True).endswith("No. 392 of 2025-05-30")
    kk = currency_kazakh(D(2025, 6, 1), acts, False)
    assert kk.startswith("01.06.2025 жағдай бойынша") and kk.endswith("басқа актілер болуы мүмкін.")
    assert "болуы мүмкін" not in currency_kazakh(D(2025, 6, 1), [], True)
