"""HTML rendering: golden files of 748, every text escaped, unknown marked, notes under their rows."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import builders
from golden import assert_golden

from amend import Version
from amend.outputs.html import render_html
from amend.outputs.markdown import UNKNOWN_MARK
from amend.queries.status import standing


class Rows(HTMLParser):
    """Table rows of a page: (attributes, [cell texts]); also every <script> element met."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[dict[str, str | None], list[str]]] = []
        self.scripts = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        elif tag == "tr":
            self.rows.append((dict(attrs), []))
        elif tag in ("td", "th") and self.rows:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1][1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def rows_of(page: str) -> Rows:
    parser = Rows()
    parser.feed(page)
    return parser


def test_748_as_enacted_matches_its_golden_file(timeline_748):
    assert_golden("748-2023-08-31.html", render_html(timeline_748.in_force_at(dt.date(2023, 8, 31))))


def test_748_after_392_matches_its_golden_file(repo, timeline_748):
    amendments = [f.amendment for f in repo.amendments]
    page = render_html(timeline_748.in_force_at(dt.date(2025, 5, 30)), amendments=amendments)
    assert_golden("748-2025-05-30.html", page)


def test_a_cell_reading_script_shows_as_text():
    plan = builders.plan(rows=[builders.row("1", "1", "1.1", measure='<script>alert("x")</script> & "шара"')])
    page = render_html(Version(plan, dt.date(2023, 1, 1), None, ()))
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;шара&quot;" in page
    parsed = rows_of(page)
    assert parsed.scripts == 0
    row = next(cells for attrs, cells in parsed.rows if attrs.get("id") == "row-1")
    assert row[1] == '<script>alert("x")</script> & "шара"'  # what the reader sees


def test_the_note_row_follows_the_row_it_concerns(timeline_748):
    parsed = rows_of(render_html(timeline_748.latest)).rows
    i = next(k for k, (attrs, _) in enumerate(parsed) if attrs.get("id") == "row-23-1")
    attrs, cells = parsed[i + 1]
    assert attrs.get("class") == "note"
    assert cells[1] == "Ескерту. Жоспар 23-1-жолмен толықтырылды - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."
    assert parsed[i][0].get("class") == "changed"


def test_no_cell_of_a_row_is_blank_where_the_wording_is_unknown(timeline_748):
    parsed = rows_of(render_html(timeline_748.in_force_at(dt.date(2023, 8, 31)))).rows
    plan_rows = [(attrs, cells) for attrs, cells in parsed if (attrs.get("id") or "").startswith("row-")]
    assert len(plan_rows) == 10
    assert all(cells[1:] == [UNKNOWN_MARK] * 6 for _, cells in plan_rows)


def test_headings_columns_and_the_abbreviations_note_are_shown(timeline_748):
    page = render_html(timeline_748.latest)
    assert '<h3 id="subsection-1.2">1.2. Орта мерзімді шаралар</h3>' in page
    # No official title: our Kazakh description, marked as ours, the machine id only as a tooltip.
    assert '<th scope="col" title="measure">Іс-шара <span class="ours">[атауы ресми емес]</span></th>' in page
    assert "<code>measure</code>" not in page
    abbreviations = page[page.index('<h2 id="abbreviations">') :]
    assert (
        '<tr id="abbr-ОМ"><th scope="row">ОМ</th><td><span class="unknown">⟨белгісіз⟩</span></td></tr>' in abbreviations
    )


def test_a_page_carries_no_time_of_rendering(timeline_748):
    page = render_html(timeline_748.latest)
    assert page == render_html(timeline_748.latest)
    assert str(dt.date.today().year) + "-" not in page.replace("2025-05-30", "").replace("2023-08-31", "")


def test_the_render_command_writes_the_html_file(tmp_path, timeline_748):
    from conftest import ROOT
    from typer.testing import CliRunner

    from amend.cli.app import app

    out = tmp_path / "748.html"
    result = CliRunner().invoke(
        app, ["render", "748", "--at", "2024-06-01", "--to", "html", "-o", str(out), "--root", str(ROOT)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render_html(
        timeline_748.in_force_at(dt.date(2023, 8, 31)), whole=True, standing=standing(timeline_748, dt.date(2024, 6, 1))
    )


def test_the_render_command_cites_the_plans_acts_in_the_html_footnote(tmp_path, repo, timeline_748):
    from conftest import ROOT
    from typer.testing import CliRunner

    from amend.cli.app import app

    out = tmp_path / "748.html"
    result = CliRunner().invoke(app, ["render", "748", "--to", "html", "-o", str(out), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("Ескерту. Жоспарға өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.") == 1


def test_the_whole_156_in_html_has_its_points_before_the_table(repo):
    version = repo.timeline("156").in_force_at(dt.date(2021, 1, 1))
    page = render_html(version, whole=True)
    act = repo.plan("156").act
    assert (
        page.index('<p class="clause preamble">')
        < page.index('<p class="clause point">4. ')
        < page.index('<table class="plan">')
    )
    assert f'<p class="clause signatory">{act.signatory.position} {act.signatory.name}</p>' in page


def test_748_in_russian_html_marks_every_text_unknown_in_russian(timeline_748):
    page = render_html(timeline_748.latest, "ru", whole=True)
    assert '<html lang="ru">' in page
    assert UNKNOWN_MARK not in page and '<span class="unknown">⟨неизвестно⟩</span>' in page
    assert "Сноска. Строка 6 - в редакции постановления Правительства РК от 30.05.2025 № 392." in page
    both = render_html(timeline_748.latest, "both", whole=True)
    assert '<tr class="ru" lang="ru"><th scope="row">ru</th>' in both
    assert "Ескерту. 6-жол жаңа редакцияда" in both and "Сноска. Строка 6" in both


def _footnotes(page: str) -> list[str]:
    return re.findall(r'<p class="note footnote" lang="[a-z]+">(.*?)</p>', page)


def test_one_cumulative_footnote_under_the_title_and_one_for_the_abbreviations_not_four(repo, timeline_748):
    amendments = [f.amendment for f in repo.amendments]
    page = render_html(timeline_748.latest, amendments=amendments)
    assert _footnotes(page) == [
        "Ескерту. Жоспарға өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
        "Ескерту. Ескертпеге өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
    ]
    # Each right under its heading: the title's, and the abbreviations note's.
    assert re.search(r"</h1>\n<p class=\"note footnote\" lang=\"kk\">Ескерту\. Жоспарға", page)
    assert re.search(
        r'<h2 id="abbreviations">[^\n]*</h2>\n<p class="note footnote" lang="kk">Ескерту\. Ескертпеге', page
    )
    assert "Ескертпеге өзгеріс енгізілді" not in page  # no note per abbreviation


def test_the_html_footnotes_are_the_docx_footnotes(repo, timeline_748):
    from test_render_docx import open_docx

    from amend.outputs.docx import render_docx

    amendments = [f.amendment for f in repo.amendments]
    doc = open_docx(render_docx(timeline_748.latest, amendments))
    printed = [p.text for p in doc.paragraphs if p.text.startswith("Ескерту.")]
    assert _footnotes(render_html(timeline_748.latest, amendments=amendments)) == printed


def test_a_version_no_act_amended_has_no_footnote(repo, timeline_748):
    amendments = [f.amendment for f in repo.amendments]
    assert _footnotes(render_html(timeline_748.in_force_at(dt.date(2023, 8, 31)), amendments=amendments)) == []


def test_row_notes_in_html_are_an_option_on_by_default(repo, timeline_748):
    amendments = [f.amendment for f in repo.amendments]
    with_rows = rows_of(render_html(timeline_748.latest, amendments=amendments)).rows
    without = rows_of(render_html(timeline_748.latest, amendments=amendments, row_notes=False)).rows
    assert len([a for a, _ in with_rows if a.get("class") == "note"]) == 17
    assert [a for a, _ in without if a.get("class") == "note"] == []
    assert [a.get("id") for a, _ in without] == [a.get("id") for a, _ in with_rows if a.get("class") != "note"]


def test_without_the_acts_the_footnotes_are_the_changes_own_notes(timeline_748):
    # An act that cannot be cited in full (not given) is not cited at all: each change's own note, once.
    from amend.outputs.notes import all_changes

    plan = timeline_748.latest.plan
    notes = _footnotes(render_html(timeline_748.latest))
    everything = {c.note for c in all_changes(plan)}
    abbreviations = {c.note for a in plan.abbreviations.values() for c in a.history}
    assert set(notes) == everything and abbreviations  # under the title: every note, once
    assert len(notes) == len(everything) + len(abbreviations)  # and the abbreviations' again under their note


def test_a_russian_page_gives_the_russian_notes_under_the_title(repo, timeline_748):
    amendments = [f.amendment for f in repo.amendments]
    notes = _footnotes(render_html(timeline_748.latest, "ru", amendments=amendments))
    assert notes and all(n.startswith("Сноска.") for n in notes)
    assert "Сноска. Строка 6 - в редакции постановления Правительства РК от 30.05.2025 № 392." in notes
