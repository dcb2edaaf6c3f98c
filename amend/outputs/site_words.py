"""The words of the static site's interface in each language: Kazakh, and Russian with ``site --lang ru``.

Only our interface is in Russian here (headings, badges, table heads, dates, how an act is named); the
plan's texts stay as the sources give them, each in its language (``language.in_russian``). ``--lang kk``
and ``--lang both`` keep the Kazakh interface, word for word as before.
"""

from __future__ import annotations

import datetime as dt

from amend.engine.acts import Act
from amend.engine.timeline import Version
from amend.language import interface as words
from amend.language.cases import ISSUER_RU, KIND_RU
from amend.language.dates import date_ru
from amend.outputs.dates import act_name, long_date
from amend.outputs.markdown import formal_version_label

__all__ = ["BADGES_RU", "SiteWords", "site_words"]

BADGES_RU = words.BADGES_RU


class SiteWords:
    """The interface's words and phrases in one language (``lang``: ru, else Kazakh)."""

    def __init__(self, lang: str) -> None:
        self.russian = lang == "ru"
        self.words = words.SITE_RU if self.russian else words.SITE_KK
        self.phrases = words.SITE_PHRASES_RU if self.russian else words.SITE_PHRASES_KK

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def day(self, day: dt.date) -> str:
        """ "2025 жылғы 30 мамыр" / "30 мая 2025 года"."""
        return date_ru(day) if self.russian else long_date(day)

    def edition(self, day: dt.date) -> str:
        """ "2025 жылғы 30 мамыр редакциясы" / "редакция от 30 мая 2025 года"."""
        return self.phrases["edition"].format(day=self.day(day))

    def plan_in(self, day: dt.date) -> str:
        """The plan as a version gives it: "... редакциясындағы жоспар" / "План в редакции от ..."."""
        return self.phrases["plan_in"].format(day=self.day(day))

    def span(self, version: Version) -> str:
        """The days a version is in force."""
        if not self.russian:
            return formal_version_label(version)
        p = self.phrases
        until = p["until"].format(day=date_ru(version.valid_to)) if version.valid_to else p["latest"]
        return p["span"].format(day=date_ru(version.valid_from), until=until)

    def approved(self, act: Act) -> str:
        """ "... қаулысымен бекітілген." / "Утвержден постановлением ... ."."""
        return self.phrases["approved"].format(act=self._by(act))

    def as_enacted(self, act: Act) -> str:
        return self.phrases["as_enacted"].format(act=self._by(act))

    def _by(self, act: Act) -> str:
        if not self.russian:
            return act_name(act, "instrumental")
        issuer = ISSUER_RU.get(act.issuer)
        who = f" {issuer[1]}" if issuer else ""
        kind = KIND_RU[act.kind][3]
        return self.phrases["act"].format(kind=kind, who=who, day=date_ru(act.date), number=act.number)

    def repealed(self, day: dt.date) -> str:
        return self.phrases["repealed"].format(day=self.day(day))

    def in_force_since(self, day: dt.date) -> str:
        return self.phrases["in_force_since"].format(day=self.day(day))

    def row_title(self, plan: str, number: str) -> str:
        return self.phrases["row_title"].format(plan=plan, number=number)

    def row_name(self, number: str) -> str:
        return self.phrases["row_name"].format(number=number)


def site_words(lang: str) -> SiteWords:
    """The words for a site built with ``--lang`` (ru: Russian; kk and both: Kazakh)."""
    return SiteWords(lang)
