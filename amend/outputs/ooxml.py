"""Office Open XML packages (DOCX, XLSX) made byte-reproducible: the same input, the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

__all__ = ["reproducible"]

# Writers stamp the clock into the package's core properties (openpyxl does so at save time).
_STAMPED = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def reproducible(package: bytes, day: dt.date) -> bytes:
    """The package re-zipped with every entry and the core properties dated ``day``."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    iso = f"{day.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as src,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMPED.sub(lambda m: m.group(1) + iso + m.group(2), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()
