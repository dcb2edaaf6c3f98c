"""Kazakh heads: a column without an official title shows our description, visibly marked; never an id."""

from __future__ import annotations

import pytest

from amend.engine.model import Column
from amend.engine.unknown import UNKNOWN
from amend.outputs.labels import OUR_LABEL_MARK, column_heading, descriptive_label, field_headings


@pytest.mark.parametrize("plan", ["748", "156"])
def test_every_unknown_column_title_gets_a_distinct_marked_kazakh_label_not_its_id(plan: str, repo):
    columns = repo.plan(plan).columns
    heads = [column_heading(c) for c in columns]
    assert len(set(heads)) == len(heads)
    for column, head in zip(columns, heads):
        assert column.title is UNKNOWN
        assert head.endswith(OUR_LABEL_MARK)
        assert column.id not in head
        assert any("Ѐ" <= ch <= "ӿ" for ch in descriptive_label(column))


def test_an_official_title_is_shown_as_given_without_the_mark():
    column = Column(id="measure", title="Іс-шараның атауы")
    assert column_heading(column) == "Іс-шараның атауы"


def test_a_year_cost_column_names_its_year_and_an_unlisted_id_keeps_its_role_and_id():
    assert descriptive_label(Column(id="cost_2031", title=UNKNOWN, role="amount")) == "2031 жылғы шығыстар"
    assert descriptive_label(Column(id="zzz", title=UNKNOWN, role="executors")) == "Орындаушылар (zzz)"


@pytest.mark.parametrize("plan", ["748", "156"])
def test_field_heads_cover_every_export_field_and_are_distinct(plan: str, repo):
    from amend.outputs.export import export_rows

    version = repo.timeline(plan).latest
    heads = field_headings(version.plan)
    fields = export_rows(version, version.valid_from).fields
    assert set(fields) <= set(heads)
    assert len(set(heads.values())) == len(heads)
