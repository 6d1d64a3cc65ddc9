"""A local SMTP sink (aiosmtpd) standing in for the site's mail server, and mail helpers.

It records each message as received (envelope and parsed MIME), and can be told to
refuse a recipient permanently (550) or for now (451), as real servers do.
"""

from __future__ import annotations

import asyncio
import email
import smtplib
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        body = self.message.get_body(preferencelist=("plain",))
        return str(body.get_content()) if body is not None else ""

    def __getitem__(self, name: str) -> str:
        return str(self.message.get(name, "")).strip()


@dataclass
class MailSink:
    """An SMTP server on a free loopback port that keeps what it is sent."""

    received: list[Received] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # recipient -> SMTP reply
    port: int = 0
    _server: asyncio.AbstractServer | None = None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: SMTP(self, hostname="sink.test"), host="127.0.0.1", port=0
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address.lower() in self.refuse:
            return self.refuse[address.lower()]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        msg = email.message_from_bytes(raw, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.received.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), msg))
        return "250 OK queued"

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.rcpt_tos]


def user_mail(
    sender: str,
    to: str,
    subject: str,
    text: str,
    *,
    name: str = "",
    in_reply_to: str = "",
    references: str = "",
    headers: dict[str, str] | None = None,
    domain: str = "corp.example.com",
) -> EmailMessage:
    """A mail as a user's mailer writes it."""
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>" if name else sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate()
    msg["Message-ID"] = make_msgid(domain=domain)
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = references or in_reply_to
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(text)
    return msg


def reply_to(received: Received, sender: str, text: str, **extra: Any) -> EmailMessage:
    """The user's reply to a mail we sent, threaded the way mailers do it."""
    refs = f"{received['References']} {received['Message-ID']}".strip()
    return user_mail(
        sender,
        received["From"],
        f"Re: {received['Subject']}",
        text,
        in_reply_to=received["Message-ID"],
        references=refs,
        **extra,
    )


def smtp_send(port: int, msg: EmailMessage, mail_from: str, rcpt: str) -> dict[str, Any]:
    """Deliver through SMTP as another mail server would (blocking: run it in a thread)."""
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        return client.send_message(msg, from_addr=mail_from, to_addrs=[rcpt])
