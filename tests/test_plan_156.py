"""Resolution 156 (the 2020-2023 Road Map): the transcription checked against its source text.

The seed is PDF-extracted text: the cells of a row are interleaved and words are split, but every
letter and digit of a row stands between its row-number marker and the next. So each transcribed row
must hold the same multiset of letters and digits as its segment of the source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal

import pytest
from conftest import SOURCES

from amend import UNKNOWN
from amend.engine.amounts import cost_totals, parse_amount

SEED = SOURCES / "156.txt"
# Latin letters that the PDF mixes into Cyrillic words; folded on both sides before counting.
LOOK_ALIKES = str.maketrans("IiAaBEeKMHOoPpCcTXxy", "ІіАаВЕеКМНОоРрСсТХху")
YEARS = ("cost_2020", "cost_2021", "cost_2022", "cost_2023")


def letters(text: str) -> Counter:
    return Counter(ch for ch in text.translate(LOOK_ALIKES) if ch.isalnum())


@pytest.fixture(scope="module")
def plan(repo):
    return repo.timeline("156").in_force_at(dt.date(2020, 3, 30)).plan


@pytest.fixture(scope="module")
def segments(plan) -> dict[str, Counter]:
    """Each row's source text (between its marker and the next, section headings removed), as letters."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    starts = []
    i = 0
    for n in range(1, 71):
        marker = re.compile(rf"^ ?{n}\.(\s|$)")
        while not marker.match(lines[i]):
            i += 1
        starts.append(i)
        i += 1
    end = next(k for k in range(starts[-1], len(lines)) if "Аббревиатуралардың толық жазылуы" in lines[k])
    found = {}
    for n, (a, b) in enumerate(zip(starts, starts[1:] + [end]), start=1):
        segment = "\n".join(lines[a:b])
        found[str(n)] = letters(re.sub(rf"^ ?{n}\.", "", segment, count=1))
    # A section heading stands at the end of the segment of the row before the section's first row.
    first_rows = {}
    for row in plan.rows:
        first_rows.setdefault(row.section, str(row.number))
    for section in plan.sections[1:]:
        before = str(int(first_rows[section.number]) - 1)
        heading = letters(section.number + section.title)
        assert not heading - found[before], f"heading of section {section.number} not found before its rows"
        found[before] -= heading
    return found


def row_letters(row) -> Counter:
    return letters(" ".join(t for t in row.cells.values() if t is not UNKNOWN))


def agreement(a: Counter, b: Counter) -> float:
    return sum((a & b).values()) / max(sum(a.values()), sum(b.values()), 1)


def test_seventy_rows_numbered_1_to_70_in_five_sections(plan):
    assert [str(r.number) for r in plan.rows] == [str(n) for n in range(1, 71)]
    assert [s.number for s in plan.sections] == ["I", "II", "III", "IV", "V"]
    assert len({r.section for r in plan.rows}) == 5


def test_every_row_holds_the_letters_and_digits_of_its_source_segment(plan, segments, capsys):
    scores = {str(r.number): agreement(row_letters(r), segments[str(r.number)]) for r in plan.rows}
    with capsys.disabled():
        below = {n: f"{s:.4f}" for n, s in scores.items() if s < 1}
        print(
            f"\n156 fidelity: {sum(s == 1 for s in scores.values())}/70 rows agree 100%; below 100%: {below or 'none'}"
        )
    worst = min(scores, key=scores.get)
    assert scores[worst] >= 0.99, (
        worst,
        row_letters(plan.rows[int(worst) - 1]) - segments[worst],
        segments[worst] - row_letters(plan.rows[int(worst) - 1]),
    )
    # Every row is at 100% today; a drop is a transcription change to look at, so say which.
    assert all(s == 1 for s in scores.values()), {n: s for n, s in scores.items() if s < 1}


def test_costs_add_up_where_they_are_figures(plan):
    checked = 0
    for row in plan.rows:
        total = parse_amount(row.cells["cost_total"])
        years = [row.cells[c] for c in YEARS]
        if total is None or not all(y == "-" or parse_amount(y) is not None for y in years):
            continue
        checked += 1
        assert total == sum((parse_amount(y) or Decimal(0) for y in years), Decimal(0)), row.number
    assert checked == 4  # rows 16, 18, 36 and 40 state figures


def test_values_that_are_words_are_values_not_blanks(plan):
    cells = [t for r in plan.rows for t in r.cells.values()]
    assert "талап етілмейді" in cells and "-" in cells
    assert all(t is UNKNOWN or t.strip() for t in cells)


def test_dash_lists_keep_their_line_breaks(plan):
    measure = plan.rows[0].cells["measure"]
    assert measure.count("\n- ") >= 3


def test_the_act_its_points_and_signatory_are_recorded(plan):
    assert plan.act.number == "156" and plan.act.date == dt.date(2020, 3, 30)
    assert [p.number for p in plan.act.points] == ["1", "2", "3", "4"]
    assert "қол қойылған күнінен бастап қолданысқа енгізіледі" in plan.act.points[3].text
    assert plan.act.signatory.name == "А. Мамин"
    assert plan.entry_into_force.rule == "on_signing"


def test_the_abbreviations_note_is_complete(plan):
    codes = list(plan.abbreviations)
    assert codes[0] == "АҚДМ" and codes[-1] == "ІІМ" and len(codes) == 28
    assert all(a.expansion is not UNKNOWN for a in plan.abbreviations.values())


def test_cost_totals_by_year_and_funding_source(plan):
    totals = cost_totals(plan)
    assert totals.rows_with_figures == 4
    assert totals.total["cost_total"] == sum(
        (parse_amount(r.cells["cost_total"]) or Decimal(0) for r in plan.rows), Decimal(0)
    )
    assert totals.total["cost_total"] == sum((totals.total[c] for c in YEARS), Decimal(0))
    assert set(totals.by_funding) == {"РБ"}
