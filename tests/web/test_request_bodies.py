"""Request bodies that crawl, stall or overflow, against the real gateway (a Telegram
webhook and the web chat's upload): a clear 4xx, logged, nothing stored. Before, a body
that stopped arriving held its connection and handler for as long as the client liked."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator

import pytest
from harness import Gateway, running_gateway
from pydantic import SecretStr

from emulators.harness import with_telegram
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from gateway.app import RUNTIME
from gateway.config import Settings
from gateway.connectors.telegram import SECRET_HEADER, WEBHOOK_PATH

SECRET = "tg-webhook-secret-0123456789"
CONVERSATION = "telegram:4242"
UPDATE = json.dumps(
    {"update_id": 7001, "message": {"message_id": 1, "date": int(time.time()), "text": "printer",
                                    "chat": {"id": 4242, "type": "private"},
                                    "from": {"id": 4242, "is_bot": False, "first_name": "Ann"}}}
).encode()  # fmt: skip


@pytest.fixture
async def gateway(
    web_settings: Settings, telegram_api: TelegramEmulator
) -> AsyncIterator[Gateway]:
    port = free_port()
    settings = with_telegram(
        web_settings, telegram_api, mode="webhook", webhook_secret=SecretStr(SECRET)
    )
    http = settings.http.model_copy(
        update={"public_url": f"http://127.0.0.1:{port}", "body_idle_seconds": 0.5,
                "body_seconds": 3.0}
    )  # fmt: skip
    async with running_gateway(settings.model_copy(update={"http": http}), port) as gw:
        yield gw


async def answer_to(gw: Gateway, head: str, body_parts: AsyncIterator[bytes]) -> bytes:
    """The status line the gateway answers to a request whose body comes as it comes."""
    host, port = gw.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(head.replace("\n", "\r\n").encode() + b"\r\n")

        async def send() -> None:
            async for part in body_parts:
                writer.write(part)
                await writer.drain()

        sending = asyncio.ensure_future(send())
        try:
            line = await asyncio.wait_for(reader.readline(), timeout=60)
        finally:
            sending.cancel()
        return line.strip()
    finally:
        writer.close()


def webhook_head(length: str) -> str:
    return (f"POST {WEBHOOK_PATH} HTTP/1.1\nHost: x\n{SECRET_HEADER}: {SECRET}\n"
            f"Content-Type: application/json\n{length}\n")  # fmt: skip


async def stalled(first: bytes) -> AsyncIterator[bytes]:
    yield first  # then nothing more, the connection left open


async def crawling(chunk: bytes) -> AsyncIterator[bytes]:
    while True:  # a chunk now and then, never the end
        yield f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
        await asyncio.sleep(0.2)


async def flood(total: int) -> AsyncIterator[bytes]:
    chunk = b" " * 65536
    for _ in range(total // len(chunk)):
        yield f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    yield b"0\r\n\r\n"


async def test_a_body_that_stalls_crawls_or_overflows_is_refused_and_logged(
    gateway: Gateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="gateway")
    caplog.set_level(logging.WARNING, logger="aiohttp")
    logging.getLogger("gateway").addHandler(caplog.handler)  # propagation may be off
    try:
        stall = await answer_to(gateway, webhook_head(f"Content-Length: {len(UPDATE)}"),
                                stalled(UPDATE[:20]))  # fmt: skip
        crawl = await answer_to(gateway, webhook_head("Transfer-Encoding: chunked"),
                                crawling(b" "))  # fmt: skip
        upload = await answer_to(
            gateway,
            "POST /webchat/files HTTP/1.1\nHost: x\nX-Chat-Token: t\nX-Client-Id: file-0001\n"
            "Content-Length: 5000\n",
            stalled(b"\x89PNG"),
        )
        huge = await answer_to(gateway, webhook_head("Transfer-Encoding: chunked"),
                               flood(2 * 1024 * 1024))  # fmt: skip
        whole = await answer_to(gateway, webhook_head(f"Content-Length: {len(UPDATE)}"),
                                stalled(UPDATE))  # fmt: skip
    finally:
        logging.getLogger("gateway").removeHandler(caplog.handler)
    assert stall.startswith(b"HTTP/1.1 408") and crawl.startswith(b"HTTP/1.1 408"), (stall, crawl)
    assert upload.startswith((b"HTTP/1.1 408", b"HTTP/1.1 401")), upload
    assert huge.startswith(b"HTTP/1.1 413"), huge
    assert whole.startswith(b"HTTP/1.1 200"), whole  # a body that comes is read as ever
    refused = {id(r): r for r in caplog.records if r.getMessage() == "request refused"}
    logged = [(r.status, r.route) for r in refused.values()]  # type: ignore[attr-defined]
    assert logged.count((408, WEBHOOK_PATH)) == 2 and (413, WEBHOOK_PATH) in logged, logged
    # No traceback in the log for a slow client: refused is all it is.
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], errors
    # Only the whole one was stored: once taken, its conversation holds one message in.
    store = gateway.app[RUNTIME].store

    async def taken() -> bool:
        return await store.inbound.backlog() == 0 and bool(await came_in())

    async def came_in() -> list[str]:
        entries = await store.conversations.transcript(CONVERSATION)
        return [e.get("text") for e in entries if e.get("direction") == "in"]

    await eventually(taken, what="the whole update taken")
    assert await came_in() == ["printer"]


async def test_every_refusal_is_logged_by_its_route_and_a_flood_only_so_far(
    gateway: Gateway, caplog: pytest.LogCaptureFixture
) -> None:
    """Most 4xx answers (a forged webhook secret, a forged file link, a malformed console
    request) were logged nowhere: aiohttp's access log is kept at WARNING. The route is
    logged as registered, never the one-time token in the path."""
    caplog.set_level(logging.INFO, logger="gateway")
    logging.getLogger("gateway").addHandler(caplog.handler)
    link = "/files/public/forged-one-time-token-0123456789"
    try:
        forged = await answer_to(gateway, webhook_head(f"Content-Length: {len(UPDATE)}")
                                 .replace(SECRET, "wrong-secret"), stalled(UPDATE))  # fmt: skip
        page = await answer_to(gateway, f"GET {link} HTTP/1.1\nHost: x\n", stalled(b""))
        for _ in range(30):
            bad = await answer_to(gateway, "POST /console/api/login HTTP/1.1\nHost: x\n"
                                  "Content-Length: 3\n", stalled(b"{{{"))  # fmt: skip
    finally:
        logging.getLogger("gateway").removeHandler(caplog.handler)
    assert forged.startswith(b"HTTP/1.1 401") and bad.startswith(b"HTTP/1.1 400"), (forged, bad)
    refused = {id(r): r for r in caplog.records if r.getMessage() == "request refused"}
    lines = [(r.status, r.route, r.levelname) for r in refused.values()]  # type: ignore[attr-defined]
    assert (401, WEBHOOK_PATH, "WARNING") in lines
    page_status = int(page.split()[1])
    assert 400 <= page_status < 500 and (page_status, "/files/public/{token}") in [
        (s, r) for s, r, _ in lines
    ]
    assert lines.count((400, "/console/api/login", "WARNING")) == 20  # of 30: a flood
    assert "forged-one-time-token" not in "\n".join(f"{r.__dict__}" for r in caplog.records)
