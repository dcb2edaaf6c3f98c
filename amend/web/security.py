"""Every request checked before a handler sees it (Jupyter's model): the Host is the server's own (no DNS
rebinding), an Origin is the server's own (no page elsewhere posting to it), the token where the server
is bound beyond loopback, and the body at most ``MAX_BODY`` bytes. Every response carries a
Content-Security-Policy (``default-src 'self'``: no inline script or style, nothing from elsewhere)."""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

__all__ = ["MAX_BODY", "SECURITY_HEADERS", "TOKEN_COOKIE", "Guard", "loopback_hosts"]

MAX_BODY = 10 * 1024 * 1024  # 10 MiB: a resolution's text or DOCX is a small fraction of it
TOKEN_COOKIE = "amend_token"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: under no-referrer a browser sends its own forms with `Origin: null`.
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def loopback_hosts(host: str, port: int) -> frozenset[str]:
    """The Host values of a server bound to a loopback address: its own address and ``localhost``."""
    names = {host, "localhost", "127.0.0.1", "[::1]"} if host in ("127.0.0.1", "localhost", "::1") else {host}
    return frozenset({f"{n}:{port}" for n in names} | ({*names} if port == 80 else set()))


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"message": message}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: refuse what the server must not answer, add the security headers to what it does.

    ``hosts`` None: any Host (a server bound beyond loopback, where the token guards it instead).
    ``token`` None: no token asked (loopback only).
    """

    def __init__(
        self, app: ASGIApp, *, hosts: frozenset[str] | None, token: str | None, max_body: int = MAX_BODY
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token
        self.max_body = max_body

    def _token_given(self, scope: Scope, headers: dict[str, str]) -> tuple[bool, bool]:
        """Whether the request carries the token, and whether it came in the query (then it is set as a cookie)."""
        assert self.token is not None
        expected = self.token.encode()
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        for value in query.get("token", []):
            if hmac.compare_digest(value.encode(), expected):
                return True, True
        auth = headers.get("authorization", "")
        scheme, _, value = auth.partition(" ")
        if scheme.lower() in ("token", "bearer") and hmac.compare_digest(value.strip().encode(), expected):
            return True, False
        cookie: SimpleCookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header carries no token
            return False, False
        morsel = cookie.get(TOKEN_COOKIE)
        return (morsel is not None and hmac.compare_digest(morsel.value.encode(), expected)), False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the request, then hand it on with its body read (at most ``max_body`` bytes)."""
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            return  # no websockets here
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if self.hosts is not None and host not in self.hosts:
            await _refuse(send, 403, f"Host {host!r} is not this server's address: refused (DNS rebinding?)")
            return
        origin = headers.get("origin")
        if origin is not None and origin != f"{scope.get('scheme', 'http')}://{host}":
            await _refuse(send, 403, f"a request from {origin!r}, another site: refused")
            return
        set_cookie = False
        if self.token is not None:
            given, set_cookie = self._token_given(scope, headers)
            if not given:
                await _refuse(send, 403, "this server asks for its token: open the URL it printed at start (…?token=…)")
                return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _refuse(send, 413, f"the request body is larger than {self.max_body // (1024 * 1024)} MiB")
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:  # read the whole body first: a body sent without a length is counted as it comes
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _refuse(send, 413, f"the request body is larger than {self.max_body // (1024 * 1024)} MiB")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(SECURITY_HEADERS)
                if set_cookie and self.token is not None:
                    extra.append(
                        (b"set-cookie", f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict".encode())
                    )
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *((k, v) for k, v in extra if k not in names)]
            await send(message)

        await self.app(scope, replay, send_with_headers)
