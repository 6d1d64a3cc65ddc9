"""IMAP intake against a real dovecot: IDLE, backfill, UIDVALIDITY, poison, outages."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from emulators.dovecot import PASSWORD, USER, Dovecot
from emulators.harness import FAST_BACKOFF, Intake, stored_inbound
from emulators.mail import MailSink, user_mail
from emulators.server import eventually
from gateway.config import Settings
from gateway.connectors.mail.connector import EmailConnector
from gateway.models import InboundMessage
from gateway.store import Store

from .conftest import SUPPORT, with_email

SENDER = "olga@corp.example.com"


def imap_settings(settings: Settings, sink: MailSink, dovecot: Dovecot, **imap: object) -> Settings:
    s = with_email(settings, sink)
    box = s.email.imap.model_copy(
        update={
            "enabled": True, "host": "127.0.0.1", "port": dovecot.port, "security": "none",
            "username": USER, "password": SecretStr(PASSWORD), "poll_seconds": 3600.0,
            **imap,
        }
    )  # fmt: skip
    listener = s.email.listener.model_copy(update={"enabled": False})
    return s.model_copy(
        update={"email": s.email.model_copy(update={"imap": box, "listener": listener})}
    )


class Gateway:
    """The e-mail connector as the gateway runs it, startable again after a stop."""

    def __init__(self, settings: Settings, store: Store, intake: Intake | None = None) -> None:
        self.settings, self.store = settings, store
        self.intake = intake
        self.connector: EmailConnector | None = None

    async def start(self) -> EmailConnector:
        self.connector = EmailConnector(self.settings, self.store, imap_backoff=FAST_BACKOFF)
        await self.connector.start(self.intake or Intake(self.store))
        return self.connector

    async def stop(self) -> None:
        if self.connector is not None:
            await self.connector.stop()
            self.connector = None


@pytest.fixture
async def gateway_factory(store: Store) -> AsyncIterator[list[Gateway]]:
    made: list[Gateway] = []
    yield made
    for gw in made:
        await gw.stop()


def mail(n: int, text: str = "") -> bytes:
    return user_mail(SENDER, SUPPORT, f"Request {n}", text or f"problem number {n}").as_bytes()


async def texts(store: Store) -> list[str]:
    return sorted(m.text for m in await stored_inbound(store))


async def idling(conn: EmailConnector) -> None:
    await eventually(lambda: conn.mailboxes and conn.mailboxes[0].idle_sessions >= 1,
                     what="the mailbox to enter IDLE")  # fmt: skip


async def test_new_mail_arrives_through_idle_and_is_marked_seen(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    gw = Gateway(imap_settings(settings, sink, dovecot), store)
    gateway_factory.append(gw)
    conn = await gw.start()
    await idling(conn)
    await asyncio.to_thread(dovecot.deliver, mail(1))
    # Polling is set to an hour: only IDLE can bring it in now.
    await eventually(lambda: texts(store), what="the mail to be stored")
    assert await texts(store) == ["problem number 1"]
    await eventually(lambda: asyncio.to_thread(dovecot.seen), what="the mail to be marked seen")
    cursor = await store.mail.cursor(conn.mailboxes[0].name, "INBOX")
    assert cursor.last_uid == 1


async def test_without_idle_the_mailbox_is_polled(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    gw = Gateway(imap_settings(settings, sink, dovecot, idle=False, poll_seconds=0.2), store)
    gateway_factory.append(gw)
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].polls >= 1, what="the first poll")
    await asyncio.to_thread(dovecot.deliver, mail(7))
    await eventually(lambda: texts(store), what="the mail to be stored by polling")
    assert await texts(store) == ["problem number 7"]
    assert conn.mailboxes[0].idle_sessions == 0


async def test_mail_that_arrived_while_the_gateway_was_down_is_fetched_once(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    gw = Gateway(imap_settings(settings, sink, dovecot, after="move"), store)
    gateway_factory.append(gw)
    await asyncio.to_thread(dovecot.deliver, mail(1))
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 1, what="the first mail")
    await gw.stop()
    for n in (2, 3, 4):
        await asyncio.to_thread(dovecot.deliver, mail(n))
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 3, what="the backfill")
    await idling(conn)
    assert await texts(store) == [f"problem number {n}" for n in (1, 2, 3, 4)]
    assert await asyncio.to_thread(dovecot.uids, "INBOX") == []
    assert len(await asyncio.to_thread(dovecot.uids, "Processed")) == 4


async def test_a_uidvalidity_change_resyncs_without_duplicates(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    gw = Gateway(imap_settings(settings, sink, dovecot, folders=["Support"]), store)
    gateway_factory.append(gw)
    old = [mail(1), mail(2)]
    for raw in old:
        await asyncio.to_thread(dovecot.deliver, raw, "Support")
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 2, what="the first two mails")
    await gw.stop()
    before = await store.mail.cursor(conn.mailboxes[0].name, "Support")

    def rebuild_folder() -> None:  # what a server migration does: same mail, new UIDs
        with dovecot.client() as c:
            c.rename_folder("Support", "Support-old")
            c.create_folder("Support")
        for raw in [*old, mail(3)]:
            dovecot.deliver(raw, "Support")

    await asyncio.to_thread(rebuild_folder)
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 3, what="the re-sync")
    after = await store.mail.cursor(conn.mailboxes[0].name, "Support")
    assert after.uidvalidity != before.uidvalidity and after.last_uid == 3
    assert await texts(store) == ["problem number 1", "problem number 2", "problem number 3"]


async def test_the_first_sync_takes_only_unread_mail_by_default(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    for n in (1, 2, 3):  # years of mail the mailbox's owner already read
        await asyncio.to_thread(dovecot.deliver, mail(n), "INBOX", (b"\\Seen",))
    for n in (4, 5):
        await asyncio.to_thread(dovecot.deliver, mail(n))
    gw = Gateway(imap_settings(settings, sink, dovecot), store)
    gateway_factory.append(gw)
    conn = await gw.start()
    await idling(conn)
    assert await texts(store) == ["problem number 4", "problem number 5"]
    cursor = await store.mail.cursor(conn.mailboxes[0].name, "INBOX")
    assert cursor.last_uid == 5  # the read mail is behind the cursor, never taken later
    await asyncio.to_thread(dovecot.deliver, mail(6))
    await eventually(lambda: conn.mailboxes[0].fetched >= 3, what="new mail after the sync")
    await gw.stop()
    await gw.start()
    await idling(gw.connector)  # type: ignore[arg-type]
    assert await texts(store) == [f"problem number {n}" for n in (4, 5, 6)]
    assert await asyncio.to_thread(dovecot.seen) == [1, 2, 3, 4, 5, 6]


async def test_the_first_sync_can_take_all_mail(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    await asyncio.to_thread(dovecot.deliver, mail(1), "INBOX", (b"\\Seen",))
    await asyncio.to_thread(dovecot.deliver, mail(2))
    gw = Gateway(imap_settings(settings, sink, dovecot, first_sync="all"), store)
    gateway_factory.append(gw)
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 2, what="all the mail")
    assert await texts(store) == ["problem number 1", "problem number 2"]


def deeply_nested(depth: int = 1500) -> bytes:
    head = b"From: robot@corp.example.com\r\nTo: support@helpdesk.example.com\r\n"
    head += b"Subject: nested\r\nMessage-ID: <nested-bomb@corp.example.com>\r\n"
    opens = b"".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode()
        for i in range(depth)
    )
    closes = b"".join(f"--b{i}--\r\n".encode() for i in reversed(range(depth)))
    return head + opens + b"Content-Type: text/plain\r\n\r\nhi\r\n" + closes


async def test_a_poison_message_is_kept_aside_and_the_next_one_is_read(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    for raw in (mail(1), deeply_nested(), mail(3)):
        await asyncio.to_thread(dovecot.deliver, raw)
    gw = Gateway(imap_settings(settings, sink, dovecot), store)
    gateway_factory.append(gw)
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 3, timeout=60, what="all three")
    assert await texts(store) == ["problem number 1", "problem number 3"]
    (dead,) = await store.mail.dead_letters()
    assert dead["uid"] == 2 and "more than 500 MIME parts" in dead["reason"]
    assert await store.mail.original(dead["original"]) == deeply_nested()
    assert await asyncio.to_thread(dovecot.seen) == [1, 2, 3]


async def test_the_imap_server_killed_mid_run_loses_nothing(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    for n in range(1, 41):
        await asyncio.to_thread(dovecot.deliver, mail(n))
    intake = PausingIntake(store, after=5)
    gw = Gateway(imap_settings(settings, sink, dovecot), store, intake)
    gateway_factory.append(gw)
    await gw.start()
    await intake.paused.wait()  # the 6th mail is being stored, the batch is in flight
    await asyncio.to_thread(dovecot.kill)
    intake.resume.set()
    await asyncio.sleep(0.5)
    await asyncio.to_thread(dovecot.start)
    for n in range(41, 46):
        await asyncio.to_thread(dovecot.deliver, mail(n))
    await eventually(lambda: texts(store), what="anything")
    await eventually(
        lambda: _count(store, 45), timeout=60, what="all 45 mails after the restart"
    )
    stored = await stored_inbound(store)
    assert sorted(m.text for m in stored) == sorted(f"problem number {n}" for n in range(1, 46))
    assert len({m.message_id for m in stored}) == 45


class PausingIntake(Intake):
    """Stores normally, but holds the mail after the first `after` until told to go on."""

    def __init__(self, store: Store, after: int) -> None:
        super().__init__(store)
        self.after = after
        self.paused, self.resume = asyncio.Event(), asyncio.Event()

    async def __call__(self, message: InboundMessage) -> bool:
        stored = await super().__call__(message)
        if len(self.accepted) == self.after + 1:
            self.paused.set()
            await self.resume.wait()
        return stored


async def _count(store: Store, n: int) -> bool:
    return len(await stored_inbound(store)) >= n


def constant_id_mail(sender: str, text: str) -> bytes:
    """A device or script that writes the same Message-ID on every mail (issue 10)."""
    msg = user_mail(sender, SUPPORT, "Printer alert", text)
    msg.replace_header("Message-ID", "<status@printer-3f.corp.example.com>")
    return msg.as_bytes()


async def test_different_mail_reusing_a_message_id_is_taken_and_each_only_once(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    gw = Gateway(imap_settings(settings, sink, dovecot, folders=["Support"]), store)
    gateway_factory.append(gw)
    mails = [
        constant_id_mail(SENDER, "paper jam in tray 2"),
        constant_id_mail(SENDER, "toner low"),
        constant_id_mail("kassa@corp.example.com", "paper jam in tray 2"),
    ]
    for raw in mails:
        await asyncio.to_thread(dovecot.deliver, raw, "Support")
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 3, what="the three mails")
    await gw.stop()
    stored = await stored_inbound(store)
    # each is its own mail for the operator: its words and its original as it came
    assert sorted((m.user_id, m.text) for m in stored) == [
        ("kassa@corp.example.com", "paper jam in tray 2"),
        (SENDER, "paper jam in tray 2"),
        (SENDER, "toner low"),
    ]
    assert len({m.chat_id for m in stored}) == 3  # no thread headers: each a new request
    for message in stored:
        original = await conn.original(message.message_id)
        assert original is not None and message.text.encode() in original

    def rebuild_folder() -> None:  # the same mail fetched again under new UIDs
        with dovecot.client() as c:
            c.rename_folder("Support", "Support-old")
            c.create_folder("Support")
        for raw in mails:
            dovecot.deliver(raw, "Support")

    await asyncio.to_thread(rebuild_folder)
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 3, what="the re-sync")
    assert len(await stored_inbound(store)) == 3  # the same bytes twice: taken once
