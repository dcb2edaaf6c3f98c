"""What the bench compares the engine with: a plan as one JSON document and its amendments as JSON Patches.

Its own module so that the runner (run.py) and the figures (figures.py) both import it and neither
imports the other.
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from amend import Amendment, Plan
from amend.engine.timeline import order_key

ROOT = Path(__file__).resolve().parent.parent


def as_json_patch(base: Plan, amendments: list[Amendment], *, by_day: bool = False) -> tuple[dict, list[list[dict]]]:
    """The plan as a JSON document and each amendment's operations as one JSON Patch, in effect order
    (``by_day``: one patch per version day, all the operations that take effect that day)."""
    doc = {
        "rows": [
            {"number": str(r.number), "section": r.section, "subsection": r.subsection, "cells": dict(r.cells)}
            for r in base.rows
        ],
        "abbreviations": {c: a.expansion for c, a in base.abbreviations.items()},
    }
    numbers = [r.number.parts for r in base.rows]
    cells = {r.number.parts: dict(r.cells) for r in base.rows}
    steps = sorted(((order_key(a, i), a, i) for a in amendments for i in range(len(a.operations))), key=lambda s: s[0])
    patches: dict[int, list[dict]] = {}
    for key, a, i in steps:
        op = a.operations[i]
        patch = patches.setdefault(key[0].toordinal() if by_day else id(a), [])
        if op.op == "replace_row":
            k = bisect_left(numbers, op.row.parts)
            cells[op.row.parts] = dict(op.cells)
            patch.append({"op": "replace", "path": f"/rows/{k}/cells", "value": dict(op.cells)})
        elif op.op == "insert_rows":
            for new in op.rows:
                k = bisect_left(numbers, new.number.parts)
                numbers.insert(k, new.number.parts)
                cells[new.number.parts] = dict(new.cells)
                patch.append(
                    {
                        "op": "add",
                        "path": f"/rows/{k}",
                        "value": {
                            "number": str(new.number),
                            "section": op.section,
                            "subsection": op.subsection,
                            "cells": dict(new.cells),
                        },
                    }
                )
        elif op.op == "delete_row":
            k = bisect_left(numbers, op.row.parts)
            numbers.pop(k)
            patch.append({"op": "remove", "path": f"/rows/{k}"})
        elif op.op == "replace_cells":
            k = bisect_left(numbers, op.row.parts)
            for c, t in op.cells.items():
                patch.append({"op": "replace", "path": f"/rows/{k}/cells/{c}", "value": t})
        elif op.op == "replace_words":
            k = bisect_left(numbers, op.row.parts)
            new_text = cells[op.row.parts][op.column].replace(op.old, op.new)
            cells[op.row.parts][op.column] = new_text
            patch.append({"op": "replace", "path": f"/rows/{k}/cells/{op.column}", "value": new_text})
        elif op.op == "add_abbreviations":
            for code, text in op.entries.items():
                patch.append({"op": "add", "path": f"/abbreviations/{code}", "value": text})
    return doc, list(patches.values())  # filled in effect order, so already in that order
