"""A small client for Viber's REST bot API (`POST <api_base>/<method>`, JSON both ways).

Viber answers HTTP 200 even when a call fails; the outcome is the `status` field of the
body (0 = ok). Callbacks to our webhook are signed with HMAC-SHA256 of the raw body,
keyed by the same auth token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import aiohttp

from gateway.connectors.unanswered import send_timeout

AUTH_HEADER = "X-Viber-Auth-Token"
SIGNATURE_HEADER = "X-Viber-Content-Signature"
REQUEST_TIMEOUT = 20.0


class ViberStatus:
    """The `status` codes Viber documents consistently (0-15); others are generic errors."""

    OK = 0
    INVALID_URL = 1
    INVALID_AUTH_TOKEN = 2
    BAD_DATA = 3
    MISSING_DATA = 4
    RECEIVER_NOT_REGISTERED = 5
    RECEIVER_NOT_SUBSCRIBED = 6
    PUBLIC_ACCOUNT_BLOCKED = 7
    PUBLIC_ACCOUNT_NOT_FOUND = 8
    PUBLIC_ACCOUNT_SUSPENDED = 9
    WEBHOOK_NOT_SET = 10
    RECEIVER_NO_SUITABLE_DEVICE = 11
    TOO_MANY_REQUESTS = 12


class ViberApiError(Exception):
    """Viber answered with a non-zero `status`; `http_status` set when not even JSON came."""

    def __init__(self, status: int, message: str, http_status: int = 200) -> None:
        super().__init__(f"viber status {status}: {message}")
        self.status = status
        self.status_message = message
        self.http_status = http_status


def signature(auth_token: str, body: bytes) -> str:
    """The value Viber puts in X-Viber-Content-Signature for this raw body."""
    return hmac.new(auth_token.encode(), body, hashlib.sha256).hexdigest()


class ViberClient:
    """Calls the bot API with the auth token header; one aiohttp session, opened lazily."""

    def __init__(self, api_base: str, auth_token: str, timeout: float = REQUEST_TIMEOUT) -> None:
        self.api_base = api_base.rstrip("/")
        self._token = auth_token
        # The connection within CONNECT_TIMEOUT: a request that never left is told from
        # one whose answer was lost (which Viber may have delivered).
        self._timeout = send_timeout(timeout)
        self._session: aiohttp.ClientSession | None = None

    async def call(
        self, method: str, payload: dict[str, Any], timeout: aiohttp.ClientTimeout | None = None
    ) -> dict[str, Any]:
        """POST one method (in `timeout`, else the client's); the decoded body on status 0,
        else ViberApiError.

        Network failures and timeouts surface as aiohttp.ClientError / TimeoutError.
        """
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        body = json.dumps(payload, ensure_ascii=False).encode()
        async with self._session.post(
            f"{self.api_base}/{method}",
            data=body,
            headers={AUTH_HEADER: self._token, "Content-Type": "application/json"},
            timeout=timeout or self._timeout,
        ) as response:
            raw = await response.read()
            try:
                result = json.loads(raw)
            except ValueError:
                result = None
            if not isinstance(result, dict):
                raise ViberApiError(-1, f"HTTP {response.status}, not JSON", response.status)
        status = result.get("status")
        if status != ViberStatus.OK:
            code = status if isinstance(status, int) else -1
            raise ViberApiError(code, str(result.get("status_message", "")), response.status)
        return result

    async def fetch(self, url: str, max_bytes: int) -> bytes:
        """The bytes behind a media URL from a callback (a user's picture or file)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        chunks: list[bytes] = []
        size = 0
        async with self._session.get(url) as response:
            if response.status != 200:
                status = response.status
                raise ViberApiError(-1, f"media URL answered HTTP {status}", status)
            async for chunk in response.content.iter_chunked(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise ViberApiError(-1, f"the file is larger than {max_bytes} bytes")
                chunks.append(chunk)
        return b"".join(chunks)

    async def set_webhook(self, url: str, event_types: list[str]) -> dict[str, Any]:
        return await self.call(
            "set_webhook",
            {"url": url, "event_types": event_types, "send_name": True, "send_photo": True},
        )

    async def send_message(self, message: dict[str, Any]) -> dict[str, Any]:
        # A send ends within the sender's own cut-off (`unanswered.SEND_TIMEOUT`).
        return await self.call("send_message", message, send_timeout())

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
