"""A CRM outage reported by 12 users on web chat and Telegram (emulated) in ru/uk/en:
one incident, linked children, the 13th told at once, unrelated users untouched, and one
resolution message for each of the 13 on their own channel.

Everything runs through the real gateway and a real redis-server; users' screens are the
web-chat socket and the Telegram emulator.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from harness import Gateway, Visitor, running_gateway

from emulators.harness import with_telegram
from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from gateway.app import RUNTIME
from gateway.config import IncidentSettings, Settings
from gateway.models import Priority, TicketStatus
from gateway.operations import ActionRefused, Actor
from gateway.runtime import Runtime
from gateway.texts import Texts

TEXTS = Texts.load()
ANNA = Actor("anna", "Anna")


def said(lang: str, key: str) -> str:
    """The fixed start of a text (before its first placeholder)."""
    return TEXTS.get(lang, key, title="\0", message="\0").split("\0")[0]


@dataclass
class Reporter:
    """A user on one channel: what they send and what their screen shows."""

    key: str
    lang: str
    say: Callable[[str], Awaitable[Any]]
    press: Callable[[str], Awaitable[Any]]
    shown: Callable[[], list[str]]
    buttons: Callable[[], list[str]] = lambda: []
    frames: list[str] = field(default_factory=list)

    def count(self, text: str) -> int:
        return sum(1 for t in self.shown() if text in t)

    async def sees(self, text: str, times: int = 1) -> None:
        await eventually(lambda: self.count(text) >= times, what=f"{self.key} to see {text!r}")


def telegram_reporter(api: TelegramEmulator, chat: int, lang: str) -> Reporter:
    async def say(text: str) -> Any:
        return await api.send_text(chat, text)

    async def press(label: str) -> Any:
        return await api.press(chat, label)

    def buttons() -> list[str]:
        last = api.last(chat)
        return last.buttons if last else []

    return Reporter(f"telegram:{chat}", lang, say, press, lambda: api.texts(chat), buttons)


async def web_reporter(
    http: aiohttp.ClientSession, gw: Gateway, lang: str, tasks: set[asyncio.Task[None]]
) -> Reporter:
    visitor = Visitor(await http.ws_connect(gw.ws_url, origin=gw.url))
    welcome = await visitor.hello(lang=lang)
    frames: list[str] = []

    async def read() -> None:
        while True:
            frame = await visitor.entry(timeout=3600)
            entry = frame["entry"]
            if entry.get("direction") == "out":
                frames.append(entry.get("text", ""))

    tasks.add(asyncio.ensure_future(read()))

    async def say(text: str) -> Any:
        return await visitor.say(text)

    async def press(label: str) -> Any:
        raise AssertionError("not used")

    chat_id = welcome["token"].split(".")[0]
    return Reporter(f"webchat:{chat_id}", lang, say, press, lambda: frames, frames=frames)


REPORTS = [  # (channel, language, what they write): the same outage in different words
    ("telegram", "ru", "CRM не открывается, висит загрузка"),
    ("telegram", "en", "The CRM is down"),
    ("webchat", "uk", "У нас не відкривається CRM"),
    ("webchat", "ru", "не могу зайти в CRM, пишет сервис недоступен"),
    ("telegram", "uk", "CRM не працює з самого ранку"),
    ("webchat", "en", "cannot open CRM, error 502"),
    ("telegram", "ru", "црм лежит"),
    ("webchat", "ru", "CRM зависла, ничего не грузится"),
    ("telegram", "en", "CRM keeps timing out for the whole sales team"),
    ("webchat", "uk", "CRM сторінка не вантажиться"),
    ("telegram", "ru", "Не работает CRM у всего отдела"),
    ("webchat", "en", "Is the CRM down? It won't load"),
]
THIRTEENTH = ("telegram", "ru", "срм опять не работает, клиенты ждут")
UNRELATED = [
    ("telegram", "ru", "не печатает принтер, пишет offline"),
    ("webchat", "en", "I forgot my password"),
    ("telegram", "uk", "VPN не підключається"),
]


@pytest.fixture
async def outage_gateway(
    web_settings: Settings, telegram_api: TelegramEmulator
) -> AsyncIterator[Gateway]:
    config = with_telegram(web_settings, telegram_api)
    incidents = IncidentSettings(reports=5, window_minutes=15)
    async with running_gateway(config.model_copy(update={"incidents": incidents})) as gw:
        yield gw


async def test_crm_outage_one_incident_thirteen_told_once(
    outage_gateway: Gateway, telegram_api: TelegramEmulator, http: aiohttp.ClientSession
) -> None:
    gw = outage_gateway
    rt: Runtime = gw.app[RUNTIME]
    tasks: set[asyncio.Task[None]] = set()
    chats = iter(range(700000001, 700000100))

    async def reporter(channel: str, lang: str) -> Reporter:
        if channel == "telegram":
            return telegram_reporter(telegram_api, next(chats), lang)
        return await web_reporter(http, gw, lang, tasks)

    try:
        # Two users get as far as a ticket before anyone knows it is an outage.
        early: list[Reporter] = []
        for channel, lang, text in REPORTS[:2]:
            user = await reporter(channel, lang)
            await user.say(text)
            await eventually(lambda u=user: u.shown(), what="a first answer")  # type: ignore[misc]
            await until_ticket(rt, user, lang)
            early.append(user)
        assert await rt.store.incidents.open_ids() == []
        reporters = list(early)
        for channel, lang, text in REPORTS[2:]:
            user = await reporter(channel, lang)
            await user.say(text)
            await eventually(lambda u=user: u.shown(), what="a first answer")  # type: ignore[misc]
            reporters.append(user)
        unrelated = []
        for channel, lang, text in UNRELATED:
            user = await reporter(channel, lang)
            await user.say(text)
            await eventually(lambda u=user: u.shown(), what="a first answer")  # type: ignore[misc]
            unrelated.append(user)

        # One incident, formed at the fifth report; everyone of the 12 is told once.
        (incident_id,) = await rt.store.incidents.open_ids()
        for user in reporters:
            await user.sees(said(user.lang, "incident_known"))
        incident = await rt.store.incidents.get(incident_id)
        assert incident is not None and incident.services == ["crm"]
        parent = await rt.store.tickets.get(incident_id)
        assert parent is not None and parent.priority == Priority.P1
        assert parent.channel == "incidents" and parent.status.is_active
        early_tickets = [await ticket_of(rt, u) for u in early]
        assert sorted(await rt.store.incidents.children(incident_id)) == sorted(
            t.id for t in early_tickets
        )
        # Users 6..12 were told instead of being taken through the checklist: no tickets.
        for user in reporters[5:]:
            assert await rt.store.tickets.for_conversation(user.key) == []
            assert user.count(said(user.lang, "incident_known")) == 1

        # The 13th: the notice at once, in Russian, with "it's something else", nothing asked.
        channel, lang, text = THIRTEENTH
        thirteenth = await reporter(channel, lang)
        await thirteenth.say(text)
        await thirteenth.sees(said("ru", "incident_known"))
        assert len(thirteenth.shown()) == 1
        assert thirteenth.buttons() == [TEXTS.get("ru", "btn_something_else")]
        everyone = [*reporters, thirteenth]
        await eventually(
            lambda: _subscribers(rt, incident_id, {u.key for u in everyone}),
            what="13 subscribers",
        )

        # Unrelated problems stay separate: not subscribed, never told of the outage.
        subscribers = set(await rt.store.incidents.subscribers(incident_id))
        for user in unrelated:
            assert user.key not in subscribers
            assert user.count(said(user.lang, "incident_known")) == 0
        assert await rt.store.incidents.open_ids() == [incident_id]

        # Resolution: every one of the 13 told once, on their channel; children resolved.
        told = await rt.incidents.resolve(incident_id, ANNA, {"ru": "Перезапустили сервер CRM."})
        assert told == 13
        for user in everyone:
            await user.sees(said(user.lang, "incident_resolved"))
        with pytest.raises(ActionRefused):
            await rt.incidents.resolve(incident_id, ANNA)
        await asyncio.sleep(1.0)  # anything sent twice would have arrived by now
        for user in everyone:
            assert user.count(said(user.lang, "incident_resolved")) == 1, user.key
        assert any("Перезапустили сервер CRM." in t for t in thirteenth.shown())
        for user in unrelated:
            assert user.count(said(user.lang, "incident_resolved")) == 0
        for ticket in [parent, *early_tickets]:
            stored = await rt.store.tickets.get(ticket.id)
            assert stored is not None and stored.status == TicketStatus.RESOLVED
        assert await rt.store.incidents.open_ids() == []
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def _subscribers(rt: Runtime, incident_id: str, expected: set[str]) -> bool:
    return set(await rt.store.incidents.subscribers(incident_id)) == expected


async def ticket_of(rt: Runtime, user: Reporter) -> Any:
    async def one() -> Any:
        tickets = await rt.store.tickets.for_conversation(user.key)
        return tickets[0] if tickets else None

    return await eventually(one, what=f"a ticket for {user.key}")


async def until_ticket(rt: Runtime, user: Reporter, lang: str) -> None:
    """Answer "don't know" (or "no") until the bot opens a ticket."""
    dont_know, no = TEXTS.get(lang, "btn_dont_know"), TEXTS.get(lang, "btn_no")
    for _ in range(12):
        if await rt.store.tickets.for_conversation(user.key):
            return
        shown = len(user.shown())
        buttons = user.buttons()
        if dont_know in buttons:
            await user.press(dont_know)
        elif no in buttons:
            await user.press(no)
        else:
            await user.say("не знаю" if lang != "en" else "I don't know")
        await eventually(lambda n=shown: len(user.shown()) > n, what="the next question")  # type: ignore[misc]
    await ticket_of(rt, user)


async def test_something_else_continues_the_normal_dialog(
    outage_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw = outage_gateway
    rt: Runtime = gw.app[RUNTIME]
    incident = await rt.incidents.declare(
        title="CRM",
        services=["crm"],
        messages={"en": "The CRM vendor is restoring the service."},
        by=ANNA,
    )
    user = telegram_reporter(telegram_api, 710000001, "en")
    await user.say("CRM won't let me export a report to Excel")
    await user.sees(said("en", "incident_known"))
    assert "The CRM vendor is restoring the service." in user.shown()[-1]
    assert await rt.store.incidents.is_subscribed(incident.id, user.key)
    await user.press(TEXTS.get("en", "btn_something_else"))
    await user.sees(said("en", "incident_something_else"))
    await eventually(lambda: len(user.shown()) >= 3, what="the normal dialog going on")
    assert not await rt.store.incidents.is_subscribed(incident.id, user.key)
    # Writing again does not bring the notice back for this incident.
    await rt.incidents.resolve(incident.id, ANNA)
    await asyncio.sleep(0.5)
    assert user.count(said("en", "incident_resolved")) == 0
