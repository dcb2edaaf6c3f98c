"""Which element a bare "тақырыбы" / "атауы" (a title, or words in one) binds to: the scope it stands in.

A heading sentence opens a scope: point 1's lead-in the resolution's own text, "көрсетілген қаулымен
бекітілген ... жоспарда:" the plan, '"..." деген 3-бөлімде:' section 3, '"..." деген 3.1-кіші бөлімде:'
subsection 3.1, "Ескертпеде:" the note. "тақырыбы мынадай редакцияда жазылсын:" right after '"..." деген
3-бөлімде:' is section 3's title, not the resolution's: reading it as the resolution's would change the wrong
element, which is worse than reading nothing. So the element is bound here, in one place, and where the
binding is not certain the reading carries a review note that names every reading the text allows.

Certain: the sentence right after the heading sentence that opened its scope (nothing between), or the
resolution's title named as such ("көрсетілген қаулының тақырыбы"). Uncertain: a sentence further down a
scope (a drafter may have meant the resolution's title, written out of place); "тақырыбы" (the word for
the resolution's title) under the plan's frame, where "атауы" names the plan's; a scope with no title
(the note).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from amend.importer.act.sentences import NoteFrame, PlanFrame, RowFrame, SectionHeading, Sentence, SubsectionHeading
from amend.language.lexicon import ACT_TITLE_WORD, PLAN_TITLE_WORD

__all__ = ["SCOPED", "TitleReading", "bind_title"]

# The elements the grammar leaves to the scope: "title" ("тақырыбы", "тақырыбындағы"), "heading" ("атауы"),
# and "act title" ("көрсетілген қаулының тақырыбы": the resolution's, bound already).
SCOPED = frozenset({"title", "heading", "act title"})


@dataclass(frozen=True)
class TitleReading:
    """The element a title sentence binds to (None: none is made), and the review note when not certain."""

    target: str | None
    review: str | None = None


def _scope_element(scope: str, section: str | None, subsection: str | None) -> tuple[str | None, str]:
    """The element whose title the scope names, and how a note names it."""
    if scope == "subsection" and subsection is not None:
        return f"subsection {subsection}", f"subsection {subsection}"
    if scope == "section" and section is not None:
        return f"section {section}", f"section {section}"
    if scope == "plan":
        return "annex_title", "the plan's own title (annex_title)"
    if scope == "point":
        return "title", "the resolution's title"
    if scope == "note":
        return None, "the note (which has no title)"
    return None, f"the {scope} named before it (not found in the plan)"


def bind_title(
    element: str,
    scope: str,
    section: str | None,
    subsection: str | None,
    *,
    immediate: bool,
    line: int | None = None,
) -> TitleReading:
    """Bind a title sentence to an element.

    ``element``: the grammar's "title" ("тақырыбы"), "heading" ("атауы") or "act title"; ``scope``: what the
    last heading sentence opened ("point", "plan", "section", "subsection", "note"); ``immediate``: the
    sentence comes right after that heading sentence; ``line``: where the heading sentence is.
    """
    if element == "act title":
        return TitleReading("title")
    target, name = _scope_element(scope, section, subsection)
    where = f" (opened at line {line})" if line else ""
    if scope == "point":
        if element == "title":
            return TitleReading("title")
        # "атауы" with no scope before it: the plan's title or the resolution's; the text does not say.
        return TitleReading(
            None,
            f"a title (\"{PLAN_TITLE_WORD}\") with no scope named before it: the plan's or the resolution's; "
            "no operation",
        )
    if target is None:
        return TitleReading(None, f"a title in the scope of {name}{where}: no element to bind it to; no operation")
    if scope == "plan" and element == "title":
        # "тақырыбы" is the word for the resolution's title, "атауы" for the plan's: right under the plan's
        # frame the word and the scope disagree, and either may be meant.
        return TitleReading(
            "title",
            f"\"{ACT_TITLE_WORD}\" under the plan's frame{where}: read as the resolution's title (the word's sense); "
            "it may also mean the plan's own title (annex_title)",
        )
    if immediate:
        return TitleReading(target)
    others = [] if scope == "plan" else ["the plan's own title (annex_title)"]
    if element == "title":
        others.insert(0, "the resolution's title")
    return TitleReading(
        target,
        f"read as the title of {name}, the scope{where} it stands in; other sentences stand between them, "
        f"so it may also mean {' or '.join(others)}",
    )


# The formulae that open a scope and ask for nothing else.
_HEADINGS = (SectionHeading, SubsectionHeading, PlanFrame, NoteFrame, RowFrame)


def heading_split(text: str, parse: Callable[[str], Sentence | None]) -> int | None:
    """Where a heading sentence printed in one paragraph with the sentence after it ends ('"..." деген
    3-бөлімде: тақырыбы мынадай редакцияда жазылсын:'): the index after its colon, or None.

    Only a split whose first part is a heading formula and whose rest is a formula of its own is taken, so a
    colon inside a quoted title never splits a sentence.
    """
    for k, char in enumerate(text):
        if char != ":" or k + 1 >= len(text) or not text[k + 1 :].strip():
            continue
        head = parse(text[: k + 1])
        if isinstance(head, _HEADINGS) and parse(text[k + 1 :].strip()) is not None:
            return k + 1
    return None
