"""A message of about 1 MB in each channel: refused with its reason, or taken in whole and
answered at the cost of a short one.

The whole gateway on loopback (tests/fuzz/live_gateway.py: the Telegram webhook, Viber,
WhatsApp, Messenger, the web chat and the SMTP listener, with the emulators and a real
redis-server) and one real worker running beside it. Each message comes from a sender of
its own: a problem ("Принтер не печатает, пишет offline") with a pasted log under it,
short (no log), about 1 MB, and past each channel's limit. Per channel and size it
prints the answer (HTTP status, SMTP code, the web chat's frame or close code), how many
characters of the text the conversation's transcript keeps against those sent, and the
time from sending to the bot's reply (median of the rounds), with its ratio to the short
message's in the same run: the part of it that grows with the message is the intake's
(parse, store), the dialog reads the first 4,000 characters (gateway/dialogs/extract).

The SMTP listener runs with the product's default limit (25 MiB), not the fuzz run's.

    python bench/bench_large_messages.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "fuzz")]

import live_gateway  # noqa: E402
from bench_long_mail import log_lines  # noqa: E402
from live_gateway import SUPPORT, LiveGateway  # noqa: E402

from gateway.app import RUNTIME  # noqa: E402
from gateway.config import EmailSettings, Settings  # noqa: E402
from gateway.store import keys  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402
from gateway.turns import start_workers  # noqa: E402

PROBLEM = "Принтер не печатает, пишет offline. Лог ниже."
MB = 1_000_000
MIB = 1024 * 1024
REPLY_TIMEOUT = 120.0
_serial = itertools.count(1000)


@dataclass
class Sent:
    """One message as the gateway answered it."""

    answer: str  # "HTTP 200", "SMTP 250", "ack", "error too_long", "closed 1009"
    sent_chars: int
    body_bytes: int
    kept_chars: int | None = None  # in the transcript; None when nothing was stored
    seconds: float | None = None  # from sending to the bot's reply
    accept_seconds: float = 0.0  # from sending to the channel's answer (stored durably)


@dataclass
class Row:
    channel: str
    size: str
    runs: list[Sent] = field(default_factory=list)


def text_of(size: int) -> str:
    """The problem, and under it a log making the text about `size` characters."""
    if size <= len(PROBLEM):
        return PROBLEM
    log = log_lines(size // 1024 + 1, next(_serial))[: size - len(PROBLEM) - 1]
    return f"{PROBLEM}\n{log}"


# Each channel: a body for a text from a new sender, and how to post it.


def telegram(gw: LiveGateway, text: str) -> tuple[str, int]:
    n = next(_serial)
    user = {"id": n, "is_bot": False, "first_name": "Ann", "language_code": "ru"}
    update = {"update_id": n, "message": {"message_id": 1, "date": int(time.time()),
                                          "chat": {"id": n, "type": "private"}, "from": user,
                                          "text": text}}  # fmt: skip
    body = json.dumps(update, ensure_ascii=False).encode()
    return f"HTTP {gw.telegram(body).status}", len(body)


def viber(gw: LiveGateway, text: str) -> tuple[str, int]:
    n = next(_serial)
    sender = {"id": f"{n:012d}A=", "name": "Ann", "language": "ru", "country": "UA"}
    callback = {"event": "message", "timestamp": int(time.time() * 1000), "message_token": n,
                "sender": sender, "message": {"type": "text", "text": text}}  # fmt: skip
    body = json.dumps(callback, ensure_ascii=False).encode()
    return f"HTTP {gw.viber(body).status}", len(body)


def whatsapp(gw: LiveGateway, text: str) -> tuple[str, int]:
    n = next(_serial)
    wa_id = f"380{n:09d}"
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550984277", "phone_number_id": "114896151713920"},
        "contacts": [{"profile": {"name": "Ann"}, "wa_id": wa_id}],
        "messages": [{"from": wa_id, "id": f"wamid.{n}", "timestamp": str(int(time.time())),
                      "type": "text", "text": {"body": text}}],
    }  # fmt: skip
    change = {"field": "messages", "value": value}
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1022", "changes": [change]}],
    }
    body = json.dumps(payload).encode()  # ASCII-escaped, as Meta sends it
    return f"HTTP {gw.meta('whatsapp', body).status}", len(body)


def messenger(gw: LiveGateway, text: str) -> tuple[str, int]:
    n = next(_serial)
    now = int(time.time() * 1000)
    event = {"sender": {"id": str(n)}, "recipient": {"id": "1040"}, "timestamp": now,
             "message": {"mid": f"m_{n}", "text": text}}  # fmt: skip
    payload = {"object": "page", "entry": [{"id": "1040", "time": now, "messaging": [event]}]}
    body = json.dumps(payload).encode()
    return f"HTTP {gw.meta('messenger', body).status}", len(body)


def mail(gw: LiveGateway, text: str) -> tuple[str, int]:
    n = next(_serial)
    msg = EmailMessage()
    msg["From"], msg["To"] = f"user{n}@corp.example.com", SUPPORT
    msg["Subject"], msg["Date"] = "Принтер", formatdate()
    msg["Message-ID"] = make_msgid(domain="corp.example.com")
    msg.set_content(text)
    raw = msg.as_bytes(policy=SMTP)  # CRLF line ends, as a mail server sends
    reply = gw.smtp(raw, f"user{n}@corp.example.com")
    return f"SMTP {reply.code}", len(raw)


def webchat(gw: LiveGateway, text: str) -> tuple[str, int]:
    hello = json.dumps({"type": "hello", "token": None, "have": 0, "lang": "ru", "name": "Ann"})
    frame = json.dumps({"type": "message", "id": f"{next(_serial):016x}", "text": text,
                        "payload": ""}, ensure_ascii=False)  # fmt: skip
    answers, closed = gw.webchat(hello, [frame])
    if closed is not None:
        return f"closed {closed}", len(frame.encode())
    last = answers[-1]
    shown = "ack" if last.get("type") == "ack" else f"error {last.get('code', last)}"
    return shown, len(frame.encode())


CHANNELS: dict[str, Callable[[LiveGateway, str], tuple[str, int]]] = {
    "telegram": telegram,
    "viber": viber,
    "whatsapp": whatsapp,
    "messenger": messenger,
    "email": mail,
    "webchat": webchat,
}
# The sizes sent to every channel (characters of text), and the one past each limit: the
# app's 1 MiB body, Meta's 3 MiB batch, the listener's 25 MiB, the web chat's 4,000.
SIZES = {"short": 0, "1 MB": MB - 4096}
PAST = {"telegram": 2 * MB, "viber": 2 * MB, "whatsapp": 4 * MB, "messenger": 4 * MB,
        "email": 26 * MIB, "webchat": 4001}  # fmt: skip


async def _conversations(gw: LiveGateway) -> set[str]:
    return {key async for key in gw.store.redis.scan_iter(match=keys.transcript("*"))}


async def _answered(gw: LiveGateway, known: set[str], timeout: float) -> tuple[int, float] | None:
    """The new conversation's inbound text length, once the bot has replied in it (the
    channel may note after the reply that it could not deliver it: the emulators know no
    such user). The user's message, first and maybe 1 MB, is read once, at the end: the
    bench shares the gateway's process."""
    redis = gw.store.redis
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        for key in await _conversations(gw) - known:
            later = [json.loads(e) for e in await redis.lrange(key, 1, -1)]
            if any(e.get("direction") == "out" for e in later):
                at = time.monotonic()
                first = json.loads((await redis.lrange(key, 0, 0))[0])
                return len(first.get("text", "")) if first.get("direction") == "in" else 0, at
        await asyncio.sleep(0.01)
    return None


def send(gw: LiveGateway, channel: str, size: int) -> Sent:
    known = gw.run(_conversations(gw))
    text = text_of(size)
    started = time.monotonic()
    answer, body = CHANNELS[channel](gw, text)
    accepted_at = time.monotonic()
    accepted = answer in ("HTTP 200", "SMTP 250", "ack")
    done = gw.run(_answered(gw, known, REPLY_TIMEOUT if accepted else 3.0), REPLY_TIMEOUT + 30)
    sent = Sent(answer, len(text), body, accept_seconds=accepted_at - started)
    if done is not None:
        sent.kept_chars, sent.seconds = done[0], done[1] - started
    return sent


def with_default_mail_limit(make: Callable[..., Settings]) -> Callable[..., Settings]:
    """The fuzz gateway's listener, with the product's default size limit."""

    def made(*args: Any, **kw: Any) -> Settings:
        s = make(*args, **kw)
        limit = EmailSettings().max_message_bytes
        return s.model_copy(
            update={"email": s.email.model_copy(update={"max_message_bytes": limit})}
        )

    return made


LINE = "{:<10} {:<7} {:>10}  {:<18} {:>21}  {:>9}  {:>10}"


def report(rows: list[Row]) -> None:
    short = {r.channel: _median(r) for r in rows if r.size == "short"}
    head = ("channel", "size", "body bytes", "answer", "kept / sent chars", "accepted", "to reply")
    print(LINE.format(*head), " vs short")
    for row in rows:
        first = row.runs[0]
        kept = (
            "nothing stored"
            if first.kept_chars is None
            else f"{first.kept_chars} / {first.sent_chars}"
        )
        median = _median(row)
        took = f"{median * 1000:.0f} ms" if median is not None else "-"
        base = short.get(row.channel)
        ratio = f"{median / base:6.1f}x" if median is not None and base else "     -"
        answers = ",".join(sorted({s.answer for s in row.runs}))
        accept = f"{statistics.median(s.accept_seconds for s in row.runs) * 1000:.0f} ms"
        shown = (row.channel, row.size, first.body_bytes, answers, kept, accept, took)
        print(LINE.format(*shown), ratio)


def _median(row: Row) -> float | None:
    times = [s.seconds for s in row.runs if s.seconds is not None]
    return statistics.median(times) if times else None


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="messages of each size per channel")
    parser.add_argument("--only", default=",".join(CHANNELS), help="channels, comma-separated")
    args = parser.parse_args()
    live_gateway.with_listener = with_default_mail_limit(live_gateway.with_listener)
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-large-"))
    rows: list[Row] = []
    try:
        with (
            EmbeddedRedis(workdir / "redis", appendonly=False) as url,
            LiveGateway(url, workdir / "data") as gw,
        ):
            rt = gw._runner.app[RUNTIME] if gw._runner else None
            workers = gw.run(_start_workers(rt))
            try:
                send(gw, "telegram", 0)  # warm-up: the worker's first turn loads what it reads
                for channel in args.only.split(","):
                    sizes = {**SIZES, "past": PAST[channel]}
                    for name, size in sizes.items():
                        row = Row(channel, name)
                        for _ in range(args.rounds if name != "past" else 1):
                            row.runs.append(send(gw, channel, size))
                        rows.append(row)
                        print(f"  {channel} {name}: {row.runs[-1]}", file=sys.stderr)
            finally:
                gw.run(_stop_workers(workers))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report(rows)


async def _start_workers(rt: Any) -> list[tuple[Any, asyncio.Task[None]]]:
    return [(w, asyncio.ensure_future(w.run())) for w in start_workers(rt, 1)]


async def _stop_workers(workers: list[tuple[Any, asyncio.Task[None]]]) -> None:
    for worker, _ in workers:
        worker.stop()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(asyncio.gather(*(t for _, t in workers)), 30)


if __name__ == "__main__":
    main()
