"""Our SMTP listener (aiosmtpd), for sites that route support mail straight to us.

A recipient off the allow-list is refused at RCPT (550); a message over the size limit
is refused by the server itself (552). `250` is answered only after the message is
stored; if the store cannot be reached the sender is told to try again later (451).
One client address past its limits (connections at once, connections or recipients a
minute: `client_limits`) is told to come back later (421 at connection, 451 at RCPT).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from email.utils import parseaddr
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from gateway.connectors.mail.client_limits import ClientLimits
from gateway.connectors.mail.parse import UnreadableMail
from gateway.logs import log_failure

log = logging.getLogger(__name__)

Take = Callable[[bytes, str | None], Awaitable[Any]]


class SupportMailHandler:
    """aiosmtpd hooks: the allow-list at RCPT, durable intake at DATA."""

    def __init__(
        self, take: Take, recipients: set[str], limits: ClientLimits | None = None
    ) -> None:
        self.take = take
        self.recipients = {r.lower() for r in recipients}
        self.limits = limits or ClientLimits()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        refused = self.limits.recipient(client_address(session))
        if refused is not None:
            return refused
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


def client_address(session: Session | None) -> str:
    """The connecting client's IP address ("" when unknown)."""
    peer = session.peer if session is not None else None
    return str(peer[0]) if isinstance(peer, tuple) and peer else str(peer or "")


class LimitedSMTP(SMTP):
    """aiosmtpd's server that first asks the client limits whether this connection may go
    on: over them, the greeting is a 421 and the connection is closed."""

    def __init__(self, handler: SupportMailHandler, **options: Any) -> None:
        super().__init__(handler, **options)
        self._limits = handler.limits
        self._counted: str | None = None

    async def _handle_client(self) -> None:
        address = client_address(self.session)
        refused = self._limits.connect(address)
        if refused is not None:
            await self.push(refused)
            if self.transport is not None:
                self.transport.close()
            return
        self._counted = address
        await super()._handle_client()

    def connection_lost(self, error: Exception | None) -> None:
        if self._counted is not None:
            self._limits.release(self._counted)
            self._counted = None
        super().connection_lost(error)


class SmtpListener:
    """Runs the aiosmtpd server on the gateway's event loop."""

    def __init__(
        self, take: Take, *, host: str, port: int, recipients: set[str], hostname: str,
        max_bytes: int, limits: ClientLimits | None = None,
    ) -> None:  # fmt: skip
        self.handler = SupportMailHandler(take, recipients, limits)
        self.host, self.port = host, port
        self.hostname = hostname or None
        self.max_bytes = max_bytes
        self._server: asyncio.AbstractServer | None = None

    async def start(self) -> int:
        """Listen; returns the bound port (useful with port 0)."""
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: LimitedSMTP(
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
