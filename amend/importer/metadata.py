"""An amending act's heading (title, number, date, the act it amends) and its entry into force, from Kazakh text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from amend.errors import AmendError
from amend.importer.rows import MONTHS

__all__ = ["EntryReading", "Heading", "ImportTextError", "kazakh_date", "read_entry_into_force", "read_heading"]


class ImportTextError(AmendError):
    """The text is not an amending act the importer can read (no heading, no date)."""

    rule = "import-text"
    hint = "amend import reads the Kazakh text of an amending act as the reference bank gives it"


@dataclass(frozen=True)
class Heading:
    """What the heading of an amending act says about it."""

    title: str
    issuer: str
    kind: str
    number: str
    date: dt.date
    amends: str | None
    line: int  # the line that names the act


@dataclass(frozen=True)
class EntryReading:
    """The entry-into-force rule as read: ``rule`` is None when no formula matched."""

    rule: str | None  # on_signing | on_date | after_publication
    date: dt.date | None = None  # on_date
    days: int | None = None  # after_publication (the publication date is never in the text)
    text: str = ""
    line: int | None = None


# Genitive forms of the issuer in "Қазақстан Республикасы Үкіметінің 2024 жылғы ... қаулысы", to the
# nominative the format uses.
_ISSUERS = {
    "Үкіметінің": "Қазақстан Республикасының Үкіметі",
    "Президентінің": "Қазақстан Республикасының Президенті",
}
_KINDS = {"қаулысы": "қаулы", "бұйрығы": "бұйрық", "жарлығы": "жарлық", "заңы": "заң"}
_NUMBER_WORDS = {
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "он бес": 15,
    "жиырма": 20,
    "отыз": 30,
    "алпыс": 60,
    "тоқсан": 90,
}
_DATE = re.compile(r"(?P<year>\d{4})\s+жылғы\s+(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)")
_ACT = re.compile(
    rf"(?P<issuer>.*?)\s*{_DATE.pattern}\s+№\s*(?P<number>\S+)\s+"
    r"(?P<kind>қаулысы|бұйрығы|Жарлығы|жарлығы|Заңы|заңы)\.?\s*$"
)


def kazakh_date(year: str, day: str, month_word: str) -> dt.date | None:
    """The date of "2024 жылғы 5 наурыздағы" (any case ending on the month), or None if it is no date."""
    word = month_word.lower()
    for index, stem in enumerate(MONTHS, 1):
        if word.startswith(stem):
            try:
                return dt.date(int(year), index, int(day))
            except ValueError:
                return None
    return None


def _prose(lines: list[str]) -> str:
    out = ""
    for raw in lines:
        text = raw.strip()
        if text:
            out += ("" if not out or re.search(r"[^\W\d_]-$", out) else " ") + text
    return re.sub(r"\s+", " ", out)


def read_heading(heading: tuple[tuple[int, str], ...], enacting: str | None) -> Heading:
    """Title, issuer, kind, number and date from the heading lines; the issuer from the enacting words if given."""
    for k, (number, raw) in enumerate(heading):
        m = _ACT.search(raw.strip())
        if not m:
            continue
        date = kazakh_date(m.group("year"), m.group("day"), m.group("month"))
        if date is None:
            raise ImportTextError(f"line {number}: '{raw.strip()}' names no valid date")
        title = _prose([r for _, r in heading[:k]])
        issuer = None
        if enacting and (e := re.match(r"^(?P<who>.+?)\s+(?:ҚАУЛЫ ЕТЕДІ|БҰЙЫРАМЫН)", enacting.strip())):
            issuer = e.group("who")
        if issuer is None:
            genitive = m.group("issuer").split()[-1] if m.group("issuer") else ""
            issuer = _ISSUERS.get(genitive, m.group("issuer") or "")
        amends = re.search(r"№\s*(\S+)\s+(?:қаулысына|бұйрығына|Жарлығына|жарлығына)", title)
        return Heading(
            title=title,
            issuer=issuer,
            kind=_KINDS[m.group("kind").lower()],
            number=m.group("number"),
            date=date,
            amends=amends.group(1) if amends else None,
            line=number,
        )
    raise ImportTextError('no line of the heading names the act ("... 2024 жылғы 5 наурыздағы № 120 қаулысы")')


def read_entry_into_force(text: str, line: int | None = None) -> EntryReading:
    """The rule of the closing point ("Осы қаулы ... қолданысқа енгізіледі")."""
    plain = re.sub(r"\s+", " ", text)
    if re.search(r"қол қойылған күнінен бастап", plain):
        return EntryReading("on_signing", text=text, line=line)
    m = re.search(
        r"алғашқы ресми жарияланған күнінен кейін (?:күнтізбелік )?(?P<n>\d+|[^\W\d_]+(?: [^\W\d_]+)?) "
        r"(?:күнтізбелік )?күн өткен соң",
        plain,
    )
    if m:
        n = m.group("n")
        days = int(n) if n.isdigit() else _NUMBER_WORDS.get(n) or _NUMBER_WORDS.get(n.split()[-1])
        if days:
            return EntryReading("after_publication", days=days, text=text, line=line)
    m = re.search(rf"{_DATE.pattern}\s+бастап", plain)
    if m and (date := kazakh_date(m.group("year"), m.group("day"), m.group("month"))):
        return EntryReading("on_date", date=date, text=text, line=line)
    return EntryReading(None, text=text, line=line)
