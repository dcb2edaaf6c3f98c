"""The web workbench's figures (``python -m bench --json --only serve``): ``amend serve`` in its own process,
asked over loopback as a browser or a script asks it.

- ``serve_preview_p95_ms``: POST /api/drafts/preview with 392's text (import, check, conflicts, lint,
  consolidate, compare), the server warm; the 95th percentile of 50 requests (target <= 250 ms);
- ``serve_plan_p95_ms``: GET /api/plans/748?at=2025-06-01, the same way (target <= 50 ms);
- ``serve_concurrent_*``: 20 clients, each on its own connection, asking for 10 s without pause (the
  auditors' GETs: a plan on a day, its status, a row's history, a plan page; every tenth request of each
  client a preview of 392's text): the requests answered, those that were not 200, and the slowest
  (targets: no error, none over 2 s).

Wall milliseconds, as a client sees them (the request sent, the whole answer read).
"""

from __future__ import annotations

import http.client
import math
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["serve_figures"]

ROOT = Path(__file__).resolve().parent.parent
TEXT_392 = (ROOT / "sources" / "392.txt").read_bytes()
PLAN = "/api/plans/748?at=2025-06-01"
AUDITOR_GETS = (
    PLAN,
    "/api/plans/748/status?at=2025-06-01",
    "/api/plans/748/rows/23-1/history",
    "/plans/748/index.html",
)


def p95(values: list[float]) -> float:
    """The 95th percentile by nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ask(conn: http.client.HTTPConnection, method: str, url: str, body: bytes | None = None) -> tuple[int, float]:
    """One request on a kept-alive connection: its status and wall milliseconds."""
    headers = {"content-type": "text/plain; charset=utf-8"} if body is not None else {}
    start = time.perf_counter()
    conn.request(method, url, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status, (time.perf_counter() - start) * 1e3


def _timed_series(port: int, method: str, url: str, body: bytes | None, n: int) -> tuple[list[float], int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(5):  # warm: the repository read, the importer's grammar built
        _ask(conn, method, url, body)
    times, errors = [], 0
    for _ in range(n):
        status, ms = _ask(conn, method, url, body)
        times.append(ms)
        errors += status != 200
    conn.close()
    return times, errors


def _concurrent(port: int, clients: int, seconds: float) -> dict[str, Any]:
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()
    times: list[float] = []
    failures: list[str] = []

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = 0
        while time.perf_counter() < deadline:
            try:
                if n % 10 == 9:
                    status, ms = _ask(conn, "POST", "/api/drafts/preview", TEXT_392)
                else:
                    status, ms = _ask(conn, "GET", AUDITOR_GETS[(n + k) % len(AUDITOR_GETS)])
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    failures.append(f"{type(exc).__name__}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                n += 1
                continue
            with lock:
                times.append(ms)
                if status != 200:
                    failures.append(f"status {status}")
            n += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "serve_concurrent_clients": clients,
        "serve_concurrent_seconds": seconds,
        "serve_concurrent_requests": len(times),
        "serve_concurrent_errors": len(failures),
        "serve_concurrent_error_kinds": sorted(set(failures))[:5],
        "serve_concurrent_max_ms": max(times) if times else None,
        "serve_concurrent_p95_ms": p95(times) if times else None,
        "serve_concurrent_over_2s": sum(ms > 2000 for ms in times),
    }


def serve_figures(root: Path = ROOT, *, requests: int = 50, clients: int = 20, seconds: float = 10.0) -> dict[str, Any]:
    """Start ``amend serve`` on a free loopback port, measure, stop it with Ctrl-C (SIGINT)."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "amend", "serve", "--root", str(root), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # the URL line: the app is built; wait until it answers
        for _ in range(200):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                _ask(conn, "GET", "/healthz")
                conn.close()
                break
            except OSError:
                time.sleep(0.05)
        preview, preview_errors = _timed_series(port, "POST", "/api/drafts/preview", TEXT_392, requests)
        plan, plan_errors = _timed_series(port, "GET", PLAN, None, requests)
        out: dict[str, Any] = {
            "serve_preview_p95_ms": p95(preview),
            "serve_preview_median_ms": sorted(preview)[len(preview) // 2],
            "serve_preview_errors": preview_errors,
            "serve_plan_p95_ms": p95(plan),
            "serve_plan_median_ms": sorted(plan)[len(plan) // 2],
            "serve_plan_errors": plan_errors,
            "serve_requests": requests,
        }
        out.update(_concurrent(port, clients, seconds))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    out["serve_stopped_cleanly"] = proc.returncode == 0
    return out
