"""Taking one raw message in, the same way for IMAP and SMTP.

Parse, drop what is ours or ignored, attach bounces to their thread, find the thread a
reply belongs to (its In-Reply-To/References, else the [HD-000123] token in the subject;
never the subject text), keep the original and the attachments, then hand the message
to the durable inbound stream. Only when `take` returns has the message been stored.
"""

from __future__ import annotations

import asyncio
import dataclasses
import fnmatch
import functools
import hashlib
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum

from gateway.config import EmailSettings
from gateway.connectors.base import OnMessage
from gateway.connectors.mail.authentication import failed_for_sender
from gateway.connectors.mail.html_text import html_to_text
from gateway.connectors.mail.parse import ParsedMail, parse_mail
from gateway.disclosed_passwords import (
    PASSWORD_HIDDEN,
    STEMS,
    hide_in_file_name,
    hide_passwords,
)
from gateway.models import Attachment, InboundMessage
from gateway.store import Store
from gateway.store.mail import MailThread, id_digest

log = logging.getLogger(__name__)
# Threads of their own for reading mail: the default pool's are held by IMAP's IDLE.
READER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mail-read")
HOUR = 3600

CHANNEL = "email"
QUOTED_META_CHARS = 4000


class Taken(StrEnum):
    """What became of a message."""

    STORED = "stored"
    REPEAT = "repeat"  # seen before (same Message-ID)
    IGNORED = "ignored"  # our own mail, or a sender on the ignore list
    BOUNCE = "bounce"  # a delivery report, attached to its thread when there is one


class MailIntake:
    """Raw mail in, stored `InboundMessage` out."""

    def __init__(self, settings: EmailSettings, store: Store, on_message: OnMessage) -> None:
        self.settings = settings
        self.retention_seconds = settings.file_retention_days * 86400
        self.store = store
        self.on_message = on_message
        self.own = {a.lower() for a in [settings.address, *settings.own_addresses] if a}
        self.ignored = [p.lower() for p in settings.ignore_addresses]

    async def take(self, raw: bytes, envelope_from: str | None = None) -> Taken:
        """Store one message; raises if the store is unreachable (the caller must retry)."""
        # Reading a mail is CPU work (the MIME parser, HTML read as text, passwords looked
        # for in every rendering): off the event loop, which serves every channel.
        loop = asyncio.get_running_loop()
        read = functools.partial(
            parse_mail,
            raw,
            envelope_from=envelope_from,
            max_attachment_bytes=self.settings.max_attachment_bytes,
        )
        mail = await loop.run_in_executor(READER, read)
        if self._is_ours_or_ignored(mail.from_email):
            log.info("mail from an own or ignored address dropped", extra={"from": mail.from_email})
            return Taken.IGNORED
        # Taken once per mail, not per Message-ID: a different mail reusing one is its own.
        key = await self.store.mail.copy_of(mail.message_id, _content_digest(mail))
        mail, password = await loop.run_in_executor(READER, _passwords_hidden, mail)
        if await self.store.mail.known(key):
            return Taken.REPEAT
        if mail.bounce is not None:
            return await self._bounce(mail, raw, key)
        mail = await self._within_the_senders_hour(mail)
        chat_id = await self._thread_for(mail, key)
        thread = await self.store.mail.thread(chat_id) or MailThread(
            chat_id=chat_id,
            address=(mail.reply_to or mail.from_email),
            name=mail.from_name,
            subject=mail.subject,
        )
        for ref in (*mail.references, mail.message_id):
            thread.remember(ref)
        thread.last_inbound_id = mail.message_id
        thread.robot = mail.auto_submitted_reason
        if failed_for_sender(
            mail.authentication_results, self.settings.trusted_authserv_ids, mail.from_email
        ):
            thread.unverified = True
        # A mail with a password in it is not kept as it came (operators read originals);
        # its text is hidden like every channel's (app.py).
        message = await self._keep(mail, b"" if password else raw, chat_id, key)
        if password > 0:  # the bot tells the user, as for one in the text
            message = dataclasses.replace(
                message, meta={**message.meta, PASSWORD_HIDDEN: str(password)}
            )
        await self.store.mail.save_thread(thread)
        stored = await self.on_message(message)
        await self.store.mail.link(key, chat_id)
        log.info(
            "mail taken in",
            extra={
                "chat_id": chat_id,
                "message_id": mail.message_id,
                "attachments": len(mail.attachments),
                "robot": mail.auto_submitted_reason,
                "new": stored,
            },
        )
        return Taken.STORED if stored else Taken.REPEAT

    async def _within_the_senders_hour(self, mail: ParsedMail) -> ParsedMail:
        """The mail as it is, or, past `mails_per_hour_per_sender` from its sender, marked
        automatic: kept on its thread, no ticket and no answer (a person's mail past that
        is a flood; the sender's earlier mail has their tickets)."""
        if mail.auto_submitted or not mail.from_email:
            return mail
        if not await self.past_the_senders_hour(mail.from_email):
            return mail
        limit = self.settings.mails_per_hour_per_sender
        reason = f"over {limit} mails an hour from this sender"
        log.warning("mail past the sender's hourly limit kept unanswered", extra={"limit": limit})
        return dataclasses.replace(mail, auto_submitted=True, auto_submitted_reason=reason)

    async def past_the_senders_hour(self, sender: str) -> bool:
        """Count one mail from `sender`: whether it is past `mails_per_hour_per_sender`."""
        hits, _ = await self.store.operators.hit("mail-sender", sender.lower(), HOUR)
        return hits > self.settings.mails_per_hour_per_sender

    def ignores(self, sender: str) -> bool:
        """Whether mail from `sender` is dropped: ours, or on the ignore list."""
        return self._is_ours_or_ignored(sender)

    def _is_ours_or_ignored(self, sender: str) -> bool:
        sender = sender.lower()
        return sender in self.own or any(fnmatch.fnmatchcase(sender, p) for p in self.ignored)

    async def _thread_for(self, mail: ParsedMail, key: str) -> str:
        """The reply's thread, by headers first, then by the ticket token; else a new one.

        Either joins a thread only from the address that thread is with. A token is a
        ticket number anyone can guess, and a Message-ID is read by everyone a mail went
        to (a colleague in copy, a list): another sender's "Re: [HD-000123]", or their
        reply to the user's mail (a stranger, a forged From), would otherwise speak in
        that user's conversation: mark their ticket solved, reopen it, comment on it as
        them, and be answered to them. It starts a thread of its own. So does one from the
        right address when our receiving server (a trusted authserv-id) says SPF, DKIM or
        DMARC failed for its From domain: the From is forged."""
        chat_id = await self.store.mail.thread_of(mail.thread_ids)
        if chat_id and await self._joins(chat_id, mail, "a reply by its headers"):
            return chat_id
        if mail.ticket_ref:
            ticket = await self.store.tickets.get(mail.ticket_ref)
            if (
                ticket is not None
                and ticket.channel == CHANNEL
                and await self._joins(ticket.chat_id, mail, "a ticket token")
            ):
                return ticket.chat_id
        digest = hashlib.sha256(key.encode()).hexdigest()[:10]
        return f"{mail.from_email or 'unknown'}#{digest}"

    async def _joins(self, chat_id: str, mail: ParsedMail, by: str) -> bool:
        """Whether a mail naming the thread `chat_id` (`by` what) may speak in it: from
        the address the thread is with, and not forged as our receiving server says."""
        where = {"chat_id": chat_id, "message_id": mail.message_id}
        if not await self._writes_in(chat_id, mail.from_email):
            log.warning(f"{by} from another sender starts a thread of its own", extra=where)
            return False
        failed = failed_for_sender(
            mail.authentication_results, self.settings.trusted_authserv_ids, mail.from_email
        )
        if failed:
            log.warning(
                f"{by} in mail that failed sender authentication starts a thread of its own",
                extra={**where, "failed": ",".join(failed)},
            )
            return False
        return True

    async def _writes_in(self, chat_id: str, sender: str) -> bool:
        """Whether `sender` is whom the thread `chat_id` is with: the address that began it
        (its chat id's) or the one we answer (its Reply-To)."""
        if not sender:
            return False
        thread = await self.store.mail.thread(chat_id)
        with_ = {chat_id.rsplit("#", 1)[0].lower(), (thread.address if thread else "").lower()}
        return sender.lower() in with_

    async def _bounce(self, mail: ParsedMail, raw: bytes, key: str) -> Taken:
        bounce = mail.bounce
        assert bounce is not None
        ids = (
            (bounce.original_message_id, *mail.thread_ids)
            if bounce.original_message_id
            else (mail.thread_ids)
        )
        chat_id = await self.store.mail.thread_of(tuple(i for i in ids if i))
        if chat_id and bounce.permanent:
            await self._mark_undeliverable(chat_id, bounce.recipients, bounce.status, mail)
        if not chat_id and mail.ticket_ref:
            ticket = await self.store.tickets.get(mail.ticket_ref)
            chat_id = ticket.chat_id if ticket is not None and ticket.channel == CHANNEL else ""
        if not chat_id:
            log.warning(
                "delivery report for no known thread",
                extra={"recipients": list(bounce.recipients), "status": bounce.status},
            )
            await self.store.mail.dead_letter(
                {"source": "bounce", "reason": "bounce for no known thread",
                 "message_id": mail.message_id, "recipients": list(bounce.recipients),
                 "status": bounce.status, "at": time.time()}
            )  # fmt: skip
            await self.store.mail.link(key, "")
            return Taken.BOUNCE
        message = await self._keep(mail, raw, chat_id, key, kind="system")
        await self.on_message(message)
        await self.store.mail.link(key, chat_id)
        return Taken.BOUNCE

    async def _mark_undeliverable(
        self, chat_id: str, recipients: tuple[str, ...], status: str, mail: ParsedMail
    ) -> None:
        """Stop mailing the thread's address, when the report is of a mail of that thread.

        Anyone can send a delivery report naming any address: only one that names a
        Message-ID of the thread (ours are random; a ticket token is not enough) marks
        its address, and only that address (we send each mail to one)."""
        thread = await self.store.mail.thread(chat_id)
        if thread is not None and thread.address.lower() in {r.lower() for r in recipients}:
            await self.store.mail.mark_undeliverable(
                thread.address, {"status": status, "report": mail.message_id}
            )
        else:
            log.warning(
                "a delivery report names addresses its thread is not with: nothing marked",
                extra={"chat_id": chat_id, "message_id": mail.message_id},
            )

    async def _keep(
        self, mail: ParsedMail, raw: bytes, chat_id: str, key: str, kind: str = ""
    ) -> InboundMessage:
        """Keep the original and the attachments; build the channel-agnostic message.
        `key` (store/mail.copy_of) names them and the message: the Message-ID but for a
        different mail reusing one, whose original and files must not replace the first's."""
        if raw and len(raw) <= self.settings.max_message_bytes:
            await self.store.mail.keep_original(key, raw, self.retention_seconds)
        attachments: list[Attachment] = []
        for index, att in enumerate(mail.attachments):
            att_id = f"{id_digest(key)[:24]}-{index + 1}"
            if att.data is not None:
                await self.store.mail.keep_attachment(
                    att_id, att.filename, att.content_type, att.data, self.retention_seconds
                )
            attachments.append(
                Attachment(
                    kind="photo" if att.content_type.startswith("image/") else "document",
                    file_id=att_id if att.data is not None else "",
                    name=att.filename,
                    mime_type=att.content_type,
                    size=att.size,
                )
            )
        meta = {
            "subject": mail.subject,
            "from": mail.from_email,
            "message_id": mail.message_id,
            "quoted": mail.quoted[:QUOTED_META_CHARS],
        }
        if mail.auto_submitted_reason:
            meta["robot"] = mail.auto_submitted_reason
        if mail.bounce is not None:
            meta["bounce"] = ", ".join(mail.bounce.recipients)
            meta["bounce_status"] = mail.bounce.status
        text = mail.text
        if mail.bounce is not None:
            what = _report_kind(mail.bounce.permanent, mail.bounce.status)
            text = f"[{what}: {meta['bounce']} {mail.bounce.status}]".replace("  ", " ")
        return InboundMessage(
            channel=CHANNEL,
            chat_id=chat_id,
            message_id=key,
            text=text,
            user_id=mail.from_email,
            user_name=mail.from_name,
            attachments=tuple(attachments),
            language_hint=mail.language_hint,
            # Automatic mail is recorded on its thread but never answered (RFC 3834).
            kind=kind or ("system" if mail.auto_submitted else "message"),
            meta=meta,
        )


def _report_kind(permanent: bool, status: str) -> str:
    """How a delivery report reads on the ticket: a warning that the server is still
    trying (4.x.x) is no failure, and operators must not take the address for dead."""
    if permanent:
        return "delivery failed"
    return "delivery delayed" if status.startswith("4") else "delivery report"


def _content_digest(mail: ParsedMail) -> str:
    """What tells two mails with one Message-ID apart: sender, date, subject, words and
    files. The same mail fetched twice (IMAP after a UIDVALIDITY change, SMTP and IMAP,
    two delivery paths) reads the same."""
    parts = [mail.from_email.lower(), mail.date, mail.subject, mail.text, mail.quoted]
    parts += [f"{a.filename}:{a.content_type}:{a.size}" for a in mail.attachments]
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _passwords_hidden(mail: ParsedMail) -> tuple[ParsedMail, int]:
    """The mail with passwords hidden in its subject (our replies repeat it), quote and
    attachments' names; how many were hidden there or found in another rendering of its
    body (the HTML beside its plain text), or -1 when only its text holds one (the
    text's are hidden with every channel's, app.py). The original is not kept then."""
    subject, in_subject = hide_passwords(mail.subject)
    quoted, in_quote = hide_passwords(mail.quoted)
    attachments, in_names = [], 0
    for attachment in mail.attachments:
        name, in_name = hide_in_file_name(attachment.filename)
        in_names += in_name
        attachments.append(dataclasses.replace(attachment, filename=name))
    in_other = sum(_hidden_in_rendering(text) for text in mail.other_renderings)
    count = in_subject + in_quote + in_names + in_other
    if count:
        mail = dataclasses.replace(
            mail, subject=subject, quoted=quoted, attachments=tuple(attachments)
        )
        return mail, count
    found = hide_passwords(mail.full_text)[1] or mail.unread_password_word
    return mail, -1 if found else 0


def _hidden_in_rendering(text: str) -> int:
    """How many passwords another rendering of the body holds (read as text when it is
    HTML; only when a password word is in it at all)."""
    low = text.lower()
    if not any(stem in low for stem in STEMS):
        return 0
    return hide_passwords(html_to_text(text) if "<" in text else text)[1]
