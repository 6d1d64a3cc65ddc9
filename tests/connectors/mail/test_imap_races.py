"""IMAP intake racing other mail clients on the same mailbox (real dovecot): a message
another client deletes while we read the folder is gone on the server, not a dead letter."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from imapclient import IMAPClient

from emulators.dovecot import Dovecot
from emulators.harness import Intake, stored_inbound
from emulators.mail import MailSink, user_mail
from emulators.server import eventually
from gateway.config import Settings
from gateway.connectors.mail.imap import ImapMailbox
from gateway.connectors.mail.intake import MailIntake
from gateway.store import Store

from .conftest import SUPPORT
from .test_imap import Gateway, gateway_factory, imap_settings

__all__ = ["gateway_factory"]  # the fixture used below

SENDER = "olga@corp.example.com"


def mail(n: int) -> bytes:
    return user_mail(SENDER, SUPPORT, f"Request {n}", f"problem number {n}").as_bytes()


def delete_on_server(dovecot: Dovecot, uid: int) -> None:
    """Another mail client (the user's Outlook, a colleague) deletes a message for good."""
    with dovecot.client() as other:
        other.select_folder("INBOX")
        other.delete_messages([uid])
        other.expunge()


class RacedMailbox(ImapMailbox):
    """Our reader, with another client deleting `uid` just before one of our FETCHes
    (`before`: the data item that FETCH asks for)."""

    def __init__(self, *args: Any, dovecot: Dovecot, uid: int, before: str, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.dovecot, self.uid, self.before = dovecot, uid, before
        self.deleted = False

    def _connect(self) -> IMAPClient:
        client = super()._connect()
        fetch = client.fetch

        def racing_fetch(messages: Any, data: Any, *args: Any, **kw: Any) -> Any:
            if not self.deleted and self.before in data:
                delete_on_server(self.dovecot, self.uid)
                self.deleted = True
            return fetch(messages, data, *args, **kw)

        client.fetch = racing_fetch  # type: ignore[method-assign]
        return client


@pytest.mark.parametrize("before", ["RFC822.SIZE", "BODY.PEEK[]"])
async def test_a_message_deleted_by_another_client_while_we_read_is_skipped_quietly(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot, before: str
) -> None:
    for n in (1, 2, 3):
        await asyncio.to_thread(dovecot.deliver, mail(n))
    s = imap_settings(settings, sink, dovecot, first_sync="all")
    take = MailIntake(s.email, store, Intake(store)).take
    box = RacedMailbox(s.email.imap, "INBOX", store, take, dovecot=dovecot, uid=2,
                       before=before)  # fmt: skip
    await box.sync_once()
    assert box.deleted
    assert sorted(m.text for m in await stored_inbound(store)) == [
        "problem number 1", "problem number 3",
    ]  # fmt: skip
    assert await store.mail.dead_letters() == []  # nothing lost: it is gone on the server
    assert (await store.mail.cursor(box.name, "INBOX")).last_uid == 3
    assert await asyncio.to_thread(dovecot.seen) == [1, 3]


def big_mail(sender: str, subject: str, *, language: str = "", robot: bool = False) -> bytes:
    headers = {"Content-Language": language} if language else {}
    if robot:
        headers["Auto-Submitted"] = "auto-generated"
    msg = user_mail(sender, SUPPORT, subject, "x" * 60_000, headers=headers)
    return msg.as_bytes()


async def test_the_sender_of_a_mail_over_the_size_limit_is_told_it_was_not_read(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot,
    gateway_factory: list[Gateway],
) -> None:  # fmt: skip
    """Our SMTP listener refuses such mail with 552 and the sender's server tells them; read
    over IMAP, the mail server took it already, and only we can."""
    olga, taras, robot = SENDER, "taras@corp.example.com", "reports@corp.example.com"
    for raw in (
        big_mail(olga, "Скриншоты ошибки", language="ru"),
        mail(2),
        big_mail(taras, "Звіт за листопад", language="uk-UA"),
        big_mail(robot, "Nightly export", robot=True),
        b"X-Padding: " + b"y" * 200_000 + b"\r\n" + big_mail("pad@corp.example.com", "Pad"),
        mail(6),
    ):
        await asyncio.to_thread(dovecot.deliver, raw)
    s = imap_settings(settings, sink, dovecot, first_sync="all")
    s = s.model_copy(update={"email": s.email.model_copy(update={"max_message_bytes": 50_000})})
    gw = Gateway(s, store)
    gateway_factory.append(gw)
    conn = await gw.start()
    await eventually(lambda: conn.mailboxes[0].fetched >= 6, what="all six")
    await eventually(lambda: len(sink.to(olga)) >= 1 and len(sink.to(taras)) >= 1,
                     what="the two people told")  # fmt: skip
    (to_olga,) = sink.to(olga)
    assert "Скриншоты ошибки" in to_olga.text and "не прочитано" in to_olga.text
    assert to_olga["Auto-Submitted"] == "auto-replied"
    assert to_olga["In-Reply-To"]  # on the sender's own thread
    (to_taras,) = sink.to(taras)
    assert "Звіт за листопад" in to_taras.text and "не прочитано" in to_taras.text
    assert sink.to(robot) == []  # automatic mail is never answered
    # a header is read up to 64 KiB, never as large as the message: no From, no answer
    assert sink.to("pad@corp.example.com") == []
    dead = await store.mail.dead_letters()
    assert sorted(d["uid"] for d in dead) == [1, 3, 4, 5]
    assert all(d["reason"] == "over the size limit" for d in dead)
    assert sorted(m.text for m in await stored_inbound(store)) == [
        "problem number 2", "problem number 6",
    ]  # fmt: skip


class ArrivingMailbox(ImapMailbox):
    """Our reader, with `raw` delivered by the mail server just before our first search for
    new mail: after the SELECT, before the SEARCH."""

    def __init__(self, *args: Any, dovecot: Dovecot, raw: bytes, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.dovecot, self.raw = dovecot, raw
        self.delivered = False

    def _connect(self) -> IMAPClient:
        client = super()._connect()
        search = client.search

        def arriving_search(criteria: Any = "ALL", *args: Any, **kw: Any) -> Any:
            if not self.delivered and criteria[:1] == ["UID"]:
                self.dovecot.deliver(self.raw)
                self.delivered = True
            return search(criteria, *args, **kw)

        client.search = arriving_search  # type: ignore[method-assign]
        return client


async def test_a_mail_that_arrives_while_we_search_is_read_at_once_not_at_the_next_idle(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot
) -> None:
    """desk39: test_late_reopen_by_imap failed one run in three waiting for the first
    letter. Dovecot answers a SEARCH from the mailbox as it was when the command came, and
    announces mail that arrived meanwhile (EXISTS) at the end of that answer; the NOOP
    before IDLE heard nothing more, and IDLE never announces it again: the mail lay unread
    until the next mail or the IDLE re-issued 23 minutes later."""
    s = imap_settings(settings, sink, dovecot)  # IDLE; polling every hour
    take = MailIntake(s.email, store, Intake(store)).take
    box = ArrivingMailbox(s.email.imap, "INBOX", store, take, dovecot=dovecot, raw=mail(1))
    stopping = asyncio.Event()
    task = asyncio.ensure_future(box.run(stopping))
    try:
        await eventually(lambda: box.delivered, what="the mail delivered during our search")
        stored = await eventually(lambda: stored_inbound(store), what="the mail taken in")
        assert [m.text for m in stored] == ["problem number 1"]
    finally:
        stopping.set()
        box.wake()
        await asyncio.wait_for(task, 15)
