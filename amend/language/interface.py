"""The words of our own texts around the acts' wording: the renderings' headings and labels, the currency
statement, the site's and the exports' interface, in Kazakh and Russian.

These are not legal text: they are the words a rendering stands them in. Legal text comes from the
sources, forms of notes and formulas from ``notes`` and ``phrases``.
"""

from __future__ import annotations

# -- a plan's legal facts (amend.engine.legal) -------------------------------------------------------

# "2023 – 2025 жылдарға арналған": the years a plan's title names (dash, en dash or hyphen).
TITLE_YEARS = r"(\d{4})\s*[–—-]\s*(\d{4})\s*жылдар"
# The currency statement of a rendering: the acts known on a day, or "none".
CURRENCY_KK = "{day} жағдай бойынша белгілі өзгерістер енгізетін актілер ескерілген: {acts}."
NONE_KK = "жоқ"
OTHER_ACTS_KK = " Өзгерістер енгізетін басқа актілер болуы мүмкін."

# -- how a text no source gives is shown ("unknown" in Kazakh) ---------------------------------------

UNKNOWN_MARK = "⟨белгісіз⟩"

# -- the DOCX template's own style names -------------------------------------------------------------

TABLE_TEXT_STYLE = "Кесте мәтіні"  # table cells
NOTE_STYLE = "Ескерту"  # the reference bank's notes

# -- the web pages ------------------------------------------------------------------------------------

PLANS = "Жоспарлар"
DRAFT = "Жоба"
DRAFT_TITLE = "Жоба: өзгерту актісінің мәтіні"
SAVED = "Сақталды (saved): {path}"
NO_TEXT = "Мәтін жоқ: paste the act's text or choose a file."

# -- words shared by the renderings -------------------------------------------------------------------

DELETED = "алып тасталды"  # a row struck out, in its place
DELETED_RU = "исключена"
PLAN_DATIVE = "Жоспарға"  # the cumulative note's element: the plan ("Ескерту. Жоспарға өзгерістер енгізілді")
NOTE_DATIVE = "Ескертпеге"  # ... the abbreviations note
ROWS_UNKNOWN = "Жолдары белгісіз."  # a (sub)section whose rows our sources do not give
SUBSECTION_UNKNOWN = "Кіші бөлімі {mark}"  # rows whose subsection is unknown
ABBREVIATIONS_HEADING = "Ескертпе: аббревиатуралардың толық жазылуы"
ROW_HISTORY = "{number}-жолдың тарихы"  # the title of a row number's link
TITLE_OF = "(атауы "  # "(атауы ⟨белгісіз⟩)": a column whose title is unknown
TITLE_OF_RU = "(наименование "
COMPARISON = "Салыстырмалы кесте"
COMPARISON_RU = "Сравнительная таблица"
# The comparative table's legend: (lead, struck, " – ...", bold, " – ...").
LEGEND = ("Белгілер: ", "сызылған қалың", " – алып тасталатын сөздер, ", "қалың", " – енгізілетін сөздер.")
LEGEND_RU = ("Обозначения: ", "зачёркнутый жирный", " – исключаемые слова, ", "жирный", " – добавляемые слова.")
DOCX_UNKNOWN = "[белгісіз]"
DOCX_UNKNOWN_RU = "[неизвестно]"
TITLE_UNKNOWN_RU = "{id} (наименование {mark})"

# -- Akoma Ntoso: the act's kind as its subtype -------------------------------------------------------

AKN_SUBTYPES = {"қаулы": "resolution", "бұйрық": "order", "жарлық": "decree", "заң": "law"}

# -- a rendering's standing lines (amend.queries.status) ----------------------------------------------

# The status words of the badge (the bank's own words where it has them: «Күшін жойған»).
STATUS_WORDS = {
    "not_yet_in_force": "әлі қолданысқа енгізілмеген",
    "in_force": "қолданыста",
    "repealed": "Күшін жойған",
    "suspended": "қолданылуы тоқтатыла тұрған",
}
STATUS = "Мәртебесі: {status}"
AS_FAR_AS_KNOWN = " (белгілі актілер бойынша)"  # only as far as the acts we know say
PERIOD_UNKNOWN = "Жоспар кезеңі: белгісіз"
PERIOD = "Жоспар кезеңі: {start} – {end}"
PERIOD_FROM_TITLE = " (атауынан алынған)"
PERIOD_ENDED = "; кезеңі аяқталды"

# -- the site -----------------------------------------------------------------------------------------

# Status badges: the reference bank's three labels, and ours for what it does not label.
BADGES: dict[str, str] = {
    "new": "Жаңа",  # the bank's: never amended
    "updated": "Жаңартылған",  # the bank's: amended
    "repealed": "Күшін жойған",  # the bank's: lost force
    "ended": "Мерзімі өткен",  # a version whose period has ended
    "draft": "Жоба",
    "future": "Әлі қолданысқа енгізілмеген",  # set in the browser, which knows today's date
}
# The Kazakh texts of the date picker's script (templates/site/picker.js), replaced in a Russian site.
PICKER_LABEL = 'v.label + " редакциясы"'
PICKER_LABEL_RU = '"редакция от " + v.label'
PICKER_NOT_YET = '"Бұл күні жоспар әлі қабылданбаған немесе қолданысқа енгізілмеген."'
PICKER_REPEALED = '"Бұл күні жоспардың күші жойылған."'
PICKER_FUTURE = '"Әлі қолданысқа енгізілмеген"'

# -- the spreadsheet export ---------------------------------------------------------------------------

SHEET_FIELDS = ("Өрістер", "Поля")  # (Kazakh, Russian): the machine names, for scripts and for the JSON
FIELDS_HEADER = (("Баған", "Тақырып", "Өріс (машиналық атауы)"), ("Столбец", "Заголовок", "Поле (машинное имя)"))
SHEET_STATUS = ("Мәртебесі", "Статус")
STATUS_REPEALED = ("Мәртебесі: Күшін жойған", "Статус: утративший силу")

# -- the comparative table's elements and remarks (amend.queries.compare) -----------------------------

PLAN = "Жоспар"
ROW = "{number}-жол"
NOTE_ENTRY = "Ескертпе, {code}"  # an abbreviation of the note
NAMED_TITLE = "{name} атауы"  # a heading's title
OPERATION = "{number}-операция"  # an operation of another act, by its order
ENTRY_DAY = "қолданысқа енгізілу күні: {day}"
SUSPEND = "қолданылуы тоқтатыла тұрсын"
SUSPEND_UNTIL = ", {day} дейін"
RESUME = "қолданылуы қайта басталады"
HIDDEN_OCCURRENCES = "{instruction}: {count} жағдайы мәтіні белгісіз бөлікте"


def heading_name(number: str) -> str:
    """ "1.2-кіші бөлім" (a subsection: a dotted number) or "1-бөлім"."""
    return f"{number}-кіші бөлім" if "." in number else f"{number}-бөлім"


def row_name(heading: str, number: str) -> str:
    """ "1.2-кіші бөлім, 23-1-жол": a row under its (sub)section's number."""
    return f"{heading_name(heading)}, {ROW.format(number=number)}"
