from __future__ import annotations

import datetime as dt

from amend import Act, AfterPublication, OnDate, OnSigning, citation, in_force_date

ACT = Act(issuer="Қазақстан Республикасының Үкіметі", kind="қаулы", number="392", date=dt.date(2025, 5, 30), title="т")


def test_on_signing_is_in_force_on_the_act_date():
    assert in_force_date(ACT, OnSigning(rule="on_signing")) == dt.date(2025, 5, 30)


def test_on_date_is_in_force_on_that_date():
    assert in_force_date(ACT, OnDate(rule="on_date", date=dt.date(2026, 1, 1))) == dt.date(2026, 1, 1)


def test_ten_days_after_publication_means_the_eleventh_day():
    rule = AfterPublication(rule="after_publication", days=10, published=dt.date(2025, 6, 1))
    assert in_force_date(ACT, rule) == dt.date(2025, 6, 12)


def test_citation_is_in_the_reference_bank_style():
    assert citation(ACT) == "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"
