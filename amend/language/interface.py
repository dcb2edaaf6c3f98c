"""The words of our own texts around the acts' wording: the renderings' headings and labels, the currency
statement, the site's and the exports' interface, in Kazakh and Russian.

These are not legal text: they are the words a rendering stands them in. Legal text comes from the
sources, forms of notes and formulas from ``notes`` and ``phrases``.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- a plan's legal facts (amend.engine.legal) -------------------------------------------------------

# "2023 – 2025 жылдарға арналған": the years a plan's title names (dash, en dash or hyphen).
TITLE_YEARS = r"(\d{4})\s*[–—-]\s*(\d{4})\s*жылдар"
# The currency statement of a rendering: the acts known on a day, or "none".
CURRENCY_KK = "{day} жағдай бойынша белгілі өзгерістер енгізетін актілер ескерілген: {acts}."
NONE_KK = "жоқ"
OTHER_ACTS_KK = " Өзгерістер енгізетін басқа актілер болуы мүмкін."
CURRENCY_RU = "Учтены известные акты о внесении изменений по состоянию на {day}: {acts}."
NONE_RU = "нет"
OTHER_ACTS_RU = " Могут быть и другие акты о внесении изменений."

# -- how a text no source gives is shown ("unknown" in Kazakh) ---------------------------------------

UNKNOWN_MARK = "⟨белгісіз⟩"

# -- the DOCX template's own style names -------------------------------------------------------------

TABLE_TEXT_STYLE = "Кесте мәтіні"  # table cells
NOTE_STYLE = "Ескерту"  # the reference bank's notes

# -- the web pages ------------------------------------------------------------------------------------

PLANS = "Жоспарлар"
DRAFT = "Жоба"
DRAFT_TITLE = "Жоба: өзгерту актісінің мәтіні"

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

# The drafting page (web /draft), in the drafter's language: ``?ui=kk`` or ``?ui=ru`` (else the browser's
# Accept-Language, else Kazakh). Our interface only: the act's text, the YAML and the engine's problem
# messages stay as they are (the problems are the tool's, as `amend check` prints them).
# Each interface language by its own name, for the switch at the top of the page.
WORKBENCH_LANGUAGES = (("kk", "қазақша"), ("ru", "русский"))
WORKBENCH: dict[str, dict[str, str]] = {
    "kk": {
        "html_lang": "kk",
        "plans": PLANS,
        "draft": DRAFT,
        "title": DRAFT_TITLE,
        "heading": "Жоба: өзгерту актісі",
        "lead": (
            "Өзгерістер енгізетін қаулының мәтінін қойыңыз немесе файлын таңдаңыз (.docx, .txt не жобаның .yaml "
            "файлы): мәтіннен оқылған операциялар, тексерілетін орындар, қателер, салыстырмалы кесте және "
            "өзгертілген жоспар көрсетіледі."
        ),
        "interface": "Интерфейс:",
        "text": "Актінің мәтіні",
        "file": "Файл:",
        "text_lang": "Мәтіннің тілі:",
        "text_kk": "қазақша",
        "text_ru": "орысша (қазақша мәтіндері белгісіз)",
        "pair": "Сол актінің орысша мәтіні (міндетті емес)",
        "read": "Оқу",
        "operations": "операциялар",
        "rows": "жолдар",
        "abbreviations": "аббревиатуралар",
        "in_force": "қолданысқа енгізілу күні",
        "check": "Тексеру",
        "download_compare": "Салыстырмалы кесте (DOCX)",
        "download_text": "Актінің мәтіні (DOCX)",
        "save": "Жоба ретінде сақтау",
        "overwrite": "файл бар болса, қайта жазу",
        "problems": "Қателер",
        "no_problems": "Қате жоқ: жоба қолданылады; тіркелген соң «amend check» командасы да осыны айтады.",
        "review": "REVIEW: тексерілетін орындар",
        "yaml_line": "YAML, {line}-жол",
        "no_review": "REVIEW белгісі қойылған орын жоқ.",
        "lint": "Ұсыныстар (amend lint)",
        "sentences": "Операциялар, әрқайсысы өзі оқылған сөйлемнің қасында",
        "no_operation": "(операция жоқ: тек түсініктеме)",
        "comparison": COMPARISON,
        "version": "{day} жағдай бойынша жоспар",
        "saved": "Сақталды: {path}",
        "no_text": "Мәтін жоқ: актінің мәтінін қойыңыз немесе файлын таңдаңыз.",
        "pair_needs_kazakh": (
            "Орысша мәтін қазақша мәтіннің қасында ғана оқылады: бірінші мәтіннің тілі ретінде «қазақша» "
            "таңдаңыз, не орысша мәтінді жеке оқу үшін екінші өрісті бос қалдырыңыз."
        ),
        "yaml_empty": "Жобаның YAML мәтіні бос.",
        "has_problems": "Жобада қателер бар: жүктеп алмас бұрын оларды түзетіңіз.",
    },
    "ru": {
        "html_lang": "ru",
        "plans": "Планы",
        "draft": "Проект",
        "title": "Проект: текст акта о внесении изменений",
        "heading": "Проект: акт о внесении изменений",
        "lead": (
            "Вставьте текст постановления о внесении изменений или выберите его файл (.docx, .txt или .yaml "
            "проекта): будут показаны прочитанные из текста операции, места для проверки, ошибки, "
            "сравнительная таблица и план в новой редакции."
        ),
        "interface": "Интерфейс:",
        "text": "Текст акта",
        "file": "Файл:",
        "text_lang": "Язык текста:",
        "text_kk": "казахский",
        "text_ru": "русский (тексты на казахском неизвестны)",
        "pair": "Русский текст того же акта (необязательно)",
        "read": "Прочитать",
        "operations": "операции",
        "rows": "строки",
        "abbreviations": "аббревиатуры",
        "in_force": "вводится в действие",
        "check": "Проверить",
        "download_compare": "Сравнительная таблица (DOCX)",
        "download_text": "Текст акта на казахском (DOCX)",
        "save": "Сохранить как проект",
        "overwrite": "перезаписать файл, если он есть",
        "problems": "Ошибки",
        "no_problems": "Ошибок нет: проект применяется; «amend check» скажет то же, когда он будет подан.",
        "review": "REVIEW: места для проверки",
        "yaml_line": "YAML, строка {line}",
        "no_review": "Мест с пометкой REVIEW нет.",
        "lint": "Замечания (amend lint)",
        "sentences": "Операции рядом с предложениями, из которых они прочитаны",
        "no_operation": "(операции нет: только комментарий)",
        "comparison": COMPARISON_RU,
        "version": "План по состоянию на {day}",
        "saved": "Сохранено: {path}",
        "no_text": "Текста нет: вставьте текст акта или выберите его файл.",
        "pair_needs_kazakh": (
            "Русский текст читается только рядом с казахским: выберите «казахский» как язык первого текста "
            "или оставьте второе поле пустым, чтобы прочитать русский текст отдельно."
        ),
        "yaml_empty": "YAML проекта пуст.",
        "has_problems": "В проекте есть ошибки: исправьте их перед скачиванием.",
    },
}

# The comparative table's legend: (lead, struck, " – ...", bold, " – ...").
LEGEND = ("Белгілер: ", "сызылған қалың", " – алып тасталатын сөздер, ", "қалың", " – енгізілетін сөздер.")
LEGEND_RU = ("Обозначения: ", "зачёркнутый жирный", " – исключаемые слова, ", "жирный", " – добавляемые слова.")
DOCX_UNKNOWN = "[белгісіз]"
DOCX_UNKNOWN_RU = "[неизвестно]"
TITLE_UNKNOWN_RU = "{id} (наименование {mark})"

# -- Akoma Ntoso: the act's kind as its subtype -------------------------------------------------------

AKN_SUBTYPES = {"қаулы": "resolution", "бұйрық": "order", "жарлық": "decree", "заң": "law"}

# -- a rendering's standing lines (amend.queries.status) ----------------------------------------------

REPEALED_BADGE = "Күшін жойған"  # the bank's word for an act that lost force


@dataclass(frozen=True)
class StandingWords:
    """The words of a rendering's standing lines in one language: the status badge, the period."""

    status: str  # "Мәртебесі: {status}"
    statuses: dict[str, str]  # by status name
    as_far_as_known: str  # only as far as the acts we know say
    period: str
    period_unknown: str
    period_from_title: str
    period_ended: str


# Kazakh: the status words are the bank's own where it has them («Күшін жойған»). Russian (``--lang ru``
# renderings, the Russian site): our interface's words ("утративший силу", as the Russian site's badge says).
STANDING_WORDS = {
    "kk": StandingWords(
        status="Мәртебесі: {status}",
        statuses={
            "not_yet_in_force": "әлі қолданысқа енгізілмеген",
            "in_force": "қолданыста",
            "repealed": REPEALED_BADGE,
            "suspended": "қолданылуы тоқтатыла тұрған",
        },
        as_far_as_known=" (белгілі актілер бойынша)",
        period="Жоспар кезеңі: {start} – {end}",
        period_unknown="Жоспар кезеңі: белгісіз",
        period_from_title=" (атауынан алынған)",
        period_ended="; кезеңі аяқталды",
    ),
    "ru": StandingWords(
        status="Статус: {status}",
        statuses={
            "not_yet_in_force": "еще не введен в действие",
            "in_force": "действует",
            "repealed": "утративший силу",
            "suspended": "действие приостановлено",
        },
        as_far_as_known=" (по известным актам)",
        period="Период плана: {start} – {end}",
        period_unknown="Период плана: неизвестен",
        period_from_title=" (из наименования)",
        period_ended="; период истек",
    ),
}

# -- the site -----------------------------------------------------------------------------------------

# Status badges: the reference bank's three labels, and ours for what it does not label.
BADGES: dict[str, str] = {
    "new": "Жаңа",  # the bank's: never amended
    "updated": "Жаңартылған",  # the bank's: amended
    "repealed": REPEALED_BADGE,  # the bank's: lost force
    "ended": "Мерзімі өткен",  # a version whose period has ended
    "draft": DRAFT,
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


# -- the static site's interface (amend.outputs.site_words) ------------------------------------------

BADGES_RU: dict[str, str] = {
    "new": "Новый",
    "updated": "Обновленный",
    "repealed": "Утративший силу",
    "ended": "Срок истек",
    "draft": "Проект",
    "future": "Еще не введен в действие",
}

SITE_KK: dict[str, str] = {
    "html_lang": "kk",
    "plans": PLANS,
    "versions_latest": "редакция, соңғысы",
    "picker": "Белгілі бір күні қолданыста болған редакция",
    "day": "Күні:",
    "versions": "Редакциялар",
    "in_force": "Қолданыста",
    "status": "Мәртебесі",
    "acts_of": "Өзгерістер енгізген актілер",
    "text": "Мәтіні",
    "download": "Жүктеу",
    "original": "бастапқы редакция",
    "acts": "Өзгерту актілері: салыстырмалы кестелер",
    "changes": "өзгеріс",
    "no_acts": "Өзгерту актілері жоқ.",
    "rows": "Жолдардың тарихы",
    "rows_incomplete": "Жоспардың барлық жолдары белгілі емес: тек дереккөздерде бар жолдар көрсетілген.",
    "draft_badge": DRAFT,
    "draft_notice": "Жоба: әлі қабылданбаған акт, жоспардың соңғы редакциясына қолданылды.",
    "column": "Баған",
    "changes_head": "Өзгерістер",
    "version_acts": "Осы редакцияны енгізген актілер:",
    "download_colon": "Жүктеу:",
    "adopted": "Қабылданған",
    "draft_status": "жоба",
    "comparative": COMPARISON,
    "not_comparable": "салыстыру мүмкін емес",
    "unchanged": "өзгерген жоқ",
    "row_deleted": "Жоспарда жоқ: жол алып тасталды.",
    "row_unknown": "Жол жоспарда бар, мәтіні {mark}.",
    "row_in_force": "Жол осы мәтінде қолданыста.",
    "picker_not_yet": "Бұл күні жоспар әлі қабылданбаған немесе қолданысқа енгізілмеген.",
    "picker_repealed": "Бұл күні жоспардың күші жойылған.",
}
SITE_RU: dict[str, str] = {
    "html_lang": "ru",
    "plans": "Планы",
    "versions_latest": "ред., последняя от",
    "picker": "Редакция, действовавшая в определенный день",
    "day": "Дата:",
    "versions": "Редакции",
    "in_force": "Действует",
    "status": "Статус",
    "acts_of": "Акты, внесшие изменения",
    "text": "Текст",
    "download": "Скачать",
    "original": "первоначальная редакция",
    "acts": "Изменяющие акты: сравнительные таблицы",
    "changes": "изм.",
    "no_acts": "Изменяющих актов нет.",
    "rows": "История строк",
    "rows_incomplete": "Известны не все строки плана: показаны только строки, приведенные в источниках.",
    "draft_badge": "Проект",
    "draft_notice": "Проект: акт еще не принят, применен к последней редакции плана.",
    "column": "Графа",
    "changes_head": "Изменения",
    "version_acts": "Акты, которыми внесена эта редакция:",
    "download_colon": "Скачать:",
    "adopted": "Принятый",
    "draft_status": "проект",
    "comparative": COMPARISON_RU,
    "not_comparable": "сравнение невозможно",
    "unchanged": "без изменений",
    "row_deleted": "В плане нет: строка исключена.",
    "row_unknown": "Строка в плане есть, ее текст {mark}.",
    "row_in_force": "Строка действует в этой редакции.",
    "picker_not_yet": "В этот день план еще не принят или не введен в действие.",
    "picker_repealed": "В этот день план утратил силу.",
}


# The site's phrases around a date or an act (``{day}``: the long date of the interface's language; ``{act}``:
# the act as the interface names it), Kazakh and Russian.
SITE_PHRASES_KK: dict[str, str] = {
    "edition": "{day} редакциясы",
    "plan_in": "{day} редакциясындағы жоспар",
    "approved": "{act} бекітілген.",
    "as_enacted": "{act} бекітілген редакция.",
    "repealed": "Жоспардың күші {day} бастап жойылды.",
    "in_force_since": "қолданысқа енгізілді {day}",
    "row_title": "№ {plan} жоспары, {number}-жол: тарихы",
    "row_name": "{number}-жол",
}
SITE_PHRASES_RU: dict[str, str] = {
    "edition": "редакция от {day}",
    "plan_in": "План в редакции от {day}",
    "span": "с {day} {until}",
    "until": "по {day}",
    "latest": "(последняя по известным актам)",
    "approved": "Утвержден {act}.",
    "as_enacted": "Редакция, утвержденная {act}.",
    "act": "{kind}{who} от {day} № {number}",
    "repealed": "План утратил силу с {day}.",
    "in_force_since": "введен в действие {day}",
    "row_title": "План № {plan}, строка {number}: история",
    "row_name": "строка {number}",
}

# -- column heads where the official title is unknown, export fields (amend.outputs.labels) -----------

# Visible on every head we wrote ourselves: "the title is not the act's".
OUR_LABEL_MARK = "[атауы ресми емес]"

# What the column ids of the shipped plans hold (read off their cells, not off an official head).
COLUMN_DESCRIPTIONS: dict[str, str] = {
    "measure": "Іс-шара",
    "form": "Аяқталу нысаны",
    "executors": "Орындаушылар",
    "deadline": "Орындау мерзімі",
    "cost": "Шығыстар",
    "cost_total": "Шығыстар, барлығы",
    "funding": "Қаржыландыру көзі",
    "budget_program": "Бюджеттік бағдарлама",
}
YEAR_COST = "{year} жылғы шығыстар"
YEAR_COST_RU = "Расходы {year} года"
COLUMNS_BY_ROLE: dict[str, str] = {
    "executors": "Орындаушылар",
    "amount": "Сома",
    "funding": "Қаржыландыру көзі",
    "text": "Мәтін",
}


# The same in Russian (``lang="ru"``): our interface's words, not a text of the plan (the plan's own
# Russian titles, where a source gives them, come first, as the Kazakh ones do).
OUR_LABEL_MARK_RU = "[название неофициальное]"
COLUMN_DESCRIPTIONS_RU: dict[str, str] = {
    "measure": "Мероприятие",
    "form": "Форма завершения",
    "executors": "Исполнители",
    "deadline": "Срок исполнения",
    "cost": "Расходы",
    "cost_total": "Расходы, всего",
    "funding": "Источник финансирования",
    "budget_program": "Бюджетная программа",
}
COLUMNS_BY_ROLE_RU: dict[str, str] = {
    "executors": "Исполнители",
    "amount": "Сумма",
    "funding": "Источник финансирования",
    "text": "Текст",
}
EXPORT_FIELDS: dict[str, dict[str, str]] = {
    "kk": {
        "number": "Жол №",
        "sort_key": "Жол ретінің кілті (сұрыптау үшін)",
        "section": "Бөлім",
        "subsection": "Кіші бөлім",
        "codes": "кодтар",
        "amount": "сан",
        "last_act": "Соңғы өзгерткен акт №",
        "last_act_date": "Соңғы өзгерткен актінің күні",
        "last_in_force": "Соңғы өзгерістің қолданысқа енгізілген күні",
        "last_change": "Соңғы өзгерістің түрі",
        "unknown": "Дереккөздерде берілмеген бөліктері",
    },
    "ru": {
        "number": "№ строки",
        "sort_key": "Ключ порядка строк (для сортировки)",
        "section": "Раздел",
        "subsection": "Подраздел",
        "codes": "коды",
        "amount": "число",
        "last_act": "№ акта последнего изменения",
        "last_act_date": "Дата акта последнего изменения",
        "last_in_force": "Дата введения в действие последнего изменения",
        "last_change": "Вид последнего изменения",
        "unknown": "Части, не приведенные в источниках",
    },
}

# -- the layout of a rendered plan (amend.outputs.markdown), and the words every rendering shares ---------

# The words of the layout in each language (the texts themselves come from the plan).
LAYOUT_WORDS = {
    "kk": {
        "approved": "{} бекітілген.",
        "version": "Редакция: {}",
        "current": "(қазіргі)",
        "columns_unknown": "Бағандар атаулары {}: кестеде баған идентификаторлары көрсетілген.",
        "rows_incomplete": "Жоспардың барлық жолдары белгілі емес: тек дереккөздерде бар жолдар көрсетілген.",
        "subsection_unknown": "Кіші бөлімі {}",
        "rows_unknown": ROWS_UNKNOWN,
        "abbreviations": ABBREVIATIONS_HEADING,
        "deleted": DELETED,
        "points_unknown": "Қаулының кіріспесі мен тармақтары дереккөздерде берілмеген.",
        "annex": "Қосымша",
        "annex_notes": "Ескертпелер",
    },
    "ru": {
        "approved": "Утвержден {}.",
        "version": "Редакция: {}",
        "current": "(действующая)",
        "columns_unknown": "Наименования граф {}: в таблице указаны идентификаторы граф.",
        "rows_incomplete": "Известны не все строки плана: показаны только строки, приведенные в источниках.",
        "subsection_unknown": "Подраздел {}",
        "rows_unknown": "Строки неизвестны.",
        "abbreviations": "Примечание: расшифровка аббревиатур",
        "deleted": DELETED_RU,
        "points_unknown": "Преамбула и пункты постановления в источниках не приведены.",
        "annex": "Приложение",
        "annex_notes": "Примечания",
    },
}
UNKNOWN_MARK_RU = "⟨неизвестно⟩"
LATEST = {"kk": "(белгілі актілер бойынша соңғы)", "ru": "(последняя по известным актам)"}
ADOPTION_DAY = {
    "kk": " (қабылданған күні; қолданысқа енгізілу күні белгісіз)",
    "ru": " (дата принятия; дата вступления в силу неизвестна)",
}
APPROVED_BY = "{act} бекітілген."
VERSION = "Редакция: {label}"
COLUMNS_UNKNOWN = (
    "Бағандардың ресми атаулары {mark}: {short} белгісі бар баған атауларын "
    "бағандардың мазмұны бойынша біз бердік, олар ресми атаулар емес."
)
TITLE_UNKNOWN = "{id} (атауы {mark})"
BOTH_HEAD = "| Қазақша | Русский |"

# -- the comparative table in the standard form (amend.outputs.comparative) ------------------------------

COMPARISON_HEADS: tuple[str, ...] = (
    "№ р/с",
    "Құрылымдық элемент",
    "Қолданыстағы редакция",
    "Ұсынылып отырған редакция",
    "Негіздеме",
)
COMPARISON_TITLE = "САЛЫСТЫРМАЛЫ КЕСТЕ"
# The words for an absent, removed or repealed element, and for what no source gives ({mark}).
COMPARISON_FORM_KK = {
    "absent": "Жоқ.",
    "removed": "Алып тасталсын.",
    "repealed": "Күші жойылды деп танылсын.",
    "unknown_current": "{mark}: қолданыстағы редакцияның мәтіні дереккөздерде берілмеген",
    "unknown_reason": "{mark}: негіздеме берілмеген",
}
COMPARISON_HEADS_RU: tuple[str, ...] = (
    "№ п/п",
    "Структурный элемент",
    "Действующая редакция",
    "Предлагаемая редакция",
    "Обоснование",
)
COMPARISON_TITLE_RU = "СРАВНИТЕЛЬНАЯ ТАБЛИЦА"
# Not confirmed from a published Russian table: see docs/drafting.md.
COMPARISON_FORM_RU = {
    "absent": "Отсутствует.",
    "removed": "Исключить.",
    "repealed": "Признать утратившим силу.",
    "unknown_current": "{mark}: текст действующей редакции в источниках не приведён",
    "unknown_reason": "{mark}: обоснование не приведено",
}
DRAFT_MARK = {"kk": " (жоба)", "ru": " (проект)"}
ROW_RU = "Строка {number}"  # as the engine's Russian notes name a row
ACT_HEAD_RU = "{kind} № {number} от {day}"
COMPARISON_FACTS_KK = (
    "Жоспар: № {plan}",
    "Қолданыстағы редакция: {before} редакция",
    "Қолданысқа енгізілетін күні: {in_force}",
)
COMPARISON_FACTS_RU = (
    "План: № {plan}",
    "Действующая редакция: редакция от {before}",
    "Дата введения в действие: {in_force}",
)
