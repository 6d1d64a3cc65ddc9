"""Our SMTP listener (aiosmtpd), for sites that route support mail straight to us.

A recipient off the allow-list is refused at RCPT (550); a message over the size limit
is refused by the server itself (552). `250` is answered only after the message is
stored; if the store cannot be reached the sender is told to try again later (451).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from email.utils import parseaddr
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from gateway.connectors.mail.parse import UnreadableMail
from gateway.logs import log_failure

log = logging.getLogger(__name__)

Take = Callable[[bytes, str | None], Awaitable[Any]]


class SupportMailHandler:
    """aiosmtpd hooks: the allow-list at RCPT, durable intake at DATA."""

    def __init__(self, take: Take, recipients: set[str]) -> None:
        self.take = take
        self.recipients = {r.lower() for r in recipients}

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if parseaddr(address)[1].lower() not in self.recipients:
            return f"550 5.1.1 <{address}>: recipient not accepted here"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        try:
            outcome = await self.take(raw, envelope.mail_from or "<>")
        except UnreadableMail as exc:
            log.warning("received mail refused as unreadable", extra={"error": str(exc)})
            return f"554 5.6.0 message refused: {exc}"
        except Exception:
            log_failure(log, "storing a received mail failed; the sender will retry")
            return "451 4.3.0 cannot store the message now, try again later"
        return f"250 2.0.0 OK {outcome}"


class SmtpListener:
    """Runs the aiosmtpd server on the gateway's event loop."""

    def __init__(
        self, take: Take, *, host: str, port: int, recipients: set[str], hostname: str,
        max_bytes: int,
    ) -> None:  # fmt: skip
        self.handler = SupportMailHandler(take, recipients)
        self.host, self.port = host, port
        self.hostname = hostname or None
        self.max_bytes = max_bytes
        self._server: asyncio.AbstractServer | None = None

    async def start(self) -> int:
        """Listen; returns the bound port (useful with port 0)."""
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: SMTP(
                self.handler,
                data_size_limit=self.max_bytes,
                enable_SMTPUTF8=True,
                hostname=self.hostname,
                ident="firstline",
            ),
            host=self.host,
            port=self.port,
        )
        sockets = self._server.sockets or []
        self.port = sockets[0].getsockname()[1] if sockets else self.port
        log.info("smtp listener started", extra={"host": self.host, "port": self.port})
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
