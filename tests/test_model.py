from __future__ import annotations

import pytest
from pydantic import ValidationError

from amend import UNKNOWN, Column, Row
from amend.engine.model import executor_codes


def test_a_cell_is_a_text_or_unknown_never_blank():
    Row(number="1", section="1", cells={"measure": "мәтін", "form": UNKNOWN})
    for blank in ["", "   "]:
        with pytest.raises(ValidationError):
            Row(number="1", section="1", cells={"measure": blank})


def test_a_null_is_not_an_unknown():
    # Only the explicit marker means "unknown": a YAML null is an error, so a slip cannot hide a gap.
    with pytest.raises(ValidationError):
        Row(number="1", section="1", cells={"measure": None})


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Column(id="measure", title=UNKNOWN, colour="red")


def test_models_are_frozen():
    column = Column(id="measure", title="Іс-шара")
    with pytest.raises(ValidationError):
        column.title = "x"


def test_unknown_is_null_in_json():
    assert Column(id="measure", title=UNKNOWN).model_dump(mode="json") == {
        "id": "measure",
        "title": None,
        "role": "text",
        "title_ru": None,
    }


@pytest.mark.parametrize(
    "text, codes",
    [
        ("ОМ, МАМ, ЖАО", ["ОМ", "МАМ", "ЖАО"]),
        ("БП (келісу бойынша), ЖС (келісу бойынша)", ["БП", "ЖС"]),
        ("ЦДИАӨМ, ТЖМ, ҒЖБМ", ["ЦДИАӨМ", "ТЖМ", "ҒЖБМ"]),
        ("ЖАО, мүдделі мемлекеттік органдар", ["ЖАО"]),
        ("ҒЖБМ,\nДСМ, ОМ", ["ҒЖБМ", "ДСМ", "ОМ"]),
        ("БҒМ ЖББ (келісу бойынша)", ["БҒМ", "ЖББ"]),
    ],
)
def test_executor_codes_are_the_upper_case_parts(text, codes):
    assert executor_codes(text) == codes


def test_a_defined_code_is_taken_as_it_stands_even_with_a_space_or_lower_case():
    defined = {"БП ҚСАЕАК", "Еңбекмині", "ІІМ"}
    assert executor_codes("БП ҚСАЕАК (келісу бойынша), ІІМ, Еңбекмині", defined) == ["БП ҚСАЕАК", "ІІМ", "Еңбекмині"]
    assert executor_codes("Еңбекмин, ІІМ", defined) == ["ІІМ"]  # an unknown lower-case word is prose
