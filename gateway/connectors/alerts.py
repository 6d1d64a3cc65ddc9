"""Monitoring systems as an intake source: one authenticated endpoint per system.

- `POST /alerts/alertmanager` (webhook v4), `/alerts/zabbix` (the README's media type),
  `/alerts/grafana` (Grafana Alerting's webhook contact point), `/alerts/generic` (fields
  mapped in `alerts.generic_fields`).
- Each call must carry what the source is configured with: `Authorization: Bearer
  <token>` and/or `X-Signature-256: sha256=<hex HMAC-SHA256(secret, "<time>:" + raw
  body)>` with the Unix time it was signed at in `X-Signature-Timestamp` (Grafana's
  webhook HMAC with a timestamp header; `sha256=` may be left out), compared in constant
  time before the body is read as JSON. Missing: 401; wrong, or signed more than
  `max_age_seconds` away from now: 403. Nothing is stored either way. A signed call
  replayed later is refused by its time; within that window it is the same notification
  and the store's dedupe (7 days) drops it, or, when the alert changed status since it
  was signed, it is stale and dropped too. `max_age_seconds: 0` signs the body alone
  (for senders that cannot sign a time): a captured call then stays good to replay.
- Every alert of the call is stored durably (the inbound stream) before 200 is
  answered; a Redis failure answers 503 and the sender retries, the store's dedupe
  drops what was already stored.
- There is nobody to answer: `send` is never called (the alerts channel has no sender).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from gateway.config import ALERT_SOURCES, AlertSettings, AlertSource, Settings
from gateway.connectors import alert_payloads
from gateway.connectors.base import DeliveryError, OnMessage
from gateway.models import Channel, InboundMessage, OutboundMessage
from gateway.store import Store
from gateway.store.alerts import STALE
from gateway.untrusted import UntrustedInput, parse_json

log = logging.getLogger(__name__)

PATH = "/alerts/{source}"
SIGNATURE_HEADER = "X-Signature-256"
TIMESTAMP_HEADER = "X-Signature-Timestamp"
UNIX_TIME = re.compile(r"[0-9]{1,12}")

Translate = Callable[[Any], list[InboundMessage]]


def signature(secret: str, body: bytes, timestamp: str | None = None) -> str:
    """The `X-Signature-256` value a sender puts on `body` signed at `timestamp` (Unix
    seconds, as sent in `X-Signature-Timestamp`); None: the body alone."""
    signed = body if timestamp is None else timestamp.encode() + b":" + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """The headers a sender puts on `body` when it signs it now."""
    timestamp = str(int(time.time() if now is None else now))
    return {SIGNATURE_HEADER: signature(secret, body, timestamp), TIMESTAMP_HEADER: timestamp}


def _bearer(value: str) -> str:
    """An Authorization header as "Bearer <token>": the scheme is case-insensitive (RFC 9110
    11.1), so a script's "bearer …" is the same credential; anything else as it came."""
    scheme, _, credentials = value.strip().partition(" ")
    if scheme.lower() != "bearer":
        return value
    return f"Bearer {credentials.strip()}"


def authenticate(
    source: AlertSource, headers: Any, body: bytes, now: float
) -> tuple[int, str, int | None]:
    """(0, "", signed at) when the call carries every credential configured, with the Unix
    time it was signed at when its source signs one (else None); else 401 (missing) or 403
    (wrong, or signed too long ago or ahead) with why, for the log."""
    token = source.token.get_secret_value() if source.token is not None else ""
    secret = source.hmac_secret.get_secret_value() if source.hmac_secret is not None else ""
    if not token and not secret:
        return 403, "the source has no credential", None  # never open
    checks: list[tuple[str, str]] = []
    if token:
        checks.append((_bearer(headers.get("Authorization", "")), f"Bearer {token}"))
    timestamp: str | None = None
    if secret:
        offered = headers.get(SIGNATURE_HEADER, "")
        if offered and not offered.startswith("sha256="):
            offered = "sha256=" + offered  # Grafana sends the hex alone
        if source.max_age_seconds:
            timestamp = headers.get(TIMESTAMP_HEADER, "")
            if not timestamp:
                return 401, "the signature's time is missing", None
            if not UNIX_TIME.fullmatch(timestamp):
                return 403, "the signature's time is not Unix seconds", None
        checks.append((offered, signature(secret, body, timestamp)))
    if any(not offered for offered, _ in checks):
        return 401, "a credential is missing", None
    good = True
    for offered, expected in checks:  # every check runs: no early exit to time
        good &= secrets.compare_digest(offered.encode("utf-8", "replace"), expected.encode("utf-8"))
    if not good:
        return 403, "bad credentials", None
    signed_at = int(timestamp) if timestamp is not None else None
    if signed_at is not None and abs(now - signed_at) > source.max_age_seconds:
        return 403, "signed too long ago (or ahead): a replay, or a clock off", None
    return 0, "", signed_at


class AlertConnector:
    """Receives alerts from the enabled monitoring sources."""

    channel = Channel.ALERTS.value

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings: AlertSettings = settings.alerts
        self.store = store
        self._on_message: OnMessage | None = None
        mapping = self.settings.generic_fields
        self._translators: dict[str, Translate] = {
            "alertmanager": alert_payloads.alertmanager,
            "zabbix": alert_payloads.zabbix,
            "grafana": alert_payloads.grafana,
            "generic": lambda payload: alert_payloads.generic(payload, mapping),
        }

    @staticmethod
    def enabled(settings: Settings) -> bool:
        return any(getattr(settings.alerts, name).enabled for name in ALERT_SOURCES)

    async def start(self, on_message: OnMessage) -> None:
        self._on_message = on_message

    async def stop(self) -> None:
        self._on_message = None

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        raise DeliveryError("monitoring systems are not answered", permanent=True)

    def routes(self) -> list[web.RouteDef]:
        return [web.post(PATH, self.receive)]

    async def receive(self, request: web.Request) -> web.StreamResponse:
        """Authenticate, read, store every alert, then 200 with how many were new."""
        name = request.match_info["source"]
        source: AlertSource | None = (
            getattr(self.settings, name, None) if name in ALERT_SOURCES else None
        )
        if source is None or not source.enabled:
            return web.json_response({"error": f"no alert source {name!r}"}, status=404)
        body = await request.read()
        refused, why, signed_at = authenticate(source, request.headers, body, time.time())
        if refused:
            log.warning("alert call refused", extra={"source": name, "status": refused, "why": why})
            text = "authentication required" if refused == 401 else "bad credentials"
            return web.json_response({"error": text}, status=refused)
        if self._on_message is None:
            return web.json_response({"error": "not started"}, status=503)
        try:
            messages = self._translators[name](parse_json(body))
        except UntrustedInput as exc:
            return web.json_response({"error": str(exc)[:300]}, status=400)
        new = 0
        for message in messages:
            meta = message.meta
            run = await self.store.alerts.run_of(
                name, meta["alert_key"], meta["alert_status"], time.time(), signed_at,
                final=bool(meta.get("alert_final")),
            )  # fmt: skip
            if run == STALE:  # older than the change it would undo: not news
                log.info(
                    "stale alert notification dropped",
                    extra={"source": name, "key": meta["alert_key"],
                           "status": meta["alert_status"]},
                )  # fmt: skip
                continue
            new += bool(await self._on_message(alert_payloads.in_run(message, run)))
        return web.json_response({"alerts": len(messages), "new": new})
