"""Every channel through a failover, on a real Sentinel setup (1 primary, 2 replicas,
3 sentinels) with `wait_replicas: 1`, through the real gateway and the channels'
emulators (Chromium for the web chat widget, dovecot for IMAP, smtplib for SMTP).

The `WAIT` timeout: both replicas frozen (SIGSTOP), so `WAIT 1` times out on every write
we would acknowledge (as right after a promotion, while the replicas resync):
- Telegram, WhatsApp and Viber get 503 with Retry-After, never a 200, and their resend
  after the replicas are back is accepted once;
- a sending mail server gets 451 and its resend is accepted once;
- an IMAP message fetched meanwhile is neither lost nor marked read, and is taken in once;
- the widget's unacknowledged message is resent through the refused reconnects (not
  given up after its three tries) and is stored once after they are back.

The gap: the primary SIGKILLed while every channel sends; each message is in its
conversation once after the promotion, and the channels were told only 503s and 200s.
"""

from __future__ import annotations

import asyncio
import json
import smtplib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

import pytest
from failover_traffic import on_sentinel
from harness import Gateway, open_chat, running_gateway, say
from playwright.async_api import Page, WebSocket, expect
from pydantic import SecretStr
from redis_topologies import SentinelSetup

from emulators.dovecot import PASSWORD, USER, Dovecot
from emulators.harness import FAST_BACKOFF, with_meta, with_telegram, with_viber
from emulators.mail import MailSink, smtp_send, user_mail
from emulators.meta import Delivery, MetaEmulator
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from emulators.viber import Callback, ViberEmulator
from gateway import app as gateway_app
from gateway.config import Settings
from gateway.connectors.mail.connector import EmailConnector
from gateway.runtime import Runtime
from gateway.store import Store
from gateway.store import keys as store_keys

SUPPORT = "support@helpdesk.example.com"
SENDER = "olga@corp.example.com"
TG_SECRET = "hook_secret-17"
TG_CHAT, WA_USER, VIBER_USER = 770017, "380501234517", "VbUsEr17=="
WEB_TEXT = "It is an HP LaserJet"


class WidgetFrames:
    """What the widget sent and which of its messages the server acknowledged, over all
    its sockets (as Chromium saw them)."""

    def __init__(self) -> None:
        self.sent: list[str] = []  # texts of "message" frames, one per send
        self.ids: dict[str, str] = {}  # client id -> text
        self.acked: list[str] = []  # texts whose "ack" came

    def watch(self, ws: WebSocket) -> None:
        ws.on("framesent", self._sent)
        ws.on("framereceived", self._received)

    def _sent(self, payload: str | bytes) -> None:
        frame = json.loads(payload)
        if frame.get("type") == "message":
            self.sent.append(frame["text"])
            self.ids[frame["id"]] = frame["text"]

    def _received(self, payload: str | bytes) -> None:
        frame = json.loads(payload)
        if frame.get("type") == "ack":
            self.acked.append(self.ids.get(frame["id"], ""))


@pytest.fixture(scope="module")
def sentinel_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SentinelSetup]:
    setup = SentinelSetup.start(tmp_path_factory.mktemp("sentinel-channels"))
    yield setup
    setup.stop()


def every_channel(
    settings: Settings, port: int, telegram: TelegramEmulator, viber: ViberEmulator,
    meta: MetaEmulator, sink: MailSink, dovecot: Dovecot,
) -> Settings:  # fmt: skip
    """Telegram (webhook), Viber, WhatsApp, web chat and e-mail (IMAP + SMTP listener)."""
    s = with_telegram(settings, telegram, mode="webhook", webhook_secret=SecretStr(TG_SECRET))
    s = with_meta(with_viber(s, viber), meta, "whatsapp")
    email = s.email.model_copy(
        update={
            "enabled": True,
            "address": SUPPORT,
            "smtp": s.email.smtp.model_copy(update={"host": "127.0.0.1", "port": sink.port}),
            "listener": s.email.listener.model_copy(update={"enabled": True, "port": 0}),
            "imap": s.email.imap.model_copy(
                update={
                    "enabled": True,
                    "host": "127.0.0.1",
                    "port": dovecot.port,
                    "security": "none",
                    "username": USER,
                    "password": SecretStr(PASSWORD),
                }
            ),
        }
    )
    http = s.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})
    incidents = s.incidents.model_copy(update={"enabled": False})
    return s.model_copy(update={"email": email, "http": http, "incidents": incidents})


def email_connector(gw: Gateway) -> EmailConnector:
    return next(c for c in gw.app[gateway_app.CONNECTORS] if isinstance(c, EmailConnector))


async def said(store: Store, pattern: str) -> list[str]:
    """What users said (inbound transcript texts) in the conversations matching `pattern`."""
    out: list[str] = []
    before, after = store_keys.transcript("\0").split("\0")
    async for key in store.redis.scan_iter(match=store_keys.transcript(pattern)):
        conversation = key.decode().removeprefix(before).removesuffix(after)
        out += [e["text"] for e in await store.conversations.transcript(conversation)
                if e["direction"] == "in" and e["text"]]  # fmt: skip
    return out


def mail(subject: str, text: str) -> EmailMessage:
    return user_mail(SENDER, SUPPORT, subject, text)


@dataclass
class Sends:
    """One message sent on every channel, and how each channel's deliveries went."""

    tg: int
    wa: Delivery
    vb: Callback
    imap_mail: EmailMessage
    smtp_mail: EmailMessage
    n: int

    def statuses(self, telegram: TelegramEmulator) -> dict[str, list[int]]:
        return {
            "telegram": [s for u, s in telegram.webhook_posts if u == self.tg],
            "whatsapp": list(self.wa.statuses),
            "viber": list(self.vb.statuses),
        }


@dataclass
class Desk:
    """The gateway with every channel on, a visitor's page, and the channels' emulators."""

    gw: Gateway
    rt: Runtime
    smtp_port: int
    page: Page
    widget: WidgetFrames
    telegram: TelegramEmulator
    meta: MetaEmulator
    viber: ViberEmulator
    dovecot: Dovecot

    async def send_everywhere(self, n: int) -> tuple[Sends, list[int]]:
        """Message `n` from every channel; the SMTP answers until one is not 451."""
        sends = Sends(
            tg=await self.telegram.send_text(TG_CHAT, f"принтер не печатает {n}"),
            wa=self.meta.wa_text(WA_USER, f"не працює принтер {n}"),
            vb=self.viber.send_text(VIBER_USER, f"не працює VPN {n}"),
            imap_mail=mail("Printer", f"the printer on floor {n} jams"),
            smtp_mail=mail("VPN", f"vpn drops every {n} hours"),  # resent as it is
            n=n,
        )
        await asyncio.to_thread(self.dovecot.deliver, sends.imap_mail.as_bytes())
        await self.page.locator(".fl-input").fill(f"{WEB_TEXT} {n}")
        await self.page.locator(".fl-send").click()
        return sends, [await self.smtp_once(sends.smtp_mail)]

    def replies(self) -> dict[str, list[str]]:
        """What each webhook channel's user was sent."""
        return {
            "telegram": self.telegram.texts(TG_CHAT),
            "whatsapp": self.meta.texts("whatsapp", WA_USER),
            "viber": self.viber.texts(VIBER_USER),
        }

    async def smtp_once(self, message: EmailMessage) -> int:
        """One SMTP delivery attempt, as a sending mail server makes it: its reply code."""
        try:
            await asyncio.to_thread(smtp_send, self.smtp_port, message, SENDER, SUPPORT)
        except smtplib.SMTPDataError as exc:
            return exc.smtp_code
        return 250

    async def stored_once(self, sends: Sends, first_web: list[str]) -> None:
        """Every message of `sends` is accepted by its channel and in its conversation once."""
        n = sends.n
        await eventually(lambda: sends.statuses(self.telegram)["telegram"][-1:] == [200],
                         timeout=30, what="telegram's resend accepted")  # fmt: skip
        await eventually(lambda: sends.wa.statuses[-1:] == [200], timeout=30, what="whatsapp")
        await eventually(lambda: sends.vb.statuses[-1:] == [200], timeout=30, what="viber")
        await eventually(lambda: f"{WEB_TEXT} {n}" in self.widget.acked, timeout=30,
                         what="the web resend")  # fmt: skip
        for statuses in sends.statuses(self.telegram).values():
            assert statuses.count(200) == 1 and set(statuses) <= {0, 200, 503}, statuses
        web_texts = [*first_web, f"{WEB_TEXT} {n}"]
        expected = {
            f"telegram:{TG_CHAT}": [f"принтер не печатает {n}"],
            f"whatsapp:{WA_USER}": [f"не працює принтер {n}"],
            f"viber:{VIBER_USER}": [f"не працює VPN {n}"],
            "webchat:*": web_texts,
        }
        for pattern, texts in expected.items():
            await eventually(lambda p=pattern, t=texts: _same(self.rt.store, p, t),
                             timeout=30, what=f"{pattern} processed")  # fmt: skip
        email_texts = await eventually(
            lambda: _all_of(self.rt.store, "email:*", 2), timeout=30, what="both mails"
        )
        assert sorted(t.strip() for t in email_texts) == sorted(
            [f"the printer on floor {n} jams", f"vpn drops every {n} hours"]
        )
        # Marked read once taken in (after the store has it: so a little after it shows).
        await eventually(lambda: asyncio.to_thread(self.dovecot.seen), what="the mail seen")
        # Each chat is answered, and no reply is sent twice.
        try:
            replies = await eventually(lambda: all(self.replies().values()) and self.replies(),
                                       timeout=60, what="the replies")  # fmt: skip
        except AssertionError as exc:
            raise AssertionError(f"{exc}; replies so far: {self.replies()}") from None
        for sent in replies.values():
            assert len(sent) == len(set(sent)), sent
        mine = self.page.locator(".fl-history .fl-msg.fl-in .fl-text")
        await expect(mine).to_have_text(web_texts)


@pytest.fixture
async def desk(
    settings: Settings, telegram_api: TelegramEmulator, viber_api: ViberEmulator,
    meta_api: MetaEmulator, sink: MailSink, dovecot: Dovecot, browser: Any,
    sentinel_setup: SentinelSetup,
) -> AsyncIterator[Desk]:  # fmt: skip
    """The gateway with every channel on the module's Sentinel setup, a visitor's page."""
    telegram, viber, meta, setup = telegram_api, viber_api, meta_api, sentinel_setup
    setup.primary().client().flushall()
    # Viber retries for an hour, Meta for days: the emulators for as long as needed here.
    for api in (viber, meta):
        api.attempts, api.retry_cap = 60, 1.0
    port = free_port()
    config = on_sentinel(every_channel(settings, port, telegram, viber, meta, sink, dovecot), setup)
    async with running_gateway(config, port) as gw:
        email_connector(gw).imap_backoff = FAST_BACKOFF
        await eventually(lambda: telegram.webhook and viber.webhook_url, what="webhooks")
        assert await meta.subscribe("whatsapp", f"{gw.url}/webhooks/whatsapp")
        listener = email_connector(gw).listener
        assert listener is not None
        page = await browser.new_page()
        widget = WidgetFrames()
        page.on("websocket", widget.watch)
        await open_chat(page, gw)
        await say(page, "My printer shows offline")  # acknowledged while replicas confirm
        yield Desk(gw, gw.app[gateway_app.RUNTIME], listener.port, page, widget, telegram,
                   meta, viber, dovecot)  # fmt: skip


async def test_while_no_replica_confirms_every_channel_is_refused_and_its_resend_stored_once(
    desk: Desk, sentinel_setup: SentinelSetup, telegram_api: TelegramEmulator, dovecot: Dovecot
) -> None:
    replicas = [n for n in sentinel_setup.nodes if n.port != sentinel_setup.primary_port()]
    for node in replicas:
        node.pause()
    try:
        sends, smtp = await desk.send_everywhere(1)
        assert smtp == [451]
        # Each channel is refused with a retryable answer.
        await eventually(lambda: 503 in sends.statuses(telegram_api)["telegram"], what="tg")
        await eventually(lambda: 503 in sends.wa.statuses, what="whatsapp 503")
        await eventually(lambda: 503 in sends.vb.statuses, what="viber 503")
        # The widget's message is refused (the socket closed with "try again later")
        # more often than its three tries, and the widget keeps resending it.
        await eventually(lambda: desk.widget.sent.count(f"{WEB_TEXT} 1") >= 4, timeout=60,
                         what="the widget's resends")  # fmt: skip
        # The IMAP message was fetched (its original is kept) but not taken in, and it
        # is not marked read: the fetch state did not move.
        mid = sends.imap_mail["Message-ID"]
        await eventually(lambda: desk.rt.store.mail.original(mid), what="the IMAP fetch")
        assert not await desk.rt.store.mail.known(mid)
        assert await asyncio.to_thread(dovecot.seen) == []
        # No reply went out from a turn no replica holds yet (a failover could take the
        # turn back, and it would be answered again when redone).
        assert desk.replies() == {"telegram": [], "whatsapp": [], "viber": []}
        refused_before = sends.statuses(telegram_api) | {
            "web chat acks": [200 for text in desk.widget.acked if text.endswith(" 1")]
        }
    finally:
        for node in replicas:
            node.resume()
    # Never a 200 for a write no replica had.
    assert all(200 not in statuses for statuses in refused_before.values()), refused_before
    assert await desk.smtp_once(sends.smtp_mail) == 250  # the mail server tries again
    await desk.stored_once(sends, ["My printer shows offline"])


async def test_in_a_failovers_gap_every_channel_waits_and_loses_nothing(
    desk: Desk, sentinel_setup: SentinelSetup, telegram_api: TelegramEmulator
) -> None:
    old = sentinel_setup.primary()
    old.kill()
    sends, smtp = await desk.send_everywhere(2)
    while smtp[-1] != 250:  # a sending mail server retries a 451
        assert smtp[-1] == 451, smtp
        await asyncio.sleep(0.2)
        smtp.append(await desk.smtp_once(sends.smtp_mail))
    await desk.stored_once(sends, ["My printer shows offline"])
    assert sentinel_setup.primary_port() != old.port
    statuses = sends.statuses(telegram_api) | {"smtp": smtp}
    refused = sum(s in (0, 451, 503) for v in statuses.values() for s in v)
    print(f"\nthrough the gap: {statuses}; web chat sends {desk.widget.sent}")
    assert refused > 0  # the gap was met (each channel's first try came right after the kill)


async def _same(store: Store, pattern: str, texts: list[str]) -> bool:
    got = await said(store, pattern)
    assert len(got) <= len(texts), (pattern, got)  # never more: nothing stored twice
    return got == texts


async def _all_of(store: Store, pattern: str, count: int) -> list[str] | None:
    got = await said(store, pattern)
    assert len(got) <= count, (pattern, got)
    return got if len(got) == count else None
