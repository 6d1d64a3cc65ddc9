"""The e-mail channel: SMTP listener and IMAP mailboxes in, threaded SMTP replies out.

Like every connector it only translates. A mail thread is one conversation (its
`chat_id`); what the engine says to it becomes one mail on that thread. Automatic
replies are limited per address (two autoresponders cannot ping-pong), never go to an
address that bounced, and rating buttons become signed single-use links.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from typing import Any

from aiohttp import web

from gateway.config import Settings
from gateway.connectors.backoff import Backoff
from gateway.connectors.base import DeliveryError, OnMessage, RecipientBlocked, buttons_as_text
from gateway.connectors.mail.authentication import failed_for_sender
from gateway.connectors.mail.client_limits import ClientLimits
from gateway.connectors.mail.intake import CHANNEL, MailIntake, Taken
from gateway.connectors.mail.outgoing import Letter, SmtpTransport, compose
from gateway.connectors.mail.parse import parse_mail
from gateway.connectors.mail.ratings import CSAT_PREFIX, RATE_PATH, RatingSigner
from gateway.connectors.mail.smtp_in import SmtpListener
from gateway.models import DUTY_AUTHOR, REOPEN_CONFIRMED, Attachment, OutboundMessage
from gateway.store import Store
from gateway.store.mail import MailThread
from gateway.texts import Texts

log = logging.getLogger(__name__)

HOUR = 3600
LANGUAGES = ("ru", "uk", "en")


class EmailConnector:
    """Mail in through SMTP and IMAP, replies out through SMTP."""

    channel = CHANNEL

    def __init__(
        self,
        settings: Settings,
        store: Store,
        texts: Texts | None = None,
        *,
        imap_backoff: Backoff | None = None,
    ) -> None:
        self.settings = settings
        self.email = settings.email
        self.store = store
        self.texts = texts or Texts.load()
        self.transport = SmtpTransport(self.email)
        secret = settings.web.session_secret
        self.signer = RatingSigner(
            secret.get_secret_value().encode() if secret else secrets.token_bytes(32)
        )
        self.imap_backoff = imap_backoff
        self.intake: MailIntake | None = None
        self.listener: SmtpListener | None = None
        self.mailboxes: list[Any] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._stopping = asyncio.Event()

    # Receiving

    async def start(self, on_message: OnMessage) -> None:
        self._stopping.clear()
        self.intake = MailIntake(self.email, self.store, on_message)
        if self.email.listener.enabled:
            ls = self.email.listener
            self.listener = SmtpListener(
                self.take,
                host=ls.host,
                port=ls.port,
                recipients=set(ls.recipients or [self.email.address]),
                hostname=ls.hostname,
                max_bytes=self.email.max_message_bytes,
                limits=ClientLimits(
                    connections_at_once=ls.connections_at_once_per_address,
                    connections_per_minute=ls.connections_per_minute_per_address,
                    recipients_per_minute=ls.recipients_per_minute_per_address,
                ),
            )
            await self.listener.start()
        if self.email.imap.enabled:
            from gateway.connectors.mail.imap import ImapMailbox

            for folder in self.email.imap.folders:
                mailbox = ImapMailbox(
                    self.email.imap, folder, self.store, self.take,
                    max_message_bytes=self.email.max_message_bytes,
                    retention_days=self.email.file_retention_days,
                    too_large=self.answer_too_large,
                    **({"backoff": self.imap_backoff} if self.imap_backoff else {}),
                )  # fmt: skip
                self.mailboxes.append(mailbox)
                task = asyncio.ensure_future(mailbox.run(self._stopping))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def take(self, raw: bytes, envelope_from: str | None = None) -> Taken:
        """Store one raw message (shared by the SMTP listener and the IMAP mailboxes)."""
        if self.intake is None:
            raise RuntimeError("the e-mail channel is not started")
        return await self.intake.take(raw, envelope_from)

    async def answer_too_large(self, head: bytes, size: int) -> bool:
        """Tell a person whose mail (read over IMAP) is over the size limit that it was not
        read, as our SMTP listener's 552 would have; `head` is the mail's header. Never to
        automatic mail, our own or ignored senders, a forged From or a bounced address; within
        the sender's hourly limit of mails (one sender cannot make us mail one Reply-To after
        another) and the hourly limit of automatic replies. Returns whether a letter went."""
        mail = parse_mail(head.rstrip(b"\r\n") + b"\r\n\r\n")
        address = mail.reply_to or mail.from_email
        if (
            self.intake is None
            or not address
            or mail.auto_submitted
            or self.intake.ignores(mail.from_email)
            or self.intake.ignores(address)
            or failed_for_sender(
                mail.authentication_results, self.email.trusted_authserv_ids, mail.from_email
            )
            or await self.store.mail.undeliverable(address) is not None
            or await self.intake.past_the_senders_hour(mail.from_email)
            or not await self._may_answer(address, "")
        ):
            return False
        language = mail.language_hint if mail.language_hint in LANGUAGES else ""
        megabytes = max(1, round(size / 2**20))
        limit = max(1, self.email.max_message_bytes // 2**20)
        text = self.texts.get(language or None, "email_too_large", subject=mail.subject,
                              size=megabytes, limit=limit)  # fmt: skip
        thread = MailThread(chat_id="", address=address, name=mail.from_name,
                            subject=mail.subject, references=[*mail.references, mail.message_id],
                            last_inbound_id=mail.message_id)  # fmt: skip
        letter = Letter(to_address=address, to_name=mail.from_name, subject=mail.subject,
                        text=text, ticket_ref="", automatic=True, language=language)  # fmt: skip
        try:
            msg = compose(self.email, thread, letter)
        except ValueError:
            return False
        await self.transport.send(msg, address)
        log.info("the sender of a mail over the size limit was told", extra={"size": size})
        return True

    async def stop(self) -> None:
        self._stopping.set()
        if self.listener is not None:
            await self.listener.stop()
        for mailbox in self.mailboxes:
            mailbox.wake()
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=10)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def fetch_file(self, attachment: Attachment) -> bytes:
        """A file that came attached to a mail (kept at intake), for the console."""
        found = await self.store.mail.attachment(attachment.file_id) if attachment.file_id else None
        if found is None:
            raise DeliveryError("the attachment is no longer kept", permanent=True)
        return found[2]

    async def original(self, message_id: str) -> bytes | None:
        """A received mail as it came (.eml), for the console; None when not kept."""
        return await self.store.mail.original(message_id) if message_id else None

    def routes(self) -> list[web.RouteDef]:
        from gateway.connectors.mail.pages import rating_routes

        return rating_routes(self)

    # Sending

    async def send(self, chat_id: str, message: OutboundMessage) -> None:
        """One mail on the thread; automatic replies are rate-limited and never to robots."""
        thread = await self.store.mail.thread(chat_id)
        if thread is None:
            raise DeliveryError(f"no mail thread {chat_id}", permanent=True)
        bounced = await self.store.mail.undeliverable(thread.address)
        if bounced is not None:
            raise RecipientBlocked(f"{thread.address} is undeliverable ({bounced.get('status')})")
        automatic = not message.author.startswith("operator:")
        duty = message.author == DUTY_AUTHOR  # SLA notices: a desk's own, not a reply to ping-pong
        # "request HD-… is open again": the user's own "still broken" did it, once per
        # resolution; dropped, they would not know their mail was read
        must = message.purpose == REOPEN_CONFIRMED
        if (
            automatic
            and not duty
            and not await self._may_answer(thread.address, thread.robot, over_limit=must)
        ):
            return
        conv = await self.store.conversations.get(f"{CHANNEL}:{chat_id}")
        language = getattr(conv, "language", "") or ""
        text, nonce = self._render(chat_id, message, language)
        if nonce:  # before sending: a letter out with links the page would call stale is worse
            ttl = self.email.rating_link_days * 86400 + 86400
            await self.store.mail.ask_rating(chat_id, nonce, ttl)
        letter = Letter(
            to_address=thread.address,
            to_name=thread.name,
            subject=thread.subject,
            text=text,
            ticket_ref=await self._ticket_ref(chat_id),
            automatic=automatic,
            author_name=message.author_name if not automatic else "",
            language=language,
        )
        try:
            msg = compose(self.email, thread, letter)
        except ValueError as exc:  # an address no header can hold (e.g. not ASCII)
            raise DeliveryError(f"cannot address a reply: {exc}", permanent=True) from None
        await self.transport.send(msg, thread.address)
        message_id = str(msg["Message-ID"])
        await self.store.mail.link(message_id, chat_id)
        thread = await self.store.mail.thread(chat_id) or thread
        thread.remember(message_id)
        await self.store.mail.save_thread(thread)
        log.info("mail sent", extra={"chat_id": chat_id, "message_id": message_id})

    async def _may_answer(self, address: str, robot: str, over_limit: bool = False) -> bool:
        """Never to automatic mail; past the hourly limit of automatic replies only when
        `over_limit` (each is counted)."""
        if robot:
            log.info("no automatic reply to automatic mail", extra={"reason": robot})
            return False
        count = await self.store.mail.replies_in_window(address, HOUR, time.time())
        if count > self.email.auto_replies_per_hour and not over_limit:
            log.warning(
                "automatic replies to one address over the hourly limit; dropped",
                extra={"count": count, "limit": self.email.auto_replies_per_hour},
            )
            return False
        return True

    async def _ticket_ref(self, chat_id: str) -> str:
        tickets = await self.store.tickets.for_conversation(f"{CHANNEL}:{chat_id}", False)
        return max(tickets, key=lambda t: t.created_at).id if tickets else ""

    def _render(self, chat_id: str, message: OutboundMessage, language: str) -> tuple[str, str]:
        """Rating buttons become links; other buttons numbered lines the user can answer.
        Returns the text and the rating links' nonce ("" when there are none)."""
        ratings = [b for b in message.buttons if b.payload.startswith(CSAT_PREFIX)]
        others = tuple(b for b in message.buttons if b not in ratings)
        text = buttons_as_text(message.text, others)
        if ratings and self.settings.http.public_url:
            tokens = self.signer.tokens(chat_id, language, self.email.rating_link_days)
            lines = [
                f"{score} - {self.settings.http.public(RATE_PATH + token)}"
                for score, token in tokens.items()
            ]
            text = "\n".join([text, "", self.texts.get(language, "email_rating_links"), *lines])
            return text, self.signer.nonce(tokens[1])
        if ratings:
            text = "\n".join([text, "", self.texts.get(language, "email_rating_reply")])
        return text, ""
