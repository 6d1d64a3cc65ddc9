"""Console sign-in: signed session cookies backed by Redis, CSRF tokens, login throttling.

The cookie holds only a signed session id (HttpOnly, SameSite=Strict, Secure when the
request came over TLS or the console's public address is https: behind a proxy that ends
TLS the gateway itself is spoken to in plain HTTP, yet the browser must never send the
cookie in the clear); the session in
Redis holds the login and the CSRF token every state-changing request must echo in the
`X-CSRF-Token` header. Before sign-in a signed nonce cookie ties the login form's token
to the browser that fetched it.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from gateway.store import Store
from gateway.web.auth import Signer, new_token, same_token
from gateway.web.client_address import Network, client_address
from gateway.web.operators import Account, OperatorDirectory
from gateway.web.signin_throttle import SignInThrottle

SESSION_COOKIE = "fl_console"
LOGIN_COOKIE = "fl_login"
CSRF_HEADER = "X-CSRF-Token"
COOKIE_PATH = "/console"
SESSION_TTL = 12 * 3600


@dataclass(frozen=True)
class Session:
    """A signed-in operator: the account as it is now and the session's CSRF token."""

    session_id: str
    account: Account
    csrf: str


Handler = Callable[[web.Request, Session], Awaitable[web.StreamResponse]]


_ERRORS: dict[int, type[web.HTTPException]] = {
    400: web.HTTPBadRequest,
    401: web.HTTPUnauthorized,
    403: web.HTTPForbidden,
    404: web.HTTPNotFound,
    409: web.HTTPConflict,
    429: web.HTTPTooManyRequests,
    502: web.HTTPBadGateway,
}


NO_ACCOUNTS = (
    "no operator accounts yet: create one on the server with "
    "`firstline operator add LOGIN --role admin`"
)


def refuse(
    status: int,
    error: str,
    retry_after: float | None = None,
    key: str = "",
    params: dict[str, str] | None = None,
) -> web.HTTPException:
    """A JSON error: the English `error`, and with `key` (+ `params`) the console shows
    `console.refused_<key>` in the operator's language instead."""
    data: dict[str, object] = {"error": error}
    if key:
        data |= {"key": key, "params": params or {}}
    body = json.dumps(data, ensure_ascii=False)
    headers = {"Retry-After": str(math.ceil(retry_after))} if retry_after else None
    return _ERRORS[status](text=body, content_type="application/json", headers=headers)


def same_origin(request: web.Request) -> bool:
    """Browsers send Origin on cross-site and state-changing requests; it must be ours."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


class ConsoleSessions:
    """Signs operators in and out and checks every request's session and CSRF token."""

    def __init__(
        self,
        store: Store,
        directory: OperatorDirectory,
        secret: bytes,
        trusted_proxies: tuple[Network, ...] = (),
        public_url: str = "",
    ) -> None:
        self.store = store
        self.https = public_url.lower().startswith("https://")
        self.console_url = public_url.rstrip("/") + COOKIE_PATH if self.https else ""
        self.directory = directory
        self.signer = Signer(secret, "console-session")
        self.throttle = SignInThrottle(store)
        self.trusted_proxies = trusted_proxies

    def _cookie(self, response: web.StreamResponse, request: web.Request, name: str, value: str,
                max_age: int | None = None) -> None:  # fmt: skip
        response.set_cookie(
            name, value, path=COOKIE_PATH, httponly=True, samesite="Strict",
            secure=request.secure or self.https, max_age=max_age,
        )  # fmt: skip

    async def current(self, request: web.Request) -> Session | None:
        """The request's session, or None when signed out, expired or forged."""
        session_id = self.signer.unsign(request.cookies.get(SESSION_COOKIE), SESSION_TTL)
        if session_id is None:
            return None
        data = await self.store.operators.get_session(session_id)
        if data is None:
            return None
        account = await self.directory.get(data["login"])
        if account is None:  # removed since sign-in
            return None
        return Session(session_id, account, data["csrf"])

    def login_csrf(self, request: web.Request, response: web.StreamResponse) -> str:
        """A token for the sign-in form, bound to a nonce cookie of this browser."""
        nonce = self.signer.unsign(request.cookies.get(LOGIN_COOKIE), SESSION_TTL)
        if nonce is None:
            nonce = new_token()
            self._cookie(response, request, LOGIN_COOKIE, self.signer.sign(nonce))
        return self.signer.digest(f"login:{nonce}")

    async def sign_in(self, request: web.Request, login: str, password: str) -> web.Response:
        nonce = self.signer.unsign(request.cookies.get(LOGIN_COOKIE), SESSION_TTL)
        given = request.headers.get(CSRF_HEADER)
        if (
            not same_origin(request)
            or nonce is None
            or not same_token(given, self.signer.digest(f"login:{nonce}"))
        ):
            if nonce is None and self._plain_http_page(request):
                # the form's cookie is Secure (the public address is https): a browser on a
                # plain-http page never keeps it, and reloading would not help
                raise refuse(
                    403,
                    f"this console signs in over https only: open {self.console_url}",
                    key="https_only",
                    params={"url": self.console_url},
                )
            raise refuse(403, "the sign-in form expired; reload the page")
        address = client_address(request, self.trusted_proxies)
        wait = await self.throttle.wait(address, login)
        if wait > 0:
            raise refuse(
                429, f"too many failed sign-ins; try again in {math.ceil(wait)} s", retry_after=wait
            )
        account = await self.directory.authenticate(login, password)  # same cost if unknown
        if account is None:
            await self.throttle.failed(address, login)
            if not await self.directory.everyone():
                # a fresh install (the README's scripts/run.sh) has no account yet: "wrong
                # password" sent its operator guessing at a password nobody had set
                raise refuse(401, NO_ACCOUNTS, key="no_accounts")
            raise refuse(401, "wrong login or password")
        await self.throttle.succeeded(address, login)
        session_id, csrf = new_token(), new_token()
        await self.store.operators.put_session(
            session_id, {"login": account.login, "csrf": csrf, "since": time.time()}, SESSION_TTL
        )
        response = web.json_response(self.describe(Session(session_id, account, csrf)))
        self._cookie(response, request, SESSION_COOKIE, self.signer.sign(session_id), SESSION_TTL)
        response.del_cookie(LOGIN_COOKIE, path=COOKIE_PATH)
        return response

    def _plain_http_page(self, request: web.Request) -> bool:
        """Whether the browser sent the sign-in from a page it loaded over plain http while
        the console's public address is https (its Origin, or Referer, says so)."""
        page = request.headers.get("Origin") or request.headers.get("Referer") or ""
        return self.https and urlsplit(page).scheme == "http"

    async def sign_out(self, request: web.Request, session: Session) -> web.Response:
        await self.store.operators.drop_session(session.session_id)
        response = web.json_response({"signed_in": False})
        response.del_cookie(SESSION_COOKIE, path=COOKIE_PATH)
        return response

    @staticmethod
    def describe(session: Session) -> dict[str, Any]:
        return {"signed_in": True, "csrf": session.csrf, "operator": session.account.public()}

    def required(self, handler: Handler, *, changes_state: bool) -> Callable[
        [web.Request], Awaitable[web.StreamResponse]
    ]:  # fmt: skip
        """Wrap a handler: 401 without a session; 403 without the CSRF token or same origin."""

        async def wrapped(request: web.Request) -> web.StreamResponse:
            session = await self.current(request)
            if session is None:
                raise refuse(401, "sign in first")
            if changes_state and (
                not same_origin(request)
                or not same_token(request.headers.get(CSRF_HEADER), session.csrf)
            ):
                raise refuse(403, "missing or wrong CSRF token; reload the page")
            return await handler(request, session)

        return wrapped
