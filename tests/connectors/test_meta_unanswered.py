"""WhatsApp and Messenger under Telegram's rule for a send with no answer (Meta has no
idempotency key either): a send Graph took and answered too late is sent once more at most,
then dead-lettered as "unconfirmed, it may have arrived"; a send that never left (no
connection) is retried as before. Against the emulated Graph API, which can take a send
and stall its answer."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sending import sent_or_given_up

from emulators.harness import serve_connector, user_wrote, with_meta
from emulators.meta import MetaEmulator
from emulators.server import free_port
from gateway.config import Settings
from gateway.connectors import unanswered
from gateway.connectors.base import Connector, DeliveryError, MaybeDelivered
from gateway.connectors.messenger import MessengerConnector
from gateway.connectors.whatsapp import WhatsAppConnector
from gateway.models import OutboundMessage
from gateway.store import Store, Transaction

USERS = {"whatsapp": "380507654321", "messenger": "7312004455667788"}


@pytest.fixture(params=["whatsapp", "messenger"])
async def meta(
    request: pytest.FixtureRequest,
    settings: Settings,
    store: Store,
    meta_api: MetaEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[tuple[str, Connector]]:
    monkeypatch.setattr(unanswered, "SEND_TIMEOUT", 0.5)  # the emulator stalls 1.5 s
    channel = request.param
    config = with_meta(settings, meta_api, channel)
    connector: Connector = (
        WhatsAppConnector(config, store)
        if channel == "whatsapp"
        else MessengerConnector(config, store, channel)
    )
    _, server, _ = await serve_connector(connector, store, meta_api, channel)
    user = USERS[channel]
    now = meta_api.clock()  # the user wrote just now: a free-form reply, for both sides
    await user_wrote(store, channel, user, now)
    meta_api.last_user_at[(channel, user)] = now
    yield channel, connector
    await connector.stop()
    await server.stop()


async def send_through_sender(
    store: Store, channel: str, connector: Connector, text: str
) -> tuple[int, list[str]]:
    tx = Transaction()
    tx.deliver(channel, USERS[channel], OutboundMessage(text=text))
    await store.commit(tx)
    sender, given_up = await sent_or_given_up(
        store, connector, max_attempts=6, backoff_base=0.05, send_timeout=5
    )
    return sender.sent, given_up


async def test_a_send_graph_took_but_answered_too_late_is_sent_once_more_at_most(
    meta: tuple[str, Connector], meta_api: MetaEmulator, store: Store
) -> None:
    """Before: each of the six tries stalled and each was shown: six copies, then a dead
    letter "graph api unreachable"."""
    channel, connector = meta
    meta_api.stalled_answers, meta_api.stall_seconds = 10, 1.5
    sent, given_up = await send_through_sender(store, channel, connector, "Check the cable")
    assert meta_api.texts(channel, USERS[channel]) == ["Check the cable"] * 2
    assert sent == 0
    [error] = given_up
    assert error.startswith("unconfirmed:") and "may have arrived" in error
    [letter] = await store.outbox.dead_letters()
    assert letter["error"] == error


async def test_one_lost_answer_costs_one_repeat_and_the_reply_is_delivered(
    meta: tuple[str, Connector], meta_api: MetaEmulator, store: Store
) -> None:
    channel, connector = meta
    meta_api.stalled_answers, meta_api.stall_seconds = 1, 1.5
    sent, given_up = await send_through_sender(store, channel, connector, "HD-000077 is open")
    assert sent == 1 and given_up == []
    assert meta_api.texts(channel, USERS[channel]) == ["HD-000077 is open"] * 2


async def test_a_lost_answer_is_told_from_a_connection_never_made(
    meta: tuple[str, Connector], meta_api: MetaEmulator, settings: Settings, store: Store
) -> None:
    channel, connector = meta
    meta_api.stalled_answers, meta_api.stall_seconds = 1, 1.5
    with pytest.raises(MaybeDelivered):
        await connector.send(USERS[channel], OutboundMessage(text="answered too late"))

    nowhere = with_meta(settings, meta_api, channel)
    gone = nowhere.meta.model_copy(update={"graph_base": f"http://127.0.0.1:{free_port()}"})
    nowhere = nowhere.model_copy(update={"meta": gone})  # nothing listens there
    unreachable: Connector = (
        WhatsAppConnector(nowhere, store)
        if channel == "whatsapp"
        else MessengerConnector(nowhere, store, channel)
    )
    try:
        with pytest.raises(DeliveryError) as refused:
            await unreachable.send(USERS[channel], OutboundMessage(text="never left"))
        assert not isinstance(refused.value, MaybeDelivered)
    finally:
        await unreachable.stop()


async def test_graph_5xx_and_throttling_are_retried_as_before(
    meta: tuple[str, Connector], meta_api: MetaEmulator, store: Store
) -> None:
    """Graph answered (it did not take the message): retried freely, shown once."""
    channel, connector = meta
    meta_api.forced += [(channel, 2, 0, 503), (channel, 4, 0, 400), (channel, 2, 0, 500)]
    sent, given_up = await send_through_sender(store, channel, connector, "Try the VPN again")
    assert sent == 1 and given_up == []
    assert meta_api.texts(channel, USERS[channel]) == ["Try the VPN again"]


# A paragraph each channel sends as one message of its own (Messenger's limit is 2000
# characters, WhatsApp's 4096): a reply of three is sent as three messages.
PARAGRAPH = {"whatsapp": 4000, "messenger": 1900}


def three_paragraphs(channel: str) -> list[str]:
    words = {"a": "reboot the dock", "b": "reseat the cable", "c": "call the desk"}
    return [
        (f"{name}: " + f"{said} " * PARAGRAPH[channel])[: PARAGRAPH[channel]].strip()
        for name, said in words.items()
    ]


async def test_a_long_reply_resent_after_a_lost_answer_repeats_only_the_unconfirmed_part(
    meta: tuple[str, Connector], meta_api: MetaEmulator, store: Store
) -> None:
    """The first part is confirmed, the second's answer is lost: the retry sends the second
    (it may not have arrived) and the third, never the first again. Before: the whole reply
    went again, the first part shown twice."""
    channel, connector = meta
    first, second, third = three_paragraphs(channel)
    meta_api.answered_before_stall = 1
    meta_api.stalled_answers, meta_api.stall_seconds = 1, 1.5
    sent, given_up = await send_through_sender(
        store, channel, connector, "\n".join([first, second, third])
    )
    assert sent == 1 and given_up == []
    assert meta_api.texts(channel, USERS[channel]) == [first, second, second, third]


async def test_a_long_reply_refused_midway_goes_on_from_the_refused_part(
    meta: tuple[str, Connector], meta_api: MetaEmulator
) -> None:
    """A lost answer, then a refusal (Graph 503), then the send that gets through: each try
    starts at the first part not confirmed, and the reply is sent afresh when it comes
    again after it went out whole."""
    channel, connector = meta
    first, second, third = three_paragraphs(channel)
    reply = OutboundMessage(text="\n".join([first, second, third]))
    meta_api.answered_before_stall = 1
    meta_api.stalled_answers, meta_api.stall_seconds = 1, 1.5
    with pytest.raises(MaybeDelivered):
        await connector.send(USERS[channel], reply)
    meta_api.forced.append((channel, 2, 0, 503))
    with pytest.raises(DeliveryError) as refused:
        await connector.send(USERS[channel], reply)
    assert not refused.value.permanent
    await connector.send(USERS[channel], reply)
    assert meta_api.texts(channel, USERS[channel]) == [first, second, second, third]
    await connector.send(USERS[channel], reply)  # the same words again later: all of them
    assert meta_api.texts(channel, USERS[channel])[4:] == [first, second, third]
