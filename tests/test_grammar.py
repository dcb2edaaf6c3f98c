"""The grammar of the amending formulas: one test per production, and what it must not derive."""

from __future__ import annotations

import datetime as dt

import pytest

from amend.importer.grammar import parse_paragraph

PRODUCTIONS = [
    ('"Бірінші бөлім" деген 1-бөлімде:', "section_ctx", {"section": "1", "title": "Бірінші бөлім"}),
    ("ІІ-бөлімде:", "section_ctx", {"section": "II", "title": None}),  # Cyrillic І as a Roman numeral
    ('"1.2. Орта мерзімді шаралар" деген кіші бөлімде:', "subsection_ctx", {"subsection": "1.2"}),
    ("көрсетілген қаулымен бекітілген кешенді жоспарда:", "plan_ctx", {}),
    ("Ескертпеде:", "note_ctx", {}),
    ("реттік нөмірі 6-жол мынадай редакцияда жазылсын:", "replace_rows", {"rows": ["6"]}),
    (
        "реттік нөмірлері 42, 43 және 44-жолдар мынадай редакцияда жазылсын:",
        "replace_rows",
        {"rows": ["42", "43", "44"]},
    ),
    (
        '"2.1. Қысқа мерзімді шаралар" деген кіші бөлім мынадай мазмұндағы реттік нөмірлері 29-1 және 29-2-жолдармен '
        "толықтырылсын:",
        "insert_rows",
        {"rows": ["29-1", "29-2"], "subsection": "2.1", "subsection_title": "Қысқа мерзімді шаралар"},
    ),
    (
        "1.2 кіші бөлім мынадай мазмұндағы реттік нөмірі 23-1-жолмен толықтырылсын:",
        "insert_rows",
        {"rows": ["23-1"], "subsection": "1.2", "subsection_title": None},
    ),
    (
        "реттік нөмірі 23-жолдан кейін мынадай мазмұндағы реттік нөмірі 23-1-жолмен толықтырылсын:",
        "insert_rows",
        {"rows": ["23-1"], "after": "23"},
    ),
    ("мынадай мазмұндағы реттік нөмірі 49-1-жолмен толықтырылсын:", "insert_rows", {"rows": ["49-1"]}),
    ("реттік нөмірлері 10 – 12-жолдар алып тасталсын;", "delete_rows", {"rows": ["10", "11", "12"]}),
    (
        "реттік нөмірі 6-жолдың 4 және 5-бағандары мынадай редакцияда жазылсын:",
        "replace_cells",
        {"row": "6", "columns": [4, 5]},
    ),
    (
        'реттік нөмірі 7-жолдың 4-бағанындағы "2024" деген цифрлар "2025" деген цифрлармен ауыстырылсын;',
        "words",
        {"scope": {"row": "7", "column": 4}, "pairs": [("2024", "2025")]},
    ),
    (
        '"БҒМ" деген сөздер "ОМ" деген сөздермен, "ДСМ" деген сөздер "ДМ" деген сөздермен ауыстырылсын;',
        "words",
        {"scope": {}, "pairs": [("БҒМ", "ОМ"), ("ДСМ", "ДМ")]},
    ),
    ('3-бағанындағы "ОМ, " деген сөздер алып тасталсын;', "words", {"scope": {"column": 3}, "pairs": [("ОМ, ", None)]}),
    (
        'мәтіні бойынша "министрлігі" деген сөз "министрлігінің" деген сөзбен ауыстырылсын;',
        "words",
        {"scope": {"whole_text": True}, "pairs": [("министрлігі", "министрлігінің")]},
    ),
    (
        "Ескертпе: Аббревиатуралардың толық жазылуы мынадай мазмұндағы жолдармен толықтырылсын:",
        "note_add",
        {},
    ),
    ("мынадай мазмұндағы жолмен толықтырылсын:", "note_add", {}),
    (
        '"ТЖМ – Төтенше жағдайлар министрлігі" деген жол алып тасталсын;',
        "note_delete",
        {"line": "ТЖМ – Төтенше жағдайлар министрлігі"},
    ),
    ('"ДСМ" деген жол мынадай редакцияда жазылсын:', "note_replace", {"line": "ДСМ"}),
    ("2-бөлімнің атауы мынадай редакцияда жазылсын:", "section_title", {"section": "2"}),
    ("1.2 кіші бөлімнің атауы мынадай редакцияда жазылсын:", "subsection_title", {"subsection": "1.2"}),
    ("мынадай мазмұндағы IV-бөліммен толықтырылсын:", "add_section", {"number": "IV", "after": None}),
    ("2-бөлімнен кейін мынадай мазмұндағы 3-бөліммен толықтырылсын:", "add_section", {"number": "3", "after": "2"}),
    (
        "1-бөлім 1.2 кіші бөлімнен кейін мынадай мазмұндағы 1.3 кіші бөліммен толықтырылсын:",
        "add_subsection",
        {"section": "1", "number": "1.3", "after": "1.2"},
    ),
    ("1-тармақ мынадай редакцияда жазылсын:", "act_text", {"what": "1-тармақ"}),
    ("тақырыбы мынадай редакцияда жазылсын:", "act_text", {"what": "тақырыбы"}),
    (
        "көрсетілген қаулымен бекітілген жол картасының атауы мынадай редакцияда жазылсын:",
        "act_text",
        {"what": "атауы"},
    ),
    (
        "1. Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 мынадай өзгерістер мен толықтырулар "
        "қаулысына енгізілсін:",  # the words out of order, as the PDF of 392 gives them
        "lead_in",
        {"point": 1},
    ),
    (
        '2. "Жоспарды бекіту туралы" Қазақстан Республикасы Үкіметінің 2020 жылғы 30 наурыздағы № 156 қаулысының '
        "күші жойылды деп танылсын.",
        "repeal",
        {},
    ),
    ("Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:", "enacting", {}),
    ("Қазақстан Республикасының Премьер-Министрі О. Бектенов", "signature", {"name": "О. Бектенов"}),
]


@pytest.mark.parametrize("text, kind, values", PRODUCTIONS, ids=[f"{p[1]}-{i}" for i, p in enumerate(PRODUCTIONS)])
def test_each_production_reads_its_formula(text, kind, values):
    formula = parse_paragraph(text)
    assert formula is not None and formula.kind == kind
    for key, value in values.items():
        assert formula.values[key] == value


@pytest.mark.parametrize(
    "text, rule, exceptions, later",
    [
        ("2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.", ("on_signing", None), (), ()),
        (
            "Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
            ("after_publication", 10),
            (),
            (),
        ),
        (
            "Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік 21 күн өткен соң қолданысқа енгізіледі.",
            ("after_publication", 21),
            (),
            (),
        ),
        (
            "3. Осы қаулы 2 және 3-тармақтарын қоспағанда, қол қойылған күнінен бастап қолданысқа енгізіледі; "
            "2-тармақ 2026 жылғы 1 қаңтардан бастап қолданысқа енгізіледі; 3-тармақ 2026 жылғы 1 шілдеден бастап "
            "қолданысқа енгізіледі.",
            ("on_signing", None),
            (2, 3),
            (((2,), ("on_date", dt.date(2026, 1, 1))), ((3,), ("on_date", dt.date(2026, 7, 1)))),
        ),
    ],
)
def test_entry_into_force_staggered_included(text, rule, exceptions, later):
    formula = parse_paragraph(text)
    assert formula is not None and formula.kind == "entry"
    clause = formula.values["clause"]
    assert (clause.rule, clause.exceptions, clause.later) == (rule, exceptions, later)


@pytest.mark.parametrize(
    "text",
    [
        "реттік нөмірі 6-жол бұрынғы мәтінімен қалдырылсын;",  # no such formula
        "Осы қаулы заң күшіне енген күннен бастап қолданысқа енгізіледі.",  # no rule the grammar knows
        "реттік нөмірі 6-жол мынадай редакцияда",  # cut short
        '"Атауы" деген сөйлем;',
    ],
)
def test_a_paragraph_the_grammar_does_not_derive_is_no_formula(text):
    assert parse_paragraph(text) is None
