"""The Russian wording of amending acts, shared by both directions: the reader (``russian``) and the writer
(``drafting_ru``). The Russian twin of ``phrases``: every fixed phrase of a Russian formula lives here once.

The phrases are those of the Russian texts of the Government's amending resolutions ("строку, порядковый
номер 6, изложить в следующей редакции:", "дополнить строкой, порядковый номер 23-1, следующего
содержания:", "слова "..." заменить словами "..."", "... исключить", "Настоящее постановление вводится в
действие со дня его подписания"). docs/import.md lists each beside its Kazakh twin. No plan content is
ever part of a formula, and nothing here translates a text: the act's kind and issuer are names of the
format's values (``қаулы`` is "постановление"), not texts of a plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from amend.language import dates
from amend.language.cases import ISSUER_RU, KIND_RU, NUMBER_WORDS_RU
from amend.language.cases import MONTHS_GENITIVE_RU as MONTHS_GENITIVE
from amend.language.dates import date_ru, russian_date
from amend.language.phrases import named_phrases, row_numbers

__all__ = [
    "ENACTING_RU",
    "ISSUER_RU",
    "KIND_RU",
    "MONTHS_GENITIVE",
    "NUMBER_WORDS_RU",
    "UNKNOWN_TEXT_RU",
    "act_name_ru",
    "date_ru",
    "days_ru",
    "element_case_ru",
    "grammar_phrases_ru",
    "parse_days_ru",
    "phrases_ru",
    "row_listing_ru",
    "row_numbers_ru",
    "russian_date",
    "word_ru",
]

_WORD_OF = {n: w for w, n in NUMBER_WORDS_RU.items()}

# How a text no source gives is written in a drafted Russian text (as the Russian views show it); the
# importer reads it back as unknown.
UNKNOWN_TEXT_RU = "⟨неизвестно⟩"

# -- the fixed phrases of the formulas ---------------------------------------------------------------
ENACTING_RU = "ПОСТАНОВЛЯЕТ:"
IN_NEW_WORDING_RU = "изложить в следующей редакции"  # "мынадай редакцияда жазылсын"
WITH_CONTENT_RU = "следующего содержания"  # "мынадай мазмұндағы"
SUPPLEMENT_RU = "дополнить"  # "толықтырылсын"
STRUCK_OUT_RU = "исключить"  # "алып тасталсын"
REPLACE_RU = "заменить"  # "ауыстырылсын"
ROW_NUMBER_ONE = "порядковый номер"  # "реттік нөмірі"
ROW_NUMBER_MANY = "порядковые номера"  # "реттік нөмірлері"
WORDS_OLD_RU = "слова"  # "деген сөздер"
WORDS_NEW_RU = "словами"  # "деген сөздермен"
WHOLE_TEXT_RU = "по всему тексту"  # "бүкіл мәтіні бойынша"
ABBREVIATION_OLD_RU = "аббревиатуру"  # "деген аббревиатура"
ABBREVIATION_NEW_RU = "аббревиатурой"  # "деген аббревиатурамен"
PLAN_FRAME_RU = "утвержденном указанным постановлением"  # "көрсетілген қаулымен бекітілген"
# The annex (the plan) named without its title, which the Russian text names in a case ours cannot form.
PLAN_CONTEXT_RU = "в приложении к указанному постановлению"
SECTION_LOC_RU = "в разделе"  # "... деген N-бөлімде"
SUBSECTION_LOC_RU = "в подразделе"  # "... деген кіші бөлімде"
NOTE_CONTEXT_RU = "в примечании:"  # "Ескертпеде:"
NOTE_ADD_RU = "в примечании: расшифровку аббревиатур дополнить строками следующего содержания:"  # NOTE_ADD
ABBREVIATION_LINE_RU = "расшифровку аббревиатуры"  # '"КОД – ..." деген жол'
TITLE_RU = "заголовок"  # "атауы" (a section's), "тақырыбы" (the resolution's)
IN_FORCE_RU = "вводится в действие"  # "қолданысқа енгізіледі"
ON_SIGNING_RU = "со дня его подписания"  # "қол қойылған күнінен бастап"
ON_EXPIRY_RU = "по истечении"
DAYS_AFTER_PUBLICATION_RU = "календарных дней после дня его первого официального опубликования"
AFTER_PUBLICATION_RU = f"{ON_EXPIRY_RU} {{days}} {DAYS_AFTER_PUBLICATION_RU}"
EXCEPT_RU = "за исключением"  # "қоспағанда"
WHICH_RU = "который"  # "..., который вводится в действие с ..."
THIS_ACT_RU = "Настоящее"  # "Осы қаулы"


def days_ru(days: int) -> str:
    """ "десяти" for 10; the figure where the number has no word here."""
    return _WORD_OF.get(days, str(days))


def parse_days_ru(words: str) -> int | None:
    """10 for "десяти" or "10"; None if the words are no number this module knows."""
    words = " ".join(words.split()).lower()
    if words.isdigit():
        return int(words)
    return NUMBER_WORDS_RU.get(words)


def _listing(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " и " + items[-1]


# The word "строка" in the cases the formulae use, singular and plural.
_ROW_CASES = {
    "acc": ("строку", "строки"),  # строку ... изложить / исключить
    "ins": ("строкой", "строками"),  # дополнить строкой
    "loc": ("в строке", "в строках"),  # в строке ... слова
    "gen": ("строки", "строк"),  # после строки
}


def row_listing_ru(numbers: Sequence[str], case: str) -> str:
    """ "строку, порядковый номер 6," / "строки, порядковые номера 42, 43 и 44," in a case (acc, ins, loc, gen)."""
    one, many = _ROW_CASES[case]
    if len(numbers) == 1:
        return f"{one}, {ROW_NUMBER_ONE} {numbers[0]},"
    return f"{many}, {ROW_NUMBER_MANY} {_listing(numbers)},"


def row_numbers_ru(listing: str) -> list[str]:
    """Row numbers of a Russian listing: ``29-1, 29-2 и 29-3`` -> three numbers; ``10 – 12`` -> 10, 11, 12."""
    return row_numbers(listing, _WORDS_RU["and"])


def phrases_ru() -> list[str]:
    """Every fixed phrase of the Russian formulae, the month forms and the number words (the importer glues a
    formula word the print broke at a line end by them)."""
    fixed = [value for name, value in globals().items() if name.isupper() and isinstance(value, str)]
    return [
        *fixed,
        " ".join(MONTHS_GENITIVE),
        " ".join(NUMBER_WORDS_RU),
        "строку строки строкой строками строке строках раздела подраздела разделом подразделом пункт пункта "
        "пунктом подпункт подпункта подпунктом абзаца года постановление постановления календарных дней",
    ]


# The elements in the cases the drafted Russian sentences put them in ("раздела 2", "подразделом 1.2",
# "пунктом 3", "подпункт 1) пункта 2", "графу 4"); a dict, not a module constant, so that ``phrases_ru``
# (the words the importer glues by) stays the formulae's.
_ELEMENT_CASES_RU: dict[str, dict[str, str]] = {
    "section": {"acc": "раздел {}", "gen": "раздела {}", "ins": "разделом {}"},
    "subsection": {"acc": "подраздел {}", "gen": "подраздела {}", "ins": "подразделом {}"},
    "point": {"acc": "пункт {}", "gen": "пункта {}", "ins": "пунктом {}"},
    "subpoint": {"acc": "подпункт {})", "gen": "подпункта {})", "ins": "подпунктом {})"},
    "column": {"acc": "графу {}", "acc_many": "графы {}", "loc": "в графе {}"},
}
# The other words of the drafted Russian sentences.
_WORDS_RU = {
    "and": "и",
    "of_date": "от",  # "... от 30 мая 2025 года № 392"
    "from": "с",  # "с 1 января 2026 года"
    "after": "после",
    "of_row": _ROW_CASES["gen"][0] + ",",  # "графу 4 строки, порядковый номер 6,"
    "lead_in": "Внести в {reference} следующие изменения и дополнения:",
    "in": "в",  # "в строке, порядковый номер 15:"
    "year": dates.YEAR_WORD_RU,  # "с 1 января 2026 года"
    "abbreviations_loc": "в расшифровке аббревиатур",  # "в расшифровке аббревиатур:" (the note's lines)
}


def grammar_phrases_ru() -> dict[str, str]:
    """The phrases the Russian grammar (``importer/act/grammar_ru.lark``) names, by name: «IN_NEW_WORDING_RU»,
    «SUPPLEMENT_RU SECTION_INS», {{COLUMN_ACC}} in a regex terminal. Each fixed phrase by its constant's name,
    each other word by its ``word_ru`` name upper-cased («AFTER» is "после"), the word "строка" in a case,
    singular, as ROW_<CASE> («ROW_GEN» is "строки"), an element's noun in a case as <ELEMENT>_<CASE>, the words
    before its number («SECTION_GEN» is "раздела"). A phrase with a blank to fill ("{days}") is none the grammar
    can name."""
    return named_phrases(
        {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)},
        {name.upper(): value for name, value in _WORDS_RU.items()},
        {f"ROW_{case.upper()}": forms[0] for case, forms in _ROW_CASES.items()},
        {
            f"{element.upper()}_{case.upper()}": form.split("{}")[0].strip()
            for element, cases in _ELEMENT_CASES_RU.items()
            for case, form in cases.items()
        },
    )


def element_case_ru(element: str, number: object, case: str) -> str:
    """An element in a Russian case: ``element_case_ru("section", 2, "gen")`` is "раздела 2"."""
    return _ELEMENT_CASES_RU[element][case].format(number)


def word_ru(name: str) -> str:
    """One of the drafted Russian sentences' other words, by name: ``word_ru("after")`` is "после"."""
    return _WORDS_RU[name]


def act_name_ru(kind: str, issuer_genitive: str, day: dt.date, number: str, *, capital: bool = True) -> str:
    """ "Постановление Правительства Республики Казахстан от 30 мая 2025 года № 392" (``capital``: the kind
    capitalised, as a heading names the act; else the accusative, "постановление ...")."""
    name = KIND_RU[kind][0] if capital else KIND_RU[kind][1]
    if capital:
        name = name[0].upper() + name[1:]
    return f"{name} {issuer_genitive} {_WORDS_RU['of_date']} {date_ru(day)} № {number}"
