"""Whole conversations through the real gateway (`create_app`) on emulated channels
(Telegram, Viber, WhatsApp, Messenger).

The user's side is the emulator: what they typed, which buttons they pressed, what the
app shows them. The operator's side is the runtime's desk. Each test asserts both what
the user sees and what the store holds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web
from pydantic import SecretStr

from emulators.harness import with_meta, with_telegram, with_viber
from emulators.meta import MetaEmulator
from emulators.server import eventually, free_port
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway import app as gateway_app
from gateway.config import Settings
from gateway.models import Ticket, TicketStatus
from gateway.operations import Actor
from gateway.runtime import Runtime
from gateway.texts import Texts

TEXTS = Texts.load()
ANNA = Actor("anna", "Анна")
QUESTION = "не печатает принтер, пишет offline"
# "пишет offline" in the question already answers the error: it is not asked again.
CHECKLIST_ANSWERS = ["перезагрузил принтер", "HP LaserJet 400", "Windows 11", "со вчера"]


def ru(key: str, **fmt: Any) -> str:
    return TEXTS.get("ru", key, **fmt)


@dataclass
class Gateway:
    app: web.Application
    runner: web.AppRunner

    @property
    def rt(self) -> Runtime:
        return self.app[gateway_app.RUNTIME]


async def run_gateway(settings: Settings, port: int = 0) -> Gateway:
    app = gateway_app.create_app(settings)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return Gateway(app, runner)


@dataclass
class User:
    """One user on one channel, seen through the emulator."""

    conversation_key: str
    say: Callable[[str], Awaitable[Any]]
    press: Callable[[str], Awaitable[Any]]
    texts: Callable[[], list[str]]
    buttons: Callable[[], list[str]]

    async def sees(self, text: str, after: int = 0) -> int:
        """Wait until `text` is shown (at or after position `after`); returns its position."""

        def found() -> int | None:
            shown = self.texts()
            for i in range(after, len(shown)):
                if text in shown[i]:
                    return i + 1
            return None

        return int(await eventually(found, what=f"the user to see {text!r}"))


def telegram_user(api: TelegramEmulator, chat: int) -> User:
    async def say(text: str) -> Any:
        return await api.send_text(chat, text)

    async def press(label: str) -> Any:
        return await api.press(chat, label)

    def buttons() -> list[str]:
        last = api.last(chat)
        return last.buttons if last else []

    return User(f"telegram:{chat}", say, press, lambda: api.texts(chat), buttons)


def viber_user(api: ViberEmulator, user_id: str) -> User:
    async def say(text: str) -> Any:
        return api.send_text(user_id, text)

    async def press(label: str) -> Any:
        return api.press(user_id, label)

    def buttons() -> list[str]:
        last = api.last(user_id)
        return last.buttons if last else []

    return User(f"viber:{user_id}", say, press, lambda: api.texts(user_id), buttons)


async def ticket_of(gw: Gateway, user: User) -> Ticket:
    async def one() -> Ticket | None:
        tickets = await gw.rt.store.tickets.for_conversation(user.conversation_key)
        return tickets[0] if tickets else None

    return await eventually(one, what="a ticket")  # type: ignore[no-any-return]


async def taken(gw: Gateway, user: User, text: str) -> None:
    """Wait until a turn has taken the user's message (it is in the transcript)."""

    async def in_transcript() -> bool:
        entries = await gw.rt.store.conversations.transcript(user.conversation_key)
        return any(e["direction"] == "in" and e["text"] == text for e in entries)

    await eventually(in_transcript, what=f"a turn to take {text!r}")


async def open_ticket(gw: Gateway, user: User) -> tuple[Ticket, int]:
    """FAQ answer, "didn't help", checklist, ticket; returns it and how far the user read."""
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    assert user.buttons() == [ru("btn_yes"), ru("btn_no")]
    # The printer article, then the question (in one message, or two where a message with
    # buttons is short, as on WhatsApp).
    assert "Принтер" in "\n".join(user.texts()[max(0, seen - 2) : seen])

    await user.press(ru("btn_no"))
    for answer in CHECKLIST_ANSWERS:
        seen = await user.sees("?", after=seen)
        assert ru("btn_dont_know") in user.buttons()
        await user.say(answer)
    ticket = await ticket_of(gw, user)
    seen = await user.sees(f"{ticket.id}", after=seen)
    assert ticket.topic == "printer_offline" and ticket.status == TicketStatus.NEW
    assert ticket.fields == {
        "problem": QUESTION,
        "tried": "перезагрузил принтер",
        "error": "offline",
        "product": "HP LaserJet 400",
        "os": "Windows 11",
        "since": "со вчера",
    }
    return ticket, seen


async def full_conversation(gw: Gateway, user: User) -> Ticket:
    """A ticket, then operator take-over and reply, resolution and the user's rating."""
    ticket, seen = await open_ticket(gw, user)
    claim = await gw.rt.desk.take_over(ticket.id, ANNA)
    assert claim.won
    seen = await user.sees(ru("ticket_taken", ticket_id=ticket.id), after=seen)
    await gw.rt.desk.reply(ticket.id, ANNA, "Переподключил принтер к сети, попробуйте ещё раз")
    seen = await user.sees("Переподключил принтер к сети", after=seen)
    await user.say("заработало, спасибо")  # the bot stays quiet while a person owns it
    # Resolved once that message's turn has run: sent after the resolution it would be an
    # answer to the rating question instead.
    await taken(gw, user, "заработало, спасибо")
    await gw.rt.desk.resolve(ticket.id, ANNA, "перезапущен спулер")
    seen = await user.sees(ru("csat_ask"), after=seen)
    assert user.buttons()[-5:] == ["1", "2", "3", "4", "5"]
    await user.press("5")
    await user.sees(ru("csat_comment_ask"), after=seen)
    await user.press(ru("btn_skip"))
    await user.sees(ru("csat_thanks"), after=seen)

    done = await gw.rt.store.tickets.get(ticket.id)
    assert done is not None
    assert (done.status, done.assignee, done.csat) == (TicketStatus.RESOLVED, "anna", 5)
    assert done.first_response_at > 0 and done.resolved_at > 0
    transcript = await gw.rt.store.conversations.transcript(user.conversation_key)
    said = [e["text"] for e in transcript if e["direction"] == "in"]
    asked = said.index(QUESTION)
    assert said[asked : asked + 2] == [QUESTION, ru("btn_no")]  # the press, by its label
    assert "заработало, спасибо" in said
    return done


@pytest.fixture
async def telegram_gateway(
    settings: Settings, telegram_api: TelegramEmulator
) -> AsyncIterator[Gateway]:
    gw = await run_gateway(with_telegram(settings, telegram_api))
    yield gw
    await gw.runner.cleanup()


async def test_a_full_conversation_on_telegram(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    user = telegram_user(telegram_api, 111111111)
    await user.say("/start")
    await user.sees(ru("greeting"))
    ticket = await full_conversation(telegram_gateway, user)
    assert ticket.channel == "telegram" and ticket.chat_id == "111111111"
    # Button presses were answered, so no spinner was left running in the app.
    pressed = {q for q in telegram_api.callback_ids}
    await eventually(lambda: pressed <= set(telegram_api.answered_callbacks), what="answers")


async def test_a_full_conversation_on_telegram_via_webhook_with_retries(
    settings: Settings, telegram_api: TelegramEmulator
) -> None:
    port = free_port()
    config = with_telegram(
        settings, telegram_api, mode="webhook", webhook_secret=SecretStr("hook_secret-42")
    )
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})}
    )
    gw = await run_gateway(config, port)
    try:
        await eventually(lambda: telegram_api.webhook, what="webhook registered")
        user = telegram_user(telegram_api, 222222222)
        first = await user.say(QUESTION)
        telegram_api.redeliver.add(first)  # Telegram sends the first update twice
        await user.sees(ru("did_it_help"))
        await eventually(
            lambda: [u for u, _ in telegram_api.webhook_posts].count(first) == 2,
            what="the repeat",
        )
        transcript = await gw.rt.store.conversations.transcript(user.conversation_key)
        assert [e["text"] for e in transcript if e["direction"] == "in"] == [QUESTION]
        assert sum(ru("did_it_help") in t for t in user.texts()) == 1  # one reply
    finally:
        await gw.runner.cleanup()


async def test_a_429_is_waited_out_and_the_reply_sent_once(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    telegram_api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", 1)
    user = telegram_user(telegram_api, 333333333)
    await user.say("/start")
    await user.sees(ru("greeting"))
    assert user.texts() == [ru("greeting")]
    assert [m for m, _ in telegram_api.calls].count("sendmessage") == 2  # refused, then sent


async def test_a_user_who_blocked_the_bot_is_marked_and_keeps_the_ticket(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw = telegram_gateway
    user = telegram_user(telegram_api, 444444444)
    ticket, _ = await open_ticket(gw, user)
    telegram_api.blocked.add(444444444)  # blocked; the my_chat_member update is not needed
    await gw.rt.desk.take_over(ticket.id, ANNA)

    async def blocked() -> bool:
        conv = await gw.rt.store.conversations.get(user.conversation_key)
        return conv is not None and conv.blocked

    await eventually(blocked, what="the conversation marked blocked")
    kept = await gw.rt.store.tickets.get(ticket.id)
    assert kept is not None and kept.status.is_active and kept.assignee == "anna"
    dead = await gw.rt.store.outbox.dead_letters()
    assert any("blocked" in d["error"] for d in dead)


@pytest.fixture
async def viber_gateway(settings: Settings, viber_api: ViberEmulator) -> AsyncIterator[Gateway]:
    port = free_port()
    config = with_viber(settings, viber_api)
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})}
    )
    gw = await run_gateway(config, port)
    await eventually(lambda: viber_api.webhook_url, what="viber webhook registered")
    yield gw
    await gw.runner.cleanup()


async def test_a_full_conversation_on_viber(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "3SQNc4FPUQmysaM/AQEhXg=="
    user = viber_user(viber_api, user_id)
    viber_api.open_conversation(user_id, name="Ivan", language="ru")
    await user.sees(ru("greeting"))  # the inline welcome in the callback reply
    ticket = await full_conversation(viber_gateway, user)
    assert ticket.channel == "viber" and ticket.chat_id == user_id
    shown = viber_api.sent[user_id]
    operator = next(m for m in shown if "Переподключил" in m.text)
    assert operator.sender["name"] == "Анна"  # Viber shows the operator as the sender


async def test_viber_retried_callbacks_do_not_duplicate_anything(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "dup-user=="
    user = viber_user(viber_api, user_id)
    viber_api.redeliver = 1
    callback = viber_api.send_text(user_id, QUESTION, name="Ivan", language="ru")
    await user.sees(ru("did_it_help"))
    await eventually(lambda: callback.done, what="both deliveries")
    assert callback.statuses == [200, 200]
    transcript = await viber_gateway.rt.store.conversations.transcript(user.conversation_key)
    assert [e["text"] for e in transcript if e["direction"] == "in"] == [QUESTION]
    assert sum(ru("did_it_help") in t for t in user.texts()) == 1


def whatsapp_user(api: MetaEmulator, wa_id: str) -> User:
    async def say(text: str) -> Any:
        return api.wa_text(wa_id, text)

    async def press(label: str) -> Any:
        return api.wa_press(wa_id, label)

    def buttons() -> list[str]:
        last = api.last("whatsapp", wa_id)
        return last.labels if last else []

    return User(f"whatsapp:{wa_id}", say, press, lambda: api.texts("whatsapp", wa_id), buttons)


def messenger_user(api: MetaEmulator, psid: str, product: str = "messenger") -> User:
    """A Messenger user, or an Instagram one (`product="instagram"`): same platform."""

    async def say(text: str) -> Any:
        return api.ms_text(product, psid, text)

    async def press(label: str) -> Any:
        return api.ms_press(product, psid, label)

    def buttons() -> list[str]:
        last = api.last(product, psid)
        return last.labels if last else []

    return User(f"{product}:{psid}", say, press, lambda: api.texts(product, psid), buttons)


@pytest.fixture
async def meta_gateway(settings: Settings, meta_api: MetaEmulator) -> AsyncIterator[Gateway]:
    port = free_port()
    gw = await run_gateway(
        with_meta(settings, meta_api, "whatsapp", "messenger", "instagram"), port
    )
    for channel in ("whatsapp", "messenger", "instagram"):
        assert await meta_api.subscribe(channel, f"http://127.0.0.1:{port}/webhooks/{channel}")
    yield gw
    await gw.runner.cleanup()


async def test_a_full_conversation_on_whatsapp(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    wa_id = "380501234567"
    user = whatsapp_user(meta_api, wa_id)
    ticket = await full_conversation(meta_gateway, user)
    assert ticket.channel == "whatsapp" and ticket.chat_id == wa_id
    shown = meta_api.shown[("whatsapp", wa_id)]
    asked = next(m for m in shown if m.text.endswith(ru("did_it_help")))
    assert asked.kind == "buttons" and asked.labels == [ru("btn_yes"), ru("btn_no")]
    rating = next(m for m in shown if m.text == ru("csat_ask"))
    assert rating.kind == "list" and rating.labels == ["1", "2", "3", "4", "5"]
    operator = next(m for m in shown if "Переподключил" in m.text)
    assert operator.text.startswith("Анна: ") and operator.kind == "text"


async def test_a_late_whatsapp_reply_goes_out_as_a_template(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    gw, wa_id = meta_gateway, "380502222222"
    user = whatsapp_user(meta_api, wa_id)
    ticket, seen = await open_ticket(gw, user)
    await gw.rt.desk.take_over(ticket.id, ANNA)
    seen = await user.sees(ru("ticket_taken", ticket_id=ticket.id), after=seen)
    # 25 hours later, for Meta and for the gateway alike.
    later = meta_api.clock() + 25 * 3600
    connector = next(c for c in gw.app[gateway_app.CONNECTORS] if c.channel == "whatsapp")
    connector.clock = meta_api.clock = lambda: later  # type: ignore[attr-defined]
    await gw.rt.desk.reply(ticket.id, ANNA, "Картридж заменён.\nПроверьте, пожалуйста")
    late = await user.sees("Картридж заменён", after=seen)
    template = meta_api.shown[("whatsapp", wa_id)][late - 1]
    assert template.kind == "template" and template.body["template"]["name"] == "ticket_update"
    assert template.text == (
        "Новости по вашей заявке: Анна: Картридж заменён. · Проверьте, пожалуйста"
    )
    # The resolution's rating request outside the window: the csat_request template, whose
    # quick replies the user presses like any button.
    await gw.rt.desk.resolve(ticket.id, ANNA, "картридж")
    await user.sees("Оцените помощь от 1 до 5", after=late)
    assert user.buttons() == ["1", "2", "3", "4", "5"]
    await user.press("4")
    await user.sees(ru("csat_comment_ask"), after=late)

    async def rated() -> bool:
        done = await gw.rt.store.tickets.get(ticket.id)
        return done is not None and done.csat == 4

    await user.press(ru("btn_skip"))
    await eventually(rated, what="the rating stored")


async def test_a_full_conversation_on_messenger(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    psid = "6254982447863201"
    user = messenger_user(meta_api, psid)
    ticket = await full_conversation(meta_gateway, user)
    assert ticket.channel == "messenger" and ticket.chat_id == psid
    shown = meta_api.shown[("messenger", psid)]
    rating = next(m for m in shown if m.text == ru("csat_ask"))
    assert rating.kind == "quick_replies" and rating.buttons[-1] == ("5", "csat:5")
    operator = next(m for m in shown if "Переподключил" in m.text)
    assert operator.text.startswith("Анна: ")


async def test_a_full_conversation_on_instagram(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    igsid = "17841400000000001"
    user = messenger_user(meta_api, igsid, "instagram")
    ticket = await full_conversation(meta_gateway, user)
    assert ticket.channel == "instagram" and ticket.chat_id == igsid
    shown = meta_api.shown[("instagram", igsid)]
    assert all(len(m.text) <= 1000 for m in shown)  # Instagram's limit, long answers split
    rating = next(m for m in shown if m.text == ru("csat_ask"))
    assert rating.kind == "quick_replies" and rating.labels == ["1", "2", "3", "4", "5"]


async def test_meta_retried_webhooks_produce_nothing_new(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    wa_id = "380507777777"
    user = whatsapp_user(meta_api, wa_id)
    meta_api.redeliver = 1
    delivery = await user.say(QUESTION)
    await user.sees(ru("did_it_help"))
    await eventually(lambda: delivery.done, what="both deliveries")
    assert delivery.statuses == [200, 200]
    transcript = await meta_gateway.rt.store.conversations.transcript(user.conversation_key)
    assert [e["text"] for e in transcript if e["direction"] == "in"] == [QUESTION]
    assert sum(ru("did_it_help") in t for t in user.texts()) == 1
