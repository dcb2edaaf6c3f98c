"""A static site of a repository: plans, their versions, the comparative table of each act, row histories.

Layout (every link relative, so the site works from ``file://`` and from any static server)::

    index.html                        the plans, with their status badge
    <plan>/index.html                 the plan's timeline: an "in force on" date picker (no server
                                      needed), versions with status badges and downloads, acts, rows
    <plan>/<YYYY-MM-DD>.html          a version, each row number linking to the row's history and each
                                      note to the page of the act it cites
    <plan>/acts/<date>-<no>.html      an act's comparative table (drafts: draft-<date>-<no>.html)
    <plan>/rows/<row>.html            a row's history: each period, its note, its wording, the redline
    <plan>/downloads/<date>.<ext>     each version as DOCX, XLSX, CSV (Excel), JSON and Akoma Ntoso

The pages are Jinja2 templates (``templates/site/``) with autoescaping on: every text from the data is
escaped where it is put, and only HTML built by ``amend.outputs.html`` (itself escaped) is marked safe.
Wide tables scroll inside their own box, so a phone (360-400 px) never scrolls the page sideways; a
print style sheet hides navigation. Pages are pure functions of the repository: no dates of building,
so two builds are byte-identical. Dates are in the long Kazakh form; notes keep the bank's own form.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from amend.engine.base import evolve
from amend.engine.language import row_in_russian
from amend.engine.model import Plan, Row
from amend.engine.numbers import RowNumber
from amend.engine.provenance import Change
from amend.engine.timeline import FiledAmendment, Timeline, Version
from amend.engine.unknown import UNKNOWN, Unknown
from amend.errors import AmendError
from amend.language import interface as words
from amend.outputs.html import STYLE, comparison_body, esc, redline_html, version_body
from amend.outputs.labels import column_heading
from amend.outputs.markdown import (
    UNKNOWN_MARK,
    UNKNOWN_MARK_RU,
    row_anchor,
    until_label,
)
from amend.outputs.site_words import BADGES_RU, SiteWords, site_words
from amend.queries.compare import Comparison, compare
from amend.queries.history import RowState, row_history
from amend.queries.redline import redline
from amend.queries.status import standing
from amend.store.repository import Repository
from amend.store.writing import write_tree

__all__ = [
    "BADGES",
    "PlanSite",
    "SiteResult",
    "build_site",
    "file_name",
    "index_page",
    "language_links",
    "picker_script",
    "render_page",
    "site_pages",
    "site_style",
]

TEMPLATES = Path(__file__).with_name("templates") / "site"

# Status badges: the reference bank's three labels, and ours for what it does not label.
BADGES: dict[str, str] = words.BADGES

SITE_STYLE = """
.badge { display: inline-block; font-family: sans-serif; font-size: 80%; padding: .05em .45em;
         border-radius: .6em; border: 1px solid #888; background: #f4f4f4; white-space: nowrap; }
.badge.new { background: #e6f4ea; border-color: #3a7; } .badge.updated { background: #e8f0fe; border-color: #46c; }
.badge.repealed { background: #fde8e8; border-color: #c44; } .badge.ended { color: #555; }
.badge.draft { background: #fff4d6; border-color: #c90; } .badge.future { background: #f0e6fa; border-color: #85b; }
.picker { border: 1px solid #ccc; padding: .4em .7em; margin: 1em 0; }
.picker h2 { margin-top: 0; font-size: 1.05em; } .picker output { display: block; margin-top: .4em; }
.downloads a { white-space: nowrap; }
nav.versions { display: flex; flex-wrap: wrap; gap: .5em 1.5em; }
nav.languages { float: right; font-size: 90%; }  /* a server's pages: the interface's language */
@media (max-width: 40em) {
  /* A phone: each version a card of labelled lines, so no cell is squeezed into word fragments. */
  table.versions thead { display: none; }
  table.versions, table.versions tbody, table.versions tr, table.versions td { display: block; width: auto; }
  table.versions tr { border: 1px solid #ccc; margin: 0 0 .7em; padding: .3em .5em; }
  table.versions td { border: 0; padding: .15em 0; }
  table.versions td::before { content: attr(data-label) ": "; font-family: sans-serif; font-size: 85%; color: #555; }
}
"""

_DOWNLOADS: tuple[tuple[str, str], ...] = (
    ("docx", "DOCX"),
    ("xlsx", "XLSX"),
    ("csv", "CSV"),
    ("json", "JSON"),
    ("akn.xml", "Akoma Ntoso"),
)


@dataclass(frozen=True)
class SiteResult:
    """The files written (relative paths) and the drafts left out because they do not apply."""

    pages: tuple[str, ...]
    skipped: tuple[AmendError, ...]


def site_style() -> str:
    """The site's style sheet: what each static page carries inline, and a server sends as one file."""
    return STYLE + SITE_STYLE


@cache
def _environment(search: tuple[str, ...] = ()) -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader([*search, str(TEMPLATES)]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_page(template: str, *, assets: str | None = None, search: tuple[str, ...] = (), **context: Any) -> str:
    """A page from the site's templates (and any in ``search`` first, which may extend them).

    ``assets`` None: the style sheet and scripts inline, so a static page stands alone; else the URL
    prefix they are linked from (a server's pages, whose Content-Security-Policy allows no inline code).
    """
    from markupsafe import Markup

    context.setdefault("crumbs", ())
    context.setdefault("languages", None)  # a server's pages: the links that change the interface's language
    context.setdefault("w", site_words("kk"))  # the interface's words: Kazakh unless a page gives its own
    template_ = _environment(search).get_template(template)
    return str(template_.render(style=Markup(STYLE), site_style=Markup(SITE_STYLE), assets=assets, **context))


_render = render_page


def _safe(html: str) -> Any:
    """HTML that ``amend.outputs.html`` built and escaped, to be put into a template as it is."""
    from markupsafe import Markup

    return Markup(html)


def _href(*parts: str) -> str:
    return "/".join(quote(p) for p in parts)


def file_name(text: str) -> str:
    """A row's or act's number as a file name of the site (and a server's address for its page)."""
    # Row numbers and act numbers are short; anything outside [\w.-] (a slash in a number) becomes "_".
    return "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in text)


def _act_file(filed: FiledAmendment) -> str:
    a = filed.amendment
    prefix = "draft-" if a.status == "draft" else ""
    return f"{prefix}{a.act.date.isoformat()}-{file_name(a.act.number)}.html"


def _row_file(number: str) -> str:
    return f"{file_name(number)}.html"


def _plain(value: object) -> str:
    return UNKNOWN_MARK if value is UNKNOWN else str(value)


class PlanSite:
    """The pages of one plan (the static site's, and ``amend serve``'s with ``assets`` set)."""

    def __init__(
        self,
        repo: Repository,
        plan_id: str,
        skipped: list[AmendError],
        lang: str = "kk",
        *,
        assets: str | None = None,
        switch: bool = False,
    ) -> None:
        self.repo = repo
        self.assets = assets
        self.switch = switch  # a server's pages: links to change the interface's language (/ui/<lang>)
        self.lang = lang  # the language of the versions' texts: kk, ru or both
        self.words = site_words(lang)  # the interface's: Russian with ru, else Kazakh
        self.base: Plan = repo.plan(plan_id)
        self.timeline: Timeline = repo.timeline(plan_id)
        self.acts = [f for f in repo.amendments if f.amendment.amends == plan_id]
        self.comparisons: dict[str, tuple[FiledAmendment, Comparison]] = {}
        for filed in sorted(
            self.acts, key=lambda f: (f.amendment.act.date, f.amendment.act.number, f.amendment.status)
        ):
            try:
                self.comparisons[_act_file(filed)] = (filed, compare(self.base, self.repo.amendments, filed))
            except AmendError as err:
                if filed.amendment.status == "adopted":
                    raise
                skipped.append(err)  # a draft in progress that does not apply: left out, reported
        numbers: set[RowNumber] = set()
        for v in self.timeline.versions:
            numbers.update(r.number for r in v.plan.rows)
            numbers.update(RowNumber(n) for n in v.plan.deleted_rows)
        self.rows = sorted(numbers)

    # -- shared pieces --------------------------------------------------------------------------------

    def _act_page(self, number: str, day: object = None) -> str | None:
        """The page of the adopted act with this number (and date, where given), if the site has one."""
        for name, (f, _) in self.comparisons.items():
            a = f.amendment
            if a.act.number == number and a.status == "adopted" and (day is None or a.act.date == day):
                return name
        return None

    def _act_links(self, version: Version, up: str) -> list[dict[str, str | None]]:
        links: list[dict[str, str | None]] = []
        for number in version.acts:
            page = self._act_page(number)
            links.append({"label": f"№ {number}", "href": f"{up}acts/{_href(page)}" if page else None})
        return links

    def _note_link(self, up: str) -> Any:
        def link(change: Change) -> str | None:
            page = self._act_page(change.act, change.act_date)
            return f"{up}acts/{_href(page)}" if page else None

        return link

    def _downloads(self, version: Version, up: str) -> list[dict[str, str]]:
        day = version.valid_from.isoformat()
        return [{"href": f"{up}downloads/{day}.{ext}", "label": label} for ext, label in _DOWNLOADS]

    @property
    def badges(self) -> dict[str, str]:
        return BADGES_RU if self.words.russian else BADGES

    def _version_badge(self, version: Version) -> tuple[str, str]:
        if version.valid_to is not None:
            if self.timeline.repealed_on is not None and version is self.timeline.versions[-1]:
                return "repealed", self.badges["repealed"]
            return "ended", self.badges["ended"]
        return self._plan_badge()

    def _shown_on(self, version: Version) -> dt.date:
        """The day whose standing a version's page shows: a repealed plan's last text is shown as it stands
        after the repeal (the bank's badge and note of the repeal), every other version on its first day."""
        repealed = self.timeline.repealed_on
        return repealed if repealed is not None and version is self.timeline.versions[-1] else version.valid_from

    def _repealed_line(self, w: SiteWords) -> str:
        """The plan page's line on the repeal: the day, and the bank's note of it in the interface's language."""
        assert self.timeline.repealed_on is not None
        repeal = self.timeline.repeal
        note = (repeal.note_ru if w.russian else repeal.note) if repeal is not None else None
        return w.repealed(self.timeline.repealed_on) + (f" {note}" if note else "")

    def _plan_badge(self) -> tuple[str, str]:
        badges = self.badges
        if self.timeline.repealed_on is not None:
            return "repealed", badges["repealed"]
        return ("updated", badges["updated"]) if len(self.timeline.versions) > 1 else ("new", badges["new"])

    def _crumbs(self, depth: int, *rest: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        up = "../" * depth
        return [(self.words["plans"], f"{up}../index.html"), (f"№ {self.base.plan}", f"{up}index.html"), *rest]

    # -- pages ---------------------------------------------------------------------------------------

    def pages(self) -> dict[str, str | bytes]:
        pid = file_name(self.base.plan)
        out: dict[str, str | bytes] = {f"{pid}/index.html": self.plan_page()}
        versions = self.timeline.versions
        for k, v in enumerate(versions):
            out[f"{pid}/{v.valid_from.isoformat()}.html"] = self.version_page(
                v, versions[k - 1] if k else None, versions[k + 1] if k + 1 < len(versions) else None
            )
            out.update({f"{pid}/{name}": data for name, data in self.downloads(v).items()})
        for name, (filed, comparison) in self.comparisons.items():
            out[f"{pid}/acts/{name}"] = self.act_page(filed, comparison)
        for number in self.rows:
            out[f"{pid}/rows/{_row_file(str(number))}"] = self.row_page(number)
        return out

    def downloads(self, version: Version) -> dict[str, bytes]:
        """The version in every download format, by file name under the plan's folder."""
        from amend.outputs.akn import version_akn
        from amend.outputs.docx import render_docx
        from amend.outputs.export import export_rows, to_csv, to_json, to_xlsx

        day = version.valid_from
        rows = export_rows(version, day)
        amendments = [f.amendment for f in self.acts if f.amendment.takes_effect]
        return {
            f"downloads/{day.isoformat()}.docx": render_docx(version, amendments),
            f"downloads/{day.isoformat()}.xlsx": to_xlsx(rows),
            f"downloads/{day.isoformat()}.csv": to_csv(rows, excel=True).encode("utf-8"),
            f"downloads/{day.isoformat()}.json": to_json(rows).encode("utf-8"),
            f"downloads/{day.isoformat()}.akn.xml": version_akn(version, [a.act for a in amendments]),
        }

    def plan_page(self) -> str:
        plan = self.base
        w = self.words
        versions = []
        data = []
        for v in self.timeline.versions:
            day = v.valid_from.isoformat()
            badge_class, badge = self._version_badge(v)
            versions.append(
                {
                    "day": day,
                    "label": w.span(v),
                    "badge": badge,
                    "badge_class": badge_class,
                    "acts": self._act_links(v, ""),
                    "href": f"{day}.html",
                    "edition": w.edition(v.valid_from),
                    "downloads": self._downloads(v, ""),
                }
            )
            data.append(
                {
                    "from": day,
                    "to": v.valid_to.isoformat() if v.valid_to else None,
                    "href": f"{day}.html",
                    "label": w.day(v.valid_from),
                }
            )
        acts = []
        for name, (filed, comparison) in self.comparisons.items():
            a = filed.amendment
            draft = a.status == "draft"
            acts.append(
                {
                    "href": f"acts/{_href(name)}",
                    "label": f"№ {a.act.number}, {w.day(a.act.date)}",
                    "badge": self.badges["draft"] if draft else w["adopted"],
                    "badge_class": "draft" if draft else "adopted",
                    "status": w["draft_status"] if draft else w.in_force_since(comparison.in_force),
                    "count": len(comparison.entries),
                }
            )
        badge_class, badge = self._plan_badge()
        repealed = self.timeline.repealed_on
        return self._page(
            "plan.html",
            title=f"№ {plan.plan}: {_plain(plan.title)}",
            crumbs=[(w["plans"], "../index.html"), (f"№ {plan.plan}", None)],
            plan_title=_plain(plan.title),
            approved=w.approved(plan.act),
            badge=badge,
            badge_class=badge_class,
            first_day=self.timeline.versions[0].valid_from.isoformat(),
            versions=versions,
            versions_data=data,
            repealed=self._repealed_line(w) if repealed else None,
            acts=acts,
            rows=[{"href": f"rows/{_href(_row_file(str(n)))}", "label": str(n)} for n in self.rows],
            rows_complete=plan.rows_complete,
            picker_script=_safe(picker_script(w)),
            assets=self.assets,
            w=w,
        )

    def version_page(self, version: Version, previous: Version | None, following: Version | None) -> str:
        day = version.valid_from.isoformat()
        badge_class, badge = self._version_badge(version)

        w = self.words

        def neighbour(v: Version | None) -> dict[str, str] | None:
            return {"href": f"{v.valid_from.isoformat()}.html", "edition": w.edition(v.valid_from)} if v else None

        body = version_body(
            version,
            history_link=lambda n: f"rows/{_href(_row_file(n))}",
            note_link=self._note_link(""),
            lang=self.lang,
            whole=True,
            standing=standing(self.timeline, self._shown_on(version), self.lang),
            amendments=[f.amendment for f in self.acts if f.amendment.takes_effect],
        )
        return self._page(
            "version.html",
            title=f"№ {self.base.plan}: {w.edition(version.valid_from)}",
            crumbs=self._crumbs(0, (w.day(version.valid_from), None)),
            previous=neighbour(previous),
            following=neighbour(following),
            badge=badge,
            badge_class=badge_class,
            acts=self._act_links(version, ""),
            downloads=self._downloads(version, ""),
            body=_safe(body),
            day=day,
            assets=self.assets,
            w=w,
        )

    def act_page(self, filed: FiledAmendment, comparison: Comparison) -> str:
        known = {str(n) for n in self.rows}

        def row_link(n: str) -> str | None:
            return f"../rows/{_href(_row_file(n))}" if n in known else None

        body = comparison_body(comparison, row_link=row_link)
        if self.lang in ("ru", "both"):
            # The Russian table under the Kazakh one: the Russian wording where a source gives it.
            from amend.outputs.comparative import russian_comparison
            from amend.queries.compare import around

            before, after = around(self.base, self.repo.amendments, filed)
            russian = russian_comparison(comparison, before.latest.plan, after.latest.plan)
            body += f'<section lang="ru">\n{comparison_body(russian, row_link=row_link, lang="ru")}</section>\n'
        label = f"№ {comparison.act.number}"
        return self._page(
            "act.html",
            title=f"{self.words['comparative']}: {label}",
            crumbs=self._crumbs(1, (label, None)),
            draft=filed.amendment.status == "draft",
            body=_safe(body),
            assets=self.assets,
            w=self.words,
        )

    def row_page(self, number: RowNumber) -> str:
        text = str(number)
        w = self.words
        states = []
        previous: RowState | None = None
        for state in row_history(self.timeline, number):
            day = state.valid_from.isoformat()
            end = state.valid_to
            until = f" – {w.day(end) if end else until_label(self.base, None, 'ru' if w.russian else 'kk')}"
            page = self._act_page(state.change.act, state.change.act_date) if state.change else None
            anchor = f"#{row_anchor(text)}" if state.row is not None else ""
            states.append(
                {
                    "label": w.day(state.valid_from) + until,
                    "state": _state_label(state, w),
                    "how": state.change.note if state.change else w.as_enacted(self.base.act),
                    "act_href": f"../acts/{_href(page)}" if page else None,
                    "version_href": f"../{day}.html{anchor}",
                    "version_text": w.plan_in(state.valid_from),
                    "cells": self._wording(state.row, previous.row if previous else None) if state.row else [],
                    "compared": previous is not None and previous.row is not None and state.row is not None,
                    # Both languages: the Russian note and wording, as far as a source gives them.
                    "how_ru": state.change.note_ru if self.lang != "kk" and state.change else None,
                    "cells_ru": self._wording(
                        row_in_russian(state.row, self.base.column_ids),
                        row_in_russian(previous.row, self.base.column_ids) if previous and previous.row else None,
                    )
                    if self.lang != "kk" and state.row
                    else [],
                }
            )
            previous = state
        return self._page(
            "row.html",
            title=f"№ {self.base.plan}, {w.row_name(text)}",
            crumbs=self._crumbs(1, (w.row_name(text), None)),
            heading=w.row_title(self.base.plan, text),
            states=states,
            assets=self.assets,
            w=w,
        )

    def _wording(self, row: Row, before: Row | None) -> list[dict[str, Any]]:
        """The row's cells in this period, with the redline against the period before where both are known."""
        out = []
        for column in self.base.columns:
            new = row.cells.get(column.id, UNKNOWN)
            w = self.words
            # The Russian interface heads a column by its Russian title, or by our Russian words for it.
            head = (
                column_heading(evolve(column, title=column.title_ru), lang="ru")
                if w.russian
                else column_heading(column)
            )
            cell: dict[str, Any] = {"head": head, "text": _safe(esc(new)), "diff": ""}
            if before is not None:
                old = before.cells.get(column.id, UNKNOWN)
                if isinstance(old, Unknown) or isinstance(new, Unknown):
                    mark = UNKNOWN_MARK_RU if w.russian else UNKNOWN_MARK
                    cell["diff"] = _safe(esc(f"{mark}: {w['not_comparable']}")) if old is not new else ""
                else:
                    cell["diff"] = _safe(redline_html(redline(old, new))) if old != new else w["unchanged"]
            out.append(cell)
        return out

    def _page(self, template: str, **context: Any) -> str:
        """A page of this plan, with the language links of a server's pages."""
        return _render(template, languages=language_links(self.lang) if self.switch else None, **context)


def _state_label(state: RowState, w: SiteWords) -> str:
    if state.row is None:
        return w["row_deleted"]
    if all(v is UNKNOWN for v in state.row.cells.values()):
        return w["row_unknown"].format(mark=UNKNOWN_MARK_RU if w.russian else UNKNOWN_MARK)
    return w["row_in_force"]


def picker_script(w: SiteWords | None = None) -> str:
    """The plan page's date picker (no server needed: inline in a static page, one file from a server), its
    messages in the interface's language (Kazakh without ``w``)."""
    script = (TEMPLATES / "picker.js").read_text(encoding="utf-8")
    if w is None or not w.russian:
        return script
    for kazakh, russian in (
        (words.PICKER_LABEL, words.PICKER_LABEL_RU),
        (words.PICKER_NOT_YET, json.dumps(w["picker_not_yet"], ensure_ascii=False)),
        (words.PICKER_REPEALED, json.dumps(w["picker_repealed"], ensure_ascii=False)),
        (words.PICKER_FUTURE, json.dumps(BADGES_RU["future"], ensure_ascii=False)),
    ):
        script = script.replace(kazakh, russian)
    return script


def language_links(lang: str) -> tuple[tuple[str, str, bool], ...]:
    """The interface's languages for a server's language links: (code, its own name, whether it is this one)."""
    shown = "ru" if lang == "ru" else "kk"
    return tuple((code, name, code == shown) for code, name in words.WORKBENCH_LANGUAGES)


def index_page(sites: list[PlanSite], *, assets: str | None = None, prefix: str = "", lang: str | None = None) -> str:
    """The list of plans; ``prefix`` goes before each plan's folder (a server's ``plans/``); ``lang``: the
    interface's language of a server's page (with its language links), else the sites' own."""
    w = site_words(lang) if lang is not None else sites[0].words if sites else site_words("kk")
    plans = []
    for s in sites:
        plan = s.base
        badge_class, badge = s._plan_badge()
        plans.append(
            {
                "href": prefix + _href(file_name(plan.plan), "index.html"),
                "number": plan.plan,
                "title": _plain(plan.title),
                "badge": badge,
                "badge_class": badge_class,
                "versions": len(s.timeline.versions),
                "latest": w.day(s.timeline.latest.valid_from),
            }
        )
    languages = language_links(lang) if lang is not None else None
    return _render("index.html", title=w["plans"], plans=plans, assets=assets, w=w, languages=languages)


def site_pages(repo: Repository, lang: str = "kk") -> tuple[dict[str, str | bytes], list[AmendError]]:
    """Every file by its path relative to the site's root (pages as text, downloads as bytes), and the
    drafts left out. Writes nothing. ``lang``: the language of the versions' pages (kk, ru, or both)."""
    skipped: list[AmendError] = []
    sites = [PlanSite(repo, pid, skipped, lang) for pid in sorted(repo.plans)]
    pages: dict[str, str | bytes] = {"index.html": index_page(sites)}
    for s in sites:
        pages.update(s.pages())
    return pages, skipped


def build_site(repo: Repository, outdir: Path, *, lang: str = "kk") -> SiteResult:
    """Write the site under ``outdir``. Everything is computed first, so an error writes nothing."""
    pages, skipped = site_pages(repo, lang)
    write_tree(outdir, pages)  # each page inside outdir, every folder checked before the first write
    return SiteResult(tuple(sorted(pages)), tuple(skipped))
