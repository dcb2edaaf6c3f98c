"""Column widths by content: every column holds its longest word, long texts get the room."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from amend.outputs.widths import CELL_PADDING_CM, fit_columns, text_width_cm, word_width_cm


def test_a_measure_column_gets_more_than_a_code_column_and_the_number_column_least():
    numbers = ["1", "2", "23-1"]
    measures = ["Балалардың қауіпсіздігін қамтамасыз ету, оның ішінде балаларға қатысты зорлық-зомбылық " * 3] * 3
    codes = ["ОМ", "ДСМ", "ЖАО"]
    layout = fit_columns([numbers, measures, codes], ["№", "Іс-шара", "Орындаушылар"], 26.2)
    assert layout.fits and abs(sum(layout.widths) - 26.2) < 0.01
    number, measure, code = layout.widths
    assert measure > code > number


def test_the_row_number_never_breaks_at_its_hyphen():
    layout = fit_columns([["23-1", "29-3"], ["а б"]], ["№", "Б"], 10.0)
    assert layout.widths[0] >= word_width_cm("23-1", layout.size_pt) + CELL_PADDING_CM


def test_a_compound_may_break_after_its_hyphen_but_not_inside_a_word():
    whole, _ = text_width_cm("зорлық-зомбылық", 10)
    assert whole == max(word_width_cm("зорлық-", 10), word_width_cm("зомбылық", 10))


def test_heads_over_narrow_columns_of_figures_are_turned():
    layout = fit_columns([["1", "2"], ["80,0", "-"]], ["№", "2020 жылғы шығыстар"], 10.0)
    assert layout.upright == (False, True)


WORD = st.text(alphabet="абвгдеж ЖШЩқңөүұһіәm-", min_size=1, max_size=20)


@given(st.lists(st.lists(WORD, min_size=1, max_size=4), min_size=1, max_size=6), st.floats(10, 40))
def test_where_the_words_fit_every_column_holds_its_longest_word_and_the_widths_fill_the_page(columns, available):
    heads = ["Б"] * len(columns)
    layout = fit_columns(columns, heads, available, whole=())
    assert abs(sum(layout.widths) - available) < 0.01 * len(columns) + 0.01
    if layout.fits:
        for texts, width in zip(columns, layout.widths):
            longest = max(text_width_cm(t, layout.size_pt)[0] for t in texts)
            assert width + 0.0005 >= longest + CELL_PADDING_CM  # widths are rounded to 0.001 cm
