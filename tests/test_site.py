"""The static site: every link relative and alive, and a real browser (headless Chromium) reading it.

The browser test drives Debian's chromium through the DevTools protocol over a pipe
(--remote-debugging-pipe: no port, no driver, no extra package). It skips where chromium is absent,
unless AMEND_REQUIRE_BROWSER=1 (set by CI), where it fails instead.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import functools
import json
import os
import re
import select
import shutil
import struct
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from posixpath import dirname, join, normpath
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from amend import Repository
from amend.cli.app import app
from amend.outputs.site import build_site, site_pages

LINK = re.compile(r'href="([^"]*)"')


@pytest.fixture(scope="module")
def files(repo) -> dict[str, str | bytes]:
    return site_pages(repo)[0]


@pytest.fixture(scope="module")
def pages(files) -> dict[str, str]:
    """The HTML pages (the downloads are bytes)."""
    return {name: page for name, page in files.items() if isinstance(page, str)}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(Repository(ROOT), out)
    return out


# -- the pages, without a browser --------------------------------------------------------------------


def test_one_page_per_plan_version_act_and_row(pages):
    assert {
        "index.html",
        "748/index.html",
        "748/2023-08-31.html",
        "748/2025-05-30.html",
        "748/acts/2025-05-30-392.html",
        "748/rows/23-1.html",
        "748/rows/6.html",
        "156/index.html",
        "156/2020-03-30.html",
    } <= pages.keys()
    assert len([p for p in pages if p.startswith("156/rows/")]) == 70


def test_every_link_is_relative_and_leads_to_a_page_of_the_site(pages, files):
    for name, page in pages.items():
        for href in LINK.findall(page):
            if href == "data:,":  # the empty icon: it fetches nothing, so no request can fail
                continue
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc and not href.startswith("/"), (name, href)
            if parts.path:
                target = normpath(join(dirname(name), unquote(parts.path)))
                assert target in files, f"{name} links to {href}, which is not a file of the site"


def test_row_links_point_at_rows_that_exist_on_the_page_they_name(pages):
    for name, page in pages.items():
        for href in LINK.findall(page):
            path, _, anchor = href.partition("#")
            if anchor:
                target = normpath(join(dirname(name), unquote(path))) if path else name
                assert f'id="{anchor}"' in pages[target], (name, href)


def test_each_changed_row_links_to_its_history(pages):
    page = pages["748/2025-05-30.html"]
    assert '<a class="history" href="rows/23-1.html"' in page
    assert '<a class="history" href="rows/49.html"' in page


def test_the_plan_page_lists_versions_with_dates_and_acts(pages):
    page = pages["748/index.html"]
    assert (
        "2023 жылғы 31 тамыз (қабылданған күні; қолданысқа енгізілу күні белгісіз) – 2025 жылғы 29 мамыр" in page
        and "2025 жылғы 30 мамыр – (белгілі актілер бойынша соңғы)" in page
    )
    assert '<a href="acts/2025-05-30-392.html">№ 392</a>' in page


def test_a_version_page_gives_one_footnote_under_the_title_and_one_for_the_abbreviations(pages):
    page = pages["748/2025-05-30.html"]
    footnotes = re.findall(r'<p class="note footnote" lang="kk">(.*?)</p>', page)
    assert footnotes == [
        "Ескерту. Жоспарға өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
        "Ескерту. Ескертпеге өзгерістер енгізілді - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.",
    ]
    assert "Ескертпеге өзгеріс енгізілді" not in page  # never one per abbreviation
    assert page.count('<tr class="note">') == 17  # the row notes stay, as in the DOCX
    assert re.findall(r'<p class="note footnote"', pages["748/2023-08-31.html"]) == []


def test_two_builds_are_byte_identical(repo, tmp_path):
    runner = CliRunner()
    for out in ("a", "b"):
        result = runner.invoke(app, ["site", str(tmp_path / out), "--root", str(ROOT)])
        assert result.exit_code == 0, result.output
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b and len(a) > 90


# -- a real browser ----------------------------------------------------------------------------------


class Chromium:
    """Headless Chromium spoken to over the DevTools protocol on a pipe (fd 3 in, fd 4 out)."""

    TIMEOUT = 20.0  # seconds for one answer; only a guard against a hang, not a measurement

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser_r, self._out = os.pipe()
        self._in, from_browser_w = os.pipe()
        # Move the browser's ends above 9, so that putting them on 3 and 4 cannot overwrite one another.
        to_browser_r, from_browser_w = (_high(to_browser_r), _high(from_browser_w))
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "--window-size=1280,900",
            "about:blank",
        ]

        def onto_3_and_4() -> None:  # in the child, before exec: the browser reads fd 3 and writes fd 4
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        # close_fds=False, or the descriptors just placed would be closed again; Python's own descriptors
        # are not inheritable (PEP 446), so nothing else leaks into the browser.
        self.process = subprocess.Popen(
            [binary, *flags],
            preexec_fn=onto_3_and_4,  # noqa: PLW1509
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._id = 0
        self.events: list[dict] = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=self.session)

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], self.TIMEOUT)
            if not ready:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise ConnectionError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, *, session: str | None = None) -> dict:
        self._id += 1
        message: dict = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def wait_for(self, event: str) -> dict:
        while True:
            for k, e in enumerate(self.events):
                if e.get("method") == event and e.get("sessionId") == self.session:
                    return self.events.pop(k)
            self.events.append(self._message())

    def js(self, expression: str, *, await_promise: bool = False):
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": await_promise},
            session=self.session,
        )
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.events.clear()
        answer = self.send("Page.navigate", {"url": url}, session=self.session)
        assert "errorText" not in answer, answer
        self.wait_for("Page.loadEventFired")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element, then wait for the page it opens."""
        x, y = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        self.events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
                session=self.session,
            )
        self.wait_for("Page.loadEventFired")

    def screenshot(self) -> bytes:
        data = self.send("Page.captureScreenshot", {"format": "png"}, session=self.session)["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError, ConnectionError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._in)
        os.close(self._out)


def _high(fd: int) -> int:
    """The same pipe end on a descriptor numbered 10 or more (the original is closed)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


def _chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        reason = "Debian's chromium is not installed (apt-get install chromium) — the browser test cannot run"
        if os.environ.get("AMEND_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + "; AMEND_REQUIRE_BROWSER=1 requires it", pytrace=False)
        pytest.skip(reason)
    return binary


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = Chromium(_chromium(), tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def served(site):
    """The site from a local static server, as `python -m http.server` would serve it."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("how", ["file", "http"])
def test_a_browser_finds_row_23_1_only_after_392_and_follows_its_history_link(browser, site, served, how, tmp_path):
    base = site.as_uri() + "/" if how == "file" else served
    browser.open(base + "index.html")
    browser.click('a[href="748/index.html"]')
    assert browser.js("location.href") == base + "748/index.html"
    assert "2025 жылғы 30 мамыр – (белгілі актілер бойынша соңғы)" in browser.js("document.body.innerText")

    browser.open(base + "748/2023-08-31.html")
    assert browser.js("document.getElementById('row-23') !== null")
    assert browser.js("document.getElementById('row-23-1') === null")
    assert "23-1" not in browser.js("document.body.innerText")

    browser.open(base + "748/2025-05-30.html")
    assert browser.js("document.getElementById('row-23-1').cells[1].innerText").startswith("Ата-аналары немесе басқа")
    assert (
        browser.js("document.getElementById('row-23-1').nextElementSibling.innerText").strip()
        == "Ескерту. Жоспар 23-1-жолмен толықтырылды - ҚР Үкіметінің 30.05.2025 № 392 қаулысымен."
    )

    browser.click("#row-23-1 a.history")
    assert browser.js("location.href") == base + "748/rows/23-1.html"
    assert browser.js("document.querySelector('h1').innerText") == "№ 748 жоспары, 23-1-жол: тарихы"
    text = browser.js("document.body.innerText")
    assert "2025 жылғы 30 мамыр – (белгілі актілер бойынша соңғы)" in text and "Жоспар 23-1-жолмен толықтырылды" in text
    assert browser.js("document.querySelector('a.version').getAttribute('href')") == "../2025-05-30.html#row-23-1"

    shot = tmp_path / f"row-23-1-{how}.png"
    shot.write_bytes(browser.screenshot())
    width, height = png_size(shot.read_bytes())
    assert shot.stat().st_size > 1000 and width > 0 and height > 0


def test_a_draft_gets_its_table_and_a_draft_that_does_not_apply_is_left_out_with_a_warning(repo_copy, tmp_path):
    head = (
        'act: {issuer: "Қазақстан Республикасының Үкіметі", kind: "қаулы", number: "NUM", date: 2025-09-01, '
        'title: "Жоба"}\namends: "748"\nstatus: draft\nentry_into_force: {rule: on_signing}\noperations:\n'
    )
    folder = repo_copy / "plans" / "amendments"
    (folder / "900.yaml").write_text(
        head.replace("NUM", "900") + '  - op: delete_row\n    row: "37-4"\n', encoding="utf-8"
    )
    (folder / "901.yaml").write_text(
        head.replace("NUM", "901") + '  - op: delete_row\n    row: "37-9"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["site", str(tmp_path / "out"), "--root", str(repo_copy)])
    assert result.exit_code == 0, result.output
    assert "warning: a draft that does not apply is left out of the site" in result.stderr
    assert "901.yaml:7:10: error [target-missing]" in result.stderr
    page = (tmp_path / "out" / "748" / "acts" / "draft-2025-09-01-900.html").read_text(encoding="utf-8")
    assert "Жоба: әлі қабылданбаған акт" in page and "2.2-кіші бөлім, 37-4-жол" in page
    assert not (tmp_path / "out" / "748" / "acts" / "draft-2025-09-01-901.html").exists()


def test_the_site_in_both_languages_shows_the_russian_beside_each_version(tmp_path):
    from amend.cli.app import app

    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["site", str(out), "--lang", "both", "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    page = (out / "748" / "2025-05-30.html").read_text(encoding="utf-8")
    assert '<tr class="ru" lang="ru">' in page and "Сноска. Строка 6" in page
    assert '<table class="bilingual title">' in page  # the resolution's title, Kazakh and Russian
    kk = tmp_path / "kk"
    CliRunner().invoke(app, ["site", str(kk), "--root", str(ROOT)])
    assert "Сноска" not in (kk / "748" / "2025-05-30.html").read_text(encoding="utf-8")


def test_an_act_page_in_russian_gives_the_russian_table_under_the_kazakh_one(tmp_path):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    fixture = Path(__file__).parent / "fixtures" / "structure" / "russian" / "plans"
    shutil.copytree(fixture, tmp_path / "plans", dirs_exist_ok=True)
    page = site_pages(Repository(tmp_path), lang="ru")[0]["748/acts/2025-08-01-9007.html"]
    assert isinstance(page, str)
    kazakh, russian = page.split('<section lang="ru">')
    assert "САЛЫСТЫРМАЛЫ КЕСТЕ" in kazakh and "сынақ мәтіні: 28-жолдың іс-шарасы" in kazakh
    assert "СРАВНИТЕЛЬНАЯ ТАБЛИЦА" in russian and '<th scope="col">Предлагаемая редакция</th>' in russian
    assert "тестовый текст: мероприятие строки 28" in russian and "⟨неизвестно⟩" in russian
    assert "сынақ мәтіні" not in russian and '<tr id="entry-ru-1">' in russian
    assert '<section lang="ru">' not in site_pages(Repository(tmp_path))[0]["748/acts/2025-08-01-9007.html"]


def test_a_row_history_page_in_both_languages_gives_the_russian_notes_and_wording(tmp_path):
    from amend import Repository
    from amend.outputs.site import site_pages

    pages, _ = site_pages(Repository(ROOT), "both")
    page = pages["748/rows/6.html"]
    assert "Ескерту. 6-жол жаңа редакцияда" in page
    assert '<p class="note" lang="ru">Сноска. Строка 6 - в редакции постановления' in page
    assert '<table class="wording" lang="ru">' in page
    kk, _ = site_pages(Repository(ROOT))
    assert 'lang="ru"' not in kk["748/rows/6.html"]


# -- phone and desktop widths, the date picker, downloads, badges --------------------------------------

PAGES_TO_CHECK = [
    "index.html",
    "748/index.html",
    "748/2025-05-30.html",
    "748/2023-08-31.html",
    "748/acts/2025-05-30-392.html",
    "748/rows/23-1.html",
    "156/index.html",
    "156/2020-03-30.html",
    "156/rows/1.html",
]


def watch_console(browser: Chromium) -> None:
    browser.send("Runtime.enable", session=browser.session)
    browser.send("Log.enable", session=browser.session)


def console_errors(browser: Chromium) -> list[dict]:
    browser.js("0")  # let pending events arrive
    bad = []
    for e in browser.events:
        method, params = e.get("method"), e.get("params", {})
        error_call = method == "Runtime.consoleAPICalled" and params.get("type") == "error"
        if method == "Runtime.exceptionThrown" or error_call:
            bad.append(params)
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            bad.append(params["entry"])
    return bad


@pytest.mark.parametrize("width", [400, 1280])
def test_no_page_scrolls_sideways_every_link_resolves_and_the_console_stays_clean(browser, served, width, tmp_path):
    watch_console(browser)
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
        session=browser.session,
    )
    try:
        for name in PAGES_TO_CHECK:
            browser.open(served + name)
            overflow = browser.js("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} at {width} px scrolls sideways by {overflow} px"
            statuses = browser.js(
                "Promise.all(Array.from(document.querySelectorAll('a[href]'))"
                ".map(a => fetch(a.href, {method: 'HEAD'}).then(r => [a.getAttribute('href'), r.status])))"
                ".then(x => JSON.stringify(x.filter(p => p[1] !== 200)))",
                await_promise=True,
            )
            assert json.loads(statuses) == [], (name, statuses)
            assert console_errors(browser) == [], name
        shot = tmp_path / f"plan-{width}.png"
        browser.open(served + "748/index.html")
        shot.write_bytes(browser.screenshot())
        assert png_size(shot.read_bytes())[0] == width
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride", session=browser.session)


def test_the_date_picker_finds_the_version_in_force_without_a_server(browser, site):
    browser.open(site.as_uri() + "/748/index.html")

    def pick(day: str) -> str:
        return browser.js(
            "(() => { const i = document.getElementById('in-force-on');"
            f" i.value = {json.dumps(day)}; i.dispatchEvent(new Event('change'));"
            " return document.getElementById('in-force-result').innerHTML; })()"
        )

    assert 'href="2023-08-31.html"' in pick("2024-01-01")
    assert 'href="2025-05-30.html"' in pick("2025-05-30")
    assert 'href="2023-08-31.html"' in pick("2025-05-29")
    assert "href" not in pick("2020-01-01")
    pick("2024-01-01")
    browser.click("#in-force-result a")
    assert browser.js("location.href").endswith("/748/2023-08-31.html")


def test_versions_have_status_badges_and_downloads_in_five_formats(pages, files):
    page = pages["748/index.html"]
    assert '<span class="badge ended">Мерзімі өткен</span>' in page
    assert '<span class="badge updated">Жаңартылған</span>' in page
    assert '<span class="badge new">Жаңа</span>' in pages["156/index.html"]
    assert '<span class="badge updated">Жаңартылған</span>' in pages["index.html"]
    for ext in ("docx", "xlsx", "csv", "json", "akn.xml"):
        assert f'href="downloads/2025-05-30.{ext}"' in page
        assert isinstance(files[f"748/downloads/2025-05-30.{ext}"], bytes)
    assert files["748/downloads/2025-05-30.csv"].startswith(b"\xef\xbb\xbf")  # opens in Excel as UTF-8


def test_notes_link_to_the_amending_acts_page(pages):
    page = pages["748/2025-05-30.html"]
    assert (
        '<a class="act" href="acts/2025-05-30-392.html">Ескерту. Жоспар 23-1-жолмен толықтырылды - '
        "ҚР Үкіметінің 30.05.2025 № 392 қаулысымен.</a>"
    ) in page
    assert 'class="act" href="../acts/2025-05-30-392.html"' in pages["748/rows/23-1.html"]


def test_the_templates_escape_what_the_data_says(repo_copy, tmp_path):
    plan = repo_copy / "plans" / "base" / "156.yaml"
    text = plan.read_text(encoding="utf-8")
    # Markup itself is refused at load (test_hostile_input); what passes, such as a bare < or &, must
    # still reach the page escaped.
    plan.write_text(text.replace('title: "Баланың', 'title: "x < 1 & y > 2 \\"q\\" Баланың'), encoding="utf-8")
    pages = site_pages(Repository(repo_copy))[0]
    assert "x < 1 & y > 2" not in pages["index.html"] + pages["156/index.html"]
    assert "x &lt; 1 &amp; y &gt; 2" in pages["156/index.html"]


def test_wide_tables_scroll_in_their_own_box_and_print_hides_navigation(pages):
    page = pages["156/2020-03-30.html"]
    assert '<div class="scroll"><table class="plan">' in page
    assert "@media print" in page and ".scroll { overflow-x: auto" in page
