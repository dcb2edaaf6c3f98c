"""An amending act's heading (title, number, date, the act it amends) and its entry into force, from Kazakh text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from amend.engine.acts import AfterPublication, EntryIntoForce, OnDate, OnSigning
from amend.errors import AmendError
from amend.importer.act.grammar import parse_paragraph
from amend.importer.act.sentences import Clause, Commencement
from amend.importer.text import join_prose
from amend.language.lexicon import ACT_KIND_NOMINATIVE, AMENDS, ENACTING_WHO, HEADING_EXAMPLE, LONG_DATE
from amend.language.phrases import ISSUER_GENITIVE, KIND_NOMINATIVE, kazakh_date

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
    days: int | None = None  # after_publication
    text: str = ""
    line: int | None = None
    published: dt.date | None = None  # after_publication: never in the text; given by the person importing

    @classmethod
    def of(cls, clause: Clause | None, text: str, line: int | None, published: dt.date | None = None) -> EntryReading:
        """The reading of a parsed clause (None: the sentence matched no formula)."""
        if clause is None:
            return cls(None, text=text, line=line)
        kind, value = clause.rule
        if kind == "on_date":
            return cls("on_date", date=value, text=text, line=line)
        if kind == "after_publication":
            return cls("after_publication", days=value, text=text, line=line, published=published)
        return cls("on_signing", text=text, line=line)

    def model(self) -> EntryIntoForce | None:
        """The rule as the engine's model; None while part of it is unknown (the publication date)."""
        if self.rule == "on_signing":
            return OnSigning(rule="on_signing")
        if self.rule == "on_date" and self.date is not None:
            return OnDate(rule="on_date", date=self.date)
        if self.rule == "after_publication" and self.days and self.published is not None:
            return AfterPublication(rule="after_publication", days=self.days, published=self.published)
        return None


# Genitive forms of the issuer in "Қазақстан Республикасы Үкіметінің 2024 жылғы ... қаулысы", to the
# nominative the format uses.
_ISSUERS = {genitive.split()[-1]: nominative for nominative, genitive in ISSUER_GENITIVE.items()}
_KINDS = {form.lower(): kind for kind, form in KIND_NOMINATIVE.items()}
_DATE = re.compile(LONG_DATE)
_ACT = re.compile(
    rf"(?P<issuer>.*?)\s*{_DATE.pattern}\s+№\s*(?P<number>\S+)\s+"
    rf"(?P<kind>{ACT_KIND_NOMINATIVE})\.?\s*$"
)


def read_heading(heading: tuple[tuple[int, str], ...], enacting: str | None) -> Heading:
    """Title, issuer, kind, number and date from the heading lines; the issuer from the enacting words if given."""
    for k, (number, raw) in enumerate(heading):
        m = _ACT.search(raw.strip())
        if not m:
            continue
        date = kazakh_date(m.group("year"), m.group("day"), m.group("month"))
        if date is None:
            raise ImportTextError(f"line {number}: '{raw.strip()}' names no valid date")
        title = join_prose([r for _, r in heading[:k]])
        issuer = None
        if enacting and (e := re.match(ENACTING_WHO, enacting.strip())):
            issuer = e.group("who")
        if issuer is None:
            genitive = m.group("issuer").split()[-1] if m.group("issuer") else ""
            issuer = _ISSUERS.get(genitive, m.group("issuer") or "")
        amends = re.search(AMENDS, title)
        return Heading(
            title=title,
            issuer=issuer,
            kind=_KINDS[m.group("kind").lower()],
            number=m.group("number"),
            date=date,
            amends=amends.group(1) if amends else None,
            line=number,
        )
    raise ImportTextError(f'no line of the heading names the act ("{HEADING_EXAMPLE}")')


def read_entry_into_force(text: str, line: int | None = None) -> EntryReading:
    """The rule of the closing point ("Осы қаулы ... қолданысқа енгізіледі"), read by the grammar."""
    formula = parse_paragraph(" ".join(text.split()))
    clause = formula.clause if isinstance(formula, Commencement) else None
    return EntryReading.of(clause, text, line)
