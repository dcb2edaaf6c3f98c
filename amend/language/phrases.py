"""The Kazakh wording of amending acts, shared by both directions: the reader (``grammar``), the writer (``drafting``).

Everything that says how a formula is worded lives here once: the fixed phrases of the instructions,
the case forms of months, row listings ("29-1, 29-2 және 29-3-жолдармен"), act references
("Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысына") and the entry-into-force
sentences. The generator composes sentences from these pieces and the grammar is built from the same
pieces, so a formula the generator writes is one the importer reads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from amend.language import dates
from amend.language.cases import (
    ISSUER_LONG_GENITIVE,
    KIND_DATIVE,
    KIND_GENITIVE,
    KIND_INSTRUMENTAL,
    KIND_NOMINATIVE,
    KIND_SELF,
    MONTH_ABLATIVE,
    MONTH_DATIVE,
    MONTH_LOCATIVE,
    MONTHS,
    NUMBER_WORDS,
    cardinal,
    genitive,
    ordinal,
    parse_cardinal,
    parse_ordinal,
)
from amend.language.dates import date_ablative, date_dative, date_locative, kazakh_date

__all__ = [
    "ISSUER_GENITIVE",
    "KIND_DATIVE",
    "KIND_GENITIVE",
    "KIND_INSTRUMENTAL",
    "KIND_NOMINATIVE",
    "KIND_SELF",
    "MONTHS",
    "MONTH_LOCATIVE",
    "NUMBER_WORDS",
    "UNKNOWN_TEXT",
    "act_genitive",
    "act_instrumental",
    "act_reference",
    "change_listing",
    "column_listing",
    "date_ablative",
    "date_dative",
    "date_locative",
    "days_phrase",
    "genitive",
    "grammar_phrases",
    "kazakh_date",
    "named_phrases",
    "ordinal",
    "paragraph_listing",
    "parse_days",
    "parse_ordinal",
    "phrases",
    "point_case",
    "point_listing",
    "point_name",
    "row_listing",
    "row_numbers",
    "subpoint_case",
]

# The issuer as the heading names it (genitive) and as the format stores it (nominative).
ISSUER_GENITIVE = ISSUER_LONG_GENITIVE

# How a text no source gives is written in a drafted text (as the Markdown renderings show it); the
# importer reads it back as unknown.
UNKNOWN_TEXT = "⟨белгісіз⟩"

# -- the fixed phrases of the formulas --------------------------------------------------------------

ENACTING = "ҚАУЛЫ ЕТЕДІ:"
IN_NEW_WORDING = "мынадай редакцияда жазылсын"
WITH_CONTENT = "мынадай мазмұндағы"
SUPPLEMENTED = "толықтырылсын"
STRUCK_OUT = "алып тасталсын"
REPLACED = "ауыстырылсын"
SAID = "деген"
ROW_ONE = "реттік нөмірі"
ROW_MANY = "реттік нөмірлері"
WORDS_OLD = "сөздер"
WORDS_NEW = "сөздермен"
PLAN_FRAME = "көрсетілген қаулымен бекітілген"
NOTE_CONTEXT = "Ескертпеде:"
ABBREVIATIONS_FULL = "толық жазылуы"  # "Аббревиатуралардың толық жазылуы": the note's lines
NOTE_ADD = f"Ескертпе: Аббревиатуралардың {ABBREVIATIONS_FULL} {WITH_CONTENT} жолдармен {SUPPLEMENTED}:"
IN_FORCE = "қолданысқа енгізіледі"
ON_SIGNING = "қол қойылған күнінен бастап"
AFTER_PUBLISHED_DAY = "ресми жарияланған күнінен кейін"
CALENDAR = "күнтізбелік"
DAYS_PASSED = "күн өткен соң"
AFTER_PUBLICATION = f"алғашқы {AFTER_PUBLISHED_DAY} {CALENDAR} {{days}} {DAYS_PASSED}"
EXCEPT = "қоспағанда"
REPEALED = "күші жойылды деп танылсын"
# The resolution's own title ("тақырыбы мынадай редакцияда жазылсын:"): the noun attested by the bank's
# notes "... Қаулысымен тақырыбы жаңа редакцияда" (online.zakon.kz/Document/?doc_id=31303080,
# zanorda.kz/kk/content/85704-v1400009947); a point likewise ("... Қаулысымен 1-тармақ жаңа редакцияда").
TITLE_WORD = "тақырыбы"
# The resolution's title named as such ("көрсетілген қаулының тақырыбы"), where a bare "тақырыбы" would stand
# in the scope of the plan, a section or the note and bind to that (see ``scope``): not attested; the
# lead-in's own words ("көрсетілген қаулымен бекітілген" names the resolution "көрсетілген қаулы").
OWN_ACT = "көрсетілген қаулының"
ANNEX_TITLE_WORD = "атауы"  # the approved plan's title ("... жол картасының атауы ...")
AFTER = "кейін"

# -- the formulae for the remaining kinds of operation -------------------------------------------------
# Where each comes from. "Attested" means the wording is printed in an amending act or in a note of the
# reference bank (adilet.zan.kz); the address is given. "Not attested" means no act at hand uses a
# formula for that change: the closest attested general formula is used ("... мынадай редакцияда
# жазылсын", "... алып тасталсын", "... толықтырылсын", "... деген сөздер ... деген сөздермен
# ауыстырылсын", "... күші жойылды деп танылсын") with the element named as the attested formulae name
# their elements. docs/import.md lists them; no plan content is ever part of a formula.

# The preamble is called "кіріспе": attested by the bank's notes "Ескерту. Кіріспе жаңа редакцияда - ..."
# (adilet.zan.kz/kaz/docs/V1600014556, adilet.zan.kz/kaz/docs/V2200030139). The formulae are the
# general ones with the possessive "кіріспесі" (as "тақырыбы", "атауы"): not attested as such.
PREAMBLE = "кіріспесі"  # "кіріспесі мынадай редакцияда жазылсын:" / "кіріспесі алып тасталсын;"
PREAMBLE_INS = "кіріспемен"  # "мынадай мазмұндағы кіріспемен толықтырылсын:"
PREAMBLE_LOC = "кіріспесіндегі"  # words in the preamble
TITLE_LOC = "тақырыбындағы"  # words in the resolution's title
ANNEX_TITLE_LOC = "атауындағы"  # words in the plan's title (or a section's, a subsection's, a column's)
# The signatory in new wording: not attested (no act at hand changes its signatory); the general formula.
SIGNATORY = "қол қоюшының лауазымы мен аты-жөні"
# The annex's numbered notes: "1-ескертпе" as points are "1-тармақ" (attested: "59-тармақ мынадай
# редакцияда жазылсын:", adilet.zan.kz/kaz/docs/P1100000990); the noun "ескертпе" is the annex's own
# ("Ескертпе: ..." in sources/392.txt). Not attested for a numbered note.
NOTE_WORD = "ескертпе"
# Columns: "4-бағаны", "4 және 5-бағандары" are attested in 392-style texts for cells; a column added,
# struck out or renamed is not attested (the general formulae with "баған").
COLUMN_WORD = "баған"
# A subsection struck out: the general formula (attested for rows and sections in sources-style texts).
SUBSECTION = "кіші бөлім"
SECTION_WORD = "бөлім"  # '"2. ..." деген бөлім'
# A row moved to another (sub)section: not attested; the verb "ауыстырылсын" of the words formula.
MOVED = "ауыстырылсын"
AS_ROW = "болып"  # "реттік нөмірі 30-жол болып": under a new number
# Renumbering: the words formula on the number ("реттік нөмірі 23-1-жолдағы "23-1" деген сандар "24"
# деген сандармен ауыстырылсын"); "деген сандар ... деген сандармен" is the words formula's attested
# form for figures. Sections and subsections: "... реттік нөміріндегі ..." (not attested).
NUMBERS_OLD = "сандар"
NUMBERS_NEW = "сандармен"
NUMBER_LOC = "реттік нөміріндегі"
# Acts that amend acts. The repeal of an act is attested ("... қаулысының күші жойылды деп танылсын";
# the bank's note "Күші жойылды - ҚР Үкіметінің 25.04.2015 № 325 ... қаулысымен",
# adilet.zan.kz/kaz/docs/P1100000990). An act's changes named by their order ("1-өзгеріс"), a new
# entry-into-force term ("қолданысқа енгізілу мерзімі мынадай редакцияда жазылсын"), a suspension
# ("қолданылуы ... дейін тоқтатыла тұрсын", the operation's own docstring) and a resumption
# ("қолданылуы қайта басталсын") are not attested.
CHANGE = "өзгеріс"
INTRODUCED = "енгізілген"
ENTRY_TERM = "қолданысқа енгізілу мерзімі"
APPLICATION = "қолданылуы"  # "... қаулысының қолданылуы ..."
HALTED = "тоқтатыла тұрсын"
SUSPENDED = f"{APPLICATION} {{until}}{HALTED}"
RESUMED = f"{APPLICATION} қайта басталсын"


# Words replaced throughout the plan: "<the plan in the genitive> мәтіні бойынша" ("жол картасының мәтіні бойынша",
# "жоспардың бүкіл мәтіні бойынша"); the general "бүкіл мәтіні бойынша" is written so in the hand-written texts of
# tests/fixtures/import, not attested in an act at hand.
WHOLE_TEXT = "мәтіні бойынша"
# An abbreviation replaced throughout: '"X" деген аббревиатура "Y" деген аббревиатурамен ауыстырылсын'.
ABBREVIATION_OLD = "аббревиатура"
ABBREVIATION_NEW = "аббревиатурамен"
# A later commencement of some paragraphs of a point ("1-тармақтың үшінші абзацы ... қолданысқа енгізіледі"),
# after the main rule with ", ал" ("whereas"). The bank counts a point's paragraphs (абзац) from its first
# line, each indented paragraph one (a quoted line too; a quoted table's rows none).
PARAGRAPH_NOM = "абзацы"
PARAGRAPHS_NOM = "абзацтары"
PARAGRAPH_ACC = "абзацын"
PARAGRAPHS_ACC = "абзацтарын"
WHEREAS = "ал"


def paragraph_listing(point: int, paragraphs: Sequence[int], *, accusative: bool) -> str:
    """ "1-тармақтың үшінші абзацы" / "1-тармақтың үшінші және бесінші абзацтарын"."""
    words = _listing([ordinal(n) for n in paragraphs])
    if len(paragraphs) == 1:
        noun = PARAGRAPH_ACC if accusative else PARAGRAPH_NOM
    else:
        noun = PARAGRAPHS_ACC if accusative else PARAGRAPHS_NOM
    return f"{point}-тармақтың {words} {noun}"


def act_genitive(issuer: str, kind: str, number: str, date: dt.date) -> str:
    """ "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 шілдедегі № 9003 қаулысының"."""
    return (
        act_reference(issuer, kind, number, date, dative=False).removesuffix(KIND_NOMINATIVE[kind])
        + (KIND_GENITIVE[kind])
    )


def act_instrumental(issuer: str, kind: str, number: str, date: dt.date) -> str:
    """ "Қазақстан Республикасы Үкіметінің 2025 жылғы 1 шілдедегі № 9003 қаулысымен"."""
    return (
        act_reference(issuer, kind, number, date, dative=False).removesuffix(KIND_NOMINATIVE[kind])
        + (KIND_INSTRUMENTAL[kind])
    )


def change_listing(numbers: Sequence[int], case: str) -> str:
    """ "2-өзгерістің" / "1 және 2-өзгерістердің" (``case`` "gen"), "1-өзгерістегі" ("loc"): an act's changes
    by their order in it."""
    items = [str(n) for n in numbers]
    one = {"gen": "өзгерістің", "loc": "өзгерістегі"}[case]
    many = {"gen": "өзгерістердің", "loc": "өзгерістердегі"}[case]
    return f"{_listing(items)}-{one if len(items) == 1 else many}"


def days_phrase(days: int) -> str:
    """ "он" for 10 (1 to 99 in words, ``cases.cardinal``), the figure beyond."""
    return cardinal(days) if 0 < days < 100 else str(days)


def parse_days(words: str) -> int | None:
    """10 for "он" or "10"; None if the words are no number this module knows."""
    words = " ".join(words.split())
    if words.isdigit():
        return int(words)
    return parse_cardinal(words)


def act_reference(issuer: str, kind: str, number: str, date: dt.date, *, dative: bool) -> str:
    """ "Қазақстан Республикасы Үкіметінің 2023 жылғы 31 тамыздағы № 748 қаулысы(на)"."""
    who = ISSUER_GENITIVE.get(issuer, issuer)
    form = (KIND_DATIVE if dative else KIND_NOMINATIVE)[kind]
    return f"{who} {date_locative(date)} № {number} {form}"


def _listing(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {_WORDS['and']} " + items[-1]


def row_listing(numbers: Sequence[str], case: str = "nom") -> str:
    """ "реттік нөмірі 6-жол" / "реттік нөмірлері 29-1, 29-2 және 29-3-жолдар" with a case ending.

    ``case``: "nom" (nominative), "ins" (instrumental: "-жолмен"), "abl" (ablative: "-жолдан"), "loc"
    (locative: "-жолдағы"), "gen" (genitive: "-жолдың").
    """
    if len(numbers) == 1:
        word = {"nom": "жол", "ins": "жолмен", "abl": "жолдан", "loc": "жолдағы", "gen": "жолдың"}[case]
        return f"{ROW_ONE} {numbers[0]}-{word}"
    word = {"nom": "жолдар", "ins": "жолдармен", "abl": "жолдардан", "loc": "жолдардағы", "gen": "жолдардың"}[case]
    return f"{ROW_MANY} {_listing(numbers)}-{word}"


def column_listing(numbers: Sequence[int]) -> str:
    """ "4-бағаны" / "4 және 5-бағандары": the columns of a row given new wording."""
    if len(numbers) == 1:
        return f"{numbers[0]}-бағаны"
    return f"{_listing([str(n) for n in numbers])}-бағандары"


def point_listing(numbers: Sequence[int], *, accusative: bool) -> str:
    """ "2-тармағын" / "2 және 3-тармақтарын" (accusative), or "2-тармақ" / "2 және 3-тармақтар"."""
    if len(numbers) == 1:
        return f"{numbers[0]}-тармағын" if accusative else f"{numbers[0]}-тармақ"
    return f"{_listing([str(n) for n in numbers])}-" + ("тармақтарын" if accusative else "тармақтар")


def row_numbers(listing: str, conjunction: str | None = None) -> list[str]:
    """Row numbers of a listing: ``29-1, 29-2 және 29-3`` -> three numbers; ``10 – 12`` -> 10, 11, 12.

    A range is printed with a dash (en or em) or a hyphen between blanks (``10 - 12``); a hyphen with no
    blanks is a sub-number (``10-12``). ``conjunction``: the listing's "and" (Kazakh unless given: the
    Russian listing's is ``phrases_ru``'s)."""
    and_ = re.escape(conjunction if conjunction is not None else word("and"))
    out: list[str] = []
    for item in re.split(rf"\s*,\s*|\s+{and_}\s+", listing.strip()):
        span = re.fullmatch(r"(\d+)(?:\s*[–—]\s*|\s+-\s+)(\d+)", item)
        if span and int(span.group(1)) < int(span.group(2)):
            out.extend(str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1))
        elif item:
            out.append(item)
    return out


def point_name(key: str) -> str:
    """ "2-тармақ" for point ``2``; "2-тармақтың 1) тармақшасы" for sub-point ``2.1`` (nominative)."""
    point, _, sub = key.partition(".")
    return f"{point}-тармақтың {sub}) тармақшасы" if sub else f"{point}-тармақ"


def point_case(number: str, case: str) -> str:
    """A point in a case: "4-тармақ" (``case`` "nom"), "4-тармақтың" ("gen"), "4-тармақтан" ("abl", after
    which), "5-тармақпен" ("ins", supplemented with), "2-тармақтағы" ("loc", words in it)."""
    forms = {"nom": "тармақ", "gen": "тармақтың", "abl": "тармақтан", "ins": "тармақпен", "loc": "тармақтағы"}
    return f"{number}-{forms[case]}"


def subpoint_case(number: str, case: str) -> str:
    """ "2) тармақшадан" (``case`` "abl"), "3) тармақшамен" ("ins"), "1) тармақшасындағы" ("loc")."""
    return f"{number}) " + {"abl": "тармақшадан", "ins": "тармақшамен", "loc": "тармақшасындағы"}[case]


# The other words the formulae are made of, by name, the grammar's among them (see ``phrases``: kept out of the
# glue words, which stay the formulae's fixed phrases).
_WORDS = {
    "this": "Осы",  # "Осы қаулы ... қолданысқа енгізіледі"
    "from": "бастап",
    "until": "дейін",
    "such": "мынадай",  # "... мынадай өзгерістер енгізілсін:"
    "be_made": "енгізілсін",
    "changes_and_additions": "өзгерістер мен толықтырулар",
    "additions": "толықтырулар",
    "addition": "толықтыру",
    "changes": "өзгерістер",
    "and": "және",  # "5 және 6-жолдар"
    "year": dates.YEAR_WORD,  # "2022 жылғы 1 қаңтардан бастап"
    "before": "алдынан",  # '"X" деген сөздердің алдынан "Y" деген сөздермен толықтырылсын': Y before X
    "entire": "бүкіл",  # "жоспардың бүкіл мәтіні бойынша"
    "by_text": "мәтін бойынша",  # "бүкіл мәтін бойынша": the whole text, no plan named
    "abbreviations_full_loc": "толық жазылуында",  # "Аббревиатуралардың толық жазылуында:"
    "section_loc": "бөлімде",  # '"..." деген бөлімде:': a section by its title alone
    "line_loc": "жолдағы",  # '"..." деген жолдағы': words in a line of the note
}


def word(name: str) -> str:
    """One of the drafted sentences' other words, by name: ``word("from")`` is "бастап"."""
    return _WORDS[name]


# A subsection ("кіші бөлім") in the cases the formulae put it in, after its number ("1.2 кіші бөлімнің").
_SUBSECTION_CASES = {
    "nom": SUBSECTION,
    "gen": "кіші бөлімнің",
    "dat": "кіші бөліміне",
    "loc": "кіші бөлімде",
    "abl": "кіші бөлімнен",
    "ins": "кіші бөліммен",
}

# The annex's elements in the cases the drafted sentences put them in (a section "2-бөлімде:", a subsection
# "1.2 кіші бөлімнің", a column "4-бағанмен", a numbered note "2-ескертпедегі", a line of the note "... деген
# жол"); a dict, not a module constant, so that ``phrases`` (the words the importer glues by) stays the
# formulae's.
_ELEMENT_CASES: dict[str, dict[str, str]] = {
    "section": {
        "nom": "{}-бөлім",
        "gen": "{}-бөлімнің",
        "dat": "{}-бөлімге",
        "loc": "{}-" + _WORDS["section_loc"],
        "abl": "{}-бөлімнен",
        "ins": "{}-бөліммен",
    },
    "subsection": {case: "{} " + form for case, form in _SUBSECTION_CASES.items()},
    "column": {
        "nom": "{}-баған",
        "gen": "{}-бағанның",
        "loc": "{}-бағанындағы",
        "abl": "{}-бағаннан",
        "ins": "{}-бағанмен",
    },
    "note": {"loc": "{}-ескертпедегі", "abl": "{}-ескертпеден", "ins": "{}-ескертпемен"},
    # '"КОД – ..." деген жол'
    "line": {"nom": f'"{{}}" {SAID} жол', "loc": f'"{{}}" {SAID} {_WORDS["line_loc"]}'},
}


def element_case(element: str, number: object, case: str) -> str:
    """An element of the annex in a case: ``element_case("section", "2", "loc")`` is "2-бөлімде"."""
    return _ELEMENT_CASES[element][case].format(number)


def grammar_phrases() -> dict[str, str]:
    """The phrases the grammar (``importer/act/grammar.lark``) names, by name: «IN_NEW_WORDING», «SUBSECTION_INS
    SUPPLEMENTED», {{REPLACED}} in a regex terminal. Each fixed phrase by its constant's name, each other word
    by its ``word`` name upper-cased («FROM» is "бастап"), a subsection's case forms as SUBSECTION_<CASE>
    («SUBSECTION_GEN» is "кіші бөлімнің"). A phrase with a blank to fill ("{days}") is none the grammar can name."""
    return named_phrases(
        {name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)},
        {name.upper(): value for name, value in _WORDS.items()},
        {f"SUBSECTION_{case.upper()}": form for case, form in _SUBSECTION_CASES.items()},
    )


def named_phrases(*tables: Mapping[str, str]) -> dict[str, str]:
    """The tables' phrases in one mapping, each name once (ValueError for a name two tables give); phrases with
    a blank to fill ("{days}") left out."""
    seen: dict[str, str] = {}
    for table in tables:
        for name, value in table.items():
            if name in seen:
                raise ValueError(f"two phrases are named {name}: {seen[name]!r} and {value!r}")
            seen[name] = value
    return {name: value for name, value in seen.items() if "{" not in value}


def phrases() -> list[str]:
    """Every fixed phrase of the formulae, the month forms and the number words: the words a formula is made of
    (the importer glues a formula word the print broke at a line end by them)."""
    fixed = [value for name, value in globals().items() if name.isupper() and isinstance(value, str)]
    return [
        *fixed,
        " ".join(MONTHS),
        " ".join(MONTH_LOCATIVE),
        " ".join(MONTH_ABLATIVE),
        " ".join(MONTH_DATIVE),
        " ".join(NUMBER_WORDS),
        "қолданысқа енгізіледі жарияланған күнінен күнтізбелік өткен бастап қоспағанда тармағын тармақтарын",
    ]
