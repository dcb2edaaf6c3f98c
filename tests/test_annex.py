"""annex.read_row: one test per layout rule of the extracted annex table, on small rows written in that layout.

A row is written here as its printed lines: ``|`` ends a printed line (what is before it is kept, a
trailing blank included), ``<PB>`` is a page break (three empty lines); every printed line is followed by
one empty line, as in the reference bank's text.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amend import UNKNOWN
from amend.engine.model import Column
from amend.importer.base_plan.annex import column_kinds, form_width, page_break, read_row
from amend.importer.text import Lexicon

CODES = ["БҒМ", "ДСМ", "ЖАО", "ІІМ", "Еңбекмині", "Қаржымині", "ТЖМ", "БП", "РБ", "ЖБ", "ОМ"]


def columns(*years: str) -> list[Column]:
    ids = [
        ("measure", "text"),
        ("form", "text"),
        ("executors", "executors"),
        ("deadline", "text"),
        ("cost_total", "amount"),
        *[(f"cost_{y}", "amount") for y in years],
        ("funding", "funding"),
        ("budget_program", "text"),
    ]
    return [Column(id=i, title=UNKNOWN, role=r) for i, r in ids]  # type: ignore[arg-type]


WIDE = columns("2024", "2025")  # seven cells from cost_total on


def printed(text: str, first: int = 10) -> list[tuple[int, str]]:
    """The segment of a row: (line number, printed line), an empty line after each."""
    out: list[tuple[int, str]] = []
    n = first
    for line in text.strip("\n").split("\n"):
        if line == "<PB>":
            out += [(n, ""), (n + 1, "")]
            n += 2
            continue
        out += [(n, line[:-1] if line.endswith("|") else line), (n + 1, "")]
        n += 2
    return out


def read(text: str, header: str | None = None, cols: list[Column] = WIDE):
    return read_row(printed(text), cols, CODES, Lexicon(), header=(9, header) if header else None)


def test_columns_are_printed_one_after_another_and_read_in_column_order():
    row = read("""
Мектептерде |
медиация |
қызметін құру |
БҒМ-ге |
ақпарат |
БҒМ, |
ЖАО |
2024 жылғы |
желтоқсан |
талап |
етілмейді |
- - - - - - |
""")
    assert row.cells == {
        "measure": "Мектептерде медиация қызметін құру",
        "form": "БҒМ-ге ақпарат",
        "executors": "БҒМ, ЖАО",
        "deadline": "2024 жылғы желтоқсан",
        "cost_total": "талап етілмейді",
        "cost_2024": "-",
        "cost_2025": "-",
        "funding": "-",
        "budget_program": "-",
    }
    assert any("verbal noun" in message for _, message in row.notes)


def test_the_row_number_line_holding_the_first_line_of_every_column_starts_each_cell():
    row = read(
        """
<PB>
Республикасының |
заңнамасына |
өзгерістер енгізу |
ұсыныстар  ДСМ, |
ЖАО |
жылдар |
етілмейді |
""",
        header="Қазақстан Үкіметке  ТЖМ,  2024 – 2025 талап - - - - - - ",
    )
    assert row.cells["measure"] == "Қазақстан Республикасының заңнамасына өзгерістер енгізу"
    assert row.cells["form"] == "Үкіметке ұсыныстар"
    assert row.cells["executors"] == "ТЖМ, ДСМ, ЖАО"
    assert row.cells["deadline"] == "2024 – 2025 жылдар"
    assert row.cells["cost_total"] == "талап етілмейді"
    assert all(row.cells[c] == "-" for c in ("cost_2024", "cost_2025", "funding", "budget_program"))
    # The header's free words were parted by a choice: marked, quoting the printed line.
    assert any("Қазақстан Үкіметке  ТЖМ" in message for _, message in row.notes)


def test_a_measure_running_on_after_a_page_break_is_joined_and_the_form_stays_before_it():
    row = read("""
Балалар |
лагерлерінде |
әдістемелік |
ұсынымдар |
ОМ |
2025 жыл |
талап |
етілмейді |
- - - - - - |
<PB>
қауіпсіздік |
талаптарын |
енгізу |
""")
    assert row.cells["measure"] == "Балалар лагерлерінде қауіпсіздік талаптарын енгізу"
    assert row.cells["form"] == "әдістемелік ұсынымдар"
    assert row.cells["deadline"] == "2025 жыл"


def test_a_possessed_noun_takes_the_noun_before_it_into_the_form():
    row = read("""
Жасөспірімдерге |
арналған |
Үкімет |
қаулысы |
ДСМ |
2024 жыл |
талап |
етілмейді |
- - - - - - |
<PB>
орталықтар ашу |
""")
    assert (row.cells["measure"], row.cells["form"]) == ("Жасөспірімдерге арналған орталықтар ашу", "Үкімет қаулысы")


def test_a_code_cut_by_the_column_edge_and_a_page_break_goes_on_in_the_next_band():
    row = read("""
Түлектерге |
бейімдеу |
орталықтарын ашу |
ЖАО шешімі |
Еңбекмин|
і, Қаржымин|
2024 – 2025  |
жылдар |
талап |
етілмейді |
- - - - - - |
<PB>
і, ЖАО |
""")
    assert row.cells["executors"] == "Еңбекмині, Қаржымині, ЖАО"
    assert row.cells["form"] == "ЖАО шешімі"
    assert row.cells["deadline"] == "2024 – 2025 жылдар"


def test_a_page_break_in_the_deadline_column_continues_the_deadline_after_the_measure():
    row = read("""
Балаларды |
қолдау |
Үкіметке |
ақпарат |
ДСМ |
2024 жылдың |
екінші |
талап |
етілмейді |
- - - - - - |
<PB>
шараларын |
кеңейту |
жартыжылды|
ғы |
""")
    assert row.cells["measure"] == "Балаларды қолдау шараларын кеңейту"
    assert row.cells["form"] == "Үкіметке ақпарат"
    assert row.cells["deadline"] == "2024 жылдың екінші жартыжылдығы"


def test_figures_funding_and_budget_codes_cut_in_narrow_columns_are_closed_up():
    row = read("""
Деректер |
базасын құру |
құрал |
БҒМ |
2024 – 2025  |
жылдар |
90,0 |
45,|
0 |
45,|
0 |
Р|
Б |
00|
1 |
10|
4 |
""")
    assert [row.cells[c] for c in ("cost_total", "cost_2024", "cost_2025", "funding", "budget_program")] == [
        "90,0",
        "45,0",
        "45,0",
        "РБ",
        "001 104",
    ]


def test_figures_printed_on_one_line_are_one_cell_each():
    row = read("""
Әдістеме |
әзірлеу |
құрал |
БҒМ |
2024 жыл |
20,0 20 - |
ЖБ |
- |
""")
    assert [row.cells[c] for c in ("cost_total", "cost_2024", "cost_2025", "funding", "budget_program")] == [
        "20,0",
        "20",
        "-",
        "ЖБ",
        "-",
    ]


def test_fewer_printed_cells_than_columns_leaves_the_last_unknown_and_says_so():
    row = read("""
Тәжірибені |
тарату |
ақпарат |
БҒМ |
2024 жыл |
талап |
етілмейді |
- - - |
""")
    assert [row.cells[c] for c in ("cost_2024", "cost_2025", "funding")] == ["-", "-", "-"]
    assert row.cells["budget_program"] is UNKNOWN
    assert any("budget_program left unknown" in message for _, message in row.notes)


def test_a_cost_in_words_is_one_cell_and_a_word_cut_at_the_edge_is_closed_up():
    row = read("""
Спорт |
секцияларын ашу |
бұйрық |
ОМ |
<PB>
2024 – 2025  |
жылдар |
РБ, ЖБ |
көзделген |
қаражат |
шеңберін|
де |
- - - - - - |
""")
    assert row.cells["cost_total"] == "РБ, ЖБ көзделген қаражат шеңберінде"
    assert row.cells["executors"] == "ОМ"
    assert row.cells["budget_program"] == "-"


def test_a_line_printed_with_a_leading_blank_starts_the_form():
    # Without the blank, "келісу" (a verbal noun) would end the measure.
    row = read("""
Деректер |
алмасуды |
айқындау |
 ведомствоаралық |
келісу |
хаттамасы |
ДСМ |
2024 жыл |
талап |
етілмейді |
- - - - - - |
""")
    assert (row.cells["measure"], row.cells["form"]) == (
        "Деректер алмасуды айқындау",
        "ведомствоаралық келісу хаттамасы",
    )


def test_executors_sharing_a_printed_line_with_the_form_are_parted_from_it():
    row = read("""
Қағидаларды |
бекіту |
бұйрық БҒМ, |
ДСМ |
2024 жыл |
талап |
етілмейді |
- - - - - - |
""")
    assert (row.cells["form"], row.cells["executors"]) == ("бұйрық", "БҒМ, ДСМ")


def test_words_broken_across_lines_hyphenated_or_not_are_rejoined():
    row = read("""
Тұрғын үй-|
коммуналдық |
шаруашылықтард|
ың жауапкершілігін |
күшейту |
ұсыныстар |
ІІМ |
2024 жыл |
талап |
етілмейді |
- - - - - - |
""")
    assert row.cells["measure"] == "Тұрғын үй-коммуналдық шаруашылықтардың жауапкершілігін күшейту"


def test_spaced_out_letters_and_latin_look_alikes_are_repaired():
    # "т а л а п" printed letter by letter; "ЖAO" and "мектeп" with Latin A, O and e.
    row = read("""
Мектeп |
психологтарын |
оқыту |
ақпарат |
ЖAO |
2024 жыл |
т а л а п |
етілмейді |
- - - - - - |
""")
    assert row.cells["measure"] == "Мектеп психологтарын оқыту"
    assert row.cells["executors"] == "ЖАО"
    assert row.cells["cost_total"] == "талап етілмейді"


def test_a_dash_item_spaced_wide_keeps_its_own_line_in_the_measure():
    row = read("""
Заңнамаға: |
-  балалардың |
құқықтарын |
қорғау; |
-  жазаны |
күшейту |
ұсыныстар |
ІІМ |
2024 жыл |
талап |
етілмейді |
- - - - - - |
""")
    assert row.cells["measure"] == "Заңнамаға:\n- балалардың құқықтарын қорғау;\n- жазаны күшейту"


def test_a_deadline_word_cut_with_a_trailing_blank_is_still_closed_up():
    row = read("""
Бақылау |
жүйелерін орнату |
ақпарат |
ЖАО |
2024 жылдың |
екінші |
жартыжыл |
дығы |
ЖБ |
көзделген |
қаражат |
шегінде |
- - - - - - |
""")
    assert row.cells["deadline"] == "2024 жылдың екінші жартыжылдығы"
    assert row.cells["cost_total"] == "ЖБ көзделген қаражат шегінде"


def test_cells_no_rule_gives_are_unknown_with_a_note_never_guessed():
    # No verbal noun, no leading blank, no noun with modifiers: measure and form cannot be parted.
    row = read("""
Балалар |
мен жастар |
ДСМ |
2024 жыл |
талап |
етілмейді |
- - - - - - |
""")
    assert row.cells["measure"] is UNKNOWN and row.cells["form"] is UNKNOWN
    assert any("cannot be parted" in message for _, message in row.notes)
    assert row.cells["executors"] == "ДСМ"


def test_executors_that_do_not_read_as_codes_are_left_unknown():
    row = read("""
Әдістеме |
әзірлеу |
құрал |
БҒМ, |
2024 жыл |
талап |
етілмейді |
- - - - - - |
""")
    assert row.cells["executors"] is UNKNOWN
    assert any(message.startswith("executors:") for _, message in row.notes)


@pytest.mark.parametrize(
    ("ids", "kinds"),
    [
        (WIDE, ["free", "free", "executors", "deadline", *["money"] * 5]),
        (
            [Column(id=i, title=UNKNOWN, role="text") for i in ("measure", "form", "deadline")]
            + [Column(id="executors", title=UNKNOWN, role="executors"), Column(id="cost", title=UNKNOWN)],
            ["free", "free", "deadline", "executors", "money"],
        ),
    ],
)
def test_column_kinds_follow_roles_and_ids_in_the_plans_order(ids, kinds):
    assert column_kinds(ids) == kinds


def test_a_plan_whose_deadline_comes_before_its_executors_is_read_in_its_own_column_order():
    cols = [
        Column(id="measure", title=UNKNOWN),
        Column(id="form", title=UNKNOWN),
        Column(id="deadline", title=UNKNOWN),
        Column(id="executors", title=UNKNOWN, role="executors"),
        Column(id="cost", title=UNKNOWN, role="amount"),
    ]
    row = read(
        """
Ережені |
бекіту |
бұйрық |
2025 жылғы |
наурыз |
ДСМ, |
ЖАО |
талап |
етілмейді |
""",
        cols=cols,
    )
    assert row.cells == {
        "measure": "Ережені бекіту",
        "form": "бұйрық",
        "deadline": "2025 жылғы наурыз",
        "executors": "ДСМ, ЖАО",
        "cost": "талап етілмейді",
    }


# --- Rows generated and printed in the extracted layout, read back --------------------------------------

MEASURE_WORDS = [
    "балалардың",
    "құқықтарын",
    "қорғау",
    "жөніндегі",
    "мектептердегі",
    "психологиялық",
    "қызметтің",
    "тиімділігін",
    "жасөспірімдер",
    "арасында",
    "зорлық-зомбылықтың",
    "алдын",
    "алу",
    "бойынша",
    "өңірлік",
    "орталықтардың",
    "жұмысын",
    "ата-аналармен",
    "бірлесіп",
    "білім",
    "беру",
    "ұйымдарында",
]
ENDINGS = ["әзірлеу", "енгізу", "пысықтау", "ұйымдастыру", "қамтамасыз ету", "өткізу", "жетілдіру"]
FORMS = [
    "бұйрық",
    "Үкіметке ақпарат",
    "БҒМ-ге ақпарат",
    "әдістемелік ұсынымдар",
    "Үкімет қаулысы",
    "талдамалық анықтама",
    "ұсынымдар",
    "Үкіметке ұсыныстар",
]
DEADLINES = [
    "2024 жылғы желтоқсан",
    "2025 жылдың бірінші жартыжылдығы",
    "2024 – 2026 жылдар",
    "жыл сайын қараша",
    "тоқсан сайын",
    "2026 жыл",
]
EXECUTORS = ["БҒМ", "ДСМ", "ЖАО", "ІІМ", "Еңбекмині", "Қаржымині", "ТЖМ", "ОМ", "БП (келісу бойынша)"]


def _wrap(text: str, width: int) -> list[tuple[str, bool]]:
    """Greedy lines of at most ``width`` characters; a longer word is cut at the edge (no trailing blank)."""
    lines: list[tuple[str, bool]] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append((current, True))
                current = ""
            lines.append((word[:width], False))
            word = word[width:]
        if current and len(current) + 1 + len(word) > width:
            lines.append((current, True))
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append((current, True))
    return lines


AMOUNTS = ["2024 жылы – 120, 5 млн теңге; 2025 жылы – 130 млн теңге", "2025 жылы – 48 млн теңге", "талап етілмейді"]
COLUMNS_748 = [
    Column(id="measure", title=UNKNOWN),
    Column(id="form", title=UNKNOWN),
    Column(id="deadline", title=UNKNOWN),
    Column(id="executors", title=UNKNOWN, role="executors"),
    Column(id="cost", title=UNKNOWN),
    Column(id="funding", title=UNKNOWN, role="funding"),
]


@st.composite
def generated_rows(draw):
    """A row's cells, and the row printed as the bank prints it: (cells, segment, header, columns)."""
    words = draw(st.lists(st.sampled_from(MEASURE_WORDS), min_size=2, max_size=14))
    measure = " ".join([words[0].capitalize(), *words[1:], draw(st.sampled_from(ENDINGS))])
    executors = ", ".join(draw(st.lists(st.sampled_from(EXECUTORS), min_size=1, max_size=4, unique=True)))
    cells = {
        "measure": measure,
        "form": draw(st.sampled_from(FORMS)),
        "executors": executors,
        "deadline": draw(st.sampled_from(DEADLINES)),
    }
    # 156's columns (executors, deadline, five amounts and codes) or 748's (deadline, executors, cost, funding).
    plan_748 = draw(st.booleans())
    if plan_748:
        cells = {c: cells[c] for c in ("measure", "form", "deadline", "executors")}
        cells["cost"] = draw(st.sampled_from(AMOUNTS))
        cells["funding"] = draw(st.sampled_from(["ЖБ", "-", "РБ, ЖБ"]))
        widths = {"measure": 18, "form": 12, "deadline": 11, "executors": 10, "cost": 14, "funding": 6}
        columns_lines = [_wrap(cells[c], w) for c, w in widths.items()]
    else:
        money = draw(
            st.one_of(
                st.just(["талап етілмейді", "-", "-", "-", "-"]),
                st.tuples(st.sampled_from(["40,0", "120,5", "8,0"]), st.sampled_from(["20,0", "-"])).map(
                    lambda t: [t[0], t[1], "-", "РБ", "001"]
                ),
            )
        )
        cells.update(zip(["cost_total", "cost_2024", "cost_2025", "funding", "budget_program"], money, strict=True))
        widths = {"measure": 18, "form": 12, "executors": 10, "deadline": 11}
        columns_lines = [_wrap(cells[c], w) for c, w in widths.items()]
        if money[0] == "талап етілмейді":
            columns_lines += [[("талап", True), ("етілмейді", True)], [(" ".join(money[1:]), True)]]
        else:
            columns_lines += [[(" ".join(money[:3]), True)], [("Р", False), ("Б", True)], [("00", False), ("1", True)]]
    height = max(len(c) for c in columns_lines)
    # A page break after line k of the row (never: k = height), and whether the row-number line holds
    # the first line of every column.
    k = draw(st.integers(1, height))
    header = draw(st.booleans()) and k > 1
    # Printed with an empty line after each line (a page break: three), or with none (a page break: one)
    # and whole words' trailing blanks lost now and then.
    dense = draw(st.booleans())
    blank = draw(st.lists(st.booleans(), min_size=sum(len(c) for c in columns_lines) + 1)) if dense else None
    head = " ".join(lines[0][0] for lines in columns_lines) + " " if header else None
    segment: list[tuple[int, str]] = []
    n = 10

    def put(raw: str) -> None:
        nonlocal n
        segment.append((n, raw))
        n += 1
        if not dense:
            segment.append((n, ""))
            n += 1

    def page() -> None:
        nonlocal n
        for _ in range(1 if dense else 2):
            segment.append((n, ""))
            n += 1

    if header:
        page()
    i = 0
    skip = 1 if header else 0
    for start, end in ((skip, k), (k, height)):
        printed = []
        for lines in columns_lines:
            for text, ends in lines[start:end]:
                keep = ends and (blank is None or blank[i])
                printed.append(text + (" " if keep else ""))
                i += 1
        if printed and start > skip:
            page()
        for raw in printed:
            put(raw)
    return cells, segment, head, COLUMNS_748 if plan_748 else WIDE


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(generated_rows())
def test_generated_rows_printed_in_the_layout_are_read_back_and_every_miss_is_marked(case):
    cells, segment, head, cols = case
    row = read_row(segment, cols, CODES, Lexicon(), header=(9, head) if head else None, breaks=page_break(segment))
    for column, want in cells.items():
        got = row.cells[column]
        if got != want:
            # Unknown, or a choice the notes name (they quote the printed line): never a silent misreading.
            # (import-base lists the unknown cells with the row's printed text.)
            marked = got is UNKNOWN or any(column in message for _, message in row.notes)
            assert marked, (column, got, want, segment, head)
    MISSES.append(sum(row.cells[c] != w for c, w in cells.items()) / len(cells))


MISSES: list[int] = []


def test_generated_rows_are_mostly_read_exactly():
    # Run after the property above: the share of generated cells read exactly.
    if not MISSES:
        pytest.skip("the property test did not run")
    share = 1 - sum(MISSES) / len(MISSES)
    print(f"\ngenerated rows: {len(MISSES)}, cells exact {share:.2%}")
    # Measured 96.9% (derandomized): the misses are measures whose part before a page break ends in an
    # adjective the form rule takes for the form's modifier, and words the dense layout prints without
    # their trailing blank; each is marked for review (the property above).
    assert share >= 0.96


def test_amounts_by_year_in_one_cost_cell_of_a_plan_printing_the_deadline_before_the_executors():
    cols = [
        Column(id="measure", title=UNKNOWN),
        Column(id="form", title=UNKNOWN),
        Column(id="deadline", title=UNKNOWN),
        Column(id="executors", title=UNKNOWN, role="executors"),
        Column(id="cost", title=UNKNOWN),
        Column(id="funding", title=UNKNOWN, role="funding"),
    ]
    row = read(
        """
Шығармашылық |
үйірмелер ашу |
ОМ-ге |
ақпарат |
жыл сайын |
желтоқсан |
ЖАО, ОМ |
2024 жылы – |
120, 5 млн |
теңге; 2025 |
жылы – 130 млн |
теңге |
ЖБ |
""",
        cols=cols,
    )
    assert row.cells == {
        "measure": "Шығармашылық үйірмелер ашу",
        "form": "ОМ-ге ақпарат",
        "deadline": "жыл сайын желтоқсан",
        "executors": "ЖАО, ОМ",
        "cost": "2024 жылы – 120, 5 млн теңге; 2025 жылы – 130 млн теңге",
        "funding": "ЖБ",
    }


def test_a_row_number_line_holding_only_the_measures_first_line_opens_the_measure():
    row = read(
        """
беру ұйымдарында |
медиацияны енгізу |
бұйрық |
ОМ |
2025 жыл |
талап |
етілмейді |
- - - - - - |
""",
        header="Білім ",
    )
    assert (row.cells["measure"], row.cells["form"]) == ("Білім беру ұйымдарында медиацияны енгізу", "бұйрық")


def test_a_header_form_of_two_words_takes_its_modifier():
    row = read(
        """
<PB>
беру ұйымдарында |
медиацияны енгізу |
ОМ |
жыл |
етілмейді |
""",
        header="Білім БҒМ-ге ақпарат  ДСМ,  2025 талап - - - - - - ",
    )
    assert (row.cells["measure"], row.cells["form"]) == ("Білім беру ұйымдарында медиацияны енгізу", "БҒМ-ге ақпарат")
    assert (row.cells["executors"], row.cells["deadline"]) == ("ДСМ, ОМ", "2025 жыл")


PAGE_CUT_AFTER_ADJECTIVE = """
Мектептердегі |
психологиялық |
әдістемелік |
ұсынымдар |
ОМ |
2025 жыл |
талап |
етілмейді |
- - - - - - |
<PB>
қызметті жетілдіру |
"""


def test_without_the_form_columns_width_an_adjective_before_a_page_break_is_taken_into_the_form_and_marked():
    row = read(PAGE_CUT_AFTER_ADJECTIVE)
    assert row.cells["form"] == "психологиялық әдістемелік ұсынымдар"
    assert any("form begins at" in message for _, message in row.notes)


def test_a_line_wider_than_the_form_column_stays_in_the_measure():
    row = read_row(printed(PAGE_CUT_AFTER_ADJECTIVE), WIDE, CODES, Lexicon(), form_width=12)
    assert row.cells["form"] == "әдістемелік ұсынымдар"
    assert row.cells["measure"] == "Мектептердегі психологиялық қызметті жетілдіру"


def test_the_form_columns_width_is_the_widest_form_line_of_rows_the_layout_parts():
    one_page = read("""
Тәжірибені |
тарату |
талдамалық |
анықтама |
БҒМ |
2024 жыл |
талап |
етілмейді |
- - - - - - |
""")
    assert one_page.form_lines == ("талдамалық", "анықтама")
    assert form_width([one_page] * 4) is None  # too few rows to tell a column's width
    assert form_width([one_page] * 5) == len("талдамалық")
    # A form parted by the modifier rule says nothing of the column's width.
    assert read(PAGE_CUT_AFTER_ADJECTIVE).form_lines == ()


FRAGMENTS = [
    *["БҒМ,", "Еңбекмин", "і,", "талап", "етілмейді", "-", "- - -", "2024", "жылғы", "–", "жартыжылды", "ғы"],
    *["Р", "Б", "00", "1", "40,", "0", "(келісу", "бойынша)", "жылы", "млн", "теңге;", "Үкімет", "қаулысы"],
    *["ұсынымдар", "енгізу", "", " ", "20,0 5 -", "РБ, ЖБ", "көзделген", "шеңберін", "де", "-  item", ",", "ы"],
]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3).map(" ".join), max_size=25),
    st.one_of(st.none(), st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join)),
    st.booleans(),
    st.sampled_from([1, 3]),
)
def test_any_printed_lines_give_cells_or_unknown_never_an_error(lines, header, plan_748, breaks):
    segment = [(10 + i, line) for i, line in enumerate(lines)]
    cols = COLUMNS_748 if plan_748 else WIDE
    row = read_row(segment, cols, CODES, Lexicon(), header=(9, header) if header else None, breaks=breaks)
    assert set(row.cells) == {c.id for c in cols}
    assert all(isinstance(v, str) or v is UNKNOWN for v in row.cells.values())


@pytest.mark.parametrize(
    "deadline",
    ["2021 жылғы 1 шілде", "жыл сайын 25 желтоқсанға дейін", "2024 жылғы IV тоқсан", "2020 – 2023 жылдар"],
)
def test_deadlines_with_a_day_a_quarter_or_a_limit_are_read_whole(deadline):
    lines = "\n".join(word + " |" for word in deadline.split())
    row = read(f"""
Ережені |
бекіту |
бұйрық |
ДСМ |
{lines}
талап |
етілмейді |
- - - - - - |
""")
    assert row.cells["deadline"] == deadline
    assert (row.cells["executors"], row.cells["cost_total"]) == ("ДСМ", "талап етілмейді")
