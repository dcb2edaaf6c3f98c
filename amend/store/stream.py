"""Reading a repository plan by plan, so that no process holds every plan at once.

A first, cheap pass (``survey``) lists the input files in the order ``Repository`` reads them and
groups them by the plan they define (``plan:``) or amend (``amends:``), read off a bounded scan of the
head of each file, not by parsing it. Each group is then read whole, validated and used (``read_group``),
and released before the next: in a worker process of ``--jobs``, or in turn in this one.

Nothing about what is reported changes, only when files are read:

- every error of reading a file is the one ``Repository`` gives, placed at file:line:col, and
  ``read_problems`` puts them back in the order the files are listed (stray files in between);
- a file whose head does not say its plan plainly (a quoted key, a flow mapping, a value past the
  head) is read whole in the survey to learn it, and its model dropped;
- a file that validates with another plan than its head said (a multi-line scalar that fooled the
  scan) is caught when its group is read: ``misgrouped`` lists the plans to read again, grouped by
  what the files really say;
- acts that amend a plan no file defines, plans defined twice and acts that amend acts (which are
  always of one plan: a timeline reads only its own plan's acts) come out as ``Repository`` gives them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from amend.engine.gc_pause import gc_paused
from amend.engine.model import Plan
from amend.engine.timeline import FiledAmendment
from amend.errors import AmendError, PlanMissing
from amend.language.letters import CYRILLIC
from amend.store.loading import load_amendment, load_plan
from amend.store.repository import Repository, duplicate_plan
from amend.store.yaml_io import locate

__all__ = [
    "FileRead",
    "Group",
    "Survey",
    "head_key",
    "head_keys",
    "misgrouped",
    "missing_plans",
    "read_group",
    "read_problems",
    "regroup",
    "survey",
]

# How much of a file's head the survey reads to find its plan: the key comes in the first lines of
# every file written by hand or by the importer (after the act's own details in an amendment).
HEAD_BYTES = 64 * 1024

_ID = f"[0-9A-Za-z{CYRILLIC}]+(?:-[0-9A-Za-z{CYRILLIC}]+)*"
# A top-level `plan:` / `amends:` line whose value is a plain or quoted plan id, perhaps with a comment.
# Anything else (a key in quotes, a flow mapping, a multi-line value) is left to the loader.
_KEY_LINE = {
    key: re.compile(
        rf"^{key}[ \t]*:[ \t]+(?:'(?P<single>{_ID})'|\"(?P<double>{_ID})\"|(?P<plain>{_ID}))[ \t]*(?:#[^\n]*)?\r?$",
        re.MULTILINE,
    )
    for key in ("plan", "amends")
}
_KEY_OF = {"plan": "plan", "amendment": "amends"}


def head_key(path: Path, kind: str) -> str | None:
    """The plan a file defines (``kind`` "plan") or amends ("amendment"), read off its head, or None
    where the head does not say so plainly. A hint for grouping only: ``read_group`` checks it."""
    try:
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        return None
    if len(head) == HEAD_BYTES:  # the last line may be cut, perhaps inside a character
        head = head[: head.rfind(b"\n") + 1]
    try:
        text = head.decode("utf-8-sig")  # a byte order mark is dropped, as the loader drops it
    except UnicodeDecodeError:
        return None
    found = _KEY_LINE[_KEY_OF[kind]].search(text)
    if found is None:
        return None
    value = found.group("single") or found.group("double") or found.group("plain")
    # A plain scalar of digits with a leading zero, or one YAML reads as a number or a boolean, is not
    # the id a model would hold (or fails validation): let the loader decide.
    return None if found.group("plain") and not _plain_is_text(value) else value


@cache
def _plain_is_text(value: str) -> bool:
    # Whether YAML reads this plain scalar as the same string (not an int, float, boolean or null):
    # asked of the YAML 1.2 loader itself, once per distinct id.
    from ruamel.yaml import YAML

    try:
        return bool(YAML(typ="safe").load(value) == value)
    except Exception:  # not a scalar the loader takes: leave the file to it
        return False


@dataclass(frozen=True)
class FileRead:
    """What reading one file gave: its error, or the plan it defines or amends (and an act's number)."""

    error: AmendError | None = None
    key: str | None = None
    act: str | None = None


@dataclass(frozen=True)
class Group:
    """The files of one plan id: base files defining it and act files amending it, in listing order."""

    key: str
    bases: tuple[Path, ...] = ()
    acts: tuple[Path, ...] = ()


@dataclass
class Survey:
    """The first pass: every listed file in reading order (with the stray ones' errors in between),
    the groups by plan id, and what the survey itself had to read whole."""

    slots: list[Path | AmendError] = field(default_factory=list)
    kinds: dict[Path, str] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    reads: dict[Path, FileRead] = field(default_factory=dict)

    @cached_property  # asked once per plan: computed once
    def clean(self) -> bool:
        """True where nothing the survey met is a problem (the files of groups are read later)."""
        return not any(isinstance(s, AmendError) for s in self.slots) and all(
            r.error is None for r in self.reads.values()
        )


def head_keys(listed: list[tuple[str, Path]]) -> list[str | None]:
    """``head_key`` of each (kind, path)."""
    return [head_key(path, kind) for kind, path in listed]


def survey(repo: Repository, heads: Callable[[list[tuple[str, Path]]], list[str | None]] = head_keys) -> Survey:
    """List and group the repository's input files; read whole only those whose head does not say their
    plan. ``heads``: ``head_keys``, or a function that gives the same keys (on several processes)."""
    found = Survey()
    keyed: dict[str, tuple[list[Path], list[Path]]] = {}
    listed: list[tuple[str, Path]] = []
    for kind, path in repo.listing(found.slots.append):
        found.slots.append(path)
        found.kinds[path] = kind
        listed.append((kind, path))
    for (kind, path), key in zip(listed, heads(listed), strict=True):
        if key is None:
            read = _read_whole(kind, path)
            found.reads[path] = read
            if read.error is not None or read.key is None:
                continue
            key = read.key
        keyed.setdefault(key, ([], []))[0 if kind == "plan" else 1].append(path)
    found.groups = {key: Group(key, tuple(b), tuple(a)) for key, (b, a) in sorted(keyed.items())}
    return found


def _read_whole(kind: str, path: Path) -> FileRead:
    """Read one file to learn its plan (its model is dropped: its group reads it again, from the cache)."""
    try:
        if kind == "plan":
            return FileRead(key=load_plan(path).plan)
        amendment = load_amendment(path)
        return FileRead(key=amendment.amends, act=amendment.act.number)
    except AmendError as err:
        return FileRead(error=err)


def read_group(repo: Repository, group: Group) -> tuple[dict[Path, FileRead], Repository | None]:
    """Read one group's files: what each gave, and a repository holding the plan and its acts (None
    where the plan does not load, or a file turned out to belong to another plan)."""
    reads: dict[Path, FileRead] = {}
    plans: dict[str, tuple[Plan, Path]] = {}
    amendments: list[FiledAmendment] = []
    with gc_paused():  # a group is a batch of acyclic models; see gc_pause
        for path in group.bases:
            try:
                plan = load_plan(path)
            except AmendError as err:
                reads[path] = FileRead(error=err)
                continue
            if plan.plan in plans:
                reads[path] = FileRead(error=duplicate_plan(plan.plan, plans[plan.plan][1], path), key=plan.plan)
            else:
                plans[plan.plan] = (plan, path)
                reads[path] = FileRead(key=plan.plan)
        for path in group.acts:
            try:
                amendment = load_amendment(path)
            except AmendError as err:
                reads[path] = FileRead(error=err)
                continue
            reads[path] = FileRead(key=amendment.amends, act=amendment.act.number)
            amendments.append(FiledAmendment(amendment, path))
    if group.key not in plans or any(r.key not in (None, group.key) for r in reads.values()):
        return reads, None
    return reads, repo.holding(plans, tuple(amendments))


def misgrouped(groups: dict[str, Group], reads: dict[Path, FileRead]) -> set[str]:
    """The plan ids whose groups were wrong: a file of one validated with another plan id (both)."""
    wrong: set[str] = set()
    for key, group in groups.items():
        for path in (*group.bases, *group.acts):
            read = reads.get(path)
            actual = read.key if read is not None else None
            if actual is not None and actual != key:
                wrong.update((key, actual))
    return wrong


def regroup(found: Survey, reads: dict[Path, FileRead]) -> dict[str, Group]:
    """The groups by what every file that was read really says (a file that failed keeps its group: its
    error is its own, whichever group read it)."""
    keyed: dict[str, tuple[list[Path], list[Path]]] = {}
    for key, group in found.groups.items():
        for path in (*group.bases, *group.acts):
            read = reads.get(path)  # a file not read yet stays where its head put it
            actual = read.key if read is not None and read.key is not None else key
            keyed.setdefault(actual, ([], []))[0 if found.kinds[path] == "plan" else 1].append(path)
    order = {path: i for i, path in enumerate(found.kinds)}  # listing order within each group
    return {
        key: Group(key, tuple(sorted(b, key=order.__getitem__)), tuple(sorted(a, key=order.__getitem__)))
        for key, (b, a) in sorted(keyed.items())
    }


def read_problems(found: Survey, reads: dict[Path, FileRead]) -> list[AmendError]:
    """Every error of listing and reading files, in the order ``Repository`` meets them."""
    problems: list[AmendError] = []
    for slot in found.slots:
        if isinstance(slot, AmendError):
            problems.append(slot)
        else:
            error = reads[slot].error
            if error is not None:
                problems.append(error)
    return problems


def missing_plans(
    repo: Repository, found: Survey, reads: dict[Path, FileRead], unreadable: Iterable[object] = ()
) -> list[PlanMissing]:
    """Acts, in listing order, that amend a plan no base file defines; an act whose plan's file is in
    ``unreadable`` (the files of problems already reported) is left out, as ``Repository`` does."""
    plans = {r.key for path, r in reads.items() if found.kinds[path] == "plan" and r.error is None}
    skip = set(unreadable)
    missing = []
    for path, kind in found.kinds.items():
        read = reads[path]
        if kind != "amendment" or read.error is not None or read.key is None or read.key in plans:
            continue
        if str(repo.plan_path(read.key)) in skip:
            continue
        missing.append(
            locate(
                PlanMissing(
                    f"act {read.act} amends plan {read.key}, which is not in {repo.base_dir}",
                    path=("amends",),
                    file=path,
                )
            )
        )
    return missing
