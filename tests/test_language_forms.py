"""Every Kazakh and Russian form of ``amend.language``, one table-driven test per form.

The expected strings are the published examples docs/notes.md quotes (its numbered forms are cited by
number), the acts' own wording in sources/ (392's heading, 156's dates) and docs/import.md's formulas.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amend.language import cases, dates, notes, phrases

GOVERNMENT = "Қазақстан Республикасының Үкіметі"
PRESIDENT = "Қазақстан Республикасының Президенті"
MINISTER = "Қазақстан Республикасының Оқу-ағарту министрі"
CHAIRMAN = "Қазақстан Республикасы Қаржылық мониторинг агенттігінің Төрағасы"

D392 = dt.date(2025, 5, 30)


# docs/notes.md, forms 2, 5 and 6: the act cited through its issuer in the genitive, DD.MM.YYYY, the kind
# in the instrumental; a minister's and a chairman's order likewise (the one citation of an order).
@pytest.mark.parametrize(
    ("issuer", "kind", "number", "day", "case", "expected"),
    [
        (GOVERNMENT, "қаулы", "392", D392, "instrumental", "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"),
        (GOVERNMENT, "қаулы", "213", dt.date(2021, 4, 7), "instrumental", "ҚР Үкіметінің 07.04.2021 № 213 қаулысымен"),
        (PRESIDENT, "жарлық", "1", D392, "instrumental", "ҚР Президентінің 30.05.2025 № 1 Жарлығымен"),
        (
            MINISTER,
            "бұйрық",
            "5",
            dt.date(2025, 4, 1),
            "instrumental",
            "ҚР Оқу-ағарту министрінің 01.04.2025 № 5 бұйрығымен",
        ),
        (
            CHAIRMAN,
            "бұйрық",
            "7",
            D392,
            "instrumental",
            "ҚР Қаржылық мониторинг агенттігінің Төрағасының 30.05.2025 № 7 бұйрығымен",
        ),
        (GOVERNMENT, "қаулы", "392", D392, "nominative", "ҚР Үкіметінің 30.05.2025 № 392 қаулысы"),
        (GOVERNMENT, "қаулы", "392", D392, "dative", "ҚР Үкіметінің 30.05.2025 № 392 қаулысына"),
        (GOVERNMENT, "заң", "9", D392, "genitive", "ҚР Үкіметінің 30.05.2025 № 9 Заңының"),
    ],
)
def test_the_bank_cites_an_act_through_its_issuer_in_the_genitive(issuer, kind, number, day, case, expected):
    assert cases.bank_citation(issuer, kind, number, day, case) == expected


def test_an_order_is_cited_one_way_by_the_engine_and_the_notes():
    # The fixed disagreement: the engine's citation read "Қазақстан Республикасының Оқу-ағарту министрі ...
    # бұйрығымен" where the notes read "ҚР Оқу-ағарту министрінің ..." (docs/notes.md, form 6).
    from amend.engine.acts import Act, citation
    from amend.engine.legal import act_in_case

    order = Act(issuer=MINISTER, kind="бұйрық", number="5", date=dt.date(2025, 4, 1), title="т")
    assert citation(order) == "ҚР Оқу-ағарту министрінің 01.04.2025 № 5 бұйрығымен"
    assert act_in_case(order, "instrumental") == citation(order)
    ref = notes.Reference(MINISTER, "бұйрық", "5", dt.date(2025, 4, 1))
    assert notes.repealed_item(ref) == f"Күші жойылды - {citation(order)}."


# docs/notes.md, form 7: the Russian citation ("постановления Правительства РК от 23.07.2021 № 511").
@pytest.mark.parametrize(
    ("issuer", "kind", "case", "expected"),
    [
        (GOVERNMENT, "қаулы", "instrumental", "постановлением Правительства РК от 30.05.2025 № 392"),
        (GOVERNMENT, "қаулы", "genitive", "постановления Правительства РК от 30.05.2025 № 392"),
        (PRESIDENT, "жарлық", "instrumental", "Указом Президента РК от 30.05.2025 № 392"),
        (MINISTER, "бұйрық", "genitive", f"приказа {MINISTER} от 30.05.2025 № 392"),  # no Russian name known
    ],
)
def test_the_russian_citation_names_the_kind_and_the_issuer_in_their_cases(issuer, kind, case, expected):
    assert cases.bank_citation_ru(issuer, kind, "392", D392, case) == expected


# The act as its own text names it: 392's heading "Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы
# № 748 қаулысына", 156's "2020 жылғы 30 наурыздағы № 156 қаулысы".
@pytest.mark.parametrize(
    ("issuer", "number", "day", "case", "expected"),
    [
        (
            GOVERNMENT,
            "156",
            dt.date(2020, 3, 30),
            "nominative",
            "Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысы",
        ),
        (
            GOVERNMENT,
            "392",
            D392,
            "instrumental",
            "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392 қаулысымен",
        ),
        (MINISTER, "5", D392, "nominative", f"{MINISTER} 2025 жылғы 30 мамырдағы № 5 қаулысы"),
    ],
)
def test_an_act_is_named_as_its_own_text_names_it(issuer, number, day, case, expected):
    assert cases.act_text_name(issuer, "қаулы", number, day, case) == expected


def test_the_heading_names_the_amended_act_in_the_dative():
    day = dt.date(2023, 8, 31)
    expected = "Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысына"
    assert phrases.act_reference(GOVERNMENT, "қаулы", "748", day, dative=True) == expected


# Dates: 392 "2025 жылғы 30 мамырдағы", 156's preamble "2019 жылғы 2 қыркүйектегі"; "1 қаңтардан бастап",
# "1 шілдеге дейін"; Russian "30 мая 2025 года".
@pytest.mark.parametrize(
    ("form", "day", "expected"),
    [
        (dates.long_date, D392, "2025 жылғы 30 мамыр"),
        (dates.date_locative, D392, "2025 жылғы 30 мамырдағы"),
        (dates.date_locative, dt.date(2019, 9, 2), "2019 жылғы 2 қыркүйектегі"),
        (dates.date_ablative, dt.date(2026, 1, 1), "2026 жылғы 1 қаңтардан"),
        (dates.date_dative, dt.date(2021, 7, 1), "2021 жылғы 1 шілдеге"),
        (dates.from_day, dt.date(2025, 7, 10), "10.07.2025 бастап"),
        (dates.date_ru, D392, "30 мая 2025 года"),
    ],
)
def test_dates_are_written_in_the_acts_forms(form, day, expected):
    assert form(day) == expected


@given(st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_written_date_reads_back(day):
    for written in (dates.date_locative(day), dates.date_ablative(day), dates.date_dative(day)):
        year, _, number, month = written.split()
        assert dates.kazakh_date(year, number, month) == day
    number, month, year, _ = dates.date_ru(day).split()
    assert dates.russian_date(number, month, year) == day


# Number words: one spelling of 1 to 99 (docs/notes.md, form 3: "күнтізбелік он күн").
@pytest.mark.parametrize(
    ("n", "cardinal", "ordinal"),
    [
        (1, "бір", "бірінші"),
        (3, "үш", "үшінші"),
        (10, "он", "оныншы"),
        (11, "он бір", "он бірінші"),
        (15, "он бес", "он бесінші"),
        (20, "жиырма", "жиырмасыншы"),
        (21, "жиырма бір", "жиырма бірінші"),
        (45, "қырық бес", "қырық бесінші"),
        (90, "тоқсан", "тоқсаныншы"),
    ],
)
def test_numbers_are_spelled_one_way(n, cardinal, ordinal):
    assert (cases.cardinal(n), cases.ordinal(n)) == (cardinal, ordinal)
    assert (cases.parse_cardinal(cardinal), cases.parse_ordinal(ordinal)) == (n, n)


@given(st.integers(1, 99))
def test_the_days_an_act_writes_are_the_days_it_reads(n):
    assert phrases.parse_days(phrases.days_phrase(n)) == n
    assert notes.commencement_clause(after_days=n) == (
        f"алғашқы ресми жарияланған күнінен кейін күнтізбелік {cases.cardinal(n)} күн өткен соң қолданысқа енгізіледі"
    )


@pytest.mark.parametrize("n", [0, 100])
def test_no_number_word_is_made_up_outside_1_to_99(n):
    with pytest.raises(ValueError):
        cases.cardinal(n)
    assert phrases.days_phrase(n) == str(n)


# Morphology: the genitive and the locative on a phrase's last word, by vowel harmony.
@pytest.mark.parametrize(
    ("phrase", "genitive", "locative"),
    [
        ("жол картасы", "жол картасының", "жол картасында"),
        ("жоспар", "жоспардың", "жоспарда"),
        ("Кешенді жоспар", "Кешенді жоспардың", "Кешенді жоспарда"),
        ("бөлім", "бөлімнің", "бөлімде"),
        ("тау", "таудың", "тауда"),
        ("тармақ", "тармақтың", "тармақта"),
        ("іс-шаралар жоспары", "іс-шаралар жоспарының", "іс-шаралар жоспарында"),
        ("бағдарлама", "бағдарламаның", "бағдарламада"),
        ("мектеп", "мектептің", "мектепте"),
    ],
)
def test_case_endings_follow_vowel_harmony(phrase, genitive, locative):
    assert (cases.genitive(phrase), cases.locative(phrase)) == (genitive, locative)


# The kind of act in its cases (the notes' "қаулысымен", the repeal's "қаулысының", the heading's "қаулысына").
@pytest.mark.parametrize(
    ("kind", "forms"),
    [
        ("қаулы", ("қаулысы", "қаулысының", "қаулысына", "қаулысымен", "қаулыларымен")),
        ("бұйрық", ("бұйрығы", "бұйрығының", "бұйрығына", "бұйрығымен", "бұйрықтарымен")),
        ("жарлық", ("Жарлығы", "Жарлығының", "Жарлығына", "Жарлығымен", "Жарлықтарымен")),
        ("заң", ("Заңы", "Заңының", "Заңына", "Заңымен", "Заңдарымен")),
    ],
)
def test_each_kind_of_act_has_its_cases(kind, forms):
    got = (
        cases.KIND_NOMINATIVE[kind],
        cases.KIND_GENITIVE[kind],
        cases.KIND_DATIVE[kind],
        notes.instrumental(kind),
        notes.instrumental(kind, plural=True),
    )
    assert got == forms


# The note of one change (README's example "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392
# қаулысымен.") and its Russian twin.
@pytest.mark.parametrize(
    ("kind", "number", "kk", "ru"),
    [
        ("replaced", "6", "6-жол жаңа редакцияда", "Строка 6 - в редакции {of}"),
        ("inserted", "23-1", "Жоспар 23-1-жолмен толықтырылды", "План дополнен строкой 23-1 в соответствии с {by}"),
        ("cells_replaced", "7", "7-жолға өзгеріс енгізілді", "Строка 7 с изменением, внесенным {by}"),
        ("words_replaced", "7", "7-жолға өзгеріс енгізілді", "Строка 7 с изменением, внесенным {by}"),
        ("deleted", "9", "9-жол алып тасталды", "Строка 9 исключена {by}"),
    ],
)
def test_a_row_change_says_what_happened_to_the_row(kind, number, kk, ru):
    assert notes.row_note(kind, number) == (kk, ru)


@pytest.mark.parametrize(
    ("kind", "number", "kk", "ru"),
    [
        ("added", "3", "Жоспар 3-бөліммен толықтырылды", "План дополнен разделом 3 в соответствии с {by}"),
        (
            "added",
            "1.2",
            "Жоспар 1.2-кіші бөліммен толықтырылды",
            "План дополнен подразделом 1.2 в соответствии с {by}",
        ),
        ("title_set", "2", "2-бөлімге өзгеріс енгізілді", "Раздел 2 с изменением, внесенным {by}"),
    ],
)
def test_a_section_change_names_the_section_or_subsection(kind, number, kk, ru):
    assert notes.section_note(kind, number) == (kk, ru)


@pytest.mark.parametrize(
    ("change", "element", "key", "to", "kk", "ru"),
    [
        ("replaced", "point", "2", "", "2-тармақ жаңа редакцияда", "Пункт 2 - в редакции {of}"),
        (
            "deleted",
            "point",
            "2.1",
            "",
            "2-тармақтың 1) тармақшасы алып тасталды",
            "Подпункт 1) пункта 2 исключен {by}",
        ),
        ("replaced", "preamble", "", "", "Кіріспе жаңа редакцияда", "Преамбула - в редакции {of}"),
        ("title_set", "column", "4", "", "4-бағанның атауы өзгертілді", "Графа 4: наименование изменено {by}"),
        (
            "renumbered",
            "row",
            "23-1",
            "24",
            "23-1-жолдың нөмірі 24 болып өзгертілді",
            "Строка 23-1: номер изменен на 24 {by}",
        ),
        ("inserted", "note", "2", "", "Жоспардың 2-ескертпесі енгізілді", "Примечание 2 к плану введено {by}"),
    ],
)
def test_an_element_change_names_the_element_in_its_case(change, element, key, to, kk, ru):
    assert notes.element_note(change, element, key, to=to) == (kk, ru)


def test_a_change_note_cites_the_act_after_a_dash():
    citation = "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен"
    assert notes.note("6-жол жаңа редакцияда", citation) == f"Ескерту. 6-жол жаңа редакцияда - {citation}."
    by, of = "постановлением Правительства РК от 30.05.2025 № 392", "постановления Правительства РК от 30.05.2025 № 392"
    assert notes.note_ru("Строка 6 - в редакции {of}", by, of) == f"Сноска. Строка 6 - в редакции {of}."
    assert notes.corrected_suffix("ҚР Үкіметінің 01.06.2025 № 400 қаулысына") == (
        " (ҚР Үкіметінің 01.06.2025 № 400 қаулысына түзету)"
    )
    assert notes.amended_suffix([citation]) == f" ({citation} өзгертілген)"


# docs/notes.md, forms 1, 2, 3, 5, 7: the footnotes over all changes, from plain facts.
def _ref(number: str, day: dt.date, issuer: str = MINISTER, kind: str = "бұйрық", clause: str | None = None):
    return notes.Reference(issuer, kind, number, day, clause)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        (
            lambda: notes.cumulative_note(
                "4-қосымшаға",
                [
                    _ref("5", dt.date(2025, 4, 1), clause=notes.commencement_clause(from_date=dt.date(2025, 7, 10))),
                    _ref("2", dt.date(2024, 3, 30)),
                    _ref("4", dt.date(2024, 9, 24)),
                ],
            ),
            "Ескерту. 4-қосымшаға өзгерістер енгізілді - ҚР Оқу-ағарту министрінің 30.03.2024 № 2; 24.09.2024 № 4; "
            "01.04.2025 № 5 (10.07.2025 бастап қолданысқа енгізіледі) бұйрықтарымен.",
        ),
        (
            lambda: notes.cumulative_note("Жоспарға", [_ref("392", D392, GOVERNMENT, "қаулы")], changes=1),
            "Ескерту. Жоспарға өзгеріс енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
        ),
        (
            lambda: notes.new_wording_notes(
                "6-жол", [_ref("392", D392, GOVERNMENT, "қаулы"), _ref("9", dt.date(2025, 9, 1), GOVERNMENT, "қаулы")]
            ),
            [
                "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 01.09.2025 № 9 қаулысымен.",
                "Ескерту. 6-жол жаңа редакцияда - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
            ],
        ),
        (
            lambda: notes.repealed_note(_ref("213", dt.date(2021, 4, 7), GOVERNMENT, "қаулы")),
            "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2021 № 213 қаулысымен.",
        ),
        (
            lambda: notes.russian_new_wording(
                "Пункт 1", _ref("511", dt.date(2021, 7, 23), GOVERNMENT, "қаулы"), "вводится в действие ..."
            ),
            "Сноска. Пункт 1 - в редакции постановления Правительства РК от 23.07.2021 № 511 "
            "(вводится в действие ...).",
        ),
        (
            lambda: notes.commencement_clause(after_days=10),
            "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі",
        ),
        (notes.commencement_clause, None),  # in force from signing: no clause (not confirmed)
    ],
)
def test_the_footnotes_follow_the_published_forms(form, expected):
    assert form() == expected


def test_a_russian_footnote_is_refused_where_no_form_is_confirmed():
    with pytest.raises(ValueError, match="no confirmed Russian form"):
        notes.russian_new_wording("Пункт 1", _ref("5", D392))
