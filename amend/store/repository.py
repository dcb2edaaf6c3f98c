"""A folder of plans: ``plans/base``, ``plans/amendments`` and the ``consolidated`` files built from them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from amend.engine.amendment import ActStatus
from amend.engine.gc_pause import gc_paused
from amend.engine.model import Plan
from amend.engine.timeline import FiledAmendment, Timeline, consolidate
from amend.errors import ActDuplicate, AmendError, FileRefused, Location, PlanMissing
from amend.store.loading import load_amendment, load_plan
from amend.store.writing import OutputError, check_writable, entries, inside, write_atomic
from amend.store.yaml_io import locate

T = TypeVar("T")

# Input files: .yaml, and .yml read the same way (editors save either).
INPUT_SUFFIXES = (".yaml", ".yml")
# Files a folder of inputs may hold besides inputs: never read, never reported.
_IGNORED = frozenset({".gitkeep", "README.md"})

__all__ = [
    "INPUT_SUFFIXES",
    "BuildResult",
    "Repository",
    "by_plan",
    "differs",
    "duplicate_plan",
    "plan_problems",
    "write_atomic",
]


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` wrote, left alone and removed, relative to the repository root."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


class Repository:
    """The plans and amendments under ``root`` and what consolidating them gives."""

    def __init__(self, root: Path | str = ".") -> None:
        self.root = Path(root)
        self.base_dir = self.root / "plans" / "base"
        self.amendments_dir = self.root / "plans" / "amendments"
        self.output_dir = self.root / "consolidated"

    def _rel(self, path: Path) -> Path:
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path

    @property
    def is_repository(self) -> bool:
        """True where ``root`` holds ``plans/base`` (a folder, not a link): the mark of a repository."""
        return (
            self.base_dir.is_dir() and not self.base_dir.is_symlink() and not self.root.joinpath("plans").is_symlink()
        )

    def _refused(self, path: Path, why: str) -> FileRefused:
        return FileRefused(f"{self._rel(path)} {why}", file=path, location=Location(str(path)))

    def _inputs(self, folder: Path, *, nested: bool, record: Callable[[AmendError], None]) -> Iterator[Path]:
        """The input files of ``folder`` in name order; links, stray files and (unless ``nested``)
        subfolders are reported, never read: a link could point outside the repository."""
        if not folder.exists() and not folder.is_symlink():
            return
        if folder.is_symlink() or not folder.is_dir():
            record(self._refused(folder, "is not a folder (symbolic links are not followed)"))
            return
        # One scandir: each entry's kind comes with the listing (no stat per file); links are not followed.
        with os.scandir(folder) as listing:
            found = sorted(listing, key=lambda entry: entry.name)
        for entry in found:
            path = folder / entry.name
            if entry.is_symlink():
                record(self._refused(path, "is a symbolic link: links in plans/ are not followed"))
            elif entry.is_dir(follow_symlinks=False):
                if nested:
                    yield from self._inputs(path, nested=True, record=record)
                else:
                    record(self._refused(path, "is a subfolder: plans/base holds plan files only"))
            elif entry.name in _IGNORED:
                continue
            elif not entry.is_file(follow_symlinks=False):
                record(self._refused(path, "is not a regular file"))
            elif path.suffix not in INPUT_SUFFIXES:
                record(self._refused(path, "is not a .yaml file: only plan and amendment files belong here"))
            else:
                yield path

    def _stray_in_plans(self, record: Callable[[AmendError], None]) -> None:
        folder = self.root / "plans"
        if folder.is_dir() and not folder.is_symlink():
            for path in sorted(folder.iterdir()):
                if path.name not in {"base", "amendments", *_IGNORED}:
                    record(self._refused(path, "is not read: plans/ holds base/ and amendments/ only"))

    def _load(
        self, problems: list[AmendError] | None
    ) -> tuple[dict[str, tuple[Plan, Path]], tuple[FiledAmendment, ...]]:
        """Read every file. With ``problems``, a bad file is recorded there and skipped; else it raises."""

        def record(err: AmendError) -> None:
            if problems is None:
                raise err
            problems.append(err)

        def attempt(load: Callable[[Path], T], path: Path) -> T | None:
            try:
                return load(path)
            except AmendError as err:
                record(err)
                return None

        plans: dict[str, tuple[Plan, Path]] = {}
        amendments = []
        for kind, path in self.listing(record):
            if kind == "plan":
                plan = attempt(load_plan, path)
                if plan is None:
                    continue
                if plan.plan in plans:
                    record(duplicate_plan(plan.plan, plans[plan.plan][1], path))
                else:
                    plans[plan.plan] = (plan, path)
            else:
                amendment = attempt(load_amendment, path)
                if amendment is not None:
                    amendments.append(FiledAmendment(amendment, path))
        return plans, tuple(amendments)

    def listing(self, record: Callable[[AmendError], None]) -> Iterator[tuple[str, Path]]:
        """Every input file, ``("plan", path)`` then ``("amendment", path)``, in the order they are read;
        what is not a repository, stray files and links are passed to ``record`` where they are met."""
        if not self.is_repository:
            record(
                FileRefused(
                    f"{self.root} is not a repository: it has no plans/base folder",
                    file=self.root,
                    location=Location(str(self.root)),
                    hint="run amend in the repository's root folder, or give it with --root",
                )
            )
        self._stray_in_plans(record)
        for path in self._inputs(self.base_dir, nested=False, record=record):
            yield "plan", path
        # Amendments may be filed in subfolders (plans/amendments/2025/392.yaml): all are read.
        for path in self._inputs(self.amendments_dir, nested=True, record=record):
            yield "amendment", path

    def holding(self, plans: dict[str, tuple[Plan, Path]], amendments: tuple[FiledAmendment, ...]) -> Repository:
        """A repository at the same root that holds only ``plans`` and ``amendments`` as read (one plan
        and its acts, read by the streaming reader: ``amend.store.stream``)."""
        scoped = type(self)(self.root)
        scoped.__dict__["_files"] = (plans, amendments)
        return scoped

    @cached_property
    def _files(self) -> tuple[dict[str, tuple[Plan, Path]], tuple[FiledAmendment, ...]]:
        with gc_paused():  # one pause over the whole batch; see gc_pause
            return self._load(None)

    @property
    def plans(self) -> dict[str, tuple[Plan, Path]]:
        """Every base plan by id, with its file. Raises the first error met."""
        return self._files[0]

    @property
    def amendments(self) -> tuple[FiledAmendment, ...]:
        """Every amendment file, in file-name order (the order rule, not this order, decides effect)."""
        return self._files[1]

    def plan(self, plan_id: str) -> Plan:
        """The base plan ``plan_id``."""
        if plan_id not in self.plans:
            known = ", ".join(sorted(self.plans)) or "none"
            raise PlanMissing(f"no plan {plan_id} in {self.base_dir} (plans: {known})")
        return self.plans[plan_id][0]

    def timeline(
        self, plan_id: str, extra: list[FiledAmendment] | None = None, *, known_on: dt.date | None = None
    ) -> Timeline:
        """All versions of a plan, from its adopted amendments (plus ``extra``, e.g. a draft); with
        ``known_on``, from the acts adopted by that day only."""
        try:
            return consolidate(self.plan(plan_id), [*self.acts_of(plan_id), *(extra or [])], known_on=known_on)
        except AmendError as err:
            raise locate(err) from None

    def acts_of(self, plan_id: str) -> tuple[FiledAmendment, ...]:
        """The amendment files of one plan (a timeline needs no other: grouped once, not per plan)."""
        return self._grouped.get(plan_id, ())

    @cached_property
    def _grouped(self) -> dict[str, tuple[FiledAmendment, ...]]:
        return _by_plan(self.amendments)

    @cached_property
    def timelines(self) -> dict[str, Timeline]:
        """Every plan's timeline, by plan id."""
        with gc_paused():  # one pause over all plans, not one per plan: see gc_pause
            return {pid: self.timeline(pid) for pid in sorted(self.plans)}

    def check_references(self) -> None:
        """Every amendment names a plan we have."""
        for f in self.amendments:
            if f.amendment.amends not in self.plans:
                raise locate(
                    PlanMissing(
                        f"act {f.amendment.act.number} amends plan {f.amendment.amends}, "
                        f"which is not in {self.base_dir}",
                        path=("amends",),
                        file=f.path,
                    )
                )

    def problems(self) -> tuple[list[AmendError], dict[str, Timeline]]:
        """Every problem of the inputs (bad files, failing operations, drafts that do not apply), and the
        timelines of the plans that consolidate. ``amend.ci.check`` adds the staleness of outputs."""
        problems, plans, amendments = self.read_inputs()
        timelines: dict[str, Timeline] = {}
        grouped = _by_plan(amendments)
        with gc_paused():  # one pause over all plans and drafts: see gc_pause
            for pid, (plan, _) in sorted(plans.items()):
                found, timeline = plan_problems(plan, grouped.get(pid, ()))
                problems.extend(found)
                if timeline is not None:
                    timelines[pid] = timeline
        if not problems:
            # What was just read and consolidated is what the outputs need; do not redo it.
            self.__dict__["_files"] = (plans, amendments)
            self.__dict__["timelines"] = timelines
        return problems, timelines

    def read_inputs(
        self,
    ) -> tuple[list[AmendError], dict[str, tuple[Plan, Path]], tuple[FiledAmendment, ...]]:
        """Every file read, with the problems of reading them and of acts that amend no plan we have."""
        problems: list[AmendError] = []
        with gc_paused():
            plans, amendments = self._load(problems)
        problems.extend(self.output_links())
        unreadable = {e.file for e in problems}
        for f in amendments:
            # A plan whose own file is broken is reported once, not again for each act amending it.
            if f.amendment.amends not in plans and str(self.plan_path(f.amendment.amends)) not in unreadable:
                problems.append(
                    locate(
                        PlanMissing(
                            f"act {f.amendment.act.number} amends plan {f.amendment.amends}, "
                            f"which is not in {self.base_dir}",
                            path=("amends",),
                            file=f.path,
                        )
                    )
                )
        if not problems:  # what was read is what the rest needs (and what forked workers share)
            self.__dict__["_files"] = (plans, amendments)
        return problems, plans, amendments

    def output_links(self) -> list[AmendError]:
        """Symbolic links in ``consolidated/``: check must not compare through them, build replaces them."""
        if self.output_dir.is_symlink():
            return [self._refused(self.output_dir, "is a symbolic link: consolidated/ is a folder of the repository")]
        if not self.output_dir.is_dir():
            return []
        return [
            self._refused(Path(path), "is a symbolic link: consolidated/ holds the files build writes, not links")
            for _, path, kind in entries(self.output_dir)
            if kind == "l"
        ]

    def plan_path(self, plan_id: str) -> Path:
        """The file of base plan ``plan_id`` (an id that would leave plans/base is refused)."""
        try:
            return inside(self.base_dir, f"{plan_id}.yaml")
        except OutputError:
            raise PlanMissing(f"{plan_id!r} is not a plan id", file=self.base_dir) from None

    def relative(self, path: Path) -> Path:
        """``path`` relative to the repository root where it is inside it."""
        return self._rel(path)

    def output_files(self) -> list[Path]:
        """Every file now in ``consolidated/`` (links included: they are stray and get reported)."""
        if not self.output_dir.is_dir() or self.output_dir.is_symlink():
            return []
        return [Path(path) for _, path, kind in entries(self.output_dir) if kind in "fl"]

    def sync(self, files: dict[Path, bytes]) -> BuildResult:
        """Make ``consolidated/`` hold exactly ``files``: write what differs, remove what is not there.

        Every target must lie inside ``consolidated/`` and every folder be writable, or nothing is written.
        """
        return self.sync_changed(files, lambda: {path: c for path, c in files.items() if differs(path, c)})

    def sync_changed(self, targets: Iterable[Path], changed: Callable[[], Mapping[Path, bytes | Path]]) -> BuildResult:
        """``sync`` where what differs is known already: ``changed()`` gives each target whose file must
        be written, with its bytes or the file they were staged in (read when its turn comes, so that the
        batch is never in memory at once); the other ``targets`` are left as they are."""
        if self.output_dir.is_symlink():
            raise OutputError(f"{self.output_dir} is a symbolic link: it is not written through", file=self.output_dir)
        targets = set(targets)
        for path in targets:
            inside(self.output_dir, path.relative_to(self.output_dir))
        to_write = changed()
        stale = [path for path in self.output_files() if path not in targets]
        check_writable([*to_write, *stale])
        written, unchanged = [], []
        for path in sorted(targets):
            if path not in to_write:
                unchanged.append(str(self._rel(path)))
                continue
            content = to_write[path]
            write_atomic(path, content.read_bytes() if isinstance(content, Path) else content)
            written.append(str(self._rel(path)))
        removed = []
        for path in stale:
            try:
                path.unlink()
            except OSError as exc:
                raise OutputError(f"cannot remove {path}: {exc.strerror}", file=path) from None
            removed.append(str(self._rel(path)))
        return BuildResult(tuple(written), tuple(unchanged), tuple(removed))


def differs(path: Path, content: bytes) -> bool:
    """True unless ``path`` is a regular file (not a link) holding exactly ``content``: it must be written."""
    return path.is_symlink() or not (path.is_file() and path.read_bytes() == content)


def plan_problems(plan: Plan, acts: tuple[FiledAmendment, ...]) -> tuple[list[AmendError], Timeline | None]:
    """The problems of one plan's acts (failing operations, drafts that do not apply) and its timeline."""
    try:
        timeline = consolidate(plan, acts)
    except AmendError as err:
        return [locate(err)], None
    problems = []
    for draft in (f for f in acts if f.amendment.status is ActStatus.DRAFT):
        try:
            consolidate(plan, acts, drafts=[draft])
        except AmendError as err:
            problems.append(locate(err))
    return problems, timeline


def duplicate_plan(plan_id: str, first: Path, path: Path) -> ActDuplicate:
    """The error of a second base file (``path``) defining plan ``plan_id``, placed at its ``plan`` key."""
    return locate(ActDuplicate(f"plan {plan_id} is also defined in {first}", path=("plan",), file=path))


def _by_plan(amendments: tuple[FiledAmendment, ...]) -> dict[str, tuple[FiledAmendment, ...]]:
    """Amendment files by the plan they amend, in file order."""
    groups: dict[str, list[FiledAmendment]] = {}
    for f in amendments:
        groups.setdefault(f.amendment.amends, []).append(f)
    return {pid: tuple(fs) for pid, fs in groups.items()}


by_plan = _by_plan


def today() -> dt.date:
    """Today's date (a seam for tests)."""
    return dt.date.today()
