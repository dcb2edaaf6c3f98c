"""Checking an imported draft: does it load, and does it apply to its plan as if adopted?"""

from __future__ import annotations

import tempfile
from pathlib import Path

from amend.engine.timeline import FiledAmendment, consolidate
from amend.errors import AmendError
from amend.store.loading import load_amendment, load_plan
from amend.store.repository import Repository

__all__ = ["draft_problems"]


def _describe(err: AmendError, what: str) -> str:
    line = f" (draft line {err.location.line})" if err.location and err.location.line else ""
    return f"the draft {what}{line}: [{err.rule}] {err.message}"


def draft_problems(content: str, root: Path, plan_id: str) -> list[str]:
    """What keeps the draft YAML ``content`` from loading or from applying to plan ``plan_id`` under ``root``.

    The plan's adopted amendments are applied first, except one with the draft's own number and date
    (the file the draft would replace).
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.yaml"
        path.write_text(content, encoding="utf-8")
        try:
            draft = load_amendment(path)
        except AmendError as err:
            return [_describe(err, "does not load")]
        try:
            plan = load_plan(root / "plans" / "base" / f"{plan_id}.yaml")
        except AmendError as err:
            return [_describe(err, "cannot be checked: its plan does not load")]
        try:
            others = [
                f
                for f in Repository(root).amendments
                if f.amendment.status == "adopted"
                and f.amendment.amends == plan_id
                and (f.amendment.act.number, f.amendment.act.date) != (draft.act.number, draft.act.date)
            ]
        except AmendError:
            others = []  # a broken file elsewhere: check the draft against the base plan alone
        adopted = FiledAmendment(draft.model_copy(update={"status": "adopted"}), path)
        try:
            consolidate(plan, [*others, adopted])
        except AmendError as err:
            return [_describe(err, "does not apply")]
    return []
