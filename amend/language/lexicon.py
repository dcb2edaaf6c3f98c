"""The words the importer reads texts by (the letters themselves are ``letters``): the words an amending act's
heading and enacting line are found by, the words the importer reads a printed plan by (headings, column
titles, amounts, page furniture), and the lookalike letters a print mixes in.

Patterns stand here as regular expressions (source text, or compiled where only the words differ).
"""

from __future__ import annotations

import re

from amend.language.cases import MONTHS

# -- letters -----------------------------------------------------------------------------------------

# Letters of a Roman numeral as a print types them in Cyrillic (І for I, Х for X, С for C, У for V).
ROMAN_LOOKALIKES = {"І": "I", "Х": "X", "С": "C", "У": "V"}
ROMAN_DIGITS = "IVXLCІХС"

# -- an amending act's heading and closing lines -----------------------------------------------------

# "ҚАУЛЫ ЕТЕДІ:" (the Government), "БҰЙЫРАМЫН:" (an order), "ҚАУЛЫ ЕТЕМІН:": the enacting line.
ENACTING = r"(ҚАУЛЫ ЕТЕДІ|БҰЙЫРАМЫН|ҚАУЛЫ ЕТЕМІН)\s*:"
ENACTING_WHO = r"^(?P<who>.+?)\s+(?:ҚАУЛЫ ЕТЕДІ|БҰЙЫРАМЫН)"
# "2024 жылғы 5 наурыздағы": a long date, the month in any case.
LONG_DATE = r"(?P<year>\d{4})\s+жылғы\s+(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)"
# "2026 жылғы 1 қаңтардан бастап": the day from which something holds.
FROM_DATE = r"(\d{4})\s+жылғы\s+(\d{1,2})\s+([^\W\d_]+)\s+бастап"
# "... № 748 қаулысына": the act a heading amends, by its number.
AMENDS = r"№\s*(\S+)\s+(?:қаулысына|бұйрығына|Жарлығына|жарлығына)"
# "Осы қаулы ... қолданысқа енгізіледі": the closing point on entry into force.
ENTRY_WORDS = r"^(?:\d+\.\s+)?Осы\s+.*қолданысқа\s+енгізіледі"
# '"X" деген аббревиатура': an abbreviation named in a words formula.
ABBREVIATION_NAMED = r"деген\s+аббревиатура(?!\w)"
# The example a message about an unread heading gives.
HEADING_EXAMPLE = "... 2024 жылғы 5 наурыздағы № 120 қаулысы"

# -- the importer's notes on words (messages quote the words they are about) --------------------------

PLAN_TITLE_WORD = "атауы"  # the plan's (or a section's) title
ACT_TITLE_WORD = "тақырыбы"  # the resolution's title


# "... № 120 қаулысы": the kind of act as a heading names it.
ACT_KIND_NOMINATIVE = "қаулысы|бұйрығы|Жарлығы|жарлығы|Заңы|заңы"

# -- repairing text extracted from a PDF (amend.importer.text) ---------------------------------------


# Words that stand alone in Kazakh (conjunctions, postpositions, particles): a line starting with
# one of them starts a new word even when the line before has no trailing space.
FUNCTION_WORDS = frozenset(
    {
        "және",
        "немесе",
        "мен",
        "бен",
        "пен",
        "не",
        "ал",
        "әрі",
        "яғни",
        "бірақ",
        "үшін",
        "туралы",
        "бойынша",
        "арқылы",
        "жөніндегі",
        "жөнінде",
        "сияқты",
        "дейін",
        "кейін",
        "бірге",
        "қатар",
        "сайын",
        "осы",
        "сол",
        "бұл",
        "оның",
        "олардың",
        "сондай-ақ",
        "т.б.",
    }
)

# Kazakh endings (plural, possessive, case, derivational, participle). A line that starts with a
# chain of them continues the word the line before broke off; a chain may begin inside an ending
# ("кітапханалард" / "ағы": "-да" + "-ғы").
ENDINGS = frozenset(
    [
        "лар",
        "лер",
        "дар",
        "дер",
        "тар",
        "тер",
        "ы",
        "і",
        "сы",
        "сі",
        "ым",
        "ім",
        "м",
        "ың",
        "ің",
        "ң",
        "мыз",
        "міз",
        "ымыз",
        "іміз",
        "ңыз",
        "ңіз",
        "ыңыз",
        "іңіз",
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "ға",
        "ге",
        "қа",
        "ке",
        "на",
        "не",
        "а",
        "е",
        "ны",
        "ні",
        "ды",
        "ді",
        "ты",
        "ті",
        "н",
        "да",
        "де",
        "та",
        "те",
        "нда",
        "нде",
        "дан",
        "ден",
        "тан",
        "тен",
        "нан",
        "нен",
        "мен",
        "бен",
        "пен",
        "ымен",
        "імен",
        "ғы",
        "гі",
        "қы",
        "кі",
        "лық",
        "лік",
        "дық",
        "дік",
        "тық",
        "тік",
        "лы",
        "лі",
        "сыз",
        "сіз",
        "шы",
        "ші",
        "у",
        "ған",
        "ген",
        "қан",
        "кен",
        "атын",
        "етін",
        "йтын",
        "йтін",
    ]
)

# No Kazakh word begins with these letters: a line starting with one continues a word.
NEVER_INITIAL = frozenset("ыңьъ")

UPPER_CODE = re.compile(r"^[^\W\d_a-zа-яәғқңөұүһіё]{2,}[,;]?$", re.UNICODE)

# Latin letters that print like Cyrillic ones; PDFs of the bank mix them into Cyrillic words.
LOOKALIKE = str.maketrans("aceopxyiABCEHKMOPTXI", "асеорхуіАВСЕНКМОРТХІ")

# -- annex (amend.importer.base_plan.annex) ----------------------------------------------------------------


FUNDS = ("РБ", "ЖБ", "ДБ", "ЖҚ", "ҰҚ")

COST_TOKENS = frozenset(
    {
        "талап",
        "етілмейді",
        "көзделген",
        "көздеген",
        "қаражат",
        "шегінде",
        "шеңберінде",
        "бюджеттен",
        "тыс",
        "және",
        "млн",
        "млн.",
        "теңге",
        "теңге;",
    }
)

# "(келісу бойынша)" (by agreement) after a code, printed across lines; a bare "бойынша" is the measure's.
AGREEMENT = frozenset({"(келісу", "бойынша)", "бойынша),", "(келісу бойынша)", ")", ","})

CODE = re.compile(r"[^\W\d_a-zа-яәғқңөұүһіё]{2,10}")

# Endings that make a word a modifier of the noun after it: an adjective in -лық/-лік/-дық/-дік/-тық/-тік
# ("әдістемелік ұсынымдар"), a dative ("Үкіметке ақпарат", "БҒМ-ге ақпарат").
ADJECTIVE = re.compile(r"(?:лық|лік|дық|дік|тық|тік)$")

DATIVE = re.compile(r"(?:ге|ға|ке|қа)$")

PLURAL_ITEM = re.compile(r"(?:лар|лер|дар|дер|тар|тер)[,;]$")

POSSESSIVE = re.compile(r"(?:сы|сі)$")

VERBAL_NOUN = re.compile(r"[^\W\d_][ую]$")

# Endings that complete the beginning of an amount, to tell whether a text can still become one.
AMOUNT_ENDS = (
    "",
    " теңге",
    " млн теңге",
    " 0 млн теңге",
    " – 0 млн теңге",
    " жылы – 0 млн теңге",
    " 2000 жылы – 0 млн теңге",
)

# -- rows (amend.importer.rows) ----------------------------------------------------------------


CODE_FALLBACK = r"[^\W\d_a-zа-яәғқңөұүһіё]{2,10}"

# -- cells (amend.importer.act.cells) ----------------------------------------------------------------


BACK = set("аоұыяуё")

FRONT = set("әеөүіиэю")

# Particles written apart that are also endings ("балалар да"): never glued to the word before.
# Particles, conjunctions and postpositions written apart that are also endings ("балалар да", "ата-аналар мен"):
# a closed class of the language, never glued to the word before.
PARTICLES = frozenset(
    {"да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе", "ғой", "қой", "ғана", "қана", "мен", "бен", "пен"}
    | {"дейін", "шейін", "сайын", "арқылы", "үшін", "бойы", "ғой", "ше", "шы", "ау", "ақ"}
)

CAPITALS = r"[А-ЯӘҒҚҢӨҰҮҺІЁA-Z]+"

# -- base (amend.importer.base_plan.base) ----------------------------------------------------------------


ROMAN = r"[IVXLCІХ]+"

# "Аббревиатуралардың толық жазылуы:", also after "Ескертпе:" / "Ескерту:" (a note), or "Қысқартулардың ..."
# (shortenings), in any case.
NOTE_HEAD = re.compile(
    r"^\s*(?:ескерт(?:пе|у)\s*:?\s*)?(?:аббревиатуралардың|қысқартулардың)\s+толық\s+жазылу(?:ы|лары)\s*:\s*$",
    re.IGNORECASE,
)

# "КОД – толық жазылуы": the dash printed as an en dash, an em dash or a hyphen (a hyphen only spaced, as
# words are hyphenated); a code of one to three words, each opening with a capital.
NOTE_LINE = re.compile(
    r"^\s*(?P<code>[^\W\d_a-zа-яәғқңөұүһіё][^\s–—]*(?:\s[^\W\d_a-zа-яәғқңөұүһіё][^\s–—]*){0,2}?)"
    r"(?:\s*[–—]\s*|\s+-\s+)(?P<expansion>\S.*?)\s*$"
)

NAME = re.compile(r"^(?:[А-ЯӘҒҚҢӨҰҮҺІ]\.\s*){1,2}[А-ЯӘҒҚҢӨҰҮҺІ]\S+$")

BASE_ENACTING = re.compile(r"ҚАУЛЫ ЕТЕДІ\s*:")

# -- russian (amend.importer.act.russian) ----------------------------------------------------------------


RUSSIAN_ROMAN_LOOKALIKES = str.maketrans({"І": "I", "Х": "X", "С": "C"})

ACT_RU = re.compile(
    r"^(?P<kind>Постановление|Приказ|Указ|Закон)\s+(?P<issuer>.+?)\s+от\s+(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)"
    r"\s+(?P<year>\d{4})\s+года\s+№\s*(?P<number>\S+?)\.?$"
)

ACT_START = re.compile(r"^(?:Постановление|Приказ|Указ|Закон)\s+\S+.*\sот\s")

# What a Russian cell of a column with a vocabulary of its own looks like (``rows.column_kinds``): a row whose
# printed cells do not fit is not read cell by cell (its cells would be shifted), it is left unknown (REVIEW).
MONTHS_RU = "январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр"

VOCABULARY_RU = {
    "deadline": re.compile(
        rf"20\d\d|{MONTHS_RU}|ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно|постоянно|полугоди|квартал|"
        r"по мере|в течение|раз в",
        re.IGNORECASE,
    ),
    # A code first ("МИО областей, городов ..." names bodies after it in words).
    "executors": re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}"),
    "cost": re.compile(r"^-$|не требуется|\d|в пределах|средств|бюджет", re.IGNORECASE),
    "funding": re.compile(r"^-$|бюджет|РБ|МБ|ВБ|средств|не требуется|спонсор|международн", re.IGNORECASE),
}

ENTRY_WORDS_RU = re.compile(r"^(?:\d+\.\s+)?Настоящее\s+.*вводится\s+в\s+действие")

# Rows of a plan as printed: deadlines, amounts, costs, funding (amend.importer.rows).

ROWS_S = r"\s+"
ROWS_MONTH = "(?:" + "|".join(MONTHS) + ")"
ROWS_YEAR = r"20\d\d"
ROWS_MONTHS = rf"(?:\d{{1,2}}{ROWS_S})?{ROWS_MONTH}(?:(?:\s*,|{ROWS_S}және){ROWS_S}(?:\d{{1,2}}{ROWS_S})?{ROWS_MONTH})*"
ROWS_YEARS = rf"{ROWS_YEAR}(?:\s*[–-]\s*{ROWS_YEAR})?"
# Deadlines as plans state them: "жыл сайын қараша", "2026 жылғы наурыз", "2020 – 2023 жылдар",
# "2021 жылдың екінші жартыжылдығы", "тоқсан сайын".
ROWS_DEADLINE = "|".join(
    [
        rf"жыл{ROWS_S}сайын{ROWS_S}{ROWS_MONTHS}",
        rf"жарты{ROWS_S}жылда{ROWS_S}бір{ROWS_S}рет",
        rf"тоқсан{ROWS_S}сайын",
        rf"{ROWS_YEARS}{ROWS_S}(?:жылғы|жылдардағы|жылдары){ROWS_S}{ROWS_MONTHS}",
        rf"{ROWS_YEAR}{ROWS_S}жылдың{ROWS_S}(?:бірінші|екінші|үшінші|төртінші){ROWS_S}(?:жартыжылдығы|тоқсаны)",
        rf"{ROWS_YEARS}{ROWS_S}жыл(?:дар)?",
        r"тұрақты",
    ]
)
ROWS_AMOUNT = rf"(?:{ROWS_YEAR}{ROWS_S}жылы\s*[–-]\s*)?\d[\d ]*(?:,\s*\d+)?{ROWS_S}млн\.?{ROWS_S}теңге"
# Costs: "талап етілмейді", "-", "2024 жылы – 150, 5 млн теңге; 2025 жылы – ...", a bare figure.
# A cost in words: "РБ көзделген қаражат шегінде" (within the means the budget provides).
ROWS_COST_WORDS = (
    rf"талап{ROWS_S}етілмейді|(?:РБ|ЖБ|ДБ)(?:{ROWS_S}және{ROWS_S}(?:РБ|ЖБ|ДБ))?{ROWS_S}(?:көзделген|көздеген){ROWS_S}қаражат{ROWS_S}"
    rf"(?:шегінде|шеңберінде)|бюджеттен{ROWS_S}тыс{ROWS_S}қаражат{ROWS_S}(?:шегінде|шеңберінде)"
)
ROWS_COST = "|".join([ROWS_COST_WORDS, r"-", rf"{ROWS_AMOUNT}(?:\s*;\s*{ROWS_AMOUNT})*", r"\d[\d ]*(?:,\s*\d+)?"])
# Funding: "-", or a source (РБ, ЖБ, ДБ, budget or other means) to the end of its cell.
ROWS_FUNDING = rf"-|талап{ROWS_S}етілмейді|(?:РБ|ЖБ|ДБ|ЖҚ|бюджет|бюджеттен|демеуші|халықаралық|қаражат)\b[^\n]*"

# The annex table of a base plan: costs, deadlines, amounts (amend.importer.base_plan.annex).

ANNEX_S = r"\s+"
ANNEX_FUNDS = FUNDS
# A cost in words: "талап етілмейді", "РБ, ЖБ көзделген қаражат шеңберінде" (within the means a budget provides).
ANNEX_FUND = "(?:" + "|".join(ANNEX_FUNDS) + ")"
ANNEX_COST_WORDS = re.compile(
    rf"талап{ANNEX_S}етілмейді|{ANNEX_FUND}(?:(?:\s*,\s*|{ANNEX_S}және{ANNEX_S}){ANNEX_FUND})*{ANNEX_S}(?:көзделген|көздеген){ANNEX_S}қаражат{ANNEX_S}"
    rf"(?:шегінде|шеңберінде)|бюджеттен{ANNEX_S}тыс{ANNEX_S}қаражат{ANNEX_S}(?:шегінде|шеңберінде)"
)
ANNEX_FIGURE = re.compile(r"\d+(?:,\d+)?")
# Deadlines beyond the shared vocabulary (rows.py): "жыл сайын 25 желтоқсанға дейін", "2024 жылғы IV тоқсан".
ANNEX_MONTH_DATIVE = "(?:" + "|".join(MONTHS) + ")(?:ға|ге|қа|ке)"
ANNEX_DEADLINE_MORE = (
    rf"(?:жыл{ANNEX_S}сайын|20\d\d{ANNEX_S}жылғы)(?:{ANNEX_S}\d{{1,2}})?{ANNEX_S}{ANNEX_MONTH_DATIVE}{ANNEX_S}дейін"
    rf"|(?:20\d\d{ANNEX_S}жылғы{ANNEX_S}|жыл{ANNEX_S}сайын{ANNEX_S})?(?:IV|I{{1,3}}|І{{1,3}}){ANNEX_S}тоқсан(?:ы)?"
)
# Amounts by year, as a cost cell states them: "2024 жылы – 150, 5 млн теңге; 2025 жылы – 160 млн теңге".
ANNEX_AMOUNT = rf"(?:20\d\d{ANNEX_S}жылы\s*[–-]\s*)?\d+(?:,\s*\d+)?{ANNEX_S}млн\.?{ANNEX_S}теңге"
ANNEX_AMOUNTS = re.compile(rf"{ANNEX_AMOUNT}(?:\s*;\s*{ANNEX_AMOUNT})*")
ANNEX_BUDGET_CODE = re.compile(r"\d{3}")
ANNEX_COST_TOKENS = COST_TOKENS
ANNEX_DEADLINE_TOKENS = frozenset(
    {
        "жыл",
        "жылы",
        "жылғы",
        "жылдың",
        "жылдар",
        "жылдары",
        "жылдардағы",
        "жылда",
        "сайын",
        "жарты",
        "бір",
        "рет",
        "тоқсан",
        "тоқсаны",
        "бірінші",
        "екінші",
        "үшінші",
        "төртінші",
        "жартыжылдығы",
        "тұрақты",
        "және",
        "–",
        "—",
    }
    | set(MONTHS)
)

# -- words the importer's functions look for ----------------------------------------------------------

DEADLINE_WORD = "мерзім"  # a column title that names a deadline
AMOUNT_WORD = "сома"  # ... an amount
# The signatory's line: a position, then initials and a surname ("Қазақстан Республикасының Премьер-Министрі
# О. Бектенов").
SIGNATORY = r"^(?P<position>.*(?:Министрі|Президенті|Төрағасы|атқарушы))\s+(?P<name>(?:[А-ЯӘҒҚҢӨҰҮҺІ]\.\s*){1,2}\S+)$"
# Point 1 of a base plan's resolution: "Қоса беріліп отырған <the plan's title> бекітілсін".
APPROVED_PLAN = r"Қоса беріліп отырған\s+(.+?)(?:\s+\(бұдан әрі\b.*?\))?\s+бекітілсін"
APPROVED_PLAN_EXAMPLE = "Қоса беріліп отырған ..."
GOVERNMENT_RESOLVES = r"\s+ҚАУЛЫ ЕТЕДІ"
REPUBLIC_LINE = r"^Қазақстан\s+Республикасы(?:ның)?\s*$"
NOTE_HEAD_LINE = r"\s*ескерт(?:пе|у)\s*:?\s*"
# A Roman numeral as printed, its Cyrillic lookalikes read as Latin.
ROMAN_AS_LATIN = str.maketrans({"І": "I", "Х": "X"})
# The annex: a short run of lower-case letters (an ending broken off), deadline and amount words.
LOWER_FRAGMENT = r"[а-яәғқңөұүһіё]{1,4}[,;]?"
DEADLINE_PIECE = r"20\d\d\s*[–-]\s*20\d\d|\d{1,2}|[IVІ]{1,3}|IV|дейін"
YEAR_OR_MILLION = r"жылы|млн"
IN_YEAR = r"20\d\d жылы [–-]"
AMOUNT_PIECE = r"жылы|[–-]|теңге;|20\d\d"
TENGE_END = "теңге;"
AND = "және"
PROVIDED = ("көзделген", "көздеген")
NOT_REQUIRED = "талап"  # "талап етілмейді": not required
# The Russian heading: the act a Russian heading amends, and the example a message gives.
AMENDS_RU = r"(?:постановлени[ея]|приказ|Указ)\s+.*?№\s*(\S+?)(?=[\s\"«]|$)"
HEADING_EXAMPLE_RU = "Постановление Правительства Республики Казахстан от 30 мая 2025 года № 392"
