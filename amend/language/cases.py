"""Kazakh and Russian case tables from plain facts: the kinds of act, issuers, months, number words, and the
morphology (vowel harmony, genitive, locative) the formulas and notes put words in.

An act is named by plain facts (its issuer and kind as the format stores them, its number and date); the
format's values are the Kazakh nominatives ("Қазақстан Республикасының Үкіметі", "қаулы").
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

__all__ = [
    "GOVERNMENT",
    "ISSUER_LONG_GENITIVE",
    "ISSUER_RU",
    "ISSUER_RU_SHORT",
    "KINDS",
    "KIND_DATIVE",
    "KIND_GENITIVE",
    "KIND_HEAD_RU",
    "KIND_INSTRUMENTAL",
    "KIND_INSTRUMENTAL_PLURAL",
    "KIND_NOMINATIVE",
    "KIND_RU",
    "KIND_SELF",
    "MONTHS",
    "MONTHS_GENITIVE_RU",
    "MONTH_ABLATIVE",
    "MONTH_DATIVE",
    "MONTH_LOCATIVE",
    "NUMBER_WORDS_RU",
    "RESOLUTION",
    "Case",
    "Kind",
    "act_text_name",
    "bank_citation",
    "bank_citation_ru",
    "cardinal",
    "day_month_year",
    "front",
    "genitive",
    "issuer_genitive",
    "issuer_long_genitive",
    "locative",
    "ordinal",
    "parse_cardinal",
    "parse_ordinal",
]

Kind = Literal["қаулы", "бұйрық", "жарлық", "заң"]
Case = Literal["nominative", "genitive", "dative", "instrumental"]

# The kinds of act the format knows (an act's ``kind``).
KINDS: tuple[Kind, ...] = ("қаулы", "бұйрық", "жарлық", "заң")
RESOLUTION: Kind = "қаулы"  # the Government's act, the kind an act of unknown kind is named by
GOVERNMENT = "Қазақстан Республикасының Үкіметі"
PRESIDENT = "Қазақстан Республикасының Президенті"

# The kind of act with the possessive, in each case: "№ 392 қаулысы", "... қаулысының", "... қаулысына",
# "... қаулысымен" (the reference bank's notes: "... № 392 қаулысымен").
KIND_NOMINATIVE = {"қаулы": "қаулысы", "бұйрық": "бұйрығы", "жарлық": "Жарлығы", "заң": "Заңы"}
KIND_GENITIVE = {"қаулы": "қаулысының", "бұйрық": "бұйрығының", "жарлық": "Жарлығының", "заң": "Заңының"}
KIND_DATIVE = {"қаулы": "қаулысына", "бұйрық": "бұйрығына", "жарлық": "Жарлығына", "заң": "Заңына"}
KIND_INSTRUMENTAL = {"қаулы": "қаулысымен", "бұйрық": "бұйрығымен", "жарлық": "Жарлығымен", "заң": "Заңымен"}
# Several acts of one kind, as a cumulative note closes: "... бұйрықтарымен" (published); the others
# follow Kazakh grammar, not a published note (docs/notes.md).
KIND_INSTRUMENTAL_PLURAL = {
    "қаулы": "қаулыларымен",
    "бұйрық": "бұйрықтарымен",
    "жарлық": "Жарлықтарымен",
    "заң": "Заңдарымен",
}
# "Осы қаулы ..." / "Осы бұйрық ...": the act's kind as the closing point names itself.
KIND_SELF = {"қаулы": "қаулы", "бұйрық": "бұйрық", "жарлық": "Жарлық", "заң": "Заң"}
_KIND_CASES: dict[str, dict[str, str]] = {
    "nominative": KIND_NOMINATIVE,
    "genitive": KIND_GENITIVE,
    "dative": KIND_DATIVE,
    "instrumental": KIND_INSTRUMENTAL,
}

# The kinds in Russian: (nominative, accusative, genitive, instrumental).
KIND_RU = {
    "қаулы": ("постановление", "постановление", "постановления", "постановлением"),
    "бұйрық": ("приказ", "приказ", "приказа", "приказом"),
    "жарлық": ("Указ", "Указ", "Указа", "Указом"),
    "заң": ("Закон", "Закон", "Закона", "Законом"),
}

# The kind as a Russian heading names the act: "Постановление № 392 от 30.05.2025".
KIND_HEAD_RU = {kind: forms[0].capitalize() for kind, forms in KIND_RU.items()}

# The issuers whose genitive short form the published notes show ("ҚР Үкіметінің 30.05.2025 № 392 ...").
_SHORT_GENITIVE = {GOVERNMENT: "ҚР Үкіметінің", PRESIDENT: "ҚР Президентінің"}
_REPUBLIC = ("Қазақстан Республикасының ", "Қазақстан Республикасы ")
_REPUBLIC_SHORT = "ҚР "
# An official's title in the genitive: a minister's, a chairman's order (docs/notes.md, form 6).
_OFFICIAL_GENITIVE = (("министрі", "министрінің"), ("Төрағасы", "Төрағасының"))
# The issuer as an act's own text names it (392's heading "Қазақстан Республикасы Үкіметінің ...").
ISSUER_LONG_GENITIVE = {
    GOVERNMENT: "Қазақстан Республикасы Үкіметінің",
    PRESIDENT: "Қазақстан Республикасы Президентінің",
}
# The issuer in Russian, where known: nominative ("Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:") and
# genitive ("Постановление Правительства Республики Казахстан от ..."); the notes' short genitive ("... РК").
ISSUER_RU = {GOVERNMENT: ("Правительство Республики Казахстан", "Правительства Республики Казахстан")}
ISSUER_RU_SHORT = {GOVERNMENT: "Правительства РК", PRESIDENT: "Президента РК"}


def issuer_genitive(issuer: str) -> str:
    """The issuer as the reference bank's notes name it, in the genitive: "ҚР Үкіметінің", "ҚР Оқу-ағарту
    министрінің" (an issuer of a form the published notes do not show: as written, "ҚР" shortened)."""
    if issuer in _SHORT_GENITIVE:
        return _SHORT_GENITIVE[issuer]
    short = issuer
    for republic in _REPUBLIC:
        short = short.replace(republic, _REPUBLIC_SHORT)
    for word, form in _OFFICIAL_GENITIVE:
        if short.endswith(word):
            return short[: -len(word)] + form
    return short


def issuer_long_genitive(issuer: str) -> str:
    """The issuer as an act's own text names it: "Қазақстан Республикасы Үкіметінің" (else as written)."""
    return ISSUER_LONG_GENITIVE.get(issuer, issuer)


@lru_cache(maxsize=4096)
def day_month_year(day: dt.date) -> str:
    """``30.05.2025``: a date as the notes and citations print it (``%d.%m.%Y`` without strftime, which
    costs a few microseconds a call; the engine formats three citations per act, of the same date)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def bank_citation(issuer: str, kind: str, number: str, date: dt.date, case: Case = "instrumental") -> str:
    """The act as the reference bank cites it, in a case: "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен",
    "ҚР Оқу-ағарту министрінің 01.02.2024 № 5 бұйрығымен" (docs/notes.md, forms 2 and 6)."""
    return f"{issuer_genitive(issuer)} {day_month_year(date)} № {number} {_KIND_CASES[case][kind]}"


def bank_citation_ru(
    issuer: str,
    kind: str,
    number: str,
    date: dt.date,
    case: Literal["instrumental", "genitive", "nominative"] = "instrumental",
) -> str:
    """The act as the bank's Russian notes cite it: "постановлением Правительства РК от 30.05.2025 № 392"
    (an issuer with no known Russian name: as the act gives it)."""
    _, nominative_kind, genitive_kind, instrumental_kind = KIND_RU[kind]
    name = {"instrumental": instrumental_kind, "genitive": genitive_kind, "nominative": nominative_kind}[case]
    return f"{name} {ISSUER_RU_SHORT.get(issuer, issuer)} от {day_month_year(date)} № {number}"


def act_text_name(
    issuer: str, kind: str, number: str, date: dt.date, case: Literal["nominative", "instrumental"] = "nominative"
) -> str:
    """The act as an act's own text names it: "Қазақстан Республикасы Үкіметінің 2025 жылғы 30 мамырдағы № 392
    қаулысы" (or "... қаулысымен"); 392's heading "... № 748 қаулысына" is ``phrases.act_reference``."""
    day = f"{date.year} {_YEAR} {date.day} {MONTH_LOCATIVE[date.month - 1]}"
    return f"{issuer_long_genitive(issuer)} {day} № {number} {_KIND_CASES[case][kind]}"


_YEAR = "жылғы"

# -- months -----------------------------------------------------------------------------------------

# Nominative month names: deadlines in plans use them ("жыл сайын желтоқсан").
MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
# "2025 жылғы 30 мамырдағы" (the date of an act): the locative-attributive form of each month.
MONTH_LOCATIVE = (
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
)
# "2026 жылғы 1 қаңтардан бастап" (from a date): the ablative of each month.
MONTH_ABLATIVE = (
    "қаңтардан",
    "ақпаннан",
    "наурыздан",
    "сәуірден",
    "мамырдан",
    "маусымнан",
    "шілдеден",
    "тамыздан",
    "қыркүйектен",
    "қазаннан",
    "қарашадан",
    "желтоқсаннан",
)
# "2021 жылғы 1 шілдеге дейін" (until a date): the dative of each month.
MONTH_DATIVE = (
    "қаңтарға",
    "ақпанға",
    "наурызға",
    "сәуірге",
    "мамырға",
    "маусымға",
    "шілдеге",
    "тамызға",
    "қыркүйекке",
    "қазанға",
    "қарашаға",
    "желтоқсанға",
)
# "30 мая 2025 года": the Russian genitive of each month.
MONTHS_GENITIVE_RU = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)

# -- numbers ----------------------------------------------------------------------------------------

_UNITS = ("бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_UNIT_ORDINALS = ("бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы")
_TEN_ORDINALS = (
    "оныншы",
    "жиырмасыншы",
    "отызыншы",
    "қырқыншы",
    "елуінші",
    "алпысыншы",
    "жетпісінші",
    "сексенінші",
    "тоқсаныншы",
)


def cardinal(n: int) -> str:
    """A number in Kazakh words (1 to 99), as commencement clauses write days: 10 "он", 21 "жиырма бір"."""
    if not 0 < n < 100:
        raise ValueError(f"{n}: only 1 to 99 are written in words here")
    tens, unit = divmod(n, 10)
    return " ".join(w for w in (_TENS[tens - 1] if tens else "", _UNITS[unit - 1] if unit else "") if w)


def ordinal(n: int) -> str:
    """ "үшінші" for 3, "он бірінші" for 11, "жиырмасыншы" for 20 (1 to 99)."""
    if not 0 < n < 100:
        raise ValueError(f"no ordinal word for {n}")
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TEN_ORDINALS[tens - 1]
    return (f"{_TENS[tens - 1]} " if tens else "") + _UNIT_ORDINALS[unit - 1]


_CARDINAL_OF = {cardinal(n): n for n in range(1, 100)}
_ORDINAL_OF = {ordinal(n): n for n in range(1, 100)}
# Every word a number of 1 to 99 is made of (the importer glues a word the print broke by them).
NUMBER_WORDS = (*_UNITS, *_TENS)


def parse_cardinal(words: str) -> int | None:
    """10 for "он", 21 for "жиырма бір"; None if the words are no number of 1 to 99."""
    return _CARDINAL_OF.get(" ".join(words.lower().split()))


def parse_ordinal(words: str) -> int | None:
    """3 for "үшінші", 11 for "он бірінші"; None if the words are no ordinal of 1 to 99."""
    return _ORDINAL_OF.get(" ".join(words.lower().split()))


# "по истечении десяти календарных дней": the Russian genitive of each number of days the acts use.
NUMBER_WORDS_RU = {
    "одного": 1,
    "двух": 2,
    "трех": 3,
    "пяти": 5,
    "семи": 7,
    "десяти": 10,
    "пятнадцати": 15,
    "двадцати": 20,
    "тридцати": 30,
    "шестидесяти": 60,
    "девяноста": 90,
}

# -- morphology -------------------------------------------------------------------------------------

_VOWELS = set("аәеёиоөуұүыіэюя")
_FRONT = set("әеөүіиэ")
_BACK_OR_FRONT = set("аоұыуя") | set("әеөүіиэю")
_FRONT_LOCATIVE = set("әеөүіиэю")
_VOICELESS = set("кқпстфхцчшщ")
_GENITIVE_N = set("мнң")  # after a vowel or a nasal: -ның/-нің
_GENITIVE_D = set("лрйузж")  # after a sonorant or a voiced sibilant: -дың/-дің


def front(word: str) -> bool:
    """Vowel harmony: True when the word's last vowel is a front one ("тармақ" back, "бөлім" front)."""
    vowels = [c for c in word.lower() if c in _VOWELS]
    return bool(vowels) and vowels[-1] in _FRONT


def genitive(phrase: str) -> str:
    """The genitive of a noun phrase, on its last word: "жол картасы" -> "жол картасының", "жоспар" -> "жоспардың"."""
    word = phrase.rstrip()
    is_front = front(word)
    last = word[-1].lower()
    if last in _GENITIVE_D:  # checked first: a closing "у" sounds as a consonant ("тау" -> "таудың")
        ending = "дің" if is_front else "дың"
    elif last in _VOWELS or last in _GENITIVE_N:
        ending = "нің" if is_front else "ның"
    else:
        ending = "тің" if is_front else "тың"
    return word + ending


def locative(phrase: str) -> str:
    """The locative of a noun phrase, on its last word: "жоспар" -> "жоспарда", "картасы" -> "картасында"."""
    word = phrase.rstrip()
    vowels = [c for c in word.lower() if c in _BACK_OR_FRONT]
    is_front = bool(vowels) and vowels[-1] in _FRONT_LOCATIVE
    last = word[-1].lower()
    if word.lower().endswith(("сы", "сі")) or (last in "ыі" and len(word) > 2):
        # A possessive ending takes the pronominal n: "картасы" -> "картасында".
        return word + ("нде" if is_front else "нда")
    if last in _VOICELESS:
        return word + ("те" if is_front else "та")
    return word + ("де" if is_front else "да")
