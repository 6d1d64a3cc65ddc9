"""The gateway with self-service on the test slapd (fixtures `slapd`, `make_person` and
`directory_settings` are in tests/conftest.py: the web tests use them too)."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from directory.slapd import (
    Person,
)
from emulators.mail import MailSink
from emulators.server import eventually
from gateway.config import DirectorySettings, SelfServiceLimits, Settings, SmtpSettings
from gateway.models import InboundMessage
from gateway.runtime import Runtime, open_runtime
from gateway.web.password_page import PasswordPage

_serial = itertools.count(1)


@dataclass
class Gateway:
    """The gateway's runtime with self-service on the test slapd, its reset page served
    on a loopback port, and the SMTP sink that receives codes and notices."""

    rt: Runtime
    sink: MailSink
    base_url: str
    now: list[float]  # the self-service clock: tests move it forward past expiries
    events: list[dict[str, object]] = field(default_factory=list)  # the dialog's events

    async def say(self, chat: str, text: str, channel: str = "webchat") -> list[str]:
        """Send one message as the user; the bot's replies as the user reads them."""
        msg = InboundMessage(
            channel=channel,
            chat_id=chat,
            message_id=f"{chat}:{next(_serial)}",
            text=text,
            user_name="Test",
            language_hint="en",
        )
        outcome = await self.rt.service.handle(msg)
        self.events += [e.to_dict() for e in outcome.events]
        return [r.text for r in outcome.replies]

    async def code_for(self, person: Person) -> str:
        """The one-time code the latest letter to the person's address carries."""
        await self.rt.accounts.drain() if self.rt.accounts else None
        letters = await eventually(lambda: self.sink.to(person.mail), what="a code letter")
        found = re.search(r"\b(\d{6,12})\b", letters[-1].text)
        assert found, letters[-1].text
        return found.group(1)

    async def link(self, chat: str, person: Person) -> None:
        await self.say(chat, "/link")
        await self.say(chat, person.login)
        replies = await self.say(chat, await self.code_for(person))
        assert any("linked" in r or "привязан" in r for r in replies), replies


@pytest.fixture
async def gateway(
    settings: Settings, directory_settings: DirectorySettings
) -> AsyncIterator[Gateway]:
    sink = MailSink()
    await sink.start()
    now = [time.time()]
    configured = settings.model_copy(
        update={
            "directory": directory_settings.model_copy(
                update={"limits": SelfServiceLimits(unlocks_per_day=2, resets_per_day=5)}
            ),
            "email": settings.email.model_copy(
                update={
                    "address": "support@example.org",
                    "smtp": SmtpSettings(host="127.0.0.1", port=sink.port),
                }
            ),
        }
    )
    async with open_runtime(configured) as rt:
        assert rt.accounts is not None
        rt.accounts.clock = lambda: now[0]
        app = web.Application()
        page = PasswordPage(rt.accounts, rt.engine.texts, rt.service.account_news)
        app.router.add_routes(page.routes())
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        try:
            yield Gateway(rt, sink, f"http://127.0.0.1:{port}", now)
        finally:
            await rt.accounts.drain()
            await runner.cleanup()
    await sink.stop()
