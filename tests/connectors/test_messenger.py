"""The Messenger and Instagram connectors against the emulated Send API and webhooks."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import aiohttp
import pytest

from emulators.harness import Intake, serve_connector, stored_inbound, user_wrote, with_meta
from emulators.meta import MetaEmulator
from emulators.server import LoopbackServer, eventually
from gateway.config import Settings
from gateway.connectors.base import DeliveryError, RecipientBlocked
from gateway.connectors.messenger import MessengerConnector
from gateway.models import Button, OutboundMessage
from gateway.store import Store

PSID = "6254982447863201"
HOURS = 3600.0


async def start(
    settings: Settings, store: Store, api: MetaEmulator, channel: str, **extra: object
) -> tuple[MessengerConnector, Intake, LoopbackServer]:
    config = with_meta(settings, api, channel, **{channel: extra})
    connector = MessengerConnector(config, store, channel)
    intake, server, _ = await serve_connector(connector, store, api, channel)
    return connector, intake, server


@pytest.fixture
async def messenger(
    settings: Settings, store: Store, meta_api: MetaEmulator
) -> AsyncIterator[tuple[MessengerConnector, Intake]]:
    connector, intake, server = await start(settings, store, meta_api, "messenger")
    yield connector, intake
    await connector.stop()
    await server.stop()


async def conversation_started(api: MetaEmulator, store: Store, channel: str = "messenger") -> None:
    """The user wrote (so the Send API knows them) and a worker recorded it."""
    done = api.ms_text(channel, PSID, "привет")
    await eventually(lambda: done.done, what="first message")
    await user_wrote(store, channel, PSID, api.clock())


async def test_messaging_events_become_inbound_messages_and_echoes_are_dropped(
    messenger: tuple[MessengerConnector, Intake], meta_api: MetaEmulator, store: Store
) -> None:
    _, intake = messenger
    meta_api.ms_text("messenger", PSID, "не работает vpn")
    meta_api.ms_event(
        "messenger",
        PSID,
        {"message": {"mid": "m_qr", "text": "Нет", "quick_reply": {"payload": "faq:no"}}},
    )
    meta_api.ms_event(
        "messenger", PSID, {"postback": {"mid": "m_pb", "title": "Начать", "payload": "/start"}}
    )
    meta_api.ms_event(
        "messenger",
        PSID,
        {
            "message": {
                "mid": "m_att",
                "attachments": [
                    {"type": "image", "payload": {"url": "https://cdn.fb.test/p.jpg"}},
                    {"type": "file", "payload": {"url": "https://cdn.fb.test/log.txt"}},
                ],
            }
        },
    )
    meta_api.ms_event(
        "messenger", PSID, {"message": {"mid": "m_echo", "text": "our reply", "is_echo": True}}
    )
    meta_api.ms_event("messenger", PSID, {"read": {"watermark": 1458668856253}})
    last = meta_api.ms_text("messenger", PSID, "ещё")
    await eventually(lambda: last.done, what="all delivered")
    assert [(m.text, m.payload) for m in intake.accepted] == [
        ("не работает vpn", ""),
        ("Нет", "faq:no"),
        ("Начать", "/start"),
        ("", ""),
        ("ещё", ""),
    ]
    first, _, postback, attached, _ = intake.accepted
    assert (first.channel, first.chat_id) == ("messenger", PSID)
    assert first.message_id.startswith("m_") and postback.message_id == "m_pb"
    assert [(a.kind, a.url) for a in attached.attachments] == [
        ("photo", "https://cdn.fb.test/p.jpg"),
        ("document", "https://cdn.fb.test/log.txt"),
    ]
    assert len(await stored_inbound(store)) == 5


async def test_quick_replies_carry_buttons_and_long_labels_are_numbered(
    messenger: tuple[MessengerConnector, Intake], meta_api: MetaEmulator, store: Store
) -> None:
    connector, _ = messenger
    await conversation_started(meta_api, store)
    rating = tuple(Button(str(i), f"csat:{i}") for i in range(1, 6))
    await connector.send(PSID, OutboundMessage(text="Оцените", buttons=rating))
    shown = meta_api.last("messenger", PSID)
    assert shown is not None and shown.kind == "quick_replies"
    assert shown.buttons == [(str(i), f"csat:{i}") for i in range(1, 6)]
    assert meta_api.calls[-1][1]["messaging_type"] == "RESPONSE"

    long = (Button("1. Принтер не печатает, пишет offline", "faq:printer"), Button("Нет", "n"))
    await connector.send(PSID, OutboundMessage(text="Что из этого?", buttons=long))
    shown = meta_api.last("messenger", PSID)
    assert shown is not None
    assert "1. 1. Принтер не печатает, пишет offline" in shown.text
    assert [len(label) <= 20 for label in shown.labels] == [True, True]
    assert shown.buttons[0][1] == "faq:printer"

    many = tuple(Button(f"{i}", f"opt:{i}") for i in range(15))
    await connector.send(PSID, OutboundMessage(text="Выберите", buttons=many))
    shown = meta_api.last("messenger", PSID)
    assert shown is not None and len(shown.buttons) == 13 and "\n15. 14" in shown.text


async def test_outside_24_hours_replies_need_the_human_agent_tag(
    settings: Settings, store: Store, meta_api: MetaEmulator
) -> None:
    tagged, _, server = await start(settings, store, meta_api, "messenger", human_agent=True)
    untagged = MessengerConnector(with_meta(settings, meta_api, "messenger"), store)
    try:
        await conversation_started(meta_api, store)
        later = meta_api.clock() + 30 * HOURS
        tagged.clock = untagged.clock = meta_api.clock = lambda: later
        reply = OutboundMessage(text="Готово", author="operator:anna", author_name="Анна")
        await tagged.send(PSID, reply)
        shown = meta_api.last("messenger", PSID)
        assert shown is not None and (shown.text, shown.tag) == ("Анна: Готово", "HUMAN_AGENT")
        assert meta_api.calls[-1][1]["messaging_type"] == "MESSAGE_TAG"

        with pytest.raises(DeliveryError, match="until they write again") as closed:
            await untagged.send(PSID, reply)  # no Human Agent feature: not even tried
        assert closed.value.permanent

        week_later = later + 7 * 24 * HOURS
        tagged.clock = meta_api.clock = lambda: week_later
        calls = len(meta_api.calls)
        with pytest.raises(DeliveryError) as expired:
            await tagged.send(PSID, reply)
        assert expired.value.permanent and len(meta_api.calls) == calls
    finally:
        await tagged.stop()
        await untagged.stop()
        await server.stop()


async def test_send_api_errors_map_to_retries_and_blocks(
    messenger: tuple[MessengerConnector, Intake], meta_api: MetaEmulator, store: Store
) -> None:
    connector, _ = messenger
    await conversation_started(meta_api, store)
    await user_wrote(store, "messenger", "1111111111", meta_api.clock())
    hello = OutboundMessage(text="hello")
    meta_api.forced.append(("messenger", 613, 0, 400))
    with pytest.raises(DeliveryError) as throttled:
        await connector.send(PSID, hello)
    assert not throttled.value.permanent
    meta_api.gone.add(("messenger", PSID))
    with pytest.raises(RecipientBlocked):
        await connector.send(PSID, hello)  # 551: the person blocked the page
    with pytest.raises(RecipientBlocked):
        await connector.send("1111111111", hello)  # 100/2018001: no such user


async def test_instagram_speaks_the_same_platform(
    settings: Settings, store: Store, meta_api: MetaEmulator
) -> None:
    connector, intake, server = await start(settings, store, meta_api, "instagram")
    try:
        done = meta_api.ms_text("instagram", PSID, "hello from instagram")
        await eventually(lambda: done.done, what="delivered")
        assert [(m.channel, m.text) for m in intake.accepted] == [
            ("instagram", "hello from instagram")
        ]
        await user_wrote(store, "instagram", PSID, meta_api.clock())
        await connector.send(
            PSID, OutboundMessage(text="Did it help?", buttons=(Button("Yes", "faq:yes"),))
        )
        assert meta_api.texts("instagram", PSID) == ["Did it help?"]
        # A signed Messenger body on the Instagram webhook (the app's Page subscription
        # pointed here) is not stored as Instagram's, and not refused either: Meta would
        # resend it for days and then unsubscribe the app, Instagram's messages with it.
        # Kept aside for people to see, with the reason (outside pass: it was a 400).
        page = {"object": "page", "entry": [{"id": "1", "time": 1, "messaging": []}]}
        body = json.dumps(page).encode()
        async with aiohttp.ClientSession() as http:
            headers = {"X-Hub-Signature-256": meta_api.sign(body)}
            async with http.post(
                f"{server.url}/webhooks/instagram", data=body, headers=headers
            ) as resp:
                assert resp.status == 200
        (kept,) = await store.inbound.unreadable_list()
        assert kept["channel"] == "instagram" and json.loads(kept["raw"]) == page
        assert kept["error"].startswith("object 'page', not 'instagram': another product")
        assert len(intake.accepted) == 1
    finally:
        await connector.stop()
        await server.stop()


async def test_user_names_come_from_the_graph_user_profile_once_per_user(
    settings: Settings, store: Store, meta_api: MetaEmulator
) -> None:
    meta_api.profiles[PSID] = {"first_name": "Olena", "last_name": "Kovalenko"}
    meta_api.profiles["17841400000000001"] = {"name": "", "username": "petro.it"}
    for channel, user, expected in (
        ("messenger", PSID, "Olena Kovalenko"),
        ("instagram", "17841400000000001", "petro.it"),
        ("messenger", "9990001112223334", ""),  # Graph has no profile for us: no name
    ):
        connector, intake, server = await start(settings, store, meta_api, channel)
        try:
            meta_api.ms_text(channel, user, "не работает vpn")
            last = meta_api.ms_text(channel, user, "ещё")
            await eventually(lambda last=last: last.done, what="both delivered")  # type: ignore[misc]
            assert [(m.text, m.user_name) for m in intake.accepted] == [
                ("не работает vpn", expected),
                ("ещё", expected),
            ]
        finally:
            await connector.stop()
            await server.stop()
    assert meta_api.profile_calls == [PSID, "17841400000000001"]  # cached per user
    stored = {(m.channel, m.user_name) for m in await stored_inbound(store)}
    assert stored == {
        ("messenger", "Olena Kovalenko"), ("instagram", "petro.it"), ("messenger", "")
    }



async def test_while_graph_does_not_answer_a_batch_of_new_users_is_not_held_up(
    settings: Settings, store: Store, meta_api: MetaEmulator
) -> None:
    """Outside pass: with Graph hanging, the webhook waited 3 s for each new user's name
    before storing their message (a Messenger batch of ten new users: answered after 30 s,
    so Meta would deliver it again, and again). After a lookup Graph did not answer,
    lookups pause for a minute: the batch is stored at once, without names; once the
    pause is over the next message asks again."""
    users = [f"70000000000000{i:02d}" for i in range(10)]
    for user in users:
        meta_api.profiles[user] = {"first_name": "Olena", "last_name": f"N{user[-2:]}"}
    meta_api.profile_delay = 30.0
    connector, intake, server = await start(settings, store, meta_api, "messenger")
    assert connector.profiles is not None
    now = [1000.0]
    connector.profiles.timeout, connector.profiles.clock = 0.2, lambda: now[0]
    try:
        page, stamp = meta_api.page_id, int(meta_api.clock() * 1000)
        events = [
            {
                "sender": {"id": user},
                "recipient": {"id": page},
                "timestamp": stamp,
                "message": {"mid": f"m_batch_{user}", "text": "не работает vpn"},
            }
            for user in users
        ]
        entry = {"id": page, "time": stamp, "messaging": events}
        batch = meta_api.post("messenger", {"object": "page", "entry": [entry]})
        await eventually(lambda: batch.done, what="the batch delivered")
        assert batch.statuses == [200]
        assert [(m.chat_id, m.user_name) for m in intake.accepted] == [(u, "") for u in users]
        assert meta_api.profile_calls == [users[0]]  # one wait, not ten

        meta_api.profile_delay = 0.0
        now[0] += 61  # the pause is over: the next message asks again
        last = meta_api.ms_text("messenger", users[1], "ещё")
        await eventually(lambda: last.done, what="the next message")
        assert intake.accepted[-1].user_name == "Olena N01"
        assert meta_api.profile_calls == [users[0], users[1]]
    finally:
        await connector.stop()
        await server.stop()
