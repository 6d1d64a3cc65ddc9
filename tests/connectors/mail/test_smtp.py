"""Inbound SMTP through smtplib against our aiosmtpd listener; outbound against a sink."""

from __future__ import annotations

import asyncio
import logging
import smtplib
import time
from collections.abc import AsyncIterator
from email.message import EmailMessage

import pytest
from aiosmtpd.smtp import Envelope, Session

from emulators.harness import Intake, stored_inbound
from emulators.mail import MailSink, smtp_send, user_mail
from emulators.server import in_one_window
from gateway.config import Settings
from gateway.connectors.base import DeliveryError, RecipientBlocked
from gateway.connectors.mail.client_limits import ClientLimits
from gateway.connectors.mail.connector import EmailConnector
from gateway.connectors.mail.outgoing import SmtpTransport
from gateway.connectors.mail.smtp_in import SupportMailHandler
from gateway.models import OutboundMessage
from gateway.store import Store

from .conftest import SUPPORT, started, with_email

USER = "ivan.petrov@corp.example.com"


@pytest.fixture
async def connector(
    settings: Settings, store: Store, sink: MailSink
) -> AsyncIterator[tuple[EmailConnector, Intake]]:
    conn = EmailConnector(with_email(settings, sink, max_message_bytes=64 * 1024), store)
    intake = Intake(store)
    await conn.start(intake)
    yield conn, intake
    await conn.stop()


def port_of(conn: EmailConnector) -> int:
    assert conn.listener is not None
    return conn.listener.port


async def deliver(conn: EmailConnector, msg: object, rcpt: str = SUPPORT, frm: str = USER) -> dict:
    return await asyncio.to_thread(smtp_send, port_of(conn), msg, frm, rcpt)  # type: ignore[arg-type]


async def test_mail_to_the_support_address_is_stored_before_250(
    connector: tuple[EmailConnector, Intake], store: Store
) -> None:
    conn, _ = connector
    msg = user_mail(USER, SUPPORT, "Printer offline", "The printer says offline.", name="Ivan")
    refused = await deliver(conn, msg)
    assert refused == {}
    (stored,) = await stored_inbound(store)
    assert stored.channel == "email" and stored.chat_id.startswith(USER + "#")
    assert stored.text == "The printer says offline." and stored.user_name == "Ivan"
    assert stored.message_id == msg["Message-ID"] and stored.meta["subject"] == "Printer offline"
    assert await store.mail.original(msg["Message-ID"]) is not None


async def test_a_recipient_off_the_allow_list_is_refused_with_550(
    connector: tuple[EmailConnector, Intake], store: Store
) -> None:
    conn, _ = connector
    msg = user_mail(USER, "ceo@helpdesk.example.com", "hi", "hello")
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        await deliver(conn, msg, rcpt="ceo@helpdesk.example.com")
    assert refused.value.recipients["ceo@helpdesk.example.com"][0] == 550
    assert await stored_inbound(store) == []


async def test_mail_over_the_size_limit_is_refused_with_552(
    connector: tuple[EmailConnector, Intake], store: Store
) -> None:
    conn, _ = connector
    msg = user_mail(USER, SUPPORT, "big", "x" * (100 * 1024))
    with pytest.raises(smtplib.SMTPException) as refused:
        await deliver(conn, msg)
    assert "552" in str(refused.value) or getattr(refused.value, "smtp_code", 0) == 552
    assert await stored_inbound(store) == []


async def test_a_mail_of_thousands_of_empty_parts_is_refused_with_554(
    connector: tuple[EmailConnector, Intake], store: Store
) -> None:
    """Python's parser spends about a millisecond on each MIME part, on the event loop:
    a 25 MB mail of 700,000 empty parts held the whole gateway for many minutes (a 3.5 MB
    one of 100,000 parts: 198 s). Past 500 parts the parser stops and the mail is
    refused; a mail of 20 attachments is still taken."""
    conn, _ = connector
    flood = (
        f"From: {USER}\r\nTo: {SUPPORT}\r\nSubject: parts\r\nMessage-ID: <parts@corp>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n'
        + "--B\r\n\r\nx\r\n" * 600 + "--B--\r\n"
    ).encode()

    def send_raw() -> None:
        with smtplib.SMTP("127.0.0.1", port_of(conn), timeout=30) as client:
            client.sendmail(USER, [SUPPORT], flood)

    with pytest.raises(smtplib.SMTPDataError) as refused:
        await asyncio.to_thread(send_raw)
    assert refused.value.smtp_code == 554 and b"MIME parts" in refused.value.smtp_error
    assert await stored_inbound(store) == []
    fine = user_mail(USER, SUPPORT, "photos", "twenty screenshots of the error")
    for n in range(20):
        fine.add_attachment(b"\x89PNG", maintype="image", subtype="png", filename=f"s{n}.png")
    await deliver(conn, fine)
    (stored,) = await stored_inbound(store)
    assert stored.text == "twenty screenshots of the error" and len(stored.attachments) == 20


async def test_a_store_failure_answers_451_and_the_retry_is_stored_once(
    connector: tuple[EmailConnector, Intake], store: Store
) -> None:
    conn, intake = connector
    intake.fail_next = 1
    msg = user_mail(USER, SUPPORT, "VPN", "VPN error 809")
    with pytest.raises(smtplib.SMTPDataError) as deferred:
        await deliver(conn, msg)
    assert deferred.value.smtp_code == 451
    assert await stored_inbound(store) == []
    await deliver(conn, msg)  # the sending server retries
    await deliver(conn, msg)  # and once more, as servers sometimes do
    assert [m.text for m in await stored_inbound(store)] == ["VPN error 809"]


async def _thread_with_one_mail(conn: EmailConnector, store: Store) -> str:
    await deliver(conn, user_mail(USER, SUPPORT, "Outlook asks for password", "It asks again"))
    (stored,) = await stored_inbound(store)
    return stored.chat_id


async def test_a_reply_is_threaded_and_marked_automatic(
    connector: tuple[EmailConnector, Intake], store: Store, sink: MailSink
) -> None:
    conn, _ = connector
    chat = await _thread_with_one_mail(conn, store)
    (first,) = await stored_inbound(store)
    await conn.send(chat, OutboundMessage(text="Please restart Outlook."))
    await conn.send(chat, OutboundMessage(text="I checked your account.", author="operator:anna",
                                          author_name="Anna"))  # fmt: skip
    bot, person = sink.to(USER)
    assert bot.mail_from == SUPPORT
    assert bot["In-Reply-To"] == first.message_id
    assert first.message_id in bot["References"]
    assert bot["Subject"] == "Re: Outlook asks for password"
    assert bot["Auto-Submitted"] == "auto-replied"
    assert bot["Message-ID"].endswith("@helpdesk.example.com>")
    assert "Please restart Outlook." in bot.text
    assert person["Auto-Submitted"] == "" and "Anna" in person["From"]
    assert bot["Message-ID"] in person["References"]  # the chain grows with our own mail


async def test_automatic_replies_to_one_address_are_rate_limited(
    settings: Settings, store: Store, sink: MailSink
) -> None:
    async with started(with_email(settings, sink, auto_replies_per_hour=2), store) as conn:
        chat = await _thread_with_one_mail(conn, store)
        await in_one_window(3600, room=60)  # the address's hour: all five in one
        for n in range(5):
            await conn.send(chat, OutboundMessage(text=f"auto {n}"))
        await conn.send(chat, OutboundMessage(text="from a person", author="operator:anna"))
    assert [r.text.strip() for r in sink.to(USER)] == ["auto 0", "auto 1", "from a person"]


async def test_refusals_map_to_blocked_and_retry(
    connector: tuple[EmailConnector, Intake], store: Store, sink: MailSink
) -> None:
    conn, _ = connector
    chat = await _thread_with_one_mail(conn, store)
    sink.refuse[USER] = "451 4.2.0 mailbox busy, try later"
    with pytest.raises(DeliveryError) as later:
        await conn.send(chat, OutboundMessage(text="x", author="operator:anna"))
    assert not later.value.permanent
    sink.refuse[USER] = "550 5.1.1 no such user"
    with pytest.raises(RecipientBlocked):
        await conn.send(chat, OutboundMessage(text="x", author="operator:anna"))


async def test_nothing_is_sent_to_an_address_that_bounced(
    connector: tuple[EmailConnector, Intake], store: Store, sink: MailSink
) -> None:
    conn, _ = connector
    chat = await _thread_with_one_mail(conn, store)
    await store.mail.mark_undeliverable(USER, {"status": "5.1.1"})
    with pytest.raises(RecipientBlocked):
        await conn.send(chat, OutboundMessage(text="x", author="operator:anna"))
    assert sink.to(USER) == []


async def test_an_address_the_smtp_client_refuses_is_a_permanent_failure(
    settings: Settings, sink: MailSink
) -> None:
    """Retrying can never put a control character on the wire: the reply dead-letters at
    once with the reason, and nothing reaches the server."""
    transport = SmtpTransport(with_email(settings, sink).email)
    msg = EmailMessage()
    msg["Subject"] = "HD-000001"
    msg.set_content("Your ticket")
    with pytest.raises(DeliveryError) as refused:
        await transport.send(msg, "iv\x01an@example.com")
    assert refused.value.permanent and "cannot send to" in str(refused.value)
    assert sink.received == []


@pytest.fixture
def gateway_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="gateway")
    logging.getLogger("gateway").addHandler(caplog.handler)  # propagation may be off
    yield caplog  # type: ignore[misc]
    logging.getLogger("gateway").removeHandler(caplog.handler)


def listener_with(settings: Settings, sink: MailSink, **limits: int) -> Settings:
    base = with_email(settings, sink)
    listener = base.email.listener.model_copy(update=limits)
    return base.model_copy(update={"email": base.email.model_copy(update={"listener": listener})})


async def test_one_address_flooding_connections_is_told_421_and_logged(
    settings: Settings, store: Store, sink: MailSink, gateway_log: pytest.LogCaptureFixture
) -> None:
    """The listener had no limit per client address: one address could hold any number
    of connections open (each a task and a 300 s timeout) or open them without end."""
    limited = listener_with(settings, sink, connections_at_once_per_address=2,
                            connections_per_minute_per_address=4)  # fmt: skip
    async with started(limited, store) as conn:
        # the minute's count (of the monotonic clock): every connection in one window
        await in_one_window(60, clock=time.monotonic)
        held = [await asyncio.to_thread(smtplib.SMTP, "127.0.0.1", port_of(conn), timeout=10)
                for _ in range(2)]  # fmt: skip
        with pytest.raises(smtplib.SMTPConnectError) as third:
            await asyncio.to_thread(smtplib.SMTP, "127.0.0.1", port_of(conn), timeout=10)
        assert third.value.smtp_code == 421
        for client in held:
            await asyncio.to_thread(client.quit)
        # Closed ones free their places; the minute's count still holds the rest back.
        await deliver(conn, user_mail(USER, SUPPORT, "VPN", "VPN error 809"))
        await deliver(conn, user_mail(USER, SUPPORT, "VPN", "VPN error 812"))
        with pytest.raises(smtplib.SMTPConnectError) as fifth:
            await deliver(conn, user_mail(USER, SUPPORT, "VPN", "VPN error 813"))
        assert fifth.value.smtp_code == 421
    assert sorted(m.text for m in await stored_inbound(store)) == ["VPN error 809", "VPN error 812"]
    refusals = {id(r): r for r in gateway_log.records  # the same record twice if it propagates
                if r.getMessage() == "smtp client refused: over its limit"}  # fmt: skip
    assert [(r.client, r.limit) for r in refusals.values()] == [  # type: ignore[attr-defined]
        ("127.0.0.1", "connections at once"), ("127.0.0.1", "connections a minute")
    ]


async def test_one_address_flooding_recipients_is_told_451_and_nothing_is_stored(
    settings: Settings, store: Store, sink: MailSink
) -> None:
    limited = listener_with(settings, sink, recipients_per_minute_per_address=3)
    async with started(limited, store) as conn:
        await in_one_window(60, clock=time.monotonic)  # every recipient in one minute
        def many_rcpts() -> tuple[list[int], int]:
            with smtplib.SMTP("127.0.0.1", port_of(conn), timeout=10) as client:
                client.ehlo()
                client.mail(USER)
                codes = [client.rcpt(SUPPORT)[0] for _ in range(3)]
                codes.append(client.rcpt(SUPPORT)[0])
                client.rset()
                client.mail(USER)
                return codes, client.rcpt(SUPPORT)[0]

        codes, next_mail = await asyncio.to_thread(many_rcpts)
    assert codes == [250, 250, 250, 451] and next_mail == 451
    assert await stored_inbound(store) == []


async def test_an_ipv6_client_is_counted_by_its_64() -> None:
    """The limits counted per exact IP: an IPv6 host holds a whole /64 and could send from
    a new address of it for each connection and recipient, never reaching a limit."""
    async def take(raw: bytes, sender: str | None) -> str:
        return "stored"

    limits = ClientLimits(connections_at_once=2, connections_per_minute=0, recipients_per_minute=3,
                          clock=lambda: 30.0)  # one minute's window throughout  # fmt: skip
    handler = SupportMailHandler(take, {SUPPORT}, limits)

    async def rcpt(peer: str) -> str:
        session = Session(asyncio.get_running_loop())
        session.peer = (peer, 25000, 0, 0)
        return await handler.handle_RCPT(None, session, Envelope(), SUPPORT, [])  # type: ignore[arg-type]

    one_host = ["2001:db8:7:1::a", "2001:db8:7:1::b", "2001:db8:7:1:ffff:1:2:3", "2001:db8:7:1::c"]
    assert [(await rcpt(peer))[:3] for peer in one_host] == ["250", "250", "250", "451"]
    assert (await rcpt("2001:db8:7:2::a"))[:3] == "250"  # the next /64: another client
    assert limits.connect("2001:db8:7:1::1") is None
    assert limits.connect("2001:db8:7:1::2") is None
    assert (limits.connect("2001:db8:7:1::3") or "")[:3] == "421"
    limits.release("2001:db8:7:1::2")
    assert limits.connect("2001:db8:7:1::4") is None
    # An IPv4 client seen through a dual-stack socket is that IPv4 address.
    assert limits.connect("::ffff:192.0.2.7") is None
    assert limits.connect("192.0.2.7") is None
    assert (limits.connect("::ffff:192.0.2.7") or "")[:3] == "421"
    assert limits.connect("192.0.2.8") is None
