"""Our mail: threaded replies with the ticket token, sent through SMTP (aiosmtplib).

Every mail carries a Message-ID of ours, In-Reply-To and References (the chain), and
`[HD-000123]` in the subject, so the user's reply finds its ticket even when their
mailer drops the headers. Automatic replies say so (`Auto-Submitted: auto-replied`,
RFC 3834) and ask Exchange not to answer them with out-of-office notes.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

import aiosmtplib

from gateway.config import EmailSettings
from gateway.connectors.base import DeliveryError, RecipientBlocked
from gateway.mail_subjects import clean_subject
from gateway.store.mail import MailThread


@dataclass(frozen=True)
class Letter:
    """One outgoing mail, before it is put on the wire."""

    to_address: str
    to_name: str
    subject: str
    text: str
    ticket_ref: str
    automatic: bool
    author_name: str = ""
    language: str = ""


def new_message_id(tag: str, domain: str) -> str:
    """Ours: short enough never to be folded, unique by time and 64 random bits."""
    return f"<{tag.lower()}.{int(time.time())}.{secrets.token_hex(8)}@{domain}>"


def compose(settings: EmailSettings, thread: MailThread, letter: Letter) -> EmailMessage:
    """The MIME message for a letter on a thread."""
    msg = EmailMessage()
    msg["From"] = formataddr((letter.author_name or settings.display_name, settings.address))
    msg["To"] = formataddr((letter.to_name, letter.to_address))
    base = clean_subject(letter.subject) or clean_subject(thread.subject)
    token = f"[{letter.ticket_ref}] " if letter.ticket_ref else ""
    msg["Subject"] = f"Re: {token}{base}".strip() if thread.last_inbound_id else f"{token}{base}"
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = new_message_id(letter.ticket_ref or "reply", settings.domain)
    if thread.last_inbound_id:
        msg["In-Reply-To"] = thread.last_inbound_id
    if thread.references:
        msg["References"] = " ".join(thread.references)
    if letter.automatic:
        msg["Auto-Submitted"] = "auto-replied"
        msg["X-Auto-Response-Suppress"] = "All"
    if letter.language:
        msg["Content-Language"] = letter.language
    msg.set_content(letter.text)
    return msg


class SmtpTransport:
    """Sends through the configured SMTP server; maps its answers for the sender."""

    def __init__(self, settings: EmailSettings) -> None:
        self.settings = settings

    async def send(self, msg: EmailMessage, recipient: str) -> None:
        smtp = self.settings.smtp
        password = smtp.password.get_secret_value() if smtp.password else None
        try:
            await aiosmtplib.send(
                msg,
                sender=self.settings.address,  # bounces come back to us and find the thread
                recipients=[recipient],
                hostname=smtp.host,
                port=smtp.port,
                username=smtp.username or None,
                password=password if smtp.username else None,
                use_tls=smtp.security == "tls",
                start_tls=smtp.security == "starttls",
                timeout=smtp.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            code = min((r.code for r in exc.recipients), default=550)
            if 500 <= code < 600:
                raise RecipientBlocked(f"{recipient} refused: {exc}") from exc
            raise DeliveryError(f"{recipient} deferred: {exc}") from exc
        except aiosmtplib.SMTPResponseException as exc:
            raise DeliveryError(
                f"smtp {exc.code}: {exc.message}", permanent=500 <= exc.code < 600
            ) from exc
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise DeliveryError(f"smtp unreachable: {type(exc).__name__}: {exc}") from exc
        except ValueError as exc:  # an address or header aiosmtplib refuses to put on the wire
            raise DeliveryError(f"cannot send to {recipient!r}: {exc}", permanent=True) from exc
