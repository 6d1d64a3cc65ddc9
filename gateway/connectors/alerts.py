"""Monitoring systems as an intake source: one authenticated endpoint per system.

- `POST /alerts/alertmanager` (webhook v4), `/alerts/zabbix` (the README's media type),
  `/alerts/generic` (fields mapped in `alerts.generic_fields`).
- Each call must carry what the source is configured with: `Authorization: Bearer
  <token>` and/or `X-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>`, both
  compared in constant time before the body is read as JSON. Missing: 401; wrong: 403.
  Nothing is stored either way.
- Every alert of the call is stored durably (the inbound stream) before 200 is
  answered; a Redis failure answers 503 and the sender retries, the store's dedupe
  drops what was already stored.
- There is nobody to answer: `send` is never called (the alerts channel has no sender).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import web

from gateway.config import AlertSettings, AlertSource, Settings
from gateway.connectors import alert_payloads
from gateway.connectors.base import DeliveryError, OnMessage
from gateway.models import Channel, InboundMessage, OutboundMessage
from gateway.store import Store
from gateway.untrusted import UntrustedInput, parse_json

log = logging.getLogger(__name__)

PATH = "/alerts/{source}"
SIGNATURE_HEADER = "X-Signature-256"
SOURCES = ("alertmanager", "zabbix", "generic")

Translate = Callable[[Any], list[InboundMessage]]


def signature(secret: str, body: bytes) -> str:
    """The `X-Signature-256` value a sender puts on `body`."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def authenticate(source: AlertSource, headers: Any, body: bytes) -> int:
    """0 when the call carries every credential configured; else 401 (missing) / 403."""
    checks: list[tuple[str, str]] = []
    if source.token is not None and source.token.get_secret_value():
        offered = headers.get("Authorization", "")
        checks.append((offered, f"Bearer {source.token.get_secret_value()}"))
    if source.hmac_secret is not None and source.hmac_secret.get_secret_value():
        offered = headers.get(SIGNATURE_HEADER, "")
        checks.append((offered, signature(source.hmac_secret.get_secret_value(), body)))
    if not checks:
        return 403  # a source with no credential is never open
    if any(not offered for offered, _ in checks):
        return 401
    good = True
    for offered, expected in checks:  # every check runs: no early exit to time
        good &= secrets.compare_digest(offered.encode("utf-8", "replace"), expected.encode("utf-8"))
    return 0 if good else 403


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
            "generic": lambda payload: alert_payloads.generic(payload, mapping),
        }

    @staticmethod
    def enabled(settings: Settings) -> bool:
        return any(getattr(settings.alerts, name).enabled for name in SOURCES)

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
        source: AlertSource | None = getattr(self.settings, name, None) if name in SOURCES else None
        if source is None or not source.enabled:
            return web.json_response({"error": f"no alert source {name!r}"}, status=404)
        body = await request.read()
        refused = authenticate(source, request.headers, body)
        if refused:
            log.warning("alert call refused", extra={"source": name, "status": refused})
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
            new += bool(await self._on_message(message))
        return web.json_response({"alerts": len(messages), "new": new})
