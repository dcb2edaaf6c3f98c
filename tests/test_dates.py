"""Long Kazakh dates, as the acts write them."""

from __future__ import annotations

import datetime as dt

from conftest import SOURCES
from hypothesis import given
from hypothesis import strategies as st

from amend.outputs.dates import MONTHS, long_date, long_date_of


def test_the_dates_of_392_and_748_read_as_in_392s_heading():
    assert long_date(dt.date(2025, 5, 30)) == "2025 жылғы 30 мамыр"
    assert long_date_of(dt.date(2023, 8, 31)) == "2023 жылғы 31 тамыздағы"
    assert long_date_of(dt.date(2020, 3, 30)) == "2020 жылғы 30 наурыздағы"
    assert long_date_of(dt.date(2019, 9, 2)) == "2019 жылғы 2 қыркүйектегі"


def test_the_qualifying_forms_found_in_the_seeds_are_produced_exactly():
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt")))
    assert text  # the shipped source texts (sources/)
    for day in (dt.date(2023, 8, 31), dt.date(2020, 3, 30), dt.date(2019, 9, 2), dt.date(2025, 5, 30)):
        form = long_date_of(day).split(" ", 2)[2]  # "31 тамыздағы"
        assert form in " ".join(text.split()), form


@given(st.dates(min_value=dt.date(1991, 12, 16), max_value=dt.date(2100, 12, 31)))
def test_every_day_has_one_long_form_that_names_its_year_day_and_month(day: dt.date):
    text = long_date(day)
    assert text == f"{day.year} жылғы {day.day} {MONTHS[day.month - 1]}"
    assert long_date_of(day).startswith(text)
