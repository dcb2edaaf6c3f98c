"""Page furniture (base_plan.pages): page numbers, running headers and column headers blanked at page breaks."""

from __future__ import annotations

from conftest import SOURCES
from hypothesis import given
from hypothesis import strategies as st

from amend.importer.base_plan.annex import page_break
from amend.importer.base_plan.pages import strip_furniture


def _numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), 1))


def _blanked(text: str) -> list[str]:
    lines = _numbered(text)
    _, blank = strip_furniture(lines, page_break(lines))
    return [lines[n - 1][1].strip() for n in blank]


def _pages(pages: list[list[str]], foot: str = "", head: list[str] | None = None) -> str:
    """Pages in the bank's layout: a blank line between printed lines, three at a break; optional furniture."""
    out: list[str] = []
    for p, page in enumerate(pages, 1):
        printed = [*(head or [] if p > 1 else []), *page, *([foot.format(p=p)] if foot else [])]
        out.append("\n\n".join(printed))
    return "\n\n\n\n".join(out) + "\n"


CELLS = [["1.", "Жоспар", "әзірлеу", "бұйрық"], ["ОМ", "талап", "етілмейді", "-"], ["2.", "Есеп", "беру", "ақпарат"]]


def test_page_numbers_of_a_running_sequence_are_blanked_wherever_they_stand_at_a_break():
    assert _blanked(_pages(CELLS, foot="{p}")) == ["1", "2", "3"]
    assert _blanked(_pages(CELLS, foot="- {p} -")) == ["- 1 -", "- 2 -", "- 3 -"]


def test_a_figure_at_a_break_that_is_no_running_page_number_is_kept():
    pages = [["1.", "Жоспар", "2024"], ["001", "талап"], ["2.", "Есеп", "7"]]
    assert _blanked(_pages(pages)) == []


def test_two_figures_in_sequence_at_two_of_many_breaks_are_cells_not_page_numbers():
    pages = [["1.", "Жоспар", "8"], ["9", "талап"], ["2.", "Есеп"], ["ОМ", "ақпарат"], ["3.", "бұйрық"], ["ЖАО"]]
    assert _blanked(_pages(pages)) == []
    assert _blanked(_pages(pages, foot="{p}")) == [str(p) for p in range(1, 7)]


def test_the_row_of_column_numbers_and_the_column_titles_repeated_after_each_break_are_blanked():
    head = ["Р/с", "№", "Іс-шараның атауы", "1 2 3 4 5 6"]
    blanked = _blanked(_pages(CELLS, head=head))
    assert blanked == head * 2


def test_a_running_header_is_blanked_but_a_cell_line_printed_near_several_breaks_is_kept():
    head = ["2024 жылғы 1 сәуірдегі № 9 қаулысына қосымша"]
    pages = [["1.", "Жоспар", "талап"], ["талап", "етілмейді", "2."], ["Есеп", "талап", "3."], ["талап", "ақпарат"]]
    assert _blanked(_pages(pages, head=head)) == head * 3


def test_a_text_without_page_breaks_or_furniture_is_left_as_it_is():
    for name in ("156.txt", "392.txt"):
        lines = _numbered((SOURCES / name).read_text(encoding="utf-8"))
        out, blank = strip_furniture(lines, page_break(lines))
        assert blank == [] and out == lines


@given(
    st.lists(
        st.lists(st.sampled_from(["талап", "етілмейді", "-", "ОМ", "2025 жылғы", "наурыз"]), min_size=3, max_size=8),
        min_size=2,
        max_size=6,
    )
)
def test_furniture_is_only_ever_blanked_never_moved_and_line_numbers_stay(pages):
    text = _pages(pages, foot="{p}", head=["Р/с", "1 2 3 4 5 6"])
    lines = _numbered(text)
    out, blank = strip_furniture(lines, page_break(lines))
    assert [n for n, _ in out] == [n for n, _ in lines]
    assert all(raw == "" for n, raw in out if n in blank)
    assert all(raw == lines[n - 1][1] for n, raw in out if n not in blank)
    # The page numbers (the last at the text's end) and the column numbers are always among what is blanked.
    assert {"1 2 3 4 5 6", *(str(p) for p in range(1, len(pages) + 1))} <= {lines[n - 1][1] for n in blank}
