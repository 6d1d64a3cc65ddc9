"""A device no word list names, told by what it does (it shows, lights, went dark, reads or
opens with a card), is an IT problem: the bot takes it on and its ticket goes to hardware,
instead of asking what the IT problem is (issue 19, session 25).

Through the real conversation service, store and knowledge base (`chat --json`'s session).
"""

from __future__ import annotations

from typing import Any

import pytest

from gateway.config import Settings
from gateway.dialogs.chat import CHANNEL, ChatSession
from gateway.runtime import open_runtime

CLARIFY = ("Не уверен, что понял", "Не впевнений, що зрозумів", "I'm not sure what the IT problem")


def said(turn: list[dict[str, Any]]) -> str:
    return "\n".join(str(e["text"]) for e in turn if e["event"] == "message")


@pytest.mark.parametrize(
    "text",
    [
        "на катке электронные часы над льдом показывают одни нули",
        "у хостелі двері номера 12 не відчиняються карткою",
        "the LED sign over the pharmacy door went dark",
    ],
)
async def test_a_device_told_by_what_it_does_gets_a_hardware_ticket(
    settings: Settings, text: str
) -> None:
    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        session = ChatSession(rt.service)
        turn = await session.turn({"text": text})
        assert not any(words in said(turn) for words in CLARIFY), said(turn)
        for _ in range(8):
            if any(e["event"] == "ticket_opened" for e in turn):
                break
            offered = [e for e in turn if e["event"] == "faq_choices"]
            turn = await session.turn({"payload": "faq:none"} if offered else {"text": "no"})
        (ticket,) = await rt.store.tickets.recent()
        assert ticket.group.value == "hardware"


@pytest.mark.parametrize(
    "text",
    [
        "The light in the hallway is flickering",
        "The dishwasher light is blinking",
        "My car's check engine light is flashing",
    ],
)
async def test_a_lamp_that_blinks_is_asked_about_not_taken_on(
    settings: Settings, text: str
) -> None:
    """Review, session 25: these were offered the keyboard and paper-jam articles and then a
    hardware ticket; a lamp that blinks is no IT device, and the bot asks what the IT problem
    is, as before the display rule; a dishwasher's is facilities', and it is told so (session
    26): no ticket either way."""
    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        turn = await ChatSession(rt.service).turn({"text": text})
        told = (*CLARIFY, "a question for facilities") if "dishwasher" in text else CLARIFY
        assert any(words in said(turn) for words in told), said(turn)
        assert await rt.store.tickets.recent() == []
