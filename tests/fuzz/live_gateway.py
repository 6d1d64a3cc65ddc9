"""The whole gateway (Telegram webhook, Viber, WhatsApp, Messenger, web chat, console, the
monitoring alert endpoints, the SMTP listener) on loopback, in a thread.

Property tests and `bench/fuzz_endpoints.py` drive it with blocking calls, so Hypothesis
runs plain functions while the real app, the emulators and Redis do the work. Workers
are off while fuzzing, so every accepted message stays in the inbound streams and can
be counted; `drain()` then runs a real worker over all of it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import smtplib
import threading
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
from aiohttp import web
from pydantic import SecretStr

from emulators.harness import (
    META_APP_SECRET,
    TG_SECRET,
    meta_emulator,
    with_meta,
    with_telegram,
    with_viber,
)
from emulators.mail import MailSink
from emulators.server import free_port
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway.app import CONNECTORS, RUNTIME, create_app
from gateway.config import (
    ALERT_SOURCES,
    AlertSource,
    EmailSettings,
    OperatorAccount,
    Settings,
    load_settings,
)
from gateway.connectors import alerts, graph_api
from gateway.connectors.viber_api import SIGNATURE_HEADER, signature
from gateway.store import keys
from gateway.turns import start_workers
from gateway.untrusted import UntrustedInput, parse_json
from gateway.web.auth import hash_password

ROOT = Path(__file__).resolve().parents[2]
SUPPORT = "support@helpdesk.example.com"
PASSWORD = "correct horse battery"
T = TypeVar("T")


@dataclass
class Reply:
    status: int
    text: str


@dataclass
class SmtpReply:
    """The answer to DATA (or to the first command refused before it)."""

    code: int
    text: str


@dataclass
class LogWatch(logging.Handler):
    """Remembers every record at ERROR or above, and every record with a traceback."""

    records: list[logging.LogRecord] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, logging.DEBUG)

    def __hash__(self) -> int:
        return id(self)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.records.append(record)

    def take(self) -> list[str]:
        found = [f"{r.name}: {r.getMessage()}{_exception(r)}" for r in self.records]
        self.records.clear()
        return found


def _exception(record: logging.LogRecord) -> str:
    if record.exc_info and record.exc_info[1] is not None:
        return f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
    return ""


def fuzz_settings(redis_url: str, data_dir: Path) -> Settings:
    env = {
        "REDIS_URL": redis_url,
        "FIRSTLINE_DATA_DIR": str(data_dir),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE__WORKER__SHARDS": "4",
        # The one worker that drains holds its shards for the default 10 s lease: nothing
        # here takes over from it, and a 2 s lease was lost when a loaded host stalled the
        # loop (a takeover is the crash-recovery and two-host tests' subject).
        "FIRSTLINE__WORKER__IN_PROCESS": "false",
        "FIRSTLINE__WEB__MESSAGES_PER_MINUTE": "1000000",
        "FIRSTLINE__WEB__MESSAGES_PER_MINUTE_PER_ADDRESS": "1000000",
        "FIRSTLINE__WEB__NEW_SESSIONS_PER_MINUTE_PER_ADDRESS": "1000000",
        "FIRSTLINE__WEB__SOCKETS_AT_ONCE_PER_ADDRESS": "1000000",
        "FIRSTLINE_SESSION_SECRET": "fuzz-session-secret-0123456789",
    }
    return load_settings(ROOT / "config" / "firstline.yaml", env)


def with_listener(settings: Settings, sink_port: int) -> Settings:
    """E-mail on: our SMTP listener on a free port, replies to a local sink."""
    base = EmailSettings()
    email = base.model_copy(
        update={
            "enabled": True,
            "address": SUPPORT,
            "max_message_bytes": 256 * 1024,
            "smtp": base.smtp.model_copy(update={"host": "127.0.0.1", "port": sink_port}),
            # One relaying MTA (loopback) delivers every fuzzed mail: the per-address
            # connection limits (tested on the real listener in tests/connectors) are off.
            "listener": base.listener.model_copy(
                update={
                    "enabled": True,
                    "port": 0,
                    "connections_per_minute_per_address": 0,
                    "recipients_per_minute_per_address": 0,
                }
            ),
        }
    )
    return settings.model_copy(update={"email": email})


ALERT_TOKEN, ALERT_SECRET = "fuzz-alert-token-0123", "fuzz-alert-hmac-4567"


def with_alerts(settings: Settings) -> Settings:
    """Every monitoring source on, each asking for the bearer token and the signature."""
    source = AlertSource(
        enabled=True, token=SecretStr(ALERT_TOKEN), hmac_secret=SecretStr(ALERT_SECRET)
    )
    alerts = settings.alerts.model_copy(update=dict.fromkeys(ALERT_SOURCES, source))
    return settings.model_copy(update={"alerts": alerts})


class LiveGateway:
    """Start with `with LiveGateway(url, dir) as gw:`; every method blocks until done."""

    def __init__(self, redis_url: str, data_dir: Path) -> None:
        self.redis_url = redis_url
        self.data_dir = data_dir
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.logs = LogWatch()
        self.url = ""
        self.viber_token = ""
        self.ticket_id = ""
        self.csrf = ""
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self._console: aiohttp.ClientSession | None = None
        self._emulators: list[Any] = []

    def __enter__(self) -> LiveGateway:
        self.thread.start()
        logging.getLogger().addHandler(self.logs)
        # the app loads the dictionaries and the matcher first: over a minute on a loaded host
        self.run(self._start(), timeout=300.0)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.run(self._stop())
        finally:
            logging.getLogger().removeHandler(self.logs)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    @property
    def store(self) -> Any:
        assert self._runner is not None
        return self._runner.app[RUNTIME].store

    async def _start(self) -> None:
        telegram, viber = TelegramEmulator(), ViberEmulator("fuzz-viber-token-0123456789")
        meta = meta_emulator()
        await telegram.start()
        await viber.start()
        await meta.start()
        self._emulators = [telegram, viber, meta]
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        settings = fuzz_settings(self.redis_url, self.data_dir)
        settings = with_telegram(
            settings, telegram, mode="webhook", webhook_secret=SecretStr(TG_SECRET)
        )
        settings = with_viber(settings, viber)
        settings = with_meta(settings, meta, "whatsapp", "messenger")
        settings = settings.model_copy(
            update={
                "http": settings.http.model_copy(update={"public_url": self.url}),
                "operators": [
                    OperatorAccount(
                        login="root", password_hash=hash_password(PASSWORD), role="admin"
                    )
                ],
            }
        )
        sink = MailSink()
        await sink.start()
        self._emulators.append(sink)
        settings = with_alerts(with_listener(settings, sink.port))
        self.viber_token = viber.auth_token
        self._runner = web.AppRunner(create_app(settings), shutdown_timeout=5)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self._http = aiohttp.ClientSession()
        self._console = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        deadline = time.monotonic() + 30
        while not viber.webhook_url and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self.ticket_id = await self._seed_ticket()
        await self._sign_in()
        mail = next(c for c in self._runner.app[CONNECTORS] if c.channel == "email")
        self.smtp_port = mail.listener.port  # type: ignore[attr-defined]

    async def _stop(self) -> None:
        for session in (self._http, self._console):
            if session is not None:
                await session.close()
        if self._runner is not None:
            await self._runner.cleanup()
        for emulator in self._emulators:
            await emulator.stop()

    async def _seed_ticket(self) -> str:
        from gateway.models import Priority, SupportGroup, Ticket
        from gateway.store import Transaction

        store = self.store
        now = time.time()
        ticket = Ticket(
            id=await store.tickets.next_id(), conversation_key="telegram:1", channel="telegram",
            chat_id="1", subject="fuzz", group=SupportGroup.HARDWARE, priority=Priority.P3,
            created_at=now, updated_at=now, first_response_due=now + 600,
        )  # fmt: skip
        tx = Transaction()
        tx.save_ticket(ticket)
        await store.commit(tx)
        return ticket.id

    async def _sign_in(self) -> None:
        assert self._console is not None
        async with self._console.get(self.url + "/console/api/session") as resp:
            csrf = (await resp.json())["csrf"]
        headers = {"Origin": self.url, "X-CSRF-Token": csrf}
        body = {"login": "root", "password": PASSWORD}
        async with self._console.post(
            self.url + "/console/api/login", json=body, headers=headers
        ) as resp:
            self.csrf = (await resp.json())["csrf"]

    # Requests

    def post(self, path: str, body: bytes, headers: dict[str, str] | None = None) -> Reply:
        return self.run(self._post(self._http, path, body, headers or {}))

    def console_post(self, path: str, body: bytes) -> Reply:
        headers = {"Origin": self.url, "X-CSRF-Token": self.csrf}
        return self.run(self._post(self._console, path, body, headers))

    async def _post(
        self, http: aiohttp.ClientSession | None, path: str, body: bytes, headers: dict[str, str]
    ) -> Reply:
        assert http is not None
        headers = {"Content-Type": "application/json", **headers}
        async with http.post(self.url + path, data=body, headers=headers) as resp:
            return Reply(resp.status, await resp.text())

    def telegram(self, body: bytes) -> Reply:
        return self.post("/webhooks/telegram", body, {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})

    def viber(self, body: bytes, signed: bool = True) -> Reply:
        sig = signature(self.viber_token, body) if signed else "0" * 64
        return self.post("/webhooks/viber", body, {SIGNATURE_HEADER: sig})

    def meta(self, channel: str, body: bytes, signed: bool = True) -> Reply:
        """A POST to a Meta webhook, signed with the app secret (or forged)."""
        sig = graph_api.signature(META_APP_SECRET, body) if signed else "sha256=" + "0" * 64
        return self.post(f"/webhooks/{channel}", body, {graph_api.SIGNATURE_HEADER: sig})

    def alert(self, source: str, body: bytes, credentials: str = "good") -> Reply:
        """A monitoring system's POST: with its token and signature ("good"), with a
        forged signature ("forged"), a wrong token ("wrong_token") or neither ("none")."""
        headers = {
            "good": {"Authorization": f"Bearer {ALERT_TOKEN}",
                     **alerts.signed_headers(ALERT_SECRET, body)},
            "forged": {"Authorization": f"Bearer {ALERT_TOKEN}",
                       **alerts.signed_headers("not the secret", body)},
            "wrong_token": {"Authorization": "Bearer guessed",
                            **alerts.signed_headers(ALERT_SECRET, body)},
            "none": {},
        }[credentials]  # fmt: skip
        return self.post(f"/alerts/{source}", body, headers)

    def get(self, path: str, console: bool = True) -> Reply:
        return self.run(self._get(self._console if console else self._http, path))

    async def _get(self, http: aiohttp.ClientSession | None, path: str) -> Reply:
        assert http is not None
        async with http.get(self.url + path) as resp:
            return Reply(resp.status, await resp.text())

    def webchat(self, hello: str, frames: list[str]) -> tuple[list[dict[str, Any]], int | None]:
        """Send a hello and frames; the frames answered, and the close code if it closed."""
        return self.run(self._webchat(hello, frames))

    async def _webchat(
        self, hello: str, frames: list[str]
    ) -> tuple[list[dict[str, Any]], int | None]:
        assert self._http is not None
        answers: list[dict[str, Any]] = []
        async with self._http.ws_connect(self.url.replace("http", "ws") + "/webchat/ws") as ws:
            await ws.send_str(hello)
            first = await _next_frame(ws, ("welcome", "error"))
            if first is None:
                return answers, ws.close_code
            answers.append(first)
            if first["type"] != "welcome":
                await ws.receive(timeout=10)  # the close after the error frame
                return answers, ws.close_code
            for frame in frames:
                await ws.send_str(frame)
                if _is_start(frame):
                    continue
                answer = await _next_frame(ws, ("ack", "error"))
                if answer is None:
                    return answers, ws.close_code
                answers.append(answer)
            await ws.close()
        return answers, None

    def console_socket(self, frames: list[str]) -> tuple[list[dict[str, Any]], int | None]:
        """Frames sent on the admin's console socket; what it answered until it had read
        them all (a ping sent last is answered in turn), and the close code if it closed."""
        return self.run(self._console_socket(frames))

    async def _console_socket(self, frames: list[str]) -> tuple[list[dict[str, Any]], int | None]:
        assert self._console is not None
        answers: list[dict[str, Any]] = []
        url = self.url.replace("http", "ws") + "/console/ws"
        async with self._console.ws_connect(
            url, headers={"Origin": self.url}, autoping=False
        ) as ws:
            for frame in frames:
                await ws.send_str(frame)
            await ws.ping(b"read them all")
            pongs = 0
            while True:
                msg = await ws.receive(timeout=20)
                if msg.type == aiohttp.WSMsgType.PONG:
                    pongs += 1
                    if pongs == 2:  # a second round trip: the catch-ups a watch started ran
                        return answers, None
                    await ws.ping(b"and what they started")
                elif msg.type != aiohttp.WSMsgType.TEXT:
                    return answers, ws.close_code
                else:
                    answers.append(json.loads(msg.data))

    def smtp(self, raw: bytes, mail_from: str, rcpt: str = SUPPORT) -> SmtpReply:
        """Send raw bytes through our SMTP listener as another mail server would."""
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=30) as client:
            code, text = client.ehlo("fuzz.example.net")
            if code != 250:
                return SmtpReply(code, text.decode("utf-8", "replace"))
            for command in (f"MAIL FROM:<{mail_from}>", f"RCPT TO:<{rcpt}>"):
                code, text = client.docmd(command)
                if code != 250:
                    return SmtpReply(code, text.decode("utf-8", "replace"))
            code, text = client.data(raw)
            return SmtpReply(code, text.decode("utf-8", "replace"))

    def smtp_serving(self) -> bool:
        """A fresh connection is greeted and answers NOOP."""
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=30) as client:
            return client.noop()[0] == 250

    # What the store holds

    def stored_count(self) -> int:
        """Inbound messages in the streams (workers are off while fuzzing)."""
        return self.run(self._stored_count())

    async def _stored_count(self) -> int:
        redis = self.store.redis
        return sum([int(await redis.xlen(keys.inbound_stream(s))) for s in range(4)])

    def unreadable_count(self) -> int:
        return self.run(self.store.redis.llen(keys.INBOUND_UNREADABLE))

    def notes_count(self) -> int:
        return self.run(self.store.redis.llen(keys.ticket_notes(self.ticket_id)))

    def drain(self, timeout: float = 300.0) -> dict[str, Any]:
        """Run a real worker over everything accepted; what it left behind."""
        return self.run(self._drain(timeout), timeout + 30)

    def dead_letters(self) -> list[str]:
        """The inbound messages the worker gave up on, as stored."""
        found: list[bytes] = self.run(self.store.redis.lrange(keys.INBOUND_DEAD, 0, -1))
        return [raw.decode("utf-8", "replace") for raw in found]

    async def _drain(self, timeout: float) -> dict[str, Any]:
        assert self._runner is not None
        rt = self._runner.app[RUNTIME]
        workers = start_workers(rt, 1)
        tasks = [asyncio.create_task(w.run()) for w in workers]
        deadline = time.monotonic() + timeout
        quiet = 0  # replies can bring new inbound work (a blocked user is marked through it)
        while quiet < 3 and time.monotonic() < deadline:
            busy = await rt.store.inbound.backlog() + sum(
                [await rt.store.outbox.pending(c) for c in ("telegram", "viber", "webchat")]
            )
            quiet = 0 if busy else quiet + 1
            await asyncio.sleep(0.5)
        for w in workers:
            w.stop()
        await asyncio.gather(*tasks)
        redis = rt.store.redis
        duplicates = 0
        async for key in redis.scan_iter(match=keys.transcript("*")):
            ids = [
                entry.get("message_id")
                for entry in map(json.loads, await redis.lrange(key, 0, -1))
                if entry.get("direction") == "in" and entry.get("message_id")
            ]
            duplicates += len(ids) - len(set(ids))
        return {
            "backlog": await rt.store.inbound.backlog(),
            "dead": int(await redis.llen(keys.INBOUND_DEAD)),
            "duplicates": duplicates,
        }


async def _next_frame(
    ws: aiohttp.ClientWebSocketResponse, kinds: tuple[str, ...]
) -> dict[str, Any] | None:
    while True:
        msg = await ws.receive(timeout=20)
        if msg.type != aiohttp.WSMsgType.TEXT:
            return None
        frame: dict[str, Any] = json.loads(msg.data)
        if frame.get("type") in kinds:
            return frame


def _is_start(frame: str) -> bool:
    """A start frame is answered by transcript entries only, not by an ack or an error."""
    try:
        data = parse_json(frame)
    except UntrustedInput:
        return False
    return isinstance(data, dict) and data.get("type") == "start"
