"""Problems and flags for people and machines: text, a stable JSON report, GitHub Actions annotations.

Imports nothing heavy: ``amend check`` formats its report through this module on every commit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from amend.errors import AmendError, Location

__all__ = ["Finding", "Report", "ReportFormat", "check_report", "github_annotation", "github_lines"]


class ReportFormat(str, Enum):
    """How ``amend check`` and ``amend lint`` print what they found."""

    text = "text"
    json = "json"
    github = "github"


class Finding(Protocol):
    """What a problem (an ``AmendError``) and a lint flag have in common."""

    rule: str
    message: str
    hint: str | None
    file: str | None
    location: Location | None

    def format(self) -> str: ...

    def as_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Report:
    """What a command prints: on standard output and on standard error."""

    stdout: str
    stderr: str


def _escape_data(text: str) -> str:
    # The escapes GitHub's runner undoes in a workflow command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # In a property value, ':' and ',' would end the value: they are escaped too.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _workspace_path(file: str) -> str:
    # GitHub places an annotation by a path relative to the checkout, which is the working directory
    # in a workflow step; an absolute path under it is made relative.
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def github_annotation(level: str, finding: Finding) -> str:
    """One workflow command: ``::error file=F,line=L,col=C,title=RULE::message`` (hint on a second line)."""
    loc = finding.location
    file = loc.file if loc else finding.file
    props = []
    if file:
        props.append(f"file={_escape_property(_workspace_path(file))}")
        if loc is not None and loc.line is not None:
            props.append(f"line={loc.line}")
            if loc.column is not None:
                props.append(f"col={loc.column}")
    props.append(f"title={_escape_property(finding.rule)}")
    message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


def github_lines(findings: Sequence[Finding], level: str = "error") -> list[str]:
    """One annotation line per finding, in order."""
    return [github_annotation(level, f) for f in findings]


def check_report(problems: Sequence[Finding], format: ReportFormat, warnings: Sequence[Finding] = ()) -> Report:
    """What ``amend check`` prints: ``problems`` (errors; none: all is consistent) and ``warnings``.

    A problem found together with others in one file (``AmendError.also``) is reported with each of them.
    """
    problems = [each for p in problems for each in _every(p)]
    match format:
        case ReportFormat.json:
            data: dict[str, Any] = {"ok": not problems, "problems": [p.as_dict() for p in problems]}
            if warnings:  # only then: the report of a clean run stays {"ok": true, "problems": []}
                data["warnings"] = [w.as_dict() for w in warnings]
            return Report(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "")
        case ReportFormat.github:
            # The runner reads annotations from standard output; the count goes to standard error.
            lines = github_lines(problems, "error") + github_lines(warnings, "warning")
            return Report(
                "".join(line + "\n" for line in lines) + ("" if problems else _ok(warnings)),
                f"{len(problems)} problem(s), {len(warnings)} warning(s)\n" if lines else "",
            )
        case _:
            found = "".join(f.format() + "\n" for f in [*problems, *warnings])
            return Report("" if problems else _ok(warnings), found)


def _every(finding: Finding) -> list[Finding]:
    if isinstance(finding, AmendError):
        return list(finding.every())
    return [finding]


def _ok(warnings: Sequence[Finding]) -> str:
    extra = f" ({len(warnings)} warning(s))" if warnings else ""
    return f"ok: plans, amendments and consolidated/ are consistent{extra}\n"
