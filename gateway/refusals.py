"""Every client error we answer (4xx) is logged: bad input, a forged signature, a limit.

One line per refusal: the status, the route as registered (`/account/password/{token}`,
never the path as sent, which may hold a one-time link), the method, the client address
and why (the answer's `error`). Bad input and failed authentication are warnings;
refusals a desk meets every day (404, 409 a colleague was first, 410, 429) are info. A
flood logs no more than `PER_MINUTE` lines per route and status a minute, and then how
many it left out.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from gateway.web.client_address import client_address, trusted_networks

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Middleware = Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]
PER_MINUTE = 20
EVERYDAY = frozenset({404, 409, 410, 429})
REASON_CHARS = 200


def refusals_logged(trusted_proxies: list[str]) -> Middleware:
    """The middleware that logs every 4xx answer (put outermost: it sees them all)."""
    trusted = trusted_networks(trusted_proxies)
    counts: dict[tuple[str, int], list[int]] = {}  # (route, status): [minute, seen]

    def note(request: web.Request, status: int, reason: str) -> None:
        route = _route(request)
        minute = int(time.monotonic() // 60)
        count = counts.setdefault((route, status), [minute, 0])
        if count[0] != minute:
            if count[1] > PER_MINUTE:
                log.warning(
                    "requests refused and not logged",
                    extra={"route": route, "status": status, "count": count[1] - PER_MINUTE},
                )
            count[:] = [minute, 0]
        count[1] += 1
        if count[1] > PER_MINUTE:
            return
        log.log(
            logging.INFO if status in EVERYDAY else logging.WARNING,
            "request refused",
            extra={"status": status, "method": request.method, "route": route,
                   "client": client_address(request, trusted), "reason": reason},
        )  # fmt: skip

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if 400 <= exc.status < 500:
                note(request, exc.status, _reason(exc.text or exc.reason))
            raise
        if 400 <= response.status < 500:
            body = response.body if isinstance(response, web.Response) else None
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else ""
            note(request, response.status, _reason(text or response.reason))
        return response

    return middleware


def _route(request: web.Request) -> str:
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "(no route)"


def _reason(text: str) -> str:
    """The answer's `error` (a JSON answer), else its text; cut short."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        text = data["error"]
    return " ".join(text.split())[:REASON_CHARS]
