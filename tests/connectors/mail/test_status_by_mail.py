""" "Where is my ticket?" by e-mail, asked in a new mail, through the real gateway.

Each new mail is a thread of its own. Outside pass (session 22): Ivan, with HD-000001
open, wrote a new mail "Какой статус моей заявки?" and was told he had no open requests;
"Де моя заявка HD-000001?" got "not among yours". His address's threads are his; a
thread whose answers go elsewhere (Reply-To) speaks for nobody else.
"""

from __future__ import annotations

import asyncio

from emulators.mail import MailSink, Received
from gateway.config import Settings
from gateway.identities import ChannelIdentityOnly
from gateway.mail_identities import MAX_THREADS, SameSenderThreads
from gateway.store import Store

from .conftest import SUPPORT, started, with_email
from .test_intake import MX
from .test_mail_dialog import IVAN, TEXTS, MailGateway, gw, mails_to, user_mail

__all__ = ["gw"]  # the fixture used below
STRANGER = "mallory@elsewhere.example.net"


async def _answer(gw: MailGateway, sink: MailSink, to: str, subject: str, body: str,
                  **extra: str) -> Received:  # fmt: skip
    before = len(sink.to(to))
    headers = {"Reply-To": extra["reply_to"]} if "reply_to" in extra else None
    await gw.send(user_mail(extra.get("sender", to), SUPPORT, subject, body, headers=headers),
                  extra.get("sender", to))  # fmt: skip
    return (await asyncio.wait_for(mails_to(sink, to, before + 1), 30))[-1]


async def test_a_status_question_in_a_new_mail_finds_the_senders_tickets(
    gw: MailGateway, sink: MailSink
) -> None:
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline."), IVAN)
    await mails_to(sink, IVAN, 1)
    assert (await gw.ticket()).status.is_active
    for subject, body, lang in (
        ("Статус заявки", "Какой статус моей заявки?", "ru"),
        ("Де моя заявка", "Де моя заявка HD-000001? Вже два дні чекаю.", "uk"),
        ("Update?", "Any update on HD-000001?", "en"),
    ):
        answer = await _answer(gw, sink, IVAN, subject, body)
        assert "HD-000001" in answer.text, (body, answer.text)
        assert TEXTS.get(lang, "status_none") not in answer.text
        assert TEXTS.get(lang, "btn_status_comment") in answer.text
    assert await gw.rt.store.tickets.get("HD-000002") is None  # asked, not a new request


async def test_nobody_else_learns_of_the_tickets_by_mail(gw: MailGateway, sink: MailSink) -> None:
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline."), IVAN)
    await mails_to(sink, IVAN, 1)
    other = await _answer(gw, sink, STRANGER, "Статус", "Какой статус заявки HD-000001?")
    assert "Не печатает принтер" not in other.text
    # Ivan's address as From, the answers to Mallory: her thread is hers alone.
    forged = await _answer(gw, sink, STRANGER, "Статус", "Какой статус моей заявки?",
                           sender=IVAN, reply_to=STRANGER)  # fmt: skip
    assert "HD-000001" not in forged.text and "Не печатает принтер" not in forged.text
    assert TEXTS.get("ru", "status_none") in forged.text


async def test_a_thread_our_mta_found_forged_speaks_for_no_other(
    settings: Settings, store: Store, sink: MailSink
) -> None:
    known = SameSenderThreads(store, ChannelIdentityOnly())
    trusting = with_email(settings, sink, trusted_authserv_ids=[MX])
    async with started(trusting, store) as conn:
        for subject in ("Не печатает принтер", "VPN", "Статус"):
            await conn.take(user_mail(IVAN, SUPPORT, subject, "текст").as_bytes())
        forged = user_mail(IVAN, SUPPORT, "Статус", "Какой статус моей заявки?").as_bytes()
        domain = IVAN.split("@")[1]
        verdict = f"{MX}; spf=fail smtp.mailfrom={domain}; dmarc=fail header.from={domain}"
        await conn.take(f"Authentication-Results: {verdict}\r\n".encode() + forged)
    chats = await store.mail.threads_from(IVAN)
    assert len(chats) == 4
    flags = {c: (await store.mail.thread(c)).unverified for c in chats}  # type: ignore[union-attr]
    (bad,) = [c for c, unverified in flags.items() if unverified]
    genuine = {f"email:{c}" for c in chats if c != bad}
    assert await known.known_as(f"email:{bad}") == {f"email:{bad}"}
    for key in genuine:
        assert await known.known_as(key) == genuine


async def test_threads_from_before_the_sender_index_are_found_after_an_upgrade(
    gw: MailGateway, sink: MailSink
) -> None:
    """A desk upgraded from before the sender index: Ivan's thread with HD-000001 was in no
    index, and "where is my ticket?" in a new mail said he had no requests."""
    await gw.send(user_mail(IVAN, SUPPORT, "Не печатает принтер", "Принтер пишет offline."), IVAN)
    await mails_to(sink, IVAN, 1)
    redis = gw.rt.store.redis
    for pattern in ("fl:mail:from:*", "fl:mail:threads:*", "fl:mail:threads-indexed"):
        for key in [k async for k in redis.scan_iter(match=pattern)]:
            await redis.delete(key)  # as the store was before the index
    await gw.rt.store.prepare()  # what every process does at start
    for body, lang in (("Какой статус моей заявки?", "ru"), ("Where is my ticket?", "en")):
        answer = await _answer(gw, sink, IVAN, "Статус", body)
        assert "HD-000001" in answer.text, answer.text
        assert TEXTS.get(lang, "status_none") not in answer.text


async def test_of_many_threads_the_latest_are_looked_through(
    settings: Settings, store: Store, sink: MailSink
) -> None:
    known = SameSenderThreads(store, ChannelIdentityOnly())
    async with started(with_email(settings, sink), store) as conn:
        for n in range(MAX_THREADS + 5):
            await conn.take(user_mail(IVAN, SUPPORT, f"Заявка {n}", f"текст {n}").as_bytes())
    by_subject = {}
    for chat_id in await store.mail.threads_from(IVAN):
        thread = await store.mail.thread(chat_id)
        assert thread is not None
        by_subject[int(thread.subject.split()[1])] = f"email:{chat_id}"
    assert sorted(by_subject) == list(range(MAX_THREADS + 5))
    latest = by_subject[MAX_THREADS + 4]
    # the 200 latest, not 200 in the order of their chat ids' digests
    assert await known.known_as(latest) == {by_subject[n] for n in range(5, MAX_THREADS + 5)}
