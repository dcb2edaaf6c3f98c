"""LibreOffice headless for the tests that open our files as an office suite would (soffice --convert-to).

Without soffice the caller skips with the reason, except under AMEND_REQUIRE_OFFICE=1 (set by .ci/run),
where it fails: in CI these tests must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def soffice() -> str:
    """The soffice executable, or a skip (a failure in CI)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = (
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
        )
        if os.environ.get("AMEND_REQUIRE_OFFICE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def convert(source: Path, to: str, outdir: Path, *, infilter: str | None = None) -> Path:
    """``source`` converted by LibreOffice to the format ``to`` (e.g. "pdf", "xlsx", "csv:..."), in outdir."""
    exe = soffice()
    profile = outdir / "lo-profile"  # a private profile: parallel runs do not share LibreOffice's lock
    cmd = [exe, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", to, "--outdir", str(outdir), str(source)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    target = outdir / f"{source.stem}.{to.split(':', maxsplit=1)[0]}"
    assert target.exists(), f"LibreOffice did not convert {source}: {done.stdout} {done.stderr}"
    return target


def pdftotext(pdf: Path) -> str:
    """The PDF's text in reading layout (poppler-utils), or a skip (a failure in CI)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        reason = "pdftotext is not installed: apt-get install poppler-utils"
        if os.environ.get("AMEND_REQUIRE_OFFICE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return subprocess.run([exe, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    """The number of pages of a PDF (pdfinfo)."""
    exe = shutil.which("pdfinfo")
    assert exe is not None, "pdfinfo (poppler-utils) is missing"
    out = subprocess.run([exe, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
