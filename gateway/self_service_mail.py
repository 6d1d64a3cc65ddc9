"""The letters of self-service: the one-time code to the account's recovery address, and
"your password was changed" to its mail. Sent in the background: an answer in the chat
never waits for the mail server, nor shows by its timing whether a letter went out."""

from __future__ import annotations

import asyncio
import logging
from email.message import EmailMessage

from gateway.config import Settings
from gateway.connectors.mail.outgoing import SmtpTransport
from gateway.directory import Account
from gateway.texts import Texts

log = logging.getLogger(__name__)


class SelfServiceMail:
    """Composes the letters in the user's language and sends them through SMTP."""

    def __init__(self, settings: Settings, texts: Texts) -> None:
        self.sender = settings.email.address
        self.texts = texts
        self.transport = SmtpTransport(settings.email)
        self._sending: set[asyncio.Task[None]] = set()

    def send_code(self, account: Account, code: str, lang: str, minutes: int) -> None:
        t = self.texts
        text = t.get(lang, "account_mail_code", code=code, minutes=minutes)
        self._send(account.contact, t.get(lang, "account_mail_code_subject"), text)

    def send_changed(self, account: Account, lang: str) -> None:
        t = self.texts
        text = t.get(lang, "account_mail_changed", login=account.login)
        self._send(account.mail, t.get(lang, "account_mail_changed_subject"), text)

    async def drain(self) -> None:
        """Wait for the letters being sent (tests, shutdown)."""
        if self._sending:
            await asyncio.gather(*list(self._sending), return_exceptions=True)

    def _send(self, to: str, subject: str, text: str) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(text)

        async def send() -> None:
            try:
                await self.transport.send(msg, to)
            except Exception as exc:  # a letter that cannot go is logged, never shown
                log.warning("self-service letter not sent", extra={"error": repr(exc)})

        task = asyncio.ensure_future(send())
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
