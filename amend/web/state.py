"""The repository a server answers from: read once, read again when a file under ``plans/`` changes."""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from amend.engine.timeline import Timeline
from amend.errors import AmendError
from amend.outputs.site import PlanSite
from amend.store.repository import Repository

__all__ = ["Workbench"]

_Stamp = tuple[tuple[str, int, int], ...]


def _stamp(root: Path) -> _Stamp:
    """Each YAML file under ``plans/`` with its modification time and size: a change to any is seen."""
    found = []
    for folder, _, files in os.walk(root / "plans"):
        for name in files:
            if name.endswith((".yaml", ".yml")):
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                found.append((path, st.st_mtime_ns, st.st_size))
    return tuple(sorted(found))


@dataclass
class _Read:
    stamp: _Stamp
    repo: Repository
    timelines: dict[tuple[str, dt.date | None], Timeline] = field(default_factory=dict)
    sites: dict[tuple[str, str], PlanSite] = field(default_factory=dict)


class Workbench:
    """The server's repository (``root``) and what it has computed from it, for as long as the files stay."""

    def __init__(self, root: Path) -> None:
        """Nothing read yet."""
        self.root = root
        self._lock = threading.Lock()
        self._read: _Read | None = None

    def _current(self) -> _Read:
        stamp = _stamp(self.root)
        with self._lock:
            if self._read is None or self._read.stamp != stamp:
                self._read = _Read(stamp, Repository(self.root))
            return self._read

    @property
    def repository(self) -> Repository:
        """The repository as its files are now."""
        return self._current().repo

    def timeline(self, plan: str, known_on: dt.date | None = None) -> Timeline:
        """The plan's timeline (as known on a day), as ``amend show`` and ``amend status`` compute it."""
        read = self._current()
        key = (plan, known_on)
        found = read.timelines.get(key)
        if found is None:
            found = read.repo.timeline(plan, known_on=known_on)
            with self._lock:
                read.timelines[key] = found
        return found

    def site(self, plan: str, assets: str, lang: str = "kk") -> PlanSite:
        """The plan's site pages (the static site's templates, assets linked from ``assets``), with the interface
        in ``lang`` (kk or ru) and the links that change it."""
        read = self._current()
        found = read.sites.get((plan, lang))
        if found is None:
            if plan not in read.repo.plans:
                read.repo.plan(plan)  # raises PlanMissing, naming the plans there are
            skipped: list[AmendError] = []
            found = PlanSite(read.repo, plan, skipped, lang, assets=assets, switch=True)
            with self._lock:
                read.sites[(plan, lang)] = found
        return found
