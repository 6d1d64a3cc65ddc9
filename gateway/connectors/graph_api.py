"""A small client for Meta's Graph API (`<graph_base>/<version>/...`, JSON both ways).

WhatsApp Cloud API, the Messenger Send API and Instagram messaging are all Graph calls
with a bearer token. A failed call answers a non-2xx status with
`{"error": {"message", "type", "code", "error_subcode", "error_data", "fbtrace_id"}}`;
what to do about it is decided by `code` (and sometimes `error_subcode`), not by the
HTTP status, as Meta recommends.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import aiohttp

from gateway.connectors.base import ChannelRefused, DeliveryError, RecipientBlocked
from gateway.connectors.unanswered import send_timeout

SIGNATURE_HEADER = "X-Hub-Signature-256"
REQUEST_TIMEOUT = 20.0

# Throttling and "try again later" codes: 1/2 API unknown or temporarily unavailable,
# 4 app rate limit, 17 user rate limit, 32 page rate limit, 613 Messenger send rate,
# 80007 WhatsApp account rate limit, 130429 Cloud API throughput, 131016 service
# unavailable, 131056 too many messages between this business and this user.
TRANSIENT_CODES = frozenset({1, 2, 4, 17, 32, 613, 80007, 130429, 131016, 131056})
# The person cannot be reached: WhatsApp 131026 undeliverable (not on WhatsApp, old app,
# blocked the business), 131021 recipient is the sender, 131030 not in the test allow
# list; Messenger 551 person unavailable (blocked the page); 100/2018001 no such user.
RECIPIENT_GONE_CODES = frozenset({131026, 131021, 131030, 551})
RECIPIENT_GONE_SUBCODES = frozenset({2018001, 1545041})
# The 24-hour window is closed: WhatsApp 131047 re-engagement, Messenger 10/2018278.
WINDOW_CLOSED_CODES = frozenset({131047})
WINDOW_CLOSED_SUBCODES = frozenset({2018278})
INVALID_TOKEN_CODE = 190
TOO_MANY_REQUESTS = 429  # HTTP: whatever the code in the body, it is "later", not "never"
RETRY_AFTER_MAX = 3600.0  # seconds; a longer Retry-After is read as this


class GraphError(Exception):
    """The Graph API refused a call; `code`/`subcode` say why, `http_status` how."""

    def __init__(
        self,
        code: int,
        message: str,
        *,
        subcode: int = 0,
        http_status: int = 400,
        trace: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"graph error {code}/{subcode}: {message} (HTTP {http_status})")
        self.code = code
        self.subcode = subcode
        self.error_message = message
        self.http_status = http_status
        self.trace = trace
        self.retry_after = retry_after  # seconds, from a Retry-After header

    @property
    def transient(self) -> bool:
        return (
            self.code in TRANSIENT_CODES
            or self.http_status >= 500
            or self.http_status == TOO_MANY_REQUESTS
            or self.code == INVALID_TOKEN_CODE  # fixed by a new token, not by giving up
        )

    @property
    def recipient_gone(self) -> bool:
        return self.code in RECIPIENT_GONE_CODES or self.subcode in RECIPIENT_GONE_SUBCODES

    @property
    def window_closed(self) -> bool:
        return self.code in WINDOW_CLOSED_CODES or self.subcode in WINDOW_CLOSED_SUBCODES


def signature(app_secret: str, body: bytes) -> str:
    """The value Meta puts in X-Hub-Signature-256 for this raw body."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


class GraphClient:
    """Calls the Graph API with one access token; one aiohttp session, opened lazily."""

    def __init__(
        self, base: str, version: str, access_token: str, timeout: float = REQUEST_TIMEOUT
    ) -> None:
        self.base = base.rstrip("/")
        self.version = version
        self._token = access_token
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    @property
    def _auth(self) -> dict[str, str]:
        # In a header, not `?access_token=`: URLs end up in logs and proxies.
        return {"Authorization": f"Bearer {self._token}"}

    async def post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST JSON to `/<version>/<path>`; the decoded body, or GraphError.

        Network failures and timeouts surface as aiohttp.ClientError / TimeoutError (told
        apart by `unanswered.send_failure`).
        """
        body = json.dumps(payload, ensure_ascii=False).encode()
        headers = {**self._auth, "Content-Type": "application/json"}
        # Every POST here is a send: its time and its connection's (`unanswered`).
        async with self._http().post(
            f"{self.base}/{self.version}/{path}",
            data=body,
            headers=headers,
            timeout=send_timeout(),
        ) as response:
            return _result(response.status, await response.read(), _retry_after(response))

    async def get(self, path: str) -> dict[str, Any]:
        async with self._http().get(
            f"{self.base}/{self.version}/{path}", headers=self._auth
        ) as response:
            return _result(response.status, await response.read(), _retry_after(response))

    async def download(self, url: str) -> bytes:
        """The bytes behind a media URL the API handed out (it needs the token too)."""
        async with self._http().get(url, headers=self._auth) as response:
            raw = await response.read()
            if response.status != 200:
                _result(response.status, raw)
                raise GraphError(0, "media download failed", http_status=response.status)
            return raw

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def _retry_after(response: aiohttp.ClientResponse) -> float | None:
    """A Retry-After header in seconds (0..RETRY_AFTER_MAX); None if absent or a date."""
    value = response.headers.get("Retry-After", "").strip()
    if not value.isdigit():
        return None
    return min(float(value), RETRY_AFTER_MAX)


def _result(status: int, raw: bytes, retry_after: float | None = None) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise GraphError(
            0, f"not JSON ({len(raw)} bytes)", http_status=status, retry_after=retry_after
        )
    error = data.get("error")
    if status >= 300 or error is not None:
        error = error if isinstance(error, dict) else {}
        code, subcode = error.get("code"), error.get("error_subcode")
        raise GraphError(
            code if isinstance(code, int) else 0,
            str(error.get("message", ""))[:300],
            subcode=subcode if isinstance(subcode, int) else 0,
            http_status=status,
            trace=str(error.get("fbtrace_id", "")),
            retry_after=retry_after,
        )
    return data


def delivery_error(exc: GraphError) -> DeliveryError:
    """What the sender should do about a refused call: mark, retry, hold, or give up."""
    if exc.code == INVALID_TOKEN_CODE:
        # Every send of the page or number is refused until an admin gives a new token.
        return ChannelRefused(f"meta refuses the access token ({exc}): a new token is needed")
    if exc.recipient_gone:
        return RecipientBlocked(str(exc))
    if exc.transient:
        return DeliveryError(str(exc), retry_after=exc.retry_after)
    return DeliveryError(str(exc), permanent=True)
