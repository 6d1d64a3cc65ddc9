"""The letters of self-service: the one-time code to the account's recovery address, and
"your password was changed" to its mail. Sent in the background: an answer in the chat
never waits for the mail server, nor shows by its timing whether a letter went out."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from gateway.config import Settings
from gateway.connectors.mail.outgoing import SmtpTransport, new_message_id
from gateway.directory import Account
from gateway.texts import Texts

log = logging.getLogger(__name__)


class SelfServiceMail:
    """Composes the letters in the user's language and sends them through SMTP."""

    def __init__(self, settings: Settings, texts: Texts) -> None:
        self.email = settings.email
        self.texts = texts
        self.transport = SmtpTransport(settings.email)
        self._sending: set[asyncio.Task[None]] = set()

    def send_code(self, account: Account, code: str, lang: str, minutes: int) -> None:
        t = self.texts
        text = t.get(lang, "account_mail_code", code=code, minutes=minutes)
        self._send(account.contact, t.get(lang, "account_mail_code_subject"), text, lang)

    def send_changed(self, account: Account, lang: str) -> None:
        t = self.texts
        text = t.get(lang, "account_mail_changed", login=account.login)
        self._send(account.mail, t.get(lang, "account_mail_changed_subject"), text, lang)

    async def drain(self) -> None:
        """Wait for the letters being sent (tests, shutdown)."""
        if self._sending:
            await asyncio.gather(*list(self._sending), return_exceptions=True)

    def _send(self, to: str, subject: str, text: str, lang: str) -> None:
        """A letter as the desk's other mail is: From with the desk's name, dated, with a
        Message-ID of ours (a letter without Date or Message-ID is what spam filters mark:
        a code in the spam folder leaves the user waiting), and marked automatic (RFC
        3834), so that an out-of-office answer does not come back to the desk."""
        msg = EmailMessage()
        msg["From"] = formataddr((self.email.display_name, self.email.address))
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = format_datetime(datetime.now(UTC))
        msg["Message-ID"] = new_message_id("account", self.email.domain)
        msg["Auto-Submitted"] = "auto-generated"
        msg["X-Auto-Response-Suppress"] = "All"
        msg["Content-Language"] = self.texts.language(lang)
        msg.set_content(text)

        async def send() -> None:
            try:
                await self.transport.send(msg, to)
            except Exception as exc:  # a letter that cannot go is logged, never shown
                log.warning("self-service letter not sent", extra={"error": repr(exc)})

        task = asyncio.ensure_future(send())
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
