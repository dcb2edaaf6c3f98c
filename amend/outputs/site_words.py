"""The words of the static site's interface in each language: Kazakh, and Russian with ``site --lang ru``.

Only our interface is in Russian here (headings, badges, table heads, dates, how an act is named); the
plan's texts stay as the sources give them, each in its language (``language.in_russian``). ``--lang kk``
and ``--lang both`` keep the Kazakh interface, word for word as before.
"""

from __future__ import annotations

import datetime as dt

from amend.engine.acts import Act
from amend.engine.timeline import Version
from amend.language.cases import ISSUER_RU
from amend.language.dates import date_ru
from amend.outputs.dates import act_name, long_date
from amend.outputs.markdown import formal_version_label

__all__ = ["BADGES_RU", "SiteWords", "site_words"]

BADGES_RU: dict[str, str] = {
    "new": "Новый",
    "updated": "Обновленный",
    "repealed": "Утративший силу",
    "ended": "Срок истек",
    "draft": "Проект",
    "future": "Еще не введен в действие",
}
# "утвержден постановлением ...": the kinds of act in the instrumental.
_KIND_INSTRUMENTAL_RU = {"қаулы": "постановлением", "бұйрық": "приказом", "жарлық": "Указом", "заң": "Законом"}

_KK: dict[str, str] = {
    "html_lang": "kk",
    "plans": "Жоспарлар",
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
    "draft_badge": "Жоба",
    "draft_notice": "Жоба: әлі қабылданбаған акт, жоспардың соңғы редакциясына қолданылды.",
    "column": "Баған",
    "changes_head": "Өзгерістер",
    "version_acts": "Осы редакцияны енгізген актілер:",
    "download_colon": "Жүктеу:",
    "adopted": "Қабылданған",
    "draft_status": "жоба",
    "comparative": "Салыстырмалы кесте",
    "not_comparable": "салыстыру мүмкін емес",
    "unchanged": "өзгерген жоқ",
    "row_deleted": "Жоспарда жоқ: жол алып тасталды.",
    "row_unknown": "Жол жоспарда бар, мәтіні {mark}.",
    "row_in_force": "Жол осы мәтінде қолданыста.",
    "picker_not_yet": "Бұл күні жоспар әлі қабылданбаған немесе қолданысқа енгізілмеген.",
    "picker_repealed": "Бұл күні жоспардың күші жойылған.",
}
_RU: dict[str, str] = {
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
    "comparative": "Сравнительная таблица",
    "not_comparable": "сравнение невозможно",
    "unchanged": "без изменений",
    "row_deleted": "В плане нет: строка исключена.",
    "row_unknown": "Строка в плане есть, ее текст {mark}.",
    "row_in_force": "Строка действует в этой редакции.",
    "picker_not_yet": "В этот день план еще не принят или не введен в действие.",
    "picker_repealed": "В этот день план утратил силу.",
}


class SiteWords:
    """The interface's words and phrases in one language (``lang``: ru, else Kazakh)."""

    def __init__(self, lang: str) -> None:
        self.russian = lang == "ru"
        self.words = _RU if self.russian else _KK

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def day(self, day: dt.date) -> str:
        """ "2025 жылғы 30 мамыр" / "30 мая 2025 года"."""
        return date_ru(day) if self.russian else long_date(day)

    def edition(self, day: dt.date) -> str:
        """ "2025 жылғы 30 мамыр редакциясы" / "редакция от 30 мая 2025 года"."""
        return f"редакция от {date_ru(day)}" if self.russian else f"{long_date(day)} редакциясы"

    def plan_in(self, day: dt.date) -> str:
        """The plan as a version gives it: "... редакциясындағы жоспар" / "План в редакции от ..."."""
        return f"План в редакции от {date_ru(day)}" if self.russian else f"{long_date(day)} редакциясындағы жоспар"

    def span(self, version: Version) -> str:
        """The days a version is in force."""
        if not self.russian:
            return formal_version_label(version)
        until = f"по {date_ru(version.valid_to)}" if version.valid_to else "(последняя по известным актам)"
        return f"с {date_ru(version.valid_from)} {until}"

    def approved(self, act: Act) -> str:
        """ "... қаулысымен бекітілген." / "Утвержден постановлением ... ."."""
        if not self.russian:
            return f"{act_name(act, 'instrumental')} бекітілген."
        return f"Утвержден {self._by(act)}."

    def as_enacted(self, act: Act) -> str:
        if not self.russian:
            return f"{act_name(act, 'instrumental')} бекітілген редакция."
        return f"Редакция, утвержденная {self._by(act)}."

    def _by(self, act: Act) -> str:
        issuer = ISSUER_RU.get(act.issuer)
        who = f" {issuer[1]}" if issuer else ""
        return f"{_KIND_INSTRUMENTAL_RU[act.kind]}{who} от {date_ru(act.date)} № {act.number}"

    def repealed(self, day: dt.date) -> str:
        return (
            f"План утратил силу с {date_ru(day)}."
            if self.russian
            else f"Жоспардың күші {long_date(day)} бастап жойылды."
        )

    def in_force_since(self, day: dt.date) -> str:
        return f"введен в действие {date_ru(day)}" if self.russian else f"қолданысқа енгізілді {long_date(day)}"

    def row_title(self, plan: str, number: str) -> str:
        return f"План № {plan}, строка {number}: история" if self.russian else f"№ {plan} жоспары, {number}-жол: тарихы"

    def row_name(self, number: str) -> str:
        return f"строка {number}" if self.russian else f"{number}-жол"


def site_words(lang: str) -> SiteWords:
    """The words for a site built with ``--lang`` (ru: Russian; kk and both: Kazakh)."""
    return SiteWords(lang)
