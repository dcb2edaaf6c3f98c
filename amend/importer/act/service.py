"""The act pipeline as one service: an amending act's text -> a draft of the plan it amends (``amend import``, the web).

The CLI and the web workbench both call ``import_act``; the steps it runs are the pipeline's modules (``draft``
for a Kazakh text, ``russian`` for a Russian one or a pair), checked against the repository's adopted acts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from amend.engine.amendment import FiledAmendment
from amend.engine.model import Plan
from amend.errors import PlanMissing
from amend.importer.act.draft import Draft, amended_plan, import_text, plan_lexicon
from amend.importer.act.preview import adopted_acts, draft_problems
from amend.importer.metadata import ImportTextError
from amend.store.loading import load_plan
from amend.store.repository import Repository

__all__ = ["ImportedAct", "NoPlanNamed", "import_act"]


class NoPlanNamed(ImportTextError):
    """The text's heading names no amended act, and no plan was given."""


@dataclass(frozen=True)
class ImportedAct:
    """An act's text read as a draft: the draft, the plan it amends, the adopted acts its words were counted against."""

    draft: Draft
    base: Plan
    adopted: list[FiledAmendment]

    def problems(self, path: Path) -> list[str]:
        """What keeps the draft from being an amendment, or from applying after the adopted acts."""
        return draft_problems(self.draft, self.base, self.adopted, path)


def import_act(
    root: Path,
    text: str,
    *,
    source: str = "<text>",
    plan: str | None = None,
    published: dt.date | None = None,
    lang: str = "kk",
    ru_text: str | None = None,
) -> ImportedAct:
    """Read the text of an amending act into a draft of the plan under ``root`` it amends (``amend import``,
    and the web workbench's preview): ``lang`` "kk", or "ru" for a Russian text alone (its Kazakh texts
    unknown); ``ru_text``, the act's Russian text beside a Kazakh ``text``, merged change by change.

    The words it quotes are counted against the version the act amends (after the adopted acts in
    force). Raises ``NoPlanNamed`` for a text whose heading names no plan (and none is given),
    ``PlanMissing`` for a plan the repository does not hold.
    """
    from amend.importer.act import russian

    base_dir = root / "plans" / "base"
    plan_id = plan or (russian.russian_amended_plan(text) if lang == "ru" else amended_plan(text))
    if plan_id is None:
        raise NoPlanNamed("the heading names no amended act: say which plan with --plan")
    path = Repository(root).plan_path(plan_id)  # refused if the id would leave plans/base
    if not path.exists():
        raise PlanMissing(f"no plan {plan_id} in {base_dir}: the importer needs its columns")
    base = load_plan(path)
    if lang == "ru":
        draft = russian.russian_draft(text, base, source=source, published=published)
        adopted = adopted_acts(root, draft.amends, draft.amendment())
    else:
        lexicon = plan_lexicon(base_dir)
        draft = import_text(text, base, lexicon, source=source, published=published)
        adopted = adopted_acts(root, draft.amends, draft.amendment())
        if adopted:  # count the words against the version the act amends, after the acts in force
            draft = import_text(text, base, lexicon, source=source, adopted=adopted, published=published)
    if ru_text is not None:
        draft = russian.import_pair(draft, ru_text, base, root, published=published)
    return ImportedAct(draft, base, adopted)
