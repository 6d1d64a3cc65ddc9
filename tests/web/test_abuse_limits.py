"""Abuse limits: web chat per client address and on new sessions; console sign-in slowed
per address and per login with a growing delay (never a lockout), unknown logins answered
and paid for like known ones; X-Forwarded-For believed only from trusted proxies."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from harness import PASSWORD, Gateway, running_gateway

from emulators.server import in_one_window
from gateway.config import Settings
from gateway.web import operators
from gateway.web.signin_throttle import PER_ADDRESS, PER_LOGIN


@pytest.fixture
async def behind_proxy(web_settings: Settings) -> AsyncIterator[Gateway]:
    """The gateway behind a trusted proxy on 127.0.0.1, with small per-address limits."""
    http = web_settings.http.model_copy(update={"trusted_proxies": ["127.0.0.1/32"]})
    web = web_settings.web.model_copy(
        update={
            "messages_per_minute": 100,
            "messages_per_minute_per_address": 5,
            "new_sessions_per_minute_per_address": 3,
        }
    )
    async with running_gateway(web_settings.model_copy(update={"http": http, "web": web})) as gw:
        yield gw


async def sign_in(gw: Gateway, login: str, password: str, client: str) -> tuple[int, Any, str]:
    """One sign-in from a fresh browser at `client` (as the proxy reports it)."""
    forwarded = {"X-Forwarded-For": f"198.51.100.7, {client}"}  # the proxy appends the client
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        async with http.get(gw.url + "/console/api/session", headers=forwarded) as resp:
            csrf = (await resp.json())["csrf"]
        headers = {"Origin": gw.url, "X-CSRF-Token": csrf, **forwarded}
        body = {"login": login, "password": password}
        async with http.post(gw.url + "/console/api/login", json=body, headers=headers) as resp:
            return resp.status, await resp.json(), resp.headers.get("Retry-After", "")


async def test_sign_in_spraying_is_slowed_per_address_with_the_same_answer_for_any_login(
    behind_proxy: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[bool] = []
    verify = operators.verify_password
    monkeypatch.setattr(
        operators, "verify_password", lambda p, h: hashed.append(True) or verify(p, h)
    )
    answers = []
    for n in range(PER_ADDRESS.free):
        answers.append(await sign_in(behind_proxy, f"made-up-{n}", "guess", "203.0.113.5"))
    answers.append(await sign_in(behind_proxy, "alice", "wrong guess", "203.0.113.5"))
    # Unknown logins and a known one with a wrong password: one answer, one scrypt each.
    assert {(s, b["error"]) for s, b, _ in answers} == {(401, "wrong login or password")}
    assert len(hashed) == len(answers)
    # Now this address waits, whichever login it tries next, even the right password.
    status, body, retry_after = await sign_in(behind_proxy, "root", PASSWORD, "203.0.113.5")
    assert status == 429 and "try again" in body["error"] and int(retry_after) >= 1
    assert len(hashed) == len(answers), "a throttled attempt costs no hash"
    # Another address is not slowed by this one.
    status, body, _ = await sign_in(behind_proxy, "root", PASSWORD, "203.0.113.99")
    assert status == 200 and body["signed_in"] is True


async def test_attacks_on_the_admin_login_delay_it_briefly_never_lock_it_out(
    behind_proxy: Gateway,
) -> None:
    waits = []
    for n in range(PER_LOGIN.free + 8):
        status, _, retry_after = await sign_in(behind_proxy, "root", "guess", f"192.0.2.{n + 1}")
        if status == 429:
            waits.append(int(retry_after))
        else:
            assert status == 401
    # From a new address the admin waits at most the per-login cap, growing from 1 s.
    status, _, retry_after = await sign_in(behind_proxy, "root", PASSWORD, "192.0.2.200")
    assert status == 429 and 1 <= int(retry_after) <= PER_LOGIN.cap
    assert PER_LOGIN.delay(PER_LOGIN.free + 1) == 1.0
    assert PER_LOGIN.delay(1000) == PER_LOGIN.cap < PER_ADDRESS.cap


async def hello(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    await ws.send_json({"type": "hello", "token": None, "lang": "en"})
    while True:
        frame: dict[str, Any] = await ws.receive_json(timeout=10)
        if frame["type"] in ("welcome", "error"):
            return frame


async def test_new_web_chat_sessions_and_messages_are_limited_per_client_address(
    behind_proxy: Gateway,
) -> None:
    url = behind_proxy.ws_url
    await in_one_window(60)  # the sessions and messages counted in one minute's window
    async with aiohttp.ClientSession() as http:
        frames = []
        for _ in range(4):
            headers = {"X-Forwarded-For": "203.0.113.20"}
            async with http.ws_connect(url, headers=headers) as ws:
                frames.append(await hello(ws))
        assert [f["type"] for f in frames] == ["welcome"] * 3 + ["error"]
        assert frames[-1]["code"] == "rate_limited"

        # Messages over two sessions of one address share one budget.
        answers = []
        for client in ("203.0.113.30", "203.0.113.30"):
            headers = {"X-Forwarded-For": client}
            async with http.ws_connect(url, headers=headers) as ws:
                assert (await hello(ws))["type"] == "welcome"
                for _ in range(3):
                    await ws.send_json(
                        {"type": "message", "id": uuid.uuid4().hex, "text": "vpn is down"}
                    )
                    while (frame := await ws.receive_json(timeout=10))["type"] not in (
                        "ack", "error",
                    ):  # fmt: skip
                        pass
                    answers.append(frame.get("code", frame["type"]))
        assert answers == ["ack"] * 5 + ["rate_limited"]


async def test_an_ipv6_client_is_limited_by_its_64_not_its_address(
    behind_proxy: Gateway,
) -> None:
    """Counted per exact IP, an IPv6 host (given a whole /64) took a new address of it for
    each sign-in guess or new chat session and was never slowed."""
    host = [f"2001:db8:5:9::{n + 1:x}" for n in range(PER_ADDRESS.free + 2)]
    for client in host[:-1]:
        assert (await sign_in(behind_proxy, "alice", "guess", client))[0] == 401
    status, _, retry_after = await sign_in(behind_proxy, "root", PASSWORD, host[-1])
    assert status == 429 and int(retry_after) >= 1
    status, body, _ = await sign_in(behind_proxy, "root", PASSWORD, "2001:db8:5:a::1")
    assert status == 200 and body["signed_in"] is True

    await in_one_window(60)  # the new sessions counted in one minute's window
    async with aiohttp.ClientSession() as http:
        frames = []
        for n in range(4):
            headers = {"X-Forwarded-For": f"2001:db8:6:1:{n}::7"}
            async with http.ws_connect(behind_proxy.ws_url, headers=headers) as ws:
                frames.append(await hello(ws))
        assert [f["type"] for f in frames] == ["welcome"] * 3 + ["error"]
        headers = {"X-Forwarded-For": "2001:db8:6:2::7"}
        async with http.ws_connect(behind_proxy.ws_url, headers=headers) as ws:
            assert (await hello(ws))["type"] == "welcome"


async def test_chat_sockets_open_at_once_are_limited_per_client_address(
    web_settings: Settings,
) -> None:
    """A resumed session opens a socket without counting as a new one: one client could
    hold any number of sockets open (each a task, a subscription, memory)."""
    http_cfg = web_settings.http.model_copy(update={"trusted_proxies": ["127.0.0.1/32"]})
    web_cfg = web_settings.web.model_copy(update={"sockets_at_once_per_address": 3})
    limited = web_settings.model_copy(update={"http": http_cfg, "web": web_cfg})
    async with running_gateway(limited) as gw, aiohttp.ClientSession() as http:
        one = {"X-Forwarded-For": "203.0.113.40"}
        held = [await http.ws_connect(gw.ws_url, headers=one) for _ in range(3)]
        for ws in held:
            assert (await hello(ws))["type"] == "welcome"
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(gw.ws_url, headers=one)
        assert refused.value.status == 429
        other = await http.ws_connect(gw.ws_url, headers={"X-Forwarded-For": "203.0.113.41"})
        assert (await hello(other))["type"] == "welcome"
        await held[0].close()
        again: aiohttp.ClientWebSocketResponse | None = None
        for _ in range(50):  # the server sees the close a moment later
            try:
                again = await http.ws_connect(gw.ws_url, headers=one)
                break
            except aiohttp.WSServerHandshakeError:
                await asyncio.sleep(0.1)
        assert again is not None and (await hello(again))["type"] == "welcome"
        for ws in (*held[1:], other, again):
            await ws.close()


async def send_messages(ws: aiohttp.ClientWebSocketResponse, n: int) -> list[str]:
    """Send `n` messages one after another: each one's answer (ack or an error code)."""
    answers = []
    for _ in range(n):
        await ws.send_json({"type": "message", "id": uuid.uuid4().hex, "text": "vpn is down"})
        while (frame := await ws.receive_json(timeout=10))["type"] not in ("ack", "error"):
            pass
        answers.append(frame.get("code", frame["type"]))
    return answers


async def test_one_flooding_visitor_does_not_silence_the_others_at_their_address(
    web_settings: Settings,
) -> None:
    """Every message a flooding visitor sent past their own limit still counted against
    the budget of their client address: colleagues behind the same NAT were refused."""
    http_cfg = web_settings.http.model_copy(update={"trusted_proxies": ["127.0.0.1/32"]})
    web = web_settings.web.model_copy(
        update={"messages_per_minute": 3, "messages_per_minute_per_address": 8}
    )
    settings = web_settings.model_copy(update={"http": http_cfg, "web": web})
    office = {"X-Forwarded-For": "203.0.113.40"}
    async with running_gateway(settings) as gw, aiohttp.ClientSession() as http:
        # the counters' one-minute windows: all of it in one (after start-up, which is slow
        # on a loaded host and counts nothing)
        await in_one_window(60, room=20)
        async with http.ws_connect(gw.ws_url, headers=office) as flooder:
            assert (await hello(flooder))["type"] == "welcome"
            assert await send_messages(flooder, 20) == ["ack"] * 3 + ["rate_limited"] * 17
        async with http.ws_connect(gw.ws_url, headers=office) as colleague:
            assert (await hello(colleague))["type"] == "welcome"
            assert await send_messages(colleague, 4) == ["ack"] * 3 + ["rate_limited"]


async def test_uploads_are_limited_per_client_address_too(web_settings: Settings) -> None:
    """Uploads were limited per session only, and sessions are free to open: one address
    could keep many sessions uploading 10 MB files and fill the store everyone needs."""
    http_cfg = web_settings.http.model_copy(update={"trusted_proxies": ["127.0.0.1/32"]})
    web = web_settings.web.model_copy(
        update={"uploads_per_minute": 2, "uploads_per_minute_per_address": 3}
    )
    settings = web_settings.model_copy(update={"http": http_cfg, "web": web})
    office = {"X-Forwarded-For": "203.0.113.50"}
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    async with running_gateway(settings) as gw, aiohttp.ClientSession() as http:

        async def uploads(n: int) -> list[int]:
            async with http.ws_connect(gw.ws_url, headers=office) as ws:
                token = (await hello(ws))["token"]
            statuses = []
            for _ in range(n):
                headers = {**office, "X-Chat-Token": token, "X-Client-Id": uuid.uuid4().hex,
                           "X-File-Name": "screen.png"}  # fmt: skip
                async with http.post(gw.url + "/webchat/files", data=png, headers=headers) as r:
                    statuses.append(r.status)
            return statuses

        await in_one_window(60, room=20)  # the counters' one-minute windows: all in one
        assert await uploads(4) == [200, 200, 429, 429]  # the session's own limit
        assert await uploads(2) == [200, 429]  # the address's third, then its limit


async def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(web_settings: Settings) -> None:
    web = web_settings.web.model_copy(update={"new_sessions_per_minute_per_address": 2})
    kinds = []
    async with (
        running_gateway(web_settings.model_copy(update={"web": web})) as gw,
        aiohttp.ClientSession() as http,
    ):
        await in_one_window(60)  # the new sessions counted in one minute's window
        for n in range(3):  # a different made-up address each time: still one client
            headers = {"X-Forwarded-For": f"203.0.113.{n + 1}"}
            async with http.ws_connect(gw.ws_url, headers=headers) as ws:
                kinds.append((await hello(ws))["type"])
    assert kinds == ["welcome", "welcome", "error"]
