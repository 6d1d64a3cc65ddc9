"""Every channel while the store cannot make a write durable, on a real Sentinel setup
(1 primary, 2 replicas, 3 sentinels) with `wait_replicas: 1`.

Both replicas are frozen (SIGSTOP), so `WAIT 1` times out on every write we would
acknowledge: the same refusal a channel meets in a failover's gap and right after a
promotion, while the replicas resync. Through the real gateway and the channels'
emulators (Chromium for the web chat widget, dovecot for IMAP, smtplib for SMTP):
- Telegram, WhatsApp and Viber get 503 with Retry-After, never a 200, and their resend
  after the replicas are back is accepted once;
- a sending mail server gets 451 and its resend is accepted once;
- an IMAP message fetched meanwhile is neither lost nor marked read, and is taken in once;
- the widget's unacknowledged message stays "sending…" through the refused reconnects
  (not given up after its three tries) and is stored once after they are back.
"""

from __future__ import annotations

import asyncio
import json
import smtplib
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from failover_traffic import on_sentinel
from harness import Gateway, open_chat, running_gateway, say
from playwright.async_api import WebSocket, expect
from pydantic import SecretStr
from redis_topologies import SentinelSetup

from emulators.dovecot import PASSWORD, USER, Dovecot
from emulators.harness import FAST_BACKOFF, with_meta, with_telegram, with_viber
from emulators.mail import MailSink, smtp_send, user_mail
from emulators.meta import MetaEmulator
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
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


async def test_while_no_replica_confirms_every_channel_is_refused_and_its_resend_stored_once(
    settings: Settings, telegram_api: TelegramEmulator, viber_api: ViberEmulator,
    meta_api: MetaEmulator, sink: MailSink, dovecot: Dovecot, browser: Any,
    sentinel_setup: SentinelSetup, tmp_path: Path,
) -> None:  # fmt: skip
    sentinel_setup.primary().client().flushall()
    # Viber retries for an hour, Meta for days: the emulators for as long as needed here.
    for api in (viber_api, meta_api):
        api.attempts, api.retry_cap = 60, 1.0
    port = free_port()
    config = every_channel(settings, port, telegram_api, viber_api, meta_api, sink, dovecot)
    config = on_sentinel(config, sentinel_setup)
    async with running_gateway(config, port) as gw:
        email_connector(gw).imap_backoff = FAST_BACKOFF
        rt: Runtime = gw.app[gateway_app.RUNTIME]
        await eventually(lambda: telegram_api.webhook and viber_api.webhook_url,
                         what="webhooks registered")  # fmt: skip
        assert await meta_api.subscribe("whatsapp", f"{gw.url}/webhooks/whatsapp")
        listener = email_connector(gw).listener
        assert listener is not None
        page = await browser.new_page()
        widget = WidgetFrames()
        page.on("websocket", widget.watch)
        await open_chat(page, gw)
        await say(page, "My printer shows offline")  # acknowledged while replicas confirm

        replicas = [n for n in sentinel_setup.nodes if n.port != sentinel_setup.primary_port()]
        for node in replicas:
            node.pause()
        try:
            tg = await telegram_api.send_text(TG_CHAT, "принтер не печатает")
            wa = meta_api.wa_text(WA_USER, "не працює принтер")
            vb = viber_api.send_text(VIBER_USER, "не працює VPN")
            imap_mail = mail("Printer", "the printer on floor 3 jams")
            smtp_mail = mail("VPN", "vpn drops every hour")  # resent as it is, same Message-ID
            await asyncio.to_thread(dovecot.deliver, imap_mail.as_bytes())
            with pytest.raises(smtplib.SMTPDataError) as deferred:
                await asyncio.to_thread(
                    smtp_send, listener.port, smtp_mail, SENDER,
                    SUPPORT,
                )  # fmt: skip
            assert deferred.value.smtp_code == 451
            await page.locator(".fl-input").fill(WEB_TEXT)
            await page.locator(".fl-send").click()

            # Each channel is refused with a retryable answer.
            await eventually(lambda: (tg, 503) in telegram_api.webhook_posts, what="tg 503")
            await eventually(lambda: 503 in wa.statuses, what="whatsapp 503")
            await eventually(lambda: 503 in vb.statuses, what="viber 503")
            # The widget's message is refused (the socket closed with "try again later")
            # more often than its three tries, and the widget keeps resending it.
            await eventually(lambda: widget.sent.count(WEB_TEXT) >= 4, timeout=60,
                             what="the widget's resends")  # fmt: skip
            # The IMAP message was fetched (its original is kept) but not taken in, and it
            # is not marked read: the fetch state did not move.
            mid = imap_mail["Message-ID"]
            await eventually(lambda: rt.store.mail.original(mid), what="the IMAP fetch")
            assert not await rt.store.mail.known(mid)
            assert await asyncio.to_thread(dovecot.seen) == []
            refused_before = {
                "telegram": [s for u, s in telegram_api.webhook_posts if u == tg],
                "whatsapp": list(wa.statuses), "viber": list(vb.statuses),
                "web chat acks": [200 for text in widget.acked if text == WEB_TEXT],
            }  # fmt: skip
        finally:
            for node in replicas:
                node.resume()
        # Never a 200 for a write no replica had.
        assert all(200 not in statuses for statuses in refused_before.values()), refused_before

        # The sending mail server tries again, with the same message.
        await asyncio.to_thread(smtp_send, listener.port, smtp_mail, SENDER, SUPPORT)
        # Every channel's resend is accepted, and each message is in its conversation once.
        await eventually(lambda: [s for u, s in telegram_api.webhook_posts if u == tg][-1] == 200,
                         timeout=30, what="telegram's resend accepted")  # fmt: skip
        await eventually(lambda: wa.statuses[-1] == 200, timeout=30, what="whatsapp resend")
        await eventually(lambda: vb.statuses[-1] == 200, timeout=30, what="viber resend")
        await eventually(lambda: WEB_TEXT in widget.acked, timeout=30, what="the web resend")
        expected = {
            f"telegram:{TG_CHAT}": ["принтер не печатает"],
            f"whatsapp:{WA_USER}": ["не працює принтер"],
            f"viber:{VIBER_USER}": ["не працює VPN"],
            "webchat:*": ["My printer shows offline", WEB_TEXT],
        }
        for pattern, texts in expected.items():
            await eventually(lambda p=pattern, t=texts: _same(rt.store, p, t),
                             timeout=30, what=f"{pattern} processed")  # fmt: skip
        email_texts = await eventually(
            lambda: _all_of(rt.store, "email:*", 2), timeout=30, what="both mails processed"
        )
        assert sorted(t.strip() for t in email_texts) == [
            "the printer on floor 3 jams", "vpn drops every hour"
        ]  # fmt: skip
        assert await asyncio.to_thread(dovecot.seen) != []
        mine = page.locator(".fl-history .fl-msg.fl-in .fl-text")
        await expect(mine).to_have_text(["My printer shows offline", WEB_TEXT])


async def _same(store: Store, pattern: str, texts: list[str]) -> bool:
    got = await said(store, pattern)
    assert len(got) <= len(texts), (pattern, got)  # never more: nothing stored twice
    return got == texts


async def _all_of(store: Store, pattern: str, count: int) -> list[str] | None:
    got = await said(store, pattern)
    assert len(got) <= count, (pattern, got)
    return got if len(got) == count else None
