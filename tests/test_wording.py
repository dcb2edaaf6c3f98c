"""The wording both directions share: dates in their case forms, listings, act references, numbers of days."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from amend.language import phrases as w


def test_dates_in_the_forms_acts_use():
    assert w.date_locative(dt.date(2025, 5, 30)) == "2025 жылғы 30 мамырдағы"
    assert w.date_locative(dt.date(2024, 4, 2)) == "2024 жылғы 2 сәуірдегі"
    assert w.date_ablative(dt.date(2026, 1, 1)) == "2026 жылғы 1 қаңтардан"
    assert w.date_ablative(dt.date(2026, 12, 1)) == "2026 жылғы 1 желтоқсаннан"


@given(st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_written_date_reads_back(day):
    for text in (w.date_locative(day), w.date_ablative(day)):
        year, _, number, month = text.split(" ")
        assert w.kazakh_date(year, number, month) == day


def test_an_impossible_date_is_none():
    assert w.kazakh_date("2025", "30", "ақпандағы") is None
    assert w.kazakh_date("2025", "3", "сейсенбі") is None


def test_row_listings_in_their_cases_and_back():
    assert w.row_listing(["6"]) == "реттік нөмірі 6-жол"
    assert w.row_listing(["29-1", "29-2", "29-3"], "ins") == "реттік нөмірлері 29-1, 29-2 және 29-3-жолдармен"
    assert w.row_listing(["23"], "abl") == "реттік нөмірі 23-жолдан"
    assert w.row_numbers("29-1, 29-2 және 29-3") == ["29-1", "29-2", "29-3"]
    assert w.row_numbers("10 – 12") == ["10", "11", "12"]
    assert w.row_numbers("10—12") == w.row_numbers("10 - 12") == ["10", "11", "12"]  # an em dash, a spaced hyphen
    assert w.row_numbers("10-12") == ["10-12"]  # a hyphen with no blanks: a sub-number
    assert w.column_listing([4]) == "4-бағаны" and w.column_listing([3, 4, 5]) == "3, 4 және 5-бағандары"
    assert w.point_listing([2], accusative=True) == "2-тармағын"
    assert w.point_listing([2, 3], accusative=False) == "2 және 3-тармақтар"


def test_act_references():
    ref = w.act_reference("Қазақстан Республикасының Үкіметі", "қаулы", "748", dt.date(2023, 8, 31), dative=True)
    assert ref == "Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысына"
    nom = w.act_reference("Қазақстан Республикасының Үкіметі", "қаулы", "392", dt.date(2025, 5, 30), dative=False)
    assert nom == "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысы"


@given(st.integers(min_value=1, max_value=365))
def test_days_written_and_read(days):
    assert w.parse_days(w.days_phrase(days)) == days


def test_days_spelled_out():
    assert w.days_phrase(10) == "он" and w.parse_days("он") == 10 and w.parse_days("он бес") == 15
    assert w.parse_days("көп") is None


def test_points_and_sub_points_in_their_cases_read_back_by_the_grammar():
    from amend.importer.act.grammar import parse_paragraph

    assert w.point_name("2") == "2-тармақ" and w.point_name("2.1") == "2-тармақтың 1) тармақшасы"
    assert w.point_case("4", "abl") == "4-тармақтан" and w.point_case("5", "ins") == "5-тармақпен"
    assert w.subpoint_case("2", "abl") == "2) тармақшадан" and w.subpoint_case("3", "ins") == "3) тармақшамен"
    for key in ("2", "2.1", "12.10"):
        for phrase, kind in ((w.IN_NEW_WORDING + ":", "text_replace"), (w.STRUCK_OUT + ";", "text_delete")):
            formula = parse_paragraph(f"{w.point_name(key)} {phrase}")
            assert formula is not None and (formula.kind, formula.values["element"]) == (kind, f"point {key}")
    sentence = f"{w.point_case('4', 'abl')} {w.AFTER} {w.WITH_CONTENT} {w.point_case('5', 'ins')} {w.SUPPLEMENTED}:"
    formula = parse_paragraph(sentence)
    assert formula is not None and (formula.values["element"], formula.values["after"]) == ("point 5", "4")


def test_the_genitive_follows_vowel_harmony_the_last_sound_and_the_possessive():
    assert w.genitive("жол картасы") == "жол картасының"
    assert w.genitive("кешенді жоспар") == "кешенді жоспардың"
    assert w.genitive("іс-шаралар жоспары") == "іс-шаралар жоспарының"
    assert w.genitive("тізбе") == "тізбенің"
    assert w.genitive("кешен") == "кешеннің"
    assert w.genitive("мерзімдік") == "мерзімдіктің"
    assert w.genitive("тау") == "таудың"
