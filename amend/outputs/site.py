"""A static site of a repository: plans, their versions, the comparative table of each act, row histories.

Layout (every link relative, so the site works from ``file://`` and from any static server)::

    index.html                    the plans
    <plan>/index.html             the plan's timeline: versions (dates, acts), acts, rows
    <plan>/<YYYY-MM-DD>.html      a version, each row number linking to the row's history
    <plan>/acts/<date>-<no>.html  an act's comparative table (drafts: draft-<date>-<no>.html)
    <plan>/rows/<row>.html        a row's history: each period, its note, its wording, the redline

Pages are pure functions of the repository: no dates of building, so two builds are byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from amend.engine.acts import citation
from amend.engine.language import row_in_russian
from amend.engine.model import Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.timeline import FiledAmendment, Timeline, Version
from amend.engine.unknown import UNKNOWN
from amend.errors import AmendError
from amend.outputs.html import comparison_body, esc, page, redline_html, version_body
from amend.outputs.markdown import UNKNOWN_MARK, column_label, row_anchor, version_label
from amend.queries.compare import Comparison, compare
from amend.queries.history import RowState, row_history
from amend.queries.redline import redline
from amend.store.repository import Repository, write_atomic

__all__ = ["SiteResult", "build_site", "site_pages"]


@dataclass(frozen=True)
class SiteResult:
    """The pages written (relative paths) and the drafts left out because they do not apply."""

    pages: tuple[str, ...]
    skipped: tuple[AmendError, ...]


def _href(*parts: str) -> str:
    return "/".join(quote(p) for p in parts)


def _file_name(text: str) -> str:
    # Row numbers and act numbers are short; anything outside [\w.-] (a slash in a number) becomes "_".
    return "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in text)


def _act_file(filed: FiledAmendment) -> str:
    a = filed.amendment
    prefix = "draft-" if a.status == "draft" else ""
    return f"{prefix}{a.act.date.isoformat()}-{_file_name(a.act.number)}.html"


def _row_file(number: str) -> str:
    return f"{_file_name(number)}.html"


class _PlanSite:
    """The pages of one plan."""

    def __init__(self, repo: Repository, plan_id: str, skipped: list[AmendError], lang: str = "kk") -> None:
        self.repo = repo
        self.lang = lang  # the language of the versions' texts: kk, ru or both
        self.base: Plan = repo.plan(plan_id)
        self.timeline: Timeline = repo.timeline(plan_id)
        self.acts = [f for f in repo.amendments if f.amendment.amends == plan_id]
        self.comparisons: dict[str, tuple[FiledAmendment, Comparison]] = {}
        for filed in sorted(
            self.acts, key=lambda f: (f.amendment.act.date, f.amendment.act.number, f.amendment.status)
        ):
            try:
                self.comparisons[_act_file(filed)] = (filed, self._compare(filed))
            except AmendError as err:
                if filed.amendment.status == "adopted":
                    raise
                skipped.append(err)  # a draft in progress that does not apply: left out, reported
        numbers: set[RowNumber] = set()
        for v in self.timeline.versions:
            numbers.update(r.number for r in v.plan.rows)
            numbers.update(RowNumber(n) for n in v.plan.deleted_rows)
        self.rows = sorted(numbers)

    def _compare(self, filed: FiledAmendment) -> Comparison:
        return compare(self.base, self.repo.amendments, filed)

    # -- pages ---------------------------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        pid = _file_name(self.base.plan)
        out = {f"{pid}/index.html": self.plan_page()}
        versions = self.timeline.versions
        for k, v in enumerate(versions):
            out[f"{pid}/{v.valid_from.isoformat()}.html"] = self.version_page(
                v, versions[k - 1] if k else None, versions[k + 1] if k + 1 < len(versions) else None
            )
        for name, (filed, comparison) in self.comparisons.items():
            out[f"{pid}/acts/{name}"] = self.act_page(filed, comparison)
        for number in self.rows:
            out[f"{pid}/rows/{_row_file(str(number))}"] = self.row_page(number)
        return out

    def _crumbs(self, depth: int, *rest: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        up = "../" * depth
        return [("Жоспарлар", f"{up}../index.html"), (f"№ {self.base.plan}", f"{up}index.html"), *rest]

    def _act_links(self, version: Version, up: str) -> str:
        links = []
        for number in version.acts:
            match = [
                name
                for name, (f, _) in self.comparisons.items()
                if f.amendment.act.number == number and f.amendment.status == "adopted"
            ]
            label = f"№ {number}"
            links.append(f'<a href="{up}acts/{_href(match[0])}">{esc(label)}</a>' if match else esc(label))
        return ", ".join(links) if links else "бастапқы редакция"

    def plan_page(self) -> str:
        plan = self.base
        body = [
            f"<h1>{esc(plan.title)}</h1>",
            f"<p>{esc(citation(plan.act))} бекітілген.</p>",
            "<h2>Редакциялар</h2>",
            '<table class="versions"><thead><tr><th scope="col">Қолданыста</th>'
            '<th scope="col">Өзгерістер енгізген актілер</th><th scope="col">Мәтіні</th></tr></thead><tbody>',
        ]
        for v in self.timeline.versions:
            day = v.valid_from.isoformat()
            body.append(
                f"<tr><td>{esc(version_label(v))}</td><td>{self._act_links(v, '')}</td>"
                f'<td><a class="version" href="{day}.html">{day} редакциясы</a></td></tr>'
            )
        body.append("</tbody></table>")
        if self.timeline.repealed_on:
            body.append(f'<p class="notice">Жоспардың күші {self.timeline.repealed_on.isoformat()} бастап жойылды.</p>')
        body.append("<h2>Өзгерту актілері: салыстырмалы кестелер</h2>")
        if self.comparisons:
            body.append("<ul>")
            for name, (filed, comparison) in self.comparisons.items():
                a = filed.amendment
                status = "жоба" if a.status == "draft" else f"қолданысқа енгізілді {comparison.in_force.isoformat()}"
                body.append(
                    f'<li><a href="acts/{_href(name)}">№ {esc(a.act.number)}, {a.act.date:%d.%m.%Y}</a> '
                    f"({esc(status)}; {len(comparison.entries)} өзгеріс)</li>"
                )
            body.append("</ul>")
        else:
            body.append("<p>Өзгерту актілері жоқ.</p>")
        body.append("<h2>Жолдардың тарихы</h2>")
        body.append(
            "<p>"
            + ", ".join(f'<a href="rows/{_href(_row_file(str(n)))}">{esc(str(n))}</a>' for n in self.rows)
            + "</p>"
        )
        if not plan.rows_complete:
            body.append(
                '<p class="notice">Жоспардың барлық жолдары белгілі емес: тек дереккөздерде бар жолдар көрсетілген.</p>'
            )
        return page(
            f"№ {plan.plan}: {plan.title if plan.title is not UNKNOWN else UNKNOWN_MARK}",
            "\n".join(body) + "\n",
            crumbs=[("Жоспарлар", "../index.html"), (f"№ {plan.plan}", None)],
        )

    def version_page(self, version: Version, previous: Version | None, following: Version | None) -> str:
        day = version.valid_from.isoformat()
        nav = ['<nav class="versions">']
        if previous:
            nav.append(
                f'<a rel="prev" href="{previous.valid_from.isoformat()}.html">← '
                f"{previous.valid_from.isoformat()} редакциясы</a>"
            )
        if following:
            nav.append(
                f'<a rel="next" href="{following.valid_from.isoformat()}.html">'
                f"{following.valid_from.isoformat()} редакциясы →</a>"
            )
        nav.append("</nav>")
        acts = f"<p>Осы редакцияны енгізген актілер: {self._act_links(version, '')}.</p>"
        body = (
            "\n".join(nav)
            + "\n"
            + acts
            + "\n"
            + version_body(version, history_link=lambda n: f"rows/{_href(_row_file(n))}", lang=self.lang, whole=True)
        )
        return page(f"№ {self.base.plan}: {day} редакциясы", body, crumbs=self._crumbs(0, (day, None)), lang=self.lang)

    def act_page(self, filed: FiledAmendment, comparison: Comparison) -> str:
        known = {str(n) for n in self.rows}
        body = comparison_body(comparison, row_link=lambda n: f"../rows/{_href(_row_file(n))}" if n in known else None)
        if filed.amendment.status == "draft":
            body = (
                '<p class="notice">Жоба: әлі қабылданбаған акт, жоспардың соңғы редакциясына қолданылды.</p>\n' + body
            )
        label = f"№ {comparison.act.number}"
        return page(f"Салыстырмалы кесте: {label}", body, crumbs=self._crumbs(1, (label, None)))

    def row_page(self, number: RowNumber) -> str:
        text = str(number)
        states = row_history(self.timeline, number)
        body = [f"<h1>№ {esc(self.base.plan)} жоспары, {esc(text)}-жол: тарихы</h1>"]
        previous: RowState | None = None
        for state in states:
            day = state.valid_from.isoformat()
            until = f" – {state.valid_to.isoformat()}" if state.valid_to else " – (қазіргі)"
            body.append(f'<section class="period"><h2>{esc(day + until)}</h2>')
            body.append(f"<p>{esc(_state_label(state))}</p>")
            how = state.change.note if state.change else f"{citation(self.base.act)} бекітілген редакция."
            body.append(f'<p class="note">{esc(how)}</p>')
            if self.lang != "kk" and state.change is not None and state.change.note_ru is not None:
                body.append(f'<p class="note" lang="ru">{esc(state.change.note_ru)}</p>')
            anchor = f"#{row_anchor(text)}" if state.row is not None else ""
            body.append(f'<p><a class="version" href="../{day}.html{anchor}">{day} редакциясындағы жоспар</a></p>')
            if state.row is not None:
                body += self._wording(state.row, previous.row if previous else None)
                if self.lang != "kk":  # the Russian wording, as far as a source gives it
                    columns = self.base.column_ids
                    ru_before = row_in_russian(previous.row, columns) if previous and previous.row else None
                    body += [
                        line.replace('<table class="wording">', '<table class="wording" lang="ru">')
                        for line in self._wording(row_in_russian(state.row, columns), ru_before)
                    ]
            body.append("</section>")
            previous = state
        return page(
            f"№ {self.base.plan}, {text}-жол", "\n".join(body) + "\n", crumbs=self._crumbs(1, (f"{text}-жол", None))
        )

    def _wording(self, row: Row, before: Row | None) -> list[str]:
        """The row's cells in this period, with the redline against the period before where both are known."""
        out = [
            '<table class="wording"><thead><tr><th scope="col">Баған</th><th scope="col">Мәтіні</th>'
            + ('<th scope="col">Өзгерістер</th>' if before is not None else "")
            + "</tr></thead><tbody>"
        ]
        for column in self.base.columns:
            new = row.cells.get(column.id, UNKNOWN)
            cells = f'<th scope="row">{esc(column_label(column))}</th><td>{esc(new)}</td>'
            if before is not None:
                old = before.cells.get(column.id, UNKNOWN)
                if old is UNKNOWN or new is UNKNOWN:
                    diff = esc(f"{UNKNOWN_MARK}: салыстыру мүмкін емес") if old is not new else ""
                else:
                    diff = redline_html(redline(old, new)) if old != new else "өзгерген жоқ"
                cells += f"<td>{diff}</td>"
            out.append(f"<tr>{cells}</tr>")
        out.append("</tbody></table>")
        return out


def _state_label(state: RowState) -> str:
    if state.row is None:
        return "Жоспарда жоқ: жол алып тасталды."
    if all(v is UNKNOWN for v in state.row.cells.values()):
        return f"Жол жоспарда бар, мәтіні {UNKNOWN_MARK}."
    return "Жол осы мәтінде қолданыста."


def _index_page(sites: list[_PlanSite]) -> str:
    body = ["<h1>Жоспарлар</h1>", "<ul>"]
    for s in sites:
        plan = s.base
        last = s.timeline.latest.valid_from.isoformat()
        body.append(
            f'<li><a href="{_href(_file_name(plan.plan), "index.html")}">№ {esc(plan.plan)}</a>: '
            f"{esc(plan.title)} ({len(s.timeline.versions)} редакция, соңғысы {last})</li>"
        )
    body.append("</ul>")
    return page("Жоспарлар", "\n".join(body) + "\n")


def site_pages(repo: Repository, lang: str = "kk") -> tuple[dict[str, str], list[AmendError]]:
    """Every page by its path relative to the site's root, and the drafts left out. Writes nothing.
    ``lang``: the language of the versions' pages (kk, ru, or both side by side)."""
    skipped: list[AmendError] = []
    sites = [_PlanSite(repo, pid, skipped, lang) for pid in sorted(repo.plans)]
    pages = {"index.html": _index_page(sites)}
    for s in sites:
        pages.update(s.pages())
    return pages, skipped


def build_site(repo: Repository, outdir: Path, *, lang: str = "kk") -> SiteResult:
    """Write the site under ``outdir``. Everything is computed first, so an error writes nothing."""
    pages, skipped = site_pages(repo, lang)
    for rel, content in sorted(pages.items()):
        write_atomic(outdir / rel, content)
    return SiteResult(tuple(sorted(pages)), tuple(skipped))
