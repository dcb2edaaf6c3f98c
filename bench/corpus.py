"""A seeded generator of synthetic plans and amendment histories, written as real YAML files.

Every history is valid by construction: the generator keeps a small model of each plan's rows
(number, section, subsection, measure) and draws each operation against it, in the order the
engine will apply them (dates never go back; acts of one day are numbered in order).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amend.store.yaml_io import dump_yaml

__all__ = ["CorpusSize", "write_corpus"]

WORDS = (
    "балалар",
    "жасөспірімдер",
    "ата-аналар",
    "мектеп",
    "ақпараттық",
    "науқан",
    "жүргізу",
    "қорғау",
    "зорлық-зомбылық",
    "профилактика",
    "денсаулық",
    "психологиялық",
    "көмек",
    "көрсету",
    "бағдарлама",
    "әзірлеу",
    "енгізу",
    "мемлекеттік",
    "органдар",
    "ұйымдар",
    "құқықтары",
    "қамтамасыз",
    "ету",
    "шаралар",
    "білім",
    "беру",
    "әлеуметтік",
    "қызмет",
    "тәрбие",
    "жұмыс",
    "ұлттық",
    "жоспар",
    "іс-шаралар",
)
FORMS = ("ОМ-ге ақпарат", "ақпараттық науқан", "бұйрық", "Үкіметке ақпарат", "әдістемелік ұсынымдар")
DEADLINES = ("жыл сайын желтоқсан", "жыл сайын маусым, желтоқсан", "2025 жылғы желтоқсан", "2026 жылғы тамыз")
CODES = ("ОМ", "ДСМ", "ЖАО", "ІІМ", "ТЖМ", "ҒЖБМ", "МАМ", "ТСМ", "КМ", "ӨҚМ", "ЦДИАӨМ", "ЕХҚМ")
FUNDING = ("-", "РБ (бюджет қаражаты шегінде)", "ЖБ", "талап етілмейді")
COLUMNS = [
    {"id": "measure", "title": "Іс-шараның атауы"},
    {"id": "form", "title": "Аяқталу нысаны"},
    {"id": "deadline", "title": "Орындау мерзімі"},
    {"id": "executors", "title": "Орындауға жауаптылар", "role": "executors"},
    {"id": "cost", "title": "Болжанатын шығыстар (млн теңге)", "role": "amount"},
    {"id": "funding", "title": "Қаржыландыру көзі", "role": "funding"},
]
SECTIONS = 4
SUBSECTIONS = 2


@dataclass(frozen=True)
class CorpusSize:
    """How much to generate."""

    plans: int
    amendments_per_plan: int
    operations_per_amendment: int
    rows_per_plan: int

    @property
    def operations(self) -> int:
        """Operations in the whole corpus."""
        return self.plans * self.amendments_per_plan * self.operations_per_amendment

    def __str__(self) -> str:
        return (
            f"{self.plans} plans x {self.rows_per_plan} rows, {self.amendments_per_plan} amendments x "
            f"{self.operations_per_amendment} ops"
        )


def _measure(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))


def _cells(rng: random.Random, codes: list[str]) -> dict[str, str]:
    return {
        "measure": _measure(rng),
        "form": rng.choice(FORMS),
        "deadline": rng.choice(DEADLINES),
        "executors": ", ".join(rng.sample(codes, rng.randint(1, 3))),
        "cost": rng.choice(("талап етілмейді", "-", f"{rng.randint(1, 9999)},{rng.randint(0, 9)}")),
        "funding": rng.choice(FUNDING),
    }


class _PlanModel:
    """The generator's own view of a plan's rows, to draw valid operations."""

    def __init__(self, rng: random.Random, n_rows: int) -> None:
        self.rows: dict[tuple[int, ...], dict[str, Any]] = {}
        per_sub = max(1, n_rows // (SECTIONS * SUBSECTIONS))
        for n in range(1, n_rows + 1):
            k = min((n - 1) // per_sub, SECTIONS * SUBSECTIONS - 1)
            section, sub = k // SUBSECTIONS + 1, k % SUBSECTIONS + 1
            self.rows[(n,)] = {
                "number": str(n),
                "section": str(section),
                "subsection": f"{section}.{sub}",
                "cells": _cells(rng, list(CODES[:6])),
            }
        self.numbers = list(self.rows)  # kept sorted

    def pick(self, rng: random.Random, avoid: set[tuple[int, ...]]) -> tuple[int, ...]:
        # Rows another act changes on the same day are avoided: two acts in force on one day that
        # change one row are a conflict that `amend check` reports.
        free = [n for n in self.numbers if n not in avoid] if avoid else self.numbers
        if not free:
            raise ValueError("every row is changed by another act that day")  # the caller moves the day
        return rng.choice(free)


def _text(number: tuple[int, ...]) -> str:
    return "-".join(map(str, number))


def _operation(
    rng: random.Random, model: _PlanModel, codes: list[str], avoid: set[tuple[int, ...]], mine: set[tuple[int, ...]]
) -> dict[str, Any]:
    kind = rng.choices(
        ("replace_row", "insert_rows", "delete_row", "replace_cells", "replace_words"), weights=(4, 3, 1, 2, 2)
    )[0]
    if kind == "delete_row" and len(model.numbers) < 10:
        kind = "replace_row"
    target = model.pick(rng, avoid)
    mine.add(target)
    row = model.rows[target]
    if kind == "replace_row":
        row["cells"] = _cells(rng, codes)
        return {"op": "replace_row", "section": row["section"], "row": _text(target), "cells": dict(row["cells"])}
    if kind == "insert_rows":
        sub = 1
        while (*target, sub) in model.rows:
            sub += 1
        number = (*target, sub)
        new = {
            "number": _text(number),
            "section": row["section"],
            "subsection": row["subsection"],
            "cells": _cells(rng, codes),
        }
        model.rows[number] = new
        mine.add(number)
        model.numbers.append(number)
        model.numbers.sort()
        return {
            "op": "insert_rows",
            "section": row["section"],
            "subsection": row["subsection"],
            "rows": [{"number": new["number"], "cells": dict(new["cells"])}],
        }
    if kind == "delete_row":
        # A row with sub-numbered children stays: deleting a parent then inserting after it is refused.
        if any(len(n) > len(target) and n[: len(target)] == target for n in model.numbers):
            return _operation(rng, model, codes, avoid, mine)
        del model.rows[target]
        model.numbers.remove(target)
        return {"op": "delete_row", "row": _text(target)}
    if kind == "replace_cells":
        row["cells"]["deadline"] = rng.choice(DEADLINES)
        return {"op": "replace_cells", "row": _text(target), "cells": {"deadline": row["cells"]["deadline"]}}
    measure = row["cells"]["measure"]
    old = rng.choice(measure.split())
    new = rng.choice(WORDS)
    count = measure.count(old)
    row["cells"]["measure"] = measure.replace(old, new)
    return {
        "op": "replace_words",
        "row": _text(target),
        "column": "measure",
        "old": old,
        "new": new,
        "occurrences": count,
    }


def write_corpus(root: Path, size: CorpusSize, seed: int = 2025) -> None:
    """Write plans/base and plans/amendments for ``size`` under ``root``."""
    rng = random.Random(seed)
    base_dir, amend_dir = root / "plans" / "base", root / "plans" / "amendments"
    base_dir.mkdir(parents=True, exist_ok=True)
    amend_dir.mkdir(parents=True, exist_ok=True)
    act_number = 1000
    for p in range(size.plans):
        plan_id = str(10_000 + p)
        model = _PlanModel(rng, size.rows_per_plan)
        start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 365))
        (base_dir / f"{plan_id}.yaml").write_text(
            dump_yaml(
                {
                    "plan": plan_id,
                    "act": {
                        "issuer": "Қазақстан Республикасының Үкіметі",
                        "kind": "қаулы",
                        "number": plan_id,
                        "date": start,
                        "title": f"Синтетикалық жоспарды бекіту туралы ({plan_id})",
                    },
                    "entry_into_force": {"rule": "on_signing"},
                    "title": f"Синтетикалық жоспар {plan_id}",
                    "columns": COLUMNS,
                    "sections": [
                        {
                            "number": str(s),
                            "title": _measure(rng),
                            "subsections": [
                                {
                                    "number": f"{s}.{k}",
                                    "title": rng.choice(("Қысқа мерзімді шаралар", "Орта мерзімді шаралар")),
                                }
                                for k in range(1, SUBSECTIONS + 1)
                            ],
                        }
                        for s in range(1, SECTIONS + 1)
                    ],
                    "rows": [model.rows[n] for n in model.numbers],
                    "abbreviations": {c: f"{c} толық атауы" for c in CODES[:6]},
                }
            ),
            encoding="utf-8",
        )
        codes = list(CODES[:6])
        day = start
        in_force = start
        changed_today: set[tuple[int, ...]] = set()  # rows changed by earlier acts in force that day
        for k in range(size.amendments_per_plan):
            # Staggered dates: most acts weeks apart, some on the same day, some in force ten days after
            # publication. Entry into force never goes back, so acts take effect in the order drawn.
            day += dt.timedelta(days=rng.choice((0, 1, 7, 30, 30, 90)))
            act_number += 1
            entry: dict[str, Any] = {"rule": "on_signing"}
            if rng.random() < 0.2:
                published = day + dt.timedelta(days=rng.randint(1, 5))
                entry = {"rule": "after_publication", "days": 10, "published": published}
                effective = published + dt.timedelta(days=11)
            else:
                effective = day
            if effective < in_force:
                entry, effective = {"rule": "on_date", "date": in_force}, in_force
            if effective == in_force and len(changed_today) + size.operations_per_amendment * 2 > len(model.numbers):
                # Too many rows are already changed that day: this act comes into force a day later.
                day = max(day, in_force) + dt.timedelta(days=1)
                entry, effective = {"rule": "on_signing"}, day
            if effective != in_force:
                changed_today = set()
            in_force = effective
            mine: set[tuple[int, ...]] = set()
            ops = []
            if k % 7 == 3 and len(codes) < len(CODES):
                code = CODES[len(codes)]
                codes.append(code)
                ops.append({"op": "add_abbreviations", "entries": {code: f"{code} толық атауы"}})
            while len(ops) < size.operations_per_amendment:
                ops.append(_operation(rng, model, codes, changed_today, mine))
            changed_today |= mine
            (amend_dir / f"{act_number}.yaml").write_text(
                dump_yaml(
                    {
                        "act": {
                            "issuer": "Қазақстан Республикасының Үкіметі",
                            "kind": "қаулы",
                            "number": str(act_number),
                            "date": day,
                            "title": f"{plan_id} жоспарына өзгерістер енгізу туралы",
                        },
                        "amends": plan_id,
                        "status": "adopted",
                        "entry_into_force": entry,
                        "operations": ops,
                    }
                ),
                encoding="utf-8",
            )
