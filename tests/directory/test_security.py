"""Security of self-service: no password left anywhere, and no account enumeration."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
import redis.asyncio as aioredis
from live_news import heard

from directory.conftest import Gateway
from directory.slapd import Person, Slapd
from emulators.server import in_one_window
from gateway.dialogs.accounts import AccountOutcome
from gateway.dialogs.events import AccountAction
from gateway.self_service import Requester

REFUSED_PASSWORD = "Qx7#mz"  # too short for the policy
NEW_PASSWORD = "Vault-Qx7-Moon-2026"


async def _everything_in_redis(url: str) -> list[str]:
    """Every key name and every value, of every type, as text."""
    client = aioredis.Redis.from_url(url)
    seen: list[str] = []
    try:
        async for key in client.scan_iter(count=500):
            seen.append(key.decode(errors="replace"))
            kind = (await client.type(key)).decode()
            values: Any
            if kind == "string":
                values = [await client.get(key)]
            elif kind == "hash":
                values = [b for kv in (await client.hgetall(key)).items() for b in kv]
            elif kind == "list":
                values = await client.lrange(key, 0, -1)
            elif kind == "set":
                values = await client.smembers(key)
            elif kind == "zset":
                values = [m for m, _ in await client.zrange(key, 0, -1, withscores=True)]
            elif kind == "stream":
                values = [b for _, fields in await client.xrange(key) for kv in fields.items()
                          for b in kv]  # fmt: skip
            else:
                values = []
            seen += [v.decode(errors="replace") if isinstance(v, bytes) else str(v)
                     for v in values]  # fmt: skip
    finally:
        await client.aclose()
    return seen


async def test_no_password_in_any_log_transcript_redis_key_or_event(
    gateway: Gateway,
    slapd: Slapd,
    make_person: Callable[[], Person],
    caplog: pytest.LogCaptureFixture,
    redis_url: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    async with heard(gateway.rt.store) as events:
        person = make_person()
        await gateway.link("p1", person)
        replies = await gateway.say("p1", "/reset")
        link = next(r for r in replies if "/account/password/" in r).split("\n")[1]
        async with aiohttp.ClientSession() as http:
            for password in (REFUSED_PASSWORD, NEW_PASSWORD):
                form = {"password": password, "repeat": password}
                async with http.post(gateway.base_url + link, data=form) as resp:
                    page = await resp.text()
                    assert password not in page  # not even echoed back into the form
        assert slapd.can_bind(person.dn, NEW_PASSWORD)
        await gateway.rt.accounts.drain()  # type: ignore[union-attr]

    stored = await _everything_in_redis(redis_url)
    transcript = await gateway.rt.store.conversations.transcript("webchat:p1")
    logged = [r.getMessage() + " " + repr(r.__dict__) for r in caplog.records]
    letters = [m.message.as_string() for m in gateway.sink.received]
    assert transcript and events and stored and logged and letters  # the scan saw something
    assert any("webchat:p1" in str(e) for e in events)  # the live news was heard
    assert any(e.get("action") == "reset" for e in gateway.events)  # and the dialog's
    events += gateway.events
    for password in (REFUSED_PASSWORD, NEW_PASSWORD):
        for where, texts in (("redis", stored), ("transcript", [repr(transcript)]),
                             ("events", [repr(events)]), ("logs", logged),
                             ("mail", letters)):  # fmt: skip
            leaks = [t for t in texts if password in t]
            assert not leaks, f"password found in {where}: {leaks[:1]}"


async def test_a_thousand_made_up_logins_answer_alike_and_are_throttled(
    gateway: Gateway, make_person: Callable[[], Person]
) -> None:
    accounts = gateway.rt.accounts
    assert accounts is not None
    real = make_person()
    logins = [f"guess{n:04d}" for n in range(1000)]
    logins[3], logins[500] = real.login, real.login.upper()
    await in_one_window(3600, room=120)  # the limits' hour: a thousand tries take a while
    # One client address, a new identity for each try: the per-address limit holds.
    outcomes = [
        (await accounts.carry_out(
            Requester("webchat", f"enum{n}", "en", "203.0.113.9"),
            AccountAction("request_code", login=login),
        )).outcome
        for n, login in enumerate(logins)
    ]  # fmt: skip
    limit = gateway.rt.settings.directory.limits.codes_per_hour_per_address
    assert outcomes[:limit] == [AccountOutcome.CODE_SENT] * limit
    assert outcomes[limit:] == [AccountOutcome.THROTTLED] * (1000 - limit)
    # One identity, many logins: the per-identity limit holds, whatever the login.
    mine = [
        (await accounts.carry_out(
            Requester("telegram", "4242", "en"), AccountAction("request_code", login=login)
        )).outcome
        for login in [real.login, *logins[900:930]]
    ]  # fmt: skip
    per_identity = gateway.rt.settings.directory.limits.codes_per_hour_per_identity
    assert mine == [AccountOutcome.CODE_SENT] * per_identity + [AccountOutcome.THROTTLED] * (
        len(mine) - per_identity
    )
    # In the chat, a real and a made-up login read the same, word for word.
    await gateway.say("e1", "/link")
    await gateway.say("e2", "/link")
    assert await gateway.say("e1", real.login) == await gateway.say("e2", "guess-9999")
