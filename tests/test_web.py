"""amend serve: every route through FastAPI's test client, every refusal, and the API's JSON against the CLI's."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SOURCES
from typer.testing import CliRunner

from amend.cli.app import app as cli
from amend.web.app import create_app
from amend.web.security import MAX_BODY

with warnings.catch_warnings():  # starlette's notice that a later httpx will be needed
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1:8000"
TEXT_392 = (SOURCES / "392.txt").read_text(encoding="utf-8")
runner = CliRunner()


def client(root: Path = ROOT, **options) -> TestClient:
    return TestClient(create_app(root, **options), base_url=BASE)


@pytest.fixture(scope="module")
def web() -> TestClient:
    return client()


@pytest.fixture(scope="module")
def preview_392(web) -> dict:
    headers = {"content-type": "text/plain; charset=utf-8"}
    r = web.post("/api/drafts/preview", content=TEXT_392.encode(), headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def cli_json(*args: str) -> object:
    result = runner.invoke(cli, [*args, "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- the API gives the CLI's JSON ---------------------------------------------------------------------


DAYS = ["2023-08-31", "2025-05-29", "2025-05-30", "2025-06-01", "2026-06-01"]
DAYS_156 = ["2020-03-30", "2021-01-01", "2023-12-31", "2025-06-01"]


@pytest.mark.parametrize(("plan", "day"), [("748", d) for d in DAYS] + [("156", d) for d in DAYS_156])
def test_the_api_gives_exactly_the_json_of_show_and_status(web, plan, day):
    r = web.get(f"/api/plans/{plan}", params={"at": day})
    assert r.status_code == 200, r.text
    assert r.json() == cli_json("show", plan, "--at", day, "--format", "json")
    r = web.get(f"/api/plans/{plan}/status", params={"at": day})
    assert r.status_code == 200, r.text
    assert r.json() == cli_json("status", plan, "--at", day, "--format", "json")


@pytest.mark.parametrize(("lang", "known_on"), [("ru", None), ("both", None), ("kk", "2025-05-29")])
def test_lang_and_as_known_on_are_the_cli_options(web, lang, known_on):
    params = {"at": "2025-06-01", "lang": lang} | ({"as_known_on": known_on} if known_on else {})
    args = ["show", "748", "--at", "2025-06-01", "--format", "json", "--lang", lang]
    args += ["--as-known-on", known_on] if known_on else []
    assert web.get("/api/plans/748", params=params).json() == cli_json(*args)


def test_the_plans_list_gives_ids_titles_and_versions(web):
    found = {p["id"]: p for p in web.get("/api/plans").json()}
    assert sorted(found) == ["156", "748"]
    assert [v["from"] for v in found["748"]["versions"]] == ["2023-08-31", "2025-05-30"]
    assert found["748"]["versions"][1]["acts"] == ["392"]
    assert found["748"]["title"].startswith("Балаларды зорлық-зомбылықтан қорғау")


def test_a_rows_history_gives_each_period_with_its_change(web):
    data = web.get("/api/plans/748/rows/6/history").json()
    assert [(p["from"], p["to"]) for p in data["periods"]] == [("2023-08-31", "2025-05-29"), ("2025-05-30", None)]
    assert data["periods"][0]["change"] is None
    assert data["periods"][1]["change"]["act"] == "392"
    assert data["periods"][1]["row"]["cells"]["form"] == "ақпараттық науқан"
    inserted = web.get("/api/plans/748/rows/23-1/history").json()
    assert [p["from"] for p in inserted["periods"]] == ["2025-05-30"]


def test_a_row_no_source_gives_is_404_saying_the_plan_is_recorded_in_part(web):
    r = web.get("/api/plans/748/rows/2/history")
    assert r.status_code == 404
    assert "recorded only in part" in r.json()["message"]
    r = web.get("/api/plans/156/rows/999/history")
    assert r.status_code == 404
    assert r.json()["message"] == "row 999 has never been in plan 156"


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/plans/999?at=2025-06-01", 404, "no plan 999"),
        ("/api/plans/748?at=31.02.2025", 422, "at: '31.02.2025' is not a date"),
        ("/api/plans/748?at=2020-01-01", 422, "not yet in force"),
        ("/api/plans/748", 422, "at: Field required"),
        ("/api/plans/748?at=2025-06-01&lang=de", 422, "lang"),
        ("/api/plans/748/rows/x..y/history", 422, "row:"),
        ("/api/nothing", 404, "Not Found"),
    ],
)
def test_errors_are_json_with_a_message_and_no_traceback(web, url, status, words):
    r = web.get(url)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert words in r.json()["message"]
    assert "Traceback" not in r.text


def test_healthz_and_the_api_reference(web):
    assert web.get("/healthz").json() == {"status": "ok"}
    docs = web.get("/docs")
    assert docs.status_code == 200
    for path in ("/api/plans/{plan}", "/api/plans/{plan}/status", "/api/drafts/preview", "/api/plans"):
        assert f"{path}</code>" in docs.text
    assert "cdn" not in docs.text.lower()
    assert web.get("/openapi.json").json()["info"]["title"] == "amend"


# -- the preview --------------------------------------------------------------------------------------


def test_the_preview_of_392s_text_reads_its_17_rows_and_4_abbreviations_with_no_problem(preview_392):
    assert preview_392["counts"] == {"operations": 11, "rows": 17, "abbreviations": 4}
    assert preview_392["problems"] == []
    assert preview_392["file"] == "plans/amendments/392.yaml"
    assert preview_392["in_force"] == "2025-05-30"
    # Each operation beside the sentence it came from; the REVIEW places by their line in the YAML.
    first = preview_392["operations"][0]
    assert first["operation"]["op"] == "replace_row" and first["operation"]["row"] == "6"
    assert any("6-жол мынадай редакцияда" in line for line in first["source"])
    lines = preview_392["amendment"].splitlines()
    assert len(preview_392["review"]) == 7
    for place in preview_392["review"]:
        assert lines[place["line"] - 1].strip().startswith("# REVIEW:")
    assert {e["row"] for e in preview_392["compare"]["entries"]} >= {"6", "23-1", "49"}
    assert preview_392["version"]["plan"] == "748" and preview_392["version"]["at"] == "2025-05-30"
    assert "23-1" in [r["number"] for r in preview_392["version"]["rows"]]


def test_the_preview_yaml_is_what_amend_import_writes(preview_392):
    result = runner.invoke(cli, ["import", str(SOURCES / "392.txt"), "--root", str(ROOT)])
    # The one difference: the name of the file it was read from (a pasted text is "draft").
    assert preview_392["amendment"] == result.stdout.replace("from 392.", "from draft.", 1)


def test_a_problem_in_the_yaml_is_placed_in_the_words_of_amend_check(web, preview_392, repo_copy):
    broken = preview_392["amendment"].replace("row: '6'", "row: '999'", 1)
    r = web.post("/api/drafts/preview", content=broken.encode(), headers={"content-type": "application/yaml"})
    assert r.status_code == 200
    problems = r.json()["problems"]
    placed = [(p["file"], p["line"], p["rule"]) for p in problems]
    assert placed == [("plans/amendments/392.yaml", 23, "target-missing")]
    # The same file filed in a copy of the repository (in the adopted 392's place): check says the same.
    (repo_copy / "plans" / "amendments" / "392.yaml").write_text(broken, encoding="utf-8")
    result = runner.invoke(cli, ["check", "--format", "json", "--root", str(repo_copy)])
    found = [p for p in json.loads(result.stdout)["problems"] if p["file"].endswith("392.yaml")]
    assert [{k: p[k] for k in ("line", "column", "rule", "message")} for p in found] == [
        {k: p[k] for k in ("line", "column", "rule", "message")} for p in problems
    ]


def test_yaml_that_does_not_load_is_a_problem_at_its_place(web):
    r = web.post("/api/drafts/preview", content=b"act: [\n", headers={"content-type": "application/yaml"})
    assert r.status_code == 200
    (problem,) = r.json()["problems"]
    assert (problem["line"], problem["rule"]) == (2, "yaml-syntax")
    assert r.json()["version"] is None and r.json()["compare"] is None


@pytest.mark.parametrize(
    ("body", "kind", "status", "words"),
    [
        ("Бұл өзгерту актісі емес.", "text/plain", 422, "no line of the heading names the act"),
        ("", "text/plain", 422, "no line of the heading"),
        ("some text", "application/octet-stream", 415, "content type"),
        ("\x00\x01", "text/plain", 422, "NUL byte"),
    ],
)
def test_a_text_that_is_not_an_amending_act_is_422_never_500(web, body, kind, status, words):
    r = web.post("/api/drafts/preview", content=body.encode(), headers={"content-type": kind})
    assert r.status_code == status
    assert words in r.json()["message"]


def _docx_of(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["392.txt", "392.docx", "392.yaml"])
def test_an_upload_in_field_file_is_read_by_its_kind(web, preview_392, name):
    data = {
        "392.txt": TEXT_392.encode(),
        "392.docx": _docx_of(TEXT_392),
        "392.yaml": preview_392["amendment"].encode(),
    }[name]
    r = web.post("/api/drafts/preview", files={"file": (name, data)})
    assert r.status_code == 200, r.text
    assert r.json()["counts"] == {"operations": 11, "rows": 17, "abbreviations": 4}
    assert r.json()["problems"] == []


def test_an_upload_of_another_kind_is_refused(web):
    r = web.post("/api/drafts/preview", files={"file": ("act.pdf", b"%PDF-1.4")})
    assert r.status_code == 422
    assert "reads .docx, .txt and .yaml" in r.json()["message"]
    r = web.post("/api/drafts/preview", files={"file": ("act.docx", b"not a zip")})
    assert r.status_code == 422 and "not a Word file" in r.json()["message"]


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(web):
    bomb = _zip({"word/document.xml": b"\0" * (65 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small on the wire
    r = web.post("/api/drafts/preview", files={"file": ("bomb.docx", bomb)})
    assert r.status_code == 413
    assert "a zip bomb" in r.json()["message"]
    many = _zip({f"part{i}.xml": b"" for i in range(1001)})
    r = web.post("/api/drafts/preview", files={"file": ("many.docx", many)})
    assert r.status_code == 413
    assert "1001 parts in the archive" in r.json()["message"]


# -- refusals -----------------------------------------------------------------------------------------


def test_a_body_over_10_mib_is_413(web):
    r = web.post("/api/drafts/preview", content=b"a" * (MAX_BODY + 1), headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert "larger than 10 MiB" in r.json()["message"]

    def chunks():  # no Content-Length: counted as it comes
        for _ in range(11):
            yield b"a" * (1024 * 1024)

    r = web.post("/api/drafts/preview", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1:9999", "attacker.com:8000", ""])
def test_a_host_that_is_not_the_servers_own_is_403(web, host):
    r = web.get("/api/plans", headers={"host": host})
    assert r.status_code == 403
    assert "DNS rebinding" in r.json()["message"]


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000"])
def test_the_servers_own_host_names_are_answered(web, host):
    assert web.get("/healthz", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:9999", "https://127.0.0.1:8000"])
def test_a_request_from_another_origin_is_403(web, origin):
    r = web.post("/api/drafts/preview", content=b"x", headers={"origin": origin, "content-type": "text/plain"})
    assert r.status_code == 403
    assert "another site" in r.json()["message"]


def test_a_request_from_the_servers_own_page_is_answered(web):
    r = web.post("/api/drafts/preview", content=b"x", headers={"origin": BASE, "content-type": "text/plain"})
    assert r.status_code == 422  # read, and found not to be an act


def test_bound_beyond_loopback_every_request_needs_the_token():
    with pytest.raises(ValueError, match="needs a token"):
        create_app(ROOT, host="0.0.0.0")
    wide = TestClient(create_app(ROOT, host="0.0.0.0", port=8000, token="s3cret"), base_url="http://192.0.2.7:8000")
    r = wide.get("/api/plans")
    assert r.status_code == 403 and "token" in r.json()["message"]
    assert wide.get("/healthz", params={"token": "wrong"}).status_code == 403
    assert wide.get("/healthz", headers={"authorization": "token s3cret"}).status_code == 200
    first = wide.get("/", params={"token": "s3cret"})
    assert first.status_code == 200
    assert "HttpOnly" in first.headers["set-cookie"] and "SameSite=Strict" in first.headers["set-cookie"]
    assert wide.get("/api/plans").status_code == 200  # the cookie, from now on


# -- pages --------------------------------------------------------------------------------------------


def test_pages_carry_a_content_security_policy_and_no_inline_code(web):
    for url in ("/", "/plans/748/index.html", "/plans/748/2025-05-30.html", "/draft", "/docs"):
        r = web.get(url)
        assert r.status_code == 200
        assert r.headers["content-security-policy"].startswith("default-src 'self'")
        assert "<style" not in r.text and "style=" not in r.text
        assert re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", r.text) == []


def test_the_index_links_each_plan_and_a_day_leads_to_the_version_in_force(web):
    index = web.get("/").text
    assert 'href="plans/748/index.html"' in index and 'href="plans/156/index.html"' in index
    r = web.get("/plans/748", params={"at": "2025-06-01"}, follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (307, "/plans/748/2025-05-30.html")
    r = web.get("/plans/748", params={"at": "2025-05-29"}, follow_redirects=False)
    assert r.headers["location"] == "/plans/748/2023-08-31.html"
    page = web.get("/plans/748", params={"at": "2025-06-01"}).text
    assert "23-1" in page
    assert web.get("/plans/748", follow_redirects=False).headers["location"] == "/plans/748/index.html"
    assert web.get("/plans/index.html", follow_redirects=False).headers["location"] == "/"


def test_every_link_of_the_served_pages_is_answered(web):
    seen, todo = set(), ["/plans/748/index.html", "/plans/156/index.html", "/"]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        r = web.get(url)
        assert r.status_code == 200, url
        if not url.endswith(".html") and url != "/":
            continue
        base = r.url.path.rsplit("/", 1)[0] + "/"  # after a redirect, links are relative to where it led
        for href in re.findall(r'(?:href|src)="([^"#]*)', r.text):
            if not href or href.startswith(("http:", "https:", "data:")):
                continue
            target = href if href.startswith("/") else base + href
            parts: list[str] = []
            for part in target.split("/"):
                if part == "..":
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            todo.append("/".join(parts) or "/")
    assert any(u.endswith(".akn.xml") for u in seen) and any("/rows/" in u for u in seen)


@pytest.mark.parametrize("ext", ["docx", "xlsx", "csv", "json", "akn.xml"])
def test_a_version_downloads_in_five_formats(web, ext):
    r = web.get(f"/plans/748/downloads/2025-05-30.{ext}")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == f'attachment; filename="748-2025-05-30.{ext}"'


def test_unknown_pages_and_assets_are_404(web):
    for url in ("/plans/748/2024-01-01.html", "/plans/748/rows/99.html", "/plans/748/acts/x.html", "/static/x.js"):
        r = web.get(url)
        assert r.status_code == 404 and r.json()["message"].startswith("no ")
    assert web.get("/static/..%2Fapp.py").status_code == 404
    assert web.get("/plans/999/index.html").status_code == 404


def test_the_drafting_page_reads_392_and_shows_its_operations_problems_and_tables(web):
    r = web.post("/draft", data={"action": "read", "text": TEXT_392})
    assert r.status_code == 200
    page = r.text
    assert '<span id="count-rows">17</span>' in page and '<span id="count-abbreviations">4</span>' in page
    assert 'id="no-problems"' in page
    assert page.count('<li class="operation">') == 11
    assert page.count("<strong>REVIEW</strong>") == 7
    assert 'id="comparison"' in page and 'id="version"' in page


# The English words the drafting page once mixed into its Kazakh labels: none may stand in either interface.
ENGLISH_LABELS = (
    "Paste",
    "(read)",
    "(check)",
    "save as draft",
    "overwrite the file",
    "Problems",
    "No place",
    "Operations, each",
    "The plan on",
    " operations,",
    " rows,",
)


def _interface_text(page: str) -> str:
    """The page less the act's text, the YAML, the operations and the tables (the interface's own words)."""
    for tag in ("textarea", "pre", "blockquote", "table", 'section class="comparison"', 'section class="version"'):
        name = tag.split()[0]
        page = re.sub(rf"<{tag}[^>]*>.*?</{name}>", "", page, flags=re.S)
    return page


@pytest.mark.parametrize(
    ("ui", "header", "lang"),
    [
        (None, None, "kk"),
        ("ru", None, "ru"),
        (None, "ru-RU,ru;q=0.9", "ru"),
        ("kk", "ru", "kk"),
        ("en", "en-GB,kk;q=0.5", "kk"),
    ],
)
def test_the_drafting_page_speaks_kazakh_or_russian_as_asked_and_no_english(ui, header, lang):
    web = client()  # no language chosen before (a cookie of an earlier test)
    r = web.get("/draft", params={"ui": ui} if ui else None, headers={"accept-language": header} if header else None)
    assert r.status_code == 200
    assert f'<html lang="{lang}">' in r.text
    assert f'<input type="hidden" name="ui" value="{lang}">' in r.text  # the form keeps the choice
    assert ("Вставьте текст" in r.text) == (lang == "ru") and ("мәтінін қойыңыз" in r.text) == (lang == "kk")
    assert not [w for w in ENGLISH_LABELS if w in r.text]


def test_a_language_link_turns_every_page_russian_and_goes_back_to_the_page_it_was_on():
    web = client()
    page = web.get("/plans/748/2025-05-30.html")
    assert '<html lang="kk">' in page.text and '<a href="/ui/ru" hreflang="ru" lang="ru">русский</a>' in page.text
    back = web.get("/ui/ru", headers={"referer": f"{BASE}/plans/748/2025-05-30.html"}, follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"] == "/plans/748/2025-05-30.html"
    assert "amend_ui=ru" in back.headers["set-cookie"] and "httponly" in back.headers["set-cookie"].lower()
    for path in ("/", "/plans/748/index.html", "/plans/748/2025-05-30.html", "/plans/748/rows/6.html", "/draft"):
        shown = web.get(path)
        assert shown.status_code == 200 and '<html lang="ru">' in shown.text, path
        assert "<strong>русский</strong>" in shown.text, path
    assert "Статус: действует" in web.get("/plans/748/2025-05-30.html").text
    assert "<h1>Планы</h1>" in web.get("/").text
    web.get("/ui/kk")
    assert '<html lang="kk">' in web.get("/plans/748/index.html").text and "<h1>Жоспарлар</h1>" in web.get("/").text


@pytest.mark.parametrize(
    "referer", ["https://elsewhere.example/plans/748/", f"{BASE}//elsewhere.example/x", "", "nonsense"]
)
def test_a_language_link_never_leads_off_the_server(web, referer):
    r = web.get("/ui/ru", headers={"referer": referer} if referer else None, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_an_unknown_interface_language_is_404_and_the_static_site_has_no_language_links(web):
    assert web.get("/ui/en", follow_redirects=False).status_code == 404
    from amend import Repository
    from amend.outputs.site import site_pages

    pages, _ = site_pages(Repository(ROOT))
    assert not [name for name, page in pages.items() if isinstance(page, str) and "/ui/" in page]


def test_the_drafting_page_reads_392_in_the_russian_interface_and_shows_the_same_counts(web):
    r = web.post("/draft", data={"action": "read", "text": TEXT_392, "ui": "ru"})
    assert r.status_code == 200
    page = r.text
    assert '<html lang="ru">' in page and '<span id="count-rows">17</span>' in page
    assert "строки: <span" in page and "План по состоянию на 30 мая 2025" in page
    assert "Ошибок нет" in page and page.count('<li class="operation">') == 11
    assert "Статус: действует" in page and "Мәртебесі" not in page  # the version's standing lines too
    words = _interface_text(page)
    assert not [w for w in ENGLISH_LABELS if w in words]
    r = web.post("/draft", data={"action": "read", "text": "  ", "ui": "ru"})
    assert r.status_code == 422 and "Текста нет" in r.text


@pytest.mark.parametrize("name", ["392.docx", "392.txt"])
def test_the_drafting_page_reads_an_uploaded_file(web, name):
    data = _docx_of(TEXT_392) if name.endswith(".docx") else TEXT_392.encode()
    r = web.post("/draft", data={"action": "read"}, files={"file": (name, data)})
    assert r.status_code == 200
    assert '<span id="count-rows">17</span>' in r.text and 'id="no-problems"' in r.text
    assert f"from {name.rsplit('.', 1)[0]}." in r.text  # the draft names the file it was read from


def test_the_drafting_page_says_what_is_wrong_with_a_text_that_is_not_an_act(web):
    r = web.post("/draft", data={"action": "read", "text": "Сәлем"})
    assert r.status_code == 422
    assert 'id="error"' in r.text and "error [import-text]" in r.text
    r = web.post("/draft", data={"action": "read", "text": "  "})
    assert r.status_code == 422 and 'id="error"' in r.text


def test_a_bug_is_answered_with_a_message_never_a_traceback():
    guard = create_app(ROOT)

    def broken() -> None:
        raise RuntimeError("secret internals")

    guard.app.add_api_route("/broken", broken)  # a route that fails as a bug would
    r = TestClient(guard, base_url=BASE, raise_server_exceptions=False).get("/broken")
    assert r.status_code == 500
    assert r.json() == {"message": "internal error: the server could not answer this request"}
    assert "secret internals" not in r.text and "Traceback" not in r.text


def test_the_drafting_page_escapes_what_the_draft_says(web, preview_392):
    hostile = preview_392["amendment"].replace("name: О. Бектенов", "name: <script>alert(1)</script>")
    r = web.post("/draft", data={"action": "check", "amendment": hostile})
    assert "<script>alert(1)" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_the_drafting_page_downloads_the_yaml_the_table_and_the_text(web, preview_392):
    yaml = preview_392["amendment"]
    for action, kind in (
        ("download-yaml", "draft.yaml"),
        ("download-compare", "salystyrmaly-keste-392.docx"),
        ("download-text", "draft-text-392.docx"),
    ):
        r = web.post("/draft", data={"action": action, "amendment": yaml})
        assert r.status_code == 200, r.text[:500]
        assert r.headers["content-disposition"] == f'attachment; filename="{kind}"'
        if kind.endswith(".docx"):
            assert zipfile.ZipFile(io.BytesIO(r.content)).testzip() is None


def test_save_as_draft_writes_once_and_never_overwrites_without_confirmation(repo_copy, preview_392):
    web = client(repo_copy)
    draft = preview_392["amendment"].replace("number: '392'", "number: '400'")
    target = repo_copy / "plans" / "amendments" / "400.yaml"
    r = web.post("/api/drafts", content=draft.encode(), headers={"content-type": "application/yaml"})
    assert (r.status_code, r.json()) == (201, {"file": "plans/amendments/400.yaml"})
    assert target.read_text(encoding="utf-8") == draft
    changed = draft.replace("# Set `status: adopted` once it is checked.", "# edited")
    r = web.post("/api/drafts", content=changed.encode(), headers={"content-type": "application/yaml"})
    assert r.status_code == 409 and "exists" in r.json()["message"]
    assert target.read_text(encoding="utf-8") == draft
    # The page refuses as well, then writes when the person confirms.
    r = web.post("/draft", data={"action": "save", "amendment": changed})
    assert r.status_code == 409 and target.read_text(encoding="utf-8") == draft
    r = web.post("/draft", data={"action": "save", "amendment": changed, "overwrite": "yes"})
    assert r.status_code == 200 and "plans/amendments/400.yaml" in r.text
    assert target.read_text(encoding="utf-8") == changed
    # The adopted 392 itself can never be replaced from here: only drafts are saved.
    adopted = (repo_copy / "plans" / "amendments" / "392.yaml").read_bytes()
    r = web.post(
        "/api/drafts?overwrite=true",
        content=adopted.replace(b"status: adopted", b"status: draft"),
        headers={"content-type": "application/yaml"},
    )
    assert r.status_code == 201  # a draft of 392 replaces the file only because overwrite was asked
    r = web.post("/api/drafts?overwrite=true", content=adopted, headers={"content-type": "application/yaml"})
    assert r.status_code == 422 and "only a draft" in r.json()["message"]


def test_save_as_draft_stays_inside_plans_amendments(repo_copy, preview_392):
    web = client(repo_copy)
    before = set(repo_copy.parent.rglob("*"))
    draft = preview_392["amendment"].replace("number: '392'", "number: ../../../x")
    r = web.post("/api/drafts", content=draft.encode(), headers={"content-type": "application/yaml"})
    new = set(repo_copy.parent.rglob("*")) - before
    if r.status_code == 201:
        assert [p.parent for p in new] == [repo_copy / "plans" / "amendments"]
    else:
        assert (r.status_code, new) == (422, set())


# -- amend serve --------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(*args: str) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "amend", "serve", "--root", str(ROOT), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    return proc, first


def _wait_up(url: str) -> int:
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return int(r.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


def test_amend_serve_prints_its_url_answers_and_stops_cleanly_on_ctrl_c():
    port = _free_port()
    proc, first = _start("--port", str(port))
    try:
        assert first.strip().endswith(f"at http://127.0.0.1:{port}/")
        assert _wait_up(f"http://127.0.0.1:{port}/healthz") == 200
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_amend_serve_on_every_address_prints_the_token_it_then_asks_for():
    port = _free_port()
    proc, first = _start("--host", "0.0.0.0", "--port", str(port))
    try:
        token = first.strip().rsplit("?token=", 1)[1]
        assert len(token) >= 24
        assert _wait_up(f"http://127.0.0.1:{port}/healthz") == 403
        assert _wait_up(f"http://127.0.0.1:{port}/healthz?token={token}") == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
    assert proc.returncode == 0


def test_the_bench_measures_a_served_preview_and_plan_with_no_error():
    from bench.serve import p95, serve_figures

    assert p95([float(n) for n in range(1, 101)]) == 95.0
    assert p95([3.0]) == 3.0
    out = serve_figures(requests=3, clients=2, seconds=0.5)  # the figures' shape, not their size
    assert out["serve_preview_errors"] == out["serve_plan_errors"] == out["serve_concurrent_errors"] == 0
    assert out["serve_preview_p95_ms"] >= out["serve_preview_median_ms"] > 0
    assert out["serve_plan_p95_ms"] >= out["serve_plan_median_ms"] > 0
    assert out["serve_concurrent_requests"] > 0 and out["serve_stopped_cleanly"]


def test_every_schema_problem_of_a_draft_is_listed_each_at_its_place(web, preview_392):
    broken = preview_392["amendment"].replace("status: draft", "status: drafted", 1)
    broken = broken.replace("form: ақпараттық науқан", "form: ''", 1)
    assert broken.count("drafted") == 1 and "form: ''" in broken
    r = web.post("/api/drafts/preview", content=broken.encode(), headers={"content-type": "application/yaml"})
    assert r.status_code == 200
    problems = r.json()["problems"]
    assert [p["rule"] for p in problems] == ["schema", "schema"]
    assert problems[0]["line"] < problems[1]["line"]
    assert "cell `form`: empty" in problems[1]["message"]


def test_a_repealed_plan_on_a_day_after_its_repeal_leads_to_its_last_text_under_the_note(tmp_path):
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", root / "plans")
    repeal = ROOT / "tests" / "fixtures" / "lifecycle" / "repeal-156" / "amendments" / "9006.yaml"
    shutil.copy(repeal, root / "plans" / "amendments")
    served = client(root)
    r = served.get("/plans/156?at=2025-01-01")
    assert r.status_code == 200
    assert "Ескерту. Күші жойылды - ҚР Үкіметінің 07.04.2024 № 9006 қаулысымен." in r.text
    data = served.get("/api/plans/156?at=2025-01-01").json()
    assert data["status"] == "repealed" and data["note"].startswith("Ескерту. Күші жойылды")


# -- the workbench reads a Russian text, or a pair of texts --------------------------------------


def _russian_fixture() -> tuple[str, str]:
    from test_russian_import import RU, _kazakh_text

    return _kazakh_text(), RU


def test_the_workbench_previews_a_russian_text_alone_with_its_kazakh_texts_unknown(web):
    _, russian = _russian_fixture()
    r = web.post("/api/drafts/preview?lang=ru", content=russian.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert "cells_ru:" in data["amendment"] and "title: !unknown" in data["amendment"]
    assert data["review"]  # what the Russian text cannot say of the Kazakh identity is marked


def test_the_workbench_merges_a_pair_of_texts_into_one_act_with_both_languages(web):
    kazakh, russian = _russian_fixture()
    files = {"file": ("2701.txt", kazakh.encode()), "ru": ("2701.ru.txt", russian.encode())}
    r = web.post("/api/drafts/preview", files=files)
    assert r.status_code == 200, r.text
    amendment = r.json()["amendment"]
    assert "сынақ мәтіні: 6-жолдың іс-шарасы" in amendment and "тестовый текст: мероприятие строки 6" in amendment
    alone = web.post("/api/drafts/preview", files={"file": ("2701.txt", kazakh.encode())}).json()["amendment"]
    assert "тестовый текст" not in alone


def test_the_workbench_refuses_a_language_it_does_not_read(web):
    r = web.post("/api/drafts/preview?lang=en", content=b"text", headers={"content-type": "text/plain"})
    assert r.status_code == 422 and "lang" in r.json()["message"]


def test_the_drafting_page_reads_a_pair_of_texts_and_a_russian_text_alone(web):
    kazakh, russian = _russian_fixture()
    r = web.post("/draft", data={"action": "read", "text": kazakh, "ru": russian})
    assert r.status_code == 200
    assert "тестовый текст: мероприятие строки 6" in r.text and "сынақ мәтіні: 6-жолдың іс-шарасы" in r.text
    alone = web.post("/draft", data={"action": "read", "text": russian, "lang": "ru"})
    assert alone.status_code == 200 and "title: !unknown" in alone.text
    assert '<option value="ru" selected>' in alone.text
    both_russian = web.post("/draft", data={"action": "read", "text": russian, "lang": "ru", "ru": russian})
    assert both_russian.status_code == 422 and 'id="error"' in both_russian.text
